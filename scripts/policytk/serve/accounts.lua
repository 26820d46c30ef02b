-- policytk.serve.accounts: the users of policytk serve — adding them, their passwords (Argon2id
-- through policytk.crypto), disabling and enabling, and signing in with a lockout after repeated
-- failures (tables users, login_attempts; migrations/0010_accounts.sql; docs/accounts.md).
--
--   accounts.add(conn, { name =, unit =, role =, city =, password =, by =, address =, now = }) → user
--   accounts.check_new(conn, spec) → the user add would store, or a refusal (a form, a prompt)
--   accounts.passwd(conn, name, password, { by =, address =, now = })
--   accounts.disable(conn, name, opts) → sessions ended;  accounts.enable(conn, name, opts)
--   accounts.get(conn, name) → user or nil;  accounts.list(conn [, { city =, role = }]) → users
--   accounts.authenticate(conn, name, password, address [, now]) → user | nil, message, reason
--   accounts.is_refusal(e): whether an error is a refusal { field =, message = } (below)
--
-- A user is { name, unit, role, city, disabled_at, created_at, created_by, changed_at } (never
-- the hash). Refused input raises a refusal, a table { field = "unit", message = "单位：…" }
-- whose tostring is the message; the field is the users column, for a form to show the
-- message beside it. Every change is recorded in the audit trail (policytk.serve.audit) in the
-- same transaction; `by` is who made it, `address` where from ("cli" for policytk user).
--
-- Lockout (accounts.LOCK): the 5th failed sign-in for a name within 15 minutes, or the 20th
-- from one address, locks that name (that address, for every name) for 15 minutes from that
-- failure; the lock is recorded as an attempt with reason "lock_name" / "lock_address", and
-- the message says until when, in 北京时间. Attempts while locked are recorded (reason
-- "locked") but neither count nor extend the lock; after it the count starts afresh. A success
-- ends the count for the name (not for the address: signing in to one's own account must not
-- reset the count of someone guessing other names from there). The password is checked outside
-- any transaction (it takes ~0.1 s), so concurrent guesses may pass the limit by the number of
-- requests in flight.
--
-- Capability: accounts and rights of the server (entry policytk.serve; map in docs/architecture.md).

local crypto = require "policytk.crypto"
local json = require "policytk.json"
local store = require "policytk.data.store"
local clock = require "policytk.serve.clock"
local audit = require "policytk.serve.audit"
local sessions = require "policytk.serve.sessions"

local M = {}

M.ROLES = { "unit", "office", "leader", "admin" }
M.ROLE_NAMES = { unit = "单位", office = "办公室", leader = "领导", admin = "管理员" }
M.LOCK = { name_failures = 5, address_failures = 20, window = 15 * 60 }
M.PASSWORD_MIN = 8                      -- characters (UTF-8)
M.PASSWORD_MAX = 1024                   -- bytes: a form must not make the hash read megabytes
--- The Argon2id limits of new hashes: nil is libsodium's INTERACTIVE (ops 2, 64 MiB). Tests set
--- { ops = 1, mem = 8192 } to run fast; a hash made with other limits is redone at the next
--- successful sign-in.
M.limits = nil

local Refusal = { __name = "policytk.serve.refusal" }
Refusal.__tostring = function(r) return r.message end

local function refuse(field, fmt, ...)
  error(setmetatable({ field = field, message = string.format(fmt, ...) }, Refusal), 0)
end

function M.is_refusal(e) return getmetatable(e) == Refusal end

local COLUMNS = "name, unit, role, city, disabled_at, created_at, created_by, changed_at"

function M.get(conn, name)
  return store.clean(conn:first("SELECT " .. COLUMNS .. " FROM users WHERE name = ?", name))
end

--- Users sorted by city, role, name; filter { city =, role = } (each optional).
function M.list(conn, filter)
  filter = filter or {}
  return store.all(conn, "SELECT " .. COLUMNS .. [[ FROM users
    WHERE (?1 IS NULL OR city = ?1) AND (?2 IS NULL OR role = ?2)
    ORDER BY ifnull(city, ''), CASE role WHEN 'admin' THEN 0 WHEN 'office' THEN 1 WHEN 'leader' THEN 2 ELSE 3 END, name]],
    filter.city, filter.role)
end

-- Checks ------------------------------------------------------------------------------

local function check_name(name)
  if type(name) ~= "string" or name == "" then refuse("name", "用户名：不能为空") end
  if not utf8.len(name) then refuse("name", "用户名：不是有效的 UTF-8 文字") end
  if utf8.len(name) > 64 then refuse("name", "用户名：最多 64 个字，实有 %d 个", utf8.len(name)) end
  if name:find("[%c%s/\\]") or name:find("\u{3000}", 1, true) then
    refuse("name", "用户名：不能含空格、控制字符或 / \\（%q）", name)
  end
