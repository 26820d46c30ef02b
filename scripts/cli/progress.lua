-- policytk progress: the status of every target as of a date (完成率, 序时进度, their gap, status
-- 绿/黄/红/灰 and why), worst first.

local cli = require "policytk.cli"
local core = require "policytk.core"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local progress = require "policytk.progress"

local M = require "policytk.progress.cli"
local flat = M.flat

return {
  summary = "status of every target as of a date: 完成率, 序时进度, gap, 绿/黄/红/灰, worst first",
  usage = "policytk progress [--city C] [--doc D] [--as-of DATE] [--region R] [--format table|json|csv]",
  description = "For each target: the actual value by kind (cumulative_new: flows since the start; level:\n"
    .. "the latest stock; growth_rate: the annual rate; share, duration: the latest value), 完成率,\n"
    .. "序时进度, their gap in points and a status: achieved, on_track, lagging, behind, missed,\n"
    .. "no_data (绿/黄/红/灰). Thresholds are the plugin's (plugin{ progress = … }) or the defaults.\n"
    .. "See docs/reports.md.",
  options = {
    { "--city", arg = "CITY", help = "only this city" },
    { "--doc", arg = "DOC", help = "only this document" },
    { "--as-of", arg = "DATE", help = "the date (YYYY-MM-DD; default today)" },
    { "--region", arg = "REGION", help = "a county (code or name) instead of each target's own region" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "output format" },
    { "--db", arg = "PATH", help = "the database file" },
  },
  run = function(opts)
    local as_of = opts.as_of or M.today()
    if not core.is_iso_date(as_of) then cli.usage_error("--as-of: expected a date YYYY-MM-DD; got %q", as_of) end
    local conn, path = store.open(opts.db)
    store.require_loaded(conn, path)
    if opts.city and not conn:first("SELECT 1 AS x FROM cities WHERE id = ?", opts.city) then
      cli.usage_error("unknown_city: %s is not in %s", opts.city, path)
    end
    local region = M.region(conn, opts.region)
    local cities = {}
    for _, r in ipairs(store.all(conn, "SELECT id FROM cities WHERE ?1 IS NULL OR id = ?1", opts.city)) do
      cities[#cities + 1] = r.id
    end
    local set = progress.dataset(conn, { city = opts.city, doc = opts.doc, region = region,
                                         thresholds = M.thresholds(cities) })
    local records = store.guard(path, set.evaluate_all, set, as_of)
    set:close()
    conn:close()
    if opts.format == "json" then
      local json = require "policytk.json"
      local rows = {}
      for i, r in ipairs(records) do
        local row = flat(r)
        row.sdg = r.sdg and { observed = r.sdg.observed, required = r.sdg.required, ratio = r.sdg.ratio,
                              category = r.sdg.category } or json.null
        row.as_of = as_of
        for _, k in ipairs({ "actual", "completion", "gap_points" }) do        -- no figure is null, never 0
          if row[k] == nil then row[k] = json.null end
        end
        rows[i] = row
      end
      io.stdout:write(json.pretty(json.array(rows)), "\n")
      return cli.OK
    end
    local rows = {}
    for i, r in ipairs(records) do rows[i] = flat(r) end
    local cols
    if opts.format == "csv" then
      cols = {}
      for _, k in ipairs({ "city", "doc", "tid", "indicator", "region", "comparator", "target", "unit", "actual",
                           "completion", "schedule", "gap_points", "status", "sdg", "sdg_ratio", "reason" }) do
        cols[#cols + 1] = { key = k }
      end
    else
      cols = {
        { key = "status_text", title = "状态" }, { key = "city", title = "城市" }, { key = "doc", title = "文件" },
        { key = "tid", title = "编号" }, { key = "indicator_name", title = "指标" },
        { key = "lead_unit", title = "牵头单位" }, { key = "target_text", title = "目标" },
        { key = "actual_text", title = "实际" }, { key = "completion_pct", title = "完成率" },
        { key = "schedule_pct", title = "序时进度" }, { key = "gap", title = "差值" }, { key = "reason", title = "说明" },
      }
    end
    tabular.write(io.stdout, opts.format, cols, rows)
    return cli.OK
  end,
}
