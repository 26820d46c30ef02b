-- policytk compare INDICATOR: every city's targets and progress on one common-catalog indicator,
-- side by side. JSON and CSV rows have the keys of progress (policytk.progress.cli.KEYS,
-- docs/reports.md) plus city_name; a city with no target on the indicator has a row with id null.

local cli = require "policytk.cli"
local core = require "policytk.core"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local progress = require "policytk.progress"
local common = require "policytk.reports.common"
local verb_progress = require "policytk.progress.cli"

-- The JSON and CSV keys of a compare row: those of progress, then city_name.
local KEYS = { table.unpack(verb_progress.KEYS) }
KEYS[#KEYS + 1] = "city_name"

return {
  summary = "各城市同一通用指标的目标与进展并列对比",
  usage = "policytk compare INDICATOR [--as-of DATE] [--format table|json|csv]",
  description = "INDICATOR 为通用指标目录中的代码（policytk indicators）。各城市在该指标上的目标按该日期\n"
    .. "（默认今天）评估，各用该城市的最新数据。",
  options = {
    { "--as-of", arg = "DATE", help = "日期（YYYY-MM-DD；默认今天）" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "输出格式" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if #args ~= 1 then cli.usage_error("用法：policytk compare 指标") end
    local code = args[1]
    local as_of = opts.as_of or verb_progress.today()
    if not core.is_iso_date(as_of) then cli.usage_error("--as-of 应为日期 YYYY-MM-DD；实为 %q", as_of) end
    local conn, path = store.open(opts.db)
    store.require_loaded(conn, path)
    local ind = store.clean(conn:first("SELECT code, name, unit FROM indicators WHERE city IS NULL AND code = ?", code))
    if not ind then
      local own = conn:first("SELECT city FROM indicators WHERE code = ?", code)
      if own then cli.usage_error("not_common: %s 是 %s 的自有指标，不在通用指标目录中", code, own.city) end
      local names = {}
      for r in conn:rows("SELECT code FROM indicators WHERE city IS NULL") do names[#names + 1] = r.code end
      local near = require("policytk.plugins.schema").nearest(code, names)
      cli.usage_error("unknown_indicator: 通用指标目录中没有 %q%s", code,
        near and string.format("（是否要用 %q？）", near) or "")
    end
    local cities = {}
    for _, r in ipairs(store.all(conn, "SELECT id FROM cities ORDER BY id")) do cities[#cities + 1] = r.id end
    local set = progress.dataset(conn, { thresholds = verb_progress.thresholds(cities) })
    local rows = {}
    for _, t in ipairs(set.targets) do
      if t.indicator == code then
        local row = verb_progress.row(set:evaluate(t, as_of), opts.format)
        row.city_name = t.city_name
        rows[#rows + 1] = row
      end
    end
    -- cities with figures but no target on the indicator
    local has = {}
    for _, r in ipairs(rows) do has[r.city] = true end
    for _, c in ipairs(store.all(conn, "SELECT id, name, code FROM cities ORDER BY id")) do
      if not has[c.id] then
        local last = progress.latest(set:series(code, c.code, ind.unit), as_of)
        rows[#rows + 1] = { city = c.id, city_name = c.name, quote = "（无此指标目标）", indicator = code,
                            indicator_name = ind.name, unit = ind.unit, region = c.code, region_name = c.name,
                            lead_units = common.list(), as_of = as_of, last_period = last and last.period,
                            actual = last and last.value, actual_text = last and common.number(last.value, ind.unit) or "—",
                            status_text = "", target_text = "—", completion_pct = "—", schedule_pct = "—", gap = "—",
                            reason = last and ("最新 " .. last.period) or "暂无数据" }
      end
    end
    set:close()
    conn:close()
    table.sort(rows, function(a, b)
      if a.city ~= b.city then return a.city < b.city end
      return (a.id or "") < (b.id or "")
    end)
    local cols
    if opts.format == "table" then
      io.stdout:write(string.format("%s（%s，%s）截至 %s\n", ind.name, ind.code, ind.unit, as_of))
      cols = {
        { key = "city_name", title = "城市" }, { key = "doc", title = "文件" }, { key = "id", title = "编号" },
        { key = "quote", title = "目标" }, { key = "target_text", title = "目标值" }, { key = "deadline", title = "期限" },
        { key = "actual_text", title = "实际" }, { key = "completion_pct", title = "完成率" },
        { key = "schedule_pct", title = "序时进度" }, { key = "status_text", title = "状态" },
        { key = "reason", title = "说明" },
      }
    else
      cols = verb_progress.columns(KEYS)
    end
    tabular.write(io.stdout, opts.format, cols, rows)
    return cli.OK
  end,
}
