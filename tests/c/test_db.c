/*
** test_db.c — cmocka tests of the policytk.db module (core/lua_db.c).
**
** Each test gets a fresh host lua_State with a global `db` and a temporary folder DIR
** (tests/c/harness.h), and drives the module with Lua snippets using the harness's helpers
** `eq(a, b)` and `fails(fn, text)`.
**
** Its other half: tests/lua/data/test_store.lua (the store over policytk.db).
*/
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>
#include <sqlite3.h>

#include "policytk.h"
#include "harness.h"

static int setup(void **state) {
  ptk_fixture *f = ptk_fixture_new("db");
  ptk_test_open(f->L, "policytk.db", luaopen_policytk_db, "db");   /* linked in, opened as require would */
  ptk_fixture_ready(f, NULL);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  ptk_fixture_free(*state);             /* closes whatever a test left open */
  return 0;
}

static void run(lua_State *L, const char *code) { ptk_test_run(L, code); }

/* ------------------------------------------------------------------ tests */

static void test_module(void **state) {
  run(L_, "eq(tostring(db.NULL), 'NULL', 'tostring(db.NULL)')\n"
          "eq(type(db.NULL), 'userdata')\n"
          "eq(require('policytk.db'), db, 'require twice')\n"
          "assert(type(db.open) == 'function' and type(db.blob) == 'function')\n");
  lua_getglobal(L_, "db");
  lua_getfield(L_, -1, "version");
  assert_string_equal(lua_tostring(L_, -1), sqlite3_libversion());
  lua_settop(L_, 0);
}

static void test_open_wal_foreign_keys(void **state) {
  run(L_, "local c <close> = db.open(path('a.db'))\n"
          "eq(c:first('PRAGMA journal_mode').journal_mode, 'wal', 'journal mode')\n"
          "eq(c:first('PRAGMA foreign_keys').foreign_keys, 1, 'foreign keys')\n"
          "c:exec('CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE ch(pid REFERENCES p(id))')\n"
          "fails(function() c:run('INSERT INTO ch VALUES (?)', 9) end,\n"
          "  'db: FOREIGN KEY constraint failed [SQLITE_CONSTRAINT_FOREIGNKEY] (in: INSERT INTO ch VALUES (?))')\n"
          "local m <close> = db.open(':memory:')\n"
          "eq(m:first('SELECT 1 AS one').one, 1)\n");
}

static void test_bind_every_type(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "local function t(v) return c:first('SELECT typeof(?) AS t, ? AS v', v, v) end\n"
          "eq(t(42).t, 'integer'); eq(t(42).v, 42)\n"
          "eq(t(-7.25).t, 'real'); eq(t(-7.25).v, -7.25)\n"
          "eq(t('温州 policy').t, 'text'); eq(t('温州 policy').v, '温州 policy')\n"
          "eq(t('a\\0b').v, 'a\\0b', 'text with a zero byte')\n"
          "eq(t('').t, 'text'); eq(t('').v, '')\n"
          "eq(t(db.blob('\\0\\1\\255')).t, 'blob'); eq(t(db.blob('\\0\\1\\255')).v, '\\0\\1\\255')\n"
          "eq(t(db.blob('')).t, 'blob'); eq(t(db.blob('')).v, '')\n"
          "eq(t(true).t, 'integer'); eq(t(true).v, 1)\n"
          "eq(t(false).v, 0)\n"
          "eq(t(nil).t, 'null'); eq(t(nil).v, db.NULL)\n"
          "eq(t(db.NULL).t, 'null'); eq(t(db.NULL).v, db.NULL)\n"
          "c:exec('CREATE TABLE v(x)')\n"
          "local s <close> = c:prepare('INSERT INTO v VALUES (?)')\n"
          "for _, v in ipairs{ 1, 2.5, 'three', db.blob('four') } do s:bind(v):step() end\n"
          "local got = {}\n"
          "c:each('SELECT x, typeof(x) AS t FROM v ORDER BY rowid', function(r) got[#got+1] = r.t end)\n"
          "eq(table.concat(got, ','), 'integer,real,text,blob')\n");
}

static void test_null_both_ways(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "c:exec('CREATE TABLE n(a, b, c)')\n"
          "c:run('INSERT INTO n VALUES (?, ?, ?)', nil, db.NULL, 1)\n"
          "c:run('INSERT INTO n VALUES (:a, :b, :c)', { a = db.NULL, b = 2, c = db.NULL })\n"
          "eq(c:first('SELECT count(*) AS k FROM n WHERE a IS NULL AND b IS NULL').k, 1)\n"
          "local r = c:first('SELECT * FROM n WHERE c = 1')\n"
          "eq(r.a, db.NULL, 'NULL read back'); eq(r.b, db.NULL); eq(r.c, 1)\n"
          "assert(r.a ~= nil, 'a NULL column is present in the row')\n"
          "local keys = 0; for _ in pairs(r) do keys = keys + 1 end; eq(keys, 3, 'columns')\n"
          "eq(c:first('SELECT NULL AS x').x, db.NULL)\n");
}

