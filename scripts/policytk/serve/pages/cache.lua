-- policytk.serve.pages.cache: what a page computed, kept until the data it shows changes — keyed
-- on data_epoch.n (migrations/0011_data_epoch.sql): triggers raise it with every insert, update
-- and delete of a table the pages read, in the same transaction as the change, whoever writes
-- (the server, a `policytk import` beside it, a staff script's SQL). Writes the pages do not
-- show — a sign-in's session, a lockout's attempts, the audit, the firm register — leave it,
-- so they do not empty every worker's cache (with `PRAGMA data_version` they did: each sign-in
-- cost every worker a cold render of the 驾驶舱).
--
--   cache.get(conn, key, build) → the value of build() for key, built once per data epoch
--   cache.version(conn)         → the data epoch, as text
--   cache.stats                 -- { hits =, misses = } (tests, the bench)
--
-- Entries live per connection (a weak table: a closed and collected connection takes its
-- entries with it; a new connection starts empty). The server keeps one connection per worker, so each worker builds
-- a page once per change of the data. At most MAX keys per connection (then it starts over).
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local M = { MAX = 64, stats = { hits = 0, misses = 0 } }

local by_conn = setmetatable({}, { __mode = "k" })

local VERSION = "SELECT n FROM data_epoch WHERE id = 1"

function M.version(conn)
  return tostring(conn:first(VERSION).n)
end

--- The value for key as of the current data version: built by build() on a miss. A build
--- that returns nil (a page's refusal: nil, status, message) is passed on and not kept.
function M.get(conn, key, build)
  local v = M.version(conn)
  local c = by_conn[conn]
  if not c or c.version ~= v or c.n >= M.MAX then
    c = { version = v, entries = {}, n = 0 }
    by_conn[conn] = c
  end
  local e = c.entries[key]
  if e ~= nil then
    M.stats.hits = M.stats.hits + 1
    return e
  end
  M.stats.misses = M.stats.misses + 1
  local value, status, message = build()
  if value == nil then return nil, status, message end
  c.entries[key] = value
  c.n = c.n + 1
  return value
end

--- Forget every entry (tests).
function M.clear()
  for k in pairs(by_conn) do by_conn[k] = nil end
end

return M
