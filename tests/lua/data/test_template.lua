-- policytk import template (policytk.data.template; issue 15 item 3): the sheet a unit fills —
-- Chinese headers below a title and a 填报单位 row, one row per indicator the unit leads, unit
-- and 口径 filled, the last figure beside the empty cell, drop-down lists for 口径 and 地区 —
-- filled in with openpyxl and imported back as it is.

local core = require "policytk.core"
local testing = require "policytk.testing"
local store = require "policytk.data.store"

local ENV = { POLICYTK_TODAY = "2025-07-31" }
local TMP = testing.tmp_path()
local n = 0
local function tmp(ext) n = n + 1; return string.format("%s-%d.%s", TMP, n, ext) end
local function run(args) return testing.policytk(args, { env = ENV, cwd = core.root }) end

local DB = tmp("db")
assert(run({ "load", "--db", DB }) == 0)

-- Run Python (openpyxl) on the workbook at path; returns what it prints.
local function py(path, body)
  local script = tmp("py")
  testing.write_file(script, "import openpyxl, json, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb.active\n" .. body)
  local p = io.popen("/usr/bin/python3 " .. testing.shell_quote(script) .. " " .. testing.shell_quote(path) .. " 2>&1")
  local out = p:read("a")
  p:close()
  return out
end

test("the template of a unit: its indicators, unit and 口径 filled, the period and city prefilled", function(t)
  local out_path = tmp("xlsx")
  local code, out, err = run({ "import", "template", "wenzhou", "--unit", "市经信局", "--period", "2025年6月",
    "--db", DB, "-o", out_path })
  t.eq(code, 0, err)
  t.match(out, "个指标，期间 2025年6月")
  local text = py(out_path, [[
rows = [list(r) for r in ws.iter_rows(values_only=True)]
print(rows[0][0]); print(rows[1][0]); print("|".join(rows[2]))
print(len(rows) - 3)
print("|".join(str(c) for c in rows[3]))
]])
  t.match(text, "^2025年6月温州市小微企业主要指标报送表\n填报单位：市经信局")
  t.match(text, "\n指标|地区|期间|数值|单位|口径|上期数|备注\n")
  local rows = tonumber(text:match("\n(%d+)\n"))
  t.ok(rows and rows > 3, text)
  t.match(text, "\n[^|\n]+|温州市|2025年6月|None|[^|]+|[^|]+|None|None\n")
  local dv = py(out_path, [[
for v in ws.data_validations.dataValidation:
    print(v.type, str(v.sqref), v.formula1)
]])
  t.match(dv, "list F4:F%d+ \"当期,累计,期末,比率\"")
  t.match(dv, "list B4:B%d+ \"温州市,鹿城区,龙湾区,")
end)

test("every indicator of the city without --unit; an unknown unit or city is named", function(t)
  local out_path = tmp("xlsx")
  t.eq(run({ "import", "template", "wenzhou", "--period", "2025-06", "--db", DB, "-o", out_path }), 0)
  local all = tonumber(py(out_path, "print(ws.max_row - 3)\n"):match("%d+"))
  local mine = tmp("xlsx")
  t.eq(run({ "import", "template", "wenzhou", "--unit", "市经信局", "--period", "2025-06", "--db", DB, "-o", mine }), 0)
  local few = tonumber(py(mine, "print(ws.max_row - 3)\n"):match("%d+"))
  t.ok(all > few, all .. " vs " .. few)
  local code, _, err = run({ "import", "template", "wenzhou", "--unit", "市不存在局", "--db", DB, "-o", tmp("xlsx") })
  t.eq(code, 1)
  t.match(err, "温州市没有单位 \"市不存在局\"")
  code, _, err = run({ "import", "template", "nowhere", "--db", DB, "-o", tmp("xlsx") })
  t.eq(code, 1)
  t.match(err, "数据库中没有城市 \"nowhere\"")
end)

test("template → fill → import round trip; the next template shows the last figure", function(t)
  local db = tmp("db")
  assert(run({ "load", "--db", db }) == 0)
  local tpl = tmp("xlsx")
  t.eq(run({ "import", "template", "wenzhou", "--unit", "市经信局", "--period", "2025年6月", "--db", db, "-o", tpl }), 0)
  local filled = tmp("xlsx")
  local out = py(tpl, string.format([[
n = 0
for r in range(4, ws.max_row + 1):
    unit = ws.cell(r, 5).value
    ws.cell(r, 4).value = 12.5 if unit == "%%" else 100 + r
    n += 1
wb.save(%q)
print(n)
]], filled))
  local rows = tonumber(out:match("%d+"))
  t.ok(rows, out)
  local code, text, err = run({ "import", filled, "--db", db, "--by", "市经信局 张三" })
  t.eq(code, 0, err)
  t.match(text, "导入 " .. rows .. " 条数据（新增 " .. rows .. "，")
  local conn = store.open(db)
  local b = conn:first("SELECT description, by_user FROM batches ORDER BY id DESC LIMIT 1")
  local nobs = conn:first("SELECT count(*) AS n FROM observations WHERE period = '2025-06' AND region = '330300'").n
  conn:close()
  t.eq(nobs, rows)
  t.match(b.description, "^2025年6月温州市小微企业主要指标报送表\n填报单位：市经信局")
  t.eq(b.by_user, "市经信局 张三")
  local next_tpl = tmp("xlsx")
  t.eq(run({ "import", "template", "wenzhou", "--unit", "市经信局", "--period", "2025-07", "--db", db, "-o", next_tpl }), 0)
  local shown = py(next_tpl, "print(ws.cell(4, 7).value)\n")
  t.match(shown, "^%d+[^（]*（2025年6月，累计）")
end)
