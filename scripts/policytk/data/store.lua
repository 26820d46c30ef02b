-- policytk.data.store: where the database lives, opening it with clear errors, and the schema
-- migrations (scripts/policytk/data/migrations/NNNN_*.sql, tracked with PRAGMA user_version).
--
--   local conn, path = store.open(opts.db)       -- creates the folder, migrates
--   store.open_existing(opts.db)                  -- the same, but fails (creating nothing) when absent
--   store.require_loaded(conn)                    -- "run policytk load first" when empty
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local core = require "policytk.core"
local fs = require "policytk.fs"
local cli = require "policytk.cli"
local db = require "policytk.db"

local M = {}

M.MIGRATIONS = core.root .. "/scripts/policytk/data/migrations"

--- The database path: --db, else $POLICYTK_DB, else $XDG_DATA_HOME/policytk/policytk.db
--- (XDG_DATA_HOME defaulting to ~/.local/share).
function M.path(given)
  if given and given ~= "" then return given end
  local env = os.getenv("POLICYTK_DB")
  if env and env ~= "" then return env end
  local data = os.getenv("XDG_DATA_HOME")
  if not data or data == "" then data = (os.getenv("HOME") or ".") .. "/.local/share" end
  return data .. "/policytk/policytk.db"
end

--- The migrations: sorted list of { version =, name =, path = }.
function M.migrations()
  local list = {}
  for _, name in ipairs(fs.list(M.MIGRATIONS) or {}) do
    local n = name:match("^(%d%d%d%d)_[%w_]+%.sql$")
    if n then list[#list + 1] = { version = tonumber(n), name = name, path = M.MIGRATIONS .. "/" .. name } end
  end
  table.sort(list, function(a, b) return a.version < b.version end)
  return list
end

--- The schema version this policytk writes.
function M.latest()
  local list = M.migrations()
  return #list > 0 and list[#list].version or 0
end

local function busy_ms()
  return math.tointeger(tonumber(os.getenv("POLICYTK_BUSY_MS") or "")) or 5000
end

-- A db error → a message for people.
local function explain(path, err)
  err = tostring(err)
  if err:find("SQLITE_NOTADB") or err:find("file is not a database") then
    return string.format("%s 不是 SQLite 数据库（文件是否选对？）", path)
  end
  if err:find("database is locked") then
    return string.format("%s 正被另一个进程占用（已等待 %d 毫秒）；请待其完成后重试",
      path, busy_ms())
  end
  if err:find("READONLY") or err:find("readonly database") then
    return string.format("%s 只读：policytk 需要写入它（请检查文件和文件夹的权限）",
      path)
  end
  if err:find("SQLITE_CANTOPEN") or err:find("unable to open") then
    return string.format("无法打开 %s（文件夹不存在或没有权限）", path)
  end
  return string.format("%s: %s", path, err)
end
M.explain = explain

--- Run fn(conn) and turn a db error into cli.fail with a clear message about path.
function M.guard(path, fn, ...)
  local ok, a, b, c = pcall(fn, ...)
  if ok then return a, b, c end
  if cli.is_failure(a) then error(a, 0) end
  cli.fail("%s", explain(path, a))
end

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function refuse_newer(path, version)
  local latest = M.latest()
  if version > latest then
    cli.fail("%s 的数据库版本为 %d，高于本 policytk 支持的版本（%d）；"
      .. "数据库未作改动——请使用更新的 policytk", path, version, latest)
  end
end

--- Apply the pending migrations, each in its own transaction. Returns the schema version.
function M.migrate(conn, path)
  local current = conn:user_version()
  refuse_newer(path or "数据库", current)
  for _, m in ipairs(M.migrations()) do
    if m.version > current then
      local sql = read_file(m.path)
      conn:transaction(function()
        conn:exec(sql)
        conn:user_version(m.version)
      end)
      current = m.version
    end
  end
  return current
end

--- Open (creating and migrating) the database at M.path(given).
--- Returns conn, path, schema version. Raises cli failures with clear messages.
function M.open(given)
  local path = M.path(given)
  local dir = path:match("^(.*)/[^/]*$")
  if dir and dir ~= "" and not fs.stat(dir) then
    local ok, err = fs.mkdirs(dir)
    if not ok then cli.fail("%s", tostring(err)) end
  end
  local st = fs.stat(path)
  if st and st.type ~= "file" then cli.fail("%s 不是文件", path) end
  if st then
    -- look before writing anything: a newer schema is refused untouched
    local probe_ok, probe = pcall(db.open, path, { readonly = true, busy_timeout_ms = busy_ms() })
    if probe_ok then
      local vok, version = pcall(probe.user_version, probe)
      probe:close()
      if vok then refuse_newer(path, version) end
    elseif tostring(probe):find("not a database") then
      cli.fail("%s", explain(path, probe))
    end
  end
  local conn = M.guard(path, db.open, path, { busy_timeout_ms = busy_ms() })
  local version = M.guard(path, M.migrate, conn, path)
  return conn, path, version
end

--- Open the database at M.path(given) only when it is already there: a command that reads the
--- database (the register, the generator's regions) must not leave an empty one behind.
--- Fails with what to run first; otherwise as M.open.
function M.open_existing(given)
  local path = M.path(given)
  if not fs.stat(path) then
    cli.fail("数据库 %s 不存在：请先运行 policytk load（或用 --db 指定已有的数据库）", path)
  end
  return M.open(given)
end

--- Convert db.NULL values of a row to nil (in place) and return it.
function M.clean(row)
  if row then
    for k, v in pairs(row) do if v == db.NULL then row[k] = nil end end
  end
  return row
end

--- All rows of a query, NULLs as nil.
function M.all(conn, sql, ...)
  local out = {}
  for row in conn:rows(sql, ...) do out[#out + 1] = M.clean(row) end
  return out
end

--- Fail with "run policytk load first" when no plugin was ever loaded.
function M.require_loaded(conn, path)
  local row = conn:first("SELECT count(*) AS n FROM cities")
  if row.n == 0 then
    cli.fail("%s 中还没有插件：请先运行 policytk load", path or "数据库")
  end
end

--- Current time, ISO 8601 UTC.
function M.now()
  return os.date("!%Y-%m-%dT%H:%M:%SZ")
end

--- A period and a date as staff read them (policytk.progress.dates): 2024年第3季度, 2025年12月31日.
M.period_text = function(p) return require("policytk.progress.dates").period_text(p) end
M.day_text = function(d) return require("policytk.progress.dates").day_text(d) end

--- A time the store wrote (UTC, "2025-07-03T06:05:00Z") as staff read it: 北京时间 (UTC+8, no
--- daylight saving), "2025年7月3日 14:05". Any other text comes back as it is; nil as "—".
function M.beijing(iso)
  if iso == nil then return "—" end
  local y, mo, d, h, mi = tostring(iso):match("^(%d%d%d%d)%-(%d%d)%-(%d%d)[T ](%d%d):(%d%d)")
  if not y then return tostring(iso) end
  local dates = require "policytk.progress.dates"
  local z = dates.days(string.format("%s-%s-%s", y, mo, d))
  local minutes = tonumber(h) * 60 + tonumber(mi) + 8 * 60
  if minutes >= 24 * 60 then z, minutes = z + 1, minutes - 24 * 60 end
  return string.format("%s %02d:%02d", M.day_text(dates.date(z)), minutes // 60, minutes % 60)
end

return M