static void test_positional_params(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "eq(c:first('SELECT ? || ? AS s', 'a', 'b').s, 'ab')\n"
          "eq(c:first('SELECT ?2 || ?1 || ?2 AS s', 'x', 'y').s, 'yxy', '?NNN')\n"
          "fails(function() c:first('SELECT ?, ?', 1) end, 'db: 1 value given for 2 parameters (in: SELECT ?, ?)')\n"
          "fails(function() c:first('SELECT ?', 1, 2) end, '2 values given for 1 parameter')\n"
          "fails(function() c:first('SELECT ?') end, '0 values given for 1 parameter')\n"
          "fails(function() c:first('SELECT 1', 5) end, '1 value given for 0 parameters')\n"
          "-- named parameters may also be bound in order\n"
          "eq(c:first('SELECT :a - :b AS d', 10, 3).d, 7)\n"
          "local s <close> = c:prepare('SELECT ? * 2 AS v')\n"
          "eq(s:bind(21):step().v, 42)\n"
          "local n = 0; for r in s:rows() do n = n + 1; eq(r.v, 42, 'rows() keeps bindings') end; eq(n, 1)\n"
          "for r in s:rows(5) do eq(r.v, 10) end\n");
}

static void test_named_params(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "local r = c:first('SELECT :a AS a, @b AS b, $c AS c, :a + 1 AS a1',\n"
          "  { a = 1, b = 'two', c = 3.5, unused = 'fine' })\n"
          "eq(r.a, 1); eq(r.b, 'two'); eq(r.c, 3.5); eq(r.a1, 2)\n"
          "fails(function() c:first('SELECT :city', { cty = 'Ningbo' }) end,\n"
          "  \"no value for parameter :city (the table has no key 'city'; use db.NULL for NULL)\")\n"
          "fails(function() c:first('SELECT ?', { 1 }) end, 'parameter 1 has no name')\n"
          "fails(function() c:first('SELECT 1', {}) end, 'the statement has no parameters')\n"
          "local s <close> = c:prepare('SELECT $x * $x AS sq')\n"
          "eq(s:bind({ x = 9 }):step().sq, 81)\n"
          "local got = {}\n"
          "for row in s:rows({ x = 3 }) do got[#got + 1] = row.sq end\n"
          "eq(got[1], 9)\n");
}

static void test_stmt_values(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "c:exec(\"CREATE TABLE t(a, b, c); INSERT INTO t VALUES (1, NULL, 'x'), (2.5, 3, NULL)\")\n"
          "local s <close> = c:prepare('SELECT a, b, c FROM t WHERE a >= ? ORDER BY a')\n"
          "s:bind(0)\n"
          "local a, b, x = s:values()\n"
          "eq(a, 1); eq(b, db.NULL); eq(x, 'x')\n"
          "a, b, x = s:values()\n"
          "eq(a, 2.5); eq(b, 3); eq(x, db.NULL)\n"
          "eq(select('#', s:values()), 0, 'done: no values')\n"
          "eq(select('#', s:values()), 3, 'reset, bindings kept: the first row again')\n"
          "s:close()\n"
          "fails(function() s:values() end, 'db: statement used after it was closed')\n"
          "local bad <close> = c:prepare('SELECT abs(?)')\n"
          "bad:bind(math.mininteger)\n"
          "fails(function() bad:values() end, 'integer overflow')\n");
}

static void test_integer_float_roundtrip(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "c:exec('CREATE TABLE n(v)')\n"
          "local values = { 0, -1, 1, math.maxinteger, math.mininteger, (1 << 53) + 1,\n"
          "  0.0, 1.5, 3.0, -2.0, 1e300, -1e-300, 2^63 }\n"
          "for i, v in ipairs(values) do c:run('INSERT INTO n(rowid, v) VALUES (?, ?)', i, v) end\n"
          "c:each('SELECT rowid, v FROM n', function(r)\n"
          "  eq(r.v, values[r.rowid], 'value ' .. r.rowid)\n"
          "end)\n"
          "eq(math.type(c:first('SELECT 2 + 3 AS x').x), 'integer')\n"
          "eq(math.type(c:first('SELECT 6 / 2.0 AS x').x), 'float')\n"
          "eq(math.type(c:first('SELECT CAST(3 AS REAL) AS x').x), 'float')\n"
          "eq(c:first('SELECT ? AS x', 3.0).x, 3.0)\n");
}

