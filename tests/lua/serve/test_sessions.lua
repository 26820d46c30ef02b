-- policytk.serve.sessions (issue 19, accounts and rights): the token never stored (only its
-- SHA-256), lookup refusing an unknown token, an expired session (8 h), an idle one (30 min), a
-- disabled user's; touch keeping a session alive until the absolute end; CSRF compared exactly
-- (a missing, wrong or other session's token refused); the cookie's attributes.

local core = require "policytk.core"
local crypto = require "policytk.crypto"
local testing = require "policytk.testing"
local store = require "policytk.data.store"
local accounts = require "policytk.serve.accounts"
local sessions = require "policytk.serve.sessions"
local clock = require "policytk.serve.clock"

accounts.limits = { ops = 1, mem = 8192 }

local DB = testing.tmp_path() .. ".db"
assert(testing.policytk({ "load", "--db", DB }, { cwd = core.root }) == 0)
local conn = store.open(DB)
local T0 = "2025-07-03T01:00:00Z"
local function at(seconds) return clock.iso(clock.seconds(T0) + seconds) end
for _, name in ipairs({ "unit1", "unit2" }) do
  accounts.add(conn, { name = name, unit = "市经信局", city = "wenzhou", role = "unit", password = "正确的密码123",
    by = "admin", address = "cli", now = T0 })
end

test("create: a 43-character token and CSRF token; the database holds the token's SHA-256 only", function(t)
  local token, csrf = sessions.create(conn, "unit1", "127.0.0.1", T0)
  t.match(token, "^[A-Za-z0-9_-]+$")
  t.eq({ #token, #csrf }, { 43, 43 })
  t.ok(token ~= csrf)
  local rows = store.all(conn, "SELECT * FROM sessions")
  t.eq(#rows, 1)
  t.eq(rows[1].id, crypto.sha256(token))
  for _, v in pairs(rows[1]) do t.ok(v ~= token, "the token itself is stored") end
  t.eq({ rows[1].user, rows[1].created_at, rows[1].last_seen, rows[1].expires_at, rows[1].address },
    { "unit1", T0, T0, at(8 * 3600), "127.0.0.1" })
  local s, user = sessions.lookup(conn, token, at(60))
  t.eq({ s.user, s.csrf, user.name, user.unit, user.role, user.city }, { "unit1", csrf, "unit1", "市经信局", "unit", "wenzhou" })
  t.eq(user.hash, nil)
  t.ok(sessions.destroy(conn, token))
  t.eq(select(2, sessions.lookup(conn, token, at(61))), "unknown", "signed out")
end)

test("lookup: missing, malformed and unknown tokens are refused with a reason and a Chinese message", function(t)
  t.eq({ sessions.lookup(conn, nil) }, { nil, "missing", "请先登录" })
  t.eq({ sessions.lookup(conn, "") }, { nil, "missing", "请先登录" })
  t.eq(select(2, sessions.lookup(conn, "x' OR 1=1 --")), "unknown")
  t.eq(select(2, sessions.lookup(conn, crypto.random_token(32))), "unknown")
  local token = sessions.create(conn, "unit1", "127.0.0.1", T0)
  local s = conn:first("SELECT id FROM sessions WHERE id = ?", crypto.sha256(token))
  t.eq(select(2, sessions.lookup(conn, s.id, T0)), "unknown", "the stored hash is not a token")
end)

test("idle: 30 minutes without a request end a session; a request (touch) keeps it", function(t)
  local token = sessions.create(conn, "unit1", "127.0.0.1", T0)
  local s = sessions.lookup(conn, token, at(29 * 60))
  t.ok(s)
  t.ok(sessions.touch(conn, s, at(29 * 60)))
  t.eq(sessions.touch(conn, s, at(29 * 60 + 30)), false, "at most once every 5 minutes")
  t.ok(sessions.lookup(conn, token, at(58 * 60)), "29 minutes after the touch")
  t.eq({ sessions.lookup(conn, token, at(59 * 60)) }, { nil, "idle", "超过 30 分钟没有操作，请重新登录" })
  t.eq(conn:first("SELECT count(*) AS n FROM sessions WHERE id = ?", crypto.sha256(token)).n, 0, "deleted")
end)

test("expired: 8 hours after sign-in a session ends even when it was used all along", function(t)
  local token = sessions.create(conn, "unit2", "127.0.0.1", T0)
  for minutes = 20, 8 * 60 - 20, 20 do
    local s = sessions.lookup(conn, token, at(minutes * 60))
    t.ok(s, "alive at " .. minutes .. " minutes")
    sessions.touch(conn, s, at(minutes * 60))
  end
  t.eq({ sessions.lookup(conn, token, at(8 * 3600)) }, { nil, "expired", "会话已超过 8 小时，请重新登录" })
end)

test("a disabled user's session is refused (and ended) even when the row were left behind", function(t)
  local token = sessions.create(conn, "unit2", "127.0.0.1", T0)
  -- disable the user behind accounts' back: lookup must check the user, not rely on disable
  conn:run("UPDATE users SET disabled_at = ? WHERE name = 'unit2'", at(10))
  t.eq({ sessions.lookup(conn, token, at(20)) }, { nil, "disabled", "账号已停用，请联系管理员" })
  t.eq(conn:first("SELECT count(*) AS n FROM sessions WHERE user = 'unit2'").n, 0)
  conn:run("UPDATE users SET disabled_at = NULL WHERE name = 'unit2'")
end)

test("csrf_ok: only the session's own token, compared whole", function(t)
  local _, csrf1 = sessions.create(conn, "unit1", "127.0.0.1", T0)
  local token2, csrf2 = sessions.create(conn, "unit2", "127.0.0.1", T0)
  local s2 = sessions.lookup(conn, token2, at(1))
  t.eq(sessions.csrf_ok(s2, csrf2), true)
  t.eq(sessions.csrf_ok(s2, csrf1), false, "another session's token")
  t.eq(sessions.csrf_ok(s2, nil), false, "missing")
  t.eq(sessions.csrf_ok(s2, ""), false, "empty")
  t.eq(sessions.csrf_ok(s2, csrf2:sub(1, 42)), false, "a prefix")
  t.eq(sessions.csrf_ok(s2, csrf2 .. "A"), false, "longer")
  t.eq(sessions.csrf_ok(s2, csrf2:sub(1, 42) .. (csrf2:sub(43) == "A" and "B" or "A")), false, "last character")
  t.eq(sessions.csrf_ok(nil, csrf2), false, "no session")
end)

test("cookie: HttpOnly, SameSite=Strict, Path=/, and Secure with TLS; clearing it", function(t)
  local token = crypto.random_token(32)
  t.eq(sessions.cookie(token), "policytk_session=" .. token .. "; HttpOnly; SameSite=Strict; Path=/")
  t.eq(sessions.cookie(token, { secure = true }), "policytk_session=" .. token .. "; HttpOnly; SameSite=Strict; Path=/; Secure")
  t.eq(sessions.cookie_clear({ secure = true }), "policytk_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure")
  t.raises(function() sessions.cookie("a;b") end, "not a session token")
end)

test("purge: ended sessions removed, live ones kept", function(t)
  conn:run("DELETE FROM sessions")
  local live = sessions.create(conn, "unit1", "127.0.0.1", at(9 * 3600))
  sessions.create(conn, "unit1", "127.0.0.1", T0)
  t.eq(sessions.purge(conn, at(9 * 3600 + 60)), 1)
  t.ok(sessions.lookup(conn, live, at(9 * 3600 + 120)))
end)
