-- policytk user add|passwd|list|disable|enable: the accounts of policytk serve
-- (policytk.serve.accounts, docs/accounts.md). Passwords are read from the terminal without
-- echo (twice), or one line from stdin with --password-stdin; never from an argument. Every
-- change goes into the audit trail with the address "cli" and --by (default $USER).

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local term = require "policytk.term"

local USAGE = "policytk user add NAME --role unit|office|leader|admin [--unit UNIT] [--city CITY] [--password-stdin]\n"
  .. "       policytk user passwd NAME [--password-stdin]\n"
  .. "       policytk user list [--city CITY] [--role ROLE] [--format table|json|csv]\n"
  .. "       policytk user disable NAME\n"
  .. "       policytk user enable NAME"

local ROLES = { "unit", "office", "leader", "admin" }

local attempt = cli.attempt

local function by(opts) return opts.by or os.getenv("USER") or "cli" end

-- One line of stdin, without its line end.
local function stdin_line()
  local line = io.stdin:read("L")
  if line == nil then cli.fail("--password-stdin：标准输入为空，应有一行密码") end
  return (line:gsub("\r?\n$", ""))
end

-- Read a line from the terminal with the echo off; the echo comes back even on an error.
local function hidden(prompt)
  io.stderr:write(prompt)
  io.stderr:flush()
  local was, err = term.echo(false)
  if was == nil then cli.fail("无法关闭终端回显（%s）", err) end
  local ok, line = pcall(io.read, "L")
  term.echo(was)
  io.stderr:write("\n")
  if not ok then error(line, 0) end
  if line == nil then cli.fail("没有读到密码（输入已结束）") end
  return (line:gsub("\r?\n$", ""))
end

-- The new password: --password-stdin, else typed twice on a terminal.
local function password(opts)
  if opts.password_stdin then return stdin_line() end
  if not term.isatty("stdin") then
    cli.usage_error("标准输入不是终端：请用 --password-stdin 从标准输入给出密码（不接受在命令行参数中给出密码）")
  end
  local first = hidden("新密码：")
  local second = hidden("再输入一次：")
  if first ~= second then cli.fail("两次输入的密码不一致，未作改动") end
  return first
end

local function open(opts)
  local conn, path = store.open(opts.db)
  return conn, path
end

local function one_name(args, sub)
  if #args ~= 2 then cli.usage_error("用法：policytk user %s 用户名", sub) end
  return args[2]
end

local function add(opts, args)
  local name = one_name(args, "add")
  if not opts.role then cli.usage_error("user add：需要 --role（unit、office、leader 或 admin）") end
  local conn, path = open(opts)
  store.require_loaded(conn, path)
  local accounts = require "policytk.serve.accounts"
  attempt(accounts.check_new, conn, { name = name, unit = opts.unit, role = opts.role, city = opts.city })
  local pw = password(opts)
  local u = attempt(accounts.add, conn, { name = name, unit = opts.unit, role = opts.role, city = opts.city,
    password = pw, by = by(opts), address = "cli" })
  conn:close()
  io.stdout:write(string.format("已添加用户 %s：%s%s%s\n", u.name, accounts.ROLE_NAMES[u.role],
    u.unit and ("，单位 " .. u.unit) or "", u.city and ("，城市 " .. u.city) or "，全部城市"))
  return 0
end

local function passwd(opts, args)
  local name = one_name(args, "passwd")
  local conn = open(opts)
  local accounts = require "policytk.serve.accounts"
  if not accounts.get(conn, name) then cli.fail("没有用户 %q（policytk user list 列出全部用户）", name) end
  attempt(accounts.passwd, conn, name, password(opts), { by = by(opts), address = "cli" })
  conn:close()
  io.stdout:write(string.format("已更改用户 %s 的密码\n", name))
  return 0
end

local function disable(opts, args)
  local name = one_name(args, "disable")
  local conn = open(opts)
  local accounts = require "policytk.serve.accounts"
  local before = accounts.get(conn, name)
  local ended = attempt(accounts.disable, conn, name, { by = by(opts), address = "cli" })
  conn:close()
  if before.disabled_at then
    io.stdout:write(string.format("用户 %s 早已停用（北京时间 %s），未作改动\n", name, store.beijing(before.disabled_at)))
  else
    io.stdout:write(string.format("已停用用户 %s；结束其会话 %d 个\n", name, ended))
  end
  return 0
