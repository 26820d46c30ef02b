-- policytk progress / report / compare on a small fixed database (fixture plugins under
-- tests/fixtures/plugins/reports, figures from tests/fixtures/report_observations.csv):
-- exact statuses, thresholds from the manifest, roll-ups, golden reports per rule, every
-- format parsed back, and the named errors. POLICYTK_UPDATE_GOLDEN=1 rewrites the goldens.

local core = require "policytk.core"
local fs = require "policytk.fs"
local json = require "policytk.json"
local csv = require "policytk.data.csv"
local db = require "policytk.db"
local testing = require "policytk.testing"

local ROOT = core.root
local ENV = { POLICYTK_PLUGIN_PATH = ROOT .. "/tests/fixtures/plugins/reports", POLICYTK_DEFAULT_PLUGINS = "0",
              POLICYTK_TODAY = "2024-10-15", POLICYTK_NOW = "2024-10-15T08:00:00Z" }
local TMP = os.tmpname()
local DB = TMP .. ".db"
local PY = "/usr/bin/python3"

local function run(args)
  return testing.policytk(args, { env = ENV, cwd = ROOT })
end

local function with_db(args)
  local a = { table.unpack(args) }
  a[#a + 1] = "--db"
  a[#a + 1] = DB
  return run(a)
end

do
  local code, _, err = run({ "load", "--db", DB })
  assert(code == 0, err)
  code, _, err = run({ "import", "--db", DB, "tests/fixtures/report_observations.csv" })
  assert(code == 0, err)
  local conn = db.open(DB)
  conn:run("UPDATE observations SET reported_at = '2024-10-10T09:00:00Z'")
  conn:close()
end

local function progress_json(...)
  local code, out, err = with_db({ "progress", "--format", "json", ... })
  assert(code == 0, err)
  local by = {}
  for _, r in ipairs(json.decode(out)) do by[r.city .. "/" .. r.id] = r end
  return by, json.decode(out)
end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function sh(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("a")
  local ok = p:close()
  return ok, out
end

test("progress: exact statuses and numbers, worst first, no_data is null not 0", function(t)
  local by, list = progress_json("--as-of", "2024-09-30")
  t.eq(list[1].status, "missed")
  local w1 = by["wenzhou/T01"]
  t.eq({ w1.status, w1.actual, w1.completion, w1.value }, { "lagging", 1650, 0.55, 3000 })
  t.eq({ w1.lead_units, w1.contact, w1.measure }, { { "市经信局" }, { name = "张三", phone = "88880001" }, "M1" })
  t.near(w1.schedule, 638 / 1095, 1e-6)
  local w4 = by["wenzhou/T04"]
  t.eq({ w4.status, w4.actual, w4.completion }, { "no_data", json.null, json.null })
  local w2 = by["wenzhou/T02"]
  t.eq({ w2.status, w2.actual }, { "on_track", 114000000000 })
  t.eq(w2.sdg, "substantial")             -- 1000亿 (2022) → 1140亿 in 1.75 y vs 1200亿 in 3 y
  local w3 = by["wenzhou/T03"]                     -- <= 1%, at 1.2%
  t.eq({ w3.status, w3.actual, w3.comparator }, { "on_track", 1.2, "<=" })
  t.near(w3.completion, 1 / 1.2, 1e-6)
  t.eq({ by["taizhou/T01"].status, by["taizhou/T01"].actual }, { "missed", 700 })
  t.eq(by["taizhou/T02"].actual, 210)              -- no city figure: the counties' sum (120 + 90)
  t.eq({ by["hangzhou/T01"].status, by["hangzhou/T01"].actual }, { "missed", 920 })
end)

test("progress: the manifest's thresholds (wenzhou behind_points = 15) decide lagging vs behind", function(t)
  local by = progress_json("--as-of", "2024-12-31", "--city", "wenzhou")
  local w1 = by["wenzhou/T01"]
  t.near(w1.gap_points, (730 / 1095 - 0.55) * 100, 1e-4)      -- 11.7 points: behind by default
  t.eq(w1.status, "lagging")
end)

test("progress: region filter, csv and table output", function(t)
  local by = progress_json("--as-of", "2019-12-31", "--city", "taizhou", "--region", "椒江区")
  t.eq({ by["taizhou/T01"].actual, by["taizhou/T01"].region }, { 450, "331002" })
  -- a county against its share (600, declared by the plugin), never the city's 1000 (was 45%, red)
  local t1, t2 = by["taizhou/T01"], by["taizhou/T02"]
  t.eq({ t1.value, t1.share, t1.share_source, t1.completion, t1.status }, { 1000, 600, "plugin", 0.75, "on_track" })
  t.match(t1.reason, "^对照分解目标 600家（文件下达）：完成率 75.0%%")
  -- T02 is not split: 未分解, its figure shown, no 完成率
  t.eq({ t2.status, t2.actual, t2.completion, t2.share, t2.reason }, { "no_share", 120, json.null, json.null,
                                                                      "未分解到该县（市、区）" })
  local c1, _, e1 = with_db({ "progress", "--city", "wenzhou", "--region", "椒江区" })
  t.eq(c1, 2)
  t.match(e1, '^policytk progress: 地区 "椒江区" 不属于温州市\n')
  c1, _, e1 = with_db({ "progress", "--city", "wenzhou", "--region", "椒江区", "--format", "json" })
  t.eq(c1, 2)
  t.match(e1, 'region_not_in_city: 地区 "椒江区" 不属于温州市')
  local only = progress_json("--as-of", "2019-12-31", "--region", "331003")   -- the region's city only
  t.eq({ only["wenzhou/T01"], only["taizhou/T01"].share }, { nil, 400 })
  local code, out = with_db({ "progress", "--as-of", "2019-12-31", "--city", "taizhou", "--format", "csv" })
  t.eq(code, 0)
  t.match(out, "^city,doc,id,section,indicator,")
  code, out = with_db({ "progress", "--as-of", "2019-12-31", "--city", "taizhou" })
  t.eq(code, 0)
  t.match(out, "绿 序时推进")
  local c2, _, err = with_db({ "progress", "--region", "火星区" })
  t.eq(c2, 2)
  t.match(err, '^policytk progress: 数据库中没有地区 "火星区"\n')
  c2, _, err = with_db({ "progress", "--region", "火星区", "--format", "json" })
  t.eq(c2, 2)
  t.match(err, "unknown_region: 数据库中没有地区")
end)

test("roll-ups: by unit, by group, county shares, county sums equal the city", function(t)
  local store = require "policytk.data.store"
  local rollup = require "policytk.progress.rollup"
  local progress = require "policytk.progress"
  local conn = store.open(DB)
  local set = progress.dataset(conn, { city = "wenzhou" })
  local recs = set:evaluate_all("2024-09-30")
  local units = rollup.by(recs, "unit")
  t.eq({ units[1].key, units[1].total, units[1].yellow, units[1].red }, { "市经信局", 2, 1, 0 })
  t.eq({ units[2].key, units[2].total }, { "市金融办", 2 })
  local groups = rollup.by(recs, "group")
  t.eq({ groups[1].key, groups[1].total, groups[2].key, groups[2].total }, { "创业扶持友好", 2, "信贷融资友好", 2 })
  local tz = progress.dataset(conn, { city = "taizhou" })
  local t1 = tz.targets[1]
  local c = rollup.counties(tz, t1, "2019-12-31")
  t.eq({ c.rows[1].region_name, c.rows[1].share, c.rows[1].actual, c.rows[1].completion }, { "椒江区", 600, 450, 0.75 })
  t.eq({ c.rows[2].region_name, c.rows[2].actual, c.rows[2].completion }, { "黄岩区", 250, 0.625 })
  t.eq({ c.sum, c.city_actual, c.consistent }, { 700, 700, true })
  local c2 = rollup.counties(tz, tz.targets[2], "2019-12-31")
  t.eq({ #c2.rows, c2.sum, c2.city_actual }, { 2, 210, nil })       -- the city figure is the sum itself
  set:close(); tz:close(); conn:close()
end)

local GOLDEN = {
  { "wenzhou", "monthly", "2024-09" }, { "wenzhou", "quarterly", "2024-Q3" }, { "wenzhou", "custom", "2024" },
  { "taizhou", "inspection", "2019" }, { "taizhou", "monitoring", "2019-Q4" }, { "hangzhou", "index", "2022" },
}

for _, g in ipairs(GOLDEN) do
  test(string.format("golden: %s %s %s (md)", g[1], g[2], g[3]), function(t)
    local code, out, err = with_db({ "report", g[1], g[2], "--period", g[3], "--format", "md" })
    t.eq(code, 0, err)
    local path = string.format("%s/tests/golden/report_%s_%s.md", ROOT, g[1], g[2])
    if os.getenv("POLICYTK_UPDATE_GOLDEN") == "1" then
      local f = assert(io.open(path, "wb")); f:write(out); f:close()
    end
    t.eq(out, read(path))
  end)
end

test("html: self-contained, well-formed XML, bars, sparklines, print CSS", function(t)
  local out = TMP .. ".html"
  local code, _, err = with_db({ "report", "wenzhou", "quarterly", "--period", "2024-Q3", "--format", "html", "-o", out })
  t.eq(code, 0, err)
  local html = read(out)
  -- the only URLs are the SVG and XHTML namespace names, which are never fetched
  local no_ns = html:gsub('xmlns="http://www%.w3%.org/[%w/]+"', "")
  t.ok(not no_ns:find("https?://"), "no network references")
  t.match(html, "@page { size: A4")
  t.match(html, "break%-before: page")
  t.match(html, "<polyline")
  t.match(html, "数据截至</td><td>2024%-09%-30")
  t.match(html, "含示例数据")
  local ok, msg = sh(PY .. [[ -c "
import sys, xml.etree.ElementTree as ET
from html.parser import HTMLParser
root = ET.parse(sys.argv[1]).getroot()
ns = {'h': 'http://www.w3.org/1999/xhtml'}
HTMLParser().feed(open(sys.argv[1], encoding='utf-8').read())
print(len(root.findall('.//h:section', ns)), len(root.findall('.//{http://www.w3.org/2000/svg}svg')))
" ]] .. out)
  t.ok(ok, msg)
  t.eq(msg, "4 7\n")       -- 4 sections (the last: tasks with no 工作进展); svg: 1 summary bar + 4 status bars + 2 sparklines
  os.remove(out)
end)

test("csv: BOM, CRLF, and the rows round-trip", function(t)
  local code, out = with_db({ "report", "wenzhou", "monthly", "--period", "2024-09", "--format", "csv" })
  t.eq(code, 0)
  t.eq(out:sub(1, 3), "\239\187\191")
  t.match(out, "\r\n")
  local lines = {}
  for line in out:gmatch("[^\n]*\n") do lines[#lines + 1] = line end
  local i, records = 0, {}
  for fields in csv.records(function() i = i + 1; return lines[i] end) do records[#records + 1] = fields end
  t.eq(records[1], { "标题", "温州市月度报送表（2024-09）" })
  local found
  for _, r in ipairs(records) do if r[1] == "新增中小微企业数" then found = r end end
  t.eq(found, { "新增中小微企业数", "新增中小微企业3000家", "市经信局", "张三 88880001", "40", "1650", "3000", "55",
                "58.2648", "黄 略有滞后", "完成率 55.0%，序时进度 58.3%，落后 3.3 个百分点" })
end)

test("json: the report's data", function(t)
  local code, out = with_db({ "report", "taizhou", "inspection", "--period", "2019", "--format", "json" })
  t.eq(code, 0)
  local r = json.decode(out)
  t.eq({ r.city, r.period, r.as_of, r.data_updated, r.sample, r.builder }, { "taizhou", "2019", "2019-12-31",
    "2024-10-10T09:00:00Z", false, "inspection" })
  t.eq(r.sections[1].rows[1], { rank = 1, region_name = "椒江区", region = "331002", n = 1, average = 0.75, red = 0,
                                no_data = 0 })
  t.eq({ r.rule.id, r.rule.doc, r.rule.doc_title }, { "inspection", "growth", "测试成长计划" })
  t.eq({ r.sections[2].rows[1].id, r.sections[2].rows[1].indicator_name }, { "T01", "新增小微企业数" })
  t.eq(r.sections[2].rows[2].completion, 0.625)
end)

test("xlsx: sheets per section, coloured status cells, numbers as numbers, frozen header", function(t)
  local out = TMP .. ".xlsx"
  local code, _, err = with_db({ "report", "wenzhou", "quarterly", "--period", "2024-Q3", "--format", "xlsx", "-o", out })
  t.eq(code, 0, err)
  local xlsx = require "policytk.xlsx"
  local names = xlsx.sheets(out)
  t.eq({ #names, names[1], names[2], names[3] }, { 5, "概况", "一、目标完成情况（按状态）", "二、滞后单位及其红色目标" })
  local reader = xlsx.open(out)
  local cells = {}
  for _, row in reader:rows(names[2]) do cells[#cells + 1] = row end
  reader:close()
  t.eq(cells[1][1], "指标")
  local ok, msg = sh(PY .. [[ -c "
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[1]
print(ws.freeze_panes, ws['A2'].value, ws['E2'].value, type(ws['E2'].value).__name__, ws['I2'].value,
      ws['I2'].fill.fgColor.rgb, ws['F2'].number_format)
" ]] .. out)
  t.ok(ok, msg)
  t.eq(msg, "A2 新增中小微企业数 1650 int 黄 略有滞后 FFFFEB9C 0.0%\n")
  os.remove(out)
end)

test("report: rules listed with next due dates", function(t)
  local code, out = with_db({ "report", "wenzhou" })
  t.eq(code, 0)
  t.match(out, "^规则%s+名称%s+文件%s+频次%s+构建器%s+下次报送%s+说明\n")
  t.match(out, "monthly%s+月度报送表%s+测试友好城市方案%s+按月%s+月度报送表%s+2024%-10%-31")
  t.match(out, "custom%s+自定义报表%s+测试友好城市方案%s+按年%s+插件自带")
  code, out = with_db({ "report", "taizhou" })
  t.eq(code, 0)
  t.match(out, "文件期限已过（2020%-12%-31）")
end)

test("report: named errors", function(t)
  local code, _, err = with_db({ "report", "wenzhou", "weekly" })
  t.eq(code, 2)
  t.match(err, "^policytk report: wenzhou 没有报送规则 \"weekly\"；其规则：monthly, quarterly, custom, broken\n")
  code, _, err = with_db({ "report", "wenzhou", "weekly", "--format", "json" })
  t.eq(code, 2)
  t.match(err, "unknown_rule: wenzhou 没有报送规则 \"weekly\"；其规则：monthly, quarterly, custom, broken")
  code, _, err = with_db({ "report", "wenzhou", "quarterly", "--period", "2024Q3" })
  t.eq(code, 2)
  t.match(err, "^policytk report: \"2024Q3\" 不是报告期")
  code, _, err = with_db({ "report", "wenzhou", "quarterly", "--period", "2024Q3", "--format", "json" })
  t.eq(code, 2)
  t.match(err, "bad_period: \"2024Q3\" 不是报告期")
  code, _, err = with_db({ "report", "wenzhou", "quarterly", "--period", "2024-09" })
  t.eq(code, 2)
  t.match(err, "报送规则“季度例会材料”为按季报送，报告期应为 YYYY%-Qn")
  code, _, err = with_db({ "report", "wenzhou", "quarterly", "--period", "2022-Q4" })
  t.eq(code, 2)
  t.match(err, "2022%-Q4 不在文件《测试友好城市方案》的年份内（2023—2025）")
  local out = TMP .. "-broken.html"
  code, _, err = with_db({ "report", "wenzhou", "broken", "--period", "2024", "--format", "html", "-o", out })
  t.eq(code, 1)
  t.match(err, "^policytk report: 插件 wenzhou 的报送规则“坏的报表”的构建器出错")
  t.match(err, "boom in the builder")
  t.eq(fs.stat(out), nil)
  code, _, err = with_db({ "report", "wenzhou", "broken", "--period", "2024", "--format", "json" })
  t.eq(code, 1)
  t.match(err, "builder_error: 插件 wenzhou 的报送规则“坏的报表”的构建器出错")
  code, _, err = with_db({ "report", "wenzhou", "quarterly", "--format", "html", "-o", "/nonexistent/dir/x.html" })
  t.eq(code, 1)
  t.match(err, "^policytk report: 无法写入 /nonexistent/dir/x.html")
  code, _, err = with_db({ "report", "wenzhou", "quarterly", "--format", "json", "-o", "/nonexistent/dir/x.json" })
  t.eq(code, 1)
  t.match(err, "cannot_write: 无法写入 /nonexistent/dir/x.json")
  code, _, err = with_db({ "report", "wenzhou", "quarterly", "--format", "xlsx" })
  t.eq(code, 2)
  t.match(err, "请给出 %-o 文件.xlsx")
end)

test("compare: every city's targets on one catalog indicator", function(t)
  local code, out = with_db({ "compare", "new_small_micro_firms", "--as-of", "2022-12-31", "--format", "json" })
  t.eq(code, 0)
  local rows = json.decode(out)
  t.eq(#rows, 3)
  t.eq({ rows[1].city, rows[1].id, rows[1].actual, rows[1].status }, { "hangzhou", "T01", 920, "on_track" })
  t.eq({ rows[2].city, rows[2].id, rows[2].status }, { "taizhou", "T01", "missed" })
  t.eq({ rows[3].city, rows[3].id, rows[3].quote, rows[3].lead_units }, { "wenzhou", json.null, "（无此指标目标）", {} })
  local c2, _, err = with_db({ "compare", "new_small_micro_firm" })
  t.eq(c2, 2)
  t.match(err, "^policytk compare: 通用指标目录中没有 \"new_small_micro_firm\"（是否要用 \"new_small_micro_firms\"？）")
  c2, _, err = with_db({ "compare", "new_small_micro_firm", "--format", "json" })
  t.eq(c2, 2)
  t.match(err, "unknown_indicator: 通用指标目录中没有 \"new_small_micro_firm\"（是否要用 \"new_small_micro_firms\"？）")
end)

test("figures in a different unit than the indicator: named error", function(t)
  local conn = db.open(DB)
  conn:run("INSERT INTO observations (indicator, region, period, value, unit, reported_at) VALUES "
    .. "('tech_smes_new', '330300', '2024', 1.2, '万家', '2024-10-10T09:00:00Z')")
  conn:close()
  local code, _, err = with_db({ "progress", "--city", "wenzhou" })
  t.eq(code, 1)
  t.match(err, "^policytk progress: 指标 tech_smes_new 在温州市（330300）的数据单位与指标单位（家）不同：2024（万家）")
  code, _, err = with_db({ "progress", "--city", "wenzhou", "--format", "json" })
  t.eq(code, 1)
  t.match(err, "unit_mismatch: 指标 tech_smes_new 在温州市（330300）的数据单位与指标单位（家）不同：2024（万家）")
  conn = db.open(DB)
  conn:run("DELETE FROM observations WHERE unit = '万家'")
  conn:close()
end)
