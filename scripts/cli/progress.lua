-- policytk progress: the status of every target as of a date (完成率, 序时进度, their gap, status
-- 绿/黄/红/灰 and why), worst first. JSON and CSV rows have the keys of policytk.progress.cli
-- .KEYS (docs/reports.md), the table the staff columns of M.TABLE.

local cli = require "policytk.cli"
local core = require "policytk.core"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local progress = require "policytk.progress"

local M = require "policytk.progress.cli"

return {
  summary = "各目标截至某日的进展：完成率、序时进度、差值、绿/黄/红/灰，最差的在前",
  usage = "policytk progress [--city C] [--doc D] [--as-of DATE] [--region R] [--format table|json|csv]",
  description = "对每个目标：按目标类型计算实际值（cumulative_new：起始以来的新增累计；level：最新存量；\n"
    .. "growth_rate：年增速；share、duration：最新值），完成率、序时进度、两者之差（百分点）和状态：\n"
    .. "achieved、on_track、lagging、behind、missed、no_data（绿/黄/红/灰）。判定阈值用插件的设定\n"
    .. "（plugin{ progress = … }），未设定则用默认值。\n"
    .. "--region 给出一个县（市、区）时（只列所属城市的目标）：各目标与该县的分解目标比较（插件中的，或\n"
    .. "policytk assign 录入的，后者优先），share 和 share_source 为所用的分解目标及其来源；未分解到\n"
    .. "该县的目标为 no_share（灰 未分解）。\n"
    .. "JSON 和 CSV 键：" .. table.concat(M.KEYS, ", ") .. "（docs/reports.md）。",
  options = {
    { "--city", arg = "CITY", help = "只列此城市（插件编号）" },
    { "--doc", arg = "DOC", help = "只列此文件（文件编号）" },
    { "--as-of", arg = "DATE", help = "日期（YYYY-MM-DD；默认今天）" },
    { "--region", arg = "REGION", help = "县（市、区），代码或名称：用该县的分解目标考核所属城市的目标" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "输出格式" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts)
    local as_of = opts.as_of or M.today()
    if not core.is_iso_date(as_of) then cli.usage_error("--as-of 应为日期 YYYY-MM-DD；实为 %q", as_of) end
    local conn, path = store.open(opts.db)
    store.require_loaded(conn, path)
    if opts.city and not conn:first("SELECT 1 AS x FROM cities WHERE id = ?", opts.city) then
      cli.usage_error("unknown_city: %s 中没有城市 %s", path, opts.city)
    end
    local city, region = M.region_city(conn, opts.city, opts.region)
    local cities = {}
    for _, r in ipairs(store.all(conn, "SELECT id FROM cities WHERE ?1 IS NULL OR id = ?1", city)) do
      cities[#cities + 1] = r.id
    end
    local set = progress.dataset(conn, { city = city, doc = opts.doc, region = region,
                                         thresholds = M.thresholds(cities) })
    local records = store.guard(path, set.evaluate_all, set, as_of)
    set:close()
    conn:close()
    local rows = {}
    for i, r in ipairs(records) do rows[i] = M.row(r, opts.format) end
    local cols = opts.format == "table" and M.TABLE or M.columns(M.KEYS)
    tabular.write(io.stdout, opts.format, cols, rows)
    return cli.OK
  end,
}
