-- policytk user (issue 19, accounts and rights): add with --password-stdin, list in a table
-- (roles in Chinese, 北京时间) and in JSON, disable and enable, passwd; every change in the audit
-- trail with the address "cli"; a password is never taken from an argument nor from a stdin
-- that is not a terminal without --password-stdin; on a terminal (a pty through script(1)) it
-- is typed twice without echo, and two different entries change nothing.

local core = require "policytk.core"
local testing = require "policytk.testing"
local store = require "policytk.data.store"
local crypto = require "policytk.crypto"

local ENV = { POLICYTK_NOW = "2025-07-03T06:05:00Z", USER = "tester" }
local DB = testing.tmp_path() .. ".db"
local function run(args, stdin)
  args[#args + 1] = "--db"
  args[#args + 1] = DB
  return testing.policytk(args, { env = ENV, cwd = core.root, stdin = stdin })
end
assert(testing.policytk({ "load", "--db", DB }, { cwd = core.root }) == 0)

local function hash_of(name)
  local conn = store.open(DB)
  local row = conn:first("SELECT hash FROM users WHERE name = ?", name)
  conn:close()
  return row and row.hash
end

test("add --password-stdin: the user added with an Argon2id hash, the change audited from cli", function(t)
  local code, out, err = run({ "user", "add", "jxj", "--unit", "市经信局", "--city", "wenzhou", "--role", "unit",
    "--password-stdin" }, "正确的密码123\n")
  t.eq(code, 0, err)
  t.eq(out, "已添加用户 jxj：单位，单位 市经信局，城市 wenzhou\n")
  local h = hash_of("jxj")
  t.match(h, "^%$argon2id%$v=19%$m=65536,t=2,p=1%$")
  t.ok(crypto.pwhash_verify(h, "正确的密码123"), "the line end is not part of the password")
  local conn = store.open(DB)
  local a = conn:first("SELECT * FROM audit WHERE object = 'jxj'")
  conn:close()
  t.eq({ a.action, a.user, a.address, a.at }, { "user_add", "tester", "cli", "2025-07-03T06:05:00Z" })
end)

test("add refusals: usage errors exit 2, refusals exit 1 naming the field, nothing added", function(t)
  local code, _, err = run({ "user", "add", "x1", "--role", "unit", "--password", "secret123" })
  t.eq(code, 2)
  t.match(err, "未知选项 %-%-password")
  code, _, err = run({ "user", "add", "x1", "--role", "office", "--city", "wenzhou" }, "secret123\n")
  t.eq(code, 2, "stdin is not a terminal and no --password-stdin")
  t.match(err, "标准输入不是终端：请用 %-%-password%-stdin")
  code, _, err = run({ "user", "add", "x1", "--role", "unit", "--unit", "市经信", "--city", "wenzhou", "--password-stdin" },
    "secret123\n")
  t.eq(code, 1)
  t.match(err, "单位：城市 wenzhou 的插件中没有单位 \"市经信\"（是否要写 \"市经信局\"？）")
  code, _, err = run({ "user", "add", "x1", "--role", "office", "--password-stdin" }, "short\n")
  t.eq(code, 1)
  t.match(err, "密码：至少 8 个字符")
  code, _, err = run({ "user", "add", "x1", "--role", "chief", "--password-stdin" }, "secret123\n")
  t.eq(code, 2)
  t.match(err, "选项 %-%-role 应为 unit, office, leader, admin 之一")
  t.eq(hash_of("x1"), nil)
end)

test("list: roles in Chinese, times in 北京时间; JSON with English keys and no hash", function(t)
  t.eq(run({ "user", "add", "boss", "--role", "leader", "--password-stdin" }, "领导的密码abc\n"), 0)
  local code, out = run({ "user", "list" })
  t.eq(code, 0)
  t.match(out, "用户名%s+角色%s+单位%s+城市%s+状态%s+创建时间（北京时间）")
  t.match(out, "boss%s+领导%s+—%s+全部%s+正常%s+2025年7月3日 14:05%s+tester")
  t.match(out, "jxj%s+单位%s+市经信局%s+wenzhou%s+正常")
  local rows
  code, out = run({ "user", "list", "--format", "json" })
  t.eq(code, 0)
  rows = require("policytk.json").decode(out)
  t.eq(#rows, 2)
  for _, r in ipairs(rows) do t.eq(r.hash, nil) end
  t.ok(not out:find("argon2", 1, true))
end)

test("disable, enable and passwd, each audited", function(t)
  local code, out = run({ "user", "disable", "jxj" })
  t.eq({ code, out }, { 0, "已停用用户 jxj；结束其会话 0 个\n" })
  out = select(2, run({ "user", "list" }))
  t.match(out, "jxj%s+单位%s+市经信局%s+wenzhou%s+已停用（2025年7月3日 14:05）")
  code, out = run({ "user", "enable", "jxj" })
  t.eq({ code, out }, { 0, "已启用用户 jxj\n" })
  local old = hash_of("jxj")
  code, out = run({ "user", "passwd", "jxj", "--password-stdin" }, "新的密码456789\n")
  t.eq({ code, out }, { 0, "已更改用户 jxj 的密码\n" })
  t.ok(hash_of("jxj") ~= old)
  t.ok(crypto.pwhash_verify(hash_of("jxj"), "新的密码456789"))
  code = run({ "user", "disable", "nobody" })
  t.eq(code, 1)
  local conn = store.open(DB)
  local actions = {}
  for r in conn:rows("SELECT action, address FROM audit WHERE object = 'jxj' ORDER BY id") do
    actions[#actions + 1] = r.action .. "@" .. r.address
  end
  conn:close()
  t.eq(actions, { "user_add@cli", "user_disable@cli", "user_enable@cli", "user_passwd@cli" })
end)

-- Run `policytk user passwd NAME` on a pseudo-terminal (script(1)), typing each line after a
-- pause (the echo is turned off when the prompt is written). Returns everything the terminal showed.
local function on_terminal(name, lines)
  local feed = {}
  for _, l in ipairs(lines) do feed[#feed + 1] = string.format("sleep 1; printf '%%s\\n' %s", testing.shell_quote(l)) end
  local cmd = string.format("(%s; sleep 1) | env POLICYTK_HOME=%s script -qec %s /dev/null 2>&1",
    table.concat(feed, "; "), testing.shell_quote(core.root),
    testing.shell_quote(string.format("%s user passwd %s --db %s", os.getenv("POLICYTK_EXE"), name, DB)))
  local p = io.popen(cmd)
  local out = p:read("a")
  p:close()
  return out
end

test("on a terminal: typed twice without echo; two different entries change nothing", function(t)
  local old = hash_of("boss")
  local out = on_terminal("boss", { "不一样的密码1", "不一样的密码2" })
  t.match(out, "新密码：")
  t.match(out, "两次输入的密码不一致，未作改动")
  t.ok(not out:find("不一样的密码", 1, true), "the password was echoed: " .. out)
  t.eq(hash_of("boss"), old)
  out = on_terminal("boss", { "终端里的密码abc", "终端里的密码abc" })
  t.match(out, "已更改用户 boss 的密码")
  t.ok(not out:find("终端里的密码", 1, true), "the password was echoed: " .. out)
  t.ok(crypto.pwhash_verify(hash_of("boss"), "终端里的密码abc"))
end)