end

local function enable(opts, args)
  local name = one_name(args, "enable")
  local conn = open(opts)
  local accounts = require "policytk.serve.accounts"
  local before = accounts.get(conn, name)
  attempt(accounts.enable, conn, name, { by = by(opts), address = "cli" })
  conn:close()
  io.stdout:write(before.disabled_at and string.format("已启用用户 %s\n", name)
    or string.format("用户 %s 本来就是启用的，未作改动\n", name))
  return 0
end

local TABLE = {
  { key = "name", title = "用户名" }, { key = "role_text", title = "角色" }, { key = "unit_text", title = "单位" },
  { key = "city_text", title = "城市" }, { key = "state", title = "状态" },
  { key = "created_text", title = "创建时间（北京时间）" }, { key = "created_by", title = "创建人" },
  { key = "changed_text", title = "最后更改（北京时间）" },
}
local KEYS = { "name", "unit", "role", "city", "disabled_at", "created_at", "created_by", "changed_at" }

local function list(opts, args)
  if #args > 1 then cli.usage_error("多余的参数 %q", args[2]) end
  local conn = open(opts)
  local accounts = require "policytk.serve.accounts"
  local rows = accounts.list(conn, { city = opts.city, role = opts.role })
  conn:close()
  if opts.format ~= "table" then
    local cols = {}
    for i, k in ipairs(KEYS) do cols[i] = { key = k } end
    tabular.write(io.stdout, opts.format, cols, rows)
    return 0
  end
  if #rows == 0 then io.stdout:write("（还没有用户；policytk user add 添加）\n") return 0 end
  for _, r in ipairs(rows) do
    r.role_text = accounts.ROLE_NAMES[r.role] or r.role
    r.unit_text = r.unit or "—"
    r.city_text = r.city or "全部"
    r.state = r.disabled_at and ("已停用（" .. store.beijing(r.disabled_at) .. "）") or "正常"
    r.created_text = store.beijing(r.created_at)
    r.changed_text = store.beijing(r.changed_at)
  end
  tabular.write(io.stdout, "table", TABLE, rows)
  return 0
end

local SUB = { add = add, passwd = passwd, list = list, disable = disable, enable = enable }

return {
  summary = "policytk serve 的用户：添加、改密码、列出、停用、启用",
  usage = USAGE,
  description = "policytk serve 的用户账号（docs/accounts.md）。\n\n"
    .. "user add 用户名 --role 角色：添加用户。角色：unit（单位：填报本单位的指标、分解目标和任务进展）、\n"
    .. "  office（办公室：开启报送，查看全部）、leader（领导：查看）、admin（管理员：管理用户）。\n"
    .. "  --unit 单位简称（与插件中的写法一致，如 市经信局；角色为 unit 时必填）；--city 城市（单位只见于一个\n"
    .. "  城市时可省略；office、leader 不给城市即可查看全部城市）。\n"
    .. "user passwd 用户名：更改密码。\n"
    .. "  密码在终端中输入两次（不回显）；或用 --password-stdin 从标准输入读一行。不接受在参数中给出密码。\n"
    .. "  密码至少 8 个字符，以 Argon2id 散列保存，数据库中没有密码本身。\n"
    .. "user list：列出用户（角色、单位、城市、状态，时间为北京时间）；--format table|json|csv。\n"
    .. "user disable 用户名：停用（不能再登录，已登录的会话立即结束）；user enable 用户名：重新启用。\n"
    .. "每次改动都记入审计记录（操作人 --by，默认 $USER；来源 cli）。",
  options = {
    { "--role", arg = "ROLE", values = ROLES, help = "add：角色（unit、office、leader、admin）" },
    { "--unit", arg = "UNIT", help = "add：单位简称，如 市经信局" },
    { "--city", arg = "CITY", help = "add：城市（如 wenzhou）；list：只列此城市的用户" },
    { "--password-stdin", help = "add、passwd：从标准输入读一行作为密码" },
    { "--by", arg = "NAME", help = "操作人，记入审计记录（默认 $USER）" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "list：输出格式" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    local fn = SUB[args[1] or ""]
    if not fn then
      cli.usage_error("应给出子命令 add、passwd、list、disable 或 enable%s",
        args[1] and string.format("，而不是 %q", args[1]) or "")
    end
    return fn(opts, args)
  end,
}
