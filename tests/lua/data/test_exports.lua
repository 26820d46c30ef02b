-- The listing verbs docs, measures, targets, indicators, units, regions: exact JSON keys
-- (docs/data.md), filters, formats and errors.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"

local ENV = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/good", POLICYTK_DEFAULT_PLUGINS = "0" }

local TMP = os.tmpname()
local DB = TMP .. ".db"

local function run(args)
  return testing.policytk(args, { env = ENV, cwd = core.root })
end

assert(run({ "load", "--db", DB }) == 0)

local function list(verb, ...)
  local code, out, err = run({ verb, "--db", DB, "--format", "json", ... })
  assert(code == 0, err)
  return json.decode(out)
end

local N = json.null

test("targets: exact keys", function(t)
  t.eq(list("targets"), { {
    city = "good", doc = "d1", id = "T01", section = "一、", indicator = "new_smes",
    indicator_name = "新增中小微企业数", quote = "新增中小微企业10万家", value = 100000, unit = "家",
    comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31", measure = N, lead_units = {},
    region = "339900", region_name = "测试市", withdrawn = false,
  } })
end)

test("measures: exact keys, arrays of units, contact null", function(t)
  t.eq(list("measures", "--doc", "d1"), { {
    city = "good", doc = "d1", id = "M1", section = "一、1", title = "任务", lead_units = { "市经信局" },
    responsible_units = { "市经信局" }, phase = N, contact = N, withdrawn = false,
  } })
end)

test("docs, regions, units: exact keys", function(t)
  t.eq(list("docs", "--city", "good"), { {
    city = "good", id = "d1", title = "测试文件", doc_number = N, issuer = "测试市人民政府", issued = N,
    period_start = "2023-01-01", period_end = "2025-12-31", status = "in_force", source = "good.txt",
  } })
  t.eq(list("regions"), { { city = "good", code = "339901", name = "测试区", parent = "339900", parent_name = "测试市" } })
  t.eq(list("units"), { { city = "good", short = "市经信局", name = "测试市经济和信息化局", kind = "government" } })
end)

test("indicators: the common catalog with city null, flow boolean", function(t)
  local rows = list("indicators")
  t.eq(#rows, #require("policytk.plugins.indicators"))
  local found
  for _, r in ipairs(rows) do if r.code == "new_smes" then found = r end end
  t.eq(found, { city = N, code = "new_smes", name = "新增中小微企业数", unit = "家", flow = true })
end)

test("table and csv formats; filters; unknown city", function(t)
  local code, out = run({ "targets", "--db", DB })
  t.eq(code, 0)
  t.match(out, "^城市%s+文件%s+编号%s+指标.*\n测试市%s+d1%s+T01%s+新增中小微企业数%s+不少于%s+100000")
  code, out = run({ "regions", "--db", DB, "--format", "csv" })
  t.eq(code, 0)
  t.eq(out, "city,code,name,parent,parent_name\r\ngood,339901,测试区,339900,测试市\r\n")
  t.eq(list("targets", "--doc", "nosuch"), {})
  local _, err
  code, _, err = run({ "targets", "--db", DB, "--city", "goood" })
  t.eq(code, 1)
  t.match(err, "数据库中没有城市 \"goood\"（已载入：good）")
  code, _, err = run({ "targets", "--db", DB, "--format", "xml" })
  t.eq(code, 2)
  t.match(err, "应为 table, json, csv 之一")
end)

test("cleanup: the temporary database", function(t)
  for _, p in ipairs({ TMP, DB, DB .. "-wal", DB .. "-shm" }) do os.remove(p) end
  t.ok(not io.open(DB, "rb"))
end)
