-- policytk extract and policytk normalize on the command line, and policytk.extract on
-- small texts: targets with deadline and lead, measures, formats, and bad input.

local testing = require "policytk.testing"
local extract = require "policytk.extract"
local json = require "policytk.json"

local function tmpfile(content)
  local p = os.tmpname()
  local f = assert(io.open(p, "wb")); f:write(content); f:close()
  return p
end

local SMALL = table.concat({
  "某市人民政府办公室文件", "", "某政办发〔2022〕7号", "",
  "某市小微企业成长计划(2022—2024年)", "",
  "二、主要目标", "",
  "(一)总量更大。全市新增小微企业5万家以上,年均增长10%左右(市市场监管局牵头);贷款余额超1.1万亿元(人行某市中心支行牵头)。",
  "三、重点任务", "",
  "1.主体提质。对首次升规企业给予最高20万元奖励。力争新增股份公司到2023年达到30家。(责任单位:市经信局、市财政局,列第一位的为牵头单位,下同)",
  "", "某市人民政府办公室", "", "2022年3月1日",
}, "\n")

test("extract: targets, deadlines, leads, measures of a small text", function(t)
  local d = extract.extract(SMALL)
  t.eq(d.meta.doc_number, "某政办发〔2022〕7号")
  t.eq(d.meta.issued, "2022-03-01")
  t.eq({ d.meta.period_start, d.meta.period_end }, { "2022-01-01", "2024-12-31" })
  local got = {}
  for _, x in ipairs(d.targets) do got[#got + 1] = { x.value, x.unit, x.comparator, x.deadline, x.lead_unit or "-" } end
  t.eq(got, {
    { 50000, "家", ">=", "2024-12-31", "市市场监管局" },
    { 10, "%", "~", "2024-12-31", "市市场监管局" },
    { 1100000000000, "元", ">=", "2024-12-31", "人行某市中心支行" },
    { 30, "家", ">=", "2023-12-31", "-" },
  })
  t.eq(d.targets[2].kind, "growth_rate")
  t.eq(#d.measures, 1)
  t.eq(d.measures[1].lead_units, { "市经信局" })
  t.eq(d.measures[1].section, "三、 1")
end)

test("policytk extract --format json uses the keys of policytk targets", function(t)
  local p = tmpfile(SMALL)
  local code, out = testing.policytk({ "extract", p, "--city", "demo", "--doc", "plan2022" })
  t.eq(code, 0)
  local d = json.decode(out)
  local keys = {}
  for k in pairs(d.targets[1]) do keys[#keys + 1] = k end
  table.sort(keys)
  t.eq(keys, { "city", "comparator", "confidence", "deadline", "doc", "id", "indicator", "indicator_name",
               "kind", "lead_unit", "quote", "section", "status", "unit", "value" })
  t.eq(d.targets[1].quote, "全市新增小微企业5万家以上")
  t.eq(d.document.doc_number, "某政办发〔2022〕7号")
  os.remove(p)
end)

test("policytk extract --format lua writes a loadable document{} with REVIEW comments", function(t)
  local p = tmpfile(SMALL)
  local out = os.tmpname()
  local code = testing.policytk({ "extract", p, "--format", "lua", "-o", out })
  t.eq(code, 0)
  local src = io.open(out):read("a")
  t.match(src, "REVIEW")
  local captured
  local chunk = assert(load(src, "=draft", "t", { document = function(x) captured = x; return x end,
    measure = function(x) return x end, target = function(x) return x end }))
  chunk()
  t.eq(#captured.targets, 4)
  t.eq(captured.targets[3].value, 1100000000000)
  os.remove(p); os.remove(out)
end)

test("policytk normalize: text on stdout, report on stderr", function(t)
  local p = tmpfile("區(qū)發(fā)展\n１２３ 万家\n")
  local code, out, err = testing.policytk({ "normalize", p })
  t.eq(code, 0)
  t.eq(out, "区发展\n123万家\n")
  t.match(err, "拼音删除 2 处")
end)

test("bad input: empty, binary, invalid UTF-8, long lines, numbers only", function(t)
  local empty = tmpfile("")
  local code, _, err = testing.policytk({ "normalize", empty })
  t.eq(code, 0); t.match(err, "空文件")
  code, _, err = testing.policytk({ "extract", empty })
  t.eq(code, 0); t.match(err, "空文件")
  local bin = tmpfile(string.rep("\0\1\2\255", 1000))
  code, _, err = testing.policytk({ "extract", bin })
  t.eq(code, 1); t.match(err, "二进制文件")
  local bad = tmpfile("到2025年,新增\xff\xfe企业10万家。\n")
  code = testing.policytk({ "normalize", bad, "-q" })
  t.eq(code, 0)
  local d = extract.extract(string.rep("一", 350000))
  t.eq(#d.targets, 0)
  d = extract.extract(string.rep("1234567890 ", 1000))
  t.eq(#d.targets, 0)
  d = extract.extract(string.rep("(", 10) .. "到2025年力争新增5万家以上" .. string.rep(")", 10))
  t.eq(#d.targets, 1)
  d = extract.extract("新增1..2万家,3亿亿元," .. string.rep("9", 400) .. "亿元")
  t.eq(#d.targets, 0)
  for _, f in ipairs({ empty, bin, bad }) do os.remove(f) end
end)
