-- policytk.serve.pages.guard: a page's render function made safe to serve — an error while a
-- page is computed becomes the contract's refusal (nil, 500, message in Chinese), never Lua
-- error text or an internal path in a page: a named failure (cli.fail, e.g. unit_mismatch)
-- keeps its Chinese message; anything else is written to the server's log (policytk.log) and
-- the page says only that it failed.
--
--   M.render = guard.wrap(function(conn, params, viewer) … end)
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local cli = require "policytk.cli"
local log = require "policytk.log"

local M = {}

M.FAILED = "页面生成时出错，详情已记入服务器日志；请稍后重试或联系管理员"

--- The refusal for an error value e: 500 and a Chinese message.
function M.refusal(e, what)
  if cli.is_failure(e) then return nil, 500, e.message end
  log.error("%s: %s", what or "page", tostring(e))
  return nil, 500, M.FAILED
end

--- fn wrapped: its results, or nil, 500, message when it raises.
function M.wrap(fn, what)
  return function(...)
    local res = table.pack(xpcall(fn, function(e)
      if cli.is_failure(e) then return e end
      return debug.traceback(tostring(e), 2)
    end, ...))
    if res[1] then return table.unpack(res, 2, res.n) end
    return M.refusal(res[2], what)
  end
end

return M
