-- policytk.reports.quarterly: the shared builder of 季度例会 material (Wenzhou `quarterly`) —
-- targets by status (worst first, a bar and a sparkline each), the lagging units with their
-- red targets, and the trend since last quarter.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"
local progress = require "policytk.progress"
local dates = require "policytk.progress.dates"

return function(ctx)
  local records = ctx.progress()
  local _, prev_end = dates.bounds(dates.previous(ctx.period))
  local before = {}
  for _, r in ipairs(ctx.progress(prev_end)) do before[r.doc .. "|" .. r.tid] = r end
  local rows, charts, seen, trend = {}, {}, {}, {}
  for i, r in ipairs(records) do
    rows[i] = common.target_row(r)
    if not seen[r.indicator] then
      seen[r.indicator] = true
      local pts = common.chart_points(ctx.series(r.indicator, r.region), ctx.as_of, nil,
        r.kind == "cumulative_new" and r.start or nil)
      if #pts > 1 then charts[#charts + 1] = { title = r.indicator_name
        .. (r.kind == "cumulative_new" and "（累计完成）" or ""), unit = r.unit, points = pts } end
    end
    local b = before[r.doc .. "|" .. r.tid]
    local change = (r.completion and b and b.completion) and (r.completion - b.completion) * 100 or nil
    local dir = "→"
    if b and progress.RANK[r.status] > progress.RANK[b.status] then dir = "↑"
    elseif b and progress.RANK[r.status] < progress.RANK[b.status] then dir = "↓" end
    trend[#trend + 1] = {
      id = r.tid, indicator_name = r.indicator_name, quote = r.quote, lead_units = common.list(r.lead_units),
      before = b and b.status or "no_data", status = r.status,
      completion_before = b and common.round(b.completion, 6) or nil,
      completion = common.round(r.completion, 6), change_points = common.round(change, 4), trend = dir,
    }
  end
  local units = {}
  for _, g in ipairs(ctx.rollup(records, "unit")) do
    if g.red > 0 or g.yellow > 0 then
      local ids = {}
      for _, r in ipairs(g.red_targets) do ids[#ids + 1] = r.quote end
      units[#units + 1] = { lead_unit = g.key, red = g.red, yellow = g.yellow, total = g.total,
                            red_targets = table.concat(ids, "；") }
    end
  end
  local silent = {}                                   -- tasks with no 工作进展 this quarter
  local texts = ctx.task_texts()
  for _, m in ipairs(ctx.measures()) do
    if not texts[m.doc .. "/" .. m.mid] then
      silent[#silent + 1] = { doc = m.doc, section = m.section, title = m.title, lead_units = common.list(m.lead_units) }
    end
  end
  local counts = progress.counts(records)
  local text = string.format("截至%s，共 %d 项目标：已完成 %d 项，序时推进 %d 项，略有滞后 %d 项，明显滞后 %d 项，"
    .. "到期未完成 %d 项，暂无数据 %d 项。", require("policytk.data.store").day_text(ctx.as_of), counts.total, counts.achieved, counts.on_track, counts.lagging,
    counts.behind, counts.missed, counts.no_data)
  return {
    summary = common.summary(records),
    sections = {
      { id = "targets", title = "一、目标完成情况（按状态）", text = text, columns = common.TARGET_COLUMNS,
        rows = rows, bars = true, charts = charts },
      { id = "units", title = "二、滞后单位及其红色目标", columns = {
          { key = "lead_unit", title = "牵头单位", type = "text" }, { key = "red", title = "红色", type = "number" },
          { key = "yellow", title = "黄色", type = "number" }, { key = "total", title = "目标数", type = "number" },
          { key = "red_targets", title = "红色目标", type = "text" } }, rows = units,
        text = #units == 0 and "本季度无滞后单位。" or nil },
      { id = "trend", title = "三、较上季度变化（" .. dates.previous(ctx.period) .. " → " .. ctx.period .. "）",
        columns = {
          { key = "indicator_name", title = "指标", type = "text" }, { key = "quote", title = "目标", type = "text" },
          { key = "lead_units", title = "牵头单位", type = "text" },
          { key = "before", title = "上季度状态", type = "status" }, { key = "status", title = "本季度状态", type = "status" },
          { key = "completion_before", title = "上季度完成率", type = "percent" },
          { key = "completion", title = "本季度完成率", type = "percent" },
          { key = "change_points", title = "变化(百分点)", type = "points" }, { key = "trend", title = "趋势", type = "text" } },
        rows = trend },
      { id = "silent", title = "四、本季度未报送工作进展的任务", columns = {
          { key = "section", title = "序号", type = "text" }, { key = "title", title = "任务", type = "text" },
          { key = "lead_units", title = "牵头单位", type = "text" } }, rows = silent,
        text = #silent == 0 and "各项任务本季度均已报送工作进展。"
          or string.format("%d项任务本季度没有任何单位报送工作进展。", #silent) },
    },
  }
end
