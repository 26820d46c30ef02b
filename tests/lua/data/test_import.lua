-- policytk import / export observations: the CSV reader, every refused input with its
-- FILE:LINE: column: problem message (and nothing imported), overwrites kept as revisions,
-- the export → import round trip.

local core = require "policytk.core"
local db = require "policytk.db"
local testing = require "policytk.testing"
local csv = require "policytk.data.csv"

local ENV = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/good", POLICYTK_DEFAULT_PLUGINS = "0" }

local tmp = testing.tmp_path

local write = testing.write_file

local function run(args)
  return testing.policytk(args, { env = ENV, cwd = core.root })
end

local DB = tmp() .. ".db"
local CSV = tmp() .. ".csv"
assert(run({ "load", "--db", DB }) == 0)

local function import(text, ...)
  write(CSV, text)
  return run({ "import", CSV, "--db", DB, ... })
end

local function export()
  local code, out = run({ "export", "observations", "--db", DB })
  assert(code == 0)
  return out
end

local function records(text)
  local lines, i = {}, 0
  for l in text:gmatch("[^\n]*\n?") do if l ~= "" then lines[#lines + 1] = l end end
  local out = {}
  for fields, line, problem in csv.records(function() i = i + 1; return lines[i] end) do
    out[#out + 1] = fields and { line = line, fields = fields } or { line = line, problem = problem }
  end
  return out
end

test("csv reader: quotes, commas, doubled quotes, newlines, BOM, CRLF", function(t)
  local r = records('\239\187\191a,b,c\r\n"x,1","say ""hi""","two\r\nlines"\r\n,,\r\n')
  t.eq(r[1].fields, { "a", "b", "c" })
  t.eq(r[2], { line = 2, fields = { "x,1", 'say "hi"', "two\r\nlines" } })
  t.eq(r[3], { line = 4, fields = { "", "", "" } })
  r = records('a,"open\nstill open\n')
  t.eq(r[1], { line = 1, problem = "unterminated quoted field (the quote opened on line 1 never closes)" })
  r = records('a,"x"y\n')
  t.eq(r[1].problem, "unexpected text after a closing quote in field 2")
end)

test("import: names, aliases, values in 万/亿/%, thousands separators; text verbatim", function(t)
  local code, out, err = import("indicator,region,period,value,unit,source,note,basis\n"
    .. "new_smes,339901,2023,\"1,234\",家,\"x'); DROP TABLE observations;--\",\"a,\"\"b\"\"\nc\",当期\n"
    .. "新增中小微企业数,测试区,2023-Q3,1.2万,,,,当季\n"
    .. "新增中小微企业,测试市,2023-09,3亿,,,,\n"
    .. "new_smes,,2022,2,万家,,,\n"
    .. "guarantee_fee_rate,339901,2023,15%,,,,\n", "--city", "good")
  t.eq(code, 0, err)
  t.eq(out, CSV .. ": 导入 5 条数据（新增 5，更新 0，未变 0），批次 1\n")
  t.eq(export(), "indicator,region,period,value,unit,basis,source,note\r\n"
    .. "guarantee_fee_rate,339901,2023,15,%,比率,,\r\n"
    .. "new_smes,339900,2022,20000,家,累计,,\r\n"
    .. "new_smes,339900,2023-09,300000000,家,累计,,\r\n"
    .. "new_smes,339901,2023,1234,家,当期,x'); DROP TABLE observations;--,\"a,\"\"b\"\"\nc\"\r\n"
    .. "new_smes,339901,2023-Q3,12000,家,当期,,\r\n")
end)

test("export → import round trip; re-import overwrites and keeps the old value", function(t)
  local before = export()
  write(CSV, before)
  local code, out = run({ "import", CSV, "--db", DB })
  t.eq(code, 0)
  t.match(out, "（新增 0，更新 0，未变 5）")
  t.eq(export(), before)
  code = import("indicator,region,period,value\nnew_smes,339901,2023,1300\n")
  t.eq(code, 0)
  t.match(export(), "new_smes,339901,2023,1300,家,累计,,\r\n")   -- no 口径 column: the indicator's (累计)
  local conn = db.open(DB, { readonly = true })
  local r = conn:first([[SELECT r.value FROM observation_revisions r JOIN observations o ON o.id = r.observation
    WHERE o.indicator = 'new_smes' AND o.region = '339901' AND o.period = '2023']])
  conn:close()
  t.eq(r and r.value, 1234.0)
end)

local BAD = {
  { "wrong header", "indicatr,period,value\n", {
      ":1: header: 未知列 \"indicatr\"（是否要用 \"indicator\"？）",
      ":1: header: 缺少列 \"indicator\"" } },
  { "empty file", "", { ":1: header: 文件为空" } },
  { "a value past the header", "indicator,period,value\nnew_smes,2023,5,x\n",
    { ":2: D列: 没有表头，应为空；此处为 \"x\"" } },
  { "unterminated quote", "indicator,period,value\nnew_smes,2023,\"5\n",
    { ":2: row: unterminated quoted field (the quote opened on line 2 never closes)" } },
  { "invalid UTF-8", "indicator,period,value,note\nnew_smes,2023,5,\255\254\n",
    { ":2: note: 不是有效的 UTF-8（字段第 1 字节）" } },
  { "value abc", "indicator,period,value\nnew_smes,2023,abc\n", { ":2: value: 数值 \"abc\" 无法识别" } },
  { "value 1,2,3", "indicator,period,value\nnew_smes,2023,\"1,2,3\"\n", { ":2: value: 数值 \"1,2,3\" 无法识别" } },
  { "unknown indicator", "indicator,period,value\nnew_smess,2023,5\n",
    { ":2: indicator: 未知指标 \"new_smess\"（是否要用 \"new_smes\"？）" } },
  { "unknown region", "indicator,region,period,value\nnew_smes,测式区,2023,5\n",
    { ":2: region: 未知地区 \"测式区\"（是否要用 \"测试区\"？）" } },
  { "future period", "indicator,period,value\nnew_smes,2999,5\n",
    { ":2: period: 期间 \"2999\" 在未来（今天是 " .. os.date("%Y-%m-%d") .. "）" } },
  { "bad period", "indicator,period,value\nnew_smes,2023-13,5\n",
    { ":2: period: 期间 \"2023-13\" 无法识别：月份应为1—12" } },
  { "unit mismatch", "indicator,period,value,unit\nnew_smes,2023,5,个\n",
    { ":2: unit: 单位 \"个\" 不能换算为指标单位 \"家\"" } },
  { "percentage for a count", "indicator,period,value\nnew_smes,2023,5%\n",
    { ":2: value: 单位 \"%\" 不能换算为指标单位 \"家\"" } },
  { "a 口径 word not known", "indicator,period,value,口径\nnew_smes,2023,5,大约\n",
    { ":2: basis: 口径 \"大约\" 无法识别：可填 当期（当月、本月）、累计（1—N月累计、年初至今）、期末（月末、年末）、比率（占比、增速）" } },
  { "a 口径 that does not fit the indicator", "indicator,period,value,口径\nnew_smes,2023,5,期末\n",
    { ":2: basis: new_smes: 指标按期计数（新增、发放…），口径应为当期或累计，不能为期末" } },
  { "a 口径 that contradicts its period", "indicator,period,value,口径\nnew_smes,2023年1-6月,5,当月\n",
    { ":2: basis: 口径 \"当月\" 与期间（1—N月累计）不一致" } },
  { "duplicate row", "indicator,period,value\nnew_smes,2021,5\nnew_smes,2021,6\n",
    { ":3: row: 与第 2 行重复（指标、地区和期间相同）" } },
}

for _, case in ipairs(BAD) do
  test("refused, nothing imported: " .. case[1], function(t)
    local before = export()
    local text = case[2]
    local code, out, err = import(text, "--city", "good")
    t.eq(code, 1)
    t.eq(out, "")
    local expect = {}
    for i, m in ipairs(case[3]) do expect[i] = CSV .. m end
    t.eq(err, string.format("policytk import: %s: 未导入任何数据，共 %d 处问题：\n%s\n", CSV, #expect,
      table.concat(expect, "\n")))
    t.eq(export(), before)
  end)
end

test("a bad row after good ones: nothing imported; reading stops once 50 problems are listed", function(t)
  local before = export()
  local rows = { "indicator,period,value", "new_smes,2020,7" }
  for i = 1, 60 do rows[#rows + 1] = "new_smes," .. (1950 + i) .. ",x" .. i end
  local code, _, err = import(table.concat(rows, "\n") .. "\n", "--city", "good")
  t.eq(code, 1)
  t.match(err, "未导入任何数据，共 50 处问题：\n")
  t.match(err, ":52: value: 数值 \"x50\" 无法识别\n（已有 50 处问题，第 52 行之后未再检查）\n$")
  t.eq(export(), before)
end)

test("region defaults to the city; --encoding gbk without policytk.text is refused", function(t)
  local code, _, err = import("indicator,period,value\nnew_smes,2019,9\n")
  t.eq(code, 1)
  t.match(err, ":2: region: 为空，且没有 %-%-city 可作默认地区")
  code, _, err = import("indicator,period,value\nnew_smes,2019,9\n", "--encoding", "gbk")
  local has_text = pcall(require, "policytk.text")
  if not has_text then
    t.eq(code, 1)
    t.match(err, "%-%-encoding gbk: the encoding is not supported yet")
  end
end)

test("cleanup: the temporary database and CSV", function(t)
  for _, p in ipairs({ DB, DB .. "-wal", DB .. "-shm", CSV }) do os.remove(p) end
  t.ok(not io.open(DB, "rb"))
end)

test("GBK files as Excel/WPS save them: detected, or given with --encoding", function(t)
  local dbfile = os.tmpname(); os.remove(dbfile)
  t.eq((testing.policytk({ "load", "--db", dbfile })), 0)
  local utf8_csv = "indicator,region,period,value,unit,source,note\n新增中小微企业数,鹿城区,2024,1.2万,,温州市统计局,备注：测试\n"
  local path = os.tmpname()
  local conv = io.popen("iconv -f UTF-8 -t GB18030 > " .. path, "w")
  conv:write(utf8_csv)
  conv:close()
  t.ok(require("policytk.core").utf8_check(io.open(path, "rb"):read("a")), "the file should not be UTF-8")
  local code, out, err = testing.policytk({ "import", path, "--db", dbfile })
  t.eq(code, 0, err)
  t.match(out, "导入 1 条数据")
  local conn = require("policytk.data.store").open(dbfile)
  local row = conn:first("SELECT value, source, note FROM observations WHERE indicator = 'new_smes'")
  t.eq({ row.value, row.source, row.note }, { 12000, "温州市统计局", "备注：测试" })
  conn:close()
  local code2, _, err2 = testing.policytk({ "import", path, "--db", dbfile, "--encoding", "utf-8" })
  t.eq(code2, 1)
  t.match(err2, ":2: indicator: 不是有效的 UTF%-8（字段第 1 字节）")
  os.remove(path); os.remove(dbfile)
end)

test("XLSX: import every sheet with a header or --sheet; export --format xlsx round-trips", function(t)
  local dbfile = os.tmpname(); os.remove(dbfile)
  t.eq((testing.policytk({ "load", "--db", dbfile })), 0)
  local xlsx = require "policytk.xlsx"
  local path = os.tmpname() .. ".xlsx"
  local wb = xlsx.writer(path)
  wb:sheet("说明"):write(0, 0, "示例")
  local ws = wb:sheet("数据")
  ws:write_row(0, { "indicator", "region", "period", "value" })
  ws:write_row(1, { "new_smes", "330302", "2024", 31200 })
  ws:write_row(2, { "小微企业贷款余额", "330300", "2024-09", "1.1万亿" })
  wb:close()
  local code, said, err = testing.policytk({ "import", path, "--db", dbfile })
  t.eq(code, 0, err)
  t.match(said, "（新增 2，更新 0，未变 0）", "the sheet without a header (说明) passed over")
  code, said, err = testing.policytk({ "import", path, "--db", dbfile, "--sheet", "数据" })
  t.eq(code, 0, err)
  t.match(said, "（新增 0，更新 0，未变 2）")
  local out = path .. ".out.xlsx"
  code, said, err = testing.policytk({ "export", "observations", "--format", "xlsx", "-o", out, "--db", dbfile })
  t.eq(code, 0, err .. said)
  local got = {}
  for line, cells in xlsx.open(out):rows() do
    if line > 1 then got[#got + 1] = cells[1] .. " " .. cells[2] .. " " .. cells[3] .. " " .. string.format("%d", cells[4]) end
  end
  t.eq(got, { "new_smes 330302 2024 31200", "small_micro_loan_balance 330300 2024-09 1100000000000" })
  -- and the exported file imports again, unchanged
  code, out, err = testing.policytk({ "import", out, "--db", dbfile })
  t.eq(code, 0, err)
  t.match(out, "（新增 0，更新 0，未变 2）")
  os.remove(path); os.remove(dbfile)
end)
