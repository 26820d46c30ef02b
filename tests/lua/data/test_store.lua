-- policytk.data.store and the init verb: where the database lives, migrations, and the clear
-- refusals (a newer schema, a file that is not SQLite, a locked database).

local core = require "policytk.core"
local db = require "policytk.db"
local testing = require "policytk.testing"
local store = require "policytk.data.store"

local GOOD = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/good", POLICYTK_DEFAULT_PLUGINS = "0" }

local tmp = testing.tmp_path

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function run(args, env)
  local e = {}
  for k, v in pairs(GOOD) do e[k] = v end
  for k, v in pairs(env or {}) do e[k] = v end
  return testing.policytk(args, { env = e, cwd = core.root })
end

test("path: --db, then $POLICYTK_DB, then $XDG_DATA_HOME", function(t)
  local dir = tmp()
  local code, out, err = run({ "init" }, { XDG_DATA_HOME = dir .. "/data", POLICYTK_DB = "" })
  t.eq(code, 0, err)
  t.eq(out, dir .. "/data/policytk/policytk.db：数据库版本 " .. store.latest() .. "\n")
  code, out = run({ "init" }, { POLICYTK_DB = dir .. "/env.db" })
  t.eq(code, 0)
  t.match(out, "env%.db：数据库版本")
  code, out = run({ "init", "--db", dir .. "/a/b/given.db" }, { POLICYTK_DB = dir .. "/env.db" })
  t.eq(code, 0)
  t.match(out, "/a/b/given%.db：数据库版本")
  os.execute("rm -rf " .. testing.shell_quote(dir))
end)

test("init twice: same version, tables present", function(t)
  local path = tmp() .. ".db"
  t.eq((run({ "init", "--db", path })), 0)
  local code, out = run({ "init", "--db", path })
  t.eq(code, 0)
  t.match(out, "数据库版本 " .. store.latest() .. "\n$")
  local conn = db.open(path)
  t.eq(conn:user_version(), store.latest())
  for _, name in ipairs({ "cities", "regions", "units", "documents", "document_versions", "groups", "measures",
      "measure_units", "indicators", "targets", "observations", "observation_revisions", "benefits",
      "report_runs", "http_cache" }) do
    t.ok(conn:first("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ?", name), name)
  end
  conn:close()
  os.remove(path)
end)

test("a database from a newer schema is refused untouched", function(t)
  local path = tmp() .. ".db"
  local conn = db.open(path)
  conn:exec("CREATE TABLE future (x)")
  conn:user_version(99)
  conn:close()
  local before = read(path)
  local code, _, err = run({ "init", "--db", path })
  t.eq(code, 1)
  t.match(err, "的数据库版本为 99，高于本 policytk 支持的版本（" .. store.latest()
    .. "）；数据库未作改动")
  t.ok(read(path) == before, "the file changed")
  code, _, err = run({ "load", "--db", path })
  t.eq(code, 1)
  t.match(err, "数据库版本为 99")
  os.remove(path)
end)

test("a file that is not SQLite is refused", function(t)
  local path = tmp()
  local f = assert(io.open(path, "wb"))
  f:write("indicator,period,value\n")
  f:close()
  local code, _, err = run({ "init", "--db", path })
  t.eq(code, 1)
  t.eq(err, "policytk init: " .. path .. " 不是 SQLite 数据库（文件是否选对？）\n")
  t.eq(read(path), "indicator,period,value\n")
  os.remove(path)
end)

test("a locked database: busy timeout, then a clear message", function(t)
  local path = tmp() .. ".db"
  t.eq((run({ "init", "--db", path })), 0)
  local conn = db.open(path)
  conn:exec("BEGIN IMMEDIATE")
  local code, _, err = run({ "load", "--db", path }, { POLICYTK_BUSY_MS = "100" })
  conn:exec("ROLLBACK")
  conn:close()
  t.eq(code, 1)
  t.match(err, "正被另一个进程占用（已等待 100 毫秒）；请待其完成后重试")
  os.remove(path)
end)

test("listing before load: run policytk load first", function(t)
  local path = tmp() .. ".db"
  local code, _, err = run({ "targets", "--db", path })
  t.eq(code, 1)
  t.match(err, "中还没有插件：请先运行 policytk load")
  os.remove(path)
end)

test("db: the sqlite3 shell, or a clear message", function(t)
  local path = tmp() .. ".db"
  local code, out, err = testing.policytk({ "db", "--db", path }, { env = { PATH = "/nonexistent" } })
  t.eq(code, 1)
  t.eq(out, "")
  t.match(err, "the sqlite3 shell is not installed")
  os.remove(path)
end)
