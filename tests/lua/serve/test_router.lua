-- policytk.serve.router and policytk.serve.respond in-process: the path check (what is refused
-- with 400, and why), routes as data (params, 404, 405 with Allow, duplicates refused at load),
-- escaping, redirects only to this site, downloads' file names.

local router = require "policytk.serve.router"
local respond = require "policytk.serve.respond"

local function h() return respond.text("ok") end

test("the path check refuses traversal and encoded forms, keeps ordinary paths", function(t)
  for _, p in ipairs({ "/..", "/../x", "/a/../b", "/%2e%2e", "/%2E%2E/x", "/.%2e/", "/a/%2f", "/a%2Fb", "/a%5cb",
                       "/%252e%252e", "/%25%32%65", "/a\\b", "/a\0b", "/%00", "/a//b", "/.", "/a/./b", "/%zz",
                       "/%4", "/%ff", "x", "" }) do
    local segs, why = router.segments(p)
    t.eq(segs, nil, p)
    t.ok(type(why) == "string" and why ~= "", p .. ": a reason")
  end
  t.eq(router.segments("/"), {})
  t.eq(router.segments("/targets/T01"), { "targets", "T01" })
  t.eq(router.segments("/units/%E5%B8%82%E7%BB%8F%E4%BF%A1%E5%B1%80"), { "units", "市经信局" })
  local segs = router.segments("/a/")
  t.eq(segs[1], "a")
  t.eq(segs.trailing, true)
end)

test("routes as data: params, 404, 405 with Allow, HEAD as GET", function(t)
  local r = router.new({
    { method = "GET", path = "/", handler = h },
    { method = "GET", path = "/targets/:id", handler = h },
    { method = "POST", path = "/targets/:id", handler = h },
    { method = "GET", path = "/units/:unit/tasks", handler = h },
  })
  local route, params = r:match("GET", "/targets/T%2001")
  t.eq(route.path, "/targets/:id")
  t.eq(params, { id = "T 01" })
  params = select(2, r:match("GET", "/units/%E5%B8%82%E7%BB%8F%E4%BF%A1%E5%B1%80/tasks"))
  t.eq(params.unit, "市经信局")
  t.eq(select(2, r:match("GET", "/targets")), 404)
  t.eq(select(2, r:match("GET", "/targets/T01/x")), 404)
  local _, status, allow = r:match("DELETE", "/targets/T01")
  t.eq({ status, allow }, { 405, "GET, POST" })
  t.eq(r:match("HEAD", "/").path, "/")
  t.eq(select(2, r:match("GET", "/targets/%2e%2e")), 400)
end)

test("a bad or duplicate route is refused when the router is built", function(t)
  t.raises(function() router.new({ { method = "GET", path = "/", handler = h, from = "a" },
                                   { method = "GET", path = "/", handler = h, from = "b" } }) end,
    "GET / is already routed by a")
  t.raises(function() router.new({ { method = "FETCH", path = "/", handler = h } }) end, "unknown method")
  t.raises(function() router.new({ { method = "GET", path = "x", handler = h } }) end, "starting with /")
  t.raises(function() router.new({ { method = "GET", path = "/" } }) end, "handler is not a function")
end)

test("respond: escaping, security headers, redirects only on this site, download names", function(t)
  t.eq(respond.escape([[<a href="x" onclick='y'>&</a>]]),
    "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
  t.eq(respond.escape(nil), "")
  local res = respond.html("<p>x</p>")
  t.eq(res.status, 200)
  t.eq(res.headers["X-Frame-Options"], "DENY")
  t.match(res.headers["Content-Type"], "text/html; charset=utf%-8")
  t.eq(respond.redirect("/login").headers.Location, "/login")
  t.raises(function() respond.redirect("https://evil.example/") end, "only a path on this site")
  t.raises(function() respond.redirect("//evil.example/") end, "only a path on this site")
  t.raises(function() respond.redirect("/a\r\nSet-Cookie: x=1") end, "only a path on this site")
  local d = respond.download("bytes", "温州 季度.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  t.match(d.headers["Content-Disposition"], "^attachment; filename=\"[%w_%.]+\"; filename%*=UTF%-8''%%E6%%B8%%A9")
  t.eq(respond.error(404).status, 404)
  t.match(respond.error(400, "<script>").body, "&lt;script&gt;")
  t.eq(respond.json({ a = 1 }).body, '{"a":1}\n')
end)
