-- Tests of policytk.data.values' bureau-sheet readers: read_period (every accepted form with its
-- period and basis hint, the refusals with their messages), read_value (every value form, the
-- not-reported cells, the refusals), convert (multipliers, interchangeable units, mismatches),
-- and a round of random strings that must never make them raise.

local values = require "policytk.data.values"

local TODAY = "2025-07-15"

-- { cell, period, basis_hint }
local PERIODS = {
  { "2024", "2024" }, { "2024-Q3", "2024-Q3" }, { "2024-q3", "2024-Q3" }, { "2024-09", "2024-09" },
  { "2025年6月", "2025-06" }, { "2025年06月", "2025-06" }, { "2025年6月份", "2025-06" },
  { "2025年6月末", "2025-06" }, { "2025年6月底", "2025-06" },
  { "2025年1-6月", "2025-06", "ytd" }, { "2025年1—6月", "2025-06", "ytd" }, { "2025年1–6月", "2025-06", "ytd" },
  { "2025年1~6月", "2025-06", "ytd" }, { "2025年1～6月", "2025-06", "ytd" }, { "2025年1至6月", "2025-06", "ytd" },
  { "2025年1——6月", "2025-06", "ytd" }, { "2025年1月-6月", "2025-06", "ytd" }, { "2025年1-6月累计", "2025-06", "ytd" },
  { "2025年1-6月份", "2025-06", "ytd" }, { "2025年1-1月", "2025-01", "ytd" }, { "2024年1-12月", "2024-12", "ytd" },
  { "2025-6", "2025-06" }, { "2025/06", "2025-06" }, { "2025/6", "2025-06" }, { "2025.06", "2025-06" },
  { "2025.6", "2025-06" }, { "2025.1", "2025-01" }, { "202506", "2025-06" }, { "202412", "2024-12" },
  { "2025Q2", "2025-Q2" }, { "2025 Q2", "2025-Q2" }, { "2025q2", "2025-Q2" }, { "2025年Q2", "2025-Q2" },
  { "2025年二季度", "2025-Q2" }, { "2025年第2季度", "2025-Q2" }, { "2025年第二季度", "2025-Q2" },
  { "2025年2季度", "2025-Q2" }, { "2025年一季度", "2025-Q1" }, { "2024年三季度", "2024-Q3" },
  { "2024年四季度", "2024-Q4" }, { "2024年第四季度", "2024-Q4" },
  { "2025年1-2季度", "2025-Q2", "ytd" }, { "2024年1—3季度", "2024-Q3", "ytd" }, { "2024年一至三季度", "2024-Q3", "ytd" },
  { "2024年第一至第三季度", "2024-Q3", "ytd" }, { "2024年1季度-3季度", "2024-Q3", "ytd" },
  { "2024年前三季度", "2024-Q3", "ytd" }, { "2024年1-4季度", "2024-Q4", "ytd" }, { "2025年1-1季度", "2025-Q1", "ytd" },
  { "2025年上半年", "2025-06", "ytd" },
  { "2024年", "2024" }, { "2024年度", "2024" }, { "2024年末", "2024" }, { "2024年底", "2024" },
  { "２０２５年６月", "2025-06" }, { "２０２５－０６", "2025-06" }, { "２０２５年１－６月", "2025-06", "ytd" },
  { "２０２５Ｑ２", "2025-Q2" },
  { "  2025年6月 ", "2025-06" }, { "\u{3000}2025年6月\u{3000}", "2025-06" }, { "\t2025-06\n", "2025-06" },
  { "2025 年 6 月", "2025-06" }, { "2025年 1-6 月", "2025-06", "ytd" },
  { "2025-06-30", "2025-06" }, { "2025/6/30", "2025-06" }, { "2025.6.30", "2025-06" }, { "2025年6月30日", "2025-06" },
  { "20250630", "2025-06" }, { "2024-02-29", "2024-02" },
}

test("read_period: every accepted form, its period and basis hint", function(t)
  for _, c in ipairs(PERIODS) do
    local p, hint = values.read_period(c[1], { today = TODAY })
    t.eq({ p, hint }, { c[2], c[3] }, c[1])
  end
end)

