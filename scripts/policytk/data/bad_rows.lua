-- policytk.data.bad_rows: the problems of an all-or-nothing import (observations, the firm
-- register): collected with where they are, the first 50 kept for the message, and the
-- failure that says nothing was imported. Where: in a CSV file the line,
-- "FILE:LINE: column: problem"; in an XLSX sheet the cell, "FILE:SHEET!C12: column: problem"
-- (the column's cell when its index is given, else the row's first cell).
--
--   local bad = bad_rows.new(shown)
--   bad.line = 12; bad:add("value", "\"abc\" is not a number")        -- f.csv:12: value: …
--   bad.sheet = "数据"; bad:add("value", "…", 3)                        -- f.xlsx:数据!C12: value: …
--   if bad:full() then … stop reading … end                         -- MAX_SHOWN problems listed
--   if bad.total > 0 then bad:fail() end
--   bad.items → { { line =, sheet =, column =, problem = } … } the same problems one by one
--     (the first MAX_SHOWN), carried by the failure as its `details`
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local cli = require "policytk.cli"

local M = { MAX_SHOWN = 50 }
M.__index = M

function M.new(shown)
  return setmetatable({ shown = shown, line = 1, total = 0, list = {}, items = {} }, M)
end

--- The column letters of 1-based column index i: 1 → A, 26 → Z, 27 → AA.
function M.letters(i)
  local s = ""
  while i > 0 do
    local r = (i - 1) % 26
    s = string.char(65 + r) .. s
    i = (i - 1) // 26
  end
  return s
end

--- A sheet name as a cell reference writes it: quoted ('a b') unless it is only letters,
--- digits, _ and non-ASCII characters (Chinese names stay bare, as Excel writes them).
function M.sheet_ref(name)
  if name:find("[^%w_\128-\255]") then return "'" .. name:gsub("'", "''") .. "'" end
  return name
end

--- Where the current problem is: "FILE:LINE", or "FILE:SHEET!CELL" when self.sheet is set
--- (index: the column's 1-based index; nil for the row's first cell).
function M:where(index)
  if not self.sheet then return string.format("%s:%d", self.shown, self.line) end
  return string.format("%s:%s!%s%d", self.shown, M.sheet_ref(self.sheet), M.letters(index or 1), self.line)
end

--- Record a problem of column `col` at the current line (and sheet); index: the column's
--- position in the row, for the XLSX cell (optional).
function M:add(col, problem, index)
  self.total = self.total + 1
  if #self.list < M.MAX_SHOWN then
    self.list[#self.list + 1] = string.format("%s: %s: %s", self:where(index), col, problem)
    self.items[#self.items + 1] = { line = self.line, sheet = self.sheet, column = col, problem = problem }
  end
end

--- Whether the message is full (MAX_SHOWN problems): the importer reads no further rows.
function M:full()
  if self.total < M.MAX_SHOWN then return false end
  self.stopped = self.line
  return true
end

--- Raise the failure listing the problems (exit 1).
function M:fail()
  local more = self.total > #self.list and string.format("\n……另有 %d 处问题", self.total - #self.list) or ""
  if self.stopped then
    more = more .. string.format("\n（已有 %d 处问题，第 %d 行之后未再检查）", self.total, self.stopped)
  end
  cli.fail_with(self.items, "%s: 未导入任何数据，共 %d 处问题：\n%s%s", self.shown, self.total,
    table.concat(self.list, "\n"), more)
end

return M
