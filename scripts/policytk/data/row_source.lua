-- policytk.data.row_source: the rows of a CSV or XLSX file as lists of strings, for the importers
-- (observations, the enterprise register). CSV is read a line at a time (RFC 4180, UTF-8 with
-- or without BOM, or GB18030/GBK as Excel and WPS save them: given with `encoding`, or detected
-- when the start of the file is not UTF-8); XLSX is streamed by policytk.xlsx, one sheet or
-- each in turn. A row has as many fields as it has cells up to its last value (the importer
-- pads or checks them against the header).
--
--   local rows, close, encoding = row_source.open(path, { encoding =, sheet = })
--   for fields, line, problem, bad, col in rows do … end -- fields nil → problem names what is
--                                  -- wrong (col: the cell's column, XLSX); bad: first non-UTF-8
--                                  -- field (CSV as UTF-8). After an XLSX reader error the rows end.
--   close()
--
--   if row_source.is_xlsx(path) then
--     local book = row_source.workbook(path)   -- book.names: the sheets, in workbook order
--     local name = book:sheet(given)           -- the sheet a --sheet value names (name or number)
--     local rows, stream <close> = book:rows(name)
--     for fields, line in rows do … end
--     book:close()
--   end
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local core = require "policytk.core"
local cli = require "policytk.cli"
local csv = require "policytk.data.csv"

local M = {}

local GB = { gbk = true, gb18030 = true, gb2312 = true }

local function text_module(encoding)
  local ok, text = pcall(require, "policytk.text")
  if not ok or type(text) ~= "table" or type(text.decode) ~= "function" then
    cli.fail("本 policytk 不支持编码 %s（没有 policytk.text 模块）；请将文件另存为 UTF-8",
      encoding)
  end
  return text
end

-- Where byte `bad` of `sample` is: its line and its column (characters before it on the
-- line, plus one).
local function position(sample, bad)
  local before = sample:sub(1, bad - 1)
  local line_start = (before:match(".*()\n") or 0) + 1
  local _, newlines = before:gsub("\n", "")
  return newlines + 1, (utf8.len(before:sub(line_start)) or 0) + 1
end

-- Whether sample reads as GB18030 throughout (a character cut at the end does not count).
local function reads_as_gb(sample)
  local cut = sample:match("^(.*)\n") or sample
  local ok, _, replaced = pcall(text_module("gb18030").decode, cut, "gb18030")
  return ok and (tonumber(replaced) or 0) == 0
end

-- The file's encoding: the one given, else utf-8 when its first 64 KiB are UTF-8 (a character
-- cut at the end of the sample does not count), else gb18030 when they read as GB18030; a
-- file that is neither fails naming the line and column of its first bad byte.
local function detect(f, given, shown)
  local e = (given or ""):lower()
  if e == "utf-8" or e == "utf8" then return "utf-8" end
  if GB[e] then return "gb18030" end
  if e ~= "" then cli.usage_error("--encoding %s：应为 utf-8、gbk 或 gb18030", given) end
  local sample = f:read(65536) or ""
  f:seek("set", 0)
  local bad = core.utf8_check(sample)
  if not bad or bad > #sample - 3 then return "utf-8" end
  if reads_as_gb(sample) then return "gb18030" end
  local line, col = position(sample, bad)
  cli.fail("%s:%d: 第 %d 个字符处不是有效的 UTF-8（也不是 GB18030）：请将文件另存为 UTF-8，"
    .. "或用 --encoding 指明编码", shown or "文件", line, col)
end

-- Reader errors the importers show in Chinese: the reader's text → the message.
local READER_TEXT = {
  { "^too many rows: a sheet is read up to (%d+) rows", "行数过多：每个工作表最多读取 %s 行" },
  { "^too many cells: a sheet is read up to (%d+) cells", "单元格过多：每个工作表最多读取 %s 个单元格" },
}

-- A reader error "FILE: sheet S: cell B4: what" → B4's column index, its row and what (in
-- Chinese where known); nil for any other error.
local function cell_problem(err)
  local letters, row, what = tostring(err):match(": sheet .-: cell (%u+)(%d+): (.*)$")
  if not letters then return nil end
  local col = 0
  for i = 1, #letters do col = col * 26 + letters:byte(i) - 64 end
  for _, t in ipairs(READER_TEXT) do
    local n = what:match(t[1])
    if n then what = string.format(t[2], n); break end
  end
  return col, tonumber(row), what
