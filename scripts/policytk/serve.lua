-- policytk.serve: the web server's entry — `policytk serve` checks where it may listen and the
-- database it serves, then runs policytk.httpd (libmicrohttpd, one Lua state per worker
-- thread) with policytk.serve.app as the handler of every request, until SIGTERM or SIGINT.
--
--   serve.run{ db =, listen =, workers =, cert =, key =, insecure_http =, timeout =, max_body =,
--              budget_seconds =, out = function(line) }   → the server's summary table
--   serve.check_listen(listen, tls, insecure)  → host, port (raises a named usage error)
--   serve.check_database(path)                 → path (raises a named failure)
--
-- The parts: app (the per-worker handler), router (routes as data, the path check), routes
-- (the route modules), respond (responses, escaping, security headers), home (healthz and the
-- placeholder home page). docs/serve.md is the reference.
--
-- Capability: the web server (entry policytk.serve; map in docs/architecture.md).

local cli = require "policytk.cli"
local fs = require "policytk.fs"
local store = require "policytk.data.store"
local db = require "policytk.db"

local M = {}

M.DEFAULTS = { listen = "127.0.0.1:8080", workers = 4, timeout = 30, max_body = 1048576, budget_seconds = 10,
               busy_ms = 5000 }

--- Whether an address literal is loopback (127.0.0.0/8 or ::1).
function M.is_loopback(host)
  return host:match("^127%.%d+%.%d+%.%d+$") ~= nil or host == "::1"
end

--- HOST:PORT (or [IPv6]:PORT) → host, port; a usage error when malformed, and when HOST is not
--- loopback without TLS or an explicit --insecure-http.
function M.check_listen(listen, tls, insecure)
  local host, port = listen:match("^%[([%x:]+)%]:(%d+)$")
  if not host then host, port = listen:match("^(%d+%.%d+%.%d+%.%d+):(%d+)$") end
  port = tonumber(port)
  if not host or not port or port > 65535 then
    cli.usage_error("--listen %s 无效：应为 IP:端口，如 127.0.0.1:8080（端口 0 表示任一空闲端口）", listen)
  end
  if not M.is_loopback(host) and not tls and not insecure then
    cli.usage_error("拒绝在非本机地址 %s 上以明文 HTTP 监听（insecure_listen）：请用 --cert 和 --key 启用 HTTPS，"
      .. "或在有 HTTPS 反向代理时加 --insecure-http", listen)
  end
  return host, port
end

--- The database must exist and be migrated to this policytk's schema.
function M.check_database(given)
  local path = store.path(given)
  local st = fs.stat(path)
  if not st then
    cli.fail("数据库 %s 不存在：请先运行 policytk load（或 policytk demo）建立它，或用 --db 指定已有的数据库", path)
  end
  local ok, conn = pcall(db.open, path, { readonly = true, busy_timeout_ms = M.DEFAULTS.busy_ms })
  if not ok then cli.fail("%s", store.explain(path, conn)) end
  local version = conn:user_version()
  local cities = version > 0 and conn:first("SELECT count(*) AS n FROM cities").n or 0
  conn:close()
  if version < store.latest() then
    cli.fail("数据库 %s 的版本为 %d，低于本 policytk 的版本 %d：请先运行 policytk init --db %s 升级它", path, version,
      store.latest(), path)
  elseif version > store.latest() then
    cli.fail("数据库 %s 的版本为 %d，高于本 policytk 支持的版本（%d）：请使用更新的 policytk", path, version, store.latest())
  end
  if cities == 0 then cli.fail("%s 中还没有插件：请先运行 policytk load", path) end
  return path
end

local function read_pem(path, what)
  local f, err = io.open(path, "rb")
  if not f then cli.fail("无法读取%s %s：%s", what, path, tostring(err)) end
  local s = f:read("a")
  f:close()
  if not s:find("-----BEGIN", 1, true) then cli.fail("%s %s 不是 PEM 文件", what, path) end
  return s
end

--- Run the server until a signal; returns httpd.serve's summary.
function M.run(o)
  local listen = o.listen or M.DEFAULTS.listen
  if (o.cert == nil) ~= (o.key == nil) then cli.usage_error("--cert 和 --key 须同时给出") end
  M.check_listen(listen, o.cert ~= nil, o.insecure_http)
  local path = M.check_database(o.db)
  local cert = o.cert and read_pem(o.cert, "证书")
  local key = o.key and read_pem(o.key, "私钥")
  local httpd = require "policytk.httpd"
  -- libxml2 (the XLSX reader of uploads) sets itself up once per process, not thread-safely:
  -- here, in the main state, before any worker thread exists
  require "policytk.xlsx"
  local respond = require "policytk.serve.respond"
  -- the routes load here first, so that a broken route module stops the start, not each request
  require("policytk.serve.router").new(require("policytk.serve.routes").load())
  local out = o.out or function(line) io.stdout:write(line, "\n"); io.stdout:flush() end
  local ok, res = pcall(httpd.serve, {
    listen = listen, workers = o.workers or M.DEFAULTS.workers, handler = "policytk.serve.app",
    args = { db = path, busy_ms = M.DEFAULTS.busy_ms, tls = cert ~= nil },
    max_body = o.max_body or M.DEFAULTS.max_body, timeout = o.timeout or M.DEFAULTS.timeout,
    budget = { seconds = o.budget_seconds or M.DEFAULTS.budget_seconds },
    cert = cert, key = key,
    pages = { [413] = respond.error_page(413), [500] = respond.error_page(500), [503] = respond.error_page(503) },
    headers = respond.SECURITY_HEADERS,
    on_ready = function(url) out("policytk serve: 正在监听 " .. url) end,
  })
  if not ok then cli.fail("%s", tostring(res):gsub("^httpd%.serve: ", "")) end
  io.stderr:write(string.format("policytk serve: 已停止（%s）：处理请求 %d 个，其中超出预算 %d 个，未完成 %d 个；数据库已关闭\n",
    res.signal, res.requests, res.stopped, res.unfinished))
  return res
end

return M
