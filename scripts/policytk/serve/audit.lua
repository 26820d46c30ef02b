-- policytk.serve.audit: the audit trail — every write through policytk serve and policytk user:
-- who, when (UTC; 北京时间 for staff), from which address, which action on which object, and
-- what changed (before/after as JSON). Table audit (migrations/0010_accounts.sql).
--
--   audit.record(conn, { user =, address =, action =, object =, before =, after =, now = }) → id
--   audit.list(conn [, { user =, action =, object =, since =, ["until"] =, limit = }]) → entries,
--       newest first; entry = { id, at, at_local, user, address, action, object, detail = { before =, after = } }
--
-- record writes in the caller's transaction (it opens none), so that the change and its record
-- are kept or lost together: call it inside the conn:transaction that makes the change.
-- object is text ("wenzhou/T01", a user's name) or a table, stored as its JSON.
--
-- Capability: accounts and rights of the server (entry policytk.serve; map in docs/architecture.md).

local json = require "policytk.json"
local store = require "policytk.data.store"
local clock = require "policytk.serve.clock"
local NULL = require("policytk.db").NULL

local M = {}

local function text(field, v)
  if type(v) ~= "string" or v == "" then error(string.format("audit.record: %s (text) is required", field), 3) end
  return v
end

--- Record one change; returns the entry's id.
function M.record(conn, e)
  local object = e.object
  if type(object) == "table" then object = json.encode(object) end
  local detail = {}
  if e.before ~= nil then detail.before = e.before end
  if e.after ~= nil then detail.after = e.after end
  local _, id = conn:run("INSERT INTO audit (at, user, address, action, object, detail) VALUES (?, ?, ?, ?, ?, ?)",
    clock.now(e.now), text("user", e.user), text("address", e.address), text("action", e.action),
    text("object", object), json.encode(detail))
  return id
end

--- The entries matching filter (each key optional; since/until are ISO UTC, inclusive), newest first.
function M.list(conn, filter)
  filter = filter or {}
  local rows = store.all(conn, [[SELECT * FROM audit
    WHERE (:user IS NULL OR user = :user) AND (:action IS NULL OR action = :action)
      AND (:object IS NULL OR object = :object) AND (:since IS NULL OR at >= :since)
      AND (:until IS NULL OR at <= :until)
    ORDER BY at DESC, id DESC LIMIT :limit]], {
    user = filter.user or NULL, action = filter.action or NULL, object = filter.object or NULL,
    since = filter.since or NULL, ["until"] = filter["until"] or NULL, limit = filter.limit or -1 })
  for _, r in ipairs(rows) do
    r.detail = json.decode(r.detail)
    r.at_local = clock.beijing(r.at)
  end
  return rows
end

return M
