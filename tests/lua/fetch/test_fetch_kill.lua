-- A fetch killed (SIGKILL) in the middle of a column keeps what it had fetched, and a rerun
-- asks fully only for what is missing (issue 18.11). The fixture portal's column 1005 has 60
-- articles; article 3030 hangs while the portal's hang switch is on. Articles are fetched in
-- batches (default twice the concurrency of 4) and stored as each batch comes in: once the
-- batches before the hanging one are stored the fetch is killed; then, the switch off, a
-- second fetch gets 304 for every stored article and 200 for the rest.

local core = require "policytk.core"
local testing = require "policytk.testing"
local db = require "policytk.db"
local json = require "policytk.json"
local portal = dofile(core.root .. "/tests/fixtures/portal/fixture.lua")
local q = testing.shell_quote

-- Versions stored in the database at path so far (0 while it is absent or busy).
local function stored(path)
  local ok, n = pcall(function()
    local conn = db.open(path, { readonly = true, busy_timeout_ms = 200 })
    local c = conn:first("SELECT count(*) AS n FROM fetched_versions").n
    conn:close()
    return c
  end)
  return ok and n or 0
end

local function stats(srv)
  local res = require("policytk.http").get(srv.base .. "/__stats", { retries = 0, timeout = 5 })
  return json.decode(res.body)
end

test("a killed fetch keeps the articles it stored; a rerun fetches only the missing ones", function(t)
  local srv = portal.start(120)
  local plugin_path = portal.plugin_copy(srv, "portal/manycity")
  local path = testing.tmp_path()
  local env = { POLICYTK_PLUGIN_PATH = plugin_path, POLICYTK_DEFAULT_PLUGINS = "0", POLICYTK_FETCH_DELAY = "0",
                POLICYTK_FETCH_TIMEOUT = "120", POLICYTK_FETCH_RETRIES = "0", POLICYTK_DB = path }
  local parts = {}
  for k, v in pairs(env) do parts[#parts + 1] = k .. "=" .. q(v) end
  local p = io.popen(string.format("cd %s && env %s %s fetch >/dev/null 2>&1 & echo $!", q(core.root),
    table.concat(parts, " "), q(os.getenv("POLICYTK_EXE"))))
  local pid = p:read("l")
  p:close()
  -- the three batches before the hanging article: 24 articles, within 30 s even under ASan
  local n, waited = 0, 0
  while n < 24 and waited < 30 do
    os.execute("sleep 0.2")
    waited = waited + 0.2
    n = stored(path)
  end
  os.execute("kill -KILL " .. pid .. " 2>/dev/null")
  t.ok(n >= 24, string.format("%d articles stored after %.1f s while article 3030 hangs", n, waited))
  n = stored(path)
  t.ok(n < 60, "the kill came before the end")
  srv:set_revision(1)
  require("policytk.http").get(srv.base .. "/__set?hang=0", { retries = 0 })
  local before = stats(srv)
  local code, out, err = testing.policytk({ "fetch", "--format", "csv" }, { cwd = core.root, env = env })
  t.eq(code, 0, out .. err)
  local after = stats(srv)
  t.eq(after.ok - before.ok, 60 - n, "articles fetched in full by the rerun")
  t.eq(after.not_modified - before.not_modified, n, "stored articles asked only conditionally")
  t.eq(stored(path), 60)
  srv:stop()
  os.remove(path)
end)
