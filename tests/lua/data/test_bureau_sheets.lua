-- Bureau sheets as they are (issue 15 item 2): observations from CSV and XLSX files the way
-- bureaus send them — a title row and a 填报单位 row above Chinese headers, blank rows,
-- trailing empty columns, GBK, several sheets — and the refusals: no header in the first 20
-- rows, no sheet with a table, problems named by SHEET!CELL, a value past the header.
-- XLSX fixtures are written at test time by python3-openpyxl (/usr/bin/python3).

local core = require "policytk.core"
local testing = require "policytk.testing"
local store = require "policytk.data.store"
local import = require "policytk.data.import"
local importer = require "policytk.data.importer"

local ENV = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/good", POLICYTK_DEFAULT_PLUGINS = "0" }

local TMP = testing.tmp_path()
local FILES = {}

local function tmp(name)
  local p = TMP .. "-" .. name
  FILES[#FILES + 1] = p
  return p
end

local function run(args) return testing.policytk(args, { env = ENV, cwd = core.root }) end

-- A fresh database with the fixture plugin loaded.
local function fresh_db()
  local path = tmp(#FILES .. ".db")
  for _, s in ipairs({ "-wal", "-shm" }) do FILES[#FILES + 1] = path .. s end
  local code, _, err = run({ "load", "--db", path })
  assert(code == 0, err)
  return path
end

-- Write an XLSX file with openpyxl: `body` is Python working on `wb` (a new workbook whose
-- first sheet is removed) and may call sheet(name, rows) to add a sheet of rows.
local function xlsx_file(name, body)
  local path, script = tmp(name), tmp(name .. ".py")
  testing.write_file(script, string.format([[
import openpyxl
wb = openpyxl.Workbook()
wb.remove(wb.active)
def sheet(name, rows):
    ws = wb.create_sheet(name)
    for r in rows:
        ws.append(r)
    return ws
%s
wb.save(%q)
]], body, path))
  local ok = os.execute("/usr/bin/python3 " .. script .. " > " .. script .. ".out 2>&1")
  FILES[#FILES + 1] = script .. ".out"
  assert(ok, "openpyxl failed: " .. (io.open(script .. ".out"):read("a")))
  return path
end

-- import.file on the database at db; returns the counts, or nil and the failure's message.
local function import_file(db, path, opts)
  local conn = store.open(db)
  opts = opts or {}
  opts.city = opts.city or "good"
  opts.display = opts.display or "f"
  local ok, r = pcall(import.file, conn, path, opts)
  conn:close()
  if ok then return r end
  return nil, type(r) == "table" and r.message or tostring(r)
end

-- The figures held: "indicator region period value" lines, sorted.
local function figures(db)
  local conn = store.open(db)
  local out = {}
  for _, r in ipairs(store.all(conn, "SELECT indicator, region, period, value FROM observations ORDER BY 1, 2, 3")) do
    out[#out + 1] = string.format("%s %s %s %s", r.indicator, r.region, r.period, math.tointeger(r.value) or r.value)
  end
  conn:close()
  return out
end

local TITLE = "2025年温州市小微企业主要指标月度报送表"
local NOTE = "填报单位：测试区经信局"
local DATE = "填报日期：2025-01-10"

test("CSV as a bureau sends it: title and 填报单位 rows, Chinese headers, blank rows, trailing empty columns", function(t)
  local db, csv = fresh_db(), tmp("bureau.csv")
  testing.write_file(csv, TITLE .. ",,,,,,\n"
    .. NOTE .. ",,," .. DATE .. ",,,\n"
    .. ",,,,,,\n"
    .. "指　标,县（市、区）,报告期,本期数,计量单位,备注,,\n"
    .. "新增中小微企业数,测试区,2024-11,120,家,,,\n"
    .. ",,,,,,,\n"
    .. "\n"
    .. "新增中小微企业数,测试区,2024-12,1.3万,家,年末\n"
    .. "新增中小微企业数,,2024-12,7,家,,,,,\n"
    .. ",,\n")
  local c, err = import_file(db, csv)
  t.eq(err, nil)
  t.eq({ c.added, c.updated, c.unchanged }, { 3, 0, 0 })
  t.eq(c.description, TITLE .. "\n" .. NOTE .. "  " .. DATE)
  t.eq(c.sheets, nil, "a CSV file has no sheets")
  t.eq(figures(db), { "new_smes 339900 2024-12 7", "new_smes 339901 2024-11 120", "new_smes 339901 2024-12 13000" })
end)

test("a header in the first row: as before, and no description", function(t)
  local db, csv = fresh_db(), tmp("plain.csv")
  testing.write_file(csv, "Indicator,Period,Value\nnew_smes,2024,5\n")
  local c, err = import_file(db, csv)
  t.eq(err, nil)
  t.eq({ c.added, c.description }, { 1, nil })
end)

test("XLSX as a bureau sends it: merged title, 填报单位 row, Chinese headers, blank rows, empty styled cells", function(t)
  local db = fresh_db()
  local path = xlsx_file("bureau.xlsx", string.format([=[
from openpyxl.styles import PatternFill
ws = sheet("报送表", [[%q], [%q, None, None, %q], [], ["指标名称", "地区", "月份", "完成数", "单位", "来源"]])
ws.merge_cells("A1:F1")
ws.append(["新增中小微企业数", "测试区", "2024-10", 310, "家", "区经信局"])
ws.append([None, None, None, None, None, None])
ws.append(["  ", None, "　"])
ws.append(["小微企业贷款余额", "测试市", "2024-10", 2.5, "亿元"])
fill = PatternFill("solid", fgColor="FFFF00")
for col in "GHIJ":
    ws[col + "4"].fill = fill
    ws[col + "5"].fill = fill
ws["K9"].fill = fill
]=], TITLE, NOTE, DATE))
  local c, err = import_file(db, path)
  t.eq(err, nil)
  t.eq({ c.added, c.description }, { 2, TITLE .. "\n" .. NOTE .. "  " .. DATE })
  t.eq(c.sheets, { { name = "报送表", rows = 2 } })
  t.eq(figures(db), { "new_smes 339901 2024-10 310", "small_micro_loan_balance 339900 2024-10 250000000" })
end)

test("GBK CSV with Chinese headers", function(t)
  local db, csv = fresh_db(), tmp("gbk.csv")
  local conv = io.popen("iconv -f UTF-8 -t GB18030 > " .. csv, "w")
  conv:write(TITLE .. ",,,\n" .. NOTE .. ",,,\n指标,地区,时间,数值,数据来源\n新增中小微企业数,测试区,2024-09,88,温州市统计局\n")
  conv:close()
  t.ok(core.utf8_check(io.open(csv, "rb"):read("a")), "the file should not be UTF-8")
  local code, out, err = run({ "import", csv, "--db", db })
  t.eq(code, 0, err)
  t.match(out, "导入 1 条数据")
  t.eq(figures(db), { "new_smes 339901 2024-09 88" })
end)

-- The workbook of three sheets: a cover without a table, 一月 (header below a title), 二月.
local function three_sheets()
  return xlsx_file("three.xlsx", string.format([=[
sheet("封面", [[%q], ["温州市经信局"], ["2025年1月"]])
sheet("一月", [[%q], ["指标", "区域", "统计期", "本月数"],
    ["新增中小微企业数", "测试区", "2024-11", 11], ["新增中小微企业数", "测试市", "2024-11", 21]])
sheet("二月", [["指标", "区域", "统计期", "本月数"], ["新增中小微企业数", "测试区", "2024-12", 12]])
]=], TITLE, TITLE))
end

test("XLSX of three sheets: every sheet with a table in one go; --sheet by name or number", function(t)
  local path = three_sheets()
  local db = fresh_db()
  local c, err = import_file(db, path)
  t.eq(err, nil)
  t.eq(c.added, 3)
  t.eq(c.sheets, { { name = "一月", rows = 2 }, { name = "二月", rows = 1 } })
  t.eq(c.skipped, { "封面" })
  t.eq(c.description, TITLE, "the same title on two sheets is kept once")
  t.eq(figures(db), { "new_smes 339900 2024-11 21", "new_smes 339901 2024-11 11", "new_smes 339901 2024-12 12" })
  db = fresh_db()
  local code, out, e = run({ "import", path, "--db", db, "--city", "good", "--sheet", "二月" })
  t.eq(code, 0, e)
  t.match(out, "（新增 1，更新 0，未变 0）")
  code, out, e = run({ "import", path, "--db", db, "--city", "good", "--sheet", "2" })
  t.eq(code, 0, e)
  t.match(out, "（新增 2，更新 0，未变 0）")
  t.eq(#figures(db), 3)
  code, out, e = run({ "import", path, "--db", db, "--sheet", "封面" })
  t.eq({ code, out }, { 1, "" })
  t.match(e, ": 工作表 封面 的前20行中找不到表头：需要 指标%(indicator%)、期间%(period%)、数值%(value%) 列\n$")
end)

test("a problem in one sheet: nothing imported from any", function(t)
  local path = xlsx_file("one_bad.xlsx", [=[
sheet("甲", [["指标", "期间", "数值"], ["new_smes", "2024-01", 1]])
sheet("乙", [["指标", "期间", "数值"], ["new_smes", "2024-02", "很多"]])
]=])
  local db = fresh_db()
  local c, err = import_file(db, path)
  t.eq(c, nil)
  t.eq(err, 'f: 未导入任何数据，共 1 处问题：\nf:乙!C2: value: 数值 "很多" 无法识别')
  t.eq(figures(db), {})
end)

test("no header in the first 20 rows: one named failure", function(t)
  local db, csv = fresh_db(), tmp("noheader.csv")
  testing.write_file(csv, TITLE .. "\n" .. NOTE .. "\n名称,数量\n新增中小微企业数,5\n")
  local c, err = import_file(db, csv)
  t.eq(c, nil)
  t.eq(err, "f: 前20行中找不到表头：需要 指标(indicator)、期间(period)、数值(value) 列")
  local rows = { TITLE }
  for i = 2, 20 do rows[i] = "说明第" .. i .. "行" end
  rows[21] = "指标,期间,数值"
  rows[22] = "new_smes,2024,1"
  testing.write_file(csv, table.concat(rows, "\n") .. "\n")
  c, err = import_file(db, csv)
  t.eq(c, nil)
  t.eq(err, "f: 前20行中找不到表头：需要 指标(indicator)、期间(period)、数值(value) 列", "row 21 is too far down")
  rows[20], rows[21] = rows[21], "new_smes,2024,1"
  testing.write_file(csv, table.concat(rows, "\n", 1, 21) .. "\n")
  c, err = import_file(db, csv)
  t.eq(err, nil, "row 20 is not")
  t.eq(c.added, 1)
end)

test("a near miss below the title: its header problems, at its row", function(t)
  local db, csv = fresh_db(), tmp("nearmiss.csv")
  testing.write_file(csv, TITLE .. "\n指标,期间,数量,单元\nnew_smes,2024,1,家\n")
  local c, err = import_file(db, csv)
  t.eq(c, nil)
  t.eq(err, 'f: 未导入任何数据，共 3 处问题：\nf:2: header: 未知列 "数量"\n'
    .. 'f:2: header: 未知列 "单元"\nf:2: header: 缺少列 "value"')
end)

test("no sheet with a table: one named failure listing the sheets", function(t)
  local path = xlsx_file("nosheet.xlsx", string.format([=[
sheet("封面", [[%q]])
sheet("说明", [["请按模板填报"], ["名称", "数量"]])
sheet("Sheet3", [])
]=], TITLE))
  local c, err = import_file(fresh_db(), path)
  t.eq(c, nil)
  t.eq(err, "f: 没有可导入的工作表（工作表：封面、说明、Sheet3）：每个表的前20行中都找不到表头（需要 指标(indicator)、期间(period)、数值(value) 列）；"
    .. "可用 --sheet 指定要导入的工作表")
end)

test("XLSX problems name the cell: SHEET!C12 (quoted when the name has a space)", function(t)
  local path = xlsx_file("cells.xlsx", string.format([=[
sheet("数据", [[%q], [%q], ["指标", "地区", "期间", "数值", "单位"],
    ["new_smes", "测试区", "2024-01", 5, "家"],
    ["new_smes", "测试区", "2024-02", "abc", "家"],
    ["new_smess", "测试区", "2024-13", 5, "家"],
    ["new_smes", "测试区", "2024-01", 6, "家"]])
sheet("Sheet 2", [["指标", "期间", "数值", None, "备注"], ["new_smes", "2024-03", 1, "x", None]])
]=], TITLE, NOTE))
  local db = fresh_db()
  local c, err = import_file(db, path)
  t.eq(c, nil)
  t.eq(err, "f: 未导入任何数据，共 5 处问题：\n"
    .. 'f:数据!D5: value: 数值 "abc" 无法识别\n'
    .. 'f:数据!A6: indicator: 未知指标 "new_smess"（是否要用 "new_smes"？）\n'
    .. 'f:数据!C6: period: 期间 "2024-13" 无法识别：月份应为1—12\n'
    .. "f:数据!A7: row: 与第 4 行重复（指标、地区和期间相同）\n"
    .. "f:'Sheet 2'!D2: D列: 没有表头，应为空；此处为 \"x\"")
  t.eq(figures(db), {})
  path = xlsx_file("badheader.xlsx", [=[
sheet("数据", [["标题"], ["指标", "期间", "数值", "指标名称", "口经"]])
]=])
  c, err = import_file(db, path)
  t.eq(c, nil)
  t.eq(err, "f: 未导入任何数据，共 2 处问题：\n"
    .. 'f:数据!D2: header: 列 "indicator" 出现两次（"指标名称"）\n'
    .. 'f:数据!E2: header: 未知列 "口经"')
end)

test("a value past the header or under an empty header cell is a problem; empty ones are not", function(t)
  local db, csv = fresh_db(), tmp("stray.csv")
  testing.write_file(csv, "指标,,期间,数值,,\n"
    .. "new_smes,,2024-01,1,,,,\n"
    .. "new_smes,x,2024-02,2\n"
    .. "new_smes,,2024-03,3,,,y\n")
  local c, err = import_file(db, csv)
  t.eq(c, nil)
  t.eq(err, 'f: 未导入任何数据，共 2 处问题：\nf:3: B列: 没有表头，应为空；此处为 "x"\n'
    .. 'f:4: G列: 没有表头，应为空；此处为 "y"')
  t.eq(figures(db), {})
end)

test("header for the writer: aliases, implied basis (累计数, 本期数), a 口径 column, English names", function(t)
  local db = fresh_db()
  local seen = {}
  local spec = setmetatable({ writer = function(job, header)
    seen[#seen + 1] = { pos = header.pos, implied = header.implied, line = header.line, d = job.description }
    return { row = function() end, finish = function() return {} end, close = function() end }
  end }, { __index = import.SPEC })
  local function header_of(text)
    local csv = tmp("h" .. #seen .. ".csv")
    testing.write_file(csv, text)
    local conn = store.open(db)
    local ok, err = pcall(importer.run, conn, csv, spec, { display = "f" })
    conn:close()
    assert(ok, type(err) == "table" and err.message or err)
    return seen[#seen]
  end
  local h = header_of(TITLE .. "\n指标,县市区,期间,累计数\n")
  t.eq({ h.pos, h.implied, h.line, h.d }, { { indicator = 1, region = 2, period = 3, value = 4 }, { basis = "累计" }, 2, TITLE })
  h = header_of("指标,期间,本期数,统计口径\n")
  t.eq({ h.pos, h.implied }, { { indicator = 1, period = 2, value = 3, basis = 4 }, { basis = "当期" } })
  h = header_of("indicator,period,value,Basis,NOTE\n")
  t.eq({ h.pos, h.implied }, { { indicator = 1, period = 2, value = 3, basis = 4, note = 5 }, {} })
  local csv = tmp("unknown.csv")
  testing.write_file(csv, "indicator,period,value,basiss\n")
  local c, err = import_file(db, csv)
  t.eq(c, nil)
  t.match(err, '^f: 未导入任何数据，共 1 处问题：\nf:1: header: 未知列 "basiss"')
end)

test("cleanup: the temporary files", function(t)
  for _, p in ipairs(FILES) do os.remove(p) end
  t.ok(not io.open(FILES[1], "rb"))
end)
