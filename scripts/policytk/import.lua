-- policytk.import: observed figures from a CSV file into the observations table.
--
-- Columns: indicator, region, period, value (required; region may be left out), unit,
-- source, note. The whole file is one transaction: a bad row anywhere and nothing is
-- imported; the error lists up to 50 bad rows as "FILE:LINE: column: problem". A value for
-- an indicator/region/period already held overwrites it; the old one goes to
-- observation_revisions.
--
--   import.file(conn, path, { encoding =, city = }) → { added =, updated =, unchanged = }

local core = require "policytk.core"
local cli = require "policytk.cli"
local row_source = require "policytk.row_source"
local schema = require "policytk.schema"
local store = require "policytk.store"
local values = require "policytk.values"
local NULL = require("policytk.db").NULL

local M = {}

M.MAX_SHOWN = 50
M.COLUMNS = { "indicator", "region", "period", "value", "unit", "source", "note" }
local REQUIRED = { indicator = true, period = true, value = true }

-- Spaces (ASCII and the full-width U+3000) around a field; the common case has none.
local function trim(s)
  local a, z = s:byte(1), s:byte(-1)
  if a and a > 32 and a ~= 0xE3 and z > 32 and z ~= 0x80 then return s end
  return (s:gsub("^[%s\u{3000}]+", ""):gsub("[%s\u{3000}]+$", ""))
end

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

-- Check one record; returns the observation or nil after calling bad(column, problem).
local function check_row(rec, lk, opts, bad)
  local o = {}
  for _, col in ipairs(M.COLUMNS) do             -- in column order: the first bad field is named
    local raw = rec[col] or ""
    local at = core.utf8_check(raw)
    if at then bad(col, string.format("invalid UTF-8 (byte %d of the field)", at)); return nil end
  end
  local ok = true
  local name = trim(rec.indicator or "")
  local ind = lk.ind[name]
  if name == "" then bad("indicator", "empty"); ok = false
  elseif not ind then bad("indicator", string.format("unknown indicator %q%s", name, suggest(name, lk.names))); ok = false
  else o.indicator = ind.code end

  local region = trim(rec.region or "")
  if region == "" then
    o.region = opts.city and lk.cities[opts.city] or (ind and ind.city and lk.cities[ind.city])
    if not o.region then bad("region", "empty, and no --city to default to"); ok = false end
  elseif lk.regions[region] then
    o.region = lk.regions[region]
  else
    bad("region", string.format("unknown region %q%s", region, suggest(region, lk.rnames))); ok = false
  end

  local period, problem = values.period(trim(rec.period or ""), opts.today)
  if not period then bad("period", problem); ok = false else o.period = period end

  local v, pct = values.number(trim(rec.value or ""))
  if not v then bad("value", pct); ok = false else o.value = v end

  if ind and v then
    local unit = trim(rec.unit or "")
    if pct and ind.unit ~= "%" then
      bad("value", string.format("%s is a percentage; the indicator is counted in %s", trim(rec.value), ind.unit))
      ok = false
    elseif unit ~= "" and unit ~= ind.unit then
      local mult = unit == "万" .. ind.unit and 1e4 or unit == "亿" .. ind.unit and 1e8 or nil
      if mult then o.value = v * mult
      else
        bad("unit", string.format("%q does not match the indicator's unit %q", unit, ind.unit)); ok = false
      end
    end
    o.unit = ind.unit
  end
  o.source = rec.source ~= "" and rec.source or nil
  o.note = rec.note ~= "" and rec.note or nil
  if math.type(o.value) == "float" and o.value == math.floor(o.value) and math.abs(o.value) < 2^53 then
    o.value = math.tointeger(o.value)
  end
  return ok and o or nil
end

-- Rows are staged in a temporary table keyed like observations (duplicates inside the file
-- are found there, so memory stays flat whatever the file size), then merged set-wise:
-- changed values are kept as revisions, then updated; new ones are inserted.
local STAGE = [[
CREATE TEMP TABLE IF NOT EXISTS import_rows (
  indicator TEXT NOT NULL, region TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL,
  unit TEXT, source TEXT, note TEXT, line INTEGER NOT NULL,
  PRIMARY KEY (indicator, region, period)) WITHOUT ROWID;
DELETE FROM temp.import_rows;
]]

