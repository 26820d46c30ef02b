-- policytk.serve.sessions: the sessions of signed-in users (table sessions;
-- migrations/0010_accounts.sql; docs/accounts.md) — the cookie's token, kept only as its
-- SHA-256, the CSRF token every form carries, and the timeouts.
--
--   sessions.create(conn, user, address [, now]) → token, csrf   (user: a name or a users row)
--   sessions.lookup(conn, token [, now]) → session, user | nil, reason, message
--       reason: "missing" (no token), "unknown", "expired" (8 h since sign-in), "idle" (30 min
--       without a request), "disabled" (the user was disabled); an ended session is deleted
--   sessions.touch(conn, session [, now])      -- a request: last_seen = now (at most every 5 minutes)
--   sessions.destroy(conn, token);  sessions.destroy_user(conn, name) → sessions ended
--   sessions.csrf_ok(session, given) → bool    -- constant-time comparison
--   sessions.cookie(token, { secure = bool }) → the Set-Cookie value; sessions.cookie_clear(opts)
--   sessions.purge(conn [, now]) → sessions removed that have ended
--
-- Tokens are 32 random bytes, base64url (43 characters). The database never holds the cookie's
-- token, so a copy of the database lets no one in. The cookie is HttpOnly (scripts cannot read
-- it), SameSite=Strict (no other site's page sends it), Path=/, with Secure when the server
-- speaks TLS, and no Max-Age (it ends with the browser; the server ends it after 8 h anyway).
--
-- Capability: accounts and rights of the server (entry policytk.serve; map in docs/architecture.md).

local crypto = require "policytk.crypto"
local store = require "policytk.data.store"
local clock = require "policytk.serve.clock"

local M = {}

M.ABSOLUTE = 8 * 3600       -- seconds from sign-in to the end of any session
M.IDLE = 30 * 60            -- seconds without a request that end a session
M.TOUCH_EVERY = 300         -- last_seen is written at most this often (each write clears the page cache)
M.COOKIE = "policytk_session"
M.TOKEN_BYTES = 32

local MESSAGES = {
  missing = "请先登录", unknown = "会话无效，请重新登录", expired = "会话已超过 8 小时，请重新登录",
  idle = "超过 30 分钟没有操作，请重新登录", disabled = "账号已停用，请联系管理员",
}
M.MESSAGES = MESSAGES

local function id_of(token) return crypto.sha256(token) end

local function well_formed(token)
  return type(token) == "string" and #token == 43 and not token:find("[^A-Za-z0-9_-]")
end

--- A new session for user from address; returns the cookie's token and the CSRF token.
function M.create(conn, user, address, now)
  local name = type(user) == "table" and user.name or user
  if type(name) ~= "string" then error("sessions.create: user expected (a name or a users row)", 2) end
  now = clock.now(now)
  local token, csrf = crypto.random_token(M.TOKEN_BYTES), crypto.random_token(M.TOKEN_BYTES)
  local expires = clock.iso(clock.seconds(now) + M.ABSOLUTE)
  conn:run([[INSERT INTO sessions (id, user, csrf, created_at, last_seen, expires_at, address)
    VALUES (?, ?, ?, ?, ?, ?, ?)]], id_of(token), name, csrf, now, now, expires, tostring(address or ""))
  return token, csrf
end

local function refused(reason) return nil, reason, MESSAGES[reason] end

--- The session of a token and its user, or nil, reason and message (see the header).
function M.lookup(conn, token, now)
  if token == nil or token == "" then return refused("missing") end
  if not well_formed(token) then return refused("unknown") end
  local id = id_of(token)
  local s = store.clean(conn:first("SELECT * FROM sessions WHERE id = ?", id))
  if not s then return refused("unknown") end
  local t = clock.seconds(clock.now(now))
  local reason
  if t >= clock.seconds(s.expires_at) then reason = "expired"
  elseif t - clock.seconds(s.last_seen) >= M.IDLE then reason = "idle" end
  local user = store.clean(conn:first([[SELECT name, unit, role, city, disabled_at, created_at, created_by, changed_at
    FROM users WHERE name = ?]], s.user))
  if not reason and (not user or user.disabled_at) then reason = "disabled" end
  if reason then
    conn:run("DELETE FROM sessions WHERE id = ?", id)
    return refused(reason)
  end
  return s, user
end

--- Note a request in the session (the idle timeout counts from it). Returns whether it wrote.
function M.touch(conn, session, now)
  now = clock.now(now)
  if clock.seconds(now) - clock.seconds(session.last_seen) < M.TOUCH_EVERY then return false end
  conn:run("UPDATE sessions SET last_seen = ? WHERE id = ? AND last_seen < ?", now, session.id, now)
  session.last_seen = now
  return true
end

--- End the session of a token (signing out). Returns whether there was one.
function M.destroy(conn, token)
  if not well_formed(token) then return false end
  local n = conn:run("DELETE FROM sessions WHERE id = ?", id_of(token))
  return n > 0
end

--- End every session of a user; returns how many.
function M.destroy_user(conn, name)
  return (conn:run("DELETE FROM sessions WHERE user = ?", name))
end

--- Remove the sessions that have ended (absolute or idle) by now; returns how many.
function M.purge(conn, now)
  now = clock.now(now)
  local idle_since = clock.iso(clock.seconds(now) - M.IDLE)
  return (conn:run("DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?", now, idle_since))
end

--- Whether a form's CSRF token is the session's (constant time; a missing one is not).
function M.csrf_ok(session, given)
  if type(session) ~= "table" or type(session.csrf) ~= "string" or type(given) ~= "string" or given == "" then
    return false
  end
  return crypto.equal(session.csrf, given)
end

--- The Set-Cookie header value for a session's token.
function M.cookie(token, opts)
  if not well_formed(token) then error("sessions.cookie: not a session token", 2) end
  local parts = { M.COOKIE .. "=" .. token, "HttpOnly", "SameSite=Strict", "Path=/" }
  if opts and opts.secure then parts[#parts + 1] = "Secure" end
  return table.concat(parts, "; ")
end

--- The Set-Cookie header value that removes the cookie (signing out).
function M.cookie_clear(opts)
  local parts = { M.COOKIE .. "=", "HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=0" }
  if opts and opts.secure then parts[#parts + 1] = "Secure" end
  return table.concat(parts, "; ")
end

return M
