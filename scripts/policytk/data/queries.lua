-- policytk.data.queries: the data layer's read queries for reports — a city, a document, the
-- measures of a document with their units — so that the report engine
-- (policytk.reports.engine) and the ctx it gives builders hold no SQL. The targets and
-- figures progress is computed from are read by policytk.progress.data.
--
-- It also holds THE rule for lead units (牵头单位), which every verb, report and export calls:
-- a measure's lead units are its measure_units marked is_lead (the plugin encodes the
-- document's own rule: the starred unit, the first listed, the named 牵头 unit — see
-- policytk.data.load); a target's lead units are its own lead_unit, else its measure's lead
-- units, else none ({}).
--
--   local queries = require "policytk.data.queries"
--   queries.city(conn, "wenzhou")                    -- { id =, name =, code = } or nil
--   queries.document(conn, "wenzhou", "friendly")    -- the documents row or nil
--   queries.measures(conn, "wenzhou", "friendly")    -- active measures, document order
--   queries.measure_units(conn, measure_row_id)      -- lead units, all units (document order)
--   queries.lead_units(conn, { city =, doc = })      -- { [targets.id] = { unit, … } }
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local store = require "policytk.data.store"

local M = {}

--- The cities row of a plugin id ({ id =, name =, code = }), or nil when it is not loaded.
function M.city(conn, id)
  return store.clean(conn:first("SELECT id, name, code FROM cities WHERE id = ?", id))
end

--- The documents row of a city's document, or nil when it is not loaded.
function M.document(conn, city, doc)
  return store.clean(conn:first("SELECT * FROM documents WHERE city = ? AND doc = ?", city, doc))
end

local MEASURES = [[
SELECT m.id AS row_, d.doc, m.mid, m.section, m.grp, m.title, m.phase,
  m.contact_name, m.contact_phone, m.city_target, g.name AS group_name
FROM measures m JOIN documents d ON d.id = m.document
LEFT JOIN groups g ON g.document = d.id AND g.gid = m.grp
WHERE d.city = ? AND d.doc = ? AND m.status = 'active' ORDER BY m.position]]

local UNITS = "SELECT unit, is_lead FROM measure_units WHERE measure = ? ORDER BY position"

--- The units of a measure (its measures.id): the lead units and every responsible unit, both
--- in document order. A measure with no unit marked lead has no lead units ({}): the plugin
--- has already applied the document's lead rule.
function M.measure_units(conn, measure_id)
  local leads, all = {}, {}
  for u in conn:rows(UNITS, measure_id) do
    all[#all + 1] = u.unit
    if u.is_lead == 1 then leads[#leads + 1] = u.unit end
  end
  return leads, all
end

-- Add units (every responsible unit, in order) and lead_units to a measure row.
local function add_units(conn, m)
  m.lead_units, m.units = M.measure_units(conn, m.row_)
  m.row_ = nil
  return m
end

--- The active measures of a city's document in document order, each with doc, mid, section,
--- grp, group_name, title, phase, contact_name, contact_phone, city_target, units and
--- lead_units.
function M.measures(conn, city, doc)
  local out = {}
  for i, m in ipairs(store.all(conn, MEASURES, city, doc)) do out[i] = add_units(conn, m) end
  return out
end

local TARGET_LEADS = [[
SELECT t.id AS target, t.lead_unit, mu.unit AS measure_lead
FROM targets t JOIN documents d ON d.id = t.document
LEFT JOIN measures m ON m.document = t.document AND m.mid = t.measure
LEFT JOIN measure_units mu ON mu.measure = m.id AND mu.is_lead = 1
WHERE (?1 IS NULL OR d.city = ?1) AND (?2 IS NULL OR d.doc = ?2)
ORDER BY t.id, mu.position]]

--- The lead units of every target (withdrawn ones too) of filter.city / filter.doc (both
--- optional), by targets.id: the target's own lead_unit (the unit the text names for it,
--- e.g. a （…牵头） bracket), else the lead units of its measure, else {}.
function M.lead_units(conn, filter)
  filter = filter or {}
  local out = {}
  for _, r in ipairs(store.all(conn, TARGET_LEADS, filter.city, filter.doc)) do
    local list = out[r.target]
    if not list then list = {}; out[r.target] = list end
    if r.lead_unit then
      list[1] = r.lead_unit
    elseif r.measure_lead then
      list[#list + 1] = r.measure_lead
    end
  end
  return out
end

local TASK_TEXTS = [[
SELECT doc, mid, period, unit, progress, problems, next_steps, by_user, at FROM task_progress
WHERE city = ?1 AND period >= ?2 AND period <= ?3 AND superseded_at IS NULL AND progress <> ''
ORDER BY doc, mid, period DESC, unit]]

--- The 工作进展 texts of a city's tasks reported for periods from `from` to `to` (period texts,
--- "2025-04" … "2025-06"), the current text of each unit: { ["doc/mid"] = { { unit, period,
--- progress, problems, next_steps, by_user, at }, … } }, the latest period first.
function M.task_texts(conn, city, from, to)
  local out = {}
  for _, r in ipairs(store.all(conn, TASK_TEXTS, city, from, to)) do
    local key = r.doc .. "/" .. r.mid
    local list = out[key]
    if not list then list = {}; out[key] = list end
    list[#list + 1] = r
  end
  return out
end

--- The latest 月度报送 round of a city whose period lies from `from` to `to` (period texts), or
--- nil: { id, period, due } (the round module reads its units' status).
function M.round_within(conn, city, from, to)
  return store.clean(conn:first([[SELECT id, city, period, due FROM rounds WHERE city = ? AND period >= ? AND period <= ?
    ORDER BY period DESC, id DESC LIMIT 1]], city, from, to))
end

return M
