-- policytk.http and policytk.html against the fixture portal on 127.0.0.1 (tests/fixtures/portal):
-- charsets, conditional requests, retries, every transport failure by category, the host
-- allow-list, fetch_all order and caps; XPath, text, links, embedded XML and malformed input.

local core = require "policytk.core"
local http = require "policytk.http"
local html = require "policytk.html"
local portal = dofile(core.root .. "/tests/fixtures/portal/fixture.lua")

local srv = portal.start(60)
local B = srv.base
local FAST = { retries = 0, timeout = 5 }

test("get: status, headers, UTF-8 body, final URL, user agent", function(t)
  local r = assert(http.get(B .. "/hello", FAST))
  t.eq(r.status, 200)
  t.eq(r.body, "你好，policytk\n")
  t.eq(r.raw, "你好，policytk\n")
  t.eq(r.charset, "utf-8")
  t.eq(r.url, B .. "/hello")
  t.eq(r.headers["content-type"], "text/plain; charset=utf-8")
  t.match(r.headers["x-ua"], "^policytk/" .. core.version:gsub("%.", "%%.") .. " ")
  t.ok(r.elapsed > 0 and r.elapsed < 5)
end)

test("clock: monotonic seconds, the clock a response's elapsed is measured with", function(t)
  local t0 = http.clock()
  local r = assert(http.get(B .. "/slow?s=0.2", FAST))
  local t1 = http.clock()
  t.eq(math.type(t0), "float")
  t.ok(r.elapsed >= 0.2, "elapsed " .. r.elapsed)
  t.ok(t1 - t0 >= r.elapsed, string.format("%.6f around %.6f", t1 - t0, r.elapsed))
  t.ok(t1 - t0 < 5)
end)

test("charset: the header's GBK wins over a <meta> that says UTF-8", function(t)
  local r = assert(http.get(B .. "/gbk-wrong-meta.html", FAST))
  t.eq(r.charset, "gbk")
  t.eq(r.replaced, 0)
  t.match(r.body, "<p>支持中小微企业发展，减免租金3个月。</p>")
  t.ok(r.raw ~= r.body)
end)

test("charset: <meta http-equiv> gb2312 when the header has none", function(t)
  local r = assert(http.get(B .. "/gbk-meta-only.html", FAST))
  t.eq(r.charset, "gb2312")
  t.match(r.body, "<p>民营经济</p>")
end)

