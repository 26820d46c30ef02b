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

-- The separator of cells in the table's temporary file; a cell's own becomes a space
-- (a control character, never shown in a terminal table).
local SEP = "\31"

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

-- Pass 1: each row's cells to a temporary file, one line, and the widest cell per column
-- (widths of repeated cells looked up, not measured again: at most KNOWN texts a column).
local KNOWN = 4096

local SPACES = setmetatable({}, { __index = function(t, n)
  local s = string.rep(" ", n)
  t[n] = s
  return s
end })

local IS_SPACE = { [9] = true, [10] = true, [11] = true, [12] = true, [13] = true, [32] = true }

-- Text without its trailing white space (as gsub("%s+$", ""), without its cost on long runs).
local function rtrim(s)
  local e = #s
  while e > 0 and IS_SPACE[s:byte(e)] do e = e - 1 end
  return e == #s and s or s:sub(1, e)
end

-- One line of the table's temporary file, its cells padded to the widths and joined as
-- M.table joins them; the empty cells at the end and their padding left out (trimmed anyway).
local function padded_line(l, ncol, widths, known)
  local cells, pos, last = {}, 1, 0
  for i = 1, ncol do
    local e = l:find(SEP, pos, true) or #l + 1
    local s = l:sub(pos, e - 1)
    cells[i], pos = s, e + 1
    if s ~= "" then last = i end
  end
  for i = 1, last - 1 do
    local s = cells[i]
    cells[i] = s .. SPACES[widths[i] - (known[i][s] or core.width(s))]
  end
  return rtrim(table.concat(cells, "  ", 1, last))
end

local function table_writer(out, columns)
  local tmp = assert(io.tmpfile())
  local widths, known, nknown = {}, {}, {}
  for i, c in ipairs(columns) do
    widths[i] = core.width(c.title or c.key)
    known[i], nknown[i] = {}, 0
  end
  local w, line = { n = 0 }, {}
  local width = core.width
  function w.row(_, row)
    for i, c in ipairs(columns) do
      local s = table_cell(row[c.key])
      if s:find(SEP, 1, true) then s = s:gsub(SEP, " ") end
      local cw = known[i][s]
      if not cw then
        cw = width(s)
        if nknown[i] < KNOWN then known[i][s], nknown[i] = cw, nknown[i] + 1 end
      end
      if cw > widths[i] then widths[i] = cw end
      line[i] = s
    end
    tmp:write(table.concat(line, SEP), "\n")
    w.n = w.n + 1
  end
  -- Pass 2: header, rule, then every line of the file padded to the widths.
  function w.finish()
    local head, rule = {}, {}
    for i, c in ipairs(columns) do
      head[i] = pad(c.title or c.key, widths[i])
      rule[i] = string.rep("-", widths[i])
    end
    out:write((table.concat(head, "  "):gsub("%s+$", "")), "\n", table.concat(rule, "  "), "\n")
    tmp:seek("set", 0)
    for l in tmp:lines() do out:write(padded_line(l, #columns, widths, known), "\n") end
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