test("read_period: the current month and a ytd range ending in it are not in the future", function(t)
  t.eq({ values.read_period("2025年7月", { today = TODAY }) }, { "2025-07" })
  t.eq({ values.read_period("2025年1-7月", { today = TODAY }) }, { "2025-07", "ytd" })
  t.eq({ values.read_period("2025年三季度", { today = TODAY }) }, { "2025-Q3" })
  t.eq({ values.read_period("2025", { today = TODAY }) }, { "2025" })
  t.ok(values.read_period("2000年1月"), "today defaults to now")
end)

-- { cell, serial or number, period }
local SERIALS = {
  { "45838", "2025-06" },          -- 2025-06-30
  { "45808", "2025-05" },          -- 2025-05-31
  { "45809", "2025-06" },          -- 2025-06-01
  { "45658", "2025-01" },          -- 2025-01-01
  { "45838.75", "2025-06" },       -- 2025-06-30 18:00
  { 45838, "2025-06" }, { 45838.5, "2025-06" },
  { "2025", "2025" }, { 2025, "2025" }, { 2025.0, "2025" }, { "202506", "2025-06" }, { 202506, "2025-06" },
  { "2025.06", "2025-06" }, { 2025.06, "2025-06" },
}

test("read_period: Excel serial dates (opts.excel_serial) are read as their month", function(t)
  for _, c in ipairs(SERIALS) do
    t.eq({ values.read_period(c[1], { today = TODAY, excel_serial = true }) }, { c[2] }, tostring(c[1]))
  end
  t.eq({ values.read_period("2958465", { today = "9999-12-31", excel_serial = true }) }, { "9999-12" })
  t.eq({ values.read_period("45838", { today = TODAY }) }, { nil, '期间 "45838" 无法识别（可写 2025年6月、2025-06、'
    .. '2025年1-6月、2025Q2、2025年二季度、2025年上半年、2025年 等）' }, "no serials without the option")
end)

local UNKNOWN = "无法识别（可写 2025年6月、2025-06、2025年1-6月、2025Q2、2025年二季度、2025年上半年、2025年 等）"

