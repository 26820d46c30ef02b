-- policytk.data.values: parse the figures people type — numbers such as 1,234 / 1.2万 / 3亿 / 15%
-- and periods such as 2024, 2024-Q3, 2024-09.
--
--   values.number("1.2万") → 12000          values.number("15%") → 15, true
--   values.period("2024-q3") → "2024-Q3"    values.period_start("2024-Q3") → "2024-07-01"
--   values.trim(" 温州　") → "温州"          (ASCII blanks and the full-width space U+3000)
--
-- Bureau sheets as they are (docs/data.md, "Periods and values as bureaus write them"):
--
--   values.read_period("2025年1-6月") → "2025-06", "ytd"      values.read_period("2025年二季度") → "2025-Q2"
--   values.read_value("(3.5)万户") → -3.5, "万户", {}          values.read_value("暂无") → nil (not reported)
--   values.convert(3.5, "万户", "家") → 35000                  values.convert(1, "万人", "家") → nil, problem
--
-- number / period keep their English problems (the CSV import quotes them); the read_* functions
-- and convert answer in Chinese, quoting the cell. None of them raises on any string.
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local contract = require "policytk.plugins.contract"

local M = {}

local MULT = { { "万亿", 1e12 }, { "亿", 1e8 }, { "万", 1e4 } }

local IDEO_SPACE = "\u{3000}"

local function blank(c) return c == 32 or (c >= 9 and c <= 13) end

--- s without the blanks around it: ASCII white space and whole U+3000 (full-width) spaces.
--- The bytes of other characters are never touched (a byte class would cut 一 or 「).
function M.trim(s)
  local a, z = s:byte(1), s:byte(-1)
  if a and a > 32 and a ~= 0xE3 and z > 32 and z ~= 0x80 then return s end   -- the common case
  local i, j = 1, #s
  while i <= j do
    if blank(s:byte(i)) then i = i + 1
    elseif s:sub(i, i + 2) == IDEO_SPACE then i = i + 3
    else break end
  end
  while j >= i do
    if blank(s:byte(j)) then j = j - 1
    elseif j - 2 >= i and s:sub(j - 2, j) == IDEO_SPACE then j = j - 3
    else break end
  end
  return s:sub(i, j)
end

