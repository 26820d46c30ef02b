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
  description = "For each target: the actual value by kind (cumulative_new: flows since the start; level:\n"
    .. "the latest stock; growth_rate: the annual rate; share, duration: the latest value), 完成率,\n"
    .. "序时进度, their gap in points and a status: achieved, on_track, lagging, behind, missed,\n"
    .. "no_data (绿/黄/红/灰). Thresholds are the plugin's (plugin{ progress = … }) or the defaults.\n"
    .. "With --region a county (its city's targets only): each target is compared with the county's\n"
    .. "share (分解目标: the plugin's, or staff's from policytk assign, which wins), share and\n"
    .. "share_source say which; a target not split to the county is no_share (灰 未分解).\n"
    .. "JSON and CSV keys: " .. table.concat(M.KEYS, ", ") .. " (docs/reports.md).",
  options = {
    { "--city", arg = "CITY", help = "only this city" },
    { "--doc", arg = "DOC", help = "only this document" },
    { "--as-of", arg = "DATE", help = "the date (YYYY-MM-DD; default today)" },
    { "--region", arg = "REGION", help = "a county (code or name): its city's targets against its shares" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "output format" },
    { "--db", arg = "PATH", help = "the database file" },
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
