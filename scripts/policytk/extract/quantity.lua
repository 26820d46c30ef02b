-- policytk.extract.quantity: quantities in Chinese policy text — a number (Arabic or Chinese
-- numerals, with 万/亿/万亿), its unit and its comparator.
--
--   quantity.parse("超1.1万亿元")  → { value = 1100000000000, unit = "元", comparator = ">=", … }
--   quantity.number("两千")        → 2000
--   quantity.scan(text)            → every quantity in text, with byte positions
--
-- Units are the base units of the plugin contract (scripts/policytk/plugins/contract.lua); 万/亿 are
-- folded into the value. Comparators: 以上/超过/超/突破/不低于/不少于/达到/力争 → ">=",
-- 以下/不超过/控制在/以内/低于 → "<=", 左右/约 → "~"; none → nil (the caller decides).
-- A number after 比值 with a comparator (比值达1.2以上) is in 倍, marked implied_unit = "倍".
--
-- Capability: text and extract: reading policy documents (entry policytk.extract; map in docs/architecture.md).

local M = {}

local CN_DIGIT = {
  ["零"] = 0, ["〇"] = 0, ["一"] = 1, ["二"] = 2, ["两"] = 2, ["三"] = 3, ["四"] = 4,
  ["五"] = 5, ["六"] = 6, ["七"] = 7, ["八"] = 8, ["九"] = 9,
}
local CN_SMALL = { ["十"] = 10, ["百"] = 100, ["千"] = 1000 }
local CN_BIG = { ["万"] = 1e4, ["亿"] = 1e8 }

-- Units as written → base unit. Longest spellings are tried first.
local UNITS = {
  { "个工作日", "个工作日" }, { "个百分点", "个百分点" }, { "工作日", "个工作日" },
  { "平方米", "平方米" }, { "平米", "平方米" }, { "千瓦", "千瓦" }, { "小时", "小时" },
  { "人次", "人次" }, { "台次", "台次" }, { "批次", "批次" }, { "家次", "家次" },
  { "单次", "单次" }, { "场次", "场" }, { "美元", "美元" }, { "元", "元" },
  { "%", "%" }, { "家", "家" }, { "户", "户" }, { "个", "个" }, { "亩", "亩" }, { "人", "人" },
  { "名", "名" }, { "台", "台" }, { "笔", "笔" }, { "件", "件" }, { "场", "场" }, { "项", "项" },
  { "次", "次" }, { "天", "天" }, { "倍", "倍" }, { "所", "所" }, { "条", "条" }, { "座", "座" },
  { "套", "套" }, { "张", "张" }, { "吨", "吨" }, { "只", "只" }, { "支", "支" }, { "位", "位" },
  { "期", "期" }, { "部", "个" }, { "日", "天" },
}
M.UNITS = UNITS

