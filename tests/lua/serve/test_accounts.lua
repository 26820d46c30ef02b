-- policytk.serve.accounts (issue 19, accounts and rights): users added with an Argon2id hash
-- (never the password), refused input naming its field (in Chinese) and changing nothing, sign-in
-- refusing a wrong password, the lockout after 5 failures for a name or 20 from an address and
-- its end after the window (the clock injected), a success ending the count, disable ending the
-- sessions and the sign-in, enable, passwd, and a hash redone when the limits change.

local core = require "policytk.core"
local crypto = require "policytk.crypto"
local testing = require "policytk.testing"
local store = require "policytk.data.store"
local accounts = require "policytk.serve.accounts"
local sessions = require "policytk.serve.sessions"
local audit = require "policytk.serve.audit"
local clock = require "policytk.serve.clock"

accounts.limits = { ops = 1, mem = 8192 }          -- fast hashes; the default is checked in tests/c/test_crypto.c

local DB = testing.tmp_path() .. ".db"
assert(testing.policytk({ "load", "--db", DB }, { cwd = core.root }) == 0)
local conn = store.open(DB)
local T0 = "2025-07-03T06:00:00Z"
local function at(seconds) return clock.iso(clock.seconds(T0) + seconds) end
local WHO = { by = "admin", address = "cli" }
local function with(extra) local o = { by = WHO.by, address = WHO.address } for k, v in pairs(extra) do o[k] = v end return o end

local function users() return conn:first("SELECT count(*) AS n FROM users").n end

local function add(name, spec)
  spec = spec or {}
  return accounts.add(conn, { name = name, unit = spec.unit, role = spec.role or "unit", city = spec.city,
    password = spec.password or "正确的密码123", by = "admin", address = "cli", now = spec.now or T0 })
end

