-- policytk.data.row_source: the rows of a CSV or XLSX file as lists of strings, for the importers
-- (observations, the enterprise register). CSV is read a line at a time (RFC 4180, UTF-8 with
-- or without BOM, or GB18030/GBK as Excel and WPS save them: given with `encoding`, or detected
-- when the start of the file is not UTF-8); XLSX is streamed by policytk.xlsx, one sheet or
-- each in turn. A row has as many fields as it has cells up to its last value (the importer
-- pads or checks them against the header).
--
--   local rows, close, encoding = row_source.open(path, { encoding =, sheet = })
--   for fields, line, problem, bad in rows do … end -- fields nil → problem names what is wrong;
--                                                  -- bad: first non-UTF-8 field (CSV as UTF-8)
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

-- The file's encoding: the one given, else utf-8 when its first 64 KiB are UTF-8 (a character
-- cut at the end of the sample does not count), else gb18030.
local function detect(f, given)
  local e = (given or ""):lower()
  if e == "utf-8" or e == "utf8" then return "utf-8" end
  if GB[e] then return "gb18030" end
  if e ~= "" then cli.usage_error("--encoding %s：应为 utf-8、gbk 或 gb18030", given) end
  local sample = f:read(65536) or ""
  f:seek("set", 0)
  local bad = core.utf8_check(sample)
  if not bad or bad > #sample - 3 then return "utf-8" end
  return "gb18030"
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
  local reader = xlsx.open(path)
  return setmetatable({ reader = reader, names = reader:sheets() }, Book)
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
function Book:rows(name)
  local it, _, _, stream = self.reader:rows(name)
  return function()
    local line, cells = it()
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
  local encoding = detect(f, opts.encoding)
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
      return false, line, "cannot decode the line as " .. encoding .. ": " .. fields[1]:sub(2)
    end
    return fields, line, problem
  end
  return rows, function() f:close() end, encoding
end

return M
