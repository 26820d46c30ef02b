-- policytk.round.units: who a round goes to — every responsible unit of the city's active
-- measures, in document order, with the tasks it leads (牵头) or shares (配合), the regions
-- it reports figures for and the indicators on its 指标 sheet.
--
--   units.city(conn, id) → { id =, name =, code = }   (raises a Chinese message when not loaded)
--   units.list(conn, city) → { unit, … }; unit = { short =, name =, kind =, county = bool,
--     regions = { { code =, name = } … } or nil (the city), tasks = { task, … } }
--   task = { key = "doc/mid", doc =, mid =, title =, role = "牵头" | "配合", targets = text,
--            contact_name =, contact_phone = }
--   units.indicators(conn, city, unit, ctx) → indicator codes for the unit's 指标 sheet
--   units.share_text(ctx) → function(code, region) → the county's share as text, or nil
--
-- Regions: a county government (units.kind = 'county') whose short or full name holds a
-- county's name (瓯海区政府) reports for that county; a collective one (各县(市、区)政府,
-- 相关县(市、区)政府) for every county of the city, a row per county; any other unit for the
-- city. Indicators: those of the targets the unit leads (policytk.data.queries' rule, as the
-- import template lists them); for a county government also those of the targets with a share
-- for its county (分解下达) and those of the targets of the tasks it carries.
--
-- units.list and units.context are kept per connection until the city's structure changes
-- (data_epoch.s, migrations/0011_data_epoch.sql: documents, measures, targets, units, regions,
-- indicators, shares — never a figure or a text), so that a web save does not compute the
-- city's whole round for one unit's form. What they return is shared: callers read it.
--
-- Capability: the 月度报送 round (entry policytk.round; map in docs/architecture.md).

local queries = require "policytk.data.queries"
local shares = require "policytk.data.shares"
local store = require "policytk.data.store"

local M = {}

-- conn → { s = structure epoch, list = { city → … }, context = { city → … } }
local memo = setmetatable({}, { __mode = "k" })

-- The memo of conn for the current structure (nil when the database has no data_epoch).
local function memo_of(conn)
  local ok, row = pcall(conn.first, conn, "SELECT s FROM data_epoch WHERE id = 1")
  if not ok or not row then return nil end
  local m = memo[conn]
  if not m or m.s ~= row.s then
    m = { s = row.s, list = {}, context = {} }
    memo[conn] = m
  end
  return m
end

--- The city's row; a city not loaded is refused.
function M.city(conn, id)
  local city = queries.city(conn, id)
  if not city then error(string.format("数据库中没有城市 %q（先运行 policytk load）", tostring(id)), 0) end
  return city
end

local TASKS = [[
SELECT d.doc, m.mid, m.title, m.contact_name, m.contact_phone, mu.unit, mu.is_lead
FROM measure_units mu JOIN measures m ON m.id = mu.measure JOIN documents d ON d.id = m.document
WHERE d.city = ? AND m.status = 'active' AND d.withdrawn = 0
ORDER BY d.id, m.position, mu.position]]

local TARGETS = [[
SELECT t.id, d.doc, t.tid, t.indicator, t.measure, t.quote, t.unit FROM targets t JOIN documents d ON d.id = t.document
WHERE d.city = ? AND t.status = 'active' AND d.withdrawn = 0 ORDER BY d.id, t.position]]

-- The city's active targets in document order, and their texts per task ("doc/mid" → text).
local function targets(conn, city)
  local list, text = store.all(conn, TARGETS, city), {}
  for _, t in ipairs(list) do
    if t.measure then
      local key = t.doc .. "/" .. t.measure
      text[key] = (text[key] and text[key] .. "\n" or "") .. string.format("%s %s", t.tid, t.quote)
    end
  end
  return list, text
end

