-- policytk.round.texts: the progress texts of tasks (task_progress, migrations/0009_rounds.sql)
-- — 本月进展, 存在问题, 下步打算 per task, period and unit. A new text for the same task, period
-- and unit supersedes the current one, which is kept (superseded_at, superseded_by).
--
--   texts.MAX = 2000                                     -- characters per cell
--   texts.last_before(conn, city, unit, period) → { ["doc/mid"] = { period =, progress = } }
--   texts.current(conn, city, unit, period) → { ["doc/mid"] = row }
--   texts.check(raw, title, task) → the text trimmed (nil when empty) | nil, problem — the rule
--     every way in (a returned workbook, the web form) applies: UTF-8, at most MAX characters
--     task = { key = "doc/mid", title = }
--   texts.put(conn, row) → "added" | "updated" | "unchanged"
--     row = { city, doc, mid, period, unit, progress, problems, next_steps, by_user, at, batch, round }
--   texts.history(conn, { city =, doc =, mid =, unit =, period = }) → rows, newest first
--
-- Capability: the 月度报送 round (entry policytk.round; map in docs/architecture.md).

local store = require "policytk.data.store"
local values = require "policytk.data.values"
local NULL = require("policytk.db").NULL

local M = { MAX = 2000 }

local LAST = [[
SELECT doc, mid, period, progress FROM task_progress
WHERE city = ? AND unit = ? AND period < ? AND superseded_at IS NULL AND progress <> ''
ORDER BY period]]

--- The latest 本月进展 of each task of the unit before period (the sheet's 上月进展).
function M.last_before(conn, city, unit, period)
  local out = {}
  for _, r in ipairs(store.all(conn, LAST, city, unit, period)) do out[r.doc .. "/" .. r.mid] = r end
  return out
end

--- The current texts of the unit's tasks for period.
function M.current(conn, city, unit, period)
  local out = {}
  for _, r in ipairs(store.all(conn, [[SELECT * FROM task_progress WHERE city = ? AND unit = ? AND period = ?
      AND superseded_at IS NULL]], city, unit, period)) do
    out[r.doc .. "/" .. r.mid] = r
  end
  return out
end

--- One text as staff gave it (see the header): the text or nil (empty), else nil and the problem.
function M.check(raw, title, task)
  local s = values.trim(raw or "")
  local n = utf8.len(s)
  if not n then return nil, "不是有效的 UTF-8 文本" end
  if n > M.MAX then
    return nil, string.format("任务 %s（%s）的%s有 %d 字，超过 %d 字的上限，请精简", task.key, task.title, title, n, M.MAX)
  end
  return s ~= "" and s or nil
end

local function same(a, b) return (a or "") == (b or "") end

--- Record one task's texts (inside the caller's transaction).
function M.put(conn, r)
  local old = store.clean(conn:first([[SELECT id, progress, problems, next_steps FROM task_progress
    WHERE city = ? AND doc = ? AND mid = ? AND period = ? AND unit = ? AND superseded_at IS NULL]],
    r.city, r.doc, r.mid, r.period, r.unit))
  if old and same(old.progress, r.progress) and same(old.problems, r.problems) and same(old.next_steps, r.next_steps) then
    return "unchanged"
  end
  if old then conn:run("UPDATE task_progress SET superseded_at = ? WHERE id = ?", r.at, old.id) end
  local _, id = conn:run([[INSERT INTO task_progress (city, doc, mid, period, unit, progress, problems, next_steps,
      by_user, at, batch, round) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)]],
    r.city, r.doc, r.mid, r.period, r.unit, r.progress or "", r.problems or NULL, r.next_steps or NULL,
    r.by_user, r.at, r.batch or NULL, r.round or NULL)
  if old then conn:run("UPDATE task_progress SET superseded_by = ? WHERE id = ?", id, old.id) end
  return old and "updated" or "added"
end

--- Every text (current and superseded) matching the filter, newest first.
function M.history(conn, f)
  f = f or {}
  return store.all(conn, [[SELECT * FROM task_progress WHERE (?1 IS NULL OR city = ?1) AND (?2 IS NULL OR doc = ?2)
      AND (?3 IS NULL OR mid = ?3) AND (?4 IS NULL OR unit = ?4) AND (?5 IS NULL OR period = ?5)
      ORDER BY id DESC]], f.city or NULL, f.doc or NULL, f.mid or NULL, f.unit or NULL, f.period or NULL)
end

return M
