-- policytk.reports.inspection: the shared builder of an annual county inspection (Taizhou
-- `inspection`) — each county's figures against its share of each target (declared by the
-- plugin or assigned by staff with `policytk assign`, staff first), ranked; the counties a
-- target is not split to listed as 未分解 with their figures, never against the city's value;
-- a county ranking over all shared targets; the city's own target statuses; the check that
-- county figures add up to the city (never for rates).
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"
local progress = require "policytk.progress"

local SOURCE = { plugin = "文件下达", staff = "人工录入" }

return function(ctx)
  local records = ctx.progress()
  local detail, notes, per_county = {}, {}, {}
  for _, t in ipairs(ctx.targets()) do
    local c = ctx.counties(t)
    for _, r in ipairs(c.rows) do
      detail[#detail + 1] = {
        id = t.tid, indicator_name = t.indicator_name, quote = t.quote, unit = t.unit, region_name = r.region_name, region = r.region, rank = r.rank,
        share = r.share, share_source = SOURCE[r.share_source] or "未分解",
        actual = common.round(r.actual, 6), completion = common.round(r.completion, 6),
        status = r.status, reason = r.reason,
      }
      if r.share then
        local pc = per_county[r.region] or { region_name = r.region_name, region = r.region, n = 0, sum = 0, red = 0,
                                             no_data = 0 }
        pc.n = pc.n + 1
        if r.completion then pc.sum = pc.sum + math.min(r.completion, 2) end
        if r.status == "behind" or r.status == "missed" then pc.red = pc.red + 1 end
        if r.status == "no_data" then pc.no_data = pc.no_data + 1 end
        per_county[r.region] = pc
      end
    end
    if c.sum and c.city_actual and not c.consistent then
      notes[#notes + 1] = string.format("%s（%s）：各县(市、区)合计 %s，与全市数 %s 不一致。", t.indicator_name, t.quote,
        common.number(c.sum, t.unit), common.number(c.city_actual, t.unit))
    end
  end
  local ranking = {}
  for _, pc in pairs(per_county) do
    pc.average = common.round(pc.sum / pc.n, 6)
    pc.sum = nil
    ranking[#ranking + 1] = pc
  end
  table.sort(ranking, function(a, b)
    if a.average ~= b.average then return a.average > b.average end
    return a.region < b.region
  end)
  for i, pc in ipairs(ranking) do pc.rank = i end
  local rows = {}
  for i, r in ipairs(records) do rows[i] = common.target_row(r) end
  local counts = progress.counts(records)
  return {
    summary = common.summary(records),
    notes = notes,
    sections = {
      { id = "ranking", title = "一、各县(市、区)综合排名", columns = {
          { key = "rank", title = "排名", type = "number", unit = "" }, { key = "region_name", title = "县(市、区)", type = "text" },
          { key = "n", title = "分解目标数", type = "number" }, { key = "average", title = "平均完成率", type = "percent" },
          { key = "red", title = "红色目标", type = "number" }, { key = "no_data", title = "暂无数据", type = "number" } },
        rows = ranking,
        text = #ranking == 0 and "目标尚未分解到各县(市、区)，无法按分解目标排名（分解目标由文件声明，"
          .. "或用 policytk assign 录入）。" or
          "平均完成率按各分解目标完成率（单项最高计 200%）的平均值计算。" },
      { id = "counties", title = "二、各县(市、区)分目标完成情况", columns = {
          { key = "indicator_name", title = "指标", type = "text" }, { key = "quote", title = "目标", type = "text" },
          { key = "rank", title = "排名", type = "number", unit = "" },
          { key = "region_name", title = "县(市、区)", type = "text" },
          { key = "share", title = "分解目标", type = "number" }, { key = "share_source", title = "来源", type = "text" },
          { key = "actual", title = "实际值", type = "number" },
          { key = "completion", title = "完成率", type = "percent" }, { key = "status", title = "状态", type = "status" },
          { key = "reason", title = "说明", type = "text" } }, rows = detail,
        text = #detail == 0 and "暂无分县数据。" or nil },
      { id = "targets", title = "三、全市目标完成情况", columns = common.TARGET_COLUMNS, rows = rows, bars = true,
        text = string.format("全市 %d 项目标：绿色 %d 项，黄色 %d 项，红色 %d 项，暂无数据 %d 项。", counts.total,
          counts.achieved + counts.on_track, counts.lagging, counts.behind + counts.missed, counts.no_data) },
    },
  }
end
