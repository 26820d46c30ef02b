-- policytk load: idempotent loading, edits updating rows, vanished declarations withdrawn
-- (never deleted), observations kept, a broken plugin skipped while the others load.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"

local FIXTURES = core.root .. "/tests/fixtures/plugins/"

local tmp = testing.tmp_path

local write = testing.write_file

-- a copy of the fixture plugin "good" in a temporary folder: returns the plugin path folder
local function copy_good()
  local dir = tmp()
  os.execute("mkdir -p " .. testing.shell_quote(dir) .. " && cp -R " .. testing.shell_quote(FIXTURES .. "good/good")
    .. " " .. testing.shell_quote(dir .. "/good"))
  return dir
end

local function run(dir, args)
  return testing.policytk(args, { cwd = core.root,
    env = { POLICYTK_PLUGIN_PATH = dir, POLICYTK_DEFAULT_PLUGINS = "0" } })
end

local function doc(targets)
  return [[
return document{
  id = "d1", title = "测试文件", issuer = "测试市人民政府",
  period_start = "2023-01-01", period_end = "2025-12-31", status = "in_force", source = "good.txt",
  measures = { measure{ id = "M1", section = "一、1", title = "任务", text = "任务全文。",
                        responsible_units = { "市经信局" }, lead_units = { "市经信局" } } },
  targets = {]] .. targets .. [[},
}
]]
end

local function target(id, value)
  return string.format([[
    target{ id = %q, section = "一、", indicator = "new_smes", quote = "新增中小微企业10万家",
            value = %d, unit = "家", comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31" },
]], id, value)
end

test("load twice: the second adds and updates nothing", function(t)
  local path = tmp() .. ".db"
  local env_dir = FIXTURES .. "good"
  local code, out, err = run(env_dir, { "load", "--db", path })
  t.eq(code, 0, err)
  t.eq(out, "good/d1：新增 2，更新 0，撤回 0，未变 0（新文件）\n")
  code, out = run(env_dir, { "load", "--db", path })
  t.eq(code, 0)
  t.eq(out, "good/d1：新增 0，更新 0，撤回 0，未变 2\n")
  os.remove(path)
end)

test("edit then reload: changed rows updated, vanished ones withdrawn, observations kept", function(t)
  local dir = copy_good()
  local path = tmp() .. ".db"
  write(dir .. "/good/docs/d1.lua", doc(target("T01", 100000) .. target("T02", 5)))
  local code, out, err = run(dir, { "load", "--db", path })
  t.eq(code, 0, err)
  t.eq(out, "good/d1：新增 3，更新 0，撤回 0，未变 0（新文件）\n")
  local csv = tmp() .. ".csv"
  write(csv, "indicator,region,period,value\nnew_smes,339901,2024,42\n")
  code, out, err = run(dir, { "import", csv, "--db", path })
  t.eq(code, 0, err)
  t.match(out, "导入 1 条数据（新增 1")

  write(dir .. "/good/docs/d1.lua", doc(target("T01", 120000)))
  code, out, err = run(dir, { "load", "--db", path })
  t.eq(code, 0, err)
  t.eq(out, "good/d1：新增 0，更新 1，撤回 1，未变 1\n")
  code, out = run(dir, { "targets", "--db", path, "--format", "json" })
  t.eq(code, 0)
  local rows = json.decode(out)
  t.eq(#rows, 2)
  t.eq({ rows[1].id, rows[1].value, rows[1].withdrawn }, { "T01", 120000, false })
  t.eq({ rows[2].id, rows[2].withdrawn }, { "T02", true })
  code, out = run(dir, { "export", "observations", "--db", path })
  t.eq(code, 0)
  t.match(out, "new_smes,339901,2024,42,家")

  -- the document vanishes: withdrawn with its rows, nothing deleted
  os.remove(dir .. "/good/docs/d1.lua")
  code, out, err = run(dir, { "load", "--db", path })
  t.eq(code, 0, err)
  t.eq(out, "good/d1：新增 0，更新 0，撤回 2，未变 0（文件已撤回）\n")
  code, out = run(dir, { "docs", "--db", path, "--format", "csv" })
  t.eq(code, 0)
  t.match(out, "\r\ngood,d1,测试文件,.*,withdrawn,good%.txt\r\n")
  code, out = run(dir, { "measures", "--db", path, "--format", "json" })
  t.eq(code, 0)
  t.eq(#json.decode(out), 1)

  -- and comes back: re-activated
  write(dir .. "/good/docs/d1.lua", doc(target("T01", 120000)))
  code, out = run(dir, { "load", "--db", path })
  t.eq(code, 0)
  t.eq(out, "good/d1：新增 0，更新 2，撤回 0，未变 0（文件信息已更新）\n")
  os.execute("rm -rf " .. testing.shell_quote(dir))
  os.remove(path)
  os.remove(csv)
end)

test("a plugin with problems is named and skipped; the others load (exit 1)", function(t)
  local dir = copy_good()
  os.execute("cp -R " .. testing.shell_quote(FIXTURES .. "syntax/syntax") .. " " .. testing.shell_quote(dir .. "/syntax"))
  local path = tmp() .. ".db"
  local code, out, err = run(dir, { "load", "--db", path })
  t.eq(code, 1)
  t.match(out, "^good/d1：新增 2")
  t.match(err, "policytk load: 插件 syntax 有 1 个问题，已跳过：\n  .*broken%.lua:3: syntax error")
  code, out, err = run(dir, { "load", "--db", path, "nosuch" })
  t.eq(code, 1)
  t.eq(out, "")
  t.match(err, "no plugin named \"nosuch\"")
  os.execute("rm -rf " .. testing.shell_quote(dir))
  os.remove(path)
end)
