-- policytk.fetch.source stores each batch of articles in one transaction (one commit a batch),
-- each article in its own savepoint: a batch whose commit fails is stored not at all and each
-- of its articles is counted failed with the reason, the batches before it stay. The articles
-- are the fixture portal's /bench/art_N.html; the listing is given (a test adapter).

local core = require "policytk.core"
local store = require "policytk.data.store"
local fetch = require "policytk.fetch"
local portal = dofile(core.root .. "/tests/fixtures/portal/fixture.lua")

local srv = portal.start(60)

local items = {}
for i = 1, 6 do items[i] = { title = "文章" .. i, url = srv.base .. "/bench/art_" .. i .. ".html" } end
package.preload["policytk.fetch.portal.test_list"] = function()
  return { list = function() return items end }
end
local plugin = { id = "batchcity", manifest = { hosts = { "127.0.0.1" } },
                 sources = { { id = "list", kind = "test_list", url = srv.base .. "/bench/" } } }
local OPTS = { batch = 3, concurrency = 3, per_host = 3, delay = 0, retries = 0, timeout = 10 }

local function versions(conn) return conn:first("SELECT count(*) AS n FROM fetched_versions").n end

test("batches: all six articles stored new, three to a transaction", function(t)
  local path = os.tmpname()
  os.remove(path)
  local conn = store.open(path)
  local row = fetch.source(conn, plugin, plugin.sources[1], OPTS)
  t.eq({ row.new, row.failed }, { 6, 0 })
  t.eq(versions(conn), 6)
  conn:close()
  os.remove(path)
end)

test("a batch whose commit fails: none of it stored, each counted failed; the batch before kept", function(t)
  local path = os.tmpname()
  os.remove(path)
  local conn = store.open(path)
  -- the fourth article's cache row brings a dangling reference (a deferred foreign key, checked
  -- at commit) with it: the second batch's commit fails, not any one statement
  conn:exec([[CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE child (parent INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)]])
  conn:exec(string.format([[CREATE TEMP TRIGGER dangling AFTER INSERT ON http_cache
    WHEN NEW.url = '%s' BEGIN INSERT INTO child VALUES (999); END]], items[4].url))
  local seen = {}
  local opts = {}
  for k, v in pairs(OPTS) do opts[k] = v end
  opts.progress = function(r, i) seen[#seen + 1] = i .. ":" .. r.new .. "/" .. r.failed end
  local row = fetch.source(conn, plugin, plugin.sources[1], opts)
  t.eq({ row.new, row.unchanged, row.failed }, { 3, 0, 3 })
  t.eq(#row.failures, 3)
  for k = 1, 3 do
    t.eq(row.failures[k].where, items[3 + k].url)
    t.match(row.failures[k].reason, "^database: ")
  end
  t.eq(versions(conn), 3, "the first batch stays, nothing of the second")
  t.eq(conn:first("SELECT count(*) AS n FROM http_cache").n, 3)
  t.eq(seen, { "1:3/0", "2:3/0", "3:3/0", "4:3/3", "5:3/3", "6:3/3" }, "progress after each batch is settled")
  conn:close()
  os.remove(path)
end)

test("stop the fixture portal", function(t)
  srv:stop()
  t.ok(true)
end)