test("charset: invalid bytes are replaced, counted and logged with the URL", function(t)
  local lines = {}
  local log = require "policytk.log"
  local old = log.set_sink(function(l) lines[#lines + 1] = l end)
  local r = assert(http.get(B .. "/bad-bytes.html", FAST))
  log.set_sink(old)
  t.eq(r.replaced, 2)
  t.eq(r.body, "<p>好\u{FFFD}\u{FFFD}坏</p>")
  t.match(lines[1], "bad%-bytes%.html: 2 invalid byte sequence%(s%) replaced while decoding as utf%-8")
end)

test("binary types keep raw bytes and no body", function(t)
  local r = assert(http.get(B .. "/binary", FAST))
  t.eq(r.body, nil)
  t.eq(r.raw, "%PDF-1.4\xff\xfe")
end)

test("conditional request: ETag → 304 with an empty body", function(t)
  local r = assert(http.get(B .. "/etag.html", FAST))
  t.eq(r.status, 200)
  t.match(r.headers.etag, '^"%x+"$')
  t.eq(r.headers["last-modified"], "Tue, 05 Mar 2024 01:00:00 GMT")
  local again = assert(http.get(B .. "/etag.html", { etag = r.headers.etag, last_modified = r.headers["last-modified"],
                                                   retries = 0 }))
  t.eq(again.status, 304)
  t.eq(again.raw, "")
end)

test("retries: 500 twice then 200; with one retry the 500 is a normal response", function(t)
  local r = assert(http.get(B .. "/flaky?k=t1", { retries = 2, retry_delay = 0.01 }))
  t.eq({ r.status, r.body, r.attempts }, { 200, "ok after 3", 3 })
  r = assert(http.get(B .. "/flaky?k=t2", { retries = 1, retry_delay = 0.01 }))
  t.eq({ r.status, r.attempts }, { 500, 2 })
end)

test("4xx is a normal response and never retried", function(t)
  local r = assert(http.get(B .. "/notfound", { retries = 3, retry_delay = 0.01 }))
  t.eq({ r.status, r.attempts }, { 404, 1 })
end)

test("failures come back as nil, err with a category", function(t)
  local cases = {
    { B .. "/slow?s=2", { timeout = 0.3, retries = 0 }, "timeout" },
    { B .. "/loop", { retries = 0 }, "too_many_redirects" },
    { B .. "/truncated", { retries = 0 }, "truncated" },
    { B .. "/big?n=300000", { max_size = 100000, retries = 0 }, "too_large" },
    { "http://127.0.0.1:1/", { retries = 0 }, "connect" },
  }
  for _, c in ipairs(cases) do
    local r, err = http.get(c[1], c[2])
    t.eq(r, nil, c[1])
    t.eq(err.category, c[3], c[1])
    t.ok(http.is_error(err))
    t.match(tostring(err), "^http " .. c[3]:gsub("_", "_") .. ": .+ %(http://127%.0%.0%.1:%d+/")
  end
end)

test("redirects are followed; the final URL is reported", function(t)
  local r = assert(http.get(B .. "/redirect", FAST))
  t.eq({ r.status, r.url, r.redirects }, { 200, B .. "/etag.html", 1 })
  local _, err = http.get(B .. "/redirect", { max_redirects = 0, retries = 0 })
  t.eq(err.category, "too_many_redirects")
end)

test("client{hosts}: other hosts are refused, also through a redirect", function(t)
  local c = http.client{ hosts = { "127.0.0.1" } }
  t.eq(assert(c.get(B .. "/hello", FAST)).status, 200)
  local _, err = c.get(B .. "/redirect-away", FAST)
  t.eq(err.category, "forbidden")
  t.match(err.message, "redirect to http://localhost:%d+/hello")
  local other = http.client{ hosts = { "www.hangzhou.gov.cn" } }
  _, err = other.get(B .. "/hello", FAST)
  t.eq(err.category, "forbidden")
  -- staff scripts (the plain module) reach any host
  t.eq(assert(http.get(B .. "/redirect-away", FAST)).status, 200)
end)

test("client{hosts}: each URL of a batch is checked, whatever origin came before it", function(t)
  local c = http.client{ hosts = { "127.0.0.1" } }
  local other = B:gsub("127%.0%.0%.1", "localhost")
  local res = c.fetch_all({ B .. "/hello", B .. "/hello?x=1", other .. "/hello", B .. "/hello",
                            B .. "@localhost/hello", B .. "/hello" }, { concurrency = 2 })
  local got = {}
  for i, r in ipairs(res) do got[i] = http.is_error(r) and r.category or r.status end
  t.eq(got, { 200, 200, "forbidden", 200, "forbidden", 200 })
  t.match(res[5].message, "host of " .. B:gsub("%p", "%%%0") .. "@localhost/hello is not")
  -- a URL curl refuses is refused in a batch too, after one of the same origin
  t.raises(function() http.fetch_all({ B .. "/hello", B .. "/a b" }) end, "not an http%(s%) URL: .*/a b")
end)

test("misuse raises", function(t)
  t.raises(function() http.get("ftp://example.org/x") end, "not an http%(s%) URL: ftp://example.org/x")
  t.raises(function() http.get(B, { timeout = "soon" }) end, "option timeout must be a number")
  t.raises(function() http.post(B, 42) end, "string or form table")
  t.raises(function() http.get(B, { headers = { ["X-A"] = "a\r\nB: c" } }) end, "line break")
  t.raises(function() http.fetch_all({ 42 }) end, "request 1 must be a URL or a table")
end)

test("post: a form table is url-encoded with sorted keys", function(t)
  local r = assert(http.post(B .. "/echo", { b = "中 文", a = "1&2" }, FAST))
  local j = require("policytk.json").decode(r.body)
  t.eq(j.form, { a = { "1&2" }, b = { "中 文" } })
  t.eq(j.ctype, "application/x-www-form-urlencoded")
  r = assert(http.request{ url = B .. "/echo", method = "POST", body = "x=1", retries = 0,
                           headers = { ["Content-Type"] = "application/x-www-form-urlencoded" } })
  t.eq(require("policytk.json").decode(r.body).form, { x = { "1" } })
end)

test("fetch_all: results in request order, errors in place", function(t)
  local res = http.fetch_all({ B .. "/slow?s=0.3", B .. "/hello", { url = B .. "/notfound", retries = 0 },
                               { url = B .. "/loop", retries = 0 } }, { concurrency = 4, per_host = 4 })
  t.eq(#res, 4)
  t.eq(res[1].body, "slow")
  t.eq(res[2].body, "你好，policytk\n")
  t.eq(res[3].status, 404)
  t.eq(res[4].category, "too_many_redirects")
  t.eq(http.fetch_all({}), {})
end)

local function wall()
  local p = io.popen("date +%s.%N")
  local v = tonumber(p:read("l"))
  p:close()
  return v
end

test("fetch_all: per_host 1 serializes, the polite delay spaces the starts", function(t)
  local reqs = {}
  for i = 1, 3 do reqs[i] = B .. "/slow?s=0.2" end
  local t0 = wall()
  local res = http.fetch_all(reqs, { concurrency = 8, per_host = 1 })
  local serial = wall() - t0
  for i = 1, 3 do t.eq(res[i].status, 200) end
  t.ok(serial >= 0.6, "three 0.2 s requests one at a time take ≥ 0.6 s; took " .. serial)
  t0 = wall()
  res = http.fetch_all(reqs, { concurrency = 8, per_host = 3 })
  t.eq(res[3].body, "slow")
  local parallel = wall() - t0
  t.ok(parallel < 0.55, "three at once take < 0.55 s; took " .. parallel)
  t0 = wall()
  res = http.fetch_all({ B .. "/hello", B .. "/hello", B .. "/hello" }, { per_host = 3, delay = 0.25 })
  local spaced = wall() - t0
  t.eq(res[3].status, 200)
  t.ok(spaced >= 0.5, "starts 0.25 s apart: ≥ 0.5 s; took " .. spaced)
end)

test("fetch_all: one slot reuses its curl handle without carrying options into the next request", function(t)
  local json = require "policytk.json"
  local log = require "policytk.log"
  local first = assert(http.get(B .. "/etag.html", FAST))
  local old = log.set_sink(function() end)
  local res = http.fetch_all({
    { url = B .. "/etag.html", etag = first.headers.etag, headers = { ["X-Probe"] = "1" }, retries = 0 },
    B .. "/headers",
    { url = B .. "/echo", body = { a = "1" } },
    B .. "/headers",
    B .. "/gbk-wrong-meta.html",
    B .. "/bad-bytes.html",
    { url = B .. "/binary", method = "HEAD" },
    B .. "/hello",
  }, { concurrency = 1, per_host = 1 })
  log.set_sink(old)
  t.eq(res[1].status, 304)
  t.eq({ res[1].body, res[1].charset, res[1].replaced }, { "", "utf-8", 0 })
  local h = json.decode(res[2].body)
  t.eq({ h["X-Probe"], h["If-None-Match"], h["Content-Length"] }, { nil, nil, nil })
  t.eq(json.decode(res[3].body).form, { a = { "1" } })
  h = json.decode(res[4].body)
  t.eq({ h["Content-Type"], h["Content-Length"] }, { nil, nil })
  t.eq({ res[5].charset, res[5].replaced }, { "gbk", 0 })
  t.match(res[5].body, "减免租金3个月")
  t.eq({ res[6].charset, res[6].replaced, res[6].body }, { "utf-8", 2, "<p>好\u{FFFD}\u{FFFD}坏</p>" })
  t.eq({ res[7].status, res[7].raw, res[7].body }, { 200, "", nil })
  t.eq(res[8].body, "你好，policytk\n")
end)

test("fetch_all: valid UTF-8 pages are their own text, whole, in order", function(t)
  local urls = {}
  for i = 1, 40 do urls[i] = B .. "/bench/art_" .. i .. ".html" end
  local res = http.fetch_all(urls, { concurrency = 8, per_host = 8 })
  for i = 1, 40 do
    local r = res[i]
    t.eq({ r.status, r.charset, r.replaced }, { 200, "utf-8", 0 })
    t.eq(#r.raw, tonumber(r.headers["content-length"]))
    t.ok(r.body == r.raw, "page " .. i .. ": the body is the bytes as received")
    t.match(r.body, "<title>小微企业政策" .. i .. "</title>")
  end
end)

-- html ------------------------------------------------------------------------------------

test("html: xpath nodes, attributes, text(), links resolved against the page URL", function(t)
  local doc = assert(html.parse([[<html><head><title> 标题 </title></head><body>
    <ul><li><a href="../a/1.html" title="一">第一</a><span>2024- 03- 05</span></li>
    <li><a href="/b/2.html">第  二</a></li></ul></body></html>]], "http://x.gov.cn/col/list.html"))
  local links = doc:xpath("//li/a")
  t.eq(#links, 2)
  t.eq(links[1]:attr("title"), "一")
  t.eq(links[1]:link(), "http://x.gov.cn/a/1.html")
  t.eq(links[2]:link(), "http://x.gov.cn/b/2.html")
  t.eq(links[2]:text(), "第 二")
  t.eq(doc:xpath("//a/@href"), { "../a/1.html", "/b/2.html" })
  t.eq(doc:xpath("//span/text()"), { "2024- 03- 05" })
  t.eq(doc:text("//title"), "标题")
  t.eq(doc:text("//nothing"), nil)
  t.eq(doc:xpath("count(//li)"), 2)
  t.eq(doc:xpath("string(//li[1]/a/@title)"), "一")
  local li = doc:xpath("//li")[1]
  t.eq(li:text(".//span"), "2024- 03- 05")
  t.eq(#li:xpath(".//a"), 1)
  t.eq(li:name(), "li")
  t.eq(doc.url, "http://x.gov.cn/col/list.html")
end)

test("html: lines() keeps paragraphs, skips scripts and comments", function(t)
  local doc = assert(html.parse("<div id=zoom><p>　　第一段  文字</p><!-- c --><script>var x;</script>"
    .. "<p>第二段<br>换行</p></div>"))
  t.eq(doc:lines("//div"), "第一段 文字\n第二段\n换行")
  t.eq(doc:text("//div"), "第一段 文字 第二段 换行")
end)

test("html: CDATA records of an embedded <script type=text/xml> datastore", function(t)
  local doc = assert(html.parse([==[<div id="u1"><script type="text/xml"><datastore><recordset>
    <record><![CDATA[<li><a href="/art/1.html">甲</a></li>]]></record>
    <record><![CDATA[<li><a href="/art/2.html">乙</a></li>]]></record></recordset></datastore></script></div>]==]))
  local xml = assert(html.xml(doc:xpath("//script[@type='text/xml']")[1]:text()))
  local recs = xml:xpath("//record")
  t.eq(#recs, 2)
  t.eq(recs[2]:text(), '<li><a href="/art/2.html">乙</a></li>')
end)

test("html: malformed input", function(t)
  local doc = assert(html.parse("<html><body><div id=zoom><p>未闭合<b>标签<table><tr><td>单元</div></body>"))
  t.eq(doc:lines("//*[@id='zoom']"), "未闭合标签\n单元")
  local d, err = html.parse("")
  t.eq(d, nil)
  t.eq(err, "html.parse: empty document")
  d, err = html.xml("<datastore><record><![CDATA[<li>")
  t.eq(d, nil)
  t.match(err, "^malformed XML %(line 1%)")
  t.raises(function() doc:xpath("//[[") end, "invalid XPath expression: //%[%[")
  t.eq(html.resolve("http://a.cn/b/c.html", "../d.html"), "http://a.cn/d.html")
end)

test("stop the fixture portal", function(t)
  srv:stop()
  local _, err = http.get(B .. "/hello", { retries = 0, timeout = 2 })
  t.eq(err.category, "connect")
end)