-- { cell, problem, opts }
local REFUSED = {
  { "abc", '期间 "abc" ' .. UNKNOWN }, { " abc\u{3000}", '期间 "abc" ' .. UNKNOWN },
  { "2025年6", '期间 "2025年6" ' .. UNKNOWN },
  { "25年6月", '期间 "25年6月" ' .. UNKNOWN },
  { "20 25", '期间 "20 25" ' .. UNKNOWN },
  { "2025年13月", '期间 "2025年13月" 无法识别：月份应为1—12' },
  { "2025年0月", '期间 "2025年0月" 无法识别：月份应为1—12' },
  { "2025-13", '期间 "2025-13" 无法识别：月份应为1—12' },
  { "202513", '期间 "202513" 无法识别：月份应为1—12' },
  { "2025年1-13月", '期间 "2025年1-13月" 无法识别：月份应为1—12' },
  { "2024年7-12月", '期间 "2024年7-12月" 无法识别：只接受从1月起的累计（1—N月），如 2024年1-6月' },
  { "2024年3—5月", '期间 "2024年3—5月" 无法识别：只接受从1月起的累计（1—N月），如 2024年1-6月' },
  { "2024年2-4季度", '期间 "2024年2-4季度" 无法识别：只接受从一季度起的累计（1—N季度），如 2024年1-3季度' },
  { "2024年五季度", '期间 "2024年五季度" 无法识别：季度应为1—4（或一—四）' },
  { "2024Q5", '期间 "2024Q5" 无法识别：季度应为1—4（或一—四）' },
  { "2024年下半年", '期间 "2024年下半年" 无法识别：下半年（7—12月）不能作为一个期间，只接受从1月起的累计（1—N月）；'
    .. '可写 2024年（全年）、2024年1-12月 或逐月填写' },
  { "2025-02-29", '期间 "2025-02-29" 无法识别：日期不存在' },
  { "2025年6月31日", '期间 "2025年6月31日" 无法识别：日期不存在' },
  { "2025-06/30", '期间 "2025-06/30" ' .. UNKNOWN },
  { "", "期间为空" }, { "  ", "期间为空" },
  { "2025年8月", '期间 "2025年8月" 在未来（今天是 2025-07-15）' },
  { "2025年1-8月", '期间 "2025年1-8月" 在未来（今天是 2025-07-15）' },
  { "2025年四季度", '期间 "2025年四季度" 在未来（今天是 2025-07-15）' },
  { "2026", '期间 "2026" 在未来（今天是 2025-07-15）' },
  { "2025.1", '期间 "2025.1" 无法识别：数字单元格里 2025.10 也写作 2025.1，请写 2025年1月 或 2025年10月',
    { excel_serial = true } },
  { "0", '期间 "0" 无法识别：Excel 日期序号应为1—2958465', { excel_serial = true } },
  { "2958466", '期间 "2958466" 无法识别：Excel 日期序号应为1—2958465', { excel_serial = true } },
  { "46000", '期间 "46000" 在未来（今天是 2025-07-15）', { excel_serial = true } },
  { "0205", '期间 "0205" 读作205年，早于 1949 年，请检查是否输入有误' },
  { "0000", '期间 "0000" 读作0年，早于 1949 年，请检查是否输入有误' },
  { "1900年6月", '期间 "1900年6月" 读作1900年6月，早于 1949 年，请检查是否输入有误' },
  { "1948Q4", '期间 "1948Q4" 读作1948年第4季度，早于 1949 年，请检查是否输入有误' },
  -- Excel serials before 1949 (the 1900 leap-year slot kept: 59 and 60 are February, 61 March)
  { "1", '期间 "1" 读作1900年1月，早于 1949 年，请检查是否输入有误', { excel_serial = true } },
  { "59", '期间 "59" 读作1900年2月，早于 1949 年，请检查是否输入有误', { excel_serial = true } },
  { "60", '期间 "60" 读作1900年2月，早于 1949 年，请检查是否输入有误', { excel_serial = true } },
  { "61", '期间 "61" 读作1900年3月，早于 1949 年，请检查是否输入有误', { excel_serial = true } },
}

test("read_period: refusals quote the cell and say why", function(t)
  for _, c in ipairs(REFUSED) do
    local opts = c[3] or {}
    opts.today = TODAY
    t.eq({ values.read_period(c[1], opts) }, { nil, c[2] }, c[1])
  end
  t.eq({ values.read_period(nil) }, { nil, "期间为空" })
end)

test("the old period and number keep their behaviour and English problems", function(t)
  t.eq(values.period("2024-q3", TODAY), "2024-Q3")
  t.eq({ values.period("2023-13", TODAY) }, { nil, 'expected YYYY, YYYY-Qn or YYYY-MM; got "2023-13"' })
  t.eq({ values.period("2025年6月", TODAY) }, { nil, 'expected YYYY, YYYY-Qn or YYYY-MM; got "2025年6月"' })
  t.eq({ values.number("1.2万") }, { 12000, false })
  t.eq({ values.number("15%") }, { 15, true })
end)

