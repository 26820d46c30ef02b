-- policytk.data.importer: the all-or-nothing import of one CSV or XLSX file into a table —
-- the loop every import shares. A table's import is a spec: its columns and a writer for its
-- rows; the importer does the rest, the same way for each.
--
-- The importer owns: opening the rows (policytk.data.row_source: a CSV file, one XLSX sheet or
-- each sheet in turn), finding the header row (the first row, or — spec.find_header — the
-- first of the first 20 rows that holds every required column, the rows above it kept as the
-- description) and its checks (unknown, repeated and missing columns; header texts through
-- spec.aliases), skipping blank rows (and `#` rows when the spec says so), fitting each row
-- to the header (short rows padded with "", fields past the header or under an empty header
-- cell must be empty), the problems (policytk.data.bad_rows: "FILE:LINE: column: problem" for
-- CSV, "FILE:SHEET!C12: column: problem" for XLSX, the first 50 in the message, and reading
-- stops once there are 50: the import fails anyway; header problems of one kind — thousands of
-- unknown or repeated columns — are one problem with how many more), the one
-- transaction — rolled back when any row has a problem — and the page cache the import runs
-- with. The spec owns what a row means:
--
--   spec = {
--     columns = { "a", "b", … },      the known columns, in the order missing ones are named
--     required = { a = true, … },
--     fold = function(name) → name,   how a trimmed header name is compared (default: as is)
--     aliases = { a = { "甲", "甲名称" }, … }, header texts that name a column (compared
--       without blanks, full-width ones too); the first is the column's label in messages
--     implies = { ["甲名称"] = { b = "x" }, … }, what a header text says about another
--       column's value (header.implied)
--     find_header = true,             look for the header among the first 20 rows (not only
--       the first), and import every XLSX sheet that has one when no sheet is given
--     other = function(job, name, raw, i) → for a header name not in columns: the column's
--       role (any true value, kept as header.other[i]), or nil when the column is refused
--       (after job.bad("header", …)); default: refused as an unknown column
--     missing_hint = " (see …)",      after `missing column "x"`
--     comment_rows = true,            skip data rows whose first field starts with #
--     cache_kib = 16384,              the SQLite page cache during the import
--     writer = function(job, header) → { row = function(fields, line, utf8_ok),
--       finish = function() → counts, close = function(), sheet = function(header, name) }
--       — made inside the transaction once the (first) header is good; row checks one data
--       row (reporting problems with job.bad(column, problem)) and writes it; utf8_ok: every
--       field is known to be UTF-8; sheet (optional): called when a further XLSX sheet
--       starts, its header read into the same header table (see below)
--   }
--
--   importer.run(conn, path, spec, opts) → what writer.finish returns, and when it is a table
--     with .description (job.description, if any) and, for XLSX, .sheets = { { name =,
--     rows = data rows read }, … } and .skipped = { names of sheets without a header }
--     opts: display (the name in messages; default path), encoding, sheet; the rest is the
--     spec's (job.opts)
--   header = { n = the last named column's index, line = its row, sheet = its sheet (XLSX),
--              pos = { column → index }, columns = { index → column },
--              other = { index → role }, implied = { column → value } }
--     One table for the whole import: for each further sheet its fields (and the tables in
--     them) are emptied and filled again in place, so a writer that keeps header.pos sees
--     the new sheet's positions; one that derives more from the header gives writer.sheet.
--   job = { conn =, opts =, shown =, now =, bad = function(column, problem), problems =,
--           description = the non-empty cells of the rows above the header, "  " between
--           cells, "\n" between rows (nil when there are none) }
--     job.bad names the column's cell in XLSX (a column of the header, or the header cell
--     being read); any other name (e.g. "row") names the row's first cell.
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local cli = require "policytk.cli"
local row_source = require "policytk.data.row_source"
local bad_rows = require "policytk.data.bad_rows"
local store = require "policytk.data.store"
local values = require "policytk.data.values"

local M = { HEADER_ROWS = 20 }   -- find_header looks this far down for the header

local trim = values.trim

local function same(name) return name end

local function refuse(job, _, raw)
  job.bad("header", string.format("未知列 %q", trim(raw)))
end

-- text without its blanks (ASCII and the ideographic space), the form aliases are compared in:
-- bureaus write 指　标 and 县（市、区） as they like.
local function squeeze(text)
  return (text:gsub("%s", ""):gsub("\u{3000}", ""))
end

local function empty(s) return s == "" or trim(s) == "" end

-- All fields empty (blank lines, and rows Excel leaves with only empty cells). The common
-- case, a first field that starts with a visible ASCII character, answers at once.
local function blank_row(fields)
  local b = (fields[1] or ""):byte(1)
  if b and b > 32 and b < 128 then return false end
  for i = 1, #fields do if not empty(fields[i]) then return false end end
  return true
