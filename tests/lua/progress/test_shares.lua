-- County shares (分解下达, docs/reports.md): `policytk assign` one share, a file of them (CSV and
-- XLSX), the listing and its history, the named errors; `policytk progress --region` judging a
-- county against its own share and showing 未分解 where there is none; a staff share overriding
-- the plugin's. The bundled Taizhou plugin (growth2018: no shares of its own) and the report
-- fixtures' Taizhou (T01 split 600 / 400 by the plugin).

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"

local TMP = os.tmpname()
local BUNDLED = { POLICYTK_PLUGIN_PATH = "", POLICYTK_DEFAULT_PLUGINS = "1", POLICYTK_TODAY = "2024-10-15",
                  POLICYTK_NOW = "2024-10-15T08:00:00Z", USER = "tester" }
local FIXTURE = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/reports",
                  POLICYTK_DEFAULT_PLUGINS = "0", POLICYTK_TODAY = "2024-10-15", POLICYTK_NOW = "2024-10-15T08:00:00Z" }
local DB, DB2 = TMP .. ".db", TMP .. "-fixture.db"

local function runner(env, db)
  return function(args)
    local a = { table.unpack(args) }
    a[#a + 1] = "--db"
    a[#a + 1] = db
    return testing.policytk(a, { env = env, cwd = core.root })
  end
end
local run, run2 = runner(BUNDLED, DB), runner(FIXTURE, DB2)

local function ok(r, args)
  local code, out, err = r(args)
  assert(code == 0, table.concat(args, " ") .. ": " .. tostring(err))
  return out
end

-- Figures of new_small_micro_firms (growth2018 T01: 5万家 by 2020) for three counties and the city.
local FIGURES = TMP .. "-figures.csv"
testing.write_file(FIGURES, table.concat({
  "indicator,region,period,value,basis",
  "new_small_micro_firms,椒江区,2018,4000,当期", "new_small_micro_firms,椒江区,2019,5000,当期",
  "new_small_micro_firms,黄岩区,2018,2000,当期", "new_small_micro_firms,黄岩区,2019,2000,当期",
  "new_small_micro_firms,路桥区,2018,1500,当期", "new_small_micro_firms,路桥区,2019,1500,当期",
  "new_small_micro_firms,台州市,2018,20000,当期", "new_small_micro_firms,台州市,2019,20000,当期", "" }, "\n"))
ok(run, { "load" })
ok(run, { "import", FIGURES })
ok(run2, { "load" })
ok(run2, { "import", "tests/fixtures/report_observations.csv" })

-- progress --region R as of 2019-12-31 (序时进度 729/1095), rows by target id.
local function county(r, region)
  local by = {}
  for _, row in ipairs(json.decode(ok(r, { "progress", "--region", region, "--as-of", "2019-12-31", "--format", "json" }))) do
    by[row.doc .. "/" .. row.id] = row
  end
  return by
end

test("a Taizhou target split across two counties: each against its own share, a third 未分解", function(t)
  t.match(ok(run, { "assign", "taizhou", "T01", "--region", "椒江区", "1.2万", "--by", "李四", "--note", "台政办 分解表" }),
    "椒江区 1.2万家 已录入")
  ok(run, { "assign", "台州市", "growth2018/T01", "--region", "331003", "8,000" })
  local j = county(run, "椒江区")["growth2018/T01"]
  t.eq({ j.value, j.share, j.share_source, j.actual, j.completion, j.status }, { 50000, 12000, "staff", 9000, 0.75, "on_track" })
  t.match(j.reason, "^对照分解目标 1.2万家（人工录入）：完成率 75.0%%")
  local h = county(run, "黄岩区")["growth2018/T01"]
  t.eq({ h.share, h.actual, h.completion, h.status }, { 8000, 4000, 0.5, "behind" })
  local l = county(run, "路桥区")
  t.eq({ l["growth2018/T01"].status, l["growth2018/T01"].actual, l["growth2018/T01"].completion, l["growth2018/T01"].share },
    { "no_share", 3000, json.null, json.null })
  t.eq(l["growth2018/T01"].reason, "未分解到该县（市、区）")
  t.eq(l["friendly2023/T01"], nil)                          -- only the county's city
  local code, out = run({ "progress", "--region", "路桥区", "--as-of", "2019-12-31" })
  t.eq(code, 0)
  t.match(out, "灰 未分解")
  -- the city itself is still judged against the city's value
  local city = county(run, "台州市")["growth2018/T01"]
  t.eq({ city.share, city.actual, city.completion }, { json.null, 40000, 0.8 })
end)

test("the listing: 地区名称, 分解目标, 来源, 录入人, 北京时间, and the sum against the city", function(t)
  local out = ok(run, { "assign", "taizhou", "T01" })
  t.match(out, "台州市 growth2018/T01 全市新增小微企业5万家以上（全市目标 5万家")
  t.match(out, "地区名称%s+分解目标%s+来源%s+录入人%s+时间（北京时间）")
  t.match(out, "椒江区%s+1.2万家%s+人工录入%s+李四%s+2024年10月15日 16:00%s+台政办 分解表")
  t.match(out, "黄岩区%s+8000家%s+人工录入%s+tester%s+2024年10月15日 16:00")
  t.match(out, "已分解到 2 个县（市、区），合计 2万家（全市目标 5万家）")
  local rows = json.decode(ok(run, { "assign", "taizhou", "T01", "--format", "json" }))
  t.eq({ #rows, rows[1].region, rows[1].value, rows[1].source, rows[1].by, rows[1].at },
    { 2, "331002", 12000, "staff", "李四", "2024-10-15T08:00:00Z" })
  t.match(ok(run, { "assign", "taizhou", "T04" }), "尚未分解到任何县（市、区）")
end)

test("a new value replaces the old one, which is kept as history", function(t)
  t.match(ok(run, { "assign", "taizhou", "T01", "--region", "椒江区", "9000" }), "已更新（原值保留为历史）")
  t.match(ok(run, { "assign", "taizhou", "T01", "--region", "椒江区", "9000" }), "未变")
  local j = county(run, "椒江区")["growth2018/T01"]
  t.eq({ j.share, j.completion, j.status }, { 9000, 1, "achieved" })
  local hist = json.decode(ok(run, { "assign", "taizhou", "T01", "--history", "--format", "json" }))
  local values = {}
  for _, r in ipairs(hist) do if r.region == "331002" then values[#values + 1] = { r.value, r.superseded } end end
  t.eq(values, { { 9000, "当前" }, { 12000, "2024年10月15日 16:00" } })
  t.match(ok(run, { "assign", "taizhou", "T01" }), "椒江区%s+9000家%s+人工录入%s+tester%s+2024年10月15日 16:00%s+台政办 分解表")
end)

test("named errors: unknown target (nearest id), a region of another city, the city, not a number", function(t)
  -- the staff read the message alone; --format json adds the code before it
  local function refused(args, pattern)
    local code, _, err = run(args)
    t.eq(code, 2, table.concat(args, " "))
    local name, text = pattern:match("^([a-z]+_[a-z_]+): (.*)$")
    t.match(err, name and ("^policytk assign: " .. text) or pattern)
    if name then
      local json_args = { table.unpack(args) }
      json_args[#json_args + 1] = "--format"
      json_args[#json_args + 1] = "json"
      code, _, err = run(json_args)
      t.eq(code, 2, table.concat(json_args, " "))
      t.match(err, pattern)
    end
  end
  refused({ "assign", "taizhou", "X01" }, 'unknown_target: 台州市没有目标 "X01"（是否为 "T01"？）')
  refused({ "assign", "wenzhou", "friendly2023/T01", "--region", "杭州市西湖区", "5" },
    'region_not_in_city: 地区 "杭州市西湖区" 不属于温州市（温州市的县（市、区）：鹿城区')
  refused({ "assign", "taizhou", "T01", "--region", "台州市", "5" }, 'not_a_county: "台州市" 是全市')
  refused({ "assign", "taizhou", "T01", "--region", "路桥区", "一千" }, 'bad_value: 分解目标 "一千" 不是数字')
  refused({ "assign", "taizhou", "T01", "--region", "路桥区", "15%" }, "是百分数，而该目标以 家 计")
  refused({ "assign", "taizhou", "T01", "--region", "路桥区", "-5" }, "不能为负数")
  refused({ "assign", "宁波市", "T01" }, 'unknown_city: 未知城市 "宁波市"')
  refused({ "assign", "taizhou", "T01", "500" }, "数值需要 %-%-region")
  t.eq(#json.decode(ok(run, { "assign", "taizhou", "T01", "--format", "json" })), 2)   -- nothing stored
end)

test("a growth_rate target: a county's share is its own rate, compared with its own rate", function(t)
  t.match(ok(run, { "assign", "taizhou", "T02", "--region", "椒江区", "12%" }),
    "注：growth_rate 类目标的分解目标是椒江区自身的目标值")
  t.match(ok(run, { "assign", "taizhou", "T02" }), "不合计")
  local j = county(run, "椒江区")["growth2018/T02"]
  t.eq({ j.share, j.share_source, j.value }, { 12, "staff", 10 })
end)

test("assign --file: an XLSX sheet below a title row, all or nothing, SHEET!CELL problems", function(t)
  local xlsx = require "policytk.xlsx"
  local file = TMP .. "-shares.xlsx"
  local wb = xlsx.writer(file)
  local ws = wb:sheet("分解")
  ws:write_row(0, { "2018—2020年目标分解表" })
  ws:write_row(1, { "指标编号", "地区", "分解目标", "备注" })
  ws:write_row(2, { "T08", "椒江区", "500", "个转企" })
  ws:write_row(3, { "T08", "台州市黄岩区", 300 })
  ws:write_row(4, { "growth2018/T13", "331004", "1,000" })
  t.eq(wb:close(), true)
  t.match(ok(run, { "assign", "taizhou", "--file", file, "--by", "王五" }), "导入 3 条分解目标（新增 3，更新 0，未变 0）")
  local rows = json.decode(ok(run, { "assign", "taizhou", "T08", "--format", "json" }))
  t.eq({ #rows, rows[1].value, rows[1].by, rows[1].note, rows[2].value }, { 2, 500, "王五", "个转企", 300 })
  t.match(rows[1].file, "%-shares%.xlsx$")
  local l = county(run, "路桥区")["growth2018/T13"]
  t.eq({ l.share, l.share_source }, { 1000, "staff" })

  local bad = TMP .. "-bad.xlsx"
  wb = xlsx.writer(bad)
  ws = wb:sheet("分解")
  ws:write_row(0, { "指标编号", "地区", "分解目标" })
  ws:write_row(1, { "T08", "椒江区", "800" })
  ws:write_row(2, { "T08", "杭州市西湖区", "100" })
  ws:write_row(3, { "T99", "黄岩区", "abc" })
  ws:write_row(4, { "T08", "椒江区", "900" })
  t.eq(wb:close(), true)
  local code, _, err = run({ "assign", "taizhou", "--file", bad })
  t.eq(code, 1)
  t.match(err, "未导入任何数据，共 3 处问题")
  t.match(err, '分解!B3: region: 地区 "杭州市西湖区" 不属于台州市')
  t.match(err, '分解!A4: target: 台州市没有目标 "T99"')
  t.match(err, "分解!A5: row: 与第 2 行重复")
  t.eq(json.decode(ok(run, { "assign", "taizhou", "T08", "--format", "json" }))[1].value, 500)   -- untouched
  os.remove(file)
  os.remove(bad)
end)

test("assign --file: a CSV with English headers", function(t)
  local file = TMP .. "-shares.csv"
  testing.write_file(file, "target,region,value,note\nT10,椒江区,120,\nT10,黄岩区,80,\n")
  t.match(ok(run, { "assign", "taizhou", "--file", file }), "导入 2 条分解目标")
  t.match(ok(run, { "assign", "taizhou", "T10" }), "合计 200家（全市目标 600家）")
  os.remove(file)
end)

test("a staff share overrides the plugin's for the same county; a reload keeps it", function(t)
  local before = county(run2, "椒江区")["growth/T01"]
  t.eq({ before.share, before.share_source, before.completion }, { 600, "plugin", 0.75 })
  ok(run2, { "assign", "taizhou", "T01", "--region", "椒江区", "900", "--by", "赵六" })
  local out = ok(run2, { "assign", "taizhou", "T01" })
  t.match(out, "椒江区%s+900家%s+人工录入（覆盖文件值 600家）%s+赵六")
  t.match(out, "黄岩区%s+400家%s+文件下达%s+插件 taizhou 0%.0%.1")
  ok(run2, { "load" })
  local after = county(run2, "椒江区")["growth/T01"]
  t.eq({ after.share, after.share_source, after.completion, after.status }, { 900, "staff", 0.5, "behind" })
  t.eq(county(run2, "黄岩区")["growth/T01"].share_source, "plugin")
  local report = json.decode(ok(run2, { "report", "taizhou", "inspection", "--period", "2019", "--format", "json" }))
  local rows = {}
  for _, r in ipairs(report.sections[2].rows) do rows[#rows + 1] = { r.id, r.region_name, r.share, r.share_source, r.status } end
  t.eq(rows, { { "T01", "黄岩区", 400, "文件下达", "lagging" }, { "T01", "椒江区", 900, "人工录入", "behind" },
               { "T02", "椒江区", json.null, "未分解", "no_share" }, { "T02", "黄岩区", json.null, "未分解", "no_share" } })
end)

test("a target id in two documents of the city must be written DOC/T01", function(t)
  local shares = require "policytk.data.shares"
  local city = { id = "x", name = "某市" }
  local list = { { doc = "a", tid = "T01" }, { doc = "b", tid = "T01" }, { doc = "b", tid = "T02" } }
  local found, code, message = shares.target(nil, city, "T01", list)
  t.eq({ found, code }, { nil, "ambiguous_target" })
  t.eq(message, "某市有多个文件含目标 T01：a/T01、b/T01；请写作 文件/编号，如 a/T01")
  t.eq(shares.target(nil, city, "b/t01", list), list[2])
end)

test("cleanup: the temporary databases", function(t)
  for _, p in ipairs({ TMP, FIGURES, DB, DB .. "-wal", DB .. "-shm", DB2, DB2 .. "-wal", DB2 .. "-shm" }) do os.remove(p) end
  t.ok(not io.open(DB, "rb"))
end)
