-- Crash test: kill -9 a large import midway; the database then opens, passes
-- PRAGMA integrity_check, and holds either all of the file or none of it.

local core = require "policytk.core"
local testing = require "policytk.testing"
local q = testing.shell_quote

test("kill -9 during an import leaves all or nothing", function(t)
  local dir = os.tmpname()
  os.remove(dir)
  assert(require("policytk.fs").mkdirs(dir))
  local db, csv = dir .. "/p.db", dir .. "/obs.csv"
  t.eq((testing.policytk({ "init", "--db", db })), 0)
  t.eq((testing.policytk({ "load", "--db", db })), 0)
  local code, out = testing.policytk({ "run", core.root .. "/bench/gen_observations.lua", "150000", csv })
  t.eq(code, 0)
  t.eq(out, "150000\n")
  local exe = q(os.getenv("POLICYTK_EXE"))
  -- start the import, let it work for a moment, then kill it without warning
  local cmd = string.format("%s import --db %s %s >/dev/null 2>&1 & pid=$!; sleep 0.7; "
    .. "if kill -0 $pid 2>/dev/null; then kill -9 $pid; echo killed; else echo finished; fi; wait $pid 2>/dev/null; true",
    exe, q(db), q(csv))
  local p = io.popen(cmd)
  local how = p:read("a")
  p:close()
  t.eq(how, "killed\n", "the import finished before it could be killed: make the file larger")
  local conn = require("policytk.data.store").open(db)
  t.eq(conn:first("PRAGMA integrity_check").integrity_check, "ok")
  local n = conn:first("SELECT count(*) AS n FROM observations").n
  t.ok(n == 0 or n == 150000, "a partial import is visible: " .. n .. " rows")
  conn:close()
  -- and the same file imports completely afterwards
  code = testing.policytk({ "import", "--db", db, csv })
  t.eq(code, 0)
  conn = require("policytk.data.store").open(db)
  t.eq(conn:first("SELECT count(*) AS n FROM observations").n, 150000)
  conn:close()
  os.execute("rm -rf " .. q(dir))
end)
