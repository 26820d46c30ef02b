-- ctx.http of plugin runtime hooks (policytk.plugins.http) against the fixture portal: the
-- fixture plugin tests/fixtures/plugins/hooks/netcity lists only 127.0.0.1; its benefit rules
-- and its report builder reach 127.0.0.1, are refused localhost (the same server) with the
-- `forbidden` error naming the plugin, and staff scripts (`policytk run`) reach any host.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"
local plugins = require "policytk.plugins"
local benefits = require "policytk.benefits"
local portal = dofile(core.root .. "/tests/fixtures/portal/fixture.lua")

local srv = portal.start(60)
local DIR = portal.plugin_copy(srv, "hooks/netcity")
local ENV = { POLICYTK_PLUGIN_PATH = DIR, POLICYTK_DEFAULT_PLUGINS = "0" }
local LISTED = "http://127.0.0.1:" .. srv.port .. "/hello"
local OTHER = "http://localhost:" .. srv.port .. "/hello"
local REFUSED = "host of " .. OTHER .. " is not in the manifest hosts of plugin netcity"

local function load_plugin()
  local p = plugins.load("netcity", DIR .. "/netcity")
  assert(p.status == "ok", p.problems[1] and plugins.format_problem(p.problems[1]))
  local by = {}
  for _, b in ipairs(p.benefits) do by[b.id] = b end
  return p, by
end

test("benefit rules: ctx.http made on first use; the manifest's host reached, another refused", function(t)
  local p, by = load_plugin()
  local firm = benefits.firm{ name = "甲公司" }
  t.eq({ benefits.evaluate(p, by.offline, firm, 2024) }, { 300 })
  t.eq(p.http_client, nil)     -- a rule that never reads ctx.http creates no client
  t.eq({ benefits.evaluate(p, by.listed, firm, 2024) }, { 100, "你好，policytk\n" })
  t.eq(p.http_client.hosts, { "127.0.0.1" })
  t.eq({ benefits.evaluate(p, by.unlisted, firm, 2024) }, { 0, "forbidden: " .. REFUSED })
end)

test("benefit rules: the same through evaluate_all (one budgeted call per firm)", function(t)
  local p, by = load_plugin()
  local got = {}
  for _, e in ipairs(benefits.evaluate_all(p, { by.listed, by.unlisted, by.offline }, benefits.firm{}, 2024)) do
    got[#got + 1] = { e.benefit.id, e.amount, e.reason or false, e.error or false }
  end
  t.eq(got, { { "listed", 100, "你好，policytk\n", false }, { "unlisted", 0, "forbidden: " .. REFUSED, false },
              { "offline", 300, false, false } })
end)

test("a client's hosts list cannot be widened from outside", function(t)
  local c = require("policytk.http").client{ hosts = { "127.0.0.1" }, owner = "plugin netcity" }
  c.hosts[2] = "localhost"
  local r, err = c.get(OTHER, { retries = 0, timeout = 5 })
  t.eq(r, nil)
  t.eq({ err.category, err.message }, { "forbidden", REFUSED })
  t.raises(function() require("policytk.http").client{ hosts = {}, owner = 42 } end, "owner must be a string")
end)

test("report builder: ctx.http through the read-only ctx, the same two answers", function(t)
  local db = os.tmpname() .. ".db"
  local code, _, err = testing.policytk({ "load", "--db", db }, { env = ENV })
  t.eq(code, 0, err)
  local out
  code, out, err = testing.policytk({ "report", "netcity", "net", "--period", "2024", "--format", "json", "--db", db },
    { env = ENV })
  t.eq(code, 0, err)
  os.remove(db)
  t.eq(json.decode(out).sections[1].rows, {
    { url = LISTED, status = "200", body = "你好，policytk\n" },
    { url = OTHER, status = "forbidden", body = REFUSED },
  })
end)

test("staff scripts (policytk run) reach any host", function(t)
  local script = os.tmpname() .. ".lua"
  local f = assert(io.open(script, "w"))
  f:write(string.format([[
local r = assert(require("policytk.http").get(%q, { retries = 0, timeout = 5 }))
io.write(r.status, " ", r.body)
]], OTHER))
  f:close()
  local code, out, err = testing.policytk({ "run", script })
  os.remove(script)
  t.eq(code, 0, err)
  t.eq(out, "200 你好，policytk\n")
end)

-- The allow-list holds against other spellings of an address and names that resolve to one
-- (issue 18.10): a client listing only names reaches no loopback address however it is written.
test("other spellings of loopback, user@host and IPv6 forms are refused", function(t)
  local http = require "policytk.http"
  local c = http.client{ hosts = { "portal.example", "localhost" }, owner = "plugin netcity" }
  local port = srv.port
  for _, host in ipairs({ "127.1", "2130706433", "0x7f000001", "0177.0.0.1", "127.0.0.1", "[::1]",
                          "[::ffff:127.0.0.1]", "portal.example@127.0.0.1", "localhost" }) do
    local url = "http://" .. host .. ":" .. port .. "/hello"
    local r, err = c.get(url, { retries = 0, timeout = 5 })
    t.eq(r, nil, url)
    t.eq(err and err.category, "forbidden", url .. ": " .. tostring(err and err.message))
  end
  -- localhost is listed, but it resolves to 127.0.0.1 / ::1, which the list does not name
  local _, err = c.get("http://localhost:" .. port .. "/hello", { retries = 0, timeout = 5 })
  t.match(err.message, "resolves to [%x:.]+, a loopback, private or link%-local address the manifest hosts of plugin netcity do not list")
  -- a loopback literal that is listed is reached, under any user name
  local listed = http.client{ hosts = { "127.0.0.1" }, owner = "plugin netcity" }
  local r = listed.get("http://localhost@127.0.0.1:" .. port .. "/hello", { retries = 0, timeout = 5 })
  t.eq(r and r.status, 200)
  local _, e2 = listed.get("http://127.0.0.1@localhost:" .. port .. "/hello", { retries = 0, timeout = 5 })
  t.eq(e2.category, "forbidden")
  -- a redirect to another host stays refused
  local _, e3 = listed.get("http://127.0.0.1:" .. port .. "/redirect-away", { retries = 0, timeout = 5 })
  t.eq(e3.category, "forbidden")
  t.match(e3.message, "redirect to http://localhost:" .. port .. "/hello, a host the manifest of plugin netcity does not list")
end)

test("stop the fixture portal", function(t)
  srv:stop()
  local _, err = require("policytk.http").get(LISTED, { retries = 0, timeout = 2 })
  t.eq(err.category, "connect")
end)
