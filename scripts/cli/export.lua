-- policytk export observations: the observations table as CSV, JSON or XLSX (re-importable).

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local basis = require "policytk.data.basis"
local import = require "policytk.data.import"

return {
  summary = "导出观测数据为 CSV、JSON 或 XLSX（CSV 和 XLSX 可用 policytk import 重新导入）",
  usage = "policytk export observations [--format csv|json|xlsx] [-o FILE] [--city C] [--db PATH]",
  description = "导出全部数据，列与 `policytk import` 相同：indicator, region, period,\n"
    .. "value（以指标的基本单位计）, unit, basis（口径：当期、累计、期末、比率）, source, note。",
  options = {
    { "--format", arg = "FORMAT", values = { "csv", "json", "xlsx" }, default = "csv", help = "输出格式" },
    { "-o", arg = "FILE", help = "写入 FILE（xlsx 格式必须给出）" },
    { "--city", arg = "CITY", help = "只导出此城市各地区的数据（插件编号）" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if #args ~= 1 or args[1] ~= "observations" then
      cli.usage_error("expected: policytk export observations")
    end
    local conn = store.open(opts.db)
    local rows = store.all(conn, [[SELECT o.indicator, o.region, o.period, o.value, o.unit, o.basis, o.source, o.note
        FROM observations o
        WHERE ?1 IS NULL OR o.region IN (SELECT code FROM regions WHERE city = ?1)
          OR o.region IN (SELECT code FROM cities WHERE id = ?1)
        ORDER BY o.indicator, o.region, o.period]], opts.city)
    for _, r in ipairs(rows) do r.basis = r.basis and basis.label(r.basis) or nil end
    conn:close()
    local cols = {}
    for i, c in ipairs(import.COLUMNS) do cols[i] = { key = c } end
    if opts.format == "xlsx" then
      if not opts.o then cli.usage_error("--format xlsx needs -o FILE") end
      local wb <close> = require("policytk.xlsx").writer(opts.o)
      local ws = wb:sheet("observations")
      local head = wb:format{ bold = true }
      for i, c in ipairs(cols) do ws:write(0, i - 1, c.key, head) end
      for r, row in ipairs(rows) do
        for i, c in ipairs(cols) do ws:write(r, i - 1, row[c.key]) end
      end
      ws:freeze(1, 0)
      return 0
    end
    local out = cli.output(opts.o)
    tabular.write(out, opts.format, cols, rows)
    cli.close_output(out)
    return 0
  end,
}
