-- policytk.data.queries: the data layer's read queries for reports — a city, a document, the
-- measures of a document with their units — so that the report engine
-- (policytk.reports.engine) and the ctx it gives builders hold no SQL. The targets and
-- figures progress is computed from are read by policytk.progress.data.
--
--   local queries = require "policytk.data.queries"
--   queries.city(conn, "wenzhou")                    -- { id =, name =, code = } or nil
--   queries.document(conn, "wenzhou", "friendly")    -- the documents row or nil
--   queries.measures(conn, "wenzhou", "friendly")    -- active measures, document order

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

-- Add units (every responsible unit, in order) and lead_units (the leads; the first unit
-- when none is marked) to a measure row.
local function add_units(conn, m)
  m.lead_units, m.units = {}, {}
  for u in conn:rows(UNITS, m.row_) do
    m.units[#m.units + 1] = u.unit
    if u.is_lead == 1 then m.lead_units[#m.lead_units + 1] = u.unit end
  end
  if #m.lead_units == 0 and m.units[1] then m.lead_units[1] = m.units[1] end
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

return M
