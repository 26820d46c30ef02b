-- policytk.round.sheet: the workbook a unit fills for a round — sheet 指标 (the import
-- template of policytk.data.template: the unit's indicators, its region(s), the last figures
-- beside the empty 数值 cells, a county's shares), sheet 工作进展 (the tasks it leads or
-- shares, one row each, 本月进展/存在问题/下步打算 to fill) and the hidden sheet 报送信息
-- (policytk.round.meta).
--
--   sheet.write(conn, path, w) → cells_total, { indicators = rows, tasks = n }
--     w = { city =, period =, round =, due =, at =, unit = (policytk.round.units entry),
--           ctx = units.context(…), share = units.share_text(ctx), current = bool }
--   sheet.last_text(last) → the 上月进展 cell: "2025年5月：…", or "" (last: texts.last_before's entry)
--
-- Capability: the 月度报送 round (entry policytk.round; map in docs/architecture.md).

local meta = require "policytk.round.meta"
local template = require "policytk.data.template"
local texts = require "policytk.round.texts"
local units = require "policytk.round.units"

local M = {}

--- The columns of 工作进展; `key`: the ones import reads (fill: staff write them).
M.COLUMNS = {
  { title = "任务编号", key = "task", width = 16 },
  { title = "任务", width = 30 },
  { title = "牵头/配合", width = 9 },
  { title = "目标", width = 36 },
  { title = "上月进展", width = 36 },
  { title = "本月进展", key = "progress", width = 44, fill = true },
  { title = "存在问题", key = "problems", width = 30, fill = true },
  { title = "下步打算", key = "next_steps", width = 30, fill = true },
}
M.HEADER_ROW = 3                                 -- the header's row (1-based), below two title rows

local function due_text(due)
  if not due then return "未定" end
  return require("policytk.data.store").day_text(due)
end
M.due_text = due_text

-- The 上月进展 cell: "2025年5月：…", or "".
local function last_text(last)
  if not last then return "" end
  return string.format("%s：%s", template.period_text(last.period), last.progress)
end
M.last_text = last_text

-- The row of one task; now: its texts already held for the period (w.current), or nil.
local function task_row(task, last, now)
  now = now or {}
  return { task.key, task.title, task.role, task.targets, last_text(last),
           now.progress or "", now.problems or "", now.next_steps or "" }
end

-- The sheet 工作进展 of the unit; returns the number of tasks.
local function write_tasks(conn, wb, w)
  local ws = wb:sheet("工作进展")
  local bold = wb:format{ bold = true }
  local head = wb:format{ bold = true, bg_color = "#DDEBF7", align = "center", border = true }
  local cell = wb:format{ border = true, wrap = true }
  local fill = wb:format{ border = true, wrap = true, bg_color = "#FFF2CC" }
  local unit, period_text = w.unit.short, template.period_text(w.period)
  ws:write(0, 0, string.format("%s%s重点任务工作进展表（%s%s 第%d轮）", period_text, unit, w.city.name,
    meta.KIND, w.round), bold)
  ws:write(1, 0, string.format("填报单位：%s    报送期间：%s    截止日期：%s    本月进展必填；每格不超过%d字",
    unit, period_text, due_text(w.due), texts.MAX))
  local header = {}
  for i, c in ipairs(M.COLUMNS) do
    header[i] = c.title
    ws:set_column(i - 1, i - 1, c.width)
  end
  ws:write_row(M.HEADER_ROW - 1, header, head)
  local last = texts.last_before(conn, w.city.id, unit, w.period)
  local now = w.current and texts.current(conn, w.city.id, unit, w.period) or {}
  for r, task in ipairs(w.unit.tasks) do
    local row = task_row(task, last[task.key], now[task.key])
    for c, col in ipairs(M.COLUMNS) do
      ws:write(M.HEADER_ROW - 1 + r, c - 1, row[c] ~= "" and row[c] or nil, col.fill and fill or cell)
    end
  end
  ws:freeze(M.HEADER_ROW, 2)
  return #w.unit.tasks
end

--- Write the unit's workbook to path; returns the cells to fill and what it holds.
function M.write(conn, path, w)
  local xlsx = require "policytk.xlsx"
  local u = w.unit
  local t = template.rows(conn, { city = w.city.id, unit = u.short, period = w.period,
    indicators = units.indicators(u, w.ctx), regions = u.regions, shares = u.county and w.share or nil,
    current = w.current, title_extra = string.format("（%s 第%d轮）", meta.KIND, w.round) })
  local wb <close> = xlsx.writer(path)
  template.write_sheet(wb, t, "指标")
  local tasks = write_tasks(conn, wb, w)
  meta.write(wb, { city = w.city.id, city_name = w.city.name, unit = u.short, period = w.period,
                   round = w.round, due = w.due, at = w.at })
  return #t.rows + tasks, { indicators = #t.rows, tasks = tasks }
end

return M
