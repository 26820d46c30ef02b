-- Figures as bureaus write them, through `policytk import` (issue 15 items 1 and 2): every
-- accepted period form and value form from CSV and from XLSX, a 1—N月累计 series read as
-- year to date (1650, never the sum 6150) whichever way its basis is stated, a revision
-- within a year, a 累计 figure that falls refused naming both lines (--allow-revisions takes
-- it as a correction), and "not reported" cells that make no row. The value and period
-- readers themselves are tested in test_values.lua; progress's reading of 累计 in
-- tests/lua/progress/test_basis.lua.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"
local store = require "policytk.data.store"
local import = require "policytk.data.import"

local ENV = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/good", POLICYTK_DEFAULT_PLUGINS = "0",
              POLICYTK_TODAY = "2025-07-31" }
local TODAY = "2025-07-31"
local TMP = testing.tmp_path()
local n = 0

local function tmp(ext)
  n = n + 1
  return string.format("%s-%d.%s", TMP, n, ext)
end

local function run(args) return testing.policytk(args, { env = ENV, cwd = core.root }) end

local function fresh_db()
  local path = tmp("db")
  local code, _, err = run({ "load", "--db", path })
  assert(code == 0, err)
  return path
end

-- CSV text from rows (lists of cells); cells are quoted.
local function csv_text(rows)
  local out = {}
  for _, r in ipairs(rows) do
    local cells = {}
    for i, c in ipairs(r) do cells[i] = '"' .. tostring(c):gsub('"', '""') .. '"' end
    out[#out + 1] = table.concat(cells, ",")
  end
  return table.concat(out, "\n") .. "\n"
end

-- An XLSX file from rows, through the project's writer; a number stays a numeric cell.
local function xlsx_file(rows)
  local path = tmp("xlsx")
  local xlsx = require "policytk.xlsx"
  local wb = xlsx.writer(path)
  local ws = wb:sheet("报送")
  for r, row in ipairs(rows) do
    for c, v in ipairs(row) do ws:write(r - 1, c - 1, v) end
  end
  wb:close()
  return path
end

local function file_of(kind, rows)
  if kind == "csv" then
    local path = tmp("csv")
    testing.write_file(path, csv_text(rows))
    return path
  end
  return xlsx_file(rows)
end

-- import in this process (the same code the verb runs); returns ok, counts or message
local function import_file(db, path, opts)
  local conn = store.open(db)
  opts = opts or {}
  opts.city, opts.today = "good", TODAY
  local ok, res = pcall(import.file, conn, path, opts)
  conn:close()
  return ok, ok and res or tostring(res)
end

local function figures(db)
  local conn = store.open(db)
  local rows = store.all(conn, "SELECT indicator, region, period, value, basis FROM observations ORDER BY id")
  conn:close()
  return rows
end

local HEAD = { "指标", "地区", "期间", "数值" }

-- period cell → expected period (guarantee_fee_rate: a rate, so no 累计 check between rows)
local PERIODS = {
  { "2025年6月", "2025-06" }, { "2025年06月", "2025-06" }, { "2025-6", "2025-06" }, { "2025/06", "2025-06" },
  { "2025.06", "2025-06" }, { "202506", "2025-06" }, { "2025Q2", "2025-Q2" }, { "2025年二季度", "2025-Q2" },
  { "2025年第2季度", "2025-Q2" }, { "2025年", "2025" }, { "2024", "2024" }, { "2024-Q3", "2024-Q3" },
  { "2025年1-6月", "2025-06" }, { "2025年上半年", "2025-06" }, { "２０２５年６月", "2025-06" },
  { "2025-06-30", "2025-06" }, { "2025年6月30日", "2025-06" },
}

for _, kind in ipairs({ "csv", "xlsx" }) do
  test(kind .. ": every accepted period form", function(t)
    local db = fresh_db()
    for _, pe in ipairs(PERIODS) do
      local path = file_of(kind, { HEAD, { "guarantee_fee_rate", "测试市", pe[1], "1.5%" } })
      local ok, res = import_file(db, path)
      t.ok(ok, pe[1] .. ": " .. tostring(res))
      local last
      for _, f in ipairs(figures(db)) do if f.period == pe[2] then last = f end end
      t.ok(last, pe[1] .. " → no figure of " .. pe[2])
    end
  end)

  test(kind .. ": an Excel date serial in a period column (XLSX) or its text (CSV)", function(t)
    local db = fresh_db()
    local cell = kind == "xlsx" and 45838 or "2025/6/30"          -- 45838 is 2025-06-30
    local ok, res = import_file(db, file_of(kind, { HEAD, { "guarantee_fee_rate", "测试市", cell, 2 } }))
    t.ok(ok, res)
    t.eq(figures(db)[1].period, "2025-06")
  end)

  test(kind .. ": every accepted value form, converted to the indicator's unit", function(t)
    local VALUES = {       -- indicator, cell, expected value in its unit
      { "new_smes", "1,234", 1234 }, { "new_smes", "3.5万户", 35000 }, { "new_smes", "3.5万家", 35000 },
      { "new_smes", "(12)", -12 }, { "new_smes", "（12）", -12 }, { "new_smes", "１２３", 123 },
      { "new_smes", "1.2万", 12000 }, { "guarantee_fee_rate", "12.5%", 12.5 }, { "guarantee_fee_rate", "12.5％", 12.5 },
      { "guarantee_fee_rate", 12.5, 12.5 },
    }
    for i, v in ipairs(VALUES) do
      local db = fresh_db()
      local period = string.format("%d", 2000 + i)
      local ok, res = import_file(db, file_of(kind, { { "指标", "地区", "期间", "数值", "口径" },
        { v[1], "测试市", period, v[2], v[1] == "new_smes" and "当期" or "" } }))
      t.ok(ok, tostring(v[2]) .. ": " .. tostring(res))
      local f = figures(db)[1]
      t.eq({ tostring(v[2]), f and f.value }, { tostring(v[2]), v[3] })
    end
  end)

  test(kind .. ": a blank, 暂无 or — cell is not reported: no row, never 0", function(t)
    local db = fresh_db()
    local ok, res = import_file(db, file_of(kind, { HEAD,
      { "new_smes", "测试市", "2025年1-3月", "暂无" }, { "new_smes", "测试市", "2025年1-4月", "—" },
      { "new_smes", "测试市", "2025年1-5月", "" }, { "new_smes", "测试市", "2025年1-6月", "1650" } }))
    t.ok(ok, res)
    t.eq(res.not_reported, 3)
    local f = figures(db)
    t.eq(#f, 1)
    t.eq({ f[1].period, f[1].value, f[1].basis }, { "2025-06", 1650, "ytd" })
  end)

  test(kind .. ": a unit that cannot convert is refused naming the cell", function(t)
    local db = fresh_db()
    local ok, res = import_file(db, file_of(kind, { HEAD, { "new_smes", "测试市", "2025", "3万人" } }))
    t.eq(ok, false)
    t.match(res, "value: 单位 \"万人\" 不能换算为指标单位 \"家\"")
    t.match(res, kind == "xlsx" and "报送!D2:" or "csv:2:")
  end)
end

-- The year-to-date case of the issue: 新增 300, 600, … 1650 for January to June.
local YTD = { { "2025年1月", 300 }, { "2025年2月", 600 }, { "2025年3月", 900 }, { "2025年4月", 1200 },
              { "2025年5月", 1500 }, { "2025年6月", 1650 } }

local function progress_t01(db)
  local code, out, err = run({ "progress", "--db", db, "--format", "json", "--as-of", TODAY })
  assert(code == 0, err)
  for _, r in ipairs(json.decode(out)) do
    if r.id == "T01" then return r end
  end
end

local function ytd_rows(basis_cell, period_of)
  local rows = { { "指标", "地区", "期间", "数值", "口径" } }
  for _, m in ipairs(YTD) do rows[#rows + 1] = { "new_smes", "测试市", period_of(m[1]), m[2], basis_cell } end
  return rows
end

for _, case in ipairs({
  { "口径 累计", "累计", function(p) return p end },
  { "1—N月 periods, no 口径", "", function(p) return (p:gsub("年(%d+)月", "年1-%1月")) end },
  { "the indicator's default (累计)", "", function(p) return p end },
  { "口径 1-N月累计", "1—6月累计", function(p) return p end },
}) do
  test("1—N月累计 through import (" .. case[1] .. "): 1650, not 6150", function(t)
    local db = fresh_db()
    local ok, res = import_file(db, file_of("csv", ytd_rows(case[2], case[3])))
    t.ok(ok, res)
    local r = progress_t01(db)
    t.eq(r.actual, 1650)
    t.eq(#figures(db), 6)
  end)
end

test("the same series as 当月 flows gives 1650 too", function(t)
  local db = fresh_db()
  local rows, prev = { { "指标", "地区", "期间", "本月数" } }, 0
  for _, m in ipairs(YTD) do rows[#rows + 1] = { "new_smes", "测试市", m[1], m[2] - prev }; prev = m[2] end
  local ok, res = import_file(db, file_of("xlsx", rows))          -- 本月数: the header says 当期
  t.ok(ok, res)
  t.eq(progress_t01(db).actual, 1650)
  t.eq(figures(db)[1].basis, "flow")
end)

test("a revision within a year: the new 累计 replaces the old, which is kept", function(t)
  local db = fresh_db()
  t.ok(import_file(db, file_of("csv", ytd_rows("累计", function(p) return p end))))
  local ok, res = import_file(db, file_of("csv", { HEAD, { "new_smes", "测试市", "2025年1-5月", "1400" } }))
  t.ok(ok, res)
  t.eq({ res.updated, res.added }, { 1, 0 })
  t.eq(progress_t01(db).actual, 1650)
  local conn = store.open(db)
  local rev = conn:first([[SELECT r.value, r.batch, r.replaced_by FROM observation_revisions r
    JOIN observations o ON o.id = r.observation WHERE o.period = '2025-05']])
  conn:close()
  t.eq({ rev.value, rev.batch, rev.replaced_by }, { 1500.0, 1, 2 })
end)

test("a 累计 figure that falls within a year is refused naming both lines", function(t)
  local db = fresh_db()
  local rows = ytd_rows("累计", function(p) return p end)
  rows[6][4] = 1100                                               -- May below April's 1200
  local path = file_of("csv", rows)
  local ok, res = import_file(db, path)
  t.eq(ok, false)
  t.match(res, "csv:6: value: 新增中小微企业数 在 测试市 的累计数 1100（2025%-05，第6行）小于此前 2025%-04 的累计数 1200（第5行）")
  t.match(res, "如为更正，请加 %-%-allow%-revisions")
  t.eq(#figures(db), 0)
  ok, res = import_file(db, path, { allow_revisions = true })
  t.ok(ok, res)
  t.eq(#figures(db), 6)
end)

test("a 累计 figure below one already held names the batch that holds it", function(t)
  local db = fresh_db()
  t.ok(import_file(db, file_of("csv", ytd_rows("累计", function(p) return p end))))
  local ok, res = import_file(db, file_of("csv", { HEAD, { "new_smes", "测试市", "2025年1-7月", "1000" } }))
  t.eq(ok, false)
  t.match(res, "累计数 1000（2025%-07，第2行）小于此前 2025%-06 的累计数 1650（库中已有数据（批次 1））")
end)

test("the verb: --allow-revisions, and who imported", function(t)
  local db = fresh_db()
  local rows = ytd_rows("累计", function(p) return p end)
  rows[6][4] = 1100
  local path = file_of("csv", rows)
  local code, out, err = run({ "import", path, "--db", db, "--by", "李四" })
  t.eq(code, 1, out)
  t.match(err, "1—N月累计数在一年内不应下降")
  code, out, err = run({ "import", path, "--db", db, "--by", "李四", "--allow-revisions" })
  t.eq(code, 0, err)
  t.match(out, "导入 6 条数据（新增 6，更新 0，未变 0），批次 %d+")
  local conn = store.open(db)
  local b = conn:first("SELECT by_user, file, rows, sha256 FROM batches ORDER BY id DESC LIMIT 1")
  conn:close()
  t.eq({ b.by_user, b.file, b.rows }, { "李四", path, 6 })
  local p = io.popen("sha256sum " .. testing.shell_quote(path))
  local want = p:read("a"):match("^(%x+)")
  p:close()
  t.eq(b.sha256, want)
end)

-- An XLSX written by openpyxl: merged cells and date-formatted cells, as Excel users make them.
local function openpyxl_file(body)
  local path, script = tmp("xlsx"), tmp("py")
  testing.write_file(script, "import openpyxl, datetime, sys\nwb = openpyxl.Workbook()\nws = wb.active\n"
    .. "ws.title = '报送'\n" .. body .. "\nwb.save(sys.argv[1])\n")
  local ok = os.execute("/usr/bin/python3 " .. testing.shell_quote(script) .. " " .. testing.shell_quote(path))
  assert(ok, "openpyxl failed")
  return path
end

test("xlsx: a merged 地区 cell applies to every row of its range; date-formatted period cells", function(t)
  local db = fresh_db()
  local path = openpyxl_file([[
ws.append(["指标", "地区", "期间", "数值", "口径"])
ws.append(["new_smes", "测试区", datetime.date(2025, 4, 30), 1200, "累计"])
ws.append(["new_smes", None, datetime.date(2025, 5, 31), 1500, "累计"])
ws.append(["new_smes", None, datetime.datetime(2025, 6, 30, 17, 30), 1650, "累计"])
ws.merge_cells("B2:B4")
for r in range(2, 5):
    ws.cell(r, 3).number_format = "yyyy\"年\"m\"月\""
]])
  local ok, res = import_file(db, path)
  t.ok(ok, res)
  local got = {}
  for _, f in ipairs(figures(db)) do got[#got + 1] = string.format("%s %s %d", f.region, f.period, f.value) end
  t.eq(got, { "339901 2025-04 1200", "339901 2025-05 1500", "339901 2025-06 1650" })
end)