--- A number, or nil and the problem. The second result is true for a percentage.
function M.number(s)
  if s == "" then return nil, "empty" end
  if #s < 16 and not s:find("%D") then return tonumber(s), false end   -- plain digits: the common case
  local body, pct = s, false
  if body:sub(-1) == "%" or body:sub(-3) == "％" then
    pct = true
    body = body:sub(-1) == "%" and body:sub(1, -2) or body:sub(1, -4)
  end
  local mult = 1
  for _, sm in ipairs(MULT) do
    local suffix = sm[1]
    if not pct and #body > #suffix and body:sub(-#suffix) == suffix then
      body, mult = body:sub(1, -#suffix - 1), sm[2]
      break
    end
  end
  local plain = body:match("^[+-]?%d+%.?%d*$") or body:match("^[+-]?%.%d+$")
  local grouped = body:match("^[+-]?%d%d?%d?,%d%d%d[%d,]*%.?%d*$")
  if grouped then
    local rest = grouped:match("^[+-]?%d%d?%d?([%d,]*)")
    if rest:gsub(",%d%d%d", "") ~= "" then grouped = nil else body = body:gsub(",", "") end
  end
  if not plain and not grouped then return nil, string.format("not a number: %q", s) end
  local v = tonumber(body)
  if not v then return nil, string.format("not a number: %q", s) end
  v = v * mult
  if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 2^53 then v = math.tointeger(v) end
  return v, pct
end

--- The first day of a period ("2024" | "2024-Q3" | "2024-09"), as YYYY-MM-DD.
function M.period_start(p)
  local y = p:match("^(%d%d%d%d)$")
  if y then return y .. "-01-01" end
  local yq, q = p:match("^(%d%d%d%d)%-Q([1-4])$")
  if yq then return string.format("%s-%02d-01", yq, (tonumber(q) - 1) * 3 + 1) end
  local ym, m = p:match("^(%d%d%d%d)%-(%d%d)$")
  if ym and tonumber(m) >= 1 and tonumber(m) <= 12 then return ym .. "-" .. m .. "-01" end
  return nil
end

--- The normalized period, or nil and the problem. today: YYYY-MM-DD (default: now).
function M.period(s, today)
  if s == "" then return nil, "empty" end
  local p = s:gsub("^(%d%d%d%d)%-q", "%1-Q")
  local start = M.period_start(p)
  if not start then return nil, string.format("expected YYYY, YYYY-Qn or YYYY-MM; got %q", s) end
  today = today or require("policytk.progress.dates").today()
  if start > today then return nil, string.format("%s is in the future", s) end
  return p
end

-- ---------------------------------------------------------------------------------------------
-- Bureau sheets as they are: read_period, read_value, convert.

--- s with the full-width ASCII forms (U+FF01–U+FF5E: ０-９ ． － ＋ （ ） ％ ／ ～ Ｑ …) folded to
--- ASCII and U+3000 to a space. Works byte-wise: never raises on invalid UTF-8.
local function fold_width(s)
  s = s:gsub("\xEF([\xBC\xBD])([\x80-\xBF])", function(b2, b3)
    local cp = 0xFF00 + (b2:byte() - 0xBC) * 64 + (b3:byte() - 0x80)
    if cp < 0xFF01 or cp > 0xFF5E then return nil end
    return string.char(cp - 0xFEE0)
  end)
  return (s:gsub(IDEO_SPACE, " "))
end

--- A number (4-digit year) as text; integral floats without their ".0".
local function as_text(s)
  if math.type(s) == "float" and s == math.floor(s) and math.abs(s) < 2^53 then return string.format("%d", s) end
  return tostring(s)
end

-- Periods ---------------------------------------------------------------------------------------

-- The dashes, tildes and 至 that join the ends of a range (1-6月, 1—6月, 1~6月, 1至6月), and the
-- minus sign U+2212, all become "-".
local RANGE_MARKS = { "\u{2014}", "\u{2013}", "\u{2012}", "\u{2015}", "\u{2212}", "\u{301C}", "~", "至" }

local QUARTER = { ["1"] = 1, ["2"] = 2, ["3"] = 3, ["4"] = 4, ["一"] = 1, ["二"] = 2, ["三"] = 3, ["四"] = 4 }

local FORMS = "（可写 2025年6月、2025-06、2025年1-6月、2025Q2、2025年二季度、2025年上半年、2025年 等）"

local EXCEL_LAST = 2958465                        -- 9999-12-31 in Excel's 1900 date system

local function unknown(cell) return string.format("期间 %q 无法识别%s", cell, FORMS) end
local function bad(cell, why) return string.format("期间 %q 无法识别：%s", cell, why) end

--- The cell as the parsers below see it: trimmed, full-width folded, range marks as "-" (runs of
--- them as one), and no blanks except between two digits ("2025 年 6 月" → "2025年6月").
local function period_text(s)
  s = M.trim(fold_width(s))
  for _, mark in ipairs(RANGE_MARKS) do s = s:gsub(mark, "-") end
  s = s:gsub("%-+", "-")
  s = s:gsub("%s*([^%d%s])%s*", "%1")
  return s
end

local function leap(y) return y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) end

local function days_in(y, m)
  if m == 2 then return leap(y) and 29 or 28 end
  return (m == 4 or m == 6 or m == 9 or m == 11) and 30 or 31
end

--- "YYYY-MM" for year y and month text mt, or nil and the problem.
local function month_of(cell, y, mt)
  local m = tonumber(mt)
  if not m or m < 1 or m > 12 then return nil, bad(cell, "月份应为1—12") end
  return string.format("%04d-%02d", y, m)
end

--- The month of a date y, mt, dt, or nil and the problem (the day must exist).
local function date_month(cell, y, mt, dt)
  local p, problem = month_of(cell, y, mt)
  if not p then return nil, problem end
  local d = tonumber(dt)
  if d < 1 or d > days_in(y, tonumber(mt)) then return nil, bad(cell, "日期不存在") end
  return p
end

--- "YYYY-Qn" for a quarter written qt (1-4 or 一-四), or nil and the problem.
local function quarter_of(cell, y, qt)
  local q = QUARTER[qt]
  if not q then return nil, bad(cell, "季度应为1—4（或一—四）") end
  return string.format("%04d-Q%d", y, q)
end

--- A 1—N月 year-to-date range: "YYYY-MM", "ytd"; a range not starting at January is refused.
local function month_range(cell, y, at, bt)
  if tonumber(at) ~= 1 then
    return nil, bad(cell, "只接受从1月起的累计（1—N月），如 " .. y .. "年1-6月")
  end
  local p, problem = month_of(cell, y, bt)
  if not p then return nil, problem end
  return p, "ytd"
end