end

-- The spec's header words: returns column_of(raw) → column (or nil), folded name, trimmed text.
local function vocabulary(spec)
  local fold = spec.fold or same
  local known, alias = {}, {}
  for _, c in ipairs(spec.columns) do known[c] = true end
  for c, texts in pairs(spec.aliases or {}) do
    for _, text in ipairs(texts) do alias[squeeze(fold(text))] = c end
  end
  return function(raw)
    local text = trim(raw)                       -- (the readers drop a BOM)
    local name = fold(text)
    if known[name] then return name, name, text end
    return alias[squeeze(name)], name, text
  end
end

--- A column as staff read it in messages: its first alias and its name, "指标(indicator)".
function M.label(spec, column)
  local texts = spec.aliases and spec.aliases[column]
  return texts and texts[1] and string.format("%s(%s)", texts[1], column) or column
end

-- The required columns' labels, in column order, joined with 、.
local function required_labels(spec)
  local list = {}
  for _, c in ipairs(spec.columns) do
    if spec.required[c] then list[#list + 1] = M.label(spec, c) end
  end
  return table.concat(list, "、")
end

-- Empty the header table h (kept across sheets) for a new header row.
local function reset(h)
  h = h or {}
  for _, k in ipairs({ "pos", "columns", "other", "implied", "cell", "blanks" }) do
    if h[k] then for key in pairs(h[k]) do h[k][key] = nil end else h[k] = {} end
  end
  h.n = 0
  return h
end

-- What header text `text` implies about other columns, into h.implied.
local function imply(h, spec, text)
  local implied = spec.implies and spec.implies[squeeze(text)]
  for column, value in pairs(implied or {}) do h.implied[column] = value end
end

local KIND_SHOWN = 3      -- more header problems of one kind than this: the first, and a count

-- Collect the header's problems by kind (their text with the quoted names taken out) while
-- reading it: returns the function that puts job.bad back and reports them — every one of a
-- kind with at most KIND_SHOWN, else the first with how many more columns have that problem
-- (a header of thousands of unknown or repeated columns is one problem).
local function group_header_problems(job, h)
  local bad, kinds, order = job.bad, {}, {}
  job.bad = function(col, problem, index)
    if col ~= "header" then return bad(col, problem, index) end
    local key = problem:gsub('%b""', '""')
    local k = kinds[key]
    if not k then
      k = { shown = {}, n = 0 }
      kinds[key], order[#order + 1] = k, key
    end
    k.n = k.n + 1
    if k.n <= KIND_SHOWN then k.shown[k.n] = { problem = problem, index = index or h.reading } end
  end
  return function()
    job.bad = bad
    for _, key in ipairs(order) do
      local k = kinds[key]
      if k.n <= KIND_SHOWN then
        for _, p in ipairs(k.shown) do bad("header", p.problem, p.index) end
      else
        bad("header", k.shown[1].problem .. string.format("（另有 %d 列同样的问题）", k.n - 1), k.shown[1].index)
      end
    end
  end
end

--- Read the header row `fields` into h (a fresh table when nil; see above) and check it;
--- returns h. Problems go to job.bad, naming the header cell (one per kind of problem).
function M.read_header(fields, spec, job, h)
  h = reset(h)
  local report = group_header_problems(job, h)
  local column_of, other, seen = vocabulary(spec), spec.other or refuse, {}
  for i = 1, #fields do if not empty(fields[i]) then h.n = i end end   -- empty cells at the end: no column
  for i = 1, h.n do
    local raw = fields[i]
    local column, name, text = column_of(raw)
    local key = column or name
    h.reading = i
    if text == "" then
      h.blanks[#h.blanks + 1] = i                -- an empty header cell: its column must stay empty
    else
      if seen[key] then
        local as = text ~= key and string.format("（%q）", text) or ""
        job.bad("header", string.format("列 %q 出现两次%s", key, as))
      end
      if column then
        h.pos[column], h.columns[i], h.cell[column], seen[column] = i, column, i, true
        imply(h, spec, text)
      else
        local role = other(job, name, raw, i)
        if role then h.other[i], h.cell[name], seen[name] = role, i, true end
      end
    end
  end
  h.reading = nil
  report()
  for _, c in ipairs(spec.columns) do            -- in column order, the same every run
    if spec.required[c] and not seen[c] then
      job.bad("header", string.format("缺少列 %q%s", c, spec.missing_hint or ""))
    end
  end
  return h
end

-- How many of the spec's columns the row names, and whether it names every required one.
local function covers(fields, spec, column_of)
  local found, known = {}, 0
  for i = 1, #fields do
    local column = column_of(fields[i])
    if column and not found[column] then found[column], known = true, known + 1 end
  end
  for c, required in pairs(spec.required) do
    if required and not found[c] then return false, known end
  end
  return true, known
end

-- A row above the header as description text: its non-empty cells, trimmed, "  " between.
local function description_line(fields)
  local cells = {}
  for i = 1, #fields do
    local c = trim(fields[i])
    if c ~= "" then cells[#cells + 1] = c end
  end
  return table.concat(cells, "  ")
end

-- Find the header in rows: the first non-blank row, or with spec.find_header the first of
-- the first HEADER_ROWS rows that names every required column. Returns its fields and line
-- and the description lines above it; or nil, the nearest miss ({ fields, line }: the row
-- naming the most columns, if any does) and whether the rows held anything at all.
local function find_header(rows, spec, job, column_of)
  local problems, desc, best, best_known, any = job.problems, {}, nil, 0, false
  for fields, line, problem, _, col in rows do
    if spec.find_header and line > M.HEADER_ROWS then break end
    problems.line = line
    if not fields then
      job.bad("header", problem, col); any = true
      if col then break end                      -- an XLSX reader error: the rows end there
    elseif not blank_row(fields) then
      any = true
      if not spec.find_header then return fields, line, desc end
      local all, known = covers(fields, spec, column_of)
      if all then return fields, line, desc end
      if known > best_known then best, best_known = { fields = fields, line = line }, known end
      desc[#desc + 1] = description_line(fields)
    end
  end
  return nil, best, any
end

-- Whether the data row fits the header: rows shorter than the header are padded with "";
-- a value past the header or under an empty header cell is a problem (reported; false).
local function fits(fields, h, bad)
  local n, stray = #fields, nil
  for i = n + 1, h.n do fields[i] = "" end
  for k = 1, #h.blanks do
    if not empty(fields[h.blanks[k]]) then stray = h.blanks[k]; break end
  end
  for i = h.n + 1, stray and 0 or n do
    if not empty(fields[i]) then stray = i; break end
  end
  if not stray then return true end
  local letter = bad_rows.letters(stray)
  bad(letter .. "列", string.format("没有表头，应为空；此处为 %q", trim(fields[stray])), stray)
  return false
end

-- The data rows of one source through the writer; returns the number of rows handed to it.
local function data_rows(rows, run)
  local problems, bad, h, row = run.job.problems, run.job.bad, run.header, run.writer.row
  local comments, utf8_checked, n = run.spec.comment_rows, run.utf8_checked, 0
  for fields, line, problem, bad_utf8, col in rows do
    problems.line = line
    if not fields then
      bad(col and (h.columns[col] or (bad_rows.letters(col) .. "列")) or "row", problem, col)
    elseif not blank_row(fields) and not (comments and fields[1]:sub(1, 1) == "#") and fits(fields, h, bad) then
      n = n + 1
      row(fields, line, utf8_checked and not bad_utf8)
    end
    if problems:full() then break end            -- the message lists no more: stop reading
  end
  return n
end

-- Add a source's description to job.description (each distinct text once).
local function describe(job, desc)
  local text = desc and table.concat(desc, "\n") or ""
  if text == "" then return end
  if not job.description then job.description = text
  elseif not ("\n" .. job.description .. "\n"):find("\n" .. text .. "\n", 1, true) then
    job.description = job.description .. "\n" .. text
  end
end

-- Read the header found in fields at line, then (when it is good) make the writer or tell it
-- of the new sheet, and pass the data rows through it. Returns the number of data rows, or
-- nil when the header has problems.
local function import_source(rows, run, fields, line, desc)
  local job, h = run.job, run.header
  local before = job.problems.total
  job.problems.line = line
  M.read_header(fields, run.spec, job, h)
  h.line, h.sheet = line, job.problems.sheet
  if job.problems.total > before then return nil end
  describe(job, desc)
  if not run.writer then
    run.writer = run.spec.writer(job, h)
  elseif run.writer.sheet then
    run.writer.sheet(h, h.sheet)
  end
  return data_rows(rows, run)
end

-- The one source (a CSV file, or the XLSX sheet given or the only one): its header must be
-- found, else the near miss's header problems, the named failure or "the file is empty".
local function single(rows, run)
  local job = run.job
  local fields, line, desc = find_header(rows, run.spec, job, run.column_of)
  if job.problems.total > 0 then return nil end
  if fields then return import_source(rows, run, fields, line, desc) end
  local best, any = line, desc                   -- (what find_header returns when not found)
  if best then
    job.problems.line = best.line
    M.read_header(best.fields, run.spec, job, run.header)
  elseif any then
    local where = job.problems.sheet and string.format("工作表 %s 的", job.problems.sheet) or ""
    cli.fail("%s: %s前%d行中找不到表头：需要 %s 列", job.shown, where, M.HEADER_ROWS, required_labels(run.spec))
  else
    job.problems.line = 1
    job.bad("header", "文件为空")
  end
  return nil
end

-- Every sheet of the workbook with a header, in order; the others are passed over (named in
-- run.skipped); none → the named failure listing the sheets.
local function every_sheet(book, run)
  local job = run.job
  for _, name in ipairs(book.names) do
    job.problems.sheet = name
    local rows, _ <close> = book:rows(name)
    local fields, line, desc = find_header(rows, run.spec, job, run.column_of)
    if fields then
      local n = import_source(rows, run, fields, line, desc)
      if not n then return end
      run.sheets[#run.sheets + 1] = { name = name, rows = n }
    else
      run.skipped[#run.skipped + 1] = name
    end
  end
  if #run.sheets == 0 and job.problems.total == 0 then
    cli.fail("%s: 没有可导入的工作表（工作表：%s）：每个表的前%d行中都找不到表头（需要 %s 列）；"
      .. "可用 --sheet 指定要导入的工作表", job.shown, table.concat(book.names, "、"), M.HEADER_ROWS,
      required_labels(run.spec))
  end
end

-- The rows of the file through the writer, inside the transaction. Raises "bad rows" when
-- any row had a problem, so that the transaction rolls back.
local function each_row(source, run)
  local _ <close> = setmetatable({}, { __close = function() if run.writer then run.writer.close() end end })
  if source.book and source.all then
    every_sheet(source.book, run)
  elseif source.book then
    run.job.problems.sheet = source.sheet
    local rows, _ <close> = source.book:rows(source.sheet)
    local n = single(rows, run)
    if n then run.sheets[1] = { name = source.sheet, rows = n } end
  else
    single(source.rows, run)
  end
  if run.job.problems.total > 0 then error("bad rows", 0) end
  return run.writer.finish()
end

-- Give the connection kib KiB of page cache (the inserts into the indexes want more than
-- SQLite's 2 MiB); returns the function that puts the old size back.
local function page_cache(conn, kib)
  if not kib then return function() end end
  local old = math.tointeger(conn:first("PRAGMA cache_size").cache_size)
  conn:exec(string.format("PRAGMA cache_size = -%d", kib))
  return function() conn:exec("PRAGMA cache_size = " .. old) end
end

-- Open what path holds: { rows = CSV rows, encoding = } or { book =, sheet = the one to read,
-- all = read every sheet with a header, encoding = "xlsx" }, and the function closing it.
local function open_source(path, spec, opts)
  if opts.records then                          -- rows given in Lua (policytk record), header first
    local i, records = 0, opts.records
    return { rows = function()
      i = i + 1
      if records[i] then return records[i], i end
    end, encoding = "lua" }, function() end
  end
  if not row_source.is_xlsx(path) then
    local rows, close, encoding = row_source.open(path, { encoding = opts.encoding, display = opts.display })
    return { rows = rows, encoding = encoding }, close
  end
  local book = row_source.workbook(path)
  local source = { book = book, encoding = "xlsx" }
  if opts.sheet then source.sheet = book:sheet(opts.sheet)
  elseif spec.find_header and #book.names > 1 then source.all = true
  else source.sheet = book.names[1] end
  return source, function() book:close() end
end

-- The job's bad(column, problem[, index]): the index, when not given, is the column's in the
-- header (or the header cell being read).
local function reporter(problems, h)
  return function(col, problem, index)
    problems:add(col, problem, index or (col == "header" and h.reading) or h.cell[col])
  end
end

-- What run returns: the writer's counts with the description and (XLSX) the sheets.
local function result(counts, run, source)
  if type(counts) ~= "table" then return counts end
  counts.description = run.job.description
  if source.book then counts.sheets, counts.skipped = run.sheets, run.skipped end
  return counts
end

--- Import the file at path as spec says (see above). All or nothing: any problem raises
--- cli.fail listing them; any other error is raised again after the rollback. With
--- opts.records (a list of field lists, the header first) those rows are read instead of a
--- file (path is then only the name shown).
function M.run(conn, path, spec, opts)
  opts = opts or {}
  local shown = opts.display or path
  local source, close = open_source(path, spec, opts)
  local problems = bad_rows.new(shown)
  local header = reset()
  local job = { conn = conn, opts = opts, shown = shown, now = store.now(), problems = problems,
                bad = reporter(problems, header) }
  local run = { spec = spec, job = job, header = header, column_of = vocabulary(spec), sheets = {}, skipped = {},
                utf8_checked = source.encoding == "utf-8" }   -- the C reader has checked each field's UTF-8
  local restore = page_cache(conn, spec.cache_kib)
  local ok, counts = pcall(conn.transaction, conn, function() return each_row(source, run) end)
  close()
  restore()
  if not ok then
    if problems.total > 0 then problems:fail() end
    error(counts, 0)
  end
  return result(counts, run, source)
end

return M
