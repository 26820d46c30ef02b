-- policytk explain CREDIT_CODE: for one firm, every benefit of the city with paid / not paid
-- and the reason — the condition that failed, with the firm's value and the threshold.

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local plugins = require "policytk.plugins"
local firms = require "policytk.benefits.firms"
local match = require "policytk.benefits.match"

return {
  summary = "说明某企业能否享受每项惠企条款及原因",
  usage = "policytk explain CREDIT_CODE [--city C] [--year Y] [--format table|json|csv]",
  description = "对该企业和年度，逐条列出城市（默认为企业所在县所属的城市）的惠企条款：\n"
    .. "享受及金额，或不享受及规则给出的原因。",
  options = {
    { "--city", arg = "CITY", help = "城市（插件编号）" },
    { "--year", arg = "YEAR", integer = true, help = "年度（默认今年）" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "输出格式" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    local code = args[1] and args[1]:upper()
    if not code or args[2] then cli.usage_error("用法：policytk explain 统一社会信用代码") end
    local conn, path = store.open(opts.db)
    store.require_loaded(conn, path)
    local firm
    firms.each(conn, { credit_code = code }, function(f) firm = f end)
    if not firm then conn:close(); cli.fail("企业名录中没有 %s（policytk firms import 文件）", code) end
    local city = opts.city
    if not city then
      local r = conn:first("SELECT city FROM regions WHERE code = ?", firm.region)
        or conn:first("SELECT id AS city FROM cities WHERE code = ?", firm.region)
      city = r and r.city
    end
    local rname = conn:first("SELECT name FROM regions WHERE code = ?1 UNION ALL SELECT name FROM cities WHERE code = ?1",
      firm.region)
    conn:close()
    if not city then cli.fail("无法确定地区 %s 所属城市：请给出 --city", firm.region) end
    local plugin, why = plugins.load_valid(city)
    if not plugin then cli.fail("%s", why) end
    local year = opts.year or tonumber(os.date("!%Y"))
    local rows = {}
    for _, e in ipairs(match.firm(plugin, plugin.benefits, firm, year)) do
      rows[#rows + 1] = {
        benefit = e.benefit.id, name = e.benefit.name,
        result = e.error and "错误" or e.paid and "享受" or "不享受",
        amount = e.paid and e.amount or 0, unit = e.benefit.params[1].unit,
        reason = e.error or (e.paid and (e.choice or e.reason or "")) or e.reason or "",
      }
    end
    if opts.format == "table" then             -- csv and json stay data alone
      io.stdout:write(string.format("%s %s（%s）%d年\n", firm.credit_code, firm.name, rname and rname.name or firm.region,
        year))
    end
    tabular.write(io.stdout, opts.format, { { key = "benefit", title = "条款" }, { key = "name", title = "名称" },
      { key = "result", title = "结果" }, { key = "amount", title = "金额" }, { key = "unit", title = "单位" },
      { key = "reason", title = "原因" } }, rows)
    return 0
  end,
}
