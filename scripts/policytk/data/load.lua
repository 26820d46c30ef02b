-- policytk.data.load: copy loaded plugins into the database, one transaction per city.
--
-- Idempotent: a row is written only when one of its fields changed. Documents, measures,
-- targets, groups and benefits a plugin no longer declares are marked withdrawn, never
-- deleted; observations and staff shares are never touched. The county shares a target
-- declares go to target_shares as source 'plugin' (policytk.data.shares.sync_plugin).
-- A region row belongs to one city and is never moved: a plugin declaring a region another
-- city holds is an error unless it says shared_with = that city (the row is then left
-- alone); a shared region outside the plugin's own prefix is the other city's row.
--
--   load.catalog(conn)                 -- the common indicator catalog (city NULL)
--   load.city(conn, plugin) → { docs = { {doc=, added=, updated=, withdrawn=, unchanged=, note=} } }
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local basis = require "policytk.data.basis"
local target_shares = require "policytk.data.shares"
local store = require "policytk.data.store"
local plugins = require "policytk.plugins"

local M = {}

local function same(a, b)
  if a == b then return true end
  if type(a) == "number" and type(b) == "number" then return math.abs(a - b) <= 1e-9 * math.max(1, math.abs(a)) end
  return false
end

local function lines(list)
  if type(list) ~= "table" or #list == 0 then return nil end
  return table.concat(list, "\n")
end