test("add: Argon2id hash, never the password; the user as stored; the change audited", function(t)
  local u = add("jxj", { unit = "市经信局", city = "wenzhou" })
  t.eq({ u.name, u.unit, u.role, u.city, u.created_at, u.created_by }, { "jxj", "市经信局", "unit", "wenzhou", T0, "admin" })
  t.eq(u.hash, nil, "the user row carries no hash")
  local h = conn:first("SELECT hash FROM users WHERE name = 'jxj'").hash
  t.match(h, "^%$argon2id%$v=19%$")
  t.ok(not h:find("正确的密码123", 1, true))
  t.ok(crypto.pwhash_verify(h, "正确的密码123"))
  local dump = {}
  for r in conn:rows("SELECT * FROM audit") do for _, v in pairs(r) do dump[#dump + 1] = tostring(v) end end
  t.ok(not table.concat(dump, " "):find("正确的密码123", 1, true), "no password in the audit")
  local e = audit.list(conn, { object = "jxj" })[1]
  t.eq({ e.action, e.user, e.address, e.at }, { "user_add", "admin", "cli", T0 })
  t.eq(e.detail.after, { name = "jxj", unit = "市经信局", role = "unit", city = "wenzhou" })
end)

test("add: the city found from the unit when only one city names it; office and admin without a unit", function(t)
  t.eq(add("ohq", { unit = "瓯海区政府" }).city, "wenzhou")
  t.eq(add("office", { role = "office", city = "温州市" }).city, "wenzhou", "a city by its name")
  local a = add("root", { role = "admin" })
  t.eq({ a.city, a.unit }, { nil, nil })
end)

test("add: each refusal names its field, in Chinese, and adds nothing", function(t)
  local before = users()
  local cases = {
    { { name = "", role = "unit", unit = "市经信局", city = "wenzhou" }, "name", "用户名：不能为空" },
    { { name = "a b", role = "office" }, "name", "用户名：不能含空格" },
    { { name = "jxj", role = "unit", unit = "市经信局", city = "wenzhou" }, "name", "用户名：用户 \"jxj\" 已存在" },
    { { name = "x1", role = "boss" }, "role", "角色：应为 unit（单位）、office（办公室）" },
    { { name = "x1", role = "unit" }, "unit", "单位：角色为 unit（单位）的用户须指明单位" },
    { { name = "x1", role = "unit", unit = "市经信", city = "wenzhou" }, "unit",
      "单位：城市 wenzhou 的插件中没有单位 \"市经信\"（是否要写 \"市经信局\"？）" },
    { { name = "x1", role = "unit", unit = "温州市经济和信息化局" }, "unit", "单位：应写简称 \"市经信局\"" },
    { { name = "x1", role = "unit", unit = "市科技局" }, "city", "城市：单位 \"市科技局\" 见于多个城市" },
    { { name = "x1", role = "unit", unit = "市经信局", city = "ningbo" }, "city", "城市：数据库中没有城市 \"ningbo\"" },
    { { name = "x1", role = "unit", unit = "市经信局", city = "wenzhou", password = "短密码" }, "password",
      "密码：至少 8 个字符，实有 3 个" },
    { { name = "longname1", role = "office", password = "longname1" }, "password", "密码：不能与用户名相同" },
  }
  for i, c in ipairs(cases) do
    local spec = c[1]
    spec.password = spec.password or "正确的密码123"
    spec.by, spec.address, spec.now = "admin", "cli", T0
    local ok, e = pcall(accounts.add, conn, spec)
    t.ok(not ok, "case " .. i .. " was accepted")
    t.ok(accounts.is_refusal(e), "case " .. i .. ": " .. tostring(e))
    t.eq(e.field, c[2], "case " .. i)
    t.ok(tostring(e):find(c[3], 1, true), string.format("case %d: %q lacks %q", i, tostring(e), c[3]))
  end
  t.eq(users(), before)
  t.raises(function() accounts.add(conn, { name = "y", role = "office", password = "正确的密码123" }) end, "opts.by")
end)

test("authenticate: the right password signs in; a wrong one and an unknown name get the same refusal", function(t)
  local u = accounts.authenticate(conn, "jxj", "正确的密码123", "10.0.0.1", at(60))
  t.eq(u and u.name, "jxj")
  local none, msg, reason = accounts.authenticate(conn, "jxj", "正确的密码124", "10.0.0.1", at(61))
  t.eq({ none, msg, reason }, { nil, "用户名或密码不正确", "bad_password" })
  local none2, msg2 = accounts.authenticate(conn, "nobody", "正确的密码123", "10.0.0.1", at(62))
  t.eq({ none2, msg2 }, { nil, "用户名或密码不正确" })
  t.eq(accounts.authenticate(conn, "jxj", "", "10.0.0.1", at(63)), nil)
  local rows = store.all(conn, "SELECT user, ok, reason FROM login_attempts WHERE at >= ? ORDER BY id", at(60))
  t.eq(rows, { { user = "jxj", ok = 1, reason = "ok" }, { user = "jxj", ok = 0, reason = "bad_password" },
    { user = "nobody", ok = 0, reason = "unknown_user" }, { user = "jxj", ok = 0, reason = "bad_password" } })
end)

test("lockout: 5 failures in 15 minutes lock the name (even the right password) until 15 minutes after the last", function(t)
  add("lock1", { unit = "市金融办", city = "wenzhou" })
  local base = 3600
  for i = 1, 4 do
    local _, msg = accounts.authenticate(conn, "lock1", "wrong-password", "10.0.0.2", at(base + i))
    t.eq(msg, "用户名或密码不正确", "failure " .. i)
  end
  local _, fifth = accounts.authenticate(conn, "lock1", "wrong-password", "10.0.0.2", at(base + 5))
  -- the 5th failure at 07:00:05 UTC: locked until 07:15:05 UTC → 15:16 北京时间 (rounded up)
  t.eq(fifth, "用户名或密码不正确；失败次数过多，已暂时锁定，请于北京时间 2025年7月3日 15:16 后再试")
  local none, msg, reason = accounts.authenticate(conn, "lock1", "正确的密码123", "10.0.0.3", at(base + 60))
  t.eq({ none, reason }, { nil, "locked" })
  t.eq(msg, "登录失败次数过多，已暂时锁定，请于北京时间 2025年7月3日 15:16 后再试")
  -- attempts while locked are recorded but do not move the end
  for i = 1, 3 do accounts.authenticate(conn, "lock1", "wrong-password", "10.0.0.3", at(base + 100 + i)) end
  t.eq(conn:first("SELECT count(*) AS n FROM login_attempts WHERE user = 'lock1' AND reason = 'locked'").n, 4)
  t.eq(conn:first("SELECT count(*) AS n FROM login_attempts WHERE user = 'lock1' AND reason = 'lock_name'").n, 1)
  t.eq(select(3, accounts.authenticate(conn, "lock1", "正确的密码123", "10.0.0.3", at(base + 5 + 15 * 60 - 1))), "locked")
  local u = accounts.authenticate(conn, "lock1", "正确的密码123", "10.0.0.3", at(base + 5 + 15 * 60))
  t.eq(u and u.name, "lock1", "released after the window")
end)

test("lockout: a success ends the name's count; failures spread over more than 15 minutes do not lock", function(t)
  add("lock2", { unit = "市商务局", city = "wenzhou" })
  local base = 2 * 3600
  for i = 1, 4 do accounts.authenticate(conn, "lock2", "wrong-password", "10.0.1." .. i, at(base + i)) end
  t.ok(accounts.authenticate(conn, "lock2", "正确的密码123", "10.0.1.9", at(base + 10)))
  for i = 1, 4 do accounts.authenticate(conn, "lock2", "wrong-password", "10.0.1." .. i, at(base + 20 + i)) end
  t.ok(accounts.authenticate(conn, "lock2", "正确的密码123", "10.0.1.9", at(base + 30)), "4 + 4 around a success")
  base = 3 * 3600
  for i = 1, 8 do accounts.authenticate(conn, "lock2", "wrong-password", "10.0.2.1", at(base + i * 240)) end
  t.ok(accounts.authenticate(conn, "lock2", "正确的密码123", "10.0.2.2", at(base + 8 * 240 + 1)),
    "8 failures 4 minutes apart: at most 4 within any 15 minutes")
end)

test("lockout: 20 failures from one address lock that address for every name, not other addresses", function(t)
  add("lock3", { unit = "市财政局", city = "wenzhou" })
  local base = 4 * 3600
  for i = 1, 20 do accounts.authenticate(conn, "guess" .. i, "wrong-password", "10.9.9.9", at(base + i)) end
  local _, msg, reason = accounts.authenticate(conn, "lock3", "正确的密码123", "10.9.9.9", at(base + 30))
  t.eq(reason, "locked")
  -- the 20th failure at 10:00:20 UTC: locked until 10:15:20 UTC → 18:16 北京时间
  t.match(msg, "北京时间 2025年7月3日 18:16 后再试")
  t.ok(accounts.authenticate(conn, "lock3", "正确的密码123", "10.9.9.8", at(base + 31)), "another address")
  -- a success from the address does not end the address's count
  t.eq(select(3, accounts.authenticate(conn, "lock3", "正确的密码123", "10.9.9.9", at(base + 32))), "locked")
  t.ok(accounts.authenticate(conn, "lock3", "正确的密码123", "10.9.9.9", at(base + 20 + 15 * 60)))
end)

test("disable: no sign-in, the user's sessions ended at once; enable restores sign-in, not the sessions", function(t)
  local token = sessions.create(conn, "jxj", "10.0.0.1", at(5 * 3600))
  local other = sessions.create(conn, "office", "10.0.0.1", at(5 * 3600))
  t.ok(sessions.lookup(conn, token, at(5 * 3600 + 1)))
  t.eq(accounts.disable(conn, "jxj", with({ now = at(5 * 3600 + 2) })), 1)
  t.eq(select(2, sessions.lookup(conn, token, at(5 * 3600 + 3))), "unknown", "the session row is gone")
  t.ok(sessions.lookup(conn, other, at(5 * 3600 + 3)), "another user's session stays")
  local none, msg, reason = accounts.authenticate(conn, "jxj", "正确的密码123", "10.0.0.1", at(5 * 3600 + 4))
  t.eq({ none, msg, reason }, { nil, "账号已停用，请联系管理员", "disabled" })
  t.eq(accounts.get(conn, "jxj").disabled_at, at(5 * 3600 + 2))
  t.eq(accounts.disable(conn, "jxj", with({ now = at(5 * 3600 + 5) })), 0, "twice changes nothing")
  t.eq(accounts.get(conn, "jxj").disabled_at, at(5 * 3600 + 2))
  accounts.enable(conn, "jxj", with({ now = at(5 * 3600 + 6) }))
  t.ok(accounts.authenticate(conn, "jxj", "正确的密码123", "10.0.0.1", at(5 * 3600 + 7)))
  t.eq(select(2, sessions.lookup(conn, token, at(5 * 3600 + 8))), "unknown")
  local actions = {}
  for _, e in ipairs(audit.list(conn, { object = "jxj" })) do actions[#actions + 1] = e.action end
  t.eq(actions, { "user_enable", "user_disable", "user_add" })
  t.eq(audit.list(conn, { action = "user_disable" })[1].detail.after.sessions_ended, 1)
end)

test("passwd: the old password stops working, the new one works; an unknown user is refused by field", function(t)
  accounts.passwd(conn, "office", "新的密码abcdef", with({ now = at(6 * 3600) }))
  t.eq(accounts.authenticate(conn, "office", "正确的密码123", "10.0.0.1", at(6 * 3600 + 1)), nil)
  t.ok(accounts.authenticate(conn, "office", "新的密码abcdef", "10.0.0.1", at(6 * 3600 + 2)))
  local e = t.raises(function() accounts.passwd(conn, "nobody", "新的密码abcdef", WHO) end)
  t.eq(e.field, "name")
  e = t.raises(function() accounts.passwd(conn, "office", "short", WHO) end)
  t.eq(e.field, "password")
  t.eq(accounts.get(conn, "office").changed_at, at(6 * 3600))
end)

test("a hash made with other limits is redone at the next sign-in", function(t)
  local old = conn:first("SELECT hash FROM users WHERE name = 'ohq'").hash
  t.match(old, "m=8,t=1")
  accounts.limits = { ops = 2, mem = 16384 }
  local ok, err = pcall(function()
    t.ok(accounts.authenticate(conn, "ohq", "正确的密码123", "10.0.0.1", at(7 * 3600)))
    local new = conn:first("SELECT hash FROM users WHERE name = 'ohq'").hash
    t.match(new, "m=16,t=2")
    t.ok(crypto.pwhash_verify(new, "正确的密码123"))
  end)
  accounts.limits = { ops = 1, mem = 8192 }
  if not ok then error(err, 0) end
end)

test("list: sorted by city, role, name; filtered; no hash", function(t)
  local names = {}
  for _, u in ipairs(accounts.list(conn)) do
    names[#names + 1] = u.name
    t.eq(u.hash, nil)
  end
  t.eq(names[1], "root", "the admin without a city first")
  t.eq(#accounts.list(conn, { role = "office" }), 1)
  t.eq(#accounts.list(conn, { city = "taizhou" }), 0)
end)