static void test_bad_value_names_parameter(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "fails(function() c:first('SELECT ?, ?', 1, print) end,\n"
          "  'db: cannot bind a function value to parameter 2')\n"
          "fails(function() c:first('SELECT :who', { who = {} }) end,\n"
          "  'cannot bind a table value to parameter :who')\n"
          "fails(function() c:first('SELECT ?', { 1 }) end, 'parameter 1 has no name')\n"
          "fails(function() c:first('SELECT ?, ?', 1, coroutine.create(print)) end,\n"
          "  'cannot bind a thread value to parameter 2')\n"
          "fails(function() c:first('SELECT ?, ?', c, 1) end, 'cannot bind a userdata value to parameter 1')\n"
          "eq(c:open_statements(), 0, 'failed calls leave no statement open')\n");
}

static void test_transaction_commit(void **state) {
  run(L_, "local c <close> = db.open(path('t.db'))\n"
          "c:exec('CREATE TABLE t(x)')\n"
          "local a, b = c:transaction(function(conn)\n"
          "  assert(conn == c, 'fn gets the connection')\n"
          "  conn:run('INSERT INTO t VALUES (1)'); conn:run('INSERT INTO t VALUES (2)')\n"
          "  return 'done', 2\n"
          "end)\n"
          "eq(a, 'done'); eq(b, 2)\n"
          "local other <close> = db.open(path('t.db'))\n"
          "eq(other:first('SELECT count(*) AS n FROM t').n, 2, 'committed rows seen elsewhere')\n");
}

static void test_transaction_rollback_reraises(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "c:exec('CREATE TABLE t(x)')\n"
          "local boom = { reason = 'figures do not add up' }\n"
          "local ok, err = pcall(c.transaction, c, function()\n"
          "  c:run('INSERT INTO t VALUES (1)')\n"
          "  error(boom)\n"
          "end)\n"
          "assert(not ok and rawequal(err, boom), 'the original error value is raised again')\n"
          "eq(c:first('SELECT count(*) AS n FROM t').n, 0, 'rolled back')\n"
          "fails(function() c:transaction(function() c:run('INSERT INTO t VALUES (2)'); error('plain text', 0) end) end,\n"
          "  'plain text')\n"
          "fails(function() c:transaction(function() c:run('INSERT INTO nope VALUES (1)') end) end,\n"
          "  'db: no such table: nope')\n"
          "eq(c:first('SELECT count(*) AS n FROM t').n, 0)\n"
          "-- the connection is usable afterwards, outside any transaction\n"
          "c:transaction(function() c:run('INSERT INTO t VALUES (3)') end)\n"
          "eq(c:first('SELECT count(*) AS n FROM t').n, 1)\n"
          "fails(function() c:transaction('not a function') end, 'function expected')\n");
}

static void test_nested_savepoints(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "c:exec('CREATE TABLE t(x)')\n"
          "c:transaction(function()\n"
          "  c:run('INSERT INTO t VALUES (1)')\n"
          "  local ok, err = pcall(c.transaction, c, function()\n"
          "    c:run('INSERT INTO t VALUES (2)')\n"
          "    c:transaction(function() c:run('INSERT INTO t VALUES (3)') end)\n"
          "    error('inner fails', 0)\n"
          "  end)\n"
          "  eq(err, 'inner fails')\n"
          "  c:transaction(function() c:run('INSERT INTO t VALUES (4)') end)\n"
          "end)\n"
          "local got = {}\n"
          "c:each('SELECT x FROM t ORDER BY x', function(r) got[#got + 1] = r.x end)\n"
          "eq(table.concat(got, ','), '1,4', 'inner savepoint rolled back, outer committed')\n"
          "-- an outer failure undoes a released inner savepoint\n"
          "pcall(c.transaction, c, function()\n"
          "  c:transaction(function() c:run('INSERT INTO t VALUES (5)') end)\n"
          "  error('outer fails')\n"
          "end)\n"
          "eq(c:first('SELECT count(*) AS n FROM t').n, 2)\n"
          "-- a savepoint inside a transaction begun by hand\n"
          "c:exec('BEGIN')\n"
          "pcall(c.transaction, c, function() c:run('INSERT INTO t VALUES (6)'); error('x') end)\n"
          "c:run('INSERT INTO t VALUES (7)')\n"
          "c:exec('COMMIT')\n"
          "eq(c:first('SELECT group_concat(x) AS g FROM t').g, '1,4,7')\n");
}

