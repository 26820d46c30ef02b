-- policytk.data.import: observed figures from a CSV file into the observations table.
--
-- Columns: indicator, region, period, value (required; region may be left out), unit,
-- source, note. The whole file is one transaction: a bad row anywhere and nothing is
-- imported; the error lists up to 50 bad rows as "FILE:LINE: column: problem". A value for
-- an indicator/region/period already held overwrites it; the old one goes to
-- observation_revisions.
--
--   import.file(conn, path, { encoding =, city = }) → { added =, updated =, unchanged = }

local core = require "policytk.core"
local row_source = require "policytk.data.row_source"
local schema = require "policytk.plugins.schema"
local store = require "policytk.data.store"
local values = require "policytk.data.values"
local NULL = require("policytk.db").NULL
local bad_rows = require "policytk.data.bad_rows"

local M = {}

M.COLUMNS = { "indicator", "region", "period", "value", "unit", "source", "note" }
local REQUIRED = { indicator = true, period = true, value = true }

local trim = values.trim

-- Lookup tables from the database: indicators by code/name/alias, regions by code/name.
local function lookups(conn, city)
  local ind, names, regions, rnames = {}, {}, {}, {}
  for _, r in ipairs(store.all(conn, "SELECT city, code, name, unit, aliases FROM indicators "
      .. "WHERE city IS NULL OR ?1 IS NULL OR city = ?1 ORDER BY city IS NOT NULL", city)) do
    local entry = { code = r.code, unit = r.unit, city = r.city }
    if not ind[r.code] then ind[r.code] = entry end
    names[#names + 1] = r.code
    local all = { r.name }
    for a in (r.aliases or ""):gmatch("[^\n]+") do all[#all + 1] = a end
    for _, n in ipairs(all) do
      if not ind[n] then ind[n] = entry; names[#names + 1] = n end
    end
  end
  local cities = {}
  for _, r in ipairs(store.all(conn, "SELECT id, name, code FROM cities WHERE ?1 IS NULL OR id = ?1", city)) do
    cities[r.id] = r.code
    regions[r.code] = r.code
    regions[r.name] = r.code
    rnames[#rnames + 1] = r.name
  end
  for _, r in ipairs(store.all(conn, "SELECT code, name FROM regions WHERE ?1 IS NULL OR city = ?1", city)) do
    regions[r.code] = r.code
    if not regions[r.name] then regions[r.name] = r.code end
    rnames[#rnames + 1] = r.name
  end
  return { ind = ind, names = names, regions = regions, rnames = rnames, cities = cities }
end

local function suggest(word, candidates)
  local near = schema.nearest(word, candidates)
  return near and string.format(" (did you mean %q?)", near) or ""
end

-- Periods repeat from row to row: their checks are cached (a bounded cache, so memory stays
-- flat whatever the file holds).
local PERIOD_CACHE = 4096

local function is_plain_count(s)             -- digits only: values.number would give tonumber(s)
  return #s <= 15 and s:find("^%d+$") ~= nil
end

-- Check one record (fields by position; pos: column name → position). Returns indicator,
-- region, period, value, unit, source, note, or nil after calling bad(column, problem).
-- utf8_ok: the reader has checked every field already.
local function check_row(fields, pos, lk, opts, bad, utf8_ok, cache)
  if not utf8_ok then
    for _, col in ipairs(M.COLUMNS) do           -- in column order: the first bad field is named
      local raw = fields[pos[col]] or ""
      local at = core.utf8_check(raw)
      if at then bad(col, string.format("invalid UTF-8 (byte %d of the field)", at)); return nil end
    end
  end
  local ok = true
  local oind, oregion, operiod, ovalue, ounit
  local name = trim(fields[pos.indicator] or "")
  local ind = lk.ind[name]
  if name == "" then bad("indicator", "empty"); ok = false
  elseif not ind then bad("indicator", string.format("unknown indicator %q%s", name, suggest(name, lk.names))); ok = false
  else oind = ind.code end

  local region = trim(fields[pos.region] or "")
  if region == "" then
    oregion = opts.city and lk.cities[opts.city] or (ind and ind.city and lk.cities[ind.city])
    if not oregion then bad("region", "empty, and no --city to default to"); ok = false end
  elseif lk.regions[region] then
    oregion = lk.regions[region]
  else
    bad("region", string.format("unknown region %q%s", region, suggest(region, lk.rnames))); ok = false
  end

  local praw = fields[pos.period] or ""
  local period, problem = cache[praw], nil
  if period == nil then
    period, problem = values.period(trim(praw), opts.today)
    if cache.n >= PERIOD_CACHE then for k in pairs(cache) do cache[k] = nil end; cache.n = 0 end
    if period then cache[praw] = period; cache.n = cache.n + 1 end
  end
  if not period then bad("period", problem); ok = false else operiod = period end

  local vraw = fields[pos.value] or ""
  local v, pct
  if is_plain_count(vraw) then v, pct = tonumber(vraw), false
  else v, pct = values.number(trim(vraw)) end
  if not v then bad("value", pct); ok = false else ovalue = v end

  if ind and v then
    local unit = trim(fields[pos.unit] or "")
    if pct and ind.unit ~= "%" then
      bad("value", string.format("%s is a percentage; the indicator is counted in %s", trim(vraw), ind.unit))
      ok = false
    elseif unit ~= "" and unit ~= ind.unit then
      local mult = unit == "万" .. ind.unit and 1e4 or unit == "亿" .. ind.unit and 1e8 or nil
      if mult then ovalue = v * mult
      else
        bad("unit", string.format("%q does not match the indicator's unit %q", unit, ind.unit)); ok = false
      end
    end
    ounit = ind.unit
  end
  if not ok then return nil end
  local source, note = fields[pos.source], fields[pos.note]
  if math.type(ovalue) == "float" and ovalue == math.floor(ovalue) and math.abs(ovalue) < 2^53 then
    ovalue = math.tointeger(ovalue)
  end
  return oind, oregion, operiod, ovalue, ounit or NULL,
    source and source ~= "" and source or NULL, note and note ~= "" and note or NULL
end

-- Rows go straight into observations inside the one transaction, each new one with the next
-- id after those already held (so "inserted by this import" is id > base). A key already
-- held is compared, and when it changed the old values become a revision and the row is
-- updated. Duplicates inside the file are found without holding the file in memory: a new
-- row's first line is id + off, with off kept in temp.import_lines only where it changes
-- (one row for a plain file); a held row touched by this import is kept in temp.import_seen.
local TEMP = [[
CREATE TEMP TABLE IF NOT EXISTS import_lines (id INTEGER PRIMARY KEY, off INTEGER NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS import_seen (id INTEGER PRIMARY KEY, line INTEGER NOT NULL);
DELETE FROM temp.import_lines;
DELETE FROM temp.import_seen;
]]

local SQL = {
  insert = [[INSERT INTO observations (id, indicator, region, period, value, unit, source, note, reported_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator, region, period) DO NOTHING]],
  mark = "INSERT INTO temp.import_lines (id, off) VALUES (?, ?)",
  first_new = "SELECT off FROM temp.import_lines WHERE id <= ? ORDER BY id DESC LIMIT 1",
  held = [[SELECT id, (value IS NOT CAST(?4 AS REAL) OR unit IS NOT ?5 OR source IS NOT ?6
    OR note IS NOT ?7) AS changed FROM observations WHERE indicator = ?1 AND region = ?2 AND period = ?3]],
  seen = "INSERT INTO temp.import_seen (id, line) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
  first_seen = "SELECT line FROM temp.import_seen WHERE id = ?",
  revise = [[INSERT INTO observation_revisions (observation, value, unit, source, note, reported_at, replaced_at)
    SELECT id, value, unit, source, note, reported_at, ? FROM observations WHERE id = ?]],
  update = "UPDATE observations SET value = ?, unit = ?, source = ?, note = ?, reported_at = ? WHERE id = ?",
}

-- The writer: put(line, indicator, region, period, value, unit, source, note) stores one
-- checked row, or returns the first line of the row it duplicates.
local function writer(conn, now)
  local st = {}
  for k, sql in pairs(SQL) do st[k] = conn:prepare(sql) end
  local base = conn:first("SELECT coalesce(max(id), 0) AS m FROM observations").m
  local counts = { added = 0, updated = 0, unchanged = 0 }
  local next_id, last_off = base + 1, nil
  local insert, changes = st.insert, conn.changes
  local function put(line, ind, region, period, value, unit, source, note)
    insert:bind(next_id, ind, region, period, value, unit, source, note, now):step()
    if changes(conn) == 1 then
      local off = line - next_id
      if off ~= last_off then st.mark:bind(next_id, off):step(); last_off = off end
      next_id = next_id + 1
      counts.added = counts.added + 1
      return nil
    end
    local held = st.held:bind(ind, region, period, value, unit, source, note):step()
    st.held:reset()
    if held.id > base then                       -- added earlier in this file
      local first = st.first_new:bind(held.id):step()
      st.first_new:reset()
      return held.id + first.off
    end
    st.seen:bind(held.id, line):step()
    if changes(conn) == 0 then                   -- a held row this file already gave
      local first = st.first_seen:bind(held.id):step()
      st.first_seen:reset()
      return first.line
    end
    if held.changed == 1 then
      st.revise:bind(now, held.id):step()
      st.update:bind(value, unit, source, note, now, held.id):step()
      counts.updated = counts.updated + 1
    else
      counts.unchanged = counts.unchanged + 1
    end
    return nil
  end
  local function close()
    for _, s in pairs(st) do s:close() end
  end
  return put, counts, close
end

local function check_header(fields, bad)
  local map, seen = {}, {}
  for i, h in ipairs(fields) do
    local name = trim(h):lower()
    if not core.utf8_check(name) and not seen[name] then
      local known = false
      for _, c in ipairs(M.COLUMNS) do if c == name then known = true end end
      if known then map[i] = name; seen[name] = true
      else bad("header", string.format("unknown column %q%s", trim(h), suggest(name, M.COLUMNS))) end
    elseif seen[name] then
      bad("header", string.format("column %q appears twice", name))
    else
      bad("header", "invalid UTF-8 in the header")
    end
  end
  for _, c in ipairs(M.COLUMNS) do
    if REQUIRED[c] and not seen[c] then bad("header", string.format("missing column %q", c)) end
  end
  return map
end

--- Import the CSV or XLSX file at path. opts: encoding, sheet, city, display (the name shown in errors),
--- today (YYYY-MM-DD, for tests). Raises cli.fail listing the bad rows.
function M.file(conn, path, opts)
  opts = opts or {}
  local shown = opts.display or path
  local rows, close, encoding = row_source.open(path, { encoding = opts.encoding, sheet = opts.sheet })
  local checked = encoding == "utf-8"            -- the C reader has checked the UTF-8 of each field
  local lk = lookups(conn, opts.city)
  local problems = bad_rows.new(shown)
  local function bad(col, problem) problems:add(col, problem) end
  local counts
  local now = store.now()
  conn:exec("PRAGMA cache_size = -16384")        -- 16 MiB of page cache for the index inserts
  local ok, e = pcall(conn.transaction, conn, function()
    conn:exec(TEMP)
    local put, got, close_writer = writer(conn, now)
    local _ <close> = setmetatable({}, { __close = close_writer })
    local header, pos, width = nil, nil, nil
    local cache = { n = 0 }
    for fields, line, problem, bad_utf8 in rows do
      problems.line = line
      if not fields then
        bad(header and "row" or "header", problem)
      elseif not header then
        header = check_header(fields, bad)
        if problems.total > 0 then break end
        width, pos = #fields, {}
        for i, name in pairs(header) do pos[name] = i end
      elseif not (#fields == 1 and fields[1] == "") then
        if #fields ~= width then
          bad("row", string.format("%d fields; the header has %d", #fields, width))
        else
          local ind, region, period, value, unit, source, note =
            check_row(fields, pos, lk, opts, bad, checked and not bad_utf8, cache)
          if ind then
            local first = put(line, ind, region, period, value, unit, source, note)
            if first then
              bad("row", string.format("duplicate of line %d (same indicator, region and period)", first))
            end
          end
        end
      end
    end
    if not header and problems.total == 0 then problems.line = 1; bad("header", "the file is empty") end
    if problems.total > 0 then error("bad rows", 0) end
    counts = got
  end)
  close()
  if not ok then
    if problems.total > 0 then problems:fail() end
    error(e, 0)
  end
  return counts
end

return M
