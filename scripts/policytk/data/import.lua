-- policytk.data.import: observed figures from a CSV or XLSX file into the observations table
-- (the observations' spec for policytk.data.importer, which runs the import).
--
-- Columns: indicator, region, period, value (required; region may be left out), unit,
-- source, note. The whole file is one transaction: a bad row anywhere and nothing is
-- imported; the error lists up to 50 bad rows as "FILE:LINE: column: problem". A value for
-- an indicator/region/period already held overwrites it; the old one goes to
-- observation_revisions.
--
--   import.file(conn, path, { encoding =, city = }) → { added =, updated =, unchanged = }

local core = require "policytk.core"
local importer = require "policytk.data.importer"
local schema = require "policytk.plugins.schema"
local store = require "policytk.data.store"
local values = require "policytk.data.values"
local NULL = require("policytk.db").NULL

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

-- A header name that is not a column: refused, with the nearest column's name.
local function unknown_column(job, name, raw)
  if core.utf8_check(name) then
    job.bad("header", "invalid UTF-8 in the header")
  else
    job.bad("header", string.format("unknown column %q%s", trim(raw), suggest(name, M.COLUMNS)))
  end
end

-- The writer of policytk.data.importer: each row checked, then stored by put.
local function observation_writer(job, header)
  local conn, opts, bad = job.conn, job.opts, job.bad
  conn:exec(TEMP)
  local lk = lookups(conn, opts.city)
  local put, counts, close = writer(conn, job.now)
  local pos, cache = header.pos, { n = 0 }
  local function row(fields, line, utf8_ok)
    local ind, region, period, value, unit, source, note = check_row(fields, pos, lk, opts, bad, utf8_ok, cache)
    if not ind then return end
    local first = put(line, ind, region, period, value, unit, source, note)
    if first then
      bad("row", string.format("duplicate of line %d (same indicator, region and period)", first))
    end
  end
  return { row = row, finish = function() return counts end, close = close }
end

M.SPEC = {
  -- M.COLUMNS and basis (口径: optional; header.pos.basis, header.implied.basis)
  columns = { "indicator", "region", "period", "value", "unit", "basis", "source", "note" },
  required = REQUIRED, fold = string.lower, other = unknown_column,
  -- the headers bureaus write (the first of each is its label in messages)
  aliases = {
    indicator = { "指标", "指标名称" },
    region = { "地区", "县市区", "县（市、区）", "县(市、区)", "区域" },
    period = { "期间", "时间", "月份", "报告期", "统计期" },
    value = { "数值", "本期数", "累计数", "完成数", "本月数" },
    unit = { "单位", "计量单位" },
    basis = { "口径", "统计口径" },
    source = { "来源", "数据来源" },
    note = { "备注" },
  },
  implies = { ["累计数"] = { basis = "累计" }, ["本期数"] = { basis = "当期" }, ["本月数"] = { basis = "当期" } },
  find_header = true,                            -- below title and 填报单位 rows; every sheet with a table
  cache_kib = 16384,                             -- 16 MiB of page cache for the index inserts
  writer = observation_writer,
}

--- Import the CSV or XLSX file at path. opts: encoding, sheet, city, display (the name shown in errors),
--- today (YYYY-MM-DD, for tests). Raises cli.fail listing the bad rows.
function M.file(conn, path, opts)
  return importer.run(conn, path, M.SPEC, opts)
end

return M
