-- policytk.data.import: observed figures from a CSV or XLSX file into the observations table
-- (the observations' spec for policytk.data.importer, which runs the import).
--
-- Columns: indicator, region, period, value (required; region may be left out), unit,
-- basis (口径: 当期, 累计, 期末, 比率 and the words of policytk.data.basis; default the
-- indicator's), source, note. The whole file is one transaction: a bad row anywhere and nothing
-- is imported; the error lists up to 50 bad rows as "FILE:LINE: column: problem". A value for
-- an indicator/region/period already held overwrites it; the old one goes to
-- observation_revisions. The file is one batch (policytk.data.batches): who, when, the file's
-- name and SHA-256, how many figures; every figure and revision names its batch.
-- A year-to-date (累计) figure below an earlier one of the same year is refused, naming both
-- lines, unless opts.allow_revisions (then it is taken as a correction).
--
--   import.file(conn, path, { encoding =, city =, by =, allow_revisions = })
--     → { added =, updated =, unchanged =, batch = }
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local basis = require "policytk.data.basis"
local batches = require "policytk.data.batches"
local core = require "policytk.core"
local dates = require "policytk.progress.dates"
local importer = require "policytk.data.importer"
local row_source = require "policytk.data.row_source"
local schema = require "policytk.plugins.schema"
local template = require "policytk.data.template"
local store = require "policytk.data.store"
local values = require "policytk.data.values"
local NULL = require("policytk.db").NULL

local M = {}

M.COLUMNS = { "indicator", "region", "period", "value", "unit", "basis", "source", "note" }
local REQUIRED = { indicator = true, period = true, value = true }

local trim = values.trim

-- Lookup tables from the database: indicators by code/name/alias, regions by code/name.
local function lookups(conn, city)
  local ind, names, regions, rnames = {}, {}, {}, {}
  for _, r in ipairs(store.all(conn, "SELECT city, code, name, unit, flow, basis, aliases FROM indicators "
      .. "WHERE city IS NULL OR ?1 IS NULL OR city = ?1 ORDER BY city IS NOT NULL", city)) do
    local entry = { code = r.code, unit = r.unit, city = r.city, flow = r.flow == 1,
                    basis = r.basis or basis.default({ flow = r.flow == 1, unit = r.unit }) }
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
  return near and string.format("（是否要用 %q？）", near) or ""
end

-- Periods repeat from row to row: their checks are cached (a bounded cache, so memory stays
-- flat whatever the file holds).
local PERIOD_CACHE = 4096

local function is_plain_count(s)             -- digits only: values.number would give tonumber(s)
  return #s <= 15 and s:find("^%d+$") ~= nil
end

-- The basis of a row: its own 口径 cell, else what its period says (2025年1-6月 is 1—6月累计),
-- else what its header implies (a 累计数 column), else the indicator's. A 口径 cell that
-- contradicts its period is a problem. Returns the code, or nil after bad().
local function row_basis(raw, hint, implied, ind, bad)
  local word = trim(raw or "")
  local code, problem
  if word ~= "" then
    code, problem = basis.parse(word)
    if not code then bad("basis", problem); return nil end
    if hint == "ytd" and code ~= "ytd" and (not ind or ind.flow) then
      bad("basis", string.format("口径 %q 与期间（1—N月累计）不一致", word)); return nil
    end
  elseif hint and (not ind or ind.flow) then   -- 1—N月: a flow's 累计; a rate's or stock's own
    code = hint
  elseif implied then
    code = basis.parse(implied)
  end
  if not ind then return code end
  code = code or ind.basis
  local fits, why = basis.fits(code, ind)
  if not fits then bad("basis", string.format("%s: %s", ind.code, why)); return nil end
  return code
end

-- row_basis through the row cache: a file repeats a handful of (口径, period hint, indicator)
-- combinations; each is worked out once (problems are not cached: they are reported each time).
local function cached_basis(raw, hint, implied, ind, bad, cache)
  if not ind then return row_basis(raw, hint, implied, ind, bad) end
  local by_ind = cache.basis[ind]                -- per indicator, then per (口径, hint, implied)
  if not by_ind then by_ind = {}; cache.basis[ind] = by_ind end
  local key = raw or ""
  if hint or implied then key = key .. "\0" .. (hint or "") .. "\0" .. (implied or "") end
  local hit = by_ind[key]
  if hit then return hit end
  local code = row_basis(raw, hint, implied, ind, bad)
  if code then by_ind[key] = code end            -- bounded: indicators × the words a file uses
  return code
end

-- The period of a cell: normalized period and basis hint (ytd for 1—N月), cached per text (a
-- bounded cache, so memory stays flat whatever the file holds); nil after bad().
local function row_period(praw, opts, cache, bad)
  local hit = cache.periods[praw]
  if hit then return hit[1], hit[2] end
  local period, hint = values.read_period(praw, { today = opts.today, excel_serial = opts.excel_serial })
  if not period then bad("period", hint); return nil end
  if cache.n >= PERIOD_CACHE then cache.periods, cache.n = {}, 0 end
  cache.periods[praw] = { period, hint }
  cache.n = cache.n + 1
  return period, hint
end

-- The value of a row in the indicator's unit: the cell's number with the unit written in the
-- cell (10200亿元, 3.5万户, 12.5%), else the unit column's, converted. Returns value, or nil
-- after bad().
local function row_value(vraw, plain, uraw, ind, bad)
  local v, unit
  if plain then v, unit = tonumber(vraw), ""
  else
    local problem
    v, problem = values.read_value(vraw)
    if v == nil then bad("value", problem); return nil end
    unit = problem
  end
  if not ind then return v end
  local col = "value"
  if unit == "" then unit, col = trim(uraw or ""), "unit" end
  if unit == ind.unit then return v end
  local converted, why = values.convert(v, unit, ind.unit)
  if converted == nil then bad(col, why); return nil end
  return converted
end

-- A row left out: every field blank, or a value not reported (blank, 暂无, —): such a cell is
-- "no figure", never 0.
local function not_reported(vraw)
  local v, problem = values.read_value(vraw)
  return v == nil and problem == nil
end
M.SKIP = {}

-- Check one record (fields by position; pos: column name → position). Returns indicator,
-- region, period, value, unit, source, note, basis; M.SKIP for a value not reported; or nil
-- after calling bad(column, problem). utf8_ok: the reader has checked every field already.
-- implied: header.implied (a basis a column's name gives).
local function check_row(fields, pos, lk, opts, bad, utf8_ok, cache, implied)
  if not utf8_ok then
    for _, col in ipairs(M.COLUMNS) do           -- in column order: the first bad field is named
      local raw = fields[pos[col]] or ""
      local at = core.utf8_check(raw)
      if at then bad(col, string.format("不是有效的 UTF-8（字段第 %d 字节）", at)); return nil end
    end
  end
  local vraw = fields[pos.value] or ""
  local plain = is_plain_count(vraw)
  if not plain and not_reported(vraw) then return M.SKIP end
  local ok = true
  local oind, oregion
  local name = trim(fields[pos.indicator] or "")
  local ind = lk.ind[name]
  if name == "" then bad("indicator", "为空"); ok = false
  elseif not ind then bad("indicator", string.format("未知指标 %q%s", name, suggest(name, lk.names))); ok = false
  else oind = ind.code end

  local region = trim(fields[pos.region] or "")
  if region == "" then
    oregion = opts.city and lk.cities[opts.city] or (ind and ind.city and lk.cities[ind.city])
    if not oregion then bad("region", "为空，且没有 --city 可作默认地区"); ok = false end
  elseif lk.regions[region] then
    oregion = lk.regions[region]
  else
    bad("region", string.format("未知地区 %q%s", region, suggest(region, lk.rnames))); ok = false
  end

  local operiod, hint = row_period(fields[pos.period] or "", opts, cache, bad)
  if not operiod then ok = false end
  local ovalue = row_value(vraw, plain, fields[pos.unit], ind, bad)
  if ovalue == nil then ok = false end
  local obasis = cached_basis(pos.basis and fields[pos.basis], hint, implied and implied.basis, ind, bad, cache)
  if not obasis then ok = false end
  if not ok then return nil end
  local source, note = fields[pos.source], fields[pos.note]
  if math.type(ovalue) == "float" and ovalue == math.floor(ovalue) and math.abs(ovalue) < 2^53 then
    ovalue = math.tointeger(ovalue)
  end
  return oind, oregion, operiod, ovalue, ind.unit,
    source and source ~= "" and source or NULL, note and note ~= "" and note or NULL, obasis
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
  insert = [[INSERT INTO observations (id, indicator, region, period, value, unit, source, note, reported_at,
    basis, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (indicator, region, period) DO NOTHING]],
  mark = "INSERT INTO temp.import_lines (id, off) VALUES (?, ?)",
  first_new = "SELECT off FROM temp.import_lines WHERE id <= ? ORDER BY id DESC LIMIT 1",
  held = [[SELECT id, (value IS NOT CAST(?4 AS REAL) OR unit IS NOT ?5 OR source IS NOT ?6
    OR note IS NOT ?7 OR basis IS NOT ?8) AS changed FROM observations
    WHERE indicator = ?1 AND region = ?2 AND period = ?3]],
  seen = "INSERT INTO temp.import_seen (id, line) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
  first_seen = "SELECT line FROM temp.import_seen WHERE id = ?",
  revise = [[INSERT INTO observation_revisions (observation, value, unit, source, note, reported_at, replaced_at,
    basis, batch, replaced_by)
    SELECT id, value, unit, source, note, reported_at, ?1, basis, batch, ?3 FROM observations WHERE id = ?2]],
  update = [[UPDATE observations SET value = ?, unit = ?, source = ?, note = ?, reported_at = ?, basis = ?,
    batch = ? WHERE id = ?]],
}

-- The writer: put(line, indicator, region, period, value, unit, source, note, basis) stores one
-- checked row in batch `batch`, or returns the first line of the row it duplicates.
-- line_of(id) is the line of this file that gave observation id, or nil.
local function writer(conn, now, batch)
  local st = {}
  for k, sql in pairs(SQL) do st[k] = conn:prepare(sql) end
  local base = conn:first("SELECT coalesce(max(id), 0) AS m FROM observations").m
  local counts = { added = 0, updated = 0, unchanged = 0 }
  local next_id, last_off = base + 1, nil
  local insert, changes = st.insert, conn.changes
  local function put(line, ind, region, period, value, unit, source, note, b)
    insert:bind(next_id, ind, region, period, value, unit, source, note, now, b, batch):step()
    if changes(conn) == 1 then
      local off = line - next_id
      if off ~= last_off then st.mark:bind(next_id, off):step(); last_off = off end
      next_id = next_id + 1
      counts.added = counts.added + 1
      return nil
    end
    local held = st.held:bind(ind, region, period, value, unit, source, note, b):step()
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
      st.revise:bind(now, held.id, batch):step()
      st.update:bind(value, unit, source, note, now, b, batch, held.id):step()
      counts.updated = counts.updated + 1
    else
      counts.unchanged = counts.unchanged + 1
    end
    return nil
  end
  local function line_of(id)
    if id > base then
      local first = st.first_new:bind(id):step()
      st.first_new:reset()
      return first and id + first.off
    end
    local seen = st.first_seen:bind(id):step()
    st.first_seen:reset()
    return seen and seen.line
  end
  local function close()
    for _, s in pairs(st) do s:close() end
  end
  return put, counts, close, line_of
end

-- The year-to-date (累计) figures of every indicator, region and year this batch wrote one
-- of, in period order: { { id, indicator, region, period, value, batch, e } … } per group.
local YTD_GROUPS = [[
WITH touched AS (SELECT DISTINCT indicator, region, substr(period, 1, 4) AS y FROM observations
                 WHERE batch = ?1 AND basis = 'ytd')
SELECT o.id, o.indicator, o.region, o.period, o.value, o.batch,
  coalesce((SELECT name FROM indicators WHERE code = o.indicator ORDER BY city IS NULL LIMIT 1), o.indicator) AS ind_name,
  coalesce((SELECT name FROM regions WHERE code = o.region), (SELECT name FROM cities WHERE code = o.region),
           o.region) AS region_name
FROM observations o
JOIN touched t ON o.indicator = t.indicator AND o.region = t.region AND substr(o.period, 1, 4) = t.y
WHERE o.basis = 'ytd' ORDER BY o.indicator, o.region, o.period]]

local function ytd_groups(conn, batch)
  local groups, by_key = {}, {}
  for _, r in ipairs(store.all(conn, YTD_GROUPS, batch)) do
    local key = r.indicator .. "|" .. r.region .. "|" .. r.period:sub(1, 4)
    local g = by_key[key]
    if not g then g = {}; by_key[key] = g; groups[#groups + 1] = g end
    local _, e, gran = dates.bounds(r.period)
    r.e, r.rank = e, gran == "M" and 3 or gran == "Q" and 2 or 1
    g[#g + 1] = r
  end
  for _, g in ipairs(groups) do
    table.sort(g, function(a, b) if a.e ~= b.e then return a.e < b.e end return a.rank < b.rank end)
  end
  return groups
end

-- A 累计 series may not fall within a year: each figure below the one before it is a problem
-- at the line that gave the later figure (or the earlier one, when only that came from this
-- file), naming the other.
local function shown(v)
  if v == math.floor(v) and math.abs(v) < 2^53 then return string.format("%d", v) end
  return string.format("%.15g", v)
end

local function check_ytd(job, batch, line_of)
  local problems, bad = job.problems, job.bad
  local function where(r)
    if r.batch == batch then
      local l = line_of(r.id)
      if l then return l, string.format("第%d行", l) end
    end
    return nil, string.format("库中已有数据（批次 %s）", tostring(r.batch or "—"))
  end
  for _, g in ipairs(ytd_groups(job.conn, batch)) do
    for i = 2, #g do
      local a, b = g[i - 1], g[i]
      if b.e > a.e and b.value < a.value then
        local la, wa = where(a)
        local lb, wb = where(b)
        problems.line = lb or la or problems.line
        bad("value", string.format("%s 在 %s 的累计数 %s（%s，%s）小于此前 %s 的累计数 %s（%s）："
          .. "1—N月累计数在一年内不应下降；如为更正，请加 --allow-revisions",
          b.ind_name, b.region_name, shown(b.value), b.period, wb, a.period, shown(a.value), wa))
      end
    end
  end
end

-- A header name that is not a column: refused, with the nearest column's name.
local function unknown_column(job, name, raw)
  if template.INFO[trim(raw)] then return "info" end   -- shown by the template for information
  if core.utf8_check(name) then
    job.bad("header", "表头不是有效的 UTF-8")
  else
    job.bad("header", string.format("未知列 %q%s", trim(raw), suggest(name, M.COLUMNS)))
  end
end

-- The writer of policytk.data.importer: each row checked, then stored by put.
local function observation_writer(job, header)
  local conn, opts, bad = job.conn, job.opts, job.bad
  conn:exec(TEMP)
  local lk = lookups(conn, opts.city)
  local batch = batches.open(conn, { kind = opts.kind or "import", by = opts.by,
                                     file = opts.records and opts.file or (opts.file or job.shown),
                                     sha256 = opts.sha256, description = job.description })
  local put, counts, close, line_of = writer(conn, job.now, batch)
  counts.not_reported = 0
  local pos, cache = header.pos, { periods = {}, n = 0, basis = {} }
  local function row(fields, line, utf8_ok)
    local ind, region, period, value, unit, source, note, b =
      check_row(fields, pos, lk, opts, bad, utf8_ok, cache, header.implied)
    if ind == M.SKIP then counts.not_reported = counts.not_reported + 1; return end
    if not ind then return end
    local first = put(line, ind, region, period, value, unit, source, note, b)
    if first then
      bad("row", string.format("与第 %d 行重复（指标、地区和期间相同）", first))
    end
  end
  local function finish()
    if job.problems.total == 0 and not opts.allow_revisions then
      check_ytd(job, batch, line_of)
      if job.problems.total > 0 then error("bad rows", 0) end   -- the importer lists them, rolls back
    end
    batches.finish(conn, batch, counts.added + counts.updated)
    counts.batch = batch
    return counts
  end
  return { row = row, finish = finish, close = close }
end

M.SPEC = {
  -- M.COLUMNS and basis (口径: optional; header.pos.basis, header.implied.basis)
  columns = M.COLUMNS,
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
  opts = opts or {}
  -- a number in an XLSX period cell is an Excel date serial (a date cell) unless it reads
  -- as a year (2025) or a month (202506)
  if opts.excel_serial == nil then opts.excel_serial = row_source.is_xlsx(path) end
  if opts.sha256 == nil then                   -- the batch keeps the file's SHA-256
    local ok, crypto = pcall(require, "policytk.crypto")
    if ok then
      local hok, hex = pcall(crypto.sha256_file, path)
      if hok then opts.sha256 = hex end
    end
  end
  return importer.run(conn, path, M.SPEC, opts)
end

--- Import figures given in Lua (policytk record): records = { header, row, … } (lists of cells,
--- the same columns and checks as a file). opts as import.file's; opts.display names the source
--- in messages. Returns the counts (batch of kind opts.kind, default "record").
function M.records(conn, records, opts)
  opts = opts or {}
  opts.records, opts.kind = records, opts.kind or "record"
  return importer.run(conn, opts.display or "record", M.SPEC, opts)
end

return M
