-- policytk serve over HTTP (issue 19, part 1): a server started by this file on a free loopback
-- port with the test routes (tests/fixtures/serve/routes.lua), answered with curl and a raw
-- socket (python3): health, the home page, 404/405, paths outside the routes, body limits, a
-- failing handler, a request over budget, 32 requests at once, a slowloris client, the log,
-- and a clean stop on SIGTERM.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"
local fixture = dofile(core.root .. "/tests/fixtures/serve/fixture.lua")
local q = testing.shell_quote

local srv = fixture.start{ routes = true, args = { "--listen", "127.0.0.1:0", "--workers", "4", "--timeout", "2",
                                                   "--max-body", "4096", "--budget", "1.5" } }

test("GET /healthz answers JSON with the security headers", function(t)
  local r = srv:get("/healthz")
  t.eq(r.status, 200)
  t.eq(json.decode(r.body), { ok = true, cities = 3 })
  t.match(r.headers["content-type"], "^application/json")
  t.eq(r.headers["x-frame-options"], "DENY")
  t.eq(r.headers["x-content-type-options"], "nosniff")
  t.eq(r.headers["referrer-policy"], "same-origin")
  t.match(r.headers["content-security-policy"], "default%-src 'self'")
end)

test("GET / lists the cities of the database, in Chinese", function(t)
  local r = srv:get("/")
  t.eq(r.status, 200)
  t.match(r.body, "<td>温州市</td>")
  t.match(r.body, "<td>台州市</td>")
  t.match(r.body, '<html lang="zh%-CN">')
end)

test("an unknown path is 404, a wrong method 405 with Allow, both pages in Chinese", function(t)
  local r = srv:get("/no/such/page")
  t.eq(r.status, 404)
  t.match(r.body, "页面不存在")
  r = srv:curl("/healthz", { "-X", "POST", "--data", "x=1" })
  t.eq(r.status, 405)
  t.eq(r.headers["allow"], "GET")
  t.match(r.body, "请求方式不允许")
  r = srv:curl("/healthz", { "-I" })
  t.eq(r.status, 200, "HEAD is answered like GET")
end)

test("paths outside the routes are refused (400) or not found, never a file", function(t)
  for _, p in ipairs({ "/../", "/../../etc/passwd", "/%2e%2e/", "/%2E%2e/etc/passwd", "/%252e%252e/",
                       "/a/..%2f..", "/a/%2f", "/a%5c..%5c", "/a\\..", "/%00", "/a//b", "/./healthz", "/%zz" }) do
    local r = srv:curl(p, { "--path-as-is" })
    t.ok(r.status == 400 or r.status == 404, p .. " answered " .. tostring(r.status))
    t.ok(not r.body:find("root:", 1, true), p .. " must not show a file")
  end
  t.eq(srv:curl("/../", { "--path-as-is" }).status, 400)
  t.eq(srv:curl("/%252e%252e/", { "--path-as-is" }).status, 400)
  t.eq(srv:curl("/a/..%2f..", { "--path-as-is" }).status, 400)
  t.match(srv:curl("/%2e%2e/", { "--path-as-is" }).body, "请求无效")
end)

test("the request table: method, raw path, decoded query, lower-case headers, cookies, remote", function(t)
  local r = srv:get("/__test/request?name=%E6%B8%A9%E5%B7%9E&x=a+b&flag", { "-H", "User-Agent: 测试", "-b", "a=1" })
  t.eq(r.status, 200)
  local v = json.decode(r.body)
  t.eq(v.method, "GET")
  t.eq(v.path, "/__test/request")
  t.eq(v.query, { name = "温州", x = "a b", flag = "" })
  t.eq(v.agent, "测试")
  t.eq(v.cookie, "1")
  t.eq(v.remote, "127.0.0.1")
  t.eq(v.started, "number")
end)