-- { cell, number, unit_text, pct }
local VALUES = {
  { "1234", 1234, "" }, { "1,234.5", 1234.5, "" }, { "1,234", 1234, "" }, { "1,234,567", 1234567, "" },
  { "1234.0", 1234, "" }, { "0.5", 0.5, "" }, { ".5", 0.5, "" }, { "0", 0, "" }, { "+5", 5, "" }, { "-3", -3, "" },
  { "1.5E+7", 15000000, "" }, { "2.5e-1", 0.25, "" },
  { "10200亿元", 10200, "亿元" }, { "1.02万亿元", 1.02, "万亿元" }, { "3.5万户", 3.5, "万户" }, { "1.2万", 1.2, "万" },
  { "12.5%", 12.5, "%", true }, { "12.5％", 12.5, "%", true }, { "12.5 %", 12.5, "%", true }, { "-0.3%", -0.3, "%", true },
  { "1.5个百分点", 1.5, "个百分点" }, { "36家", 36, "家" },
  { "(12)", -12, "" }, { "（12）", -12, "" }, { "(3.5)万户", -3.5, "万户" }, { "(3.5万户)", -3.5, "万户" },
  { "（3.5）万户", -3.5, "万户" }, { "(1,234.5)", -1234.5, "" }, { "(2.1%)", -2.1, "%", true },
  { "１２．５", 12.5, "" }, { "－３", -3, "" }, { "\u{2212}3", -3, "" }, { "＋５", 5, "" }, { "１２．５％", 12.5, "%", true },
  { "  1234 ", 1234, "" }, { "\u{3000}1234\u{3000}", 1234, "" }, { "3.5 万户", 3.5, "万户" },
}

test("read_value: every accepted form, its number, unit text and info", function(t)
  for _, c in ipairs(VALUES) do
    t.eq({ values.read_value(c[1]) }, { c[2], c[3], { pct = c[4] or false } }, c[1])
  end
  t.eq({ values.read_value(42.5) }, { 42.5, "", { pct = false } }, "a number cell")
end)

local NOT_REPORTED = { "", "   ", "\u{3000}", "暂无", "无", "空", "—", "——", "–", "--", "-", "---", "－", "/", "／",
                       "N/A", "n/a", "Ｎ／Ａ", " 暂无 " }

test("read_value: not-reported cells are nil with no problem (never 0)", function(t)
  for _, cell in ipairs(NOT_REPORTED) do
    t.eq(select("#", values.read_value(cell)), 1, cell)
    t.eq(values.read_value(cell), nil, cell)
  end
  t.eq(select("#", values.read_value(nil)), 1)
end)

local BAD_VALUES = {
  { "1 234", '数值 "1 234" 无法识别：数字中间不能有空格' },
  { "1 234万元", '数值 "1 234万元" 无法识别：数字中间不能有空格' },
  { "abc", '数值 "abc" 无法识别' },
  { "1,2,3", '数值 "1,2,3" 无法识别' },
  { "1,2345", '数值 "1,2345" 无法识别' },
  { "1.2.3", '数值 "1.2.3" 无法识别' },
  { "万户", '数值 "万户" 无法识别' },
  { "—3", '数值 "—3" 无法识别' },
  { "12万3", '数值 "12万3" 无法识别：单位里不应有数字' },
  { "(-3)", '数值 "(-3)" 无法识别：括号内不应再有正负号' },
  { "(3万户)万户", '数值 "(3万户)万户" 无法识别' },
  { "()", '数值 "()" 无法识别' },
  { "+", '数值 "+" 无法识别' },
  { "1E999", '数值 "1E999" 无法识别' },
}

test("read_value: refusals quote the cell", function(t)
  for _, c in ipairs(BAD_VALUES) do
    t.eq({ values.read_value(c[1]) }, { nil, c[2] }, c[1])
  end
  t.eq({ values.read_value(0 / 0) }, { nil, '数值 "' .. tostring(0 / 0) .. '" 无法识别' })
end)

-- { number, unit text, indicator unit, result }
local CONVERSIONS = {
  { 12, "", "家", 12 }, { 12, nil, "家", 12 }, { 1.2, "万", "家", 12000 }, { 3, "亿", "元", 300000000 },
  { 3.5, "万户", "户", 35000 }, { 3.5, "万户", "家", 35000 }, { 36, "家", "户", 36 }, { 36, "户", "家", 36 },
  { 10200, "亿元", "元", 1020000000000 }, { 1.02, "万亿元", "元", 1020000000000 }, { 2.5, "万元", "元", 25000 },
  { 1.5, "千户", "户", 1500 }, { 2, "百万元", "元", 2000000 }, { 7, "个", "个", 7 }, { 12, "千瓦", "千瓦", 12 },
  { 3, "万千瓦", "千瓦", 30000 }, { 12.5, "%", "%", 12.5 }, { 1.5, "个百分点", "%", 1.5 }, { 1.5, "%", "个百分点", 1.5 },
  { 10200, "亿元", "万亿元", 1.02 }, { -3.5, "万户", "家", -35000 }, { 5, "万人", "人", 50000 }, { 4, "美元", "美元", 4 },
}

