-- The process's writer turn (db.open serialize_writers; core/db_writer.c): a connection that
-- asks for it writes only in its turn — inside conn:transaction and for a writing conn:run in
-- autocommit — and gives the turn back on every way out (commit, an error in the function, a
-- failed statement), so that the next writer gets it at once. Two connections of one thread
-- show it: while one holds the turn the other waits its busy timeout and is refused by name.

local db = require "policytk.db"
local testing = require "policytk.testing"

local PATH = testing.tmp_path() .. ".db"
local setup = db.open(PATH)
setup:exec("CREATE TABLE t (x INTEGER NOT NULL)")
setup:close()

local function open() return db.open(PATH, { serialize_writers = true, busy_timeout_ms = 150 }) end

test("while one connection holds the turn, another's write waits and is refused by name", function(t)
  local a, b = open(), open()
  a:transaction(function()
    a:run("INSERT INTO t VALUES (1)")
    local ok, err = pcall(b.run, b, "INSERT INTO t VALUES (2)")
    t.eq(ok, false)
    t.match(tostring(err), "another writer of this process held it; waited 150 ms")
    ok, err = pcall(b.transaction, b, function() end)
    t.eq(ok, false, "a transaction waits for the turn too")
    t.match(tostring(err), "another writer of this process")
    t.eq(b:first("SELECT count(*) AS n FROM t").n, 0, "reads do not wait")
  end)
  b:run("INSERT INTO t VALUES (3)")
  t.eq(b:first("SELECT count(*) AS n FROM t").n, 2, "after the commit the other connection writes")
  a:close(); b:close()
end)

test("the turn is given back when the function raises and when a statement fails", function(t)
  local a, b = open(), open()
  t.eq(pcall(a.transaction, a, function() error("stop") end), false)
  b:run("INSERT INTO t VALUES (4)")
  t.eq(pcall(a.run, a, "INSERT INTO t VALUES (NULL)"), false, "a NOT NULL failure")
  b:run("INSERT INTO t VALUES (5)")
  t.eq(pcall(a.transaction, a, function() a:run("INSERT INTO t VALUES (NULL)") end), false)
  b:transaction(function() b:run("INSERT INTO t VALUES (6)") end)
  t.eq(b:first("SELECT count(*) AS n FROM t").n, 5)
  a:close(); b:close()
end)

test("a COMMIT that fails gives the turn back and keeps its message", function(t)
  local a, b = open(), open()
  a:exec("CREATE TABLE IF NOT EXISTS p (id INTEGER PRIMARY KEY)")
  a:exec("CREATE TABLE IF NOT EXISTS c (p INTEGER REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)")
  local ok, err = pcall(a.transaction, a, function() a:run("INSERT INTO c VALUES (42)") end)
  t.eq(ok, false)
  t.match(tostring(err), "FOREIGN KEY constraint failed")
  t.match(tostring(err), "COMMIT")
  b:run("INSERT INTO t VALUES (7)")
  t.eq(b:first("SELECT count(*) AS n FROM c").n, 0, "rolled back")
  a:close(); b:close()
end)

test("an unknown option is named; serialize_writers must be a boolean", function(t)
  t.raises(function() db.open(PATH, { serialize_writers = "yes" }) end, "serialize_writers must be a boolean")
end)
