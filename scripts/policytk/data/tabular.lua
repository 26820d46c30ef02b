-- policytk.data.tabular: print rows as an aligned terminal table (CJK counts double width),
-- as CSV (RFC 4180) or as JSON — the three --format choices of every listing verb.
--
--   tabular.write(io.stdout, "table", columns, rows)
--   columns = { { key = "id", title = "ID" }, ... }; rows = array of tables.
--
--   local w = tabular.writer(out, format, columns)   -- rows written as they come
--   w:row(row) ... ; w:finish() → the number of rows
--   The same text as tabular.write, without holding the rows: CSV line by line, JSON as an
--   array written element by element, the table in two passes over a temporary file (the
--   first writes each row's cells and keeps the widest cell per column, the second pads).
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local core = require "policytk.core"

local M = {}

M.formats = { "table", "json", "csv" }

local function cell(v)
  if v == nil or (type(v) == "userdata" and v == require("policytk.json").null) then return "" end
  if type(v) == "table" then
    local parts = {}
    for i, x in ipairs(v) do parts[i] = tostring(x) end
    return table.concat(parts, "、")
  end
  if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 2^53 then
    return string.format("%d", v)
  end
  return tostring(v)
end
M.cell = cell

local function pad(s, width)
  return s .. string.rep(" ", width - core.width(s))
end

--- Aligned text table with a header and a rule.
function M.table(columns, rows)
  local widths, out = {}, {}
  for i, c in ipairs(columns) do widths[i] = core.width(c.title or c.key) end
  local cells = {}
  for r, row in ipairs(rows) do
    cells[r] = {}
    for i, c in ipairs(columns) do
      local s = cell(row[c.key]):gsub("[\r\n]+", " ")
      cells[r][i] = s
      local w = core.width(s)
      if w > widths[i] then widths[i] = w end
    end
  end
  local line, rule = {}, {}
  for i, c in ipairs(columns) do
    line[i] = pad(c.title or c.key, widths[i])
    rule[i] = string.rep("-", widths[i])
  end
  out[#out + 1] = table.concat(line, "  "):gsub("%s+$", "")
  out[#out + 1] = table.concat(rule, "  ")
  for _, r in ipairs(cells) do
    for i = 1, #columns do line[i] = pad(r[i], widths[i]) end
    out[#out + 1] = table.concat(line, "  "):gsub("%s+$", "")
  end
  return table.concat(out, "\n") .. "\n"
end

--- One CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break.
local function csv_field(s)
  if s:find('[",\r\n]') then return '"' .. s:gsub('"', '""') .. '"' end
  return s
end
M.csv_field = csv_field

--- One CSV line (CRLF included) of a row.
function M.csv_line(columns, row)
  local line = {}
  for i, c in ipairs(columns) do line[i] = csv_field(cell(row[c.key])) end
  return table.concat(line, ",") .. "\r\n"
end

--- The CSV header line: the columns' keys.
function M.csv_header(columns)
  local keys = {}
  for _, c in ipairs(columns) do keys[c.key] = c.key end
  return M.csv_line(columns, keys)
end

--- CSV text (header + rows, CRLF line ends as RFC 4180 asks).
function M.csv(columns, rows)
  local out = { M.csv_header(columns) }
  for i, row in ipairs(rows) do out[i + 1] = M.csv_line(columns, row) end
  return table.concat(out)
end

--- JSON array of objects with exactly the columns' keys (nil becomes null).
function M.json(columns, rows)
  local json = require "policytk.json"
  local list = json.array()
  for i, row in ipairs(rows) do
    local o = {}
    for _, c in ipairs(columns) do
      local v = row[c.key]
      if v == nil then v = json.null end
      o[c.key] = v
    end
    list[i] = o
  end
  return json.pretty(list) .. "\n"
end

-- Streaming writers (tabular.writer) ------------------------------------------------------

-- A cell as the table shows it: line breaks become one space.
local function table_cell(v)
  local s = type(v) == "string" and v or cell(v)
  if s:find("[\r\n]") then s = s:gsub("[\r\n]+", " ") end
  return s
end

local function csv_writer(out, columns)
  out:write(M.csv_header(columns))
  local w = { n = 0 }
  function w.row(_, row)
    w.n = w.n + 1
    out:write(M.csv_line(columns, row))
  end
  function w.finish() return w.n end
  return w
end

local function json_writer(out, columns)
  local json = require "policytk.json"
  local keys = {}
  for i, c in ipairs(columns) do keys[i] = c.key end
  table.sort(keys)
  local heads = {}                                  -- '    "key": ' in json.pretty's layout
  for i, k in ipairs(keys) do heads[i] = "    " .. json.pretty(k) .. ": " end
  local w, parts = { n = 0 }, {}
  function w.row(_, row)
    for i, k in ipairs(keys) do
      local v = row[k]
      if v == nil then v = json.null end
      parts[i] = heads[i] .. json.pretty(v, "  ", 2)
    end
    out:write(w.n == 0 and "[\n  {\n" or ",\n  {\n", table.concat(parts, ",\n"), "\n  }")
    w.n = w.n + 1
  end
  function w.finish()
    out:write(w.n == 0 and "[]\n" or "\n]\n")
    return w.n
  end
  return w
end

-- The table in two passes. Pass 1 writes each row to a temporary file, one line, and keeps
-- the widest cell per column. Each cell is followed by a mark "\3" COLUMN "." WIDTH "\31";
-- a column's repeated texts (rules, documents, clauses: its first KNOWN distinct values) are
-- written as the mark "\2" COLUMN "." NUMBER "\31" alone. Pass 2 replaces the marks in one
-- gsub through a table: a "\3" mark by the cell's padding and the two spaces between cells,
-- a "\2" mark by its text padded (each made once). Then the line's trailing spaces go.
local KNOWN = 4096
local NIL = {}                                       -- the key of a missing value
local MARK = "([\2\3][%d.]+)\31"

-- A value's text in the temporary file: as table_cell, and the marks' bytes inside become
-- spaces (control characters, never shown in a terminal table).
local function file_cell(v)
  local s = table_cell(v)
  if s:find("[\2\3\31]") then s = s:gsub("[\2\3\31]", " ") end
  return s
end

-- What pass 2 puts for each mark, made when first met: "\3i.w" → the padding of a cell of
-- width w in column i and "  "; "\2i.n" → text n of column i padded, and "  ".
local function replacements(widths, texts)
  return setmetatable({}, { __index = function(t, mark)
    local kind, i, n = mark:match("^(.)(%d+)%.(%d+)$")
    i, n = tonumber(i), tonumber(n)
    local s
    if kind == "\3" then s = string.rep(" ", widths[i] - n) .. "  "
    else s = pad(texts[i][n], widths[i]) .. "  " end
    t[mark] = s
    return s
  end })
end

-- A line without its trailing white space (the last cells' padding, empty cells).
local function rtrim(s)
  local _, e = s:reverse():find("^%s*")
  return e > 0 and s:sub(1, #s - e) or s
end

local function table_writer(out, columns)
  local tmp = assert(io.tmpfile())
  local widths, ids, texts = {}, {}, {}
  for i, c in ipairs(columns) do
    widths[i] = core.width(c.title or c.key)
    ids[i], texts[i] = {}, {}
  end
  local w, line = { n = 0 }, {}
  local width = core.width
  local function cell_of(i, v)
    local key = v == nil and NIL or v
    local ref = ids[i][key]
    if ref then return ref end
    local s = file_cell(v)
    local cw = width(s)
    if cw > widths[i] then widths[i] = cw end
    local n = #texts[i]
    if n >= KNOWN then return s .. "\3" .. i .. "." .. cw .. "\31" end
    texts[i][n + 1] = s
    ref = "\2" .. i .. "." .. (n + 1) .. "\31"
    ids[i][key] = ref
    return ref
  end
  function w.row(_, row)
    for i, c in ipairs(columns) do line[i] = cell_of(i, row[c.key]) end
    tmp:write(table.concat(line), "\n")
    w.n = w.n + 1
  end
  -- Pass 2: header, rule, then every line of the file, its marks replaced.
  function w.finish()
    local head, rule = {}, {}
    for i, c in ipairs(columns) do
      head[i] = pad(c.title or c.key, widths[i])
      rule[i] = string.rep("-", widths[i])
    end
    out:write((table.concat(head, "  "):gsub("%s+$", "")), "\n", table.concat(rule, "  "), "\n")
    local marks = replacements(widths, texts)
    tmp:seek("set", 0)
    for l in tmp:lines() do out:write(rtrim((l:gsub(MARK, marks))), "\n") end
    tmp:close()
    return w.n
  end
  return w
end

local writers = { csv = csv_writer, json = json_writer, table = table_writer }

--- A writer of rows as they come, in one of M.formats, to the file `out`: w:row(row) for
--- each row, then w:finish() (→ the number of rows). The text is the same as M.write's.
function M.writer(out, format, columns)
  local make = writers[format]
  if not make then error("tabular: unknown format " .. tostring(format), 2) end
  return make(out, columns)
end

local is_format = {}
for _, f in ipairs(M.formats) do is_format[f] = true end

--- Write rows to the file `out` in one of M.formats.
function M.write(out, format, columns, rows)
  if not is_format[format] then error("tabular: unknown format " .. tostring(format), 2) end
  out:write(M[format](columns, rows))
end

return M