--- A 1—N季度 year-to-date range: "YYYY-Qn", "ytd".
local function quarter_range(cell, y, at, bt)
  if QUARTER[at] ~= 1 then
    if not QUARTER[at] then return nil, bad(cell, "季度应为1—4（或一—四）") end
    return nil, bad(cell, "只接受从一季度起的累计（1—N季度），如 " .. y .. "年1-3季度")
  end
  local p, problem = quarter_of(cell, y, bt)
  if not p then return nil, problem end
  return p, "ytd"
end

--- What follows "YYYY年": months, ranges, dates, quarters, half years. Returns period, hint;
--- nil, problem; or nothing when the form is not one of ours.
local function after_nian(cell, y, r)
  r = r:gsub("月份", "月")
  if r == "" or r == "度" or r == "末" or r == "底" then return string.format("%04d", y) end
  local m = r:match("^(%d%d?)月$") or r:match("^(%d%d?)月末$") or r:match("^(%d%d?)月底$")
  if m then return month_of(cell, y, m) end
  local mt, dt = r:match("^(%d%d?)月(%d%d?)日$")
  if mt then return date_month(cell, y, mt, dt) end
  local range = r:gsub("累计$", ""):gsub("^(%d%d?)月%-", "%1-")   -- 1月-6月 as 1-6月
  local a, b = range:match("^(%d%d?)%-(%d%d?)月$")
  if a then return month_range(cell, y, a, b) end
  if r == "上半年" then return string.format("%04d-06", y), "ytd" end
  if r == "下半年" then
    return nil, bad(cell, string.format("下半年（7—12月）不能作为一个期间，只接受从1月起的累计（1—N月）；"
      .. "可写 %d年（全年）、%d年1-12月 或逐月填写", y, y))
  end
  local q = r:match("^[Qq](%d)$")
  if q then return quarter_of(cell, y, q) end
  r = r:gsub("累计$", ""):gsub("^第", ""):gsub("%-第", "-")
  q = r:match("^(.-)季度$")
  if not q then return end
  local n = q:match("^前(.+)$")
  if n then return quarter_range(cell, y, "1", n) end
  local qa, qb = q:match("^(.-)%-(.+)$")
  if qa then return quarter_range(cell, y, (qa:gsub("季度$", "")), qb) end
  return quarter_of(cell, y, q)
end

--- What follows the four digits of the year in a form without 年.
local function after_year(cell, y, r, opts)
  if r == "" then return string.format("%04d", y) end
  local mt = r:match("^(%d%d)$")                                        -- 202506
  if mt then return month_of(cell, y, mt) end
  local sep, m = r:match("^([-/.])(%d%d?)$")                            -- 2025-6, 2025/06, 2025.06
  if sep then
    if sep == "." and m == "1" and opts.excel_serial then
      return nil, bad(cell, "数字单元格里 " .. y .. ".10 也写作 " .. y .. ".1，请写 " .. y .. "年1月 或 " .. y .. "年10月")
    end
    return month_of(cell, y, m)
  end
  local s1, mm, s2, d = r:match("^([-/.])(%d%d?)([-/.])(%d%d?)$")      -- 2025-06-30, 2025/6/30
  if s1 and s1 == s2 then return date_month(cell, y, mm, d) end
  local m8, d8 = r:match("^(%d%d)(%d%d)$")                              -- 20250630
  if m8 then return date_month(cell, y, m8, d8) end
  local q = r:match("^[-]?[Qq](%d)$")                                   -- 2025Q2, 2025 Q2, 2025-q2
  if q then return quarter_of(cell, y, q) end
end