end

-- Call fn(...); a reader error becomes a plain failure (its text, never a Lua position or the
-- database's name).
local function reading(fn, ...)
  local ok, a, b, c = pcall(fn, ...)
  if ok then return a, b, c end
  if cli.is_failure(a) then error(a, 0) end
  cli.fail("%s", tostring(a))
end

-- A cell value as the text the importers read: integral floats without ".0", booleans as
-- true/false, empty cells as "".
local function cell_text(v)
  if v == nil then return "" end
  if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 2^53 then return string.format("%d", v) end
  return tostring(v)
end

local Book = {}
Book.__index = Book

--- Is path an XLSX workbook (by its name)?
function M.is_xlsx(path)
  return path:lower():match("%.xlsx$") ~= nil
end

--- Open the workbook at path: { names = sheet names in order, rows, sheet, close }.
function M.workbook(path)
  local xlsx = require "policytk.xlsx"
  local reader = reading(xlsx.open, path)
  return setmetatable({ reader = reader, names = reading(reader.sheets, reader) }, Book)
end

--- The name of the sheet `given` names: a sheet of that name, else the sheet of that number
--- (1-based), else given itself (rows then raises the reader's "no sheet" error).
function Book:sheet(given)
  for _, n in ipairs(self.names) do if n == given then return n end end
  local i = math.tointeger(tonumber(given or ""))
  return i and self.names[i] or given
end

--- The rows of sheet `name` (nil: the first): fields (strings), line (the sheet's row number);
--- and the stream's closer (stream:close(), or a <close> variable; book:close() closes all).
--- A reader error in a cell (too many rows, a bad value) comes as false, row, problem, nil,
--- column index, and the rows end there; any other reader error is a plain failure.
function Book:rows(name)
  local it, _, _, stream = reading(self.reader.rows, self.reader, name)
  local dead = false
  return function()
    if dead then return nil end
    local read, line, cells = pcall(it)
    if not read then
      dead = true
      local col, row, what = cell_problem(line)
      if col then return false, row, what, nil, col end
      cli.fail("%s", tostring(line))
    end
    if not line then return nil end
    local fields = {}
    for i = 1, cells.n or #cells do fields[i] = cell_text(cells[i]) end
    return fields, line
  end, stream
end

function Book:close() self.reader:close() end

local function xlsx_rows(path, opts)
  local book = M.workbook(path)
  local ok, rows = pcall(book.rows, book, opts.sheet and book:sheet(opts.sheet))
  if not ok then book:close(); error(rows, 0) end
  return rows, function() book:close() end, "xlsx"
end

--- Open path; returns the row iterator, a close function and the encoding used
--- ("utf-8", "gb18030" or "xlsx").
function M.open(path, opts)
  opts = opts or {}
  if M.is_xlsx(path) then return xlsx_rows(path, opts) end
  local f, err = io.open(path, "rb")
  if not f then cli.fail("无法读取 %s", err) end
  local detected, encoding = pcall(detect, f, opts.encoding, opts.display or path)
  if not detected then f:close(); error(encoding, 0) end
  if encoding ~= "gb18030" then
    -- UTF-8: records parsed in C straight from the file; the fourth value is the number of
    -- the first field that is not valid UTF-8 (nil when all are)
    local records, reader = csv.file_records(f)
    return records, function() reader:close(); f:close() end, encoding
  end
  local text = text_module(encoding)
  local next_line = function()
    local l = f:read("L")
    if not l then return nil end
    local ok, d, replaced = pcall(text.decode, l, "gb18030")
    if not ok or not d or (tonumber(replaced) or 0) > 0 then
      -- a line that is not GB18030 either: hand the parser a marker it reports as a bad row
      return "\0" .. (ok and "bytes that are not GB18030" or tostring(d)):gsub('[",\r\n]', " ") .. "\n"
    end
    return d
  end
  local records = csv.records(next_line)
  local rows = function()
    local fields, line, problem = records()
    if fields and fields[1] and fields[1]:sub(1, 1) == "\0" then
      return false, line, "该行不是有效的 " .. encoding:upper() .. " 文本（" .. fields[1]:sub(2) .. "）"
    end
    return fields, line, problem
  end
  return rows, function() f:close() end, encoding
end

return M