local CHANGED = [[
  o.value IS NOT r.value OR o.unit IS NOT r.unit OR o.source IS NOT r.source OR o.note IS NOT r.note]]

local function merge(conn, now)
  local counts = {}
  counts.added = conn:first([[SELECT count(*) AS n FROM temp.import_rows r WHERE NOT EXISTS
    (SELECT 1 FROM observations o WHERE o.indicator = r.indicator AND o.region = r.region
     AND o.period = r.period)]]).n
  local total = conn:first("SELECT count(*) AS n FROM temp.import_rows").n
  conn:run([[INSERT INTO observation_revisions (observation, value, unit, source, note, reported_at, replaced_at)
    SELECT o.id, o.value, o.unit, o.source, o.note, o.reported_at, ? FROM observations o
    JOIN temp.import_rows r ON o.indicator = r.indicator AND o.region = r.region AND o.period = r.period
    WHERE]] .. CHANGED, now)
  counts.updated = conn:run([[UPDATE observations AS o SET value = r.value, unit = r.unit, source = r.source,
    note = r.note, reported_at = ? FROM temp.import_rows AS r
    WHERE o.indicator = r.indicator AND o.region = r.region AND o.period = r.period AND (]] .. CHANGED .. ")", now)
  conn:run([[INSERT INTO observations (indicator, region, period, value, unit, source, note, reported_at)
    SELECT indicator, region, period, value, unit, source, note, ? FROM temp.import_rows WHERE true
    ON CONFLICT (indicator, region, period) DO NOTHING]], now)
  counts.unchanged = total - counts.added - counts.updated
  conn:exec("DELETE FROM temp.import_rows")
  return counts
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
  local rows, close = row_source.open(path, { encoding = opts.encoding, sheet = opts.sheet })
  local lk = lookups(conn, opts.city)
  local errors, total = {}, 0
  local line_no = 1
  local function bad(col, problem)
    total = total + 1
    if #errors < M.MAX_SHOWN then errors[#errors + 1] = string.format("%s:%d: %s: %s", shown, line_no, col, problem) end
  end
  local counts
  local now = store.now()
  conn:exec(STAGE)
  conn:exec("PRAGMA cache_size = -16384")        -- 16 MiB of page cache for the merge
  local stage <close> = conn:prepare([[INSERT INTO temp.import_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (indicator, region, period) DO NOTHING]])
  local first_line <close> = conn:prepare(
    "SELECT line FROM temp.import_rows WHERE indicator = ? AND region = ? AND period = ?")
  local ok, e = pcall(conn.transaction, conn, function()
    local header = nil
    for fields, line, problem in rows do
      line_no = line
      if not fields then
        bad(header and "row" or "header", problem)
      elseif not header then
        header = check_header(fields, bad)
        if total > 0 then break end
        header.n = #fields
      elseif not (#fields == 1 and fields[1] == "") then
        if #fields ~= header.n then
          bad("row", string.format("%d fields; the header has %d", #fields, header.n))
        else
          local rec = {}
          for i, v in pairs(header) do if i ~= "n" then rec[v] = fields[i] end end
          local o = check_row(rec, lk, opts, bad)
          if o then
            stage:bind(o.indicator, o.region, o.period, o.value, o.unit or NULL, o.source or NULL,
              o.note or NULL, line):step()
            if conn:changes() == 0 then
              local first = first_line:bind(o.indicator, o.region, o.period):step()
              first_line:reset()
              bad("row", string.format("duplicate of line %d (same indicator, region and period)", first.line))
            end
          end
        end
      end
    end
    if not header and total == 0 then line_no = 1; bad("header", "the file is empty") end
    if total > 0 then error("bad rows", 0) end
    counts = merge(conn, now)
  end)
  close()
  if not ok then
    if total > 0 then
      local more = total > #errors and string.format("\n… and %d more", total - #errors) or ""
      cli.fail("%s: nothing imported; %d problem(s):\n%s%s", shown, total, table.concat(errors, "\n"), more)
    end
    error(e, 0)
  end
  return counts
end

return M
