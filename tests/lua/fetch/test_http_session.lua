-- policytk.http keeps a state's connections open between calls (core/http_multi.c, the
-- session): the next get or fetch_all to the same host reuses them, a call made while another
-- runs gets its own, an error in the middle of a batch gives the session back, and a connection
-- the server closed is replaced rather than failing the request.
-- Against the fixture portal on 127.0.0.1 (tests/fixtures/portal): /peer answers with the
-- client's address and port, so the same port means the same connection.

local core = require "policytk.core"
local http = require "policytk.http"
local log = require "policytk.log"
local portal = dofile(core.root .. "/tests/fixtures/portal/fixture.lua")

local srv = portal.start(60)
local B = srv.base

local function peer(opts)
  local r = assert(http.get(B .. "/peer", opts))
  assert(r.status == 200, "peer: status " .. tostring(r.status))
  return r.body
end

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

test("session: two gets in a row go over one connection", function(t)
  local a, b = peer(), peer()
  t.ok(a:match("^127%.0%.0%.1:%d+$"), a)
  t.eq(b, a)
end)

test("session: a fetch_all reuses the connections the one before opened", function(t)
  local urls = {}
  for i = 1, 8 do urls[i] = B .. "/peer" end
  local opts = { concurrency = 2, per_host = 2 }
  local first, again = {}, {}
  for i, r in ipairs(http.fetch_all(urls, opts)) do first[i] = r.body end
  for i, r in ipairs(http.fetch_all(urls, opts)) do again[i] = r.body end
  local opened = set_of(first)
  local n = 0
  for _ in pairs(opened) do n = n + 1 end
  t.ok(n >= 1 and n <= 2, "at most per_host connections: " .. n)
  for i = 1, #again do t.ok(opened[again[i]], "request " .. i .. " of the second call on a kept connection") end
end)

test("session: a call made while a batch runs gets its own handles, and both answer", function(t)
  local inner = {}
  -- the warning about bad-bytes.html is logged between two curl calls of the outer batch
  local old = log.set_sink(function() inner[#inner + 1] = peer() end)
  local res = http.fetch_all({ B .. "/bad-bytes.html", B .. "/hello" }, { concurrency = 1 })
  log.set_sink(old)
  t.eq(#inner, 1)
  t.ok(inner[1]:match("^127%.0%.0%.1:%d+$"), inner[1])
  t.eq({ res[1].status, res[2].status, res[2].body }, { 200, 200, "你好，policytk\n" })
  t.ok(res[1].replaced > 0)
  t.eq(peer(), peer())   -- the session is free again: kept connections as before
end)

test("session: an error in the middle of a batch gives the session back", function(t)
  -- a memory budget too small for the second body: raised while turning it into a string,
  -- between two curl calls, with the third transfer still under way
  local urls = { B .. "/hello", B .. "/big?n=400000", B .. "/slow?s=0.3" }
  local ok, msg, stopped = core.limited_call({ memory = 200000, label = "batch" }, http.fetch_all, urls,
    { concurrency = 1 })
  t.eq({ ok, stopped }, { false, "memory" })
  t.ok(tostring(msg):find("memory limit", 1, true), tostring(msg))
  local a, b = peer(), peer()
  t.eq(b, a)
  local r = assert(http.get(B .. "/big?n=400000"))   -- and the next batch runs whole
  t.eq(#r.raw, 400000)
end)

test("session: a kept connection the server closed is replaced, not an error", function(t)
  local r = assert(http.get(B .. "/peer?close=1", { retries = 0 }))   -- answered, then closed
  t.eq(r.status, 200)
  local a = r.body
  local b = peer({ retries = 0 })            -- over a new connection, without an error
  t.ok(b:match("^127%.0%.0%.1:%d+$"), b)
  t.ok(b ~= a, "a new connection: " .. b)
  t.eq(peer(), b)                            -- and that one is kept
end)

test("stop the fixture portal", function()
  srv:stop()
end)