-- The regions a county government reports for: the counties its names hold, else all.
local function county_regions(unit, regions)
  local mine = {}
  for _, r in ipairs(regions) do
    if unit.short:find(r.name, 1, true) or unit.name:find(r.name, 1, true) then mine[#mine + 1] = r end
  end
  return #mine > 0 and mine or regions
end

-- The unit entry for short (from the units table, or the short name alone when a measure
-- names a unit the plugin does not declare).
local function entry(short, declared, regions)
  local u = declared[short] or { short = short, name = short }
  local e = { short = short, name = u.name, kind = u.kind, tasks = {}, county = u.kind == "county" }
  if e.county then e.regions = county_regions(e, regions) end
  return e
end

local list_of, context_of

--- The units of the city's round, in the order the documents first name them.
function M.list(conn, city)
  local m = memo_of(conn)
  if not m then return list_of(conn, city) end
  m.list[city.id] = m.list[city.id] or list_of(conn, city)
  return m.list[city.id]
end

list_of = function(conn, city)
  local declared = {}
  for _, u in ipairs(store.all(conn, "SELECT short, name, kind FROM units WHERE city = ?", city.id)) do
    declared[u.short] = u
  end
  local regions = store.all(conn, "SELECT code, name FROM regions WHERE city = ? ORDER BY code", city.id)
  local _, target_text = targets(conn, city.id)
  local list, by_short = {}, {}
  for _, r in ipairs(store.all(conn, TASKS, city.id)) do
    local u = by_short[r.unit]
    if not u then
      u = entry(r.unit, declared, regions)
      by_short[r.unit], list[#list + 1] = u, u
    end
    local key = r.doc .. "/" .. r.mid
    u.tasks[#u.tasks + 1] = { key = key, doc = r.doc, mid = r.mid, title = r.title,
      role = r.is_lead == 1 and "牵头" or "配合", targets = target_text[key] or "",
      contact_name = r.contact_name, contact_phone = r.contact_phone }
  end
  return list
end

--- What units.indicators and units.share_text read once for the whole round.
function M.context(conn, city)
  local m = memo_of(conn)
  if not m then return context_of(conn, city) end
  m.context[city.id] = m.context[city.id] or context_of(conn, city)
  return m.context[city.id]
end

context_of = function(conn, city)
  local list = targets(conn, city.id)
  return { city = city, targets = list, leads = queries.lead_units(conn, { city = city.id }),
           shares = shares.effective(conn, { city = city.id }) }
end

-- Does the unit take target t (a row of TARGETS)?
local function takes(t, unit, ctx, tasks, in_regions)
  for _, u in ipairs(ctx.leads[t.id] or {}) do if u == unit.short then return true end end
  if not unit.county then return false end
  if t.measure and tasks[t.doc .. "/" .. t.measure] then return true end
  for _, s in ipairs(ctx.shares[shares.key(ctx.city.id, t.doc, t.tid)] or {}) do
    if in_regions[s.region] then return true end
  end
  return false
end

--- The indicator codes of the unit's 指标 sheet, in target order (see the header).
function M.indicators(unit, ctx)
  local tasks, in_regions = {}, {}
  for _, task in ipairs(unit.tasks) do tasks[task.key] = true end
  for _, r in ipairs(unit.regions or {}) do in_regions[r.code] = true end
  local out, seen = {}, {}
  for _, t in ipairs(ctx.targets) do
    if not seen[t.indicator] and takes(t, unit, ctx, tasks, in_regions) then
      seen[t.indicator] = true
      out[#out + 1] = t.indicator
    end
  end
  return out
end

local function number(v)
  if v == math.floor(v) and math.abs(v) < 2^53 then return string.format("%d", v) end
  return string.format("%.15g", v)
end

--- The 下达目标 cell of a county row: the county's shares of the targets of that indicator,
--- "T05 1200家", several joined with "；"; nil when the county has none.
function M.share_text(ctx)
  local by = {}                                   -- indicator → region → { text, … }
  for _, t in ipairs(ctx.targets) do
    for _, s in ipairs(ctx.shares[shares.key(ctx.city.id, t.doc, t.tid)] or {}) do
      local per = by[t.indicator] or {}
      by[t.indicator] = per
      per[s.region] = per[s.region] or {}
      table.insert(per[s.region], string.format("%s %s%s", t.tid, number(s.value), t.unit))
    end
  end
  return function(code, region)
    local list = by[code] and by[code][region]
    return list and table.concat(list, "；") or nil
  end
end

return M
