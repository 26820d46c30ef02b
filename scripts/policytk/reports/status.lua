-- policytk.reports.status: the shared fallback builder — every covered target's status
-- (worst first, with a status bar each), then the roll-ups by lead unit and by group.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"

return function(ctx)
  local records = ctx.progress()
  local rows, charts, seen = {}, {}, {}
  for i, r in ipairs(records) do
    rows[i] = common.target_row(r)
    if not seen[r.indicator] then
      seen[r.indicator] = true
      local pts = common.chart_points(ctx.series(r.indicator, r.region), ctx.as_of, nil,
        r.kind == "cumulative_new" and r.start or nil)
      if #pts > 1 then charts[#charts + 1] = { title = r.indicator_name
        .. (r.kind == "cumulative_new" and "（累计完成）" or ""), unit = r.unit, points = pts } end
    end
  end
  local units = {}
  for _, g in ipairs(ctx.rollup(records, "unit")) do
    local ids = {}
    for _, r in ipairs(g.red_targets) do ids[#ids + 1] = r.quote end
    units[#units + 1] = { lead_unit = g.key, total = g.total, red = g.red, yellow = g.yellow, worst = g.worst,
                          red_targets = table.concat(ids, "；") }
  end
  local groups = {}
  for _, g in ipairs(ctx.rollup(records, "group")) do
    groups[#groups + 1] = { group = g.key, total = g.total, red = g.red, yellow = g.yellow, worst = g.worst,
                            achieved = g.counts.achieved + g.counts.on_track, no_data = g.counts.no_data }
  end
  return {
    summary = common.summary(records),
    sections = {
      { id = "targets", title = "目标完成情况", columns = common.TARGET_COLUMNS, rows = rows, bars = true,
        charts = charts },
      { id = "units", title = "按牵头单位汇总", columns = {
          { key = "lead_unit", title = "牵头单位", type = "text" }, { key = "total", title = "目标数", type = "number" },
          { key = "red", title = "红色", type = "number" }, { key = "yellow", title = "黄色", type = "number" },
          { key = "worst", title = "最差状态", type = "status" },
          { key = "red_targets", title = "红色目标", type = "text" } }, rows = units },
      { id = "groups", title = "按体系（任务组）汇总", columns = {
          { key = "group", title = "体系/任务组", type = "text" }, { key = "total", title = "目标数", type = "number" },
          { key = "achieved", title = "绿色", type = "number" }, { key = "yellow", title = "黄色", type = "number" },
          { key = "red", title = "红色", type = "number" }, { key = "no_data", title = "暂无数据", type = "number" },
          { key = "worst", title = "最差状态", type = "status" } }, rows = groups },
    },
  }
end
