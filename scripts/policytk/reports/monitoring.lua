-- policytk.reports.monitoring: the shared builder of periodic monitoring (Taizhou and Hangzhou
-- `monitoring`) — each monitored indicator's figure this period, last period, the same period
-- a year before and the year to date, with a sparkline; then the covered targets' statuses.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"
local dates = require "policytk.progress.dates"

return function(ctx, period)
  local records = ctx.progress()
  local codes, seen = {}, {}
  local covers = ctx.rule.covers or {}
  for _, c in ipairs(covers.indicators or {}) do
    if not seen[c] then seen[c] = true; codes[#codes + 1] = c end
  end
  if #codes == 0 then
    for _, t in ipairs(ctx.targets()) do
      if not seen[t.indicator] then seen[t.indicator] = true; codes[#codes + 1] = t.indicator end
    end
  end
  local ps, pe = dates.bounds(period)
  local prev = dates.previous(period)
  local pps, ppe = dates.bounds(prev)
  local yago = string.format("%04d", tonumber(period:sub(1, 4)) - 1) .. period:sub(5)
  local yps, ype = dates.bounds(yago)
  local rows, charts = {}, {}
  for _, code in ipairs(codes) do
    local ind = ctx.indicator(code)
    local flow = ind and ind.flow == 1
    local unit = ind and ind.unit or ""
    local s = ctx.series(code)
    local now = common.figure(s, flow, ps, pe)
    local last = common.figure(s, flow, pps, ppe)
    local ago = common.figure(s, flow, yps, ype)
    local ytd = flow and common.figure(s, flow, period:sub(1, 4) .. "-01-01", pe) or nil
    local yoy
    if now and ago and ago ~= 0 and unit ~= "%" then yoy = common.round((now / ago - 1) * 100, 4) end
    rows[#rows + 1] = { indicator = code, name = ind and ind.name or code, unit = unit, value = now, previous = last,
                        year_ago = ago, yoy = yoy, ytd = ytd, note = now == nil and "本期暂无数据" or "" }
    local pts = common.chart_points(s, pe)
    if #pts > 1 then charts[#charts + 1] = { title = ind and ind.name or code, unit = unit, points = pts } end
  end
  local trows = {}
  for i, r in ipairs(records) do trows[i] = common.target_row(r) end
  return {
    summary = common.summary(records),
    sections = {
      { id = "indicators", title = "一、监测指标（" .. period .. "）", columns = {
          { key = "name", title = "指标", type = "text" }, { key = "unit", title = "单位", type = "text" },
          { key = "value", title = "本期", type = "number" }, { key = "previous", title = "上期（" .. common.period_text(prev) .. "）", type = "number" },
          { key = "year_ago", title = "上年同期（" .. common.period_text(yago) .. "）", type = "number" },
          { key = "yoy", title = "同比(%)", type = "points" }, { key = "ytd", title = "本年累计", type = "number" },
          { key = "note", title = "备注", type = "text" } }, rows = rows, charts = charts },
      { id = "targets", title = "二、相关目标进展", columns = common.TARGET_COLUMNS, rows = trows, bars = true },
    },
  }
end
