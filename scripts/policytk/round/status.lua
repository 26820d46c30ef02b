-- policytk.round.status: where a round stands — each unit 已报 (returned, every cell filled),
-- 部分 (returned with cells still empty), 未报 (nothing returned) or 逾期 (past the due date
-- and not complete) — and the 催报 list: the units not complete, with the contacts of their
-- tasks, as text ready to send.
--
--   status.rows(conn, round, today) → rows; row = { round, city, period, due, unit, unit_name,
--     status, returned_at, returned_at_text, cells_total, cells_filled, cells_empty, batch, file }
--   status.KEYS                     -- the JSON and CSV keys, in order (docs/rounds.md)
--   status.summary(rows) → "已报 2，部分 0，未报 47，逾期 0"
--   status.chase(conn, round, rows, city) → the 催报 text
--   status.today() → YYYY-MM-DD ($POLICYTK_TODAY for tests)
--
-- Capability: the 月度报送 round (entry policytk.round; map in docs/architecture.md).

local sheet = require "policytk.round.sheet"
local store = require "policytk.data.store"
local template = require "policytk.data.template"
local units = require "policytk.round.units"

local M = {}

M.KEYS = { "round", "city", "period", "due", "unit", "unit_name", "status", "returned_at", "returned_at_text",
           "cells_total", "cells_filled", "cells_empty", "batch", "file" }
M.ORDER = { "已报", "部分", "未报", "逾期" }

M.today = require("policytk.progress.dates").today   -- 北京时间; $POLICYTK_TODAY for tests

-- The status of one unit's row.
local function status_of(ru, due, today)
  local complete = ru.returned_at and ru.cells_filled >= ru.cells_total
  if complete then return "已报" end
  if due and today > due then return "逾期" end
  return ru.returned_at and "部分" or "未报"
end

--- One row per unit of the round, in the order they were sent.
function M.rows(conn, round, today)
  today = today or M.today()
  local names = {}
  for _, u in ipairs(store.all(conn, "SELECT short, name FROM units WHERE city = ?", round.city)) do
    names[u.short] = u.name
  end
  local out = {}
  for _, ru in ipairs(store.all(conn, "SELECT * FROM round_units WHERE round = ? ORDER BY rowid", round.id)) do
    out[#out + 1] = {
      round = round.id, city = round.city, period = round.period, due = round.due, unit = ru.unit,
      unit_name = names[ru.unit] or ru.unit, status = status_of(ru, round.due, today),
      returned_at = ru.returned_at, returned_at_text = ru.returned_at and store.beijing(ru.returned_at) or "",
      cells_total = ru.cells_total, cells_filled = ru.cells_filled,
      cells_empty = math.max(ru.cells_total - ru.cells_filled, 0), batch = ru.batch, file = ru.file,
    }
  end
  return out
end

--- How many units stand where: "已报 2，部分 0，未报 47，逾期 0".
function M.summary(rows)
  local n = {}
  for _, r in ipairs(rows) do n[r.status] = (n[r.status] or 0) + 1 end
  local parts = {}
  for i, s in ipairs(M.ORDER) do parts[i] = string.format("%s %d", s, n[s] or 0) end
  return table.concat(parts, "，")
end

-- The contacts of a unit's tasks, each once: "张三 0577-88888888（M05、R12）".
local function contacts(unit)
  local list, by = {}, {}
  for _, t in ipairs(unit and unit.tasks or {}) do
    if t.contact_name or t.contact_phone then
      local who = table.concat({ t.contact_name or "", t.contact_phone or "" }, " "):gsub("^ ", ""):gsub(" $", "")
      if not by[who] then by[who] = {}; list[#list + 1] = who end
      table.insert(by[who], t.key)
    end
  end
  local out = {}
  for i, who in ipairs(list) do out[i] = string.format("%s（任务 %s）", who, table.concat(by[who], "、")) end
  return out
end

-- One unit's lines of the 催报 list.
local function chase_lines(i, r, unit)
  local state = r.returned_at and string.format("已报部分，尚有 %d 格未填", r.cells_empty)
    or string.format("未报，%d 格待填", r.cells_empty)
  if r.status == "逾期" then state = "逾期，" .. state end
  local lines = { string.format("%d. %s（%s）", i, r.unit, state) }
  local who = contacts(unit)
  if #who == 0 then
    lines[2] = "   联系人：任务未载明联系人，请联系该单位办公室"
  else
    lines[2] = "   联系人：" .. table.concat(who, "；")
  end
  return lines
end

--- The 催报 text: the units not complete, each with the contacts of its tasks.
function M.chase(conn, round, rows, city)
  local by_short = {}
  for _, u in ipairs(units.list(conn, city)) do by_short[u.short] = u end
  local period = template.period_text(round.period)
  local out = { string.format("【催报】%s%s%s（第%d轮，截止日期 %s）", city.name, period, "月度报送", round.id,
    sheet.due_text(round.due)) }
  local late = {}
  for _, r in ipairs(rows) do if r.status ~= "已报" then late[#late + 1] = r end end
  if #late == 0 then
    out[2] = "各单位均已报送完毕，无需催报。"
    return table.concat(out, "\n") .. "\n"
  end
  out[#out + 1] = string.format("共 %d 个单位，已报 %d 个，尚有 %d 个单位未完成报送：", #rows, #rows - #late, #late)
  for i, r in ipairs(late) do
    for _, l in ipairs(chase_lines(i, r, by_short[r.unit])) do out[#out + 1] = l end
  end
  out[#out + 1] = ""
  out[#out + 1] = string.format("请上述单位于%s前将填好的报送表（指标、工作进展两张表）报回，逾期未报的将予以通报。谢谢！",
    sheet.due_text(round.due))
  return table.concat(out, "\n") .. "\n"
end

return M