static void test_transaction_commit_failure(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "c:exec('CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE ch(pid REFERENCES p(id))')\n"
          "fails(function()\n"
          "  c:transaction(function()\n"
          "    c:exec('PRAGMA defer_foreign_keys = ON')\n"
          "    c:run('INSERT INTO ch VALUES (42)')\n"
          "  end)\n"
          "end, 'FOREIGN KEY constraint failed [SQLITE_CONSTRAINT_FOREIGNKEY] (in: COMMIT)')\n"
          "eq(c:first('SELECT count(*) AS n FROM ch').n, 0, 'rolled back after COMMIT failed')\n"
          "c:transaction(function() c:run('INSERT INTO p VALUES (1)') end)\n");
}

static void test_errors_carry_sql(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "fails(function() c:first('SELECT * FROM foo') end, 'db: no such table: foo (in: SELECT * FROM foo)')\n"
          "local e = fails(function() c:exec('SELECT 1;\\n  SELEC 2') end, 'syntax error')\n"
          "assert(e:find('(in: SELEC 2)', 1, true), e)\n"
          "e = fails(function() c:exec('CREATE TABLE a(x); SELECT * FROM b') end, 'no such table: b')\n"
          "assert(e:find('(in: SELECT * FROM b)', 1, true), e)\n"
          "-- white space collapsed; long SQL cut near 200 bytes at a character boundary\n"
          "e = fails(function() c:first('SELECT\\n\\t*\\n  FROM   missing') end,\n"
          "  '(in: SELECT * FROM missing)')\n"
          "local long = 'SELECT * FROM missing WHERE note = \\'' .. string.rep('浙江省', 40) .. '\\''\n"
          "e = fails(function() c:first(long) end, 'no such table: missing')\n"
          "assert(#e < 300 and e:sub(-4) == '...)', e)\n"
          "assert(utf8.len(e), 'the cut keeps the message valid UTF-8')\n"
          "c:exec('CREATE TABLE u(k TEXT UNIQUE NOT NULL)')\n"
          "c:run('INSERT INTO u VALUES (?)', 'a')\n"
          "fails(function() c:run('INSERT INTO u VALUES (?)', 'a') end,\n"
          "  'db: UNIQUE constraint failed: u.k [SQLITE_CONSTRAINT_UNIQUE] (in: INSERT INTO u VALUES (?))')\n"
          "fails(function() c:run('INSERT INTO u VALUES (NULL)') end, '[SQLITE_CONSTRAINT_NOTNULL]')\n"
          "fails(function() c:first('SELECT 1; SELECT 2') end, 'one statement expected; use conn:exec for several')\n"
          "fails(function() c:prepare('  -- only a comment') end, 'db: no SQL statement')\n"
          "fails(function() c:first('SELECT 1\\0; DROP TABLE u') end, 'SQL contains a zero byte')\n"
          "eq(c:first('SELECT 1 AS x; -- trailing comment\\n ;').x, 1)\n"
          "eq(c:open_statements(), 0)\n");
}

static void test_close_variable_closes_stmt(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "local kept\n"
          "do\n"
          "  local s <close> = c:prepare('SELECT 1 AS one')\n"
          "  eq(s:step().one, 1)\n"
          "  eq(c:open_statements(), 1)\n"
          "  kept = s\n"
          "end\n"
          "eq(c:open_statements(), 0, '<close> finalized the statement')\n"
          "fails(function() kept:step() end, 'db: statement used after it was closed (in: SELECT 1 AS one)')\n"
          "kept:close()  -- closing twice is harmless\n"
          "local outer\n"
          "do local d <close> = db.open(':memory:'); outer = d end\n"
          "fails(function() outer:first('SELECT 1') end, 'db: the connection is closed')\n");
}

static void test_rows_loop_cleanup(void **state) {
  run(L_, "local c <close> = db.open(path('r.db'))\n"
          "c:exec('CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3)')\n"
          "for r in c:rows('SELECT x FROM t WHERE x > ?', 0) do\n"
          "  eq(c:open_statements(), 1)\n"
          "  if r.x == 2 then break end\n"
          "end\n"
          "eq(c:open_statements(), 0, 'break closes the statement of conn:rows')\n"
          "local n = 0; for _ in c:rows('SELECT x FROM t') do n = n + 1 end; eq(n, 3)\n"
          "eq(c:open_statements(), 0)\n"
          "pcall(function() for r in c:rows('SELECT x FROM t') do error('stop') end end)\n"
          "eq(c:open_statements(), 0, 'an error in the loop closes it too')\n"
          "-- stmt:rows resets on break, so no read transaction stays open\n"
          "local s <close> = c:prepare('SELECT x FROM t')\n"
          "for r in s:rows() do break end\n"
          "local w <close> = db.open(path('r.db'))\n"
          "w:run('INSERT INTO t VALUES (4)')\n"
          "eq(w:first('PRAGMA wal_checkpoint(TRUNCATE)').busy, 0, 'no reader holds the WAL')\n"
          "local it, st = s:rows(); it(st)      -- mid-iteration without a for loop\n"
          "w:run('INSERT INTO t VALUES (5)')\n"
          "eq(w:first('PRAGMA wal_checkpoint(TRUNCATE)').busy, 1, 'an unfinished read holds it')\n"
          "s:reset()\n");
}

