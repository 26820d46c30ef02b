-- policytk.reports.monthly: the shared builder of a 月度报送表 (Wenzhou `monthly`) — every task
-- of the covered documents (lead unit, contact, its targets' worst status) and every target
-- (lead unit, contact, the figure of the month, the cumulative figure, status, note).
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"
local progress = require "policytk.progress"
local dates = require "policytk.progress.dates"   -- dates.previous: the month before

-- The figure reported for exactly this period, or nil.
local function reported(series, period)
  for _, o in ipairs(series) do if o.period == period then return o end end
end

-- The figure of this month: for an indicator counted per period, the month's own flow — a
-- 当期 figure as it is; a 累计 (1—N月累计) one less the 累计 of the month before (January: as
-- it is), nil when that is not reported (the month's own flow is then unknown, never guessed);
-- for a level, the figure reported for the month.
local function figure_of(series, period, flow)
  local own = reported(series, period)
  if not own then return nil end
  if not flow or own.basis ~= "ytd" or period:sub(6, 7) == "01" then return own.value end
  local before = reported(series, dates.previous(period))
  if before and before.basis == "ytd" then return own.value - before.value end
  return nil
end

return function(ctx, period)
  local records = ctx.progress()
  local by_measure = {}
  local rows = {}
  for _, r in ipairs(records) do
    if r.measure then
      local key = r.doc .. "|" .. r.measure
      local list = by_measure[key] or {}
      list[#list + 1] = r
      by_measure[key] = list
    end
  end
  -- targets in document order for the form
  local ordered = {}
  for i, r in ipairs(records) do ordered[i] = r end
  table.sort(ordered, function(a, b)
    if a.doc ~= b.doc then return a.doc < b.doc end
    return a.position < b.position
  end)
  for _, r in ipairs(ordered) do
    local row = common.target_row(r)
    row.month = figure_of(ctx.series(r.indicator, r.region), period, r.flow)
    row.cumulative = row.actual
    rows[#rows + 1] = row
  end
  local tasks = {}
  local texts = ctx.task_texts(period, period)
  for _, m in ipairs(ctx.measures()) do
    local list = by_measure[m.doc .. "|" .. m.mid] or {}
    local worst, ids = nil, {}
    for _, r in ipairs(list) do
      ids[#ids + 1] = r.quote
      if not worst or progress.RANK[r.status] < progress.RANK[worst] then worst = r.status end
    end
    tasks[#tasks + 1] = {
      doc = m.doc, doc_title = ctx.document(m.doc).title, section = m.section, title = m.title, lead_units = common.list(m.lead_units),
      contact = m.contact_name and (m.contact_name .. (m.contact_phone and (" " .. m.contact_phone) or "")) or "",
      targets = table.concat(ids, "；"), status = worst,
      note = #list == 0 and "无量化目标，填报工作进展" or "",
    }
    local said, who = {}, {}
    for _, x in ipairs(texts[m.doc .. "/" .. m.mid] or {}) do
      said[#said + 1] = (#(texts[m.doc .. "/" .. m.mid]) > 1 and (x.unit .. "：") or "") .. x.progress
      who[#who + 1] = x.unit
    end
    tasks[#tasks].progress = table.concat(said, "\n")
    tasks[#tasks].reported_by = common.list(who)
  end
  return {
    summary = common.summary(records),
    sections = {
      { id = "tasks", title = "重点工作任务", columns = {
          { key = "doc_title", title = "文件", type = "text" }, { key = "section", title = "序号", type = "text" },
          { key = "title", title = "任务", type = "text" }, { key = "lead_units", title = "牵头单位", type = "text" },
          { key = "contact", title = "联系人", type = "text" }, { key = "targets", title = "量化目标", type = "text" },
          { key = "status", title = "状态", type = "status" },
          { key = "progress", title = "本月工作进展", type = "text" },
          { key = "reported_by", title = "报送单位", type = "text" },
          { key = "note", title = "备注", type = "text" } },
        rows = tasks },
      { id = "targets", title = "量化目标月度报送", columns = {
          { key = "indicator_name", title = "指标", type = "text" }, { key = "quote", title = "目标", type = "text" },
          { key = "lead_units", title = "牵头单位", type = "text" }, { key = "contact", title = "联系人", type = "text" },
          { key = "month", title = "本月数", type = "number" }, { key = "cumulative", title = "累计/最新", type = "number" },
          { key = "value", title = "目标值", type = "number" }, { key = "completion", title = "完成率", type = "percent" },
          { key = "schedule", title = "序时进度", type = "percent" }, { key = "status", title = "状态", type = "status" },
          { key = "reason", title = "备注", type = "text" } },
        rows = rows, bars = true },
    },
  }
end
