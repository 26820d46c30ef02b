-- Ctrl-C in the middle of a fetch: what finished is kept, nothing is half-written. SIGINT is
-- sent to `policytk fetch` while it waits on the fixture portal's slow article; the database
-- then passes PRAGMA integrity_check, every stored version's text matches its hash, and a
-- second fetch completes the rest.

local core = require "policytk.core"
local testing = require "policytk.testing"
local fetch = require "policytk.fetch"
local portal = dofile(core.root .. "/tests/fixtures/portal/fixture.lua")
local q = testing.shell_quote

test("SIGINT during a fetch keeps finished versions whole", function(t)
  local srv = portal.start(60)
  local plugin_path = portal.plugin_dir(srv)
  local db = os.tmpname()
  os.remove(db)
  local env = string.format("POLICYTK_PLUGIN_PATH=%s POLICYTK_DEFAULT_PLUGINS=0 POLICYTK_FETCH_DELAY=0 "
    .. "POLICYTK_FETCH_TIMEOUT=3 POLICYTK_FETCH_RETRIES=0 POLICYTK_DB=%s", q(plugin_path), q(db))
  local cmd = string.format("cd %s && env %s %s fetch >/dev/null 2>&1 & pid=$!; sleep 1.2; "
    .. "if kill -0 $pid 2>/dev/null; then kill -INT $pid; echo interrupted; else echo finished; fi; "
    .. "wait $pid; echo \"status $?\"", q(core.root), env, q(os.getenv("POLICYTK_EXE")))
  local p = io.popen(cmd)
  local out = p:read("a")
  p:close()
  t.match(out, "^interrupted\n", "the fetch ended before the interrupt: " .. out)
  t.ok(not out:find("status 0\n", 1, true), "an interrupted fetch does not report success: " .. out)
  local conn = require("policytk.data.store").open(db)
  t.eq(conn:first("PRAGMA integrity_check").integrity_check, "ok")
  local n = 0
  for r in conn:rows("SELECT hash, text FROM fetched_versions") do
    n = n + 1
    t.eq(fetch.hash(r.text), r.hash, "a stored version is whole")
  end
  t.ok(n > 0, "nothing had finished before the interrupt: the test shows nothing")
  conn:close()
  -- and a later fetch picks up where it stopped
  local code = testing.policytk({ "fetch" }, { cwd = core.root, env = {
    POLICYTK_PLUGIN_PATH = plugin_path, POLICYTK_DEFAULT_PLUGINS = "0", POLICYTK_FETCH_DELAY = "0",
    POLICYTK_FETCH_TIMEOUT = "1", POLICYTK_FETCH_RETRIES = "0", POLICYTK_DB = db } })
  t.eq(code, 1)      -- the fixture portal's faulty pages fail as in test_fetch.lua
  conn = require("policytk.data.store").open(db)
  t.ok(conn:first("SELECT count(*) AS n FROM fetched_versions").n >= n)
  conn:close()
  srv:stop()
  os.remove(db)
end)