static void test_close_conn_with_live_stmts(void **state) {
  run(L_, "local c = db.open(':memory:')\n"
          "c:exec('CREATE TABLE t(x); INSERT INTO t VALUES (1), (2)')\n"
          "local a = c:prepare('SELECT x FROM t ORDER BY x')\n"
          "local b = c:prepare('INSERT INTO t VALUES (?)')\n"
          "eq(a:step().x, 1, 'a is mid-iteration')\n"
          "local it, st, ctl, closer = c:rows('SELECT x FROM t')\n"
          "it(st)\n"
          "eq(c:open_statements(), 3)\n"
          "c:close()\n"
          "fails(function() a:step() end,\n"
          "  'db: statement used after its connection was closed (in: SELECT x FROM t ORDER BY x)')\n"
          "fails(function() b:bind(1) end, 'statement used after its connection was closed')\n"
          "fails(function() it(st) end, 'statement used after its connection was closed')\n"
          "fails(function() c:prepare('SELECT 1') end, 'the connection is closed')\n"
          "a:close(); c:close()  -- both harmless now\n"
          "a, b, st, closer, it = nil\n"
          "collectgarbage(); collectgarbage()\n"
          "-- statements and connection unreachable together: finalizers in any order\n"
          "for i = 1, 20 do\n"
          "  local d = db.open(':memory:')\n"
          "  local s1 = d:prepare('SELECT 1'); s1:step()\n"
          "  d:prepare('SELECT 2')\n"
          "end\n"
          "collectgarbage(); collectgarbage()\n"
          "-- and some left for lua_close\n"
          "LEFT = db.open(path('left.db'))\n"
          "LEFT_STMT = LEFT:prepare('SELECT 1'); LEFT_STMT:step()\n");
}

static void test_close_inside_callbacks(void **state) {
  run(L_, "local c = db.open(':memory:')\n"
          "c:exec('CREATE TABLE t(x); INSERT INTO t VALUES (1), (2)')\n"
          "fails(function() c:each('SELECT x FROM t', function() c:close() end) end,\n"
          "  'db: the connection was closed inside conn:each')\n"
          "c = db.open(':memory:')\n"
          "fails(function() c:transaction(function() c:close() end) end,\n"
          "  'db: the connection was closed inside conn:transaction')\n"
          "c = db.open(':memory:')\n"
          "local boom = {}\n"
          "local ok, err = pcall(c.transaction, c, function() c:close(); error(boom) end)\n"
          "assert(rawequal(err, boom))\n"
          "c = db.open(':memory:')\n"
          "c:exec('CREATE TABLE t(x); INSERT INTO t VALUES (1), (2)')\n"
          "fails(function() for r in c:rows('SELECT x FROM t') do c:close() end end,\n"
          "  'statement used after its connection was closed')\n");
}

static void test_each_first_run(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "c:exec('CREATE TABLE t(id INTEGER PRIMARY KEY, city TEXT, n INTEGER)')\n"
          "local changes, id = c:run('INSERT INTO t(city, n) VALUES (?, ?)', '杭州', 10)\n"
          "eq(changes, 1); eq(id, 1)\n"
          "changes, id = c:run('INSERT INTO t(city, n) VALUES (?, ?), (?, ?)', '宁波', 20, '温州', 30)\n"
          "eq(changes, 2); eq(id, 3); eq(c:changes(), 2); eq(c:last_insert_rowid(), 3)\n"
          "eq(c:run('UPDATE t SET n = n + 1 WHERE n > ?', 15), 2)\n"
          "eq(c:run('SELECT * FROM t'), 0, 'a SELECT changes nothing')\n"
          "eq(c:run('CREATE TABLE other(x)'), 0, 'DDL changes nothing')\n"
          "eq(c:first('SELECT city FROM t WHERE n = ?', 21).city, '宁波')\n"
          "eq(c:first('SELECT city FROM t WHERE n = ?', 99), nil, 'no row')\n"
          "local seen = {}\n"
          "eq(c:each('SELECT id FROM t WHERE n > ? ORDER BY id', 0, function(r) seen[#seen + 1] = r.id end), 3)\n"
          "eq(table.concat(seen, ','), '1,2,3')\n"
          "eq(c:each('SELECT id FROM t ORDER BY id', function(r) return r.id < 2 end), 2, 'false stops')\n"
          "eq(c:each('SELECT id FROM t WHERE 0', function() error('never') end), 0)\n"
          "fails(function() c:each('SELECT 1') end, 'function expected')\n"
          "fails(function() c:each('SELECT ?', 1) end, 'function expected')\n"
          "local rows = {}\n"
          "for r in c:rows('SELECT city, n FROM t WHERE n >= :min ORDER BY n', { min = 21 }) do\n"
          "  rows[#rows + 1] = r.city .. '=' .. r.n\n"
          "end\n"
          "eq(table.concat(rows, ' '), '宁波=21 温州=31')\n"
          "eq(c:open_statements(), 0)\n");
}