test("convert: multipliers, interchangeable units, the indicator's base unit", function(t)
  for _, c in ipairs(CONVERSIONS) do
    local v = values.convert(c[1], c[2], c[3])
    t.eq(v, c[4], string.format("%s %s → %s", c[1], c[2], c[3]))
    t.eq(math.type(v), math.type(c[4]), string.format("%s %s → %s: integer or float", c[1], c[2], c[3]))
  end
end)

local MISMATCHES = {
  { "万人", "家" }, { "个", "家" }, { "家", "个" }, { "户", "个" }, { "%", "家" }, { "万", "%" }, { "万%", "%" },
  { "元", "美元" }, { "亿元", "家" }, { "个百分点", "家" }, { "abc", "家" }, { "千", "个百分点" },
}

test("convert: units that do not convert name both", function(t)
  for _, c in ipairs(MISMATCHES) do
    t.eq({ values.convert(1, c[1], c[2]) }, { nil, string.format("单位 %q 不能换算为指标单位 %q", c[1], c[2]) },
      c[1] .. " → " .. c[2])
  end
end)

test("convert: a result beyond the floats is a problem", function(t)
  t.eq({ values.convert(1e300, "万亿元", "元") }, { nil, "数值 1e+300万亿元 超出范围" })
end)

test("read_value → convert, as the import will chain them", function(t)
  local v, unit = values.read_value("(3.5)万户")
  t.eq(values.convert(v, unit, "家"), -35000)
  v, unit = values.read_value("１．０２万亿元")
  t.eq(values.convert(v, unit, "元"), 1020000000000)
end)

local PIECES = { "2025", "2024", "年", "月", "日", "季度", "第", "前", "上半年", "下半年", "度", "Q", "q", "-", "—",
                 "~", "至", "/", ".", ",", "(", ")", "（", "）", "%", "％", "万", "亿", "元", "户", " ", "\u{3000}",
                 "１", "０", "－", "一", "二", "五", "十", "E", "e", "+", "累计", "份", "暂无", "N/A" }

local function random_cell(rng)
  local parts = {}
  for i = 1, rng(0, 8) do
    local k = rng(1, 4)
    if k == 1 then parts[i] = tostring(rng(0, 99999))
    elseif k == 2 then parts[i] = string.char(rng(0, 255))          -- any byte: invalid UTF-8 too
    else parts[i] = PIECES[rng(1, #PIECES)] end
  end
  return table.concat(parts)
end

test("random strings: read_period and read_value never raise, only return nil, problem", function(t)
  math.randomseed(20250715)
  local rng = math.random
  for _ = 1, 20000 do
    local cell = random_cell(rng)
    for _, opts in ipairs({ { today = TODAY }, { today = TODAY, excel_serial = true } }) do
      local ok, p, problem = pcall(values.read_period, cell, opts)
      t.ok(ok, "read_period raised on " .. string.format("%q", cell) .. ": " .. tostring(p))
      t.ok((type(p) == "string" and (problem == nil or problem == "ytd"))
        or (p == nil and type(problem) == "string"), string.format("read_period %q", cell))
      if p then t.ok(values.period_start(p), string.format("read_period %q gave %q", cell, p)) end
    end
    local ok, v, unit, info = pcall(values.read_value, cell)
    t.ok(ok, "read_value raised on " .. string.format("%q", cell) .. ": " .. tostring(v))
    t.ok((type(v) == "number" and type(unit) == "string" and type(info) == "table")
      or (v == nil and (unit == nil or type(unit) == "string")), string.format("read_value %q", cell))
    if v then
      local cok, cv, cproblem = pcall(values.convert, v, unit, "家")
      t.ok(cok and (type(cv) == "number" or type(cproblem) == "string"), string.format("convert %q", unit))
    end
  end
end)
