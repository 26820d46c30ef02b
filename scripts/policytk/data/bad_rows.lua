-- policytk.data.bad_rows: the problems of an all-or-nothing import (observations, the firm
-- register): collected as "FILE:LINE: column: problem", the first 50 kept for the message,
-- and the failure that says nothing was imported.
--
--   local bad = bad_rows.new(shown)
--   bad.line = 12; bad:add("value", "\"abc\" is not a number")
--   if bad.total > 0 then bad:fail() end
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local cli = require "policytk.cli"

local M = { MAX_SHOWN = 50 }
M.__index = M

function M.new(shown)
  return setmetatable({ shown = shown, line = 1, total = 0, list = {} }, M)
end

--- Record a problem of column `col` at the current line.
function M:add(col, problem)
  self.total = self.total + 1
  if #self.list < M.MAX_SHOWN then
    self.list[#self.list + 1] = string.format("%s:%d: %s: %s", self.shown, self.line, col, problem)
  end
end

--- Raise the failure listing the problems (exit 1).
function M:fail()
  local more = self.total > #self.list and string.format("\n… and %d more", self.total - #self.list) or ""
  cli.fail("%s: nothing imported; %d problem(s):\n%s%s", self.shown, self.total, table.concat(self.list, "\n"), more)
end

return M
