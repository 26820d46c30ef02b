-- policytk.extract.quantity and policytk.extract.deadline: numbers, units, comparators, ranges, dates, and
-- the bad inputs of issue 7 (1..2万, 亿亿, numbers too large for a double) as named errors.

local quantity = require "policytk.extract.quantity"
local deadline = require "policytk.extract.deadline"

local function pick(r) return r and { value = r.value, unit = r.unit, comparator = r.comparator } end

test("parse: 超1.1万亿元 and the examples of the issue", function(t)
  t.eq(pick(quantity.parse("超1.1万亿元")), { value = 1100000000000, unit = "元", comparator = ">=" })
  t.eq(pick(quantity.parse("两千家")), { value = 2000, unit = "家" })
  t.eq(pick(quantity.parse("百分之十五")), { value = 15, unit = "%" })
  t.eq(pick(quantity.parse("占全省比重超六分之一")), { value = 100 / 6, unit = "%", comparator = ">=" })
  t.eq(pick(quantity.parse("控制在13件以内")), { value = 13, unit = "件", comparator = "<=" })
  t.eq(pick(quantity.parse("年均增长10%左右")), { value = 10, unit = "%", comparator = "~" })
  t.eq(pick(quantity.parse("增速不低于15%")), { value = 15, unit = "%", comparator = ">=" })
  t.eq(pick(quantity.parse("压缩在3个工作日内")), { value = 3, unit = "个工作日", comparator = "<=" })
  t.eq(pick(quantity.parse("服务6万单次以上")), { value = 60000, unit = "单次", comparator = ">=" })
  t.eq(pick(quantity.parse("2023年首贷户新增1万户以上")), { value = 10000, unit = "户", comparator = ">=" })
  t.eq(pick(quantity.parse("开展活动50场次以上")), { value = 50, unit = "场", comparator = ">=" })
  t.eq(pick(quantity.parse("新增建筑面积600万平方米")), { value = 6000000, unit = "平方米" })
end)

test("parse: ranges", function(t)
  local r = quantity.parse("10—20家")
  t.eq({ r.lo, r.hi, r.unit, r.comparator }, { 10, 20, "家", ">=" })
  r = quantity.parse("3~5万人次")
  t.eq({ r.lo, r.hi, r.unit }, { 30000, 50000, "人次" })
end)

test("number: Arabic and Chinese numerals", function(t)
  t.eq({ quantity.number("1.2万"), quantity.number("两千"), quantity.number("三万五千"),
         quantity.number("1,200"), quantity.number("一亿二千万") }, { 12000, 2000, 35000, 1200, 120000000 })
end)

test("bad input gives a named error, never a crash", function(t)
  t.eq({ quantity.parse("1..2万") }, { nil, "malformed number 1..2" })
  t.eq({ quantity.parse("3亿亿元") }, { nil, "repeated magnitude 亿亿" })
  t.eq({ quantity.parse("亿亿") }, { nil, "no quantity" })
  local r, err = quantity.parse(string.rep("9", 400) .. "亿元")
  t.eq(r, nil); t.match(err, "too large")
  t.eq({ quantity.parse("") }, { nil, "no quantity" })
  t.eq({ quantity.parse("1234567890") }, { nil, "no quantity" })
  t.raises(function() quantity.parse(nil) end, "string expected")
  local deep = string.rep("(", 10) .. "5家" .. string.rep(")", 10)
  t.eq(pick(quantity.parse(deep)), { value = 5, unit = "家" })
  local list, problems = quantity.scan("共1..2万家和3亿亿元")
  t.eq(#list, 0); t.eq(#problems, 2)
end)

test("scan skips years, dates, 文号 and book titles", function(t)
  local list = quantity.scan("台政办发〔2018〕42号,2018年7月9日印发《三年计划》,新增5万家")
  t.eq(#list, 1)
  t.eq({ list[1].value, list[1].unit, list[1].text }, { 50000, "家", "5万家" })
end)

test("deadline: years, ranges, within, every, full dates", function(t)
  t.eq(deadline.parse("到2025年").deadline, "2025-12-31")
  t.eq(deadline.parse("到2023年底").deadline, "2023-12-31")
  t.eq(deadline.parse("到2023年底").by, true)
  local r = deadline.parse("2018—2020年")
  t.eq({ r.kind, r.from, r.to }, { "range", "2018-01-01", "2020-12-31" })
  r = deadline.parse("(2018~2020年)")
  t.eq({ r.from, r.to }, { "2018-01-01", "2020-12-31" })
  t.eq(deadline.parse("力争三年内").years, 3)
  t.eq(deadline.parse("每年举办").every, "year")
  t.eq(deadline.date("2018年7月9日"), "2018-07-09")
  t.eq(deadline.date("二〇二三年十月十二日"), "2023-10-12")
  t.eq(deadline.date("2023年2月30日"), nil)
  t.eq(deadline.parse("2023下半年").deadline, "2023-12-31")
end)
