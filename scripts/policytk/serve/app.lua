-- policytk.serve.app: the handler module each worker thread of `policytk serve` runs (the
-- handler contract of policytk.httpd, docs/serve.md):
--
--   app.init(args)    once per worker state: opens args.db (policytk.db: WAL, busy timeout
--                     args.busy_ms, default 5000 ms) and builds the router from
--                     policytk.serve.routes
--   app.handle(req)   → status, headers, body, user: the path checked and routed (400, 404,
--                     405 pages in Chinese), the route's handler called as handler(req, ctx)
--   app.close()       closes the database
--
-- req is what the server gives (method, path raw, query, headers, cookies, body, remote,
-- started) plus req.params (the pattern's :names). ctx = { db = conn, args = args, user = nil };
-- a handler that knows who is signed in sets ctx.user (a name for the log line). A handler's
-- error is answered 500 with a Chinese page; its traceback goes to the server log only.
--
-- Capability: the web server (entry policytk.serve; map in docs/architecture.md).

local db = require "policytk.db"
local respond = require "policytk.serve.respond"
local router = require "policytk.serve.router"
local routes = require "policytk.serve.routes"

local M = {}

local conn, args, the_router

function M.init(a)
  args = a or {}
  if type(args.db) ~= "string" then error("policytk.serve.app: args.db (the database path) is required", 0) end
  conn = db.open(args.db, { busy_timeout_ms = math.tointeger(args.busy_ms) or 5000,
    serialize_writers = true })
  the_router = router.new(routes.load())
end

local function log_error(req, err)
  io.stderr:write(string.format("policytk serve: %s %s 出错：%s\n", req.method, req.path, tostring(err)))
end

local function answer(req, ctx)
  local route, a, b = the_router:match(req.method, req.path)
  if not route then
    if a == 405 then return respond.error(405, nil, { Allow = b }) end
    return respond.error(a, a == 400 and b or nil)
  end
  req.params = a
  local trace
  local ok, res = xpcall(route.handler, function(e)
    trace = debug.traceback(tostring(e), 2)
    return e
  end, req, ctx)
  if not ok then
    log_error(req, trace or res)
    return respond.error(500)
  end
  if type(res) ~= "table" or math.tointeger(res.status) == nil then
    log_error(req, string.format("%s 的处理函数没有返回响应表（返回了 %s）", tostring(route.from), type(res)))
    return respond.error(500)
  end
  return res
end

function M.handle(req)
  local ctx = { db = conn, args = args, user = nil }
  local res = answer(req, ctx)
  return res.status, res.headers, res.body, ctx.user
end

function M.close()
  if conn then conn:close() end
  conn = nil
end

return M