end

local function check_password(password, name)
  if type(password) ~= "string" or password == "" then refuse("password", "密码：不能为空") end
  if #password > M.PASSWORD_MAX then refuse("password", "密码：最多 %d 字节", M.PASSWORD_MAX) end
  local n = utf8.len(password)
  if not n then refuse("password", "密码：不是有效的 UTF-8 文字") end
  if n < M.PASSWORD_MIN then refuse("password", "密码：至少 %d 个字符，实有 %d 个", M.PASSWORD_MIN, n) end
  if password == name then refuse("password", "密码：不能与用户名相同") end
end

local function check_role(role)
  for _, r in ipairs(M.ROLES) do if r == role then return end end
  refuse("role", "角色：应为 unit（单位）、office（办公室）、leader（领导）、admin（管理员）之一，而不是 %q",
    tostring(role))
end

-- The city given by id or name → its id; refused when not loaded.
local function city_id(conn, given)
  local row = conn:first("SELECT id FROM cities WHERE id = ?1 OR name = ?1 OR code = ?1", given)
  if row then return row.id end
  local ids = {}
  for r in conn:rows("SELECT id FROM cities ORDER BY id") do ids[#ids + 1] = r.id end
  refuse("city", "城市：数据库中没有城市 %q（已载入：%s；先运行 policytk load）", given,
    #ids > 0 and table.concat(ids, "、") or "无")
end

local UNIT_NAMES = [[
SELECT short AS unit, name AS full FROM units WHERE city = ?1
UNION SELECT mu.unit, NULL FROM measure_units mu JOIN measures m ON m.id = mu.measure
  JOIN documents d ON d.id = m.document WHERE d.city = ?1 AND m.status = 'active' AND d.withdrawn = 0]]

--- The unit names of a city, as the plugins spell them (the units a plugin declares and every
--- responsible unit its active measures name): { [short] = full name or short }.
function M.unit_names(conn, city)
  local names = {}
  for r in conn:rows(UNIT_NAMES, city) do
    names[r.unit] = (r.full ~= nil and type(r.full) == "string") and r.full or names[r.unit] or r.unit
  end
  return names
end

-- The cities whose plugins name unit.
local function cities_of(conn, unit)
  local list = {}
  for r in conn:rows("SELECT id FROM cities ORDER BY id") do
    if M.unit_names(conn, r.id)[unit] then list[#list + 1] = r.id end
  end
  return list
end

-- Check unit against the city's units: the short name exactly, with a hint otherwise.
local function check_unit(conn, unit, city)
  if type(unit) ~= "string" or unit == "" then refuse("unit", "单位：不能为空") end
  local names = M.unit_names(conn, city)
  if names[unit] then return end
  local shorts = {}
  for short, full in pairs(names) do
    if full == unit then refuse("unit", "单位：应写简称 %q（%q 是它的全称）", short, unit) end
    shorts[#shorts + 1] = short
  end
  table.sort(shorts)
  local near = require("policytk.plugins.schema").nearest(unit, shorts)
  refuse("unit", "单位：城市 %s 的插件中没有单位 %q%s（policytk units --city %s 列出全部单位）", city, unit,
    near and string.format("（是否要写 %q？）", near) or "", city)
end

-- A unit no city's plugins name: refused, with the short name when it is a full name, or the
-- nearest short name.
local function unknown_anywhere(conn, unit)
  local shorts = {}
  for r in conn:rows("SELECT id FROM cities ORDER BY id") do
    for short, full in pairs(M.unit_names(conn, r.id)) do
      if full == unit then refuse("unit", "单位：应写简称 %q（%q 是它的全称），城市 %s", short, unit, r.id) end
      shorts[#shorts + 1] = short
    end
  end
  if #shorts == 0 then refuse("city", "城市：数据库中还没有城市（先运行 policytk load）") end
  table.sort(shorts)
  local near = require("policytk.plugins.schema").nearest(unit, shorts)
  refuse("unit", "单位：没有哪个城市的插件中有单位 %q%s（policytk units 列出全部单位）", unit,
    near and string.format("（是否要写 %q？）", near) or "")
end

-- Resolve and check the unit and city of a new user (in place).
local function check_place(conn, u)
  if u.city ~= nil then u.city = city_id(conn, u.city) end
  if u.role == "unit" and (u.unit == nil or u.unit == "") then
    refuse("unit", "单位：角色为 unit（单位）的用户须指明单位（--unit）")
  end
  if u.unit ~= nil and u.city == nil then
    local list = cities_of(conn, u.unit)
    if #list == 1 then u.city = list[1]
    elseif #list > 1 then
      refuse("city", "城市：单位 %q 见于多个城市（%s），请指明城市（--city）", u.unit, table.concat(list, "、"))
    else
      unknown_anywhere(conn, u.unit)
    end
  end
  if u.unit ~= nil then check_unit(conn, u.unit, u.city) end
end

local function hash(password)
  return crypto.pwhash(password, M.limits)
end

local function existing(conn, name)
  local u = M.get(conn, name)
  if not u then refuse("name", "用户名：没有用户 %q（policytk user list 列出全部用户）", tostring(name)) end
  return u
end

local function who(opts)
  if type(opts.by) ~= "string" or opts.by == "" then error("accounts: opts.by (who makes the change) is required", 3) end
  if type(opts.address) ~= "string" or opts.address == "" then
    error("accounts: opts.address (where the change comes from) is required", 3)
  end
end

local function public(u)
  return { name = u.name, unit = u.unit, role = u.role, city = u.city }
end

-- Changes -----------------------------------------------------------------------------

--- Check a new user's name, role, unit and city (not the password) without adding it: the
--- user as it would be stored ({ name, unit, role, city }, the city resolved), or a refusal.
function M.check_new(conn, spec)
  local u = { name = spec.name, unit = spec.unit, role = spec.role, city = spec.city }
  if u.unit == "" then u.unit = nil end
  if u.city == "" then u.city = nil end
  check_name(u.name)
  check_role(u.role)
  if M.get(conn, u.name) then refuse("name", "用户名：用户 %q 已存在", u.name) end
  check_place(conn, u)
  return u
end

--- Add a user (see the header); returns the user.
function M.add(conn, spec)
  who(spec)
  local u = M.check_new(conn, spec)
  check_password(spec.password, u.name)
  local now = clock.now(spec.now)
  local h = hash(spec.password)
  conn:transaction(function()
    if M.get(conn, u.name) then refuse("name", "用户名：用户 %q 已存在", u.name) end
    conn:run([[INSERT INTO users (name, unit, role, city, hash, created_at, created_by, changed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)]], u.name, u.unit, u.role, u.city, h, now, spec.by, now)
    audit.record(conn, { user = spec.by, address = spec.address, action = "user_add", object = u.name,
      after = public(u), now = now })
  end)
  return M.get(conn, u.name)
end

--- Set a user's password (the old one is not needed: the CLI runs on the server).
function M.passwd(conn, name, password, opts)
  who(opts)
  existing(conn, name)
  check_password(password, name)
  local now = clock.now(opts.now)
  local h = hash(password)
  conn:transaction(function()
    conn:run("UPDATE users SET hash = ?, changed_at = ? WHERE name = ?", h, now, name)
    audit.record(conn, { user = opts.by, address = opts.address, action = "user_passwd", object = name,
      after = { password = "（已更改）" }, now = now })
  end)
end

--- Disable a user: no sign-in, every session ended at once. Returns the number of sessions
--- ended. Disabling a disabled user changes nothing (0).
function M.disable(conn, name, opts)
  who(opts)
  local u = existing(conn, name)
  if u.disabled_at then return 0 end
  local now = clock.now(opts.now)
  return conn:transaction(function()
    conn:run("UPDATE users SET disabled_at = ?, changed_at = ? WHERE name = ?", now, now, name)
    local ended = sessions.destroy_user(conn, name)
    audit.record(conn, { user = opts.by, address = opts.address, action = "user_disable", object = name,
      before = { disabled_at = json.null }, after = { disabled_at = now, sessions_ended = ended }, now = now })
    return ended
  end)
end

--- Enable a disabled user again (its old sessions stay ended).
function M.enable(conn, name, opts)
  who(opts)
  local u = existing(conn, name)
  if not u.disabled_at then return end
  local now = clock.now(opts.now)
  conn:transaction(function()
    conn:run("UPDATE users SET disabled_at = NULL, changed_at = ? WHERE name = ?", now, name)
    audit.record(conn, { user = opts.by, address = opts.address, action = "user_enable", object = name,
      before = { disabled_at = u.disabled_at }, after = { disabled_at = json.null }, now = now })
  end)
end

-- Sign-in -----------------------------------------------------------------------------

local FAILED = "ok = 0 AND reason IN ('bad_password', 'unknown_user')"

-- The latest of several ISO times (nils skipped), or nil.
local function latest(...)
  local best
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if type(v) == "string" and (not best or v > best) then best = v end
  end
  return best
end

-- The last lock of `column = value` (reason lock_name or lock_address), ISO text or nil.
local function last_lock(conn, column, value, reason)
  local at = conn:first(string.format("SELECT max(at) AS at FROM login_attempts WHERE %s = ? AND reason = ?", column),
    value, reason).at
  return type(at) == "string" and at or nil
end

-- When the name or the address is locked at `t`: the end of the lock (seconds), or nil.
local function lock(conn, name, address, t)
  local l = latest(last_lock(conn, "user", name, "lock_name"), last_lock(conn, "address", address, "lock_address"))
  local ends = l and clock.seconds(l) + M.LOCK.window
  if ends and ends > t then return ends end
  return nil
end

local function failures(conn, column, value, since)
  return conn:first(string.format("SELECT count(*) AS n FROM login_attempts WHERE %s = ? AND %s AND at > ?",
    column, FAILED), value, since).n
end

-- After a failure at `now`: start a lock on the name (on the address) when its failures within
-- the window, since its last success and its last lock, reach the limit. Returns the lock's end.
local function maybe_lock(conn, name, address, now)
  local t = clock.seconds(now)
  local window = clock.iso(t - M.LOCK.window)
  local last_ok = conn:first("SELECT max(at) AS at FROM login_attempts WHERE user = ? AND ok = 1", name).at
  local ends
  if failures(conn, "user", name, latest(window, last_ok, last_lock(conn, "user", name, "lock_name")))
      >= M.LOCK.name_failures then
    conn:run("INSERT INTO login_attempts (user, address, at, ok, reason) VALUES (?, ?, ?, 0, 'lock_name')",
      name, address, now)
    ends = t + M.LOCK.window
  end
  if failures(conn, "address", address, latest(window, last_lock(conn, "address", address, "lock_address")))
      >= M.LOCK.address_failures then
    conn:run("INSERT INTO login_attempts (user, address, at, ok, reason) VALUES (?, ?, ?, 0, 'lock_address')",
      name, address, now)
    ends = t + M.LOCK.window
  end
  return ends
end

local function attempt(conn, name, address, now, ok, reason)
  conn:run("INSERT INTO login_attempts (user, address, at, ok, reason) VALUES (?, ?, ?, ?, ?)",
    name, address, now, ok and 1 or 0, reason)
end

-- The lock's end as staff read it: 北京时间, rounded up to the minute.
local function until_text(t)
  return clock.beijing(clock.iso((t + 59) // 60 * 60))
end

local dummy_hash
-- A hash to check unknown names against, so that they take as long as known ones.
local function dummy()
  dummy_hash = dummy_hash or crypto.pwhash(crypto.random_token(16), M.limits)
  return dummy_hash
end

local BAD = "用户名或密码不正确"

--- Sign in: the user, or nil, a message for the person (Chinese) and a reason ("locked",
--- "bad_password", "disabled"). An unknown name and a wrong password get the same message.
function M.authenticate(conn, name, password, address, now)
  if type(name) ~= "string" or type(password) ~= "string" then return nil, BAD, "bad_password" end
  address = tostring(address or "")
  now = clock.now(now)
  local t = clock.seconds(now)
  local ends = lock(conn, name, address, t)
  if ends then
    conn:transaction(function() attempt(conn, name, address, now, false, "locked") end)
    return nil, string.format("登录失败次数过多，已暂时锁定，请于北京时间 %s 后再试", until_text(ends)), "locked"
  end
  local row = store.clean(conn:first("SELECT hash FROM users WHERE name = ?", name))
  local ok
  if #password > M.PASSWORD_MAX then ok = false
  elseif row then ok = crypto.pwhash_verify(row.hash, password)
  else crypto.pwhash_verify(dummy(), password); ok = false end
  if not ok then
    local now_ends = conn:transaction(function()
      attempt(conn, name, address, now, false, row and "bad_password" or "unknown_user")
      return maybe_lock(conn, name, address, now)
    end)
    if now_ends then
      return nil, string.format("%s；失败次数过多，已暂时锁定，请于北京时间 %s 后再试", BAD, until_text(now_ends)),
        "bad_password"
    end
    return nil, BAD, "bad_password"
  end
  local user = M.get(conn, name)
  if user.disabled_at then
    conn:transaction(function() attempt(conn, name, address, now, false, "disabled") end)
    return nil, "账号已停用，请联系管理员", "disabled"
  end
  local rehash = crypto.pwhash_needs_rehash(row.hash, M.limits) and hash(password)
  conn:transaction(function()
    attempt(conn, name, address, now, true, "ok")
    if rehash then conn:run("UPDATE users SET hash = ? WHERE name = ? AND hash = ?", rehash, name, row.hash) end
  end)
  return user
end

return M