static void test_stmt_api(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "c:exec('CREATE TABLE t(a, b); INSERT INTO t VALUES (1, 2), (3, 4)')\n"
          "local s <close> = c:prepare('SELECT a, b, a + b AS \"sum\" FROM t WHERE a >= ? ORDER BY a')\n"
          "eq(table.concat(s:columns(), ','), 'a,b,sum')\n"
          "assert(s:bind(0) == s, 'bind returns the statement')\n"
          "eq(s:step().sum, 3); eq(s:step().sum, 7); eq(s:step(), nil, 'done')\n"
          "eq(s:step().sum, 3, 'steps again from the start after done')\n"
          "assert(s:reset() == s); eq(s:step().a, 1, 'reset keeps bindings')\n"
          "s:bind(2); eq(s:step().a, 3)\n"
          "local ins <close> = c:prepare('INSERT INTO t VALUES (:a, :b)')\n"
          "for i = 10, 12 do ins:bind({ a = i, b = -i }):step() end\n"
          "eq(c:first('SELECT count(*) AS n FROM t').n, 5)\n"
          "s:close(); fails(function() s:columns() end, 'statement used after it was closed')\n");
}

static void test_exec_several(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "c:exec([[\n"
          "  -- schema\n"
          "  CREATE TABLE a(x); /* block comment */ CREATE TABLE b(y);;\n"
          "  INSERT INTO a VALUES (1); INSERT INTO b SELECT x + 1 FROM a;\n"
          "  SELECT * FROM a;  -- rows are discarded\n"
          "]])\n"
          "eq(c:first('SELECT y FROM b').y, 2)\n"
          "c:exec('')\n"
          "c:exec('   ')\n"
          "eq(c:open_statements(), 0)\n");
}

static void test_user_version(void **state) {
  run(L_, "local c <close> = db.open(path('v.db'))\n"
          "eq(c:user_version(), 0)\n"
          "c:user_version(12)\n"
          "eq(c:user_version(), 12)\n"
          "c:user_version(-3); eq(c:user_version(), -3)\n"
          "fails(function() c:user_version(1 << 40) end, 'must fit in 32 bits')\n"
          "fails(function() c:user_version('7; DROP TABLE x') end, 'number expected')\n"
          "c:user_version(4)\n"
          "c:close()\n"
          "local again <close> = db.open(path('v.db'), { readonly = true })\n"
          "eq(again:user_version(), 4)\n");
}

static void test_progress_limit(void **state) {
  run(L_, "local c <close> = db.open(':memory:')\n"
          "local runaway = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c'\n"
          "eq(c:progress_limit(100000), nil, 'no previous limit')\n"
          "fails(function() c:first(runaway) end,\n"
          "  'db: statement stopped: it ran past the progress limit of 100000 VM steps (in: WITH RECURSIVE c(x)')\n"
          "eq(c:first('SELECT 40 + 2 AS x').x, 42, 'usable afterwards')\n"
          "local bounded = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 200000) SELECT count(*) AS n FROM c'\n"
          "fails(function() c:first(bounded) end, 'progress limit')\n"
          "fails(function() for _ in c:rows(runaway) do end end, 'progress limit')\n"
          "local s <close> = c:prepare(runaway)\n"
          "fails(function() s:step() end, 'progress limit')\n"
          "fails(function() c:exec('SELECT 1; ' .. runaway) end, 'progress limit')\n"
          "-- inside a transaction: rolled back, the error raised, the limit not applied to COMMIT\n"
          "c:exec('CREATE TABLE t(x)')\n"
          "fails(function() c:transaction(function() c:run('INSERT INTO t VALUES (1)'); c:first(runaway) end) end,\n"
          "  'progress limit')\n"
          "eq(c:first('SELECT count(*) AS n FROM t').n, 0)\n"
          "c:transaction(function() c:run('INSERT INTO t VALUES (1)') end)\n"
          "eq(c:first('SELECT count(*) AS n FROM t').n, 1)\n"
          "eq(c:progress_limit(nil), 100000, 'returns the previous limit')\n"
          "eq(c:first(bounded).n, 200000, 'no limit any more')\n"
          "fails(function() c:progress_limit(0) end, 'must be a positive number of VM steps')\n"
          "fails(function() c:progress_limit(-5) end, 'must be a positive number of VM steps')\n"
          "c:progress_limit(50); eq(c:progress_limit(), 50)\n");
}

