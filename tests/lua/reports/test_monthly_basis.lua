-- The case that brought 口径 in, end to end on the bundled Wenzhou plugin: 新增科技型中小企业
-- reported 1—N月累计 300 … 1650 for January to June 2025 gives T08 (4000家) 1650, 41%, red —
-- in progress and in the 月度报送表, whose 本月数 is June's own flow (150), not 1650.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"

local DB = testing.tmp_path() .. ".db"
local ENV = { POLICYTK_TODAY = "2025-07-31" }
local function run(args) return testing.policytk(args, { env = ENV, cwd = core.root }) end

assert(run({ "load", "--db", DB }) == 0)
for m, v in ipairs({ 300, 600, 900, 1200, 1500, 1650 }) do
  local code, _, err = run({ "record", "新增科技型中小企业数", tostring(v), "--period", string.format("2025年1-%d月", m),
    "--city", "wenzhou", "--db", DB })
  assert(code == 0, err)
end

test("progress: T08 1650 of 4000, 41%, red", function(t)
  local code, out, err = run({ "progress", "--db", DB, "--city", "wenzhou", "--as-of", "2025-06-30", "--format", "json" })
  t.eq(code, 0, err)
  local t08
  for _, r in ipairs(json.decode(out)) do if r.doc == "friendly2023" and r.id == "T08" then t08 = r end end
  t.eq({ t08.actual, t08.value }, { 1650, 4000 })
  t.near(t08.completion, 0.4125, 1e-9)
  t.ok(t08.status == "behind" or t08.status == "missed", t08.status)
end)

test("月度报送表: 本月数 is June's own flow, 累计 the year's total", function(t)
  local code, out, err = run({ "report", "wenzhou", "monthly", "--period", "2025-06", "--format", "json", "--db", DB })
  t.eq(code, 0, err)
  local report = json.decode(out)
  local row
  for _, s in ipairs(report.sections) do
    if s.id == "targets" then
      for _, r in ipairs(s.rows or {}) do if r.id == "T08" then row = r end end
    end
  end
  t.ok(row, "no T08 row")
  t.eq({ row.month, row.cumulative }, { 150, 1650 })
end)

test("月度报送表: a 累计 figure without the month before gives no 本月数 (never a guess)", function(t)
  local code, _, err = run({ "record", "新增中小微企业数", "52000", "--period", "2025年1-6月", "--city", "wenzhou",
    "--db", DB })
  t.eq(code, 0, err)
  local out
  code, out = run({ "report", "wenzhou", "monthly", "--period", "2025-06", "--format", "json", "--db", DB })
  t.eq(code, 0)
  local row
  for _, s in ipairs(json.decode(out).sections) do
    if s.id == "targets" then
      for _, r in ipairs(s.rows) do if r.id == "T01" then row = r end end
    end
  end
  t.eq({ row.month, row.cumulative }, { json.null, 52000 })
end)