--- Days since 1970-01-01 → year, month (proleptic Gregorian; H. Hinnant's civil_from_days).
local function civil_month(z)
  z = z + 719468
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m
end

--- The month of an Excel serial date (1900 system; the fraction is the time of day). Excel's
--- 1900-02-29 (serial 60) does not exist; it is read as February 1900.
local function excel_month(cell, text)
  local n = math.floor(tonumber(text))
  if n < 1 or n > EXCEL_LAST then return nil, bad(cell, "Excel 日期序号应为1—" .. EXCEL_LAST) end
  if n == 60 then return "1900-02" end
  local y, m = civil_month(n < 60 and n - 25568 or n - 25569)
  return string.format("%04d-%02d", y, m)
end

--- The period a cell names, not checked against today.
local function parse_period(cell, opts)
  local s = period_text(cell)
  if s == "" then return nil, "期间为空" end
  local y, r = s:match("^(%d%d%d%d)(.*)$")
  if y then
    local p, hint
    if r:sub(1, 3) == "年" then p, hint = after_nian(cell, tonumber(y), r:sub(4))
    else p, hint = after_year(cell, tonumber(y), r, opts) end
    if p or hint then return p, hint end
  end
  if opts.excel_serial and (s:match("^%d+$") or s:match("^%d+%.%d+$")) then return excel_month(cell, s) end
  return nil, unknown(cell)
end

M.FIRST_YEAR = 1949                            -- a period before this year is refused as a slip

--- period, basis_hint | nil, problem. Reads a period cell as bureaus write it (docs/data.md):
--- besides 2024 / 2024-Q3 / 2024-09, 2025年6月, 2025年1-6月, 202506, 2025/6, 2025Q2,
--- 2025年二季度, 2025年1-3季度, 2025年上半年, 2025年度, dates (their month), full-width digits.
--- period: "YYYY", "YYYY-Qn" or "YYYY-MM". basis_hint: "ytd" when the cell names a year-to-date
--- total (1—N月, 1—N季度, 前N季度, 上半年), else nil (the cell says nothing of the basis).
--- opts.today: YYYY-MM-DD (default now); a period starting after it is refused, and so is one
--- before M.FIRST_YEAR ("0205" typed for 2025).
--- opts.excel_serial: a number that is no year or month form is an Excel serial date (its month).
--- s may be a string or a number; anything else is a problem. Never raises.
function M.read_period(s, opts)
  opts = opts or {}
  if type(s) == "number" then s = as_text(s) end
  if type(s) ~= "string" then return nil, "期间为空" end
  local cell = M.trim(s)
  local p, hint = parse_period(cell, opts)
  if not p then return nil, hint end
  local year = tonumber(p:sub(1, 4))
  if year < M.FIRST_YEAR then                 -- "0205" for 2025, "0000": a typing slip, never a figure
    local q, m = p:match("%-Q(%d)$"), p:match("%-(%d%d)$")
    local shown = string.format("%d年", year) .. (q and ("第" .. q .. "季度") or m and (tonumber(m) .. "月") or "")
    return nil, string.format("期间 %q 读作%s，早于 %d 年，请检查是否输入有误", cell, shown, M.FIRST_YEAR)
  end
  local today = opts.today or require("policytk.progress.dates").today()
  if M.period_start(p) > today then
    return nil, string.format("期间 %q 在未来（今天是 %s）", cell, today)
  end
  return p, hint
end

-- Values ------------------------------------------------------------------------------------------

-- Cells that say "not reported": the caller makes no row (never a 0). Dashes of any kind and
-- any count (-, --, —, ——, －) are matched separately.
local NOT_REPORTED = { [""] = true, ["暂无"] = true, ["无"] = true, ["空"] = true, ["/"] = true,
                       ["n/a"] = true }

local DASHES = { "\u{2014}", "\u{2013}", "\u{2012}", "\u{2015}", "\u{2212}", "%-" }

local function only_dashes(s)
  for _, d in ipairs(DASHES) do s = s:gsub(d, "") end
  return s == ""
end

local function bad_value(cell, why)
  return string.format("数值 %q 无法识别%s", cell, why and ("：" .. why) or "")
end

--- sign, number text, unit text of a value (parentheses already taken off), or nil, why.
local function split_number(body)
  local sign, num, rest = body:match("^([+-]?)([%d,%.]+)(.*)$")
  if not sign then return nil end
  local exp = rest:match("^[eE][+-]?%d+")
  if exp and num:find("^%d+%.?%d*$") then num, rest = num .. exp, rest:sub(#exp + 1) end
  rest = M.trim(rest)
  if rest:find("^%d") then return nil, "数字中间不能有空格" end
  if rest:find("%d") then return nil, "单位里不应有数字" end
  return sign, num, rest
end

--- The value of a number text: 1234, 1234.5, .5, 1,234.5 (commas every three digits), 1.5E+7.
local function number_of(num)
  if num:find(",") then
    local int, frac = num:match("^(%d%d?%d?[,%d]*)(%.?%d*)$")
    if not int or int:gsub("^%d%d?%d?", ""):gsub(",%d%d%d", "") ~= "" then return nil end
    num = int:gsub(",", "") .. frac
  elseif not (num:find("^%d+%.?%d*$") or num:find("^%.%d+$") or num:find("^%d+%.?%d*[eE][+-]?%d+$")) then
    return nil
  end
  local v = tonumber(num)
  if not v or v == math.huge then return nil end                       -- 1E999
  if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 2^53 then v = math.tointeger(v) end
  return v
end

--- number, unit_text, info | nil (not reported) | nil, problem. Reads a value cell as bureaus
--- write it: 1,234.5, 10200亿元, 1.02万亿元, 3.5万户, 12.5%, 12.5％, (12) and （12） (= -12, the
--- unit inside or after the parentheses), full-width digits, a leading + or －.
--- unit_text: what followed the number, trimmed, full-width folded ("" when none); the caller
--- converts it with values.convert. info.pct: the unit is %. A number s is returned as it is.
--- Blank, 暂无, 无, 空, N/A, /, ／ and dashes (-, --, —, －) are not reported: nil and no problem.
--- opts: reserved (no options yet). Never raises.
function M.read_value(s, opts)                       -- luacheck: ignore opts
  if type(s) == "number" then
    if s ~= s or s == math.huge or s == -math.huge then return nil, bad_value(tostring(s)) end
    return s, "", { pct = false }
  end
  if type(s) ~= "string" then return nil end
  local cell = M.trim(s)
  local body = M.trim(fold_width(s)):gsub("\u{2212}", "-")
  if NOT_REPORTED[body:lower()] or only_dashes(body) then return nil end
  local neg, after = false, nil
  local inner, tail = body:match("^%((.*)%)(.*)$")
  if inner then
    neg, body, after = true, M.trim(inner), M.trim(tail)
    if body:find("^[+-]") then return nil, bad_value(cell, "括号内不应再有正负号") end
  end
  local sign, num, unit = split_number(body)
  if not sign then return nil, bad_value(cell, num) end
  if after and after ~= "" then
    if unit ~= "" or after:find("%d") then return nil, bad_value(cell) end
    unit = after
  end
  local v = number_of(num)
  if not v then return nil, bad_value(cell) end
  if neg or sign == "-" then v = -v end
  return v, unit, { pct = unit == "%" }
end

-- Units -----------------------------------------------------------------------------------------

-- Multipliers written before a base unit, longest first (万亿 before 万 and 亿).
local MULTIPLIERS = { { "万亿", 1e12 }, { "百万", 1e6 }, { "亿", 1e8 }, { "万", 1e4 }, { "千", 1e3 } }

-- Units that stand for one another: each names its class. 家 and 户 both count firms (a bureau
-- writes 户 for 市场主体); 个 stays apart. Percentage points go with %.
local SAME = { ["家"] = "firms", ["户"] = "firms", ["%"] = "percent", ["个百分点"] = "percent",
               ["百分点"] = "percent" }

-- Units no multiplier may precede.
local NO_MULTIPLIER = { ["%"] = true, ["个百分点"] = true, ["百分点"] = true }

local BASE = {}
for _, u in ipairs(contract.units) do BASE[u] = true end
for u in pairs(SAME) do BASE[u] = true end

--- multiplier, base of a unit text: 万户 → 1e4, "户"; 千瓦 → 1, "千瓦"; 万 → 1e4, "" (no base:
--- the indicator's). A text that is neither is its own base (1, text).
local function split_unit(u)
  if BASE[u] then return 1, u end
  for _, pm in ipairs(MULTIPLIERS) do
    local prefix = pm[1]
    if u:sub(1, #prefix) == prefix then
      local rest = u:sub(#prefix + 1)
      if rest == "" or (BASE[rest] and not NO_MULTIPLIER[rest]) then return pm[2], rest end
    end
  end
  return 1, u
end

local function same_base(a, b)
  return a == b or (SAME[a] ~= nil and SAME[a] == SAME[b])
end

--- number in the indicator's unit, or nil and the problem. unit_text: as read_value returns it
--- ("" or nil: the number as it is). A multiplier (万 亿 万亿 千 百万) before a base unit scales;
--- 家/户 are interchangeable, % and 个百分点 too; anything else must be the indicator's unit:
--- 单位 "万人" 不能换算为指标单位 "家". The indicator's unit may carry a multiplier itself.
function M.convert(number, unit_text, indicator_unit)
  if unit_text == nil or unit_text == "" then return number end
  local m1, b1 = split_unit(unit_text)
  local m2, b2 = split_unit(indicator_unit)
  if b1 == "" then
    if NO_MULTIPLIER[b2] then b1 = nil else b1 = b2 end
  end
  if not b1 or not same_base(b1, b2) then
    return nil, string.format("单位 %q 不能换算为指标单位 %q", unit_text, indicator_unit)
  end
  if m1 == m2 then return number end
  local v = tonumber(string.format("%.15g", number * m1 / m2))
  if not v or v == math.huge or v == -math.huge then
    return nil, string.format("数值 %s%s 超出范围", number, unit_text)
  end
  if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 2^53 then v = math.tointeger(v) end
  return v
end

return M
