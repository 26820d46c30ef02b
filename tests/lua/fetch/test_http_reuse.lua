-- policytk.http reuses each curl handle for the next transfer of its slot (core/http_multi.c):
-- nothing of one request may reach the next one — a size cap, a timeout, a method, a body,
-- headers — and a body that arrives in many pieces comes back whole, checked as UTF-8.
-- Against the fixture portal on 127.0.0.1 (tests/fixtures/portal).

local core = require "policytk.core"
local http = require "policytk.http"
local json = require "policytk.json"
local portal = dofile(core.root .. "/tests/fixtures/portal/fixture.lua")

local srv = portal.start(60)
local B = srv.base
local ONE = { concurrency = 1, per_host = 1 }   -- one slot: every request on the same handle

test("reuse: a size cap, a timeout and a method apply to their own request only", function(t)
  local res = http.fetch_all({
    { url = B .. "/big?n=5000", max_size = 1000, retries = 0 },
    { url = B .. "/big?n=5000", max_size = 0 },             -- 0: no cap (not the one before)
    { url = B .. "/slow?s=0.4", timeout = 0.1, retries = 0 },
    { url = B .. "/slow?s=0.4", timeout = 0 },              -- 0: no time limit
    { url = B .. "/hello", method = "PUT", body = "x=1", retries = 0 },
    B .. "/headers",
    { url = B .. "/binary", method = "HEAD" },
    B .. "/binary",
    { url = B .. "/echo", body = { a = "1" } },
    { url = B .. "/hello", method = "DELETE", retries = 0 },
    B .. "/headers",
  }, ONE)
  t.eq(res[1].category, "too_large")
  t.eq({ res[2].status, #res[2].raw }, { 200, 5000 })
  t.eq(res[3].category, "timeout")
  t.eq({ res[4].status, res[4].body }, { 200, "slow" })
  t.eq(res[5].status, 501)                       -- the portal has no PUT
  local h = json.decode(res[6].body)
  t.eq({ h["Content-Length"], h["Content-Type"] }, { nil, nil })
  t.eq({ res[7].status, res[7].raw }, { 200, "" })
  t.eq({ res[8].status, res[8].raw }, { 200, "%PDF-1.4\xff\xfe" })
  t.eq(json.decode(res[9].body).form, { a = { "1" } })
  t.eq(res[10].status, 501)                      -- nor DELETE
  h = json.decode(res[11].body)
  t.eq({ h["Content-Length"], h["Content-Type"] }, { nil, nil })
end)

test("reuse: the same answers with a fresh handle per request and with one handle for all", function(t)
  local urls = { B .. "/hello", B .. "/bad-bytes.html", B .. "/gbk-wrong-meta.html", B .. "/etag.html" }
  local log = require "policytk.log"
  local old = log.set_sink(function() end)
  local one = http.fetch_all(urls, ONE)
  local fresh = {}
  for i, u in ipairs(urls) do fresh[i] = assert(http.get(u)) end
  log.set_sink(old)
  for i = 1, #urls do
    t.eq({ one[i].status, one[i].body, one[i].charset, one[i].replaced },
         { fresh[i].status, fresh[i].body, fresh[i].charset, fresh[i].replaced })
  end
end)

test("a 3 MB body that arrives in many pieces is its own text", function(t)
  local r = assert(http.get(B .. "/big?n=3000000", { retries = 0 }))
  t.eq(#r.raw, 3000000)
  t.ok(r.body == r.raw, "valid UTF-8 (ASCII) in pieces: the body is the bytes")
  t.eq({ r.charset, r.replaced }, { "utf-8", 0 })
end)

test("stop the fixture portal", function(t)
  srv:stop()
  local _, err = http.get(B .. "/hello", { retries = 0, timeout = 2 })
  t.eq(err.category, "connect")
end)