test("a body over --max-body is 413 without calling Lua; one under it reaches the handler", function(t)
  local file = srv.dir .. "/big"
  testing.write_file(file, string.rep("x", 5000))
  local r = srv:curl("/__test/echo", { "--data-binary", "@" .. file })
  t.eq(r.status, 413)
  t.match(r.body, "提交内容过大")
  r = srv:curl("/__test/echo", { "-H", "Transfer-Encoding: chunked", "--data-binary", "@" .. file })
  t.eq(r.status, 413, "a chunked body over the limit")
  testing.write_file(file, string.rep("x", 4000))
  r = srv:curl("/__test/echo", { "--data-binary", "@" .. file })
  t.eq(r.status, 200)
  t.eq(r.body, "4000")
end)

test("a handler's error is 500 with a Chinese page and no Lua path; the traceback is logged", function(t)
  local r = srv:get("/__test/error")
  t.eq(r.status, 500)
  t.match(r.body, "服务器内部错误")
  t.ok(not r.body:find("%.lua"), "no Lua file in the body: " .. r.body)
  t.ok(not r.body:find("traceback"), "no traceback in the body")
  t.match(srv:log(), "routes%.lua:%d+: attempt to index a nil value")
  t.eq(srv:get("/healthz").status, 200)
end)

test("a request over its budget is 503 in Chinese and logged; the next requests still work", function(t)
  local r = srv:get("/__test/spin")
  t.eq(r.status, 503)
  t.match(r.body, "服务器繁忙")
  t.match(srv:log(), "GET /__test/spin 超出预算")
  for _ = 1, 8 do t.eq(srv:get("/healthz").status, 200) end
  t.eq(srv:get("/__test/spin").status, 503, "a rebuilt worker state stops again")
  t.eq(srv:get("/").status, 200)
end)

test("32 requests at once are all answered", function(t)
  local urls = {}
  for i = 1, 32 do urls[#urls + 1] = "-o /dev/null " .. q(srv.url .. (i % 2 == 0 and "healthz" or "")) end
  local p = io.popen("curl -s -Z --parallel-immediate --parallel-max 32 --max-time 60 -w '%{http_code}\\n' "
    .. table.concat(urls, " ") .. " 2>/dev/null")
  local codes = {}
  for line in p:lines() do codes[#codes + 1] = line end
  p:close()
  t.eq(#codes, 32)
  for i, c in ipairs(codes) do t.eq(c, "200", "request " .. i) end
end)

test("a client that sends half a header is closed after --timeout", function(t)
  local port = srv.url:match(":(%d+)/$")
  local py = [[
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
t0 = time.monotonic()
s.settimeout(30)
try:
    data = s.recv(1024)
except socket.timeout:
    data = None
print("closed" if data == b"" else "open", round(time.monotonic() - t0, 2))
]]
  local p = io.popen("python3 -c " .. q(py) .. " " .. port)
  local out = p:read("a")
  p:close()
  local state, secs = out:match("(%a+) ([%d.]+)")
  t.eq(state, "closed", out)
  t.ok(tonumber(secs) >= 1.5 and tonumber(secs) < 15, "closed after " .. tostring(secs) .. " s (timeout 2 s)")
  t.eq(srv:get("/healthz").status, 200)
end)

test("one log line per request: 北京时间, method, path, status, ms, user, remote", function(t)
  srv:get("/healthz?secret=1")
  local log = srv:log()
  t.match(log, "\n%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d%+08:00 GET /healthz 200 [%d.]+ms %- 127%.0%.0%.1\n")
  t.ok(not log:find("secret=1", 1, true), "the query is not logged")
  t.match(log, "GET /__test/spin 503 ")
  t.match(log, "POST /__test/echo 413 ")
end)

test("SIGTERM stops the server cleanly: exit 0, the log says it stopped", function(t)
  t.eq(srv:stop("TERM"), 0, srv:log())
  t.match(srv:log(), "已停止（SIGTERM）")
  t.ok(not srv:running())
end)
