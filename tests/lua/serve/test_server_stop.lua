-- policytk serve stopped while requests are in flight (issue 19, part 1): SIGTERM lets each
-- running request finish its transaction, refuses new connections, closes the database and
-- exits 0; every write the requests made is there whole, and the database passes
-- PRAGMA integrity_check. SIGINT (Ctrl-C) stops it the same way.

local core = require "policytk.core"
local db = require "policytk.db"
local testing = require "policytk.testing"
local fixture = dofile(core.root .. "/tests/fixtures/serve/fixture.lua")
local q = testing.shell_quote

test("SIGTERM while four writes are in flight: all four finish whole, exit 0, integrity ok", function(t)
  local path, dir = fixture.database()
  local conn = db.open(path)
  conn:exec("CREATE TABLE serve_test (req TEXT, i INTEGER)")
  conn:close()
  local srv = fixture.start{ db = path, dir = dir, routes = true,
                             args = { "--listen", "127.0.0.1:0", "--workers", "4", "--budget", "30" } }
  -- four requests, each writing 10 rows in one transaction over about 0.8 s (SQLite has one
  -- writer at a time: the others wait for it, well within the 5 s busy timeout)
  for i = 1, 4 do
    os.execute(string.format("curl -s --max-time 60 -o %s -w '%%{http_code}' %s > %s 2>/dev/null &",
      q(dir .. "/body" .. i), q(srv.url .. "__test/write/r" .. i .. "?rows=10&seconds=0.8"), q(dir .. "/code" .. i)))
  end
  -- wait until every request has reached its handler (the route says so on stderr)
  for _ = 1, 200 do
    local _, begun = srv:log():gsub("fixture: begin r%d", "")
    if begun == 4 then break end
    os.execute("sleep 0.05")
  end
  local _, begun = srv:log():gsub("fixture: begin r%d", "")
  t.eq(begun, 4, "four requests in flight")
  local _, answered = srv:log():gsub("GET /__test/write/r%d 200", "")
  t.ok(answered < 4, "writes still in flight at the signal (serialised: 4 × 0.8 s)")
  t.ok(srv:running())
  t.eq(srv:stop("TERM"), 0, srv:log())
  local log = srv:log()
  t.match(log, "已停止（SIGTERM）：处理请求 4 个，其中超出预算 0 个，未完成 0 个")
  for i = 1, 4 do
    t.eq(fixture.read(dir .. "/code" .. i), "200", "request " .. i .. " answered; log:\n" .. log)
    t.eq(fixture.read(dir .. "/body" .. i), "written 10")
  end
  conn = db.open(path, { readonly = true })
  t.eq(conn:first("PRAGMA integrity_check").integrity_check, "ok")
  for i = 1, 4 do
    t.eq(conn:first("SELECT count(*) AS n FROM serve_test WHERE req = ?", "r" .. i).n, 10, "rows of request " .. i)
  end
  conn:close()
  t.eq(os.execute("curl -s --max-time 5 -o /dev/null " .. q(srv.url .. "healthz")), nil,
    "no connection once stopped")
end)

test("SIGINT stops it the same way", function(t)
  local srv = fixture.start{}
  t.eq(srv:get("/healthz").status, 200)
  t.eq(srv:stop("INT"), 0, srv:log())
  t.match(srv:log(), "已停止（SIGINT）")
end)