static void test_readonly_refuses_writes(void **state) {
  ptk_fixture *f = *state;
  /* a database in rollback-journal mode, made without the module */
  size_t n = strlen(f->dir) + 16;
  char *p = malloc(n);
  assert_non_null(p);
  snprintf(p, n, "%s/ro.db", f->dir);
  sqlite3 *raw = NULL;
  assert_int_equal(sqlite3_open(p, &raw), SQLITE_OK);
  assert_int_equal(sqlite3_exec(raw, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", NULL, NULL, NULL),
                   SQLITE_OK);
  sqlite3_close(raw);
  free(p);
  run(L_, "local c <close> = db.open(path('ro.db'), { readonly = true })\n"
          "eq(c:first('SELECT x FROM t').x, 1)\n"
          "eq(c:first('PRAGMA journal_mode').journal_mode, 'delete', 'journal mode unchanged')\n"
          "fails(function() c:run('INSERT INTO t VALUES (2)') end,\n"
          "  'db: attempt to write a readonly database [SQLITE_READONLY] (in: INSERT INTO t VALUES (2))')\n"
          "fails(function() c:exec('CREATE TABLE u(y)') end, 'attempt to write a readonly database')\n"
          "fails(function() c:user_version(3) end, 'readonly')\n"
          "fails(function() c:transaction(function() c:run('DELETE FROM t') end) end, 'readonly')\n"
          "eq(c:first('SELECT count(*) AS n FROM t').n, 1)\n"
          "c:close()\n"
          "local f <close> = assert(io.open(path('ro.db'), 'rb'))\n"
          "eq(f:read(20):byte(19), 1, 'file header still says rollback journal')\n"
          "fails(function() db.open(path('absent.db'), { readonly = true }) end,\n"
          "  'db: cannot open ' .. path('absent.db') .. ': unable to open database file')\n");
}

static void test_not_a_database(void **state) {
  run(L_, "local f <close> = assert(io.open(path('notes.db'), 'wb'))\n"
          "f:write(string.rep('Wenzhou subsidy notes, not SQLite. ', 200)); f:flush()\n"
          "local want = 'db: cannot open ' .. path('notes.db') .. ': file is not a database'\n"
          "eq(select(2, pcall(db.open, path('notes.db'))), want)\n"
          "eq(select(2, pcall(db.open, path('notes.db'), { readonly = true })), want)\n"
          "fails(function() db.open(path('no/such/dir.db')) end, 'unable to open database file')\n");
}

static void test_busy_message(void **state) {
  run(L_, "local a <close> = db.open(path('b.db'), { busy_timeout_ms = 30 })\n"
          "local b <close> = db.open(path('b.db'), { busy_timeout_ms = 30 })\n"
          "a:exec('CREATE TABLE t(x)')\n"
          "a:transaction(function()\n"
          "  a:run('INSERT INTO t VALUES (1)')\n"
          "  fails(function() b:run('INSERT INTO t VALUES (2)') end,\n"
          "    'db: database is locked (another writer holds it; waited 30 ms) (in: INSERT INTO t VALUES (2))')\n"
          "  fails(function() b:transaction(function() end) end, 'waited 30 ms')\n"
          "  eq(b:first('SELECT count(*) AS n FROM t').n, 0, 'readers are not blocked in WAL mode')\n"
          "end)\n"
          "eq(b:first('SELECT count(*) AS n FROM t').n, 1)\n");
}

/* SQL ATTACH of another file is refused unless the script asks for it (issue 18.9). */
static void test_attach_needs_option(void **state) {
  run(L_, "local o <close> = db.open(path('other.db'))\n"
          "o:exec('CREATE TABLE secret(x); INSERT INTO secret VALUES (42)')\n"
          "local c <close> = db.open(path('main.db'))\n"
          "fails(function() c:run('ATTACH DATABASE ? AS o', path('other.db')) end, 'not authorized')\n"
          "fails(function() c:exec(\"ATTACH '\" .. path('other.db') .. \"' AS o\") end, 'not authorized')\n"
          "fails(function() c:first('SELECT x FROM o.secret') end, 'no such table')\n"
          "local a <close> = db.open(path('main2.db'), { attach = true })\n"
          "a:run('ATTACH DATABASE ? AS o', path('other.db'))\n"
          "eq(a:first('SELECT x FROM o.secret').x, 42)\n"
          "a:exec('DETACH DATABASE o')\n"
          "fails(function() db.open(':memory:', { attach = 1 }) end, 'option attach must be a boolean')\n");
}

static void test_open_options(void **state) {
  run(L_, "fails(function() db.open(':memory:', { read_only = true }) end,\n"
          "  'db.open: unknown option read_only (known: readonly, busy_timeout_ms, attach, serialize_writers)')\n"
          "fails(function() db.open(':memory:', { readonly = 'yes' }) end, 'readonly must be a boolean')\n"
          "fails(function() db.open(':memory:', { busy_timeout_ms = -1 }) end, 'non-negative integer')\n"
          "fails(function() db.open(':memory:', { busy_timeout_ms = 1.5 }) end, 'non-negative integer')\n"
          "fails(function() db.open(':memory:', 5) end, 'table expected')\n"
          "fails(function() db.open('a\\0b') end, 'path contains a zero byte')\n"
          "fails(function() db.open() end, 'string expected')\n"
          "local c <close> = db.open(':memory:', { readonly = false, busy_timeout_ms = 10 })\n"
          "fails(function() c.first(nil, 'SELECT 1') end, 'policytk.db.conn expected')\n"
          "fails(function() c:first({}) end, \"bad argument #1 to 'first' (string expected, got table)\")\n");
}

/* Every allocation that can fail, failing in turn: no crash, no leak (under ASan), and the
** statements of the failed attempts are all finalized once collected. */
static void test_memory_errors_are_clean(void **state) {
  run(L_, "OOM = db.open(':memory:'); OOM:exec('CREATE TABLE t(x, y)')\n"
          "function work()\n"
          "  local c = OOM\n"
          "  c:transaction(function() c:run('INSERT INTO t VALUES (?, ?)', 'text', 1.5) end)\n"
          "  for r in c:rows('SELECT * FROM t WHERE x = :x', { x = 'text' }) do end\n"
          "  local s <close> = c:prepare('SELECT x, y FROM t'); s:step(); s:columns()\n"
          "  for r in s:rows() do end\n"
          "  c:each('SELECT * FROM t', function(r) end)\n"
          "  local d <close> = db.open(':memory:')\n"
          "  d:first('SELECT ? AS a, ? AS b', db.blob('b'), db.NULL)\n"
          "  pcall(c.first, c, 'SELECT * FROM nope')\n"
          "  return c:user_version()\n"
          "end\n");
  int completed = 0, failures = 0;
  for (size_t budget = 1; budget < 200000 && !completed; budget += 8) {
    ptk_limits lim = { 0, budget };
    lua_getglobal(L_, "work");
    completed = ptk_limited_pcall(L_, 0, &lim, "oom", NULL) == LUA_OK;
    if (!completed) failures++;
    lua_settop(L_, 0);
    lua_gc(L_, LUA_GCCOLLECT);
  }
  assert_true(completed);
  assert_true(failures > 10);
  run(L_, "eq(OOM:open_statements(), 0)\n"
          "OOM:exec('BEGIN; COMMIT')  -- no transaction was left open\n"
          "assert(OOM:first('SELECT count(*) AS n FROM t').n >= 1)\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    T(test_module),
    T(test_open_wal_foreign_keys),
    T(test_bind_every_type),
    T(test_null_both_ways),
    T(test_positional_params),
    T(test_named_params),
    T(test_stmt_values),
    T(test_integer_float_roundtrip),
    T(test_bad_value_names_parameter),
    T(test_transaction_commit),
    T(test_transaction_rollback_reraises),
    T(test_nested_savepoints),
    T(test_transaction_commit_failure),
    T(test_errors_carry_sql),
    T(test_close_variable_closes_stmt),
    T(test_rows_loop_cleanup),
    T(test_close_conn_with_live_stmts),
    T(test_close_inside_callbacks),
    T(test_each_first_run),
    T(test_stmt_api),
    T(test_exec_several),
    T(test_user_version),
    T(test_progress_limit),
    T(test_readonly_refuses_writes),
    T(test_not_a_database),
    T(test_busy_message),
    T(test_open_options),
    T(test_attach_needs_option),
    T(test_memory_errors_are_clean),
#undef T
  };
  return cmocka_run_group_tests_name("policytk.db", tests, NULL, NULL);
}