local AFTER = {
  { "以上", ">=" }, { "以下", "<=" }, { "以内", "<=" }, { "左右", "~" }, { "多", ">=" },
  { "余", ">=" }, { "内", "<=" },
}
-- Words right before the number (after dropping 达/到/为/在/至 that may follow them).
local BEFORE = {
  { "不超过", "<=" }, { "不高于", "<=" }, { "不多于", "<=" }, { "控制在", "<=" }, { "低于", "<=" },
  { "少于", "<=" }, { "压减至", "<=" }, { "压缩在", "<=" }, { "压缩至", "<=" },
  { "不低于", ">=" }, { "不少于", ">=" }, { "超过", ">=" }, { "突破", ">=" }, { "达到", ">=" },
  { "至少", ">=" }, { "高于", ">=" }, { "超", ">=" }, { "达", ">=" }, { "力争", ">=" },
  { "约", "~" },
}
table.sort(BEFORE, function(a, b) return #a[1] > #b[1] end)
M.MAX = 2^63

-- The UTF-8 character at byte i of s (nil at the end).
local function char_at(s, i)
  local b = s:byte(i)
  if not b then return nil end
  if b < 0x80 then return s:sub(i, i) end
  local n = b >= 0xF0 and 4 or b >= 0xE0 and 3 or b >= 0xC0 and 2 or 1
  return s:sub(i, i + n - 1)
end
M.char_at = char_at

local function starts(s, i, w) return s:sub(i, i + #w - 1) == w end

--- The value of a Chinese numeral (一千二百, 两千, 十五, 三万五千, 一点五) or nil.
function M.chinese(cn)
  local total, section, digit, seen = 0, 0, nil, false
  local int_part, frac = cn:match("^(.-)点(.+)$")
  if int_part then
    local iv = int_part == "" and 0 or M.chinese(int_part)
    if not iv then return nil end
    local f = "0."
    for _, c in utf8.codes(frac) do
      local d = CN_DIGIT[utf8.char(c)]
      if not d then return nil end
      f = f .. d
    end
    return iv + tonumber(f)
  end
  for _, c in utf8.codes(cn) do
    local ch = utf8.char(c)
    if CN_DIGIT[ch] then
      digit = CN_DIGIT[ch]; seen = true
    elseif CN_SMALL[ch] then
      section = section + (digit or 1) * CN_SMALL[ch]; digit = nil; seen = true
    elseif CN_BIG[ch] then
      if not seen and total == 0 and section == 0 then return nil end
      local mag = CN_BIG[ch]
      local part = section + (digit or 0)
      if mag == 1e8 then total = (total + part) * mag
      elseif total >= 1e8 and part == 0 then return nil  -- 亿万 or 亿亿-like nonsense
      else total = total + part * mag end
      section, digit = 0, nil
    else
      return nil
    end
  end
  if not seen then return nil end
  return total + section + (digit or 0)
end

local function tidy(v)
  if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 2^53 then
    return math.tointeger(v)
  end
  return v
end

local function is_cn_numeral(ch)
  return CN_DIGIT[ch] ~= nil or CN_SMALL[ch] ~= nil
end

-- Read a number at byte i. Returns value, next byte index, kind ("arabic"|"chinese"), or
-- nil, error-message (malformed) or nil (no number here).
local function read_number(s, i)
  local a = s:match("^%d[%d,]*%.?%d*", i)
  if a then
    local j = i + #a
    if s:sub(j, j) == "." then return nil, "malformed number " .. s:sub(i, j + 1) end
    local plain = a:gsub(",(%d%d%d)", "%1")
    if plain:find(",") or a:sub(-1) == "," then
      a = a:match("^%d+%.?%d*"); j = i + #a; plain = a
    end
    if plain:sub(-1) == "." then plain = plain:sub(1, -2); j = j - 1 end
    local v = tonumber(plain)
    if not v or v ~= v or v == math.huge then return nil, "number too large: " .. a end
    return v, j, "arabic"
  end
  local ch = char_at(s, i)
  if not ch or not is_cn_numeral(ch) then return nil end
  local j = i
  while true do
    local c = char_at(s, j)
    if c and (is_cn_numeral(c) or CN_BIG[c] or (c == "点" and j > i)) then j = j + #c else break end
  end
  -- do not swallow a trailing magnitude that belongs to the unit (三万元 is fine either way)
  local text = s:sub(i, j - 1)
  local v = M.chinese(text)
  if not v then return nil end
  return v, j, "chinese"
end

--- The value of a number written in Arabic or Chinese numerals with optional 万/亿/万亿
--- ("1.2万", "两千", "三万五千", "1,200"), or nil and the problem.
function M.number(s)
  if type(s) ~= "string" then return nil, "string expected" end
  local q, err = M.parse(s, { unitless = true })
  if not q then return nil, err end
  if q.stop ~= #s + 1 then return nil, "not a number: " .. s end
  return q.value
end

local function magnitude(s, j)
  local mult = 1
  local m = char_at(s, j)
  if m == "千" or m == "百" then
    local nx = char_at(s, j + 3)
    if nx == "万" or nx == "亿" then mult = (m == "千" and 1000 or 100); j = j + 3; m = nx end
  end
  if m == "万" then
    mult = mult * 1e4; j = j + 3
    if char_at(s, j) == "亿" then mult = mult * 1e8; j = j + 3 end
  elseif m == "亿" then
    mult = mult * 1e8; j = j + 3
  end
  local again = char_at(s, j)
  if mult >= 1e4 and (again == "亿" or (again == "万" and char_at(s, j + 3) ~= "元")) then
    return nil, "repeated magnitude " .. s:sub(j - 3, j + 2)
  end
  return mult, j
end

local function unit_at(s, j)
  for _, u in ipairs(UNITS) do
    if starts(s, j, u[1]) then return u[2], j + #u[1], u[1] end
  end
end

local function comparator_after(s, j)
  for _, a in ipairs(AFTER) do
    if starts(s, j, a[1]) then return a[2], j + #a[1] end
  end
end

local function comparator_before(s, i)
  local k = i
  for _ = 1, 2 do
    local prev = k > 3 and s:sub(k - 3, k - 1)
    if prev == "到" or prev == "为" or prev == "在" or prev == "至" then k = k - 3 end
  end
  for _, b in ipairs(BEFORE) do
    local w = b[1]
    if k - #w >= 1 and s:sub(k - #w, k - 1) == w then return b[2], k - #w end
    if k ~= i and i - #w >= 1 and s:sub(i - #w, i - 1) == w then return b[2], i - #w end
  end
  if k ~= i then
    local w = s:sub(k, i - 1)
    if w == "达到" or w == "达" then return ">=", k end
  end
end

-- Parse the quantity whose number starts at byte i. Returns the record or nil, err.
local function parse_at(s, i, opts)
  local rec
  -- X分之Y (六分之一 → 16.67%), 百分之Y (百分之十五 → 15%)
  local den_v, after_den = read_number(s, i)
  if starts(s, i, "百分之") then
    local v, j = read_number(s, i + 9)
    if not v then return nil, "百分之 without a number" end
    rec = { value = v, unit = "%", start = i, stop = j }
  elseif den_v and starts(s, after_den, "分之") then
    local v, j = read_number(s, after_den + 6)
    if not v or den_v == 0 then return nil, "bad fraction" end
    rec = { value = v * 100 / den_v, unit = "%", start = i, stop = j, fraction = true }
  else
    local v, j = read_number(s, i)
    if not v then return nil, j end
    local mult, j2 = magnitude(s, j)
    if not mult then return nil, j2 end
    local value = v * mult
    if value >= M.MAX or value ~= value then return nil, "number too large for a double: " .. s:sub(i, j2 - 1) end
    rec = { value = value, start = i, stop = j2, magnitude = mult > 1 }
    j = j2
    -- a range: 10—20家, 10-20家, 10~20家, 10至20家
    for _, sep in ipairs({ "—", "－", "-", "~", "～", "至", "到" }) do
      if starts(s, j, sep) then
        local v2, k = read_number(s, j + #sep)
        if v2 then
          local m2, k2 = magnitude(s, k)
          if m2 and unit_at(s, k2) and v2 * m2 > value then
            local hi = v2 * m2
            if not rec.magnitude and m2 > 1 then value = value * m2; rec.value = value end
            rec.lo, rec.hi, rec.range = tidy(value), tidy(hi), true
            j = k2; rec.stop = k2
          end
        end
        break
      end
    end
    local unit, j3, written = unit_at(s, j)
    if unit then
      -- 日/天 after a date-like 月 are not a quantity; 万元 etc. are handled above
      rec.unit, rec.unit_text, rec.stop = unit, written, j3
    elseif rec.magnitude and char_at(s, j) ~= nil then
      -- 206亿 with the 元 on the next fragment: money when 亿 is written
      if s:sub(j - 3, j - 1) == "亿" then rec.unit = "元"; rec.implied_unit = true end
    end
  end
  rec.value = tidy(rec.value)
  -- comparators
  local after, j4 = comparator_after(s, rec.stop)
  local before, b0 = comparator_before(s, rec.start)
  rec.comparator = after or before
  if after then rec.stop = j4 end
  if before then rec.qstart = b0 end
  if rec.range and not after then rec.comparator = rec.comparator or ">=" end
  if not rec.unit and not (opts and opts.unitless) then
    rec.bare = true
  end
  rec.text = s:sub(rec.qstart or rec.start, rec.stop - 1)
  return rec
end

--- Parse the first quantity in s: { value=, unit=, comparator=, text=, lo=, hi= } or nil and
--- a message naming the problem ("no quantity", "malformed number 1..", "repeated magnitude 亿亿",
--- "number too large for a double").
function M.parse(s, opts)
  if type(s) ~= "string" then error("bad argument #1 to 'quantity.parse' (string expected, got " .. type(s) .. ")", 2) end
  local i = 1
  while i <= #s do
    local ch = char_at(s, i)
    if ch:match("^%d") or is_cn_numeral(ch) then
      local rec, err = parse_at(s, i, opts)
      if rec and not (rec.bare and not (opts and opts.unitless) and rec.stop > i) then return rec end
      if err then return nil, err end
      if rec then i = rec.stop else i = i + #ch end
    else
      i = i + #ch
    end
  end
  return nil, "no quantity"
end

-- A 4-digit year followed by 年/-/年底: a date, not a quantity.
local function is_year(i, j, v)
  if math.type(v) ~= "integer" and v ~= math.floor(v) then return false end
  return j - i == 4 and v >= 1949 and v <= 2100
end

--- Every quantity in s with a unit, in order: records as parse gives them plus start/stop
--- (byte positions; text = s:sub(qstart or start, stop - 1)). Years (2023年), dates, 文号
--- numbers and numbers inside 《》 are skipped; malformed numbers are listed in `problems`.
-- Where scan has something to do in valid UTF-8: a digit, a Chinese numeral that scan
-- starts a number at (〇 is not one: its first byte is below 0xE4), 《 or 》. next(i) is the
-- first such position at or after i (n + 1 when none); each is searched for again only
-- once passed, so a scan is linear.
local SCAN_MARKS = { "《", "》" }
for ch in pairs(CN_DIGIT) do if ch:byte(1) >= 0xE4 then SCAN_MARKS[#SCAN_MARKS + 1] = ch end end
for ch in pairs(CN_SMALL) do SCAN_MARKS[#SCAN_MARKS + 1] = ch end
local function candidates(s, n)
  local at = { 0 }
  for k = 1, #SCAN_MARKS do at[k + 1] = 0 end
  return function(i)
    if at[1] < i then at[1] = s:find("%d", i) or n + 1 end
    local c = at[1]
    for k = 1, #SCAN_MARKS do
      local p = at[k + 1]
      if p < i then p = s:find(SCAN_MARKS[k], i, true) or n + 1; at[k + 1] = p end
      if p < c then c = p end
    end
    return c
  end
end

-- 比值 (a ratio) right before i, with or without 达/为.
local function ratio_before(s, i)
  for _, w in ipairs({ "比值", "比值达", "比值为", "比值达到" }) do
    if i > #w and s:sub(i - #w, i - 1) == w then return true end
  end
  return false
end

function M.scan(s, opts)
  local out, problems = {}, {}
  local i, n = 1, #s
  local book = 0
  local next = utf8.len(s) ~= nil and candidates(s, n)
  while i <= n do
    -- in valid UTF-8 the positions between candidates change nothing: jump over them
    if next then i = next(i); if i > n then break end end
    local b = s:byte(i)
    local ch
    if b < 0x80 then ch = string.char(b) else ch = char_at(s, i) end
    if ch == "《" then book = book + 1
    elseif ch == "》" then if book > 0 then book = book - 1 end
    end
    local numeric = (b >= 48 and b <= 57) or (b >= 0xE4 and is_cn_numeral(ch))
    if numeric and book == 0 then
      local rec, err = parse_at(s, i, opts)
      if rec then
        local prev = i > 3 and s:sub(i - 3, i - 1)
        local yr = rec.unit == nil and not rec.magnitude and is_year(i, rec.stop, rec.value)
        local date_day = rec.unit_text == "日" and (prev == "月" or s:sub(i - 3, i - 1) == "月")
        if yr or date_day or prev == "〔" or s:sub(i - 1, i - 1):match("[%d%.]") then
          i = rec.stop
        elseif rec.unit then
          out[#out + 1] = rec
          i = rec.stop
        elseif rec.comparator and ratio_before(s, rec.qstart or rec.start) then
          -- 比值达1.2以上: a ratio of two counts, in 倍 though 倍 is not written
          rec.unit, rec.implied_unit, rec.bare = "倍", "倍", nil
          out[#out + 1] = rec
          i = rec.stop
        else
          i = rec.stop
        end
      else
        if err then problems[#problems + 1] = { pos = i, message = err } end
        i = i + #ch
        -- skip the rest of a digit run so "1..2" is reported once
        while i <= n and s:sub(i, i):match("[%d%.]") do i = i + 1 end
      end
    else
      i = i + #ch
    end
  end
  return out, problems
end

return M
