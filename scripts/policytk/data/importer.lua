-- policytk.data.importer: the all-or-nothing import of one CSV or XLSX file into a table —
-- the loop every import shares. A table's import is a spec: its columns and a writer for its
-- rows; the importer does the rest, the same way for each.
--
-- The importer owns: opening the rows (policytk.data.row_source), the header row and its
-- checks (unknown, repeated and missing columns), skipping blank rows (and `#` rows when the
-- spec says so), the field-count check, the problems (policytk.data.bad_rows: "FILE:LINE:
-- column: problem", the first 50 in the message), the one transaction — rolled back when any
-- row has a problem — and the page cache the import runs with. The spec owns what a row means:
--
--   spec = {
--     columns = { "a", "b", … },      the known columns, in the order missing ones are named
--     required = { a = true, … },
--     fold = function(name) → name,   how a trimmed header name is compared (default: as is)
--     other = function(job, name, raw, i) → for a header name not in columns: the column's
--       role (any true value, kept as header.other[i]), or nil when the column is refused
--       (after job.bad("header", …)); default: refused as an unknown column
--     missing_hint = " (see …)",      after `missing column "x"`
--     comment_rows = true,            skip data rows whose first field starts with #
--     cache_kib = 16384,              the SQLite page cache during the import
--     writer = function(job, header) → { row = function(fields, line, utf8_ok),
--       finish = function() → counts, close = function() } — made inside the transaction
--       once the header is good; row checks one data row (reporting problems with
--       job.bad(column, problem)) and writes it; utf8_ok: every field is known to be UTF-8
--   }
--
--   importer.run(conn, path, spec, opts) → what writer.finish returns
--     opts: display (the name in messages; default path), encoding, sheet; the rest is the
--     spec's (job.opts)
--   header = { n = field count, pos = { name → index }, columns = { index → name },
--              other = { index → role } }
--   job = { conn =, opts =, shown =, now =, bad = function(column, problem), problems = }
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local row_source = require "policytk.data.row_source"
local bad_rows = require "policytk.data.bad_rows"
local store = require "policytk.data.store"
local values = require "policytk.data.values"

local M = {}

local trim = values.trim

local function same(name) return name end

local function refuse(job, _, raw)
  job.bad("header", string.format("unknown column %q", trim(raw)))
end

--- Check the header row; returns header (see above). Problems go to job.bad.
function M.read_header(fields, spec, job)
  local fold, other = spec.fold or same, spec.other or refuse
  local known = {}
  for _, c in ipairs(spec.columns) do known[c] = true end
  local h, seen = { n = #fields, pos = {}, columns = {}, other = {} }, {}
  for i, raw in ipairs(fields) do
    local name = fold(trim(raw))                 -- (the readers drop a BOM)
    if seen[name] then job.bad("header", string.format("column %q appears twice", name)) end
    if known[name] then
      h.pos[name], h.columns[i], seen[name] = i, name, true
    else
      local role = other(job, name, raw, i)
      if role then h.other[i], seen[name] = role, true end
    end
  end
  for _, c in ipairs(spec.columns) do            -- in column order, the same every run
    if spec.required[c] and not seen[c] then
      job.bad("header", string.format("missing column %q%s", c, spec.missing_hint or ""))
    end
  end
  return h
end

-- A row to pass over: an empty line, or (when comments are allowed) one starting with #.
local function skipped(fields, comments)
  if #fields == 1 and fields[1] == "" then return true end
  return comments and (fields[1] or ""):sub(1, 1) == "#"
end

-- The rows of the file through the writer, inside the transaction. Raises "bad rows" when
-- any row had a problem, so that the transaction rolls back.
local function each_row(rows, spec, job, utf8_checked)
  local problems, bad = job.problems, job.bad
  local header, writer, row
  local _ <close> = setmetatable({}, { __close = function() if writer then writer.close() end end })
  local comments = spec.comment_rows
  for fields, line, problem, bad_utf8 in rows do
    problems.line = line
    if not fields then
      bad(header and "row" or "header", problem)
    elseif not header then
      header = M.read_header(fields, spec, job)
      if problems.total > 0 then break end
      writer = spec.writer(job, header)
      row = writer.row
    elseif not skipped(fields, comments) then
      if #fields ~= header.n then
        bad("row", string.format("%d fields; the header has %d", #fields, header.n))
      else
        row(fields, line, utf8_checked and not bad_utf8)
      end
    end
  end
  if not header and problems.total == 0 then problems.line = 1; bad("header", "the file is empty") end
  if problems.total > 0 then error("bad rows", 0) end
  return writer.finish()
end

-- Give the connection kib KiB of page cache (the inserts into the indexes want more than
-- SQLite's 2 MiB); returns the function that puts the old size back.
local function page_cache(conn, kib)
  if not kib then return function() end end
  local old = math.tointeger(conn:first("PRAGMA cache_size").cache_size)
  conn:exec(string.format("PRAGMA cache_size = -%d", kib))
  return function() conn:exec("PRAGMA cache_size = " .. old) end
end

--- Import the file at path as spec says (see above). All or nothing: any problem raises
--- cli.fail listing them; any other error is raised again after the rollback.
function M.run(conn, path, spec, opts)
  opts = opts or {}
  local shown = opts.display or path
  local rows, close, encoding = row_source.open(path, { encoding = opts.encoding, sheet = opts.sheet })
  local problems = bad_rows.new(shown)
  local job = { conn = conn, opts = opts, shown = shown, now = store.now(), problems = problems,
                bad = function(col, problem) problems:add(col, problem) end }
  local restore = page_cache(conn, spec.cache_kib)
  local utf8_checked = encoding == "utf-8"      -- the C reader has checked each field's UTF-8
  local ok, result = pcall(conn.transaction, conn, function() return each_row(rows, spec, job, utf8_checked) end)
  close()
  restore()
  if not ok then
    if problems.total > 0 then problems:fail() end
    error(result, 0)
  end
  return result
end

return M