-- Insert or update one row of tbl found by its key columns. Compared columns are those of
-- row; stamp columns are written but not compared. Returns "added" | "updated" |
-- "unchanged" and the row's id (tables with an id column).
local function put(conn, tbl, keys, row, stamp)
  local where, kv = {}, {}
  for i, k in ipairs(keys) do where[i] = k .. " IS ?"; kv[i] = row[k] end
  local old = store.clean(conn:first("SELECT * FROM " .. tbl .. " WHERE " .. table.concat(where, " AND "),
    table.unpack(kv, 1, #keys)))
  local cols, vals = {}, {}
  for c, v in pairs(row) do
    cols[#cols + 1] = c
    if type(v) == "boolean" then v = v and 1 or 0; row[c] = v end
    vals[#vals + 1] = v
  end
  if old then
    local changed = false
    for i, c in ipairs(cols) do if not same(old[c], vals[i]) then changed = true end end
    if not changed then return "unchanged", old.id end
  end
  for c, v in pairs(stamp or {}) do cols[#cols + 1] = c; vals[#vals + 1] = v end
  local n = #cols
  if old then
    local set = {}
    for i, c in ipairs(cols) do set[i] = c .. " = ?" end
    local args = table.move(vals, 1, n, 1, {})
    table.move(kv, 1, #keys, n + 1, args)
    conn:run("UPDATE " .. tbl .. " SET " .. table.concat(set, ", ") .. " WHERE " .. table.concat(where, " AND "),
      table.unpack(args, 1, n + #keys))
    return "updated", old.id
  end
  local marks = string.rep("?", n, ", ")
  local _, rowid = conn:run("INSERT INTO " .. tbl .. " (" .. table.concat(cols, ", ") .. ") VALUES (" .. marks .. ")",
    table.unpack(vals, 1, n))
  return "added", rowid
end

-- Put the indicator declarations of city (nil: the common catalog).
local function put_indicators(conn, city, list)
  for _, ind in ipairs(list or {}) do
    put(conn, "indicators", { "city", "code" }, {
      city = city, code = ind.code, name = ind.name, unit = ind.unit, flow = ind.flow and 1 or 0,
      basis = basis.default(ind), aliases = lines(ind.aliases), description = ind.description,
    })
  end
end

--- Load the common indicator catalog.
function M.catalog(conn)
  conn:transaction(function() put_indicators(conn, nil, plugins.catalog().list) end)
end

-- The responsible units of a measure, in document order (leads first when only listed as
-- leads). Under the rule 列第一位的为牵头单位 (lead_rule first_listed) without lead_units, the
-- first responsible unit leads.
local function measure_units(m, lead_rule)
  local out, seen, lead = {}, {}, {}
  for _, u in ipairs(m.lead_units or {}) do lead[u] = true end
  if lead_rule == "first_listed" and not next(lead) and m.responsible_units and m.responsible_units[1] then
    lead[m.responsible_units[1]] = true
  end
  for _, u in ipairs(m.responsible_units or {}) do
    if not seen[u] then seen[u] = true; out[#out + 1] = { unit = u, is_lead = lead[u] and 1 or 0 } end
  end
  for _, u in ipairs(m.lead_units or {}) do
    if not seen[u] then seen[u] = true; table.insert(out, 1, { unit = u, is_lead = 1 }) end
  end
  return out
end

local function units_sig(list)
  local parts = {}
  for i, u in ipairs(list) do parts[i] = u.unit .. "|" .. u.is_lead end
  return table.concat(parts, ";")
end

local function sync_units(conn, measure_id, list)
  local old = {}
  for r in conn:rows("SELECT unit, is_lead FROM measure_units WHERE measure = ? ORDER BY position", measure_id) do
    old[#old + 1] = { unit = r.unit, is_lead = r.is_lead }
  end
  if units_sig(old) == units_sig(list) then return false end
  conn:run("DELETE FROM measure_units WHERE measure = ?", measure_id)
  for i, u in ipairs(list) do
    conn:run("INSERT INTO measure_units (measure, unit, is_lead, position) VALUES (?, ?, ?, ?)",
      measure_id, u.unit, u.is_lead, i)
  end
  return true
end

local function target_row(doc_id, t, i)
  local shares
  if type(t.shares) == "table" and #t.shares > 0 then
    local parts = {}
    for j, s in ipairs(t.shares) do parts[j] = s.region .. "=" .. tostring(s.value) end
    shares = table.concat(parts, "\n")
  end
  return {
    document = doc_id, tid = t.id, section = t.section, indicator = t.indicator, quote = t.quote,
    value = t.value, unit = t.unit, comparator = t.comparator, kind = t.kind, start = t.start,
    deadline = t.deadline, year = t.year, every = t.every, lead_unit = t.lead_unit,
    measure = t.measure, grp = t.group, region = t.region,
    base_year = t.base and t.base.year, base_value = t.base and t.base.value,
    shares = shares, note = t.note, position = i, status = "active",
  }
end

local function measure_row(doc_id, m, i)
  return {
    document = doc_id, mid = m.id, section = m.section, grp = m.group, title = m.title, text = m.text,
    phase = m.phase, contact_name = m.contact and m.contact.name, contact_phone = m.contact and m.contact.phone,
    key_work = m.key_work, city_target = m.city_target, actions = lines(m.actions), position = i,
    status = "active",
  }
end

-- Mark the active rows of tbl in document doc_id whose key is not in seen as withdrawn.
local function withdraw(conn, tbl, key, doc_id, seen)
  local n = 0
  for _, r in ipairs(store.all(conn, "SELECT id, " .. key .. " AS k FROM " .. tbl
      .. " WHERE document = ? AND status = 'active'", doc_id)) do
    if not seen[r.k] then
      conn:run("UPDATE " .. tbl .. " SET status = 'withdrawn' WHERE id = ?", r.id)
      n = n + 1
    end
  end
  return n
end

-- Load one document; returns its counts. by: who declares its shares ("插件 taizhou 1.0.0").
local function load_document(conn, city, d, now, by)
  local status, doc_id = put(conn, "documents", { "city", "doc" }, {
    city = city, doc = d.id, title = d.title, doc_number = d.doc_number, issuer = d.issuer, issued = d.issued,
    period_start = d.period_start, period_end = d.period_end, status = d.status, source = d.source,
    url = d.url, supersedes = d.supersedes, withdrawn = 0,
  }, { loaded_at = now })
  local c = { doc = d.id, added = 0, updated = 0, withdrawn = 0, unchanged = 0,
              note = status == "added" and "新文件" or status == "updated" and "文件信息已更新" or nil }
  local seen = {}
  for i, g in ipairs(d.groups or {}) do
    seen[g.id] = true
    put(conn, "groups", { "document", "gid" },
      { document = doc_id, gid = g.id, name = g.name, section = g.section, position = i, status = "active" })
  end
  withdraw(conn, "groups", "gid", doc_id, seen)
  seen = {}
  for i, m in ipairs(d.measures or {}) do
    seen[m.id] = true
    local st, mid = put(conn, "measures", { "document", "mid" }, measure_row(doc_id, m, i))
    if sync_units(conn, mid, measure_units(m, d.lead_rule)) and st == "unchanged" then st = "updated" end
    c[st] = c[st] + 1
  end
  c.withdrawn = c.withdrawn + withdraw(conn, "measures", "mid", doc_id, seen)
  seen = {}
  for i, t in ipairs(d.targets or {}) do
    seen[t.id] = true
    local st = put(conn, "targets", { "document", "tid" }, target_row(doc_id, t, i))
    target_shares.sync_plugin(conn, { city = city, doc = d.id, tid = t.id }, t.shares, by, now)
    c[st] = c[st] + 1
  end
  c.withdrawn = c.withdrawn + withdraw(conn, "targets", "tid", doc_id, seen)
  return c
end

--- Load one valid plugin (call inside nothing: it opens its own transaction).
function M.city(conn, p)
  local now = store.now()
  local result = { docs = {} }
  conn:transaction(function()
    local m = p.manifest
    put(conn, "cities", { "id" }, { id = p.id, name = m.name, code = m.code, version = m.version },
      { loaded_at = now })
    for _, r in ipairs(m.regions or {}) do
      local owner = conn:first("SELECT city FROM regions WHERE code = ?", r.code)
      owner = owner and owner.city
      if owner and owner ~= p.id then
        -- loading never moves a region between cities
        if r.shared_with ~= owner then
          error(string.format("region %s belongs to city %s: plugin %s cannot take it over "
            .. "(declare it shared_with = %q, or use a code of its own)", r.code, owner, p.id, owner), 0)
        end
      elseif r.code:sub(1, 4) == m.code:sub(1, 4) or not r.shared_with then
        put(conn, "regions", { "code" }, { code = r.code, city = p.id, name = r.name, parent = r.parent or m.code,
          since = r.since, ["until"] = r["until"] })
      end -- a shared region outside the city's prefix is the other city's row
    end
    for _, u in ipairs(m.units or {}) do
      put(conn, "units", { "city", "short" }, { city = p.id, short = u.short, name = u.name, kind = u.kind,
        aliases = lines(u.aliases) })
    end
    put_indicators(conn, p.id, p.indicators)
    local declared = {}
    for _, d in ipairs(p.documents or {}) do
      declared[d.id] = true
      result.docs[#result.docs + 1] = load_document(conn, p.id, d, now, "插件 " .. p.id .. " " .. m.version)
    end
    for _, r in ipairs(store.all(conn, "SELECT id, doc FROM documents WHERE city = ? AND withdrawn = 0", p.id)) do
      if not declared[r.doc] then
        conn:run("UPDATE documents SET withdrawn = 1 WHERE id = ?", r.id)
        local none = {}
        withdraw(conn, "groups", "gid", r.id, none)
        local n = withdraw(conn, "measures", "mid", r.id, none) + withdraw(conn, "targets", "tid", r.id, none)
        result.docs[#result.docs + 1] = { doc = r.doc, added = 0, updated = 0, withdrawn = n, unchanged = 0,
                                          note = "文件已撤回" }
      end
    end
    local seen = {}
    for _, b in ipairs(p.benefits or {}) do
      seen[b.id] = true
      put(conn, "benefits", { "city", "bid" }, { city = p.id, bid = b.id, name = b.name, doc = b.doc,
        section = b.section, quote = b.quote, kind = b.kind, beneficiary = b.beneficiary, status = "active" })
    end
    for _, r in ipairs(store.all(conn, "SELECT bid FROM benefits WHERE city = ? AND status = 'active'", p.id)) do
      if not seen[r.bid] then
        conn:run("UPDATE benefits SET status = 'withdrawn' WHERE city = ? AND bid = ?", p.id, r.bid)
      end
    end
  end)
  return result
end

return M
