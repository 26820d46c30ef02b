-- The data epoch behind the pages' cache (migrations/0011_data_epoch.sql, policytk.serve.pages.
-- cache): every table of the schema is either page data — its inserts, updates and deletes
-- raise data_epoch.n through three triggers — or named here as not shown by the pages; a write
-- to page data raises the epoch (and empties the cache), a sign-in or a session's touch does not;
-- the structure epoch (data_epoch.s) moves with documents, measures, targets and shares only,
-- and policytk.round.units recomputes who reports what when it moves.

local core = require "policytk.core"
local testing = require "policytk.testing"
local store = require "policytk.data.store"
local cache = require "policytk.serve.pages.cache"

-- Tables the pages never read: writing them must not empty the cache.
local NOT_PAGE_DATA = {
  users = true, sessions = true, login_attempts = true, audit = true, firms = true, firm_years = true,
  fetched_documents = true, fetched_versions = true, document_versions = true, http_cache = true,
  report_runs = true, data_epoch = true,
}

local DB = testing.tmp_path() .. ".db"
assert(testing.policytk({ "demo", "--db", DB }, { env = { POLICYTK_TODAY = "2025-07-03" }, cwd = core.root }) == 0)
local conn = store.open(DB)

test("every table is page data with its three epoch triggers, or named as not page data", function(t)
  local triggers = {}
  for r in conn:rows("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'data_epoch_%'") do
    triggers[r.tbl_name] = (triggers[r.tbl_name] or 0) + 1
  end
  local n = 0
  for r in conn:rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") do
    n = n + 1
    if NOT_PAGE_DATA[r.name] then
      t.eq(triggers[r.name], nil, r.name .. " is not page data and has no epoch trigger")
    else
      t.eq(triggers[r.name], 3, r.name .. ": page data needs its insert, update and delete triggers "
        .. "(migrations/0011_data_epoch.sql), or belongs in NOT_PAGE_DATA here")
    end
  end
  t.ok(n > 20, "the schema's tables were read")
end)

test("a figure raises the epoch and empties the cache; a sign-in's session does not", function(t)
  local built = 0
  local function page() return cache.get(conn, "test-page", function() built = built + 1; return "html" end) end
  page()
  local v = cache.version(conn)
  local accounts = require "policytk.serve.accounts"
  local sessions = require "policytk.serve.sessions"
  accounts.add(conn, { name = "epoch", unit = "市经信局", role = "leader", city = "wenzhou", password = "long-enough-1",
                       by = "test", address = "test" })
  t.ok(not accounts.authenticate(conn, "epoch", "wrong", "127.0.0.1"), "a failed sign-in")
  local user = accounts.authenticate(conn, "epoch", "long-enough-1", "127.0.0.1")
  local s = sessions.lookup(conn, (sessions.create(conn, user, "127.0.0.1")))
  sessions.touch(conn, s, "2099-01-01T00:00:00Z")
  t.eq(cache.version(conn), v, "a user, sign-ins, a session and its touch leave the epoch")
  page()
  t.eq(built, 1, "the cached page is used after a sign-in")
  conn:run("UPDATE observations SET value = value + 1 WHERE rowid = (SELECT min(rowid) FROM observations)")
  t.ok(cache.version(conn) ~= v, "a figure raises the epoch")
  page()
  t.eq(built, 2, "the page is built again after a figure changed")
  -- another connection's write is seen too (another worker, an import beside the server)
  local other = store.open(DB)
  other:run("DELETE FROM target_shares")
  other:run("INSERT INTO task_progress (city, doc, mid, period, unit, progress, by_user, at) "
    .. "VALUES ('wenzhou', 'd', 'm', '2025-06', 'u', 'p', 'x', '2025-07-01T00:00:00Z')")
  other:close()
  page()
  t.eq(built, 3, "another connection's write empties this connection's cache")
end)

test("the structure epoch: a figure leaves it, a share or a target changes it; units.list follows", function(t)
  local units = require "policytk.round.units"
  local city = units.city(conn, "wenzhou")
  local s0 = conn:first("SELECT s FROM data_epoch").s
  local list = units.list(conn, city)
  t.ok(units.list(conn, city) == list, "kept while the structure is unchanged")
  conn:run("UPDATE observations SET value = value + 1 WHERE rowid = (SELECT min(rowid) FROM observations)")
  t.eq(conn:first("SELECT s FROM data_epoch").s, s0, "a figure is not structure")
  t.ok(units.list(conn, city) == list, "still kept after a figure")
  conn:run("UPDATE measure_units SET unit = unit || '（改）' WHERE rowid = (SELECT min(mu.rowid) FROM measure_units mu "
    .. "JOIN measures m ON m.id = mu.measure JOIN documents d ON d.id = m.document WHERE d.city = 'wenzhou')")
  t.ok(conn:first("SELECT s FROM data_epoch").s ~= s0, "a measure's unit is structure")
  local again = units.list(conn, city)
  t.ok(again ~= list, "computed again after the structure changed")
  local renamed = false
  for _, u in ipairs(again) do if u.short:find("（改）", 1, true) then renamed = true end end
  t.ok(renamed, "the new list holds the change")
  conn:close()
end)
