-- policytk.extract.deadline.scan is the C scanner text.dates (core/text_dates.c); it replaced a Lua
-- scanner. This file keeps that Lua scanner's scanning part (not the date helpers the module
-- still has) as the reference: the two must give
-- the same records on the source texts (raw and normalized, whole and line by line) and on
-- random strings built from the pieces date expressions are made of, valid UTF-8 or not.

local deadline = require "policytk.extract.deadline"
local text = require "policytk.text"

-- ---------------------------------------------------------------- the reference (Lua)
-- Only the scanner: full dates and year ends come from the module itself (deadline.date,
-- deadline.year_end), which the C scanner does not replace.
local M = {}
local year_end = deadline.year_end

local WITHIN_CN = { ["一"] = 1, ["两"] = 2, ["二"] = 2, ["三"] = 3, ["四"] = 4, ["五"] = 5, ["十"] = 10 }

local RANGE_SEP = { "—", "–", "～", "~", "-", "至", "到", "－" }

-- The expressions that do not start with a four-digit year (at() without a year).
local function at_short(s, i)
  local b = s:byte(i)
  if b and b >= 48 and b <= 57 then
    -- 3年内, 3年时间
    local w = s:match("^(%d)年内", i) or s:match("^(%d)年时间", i)
    if w then return { kind = "within", years = tonumber(w) }, i + #w + 6 end
    return nil
  end
  -- 三年内, 三年时间
  local c = s:match("^([\228-\233][\128-\191][\128-\191])年内", i) or s:match("^([\228-\233][\128-\191][\128-\191])年时间", i)
  if c and WITHIN_CN[c] then return { kind = "within", years = WITHIN_CN[c] }, i + 9 + 3 end
  if s:sub(i, i + 5) == "每年" or s:sub(i, i + 5) == "年均" then
    return { kind = "every", every = "year" }, i + 6
  end
  if s:sub(i, i + 8) == "每季度" then return { kind = "every", every = "quarter" }, i + 9 end
  if s:sub(i, i + 5) == "每月" then return { kind = "every", every = "month" }, i + 6 end
  if s:sub(i, i + 8) == "年底前" or s:sub(i, i + 5) == "年底" then
    return { kind = "this_year" }, i + (s:sub(i, i + 8) == "年底前" and 9 or 6)
  end
end

-- Patterns tried at each position; each returns record, stop.
local function at(s, i)
  -- ranges: 2018—2020年, 2018~2020, 2018-2020年, 2023-2027年
  local y1 = s:match("^%d%d%d%d", i)
  if y1 then
    local j = i + 4
    if s:sub(j, j + 2) == "年" then j = j + 3 end
    for _, sep in ipairs(RANGE_SEP) do
      if s:sub(j, j + #sep - 1) == sep then
        local y2 = s:match("^%d%d%d%d", j + #sep)
        if y2 then
          local a, b = tonumber(y1), tonumber(y2)
          local stop = j + #sep + 4
          if s:sub(stop, stop + 2) == "年" then stop = stop + 3 end
          if a >= 1949 and b <= 2100 and b >= a then
            return { kind = "range", from = string.format("%04d-01-01", a), to = year_end(b),
                     year = b, deadline = year_end(b) }, stop
          end
        end
        break
      end
    end
  end
  if not y1 then return at_short(s, i) end  -- every pattern below starts with a year
  local full = s:match("^%d%d%d%d年%d%d?月%d%d?日", i)
  if full then
    local dt = deadline.date(full)
    if dt then return { kind = "date", date = dt, deadline = dt, year = tonumber(full:sub(1, 4)) }, i + #full end
  end
  local ym = s:match("^%d%d%d%d年%d%d?月底?", i)
  if ym then
    local y, m = ym:match("^(%d+)年(%d+)月")
    y, m = tonumber(y), tonumber(m)
    if y >= 1949 and y <= 2100 and m >= 1 and m <= 12 then
      local last = os.date("!%d", os.time({ year = m == 12 and y + 1 or y, month = m == 12 and 1 or m + 1, day = 1, hour = 12 }) - 86400)
      return { kind = "by", year = y, deadline = string.format("%04d-%02d-%s", y, m, last) }, i + #ym
    end
  end
  local yh = s:match("^%d%d%d%d上半年", i) or s:match("^%d%d%d%d下半年", i)
  if yh then
    local n = tonumber(yh:sub(1, 4))
    if n >= 1949 and n <= 2100 then
      return { kind = "by", year = n, deadline = yh:find("上", 1, true) and string.format("%04d-06-30", n) or year_end(n) }, i + #yh
    end
  end
  local y = s:match("^(%d%d%d%d)年", i)
  if y then
    local n = tonumber(y)
    if n >= 1949 and n <= 2100 then
      local stop = i + 7
      for _, suf in ipairs({ "年底前", "年末前", "年底", "年末", "年前", "年内" }) do
        if s:sub(i + 4, i + 3 + #suf) == suf then stop = i + 4 + #suf; break end
      end
      return { kind = "by", year = n, deadline = year_end(n) }, stop
    end
  end
  return at_short(s, i)
end

-- The positions where `at` may find something in valid UTF-8: a digit, 年 (年均, 年底),
-- 每, or the character before 年 (三年内). next(i) is the first at or after i (n + 1 when
-- there is none); each kind is searched for again only once passed, so a scan is linear.
local function candidates(s, n)
  local d, y, m = 0, 0, 0
  return function(i)
    if d < i then d = s:find("%d", i) or n + 1 end
    if y < i then y = s:find("年", i, true) or n + 4 end
    if m < i then m = s:find("每", i, true) or n + 1 end
    local c = d < m and d or m
    if y - 3 >= i then
      if y - 3 < c then c = y - 3 end
    elseif y < c then
      c = y
    end
    return c
  end
end

--- Every date expression in s, in order; each record has start and stop (byte positions)
--- and `by` = true when 到/至/截至 stands before it.
function M.scan(s)
  local out, i, n = {}, 1, #s
  local next = utf8.len(s) ~= nil and candidates(s, n)
  while i <= n do
    -- in valid UTF-8 the positions between candidates can hold nothing: jump over them
    if next then i = next(i); if i > n then break end end
    local b = s:byte(i)
    local rec, stop
    if (b >= 48 and b <= 57) or b >= 0xE4 then rec, stop = at(s, i) end
    if rec then
      rec.start, rec.stop = i, stop
      local before = s:sub(math.max(1, i - 6), i - 1)
      if before:sub(-3) == "到" or before:sub(-3) == "至" or before == "截至" then rec.by = true end
      out[#out + 1] = rec
      i = stop
    elseif b < 0x80 then
      i = i + 1
      if b >= 48 and b <= 57 then while i <= n and s:byte(i) >= 48 and s:byte(i) <= 57 do i = i + 1 end end
    else
      i = i + (b >= 0xF0 and 4 or b >= 0xE0 and 3 or b >= 0xC0 and 2 or 1)
    end
  end
  return out
end


local reference = M.scan

-- ---------------------------------------------------------------- the comparison

local function differ(a, b)
  if #a ~= #b then return string.format("%d records, reference %d", #b, #a) end
  for i = 1, #a do
    for k, v in pairs(a[i]) do
      if b[i][k] ~= v then return string.format("record %d: %s = %s, reference %s", i, k, tostring(b[i][k]), tostring(v)) end
    end
    for k, v in pairs(b[i]) do
      if a[i][k] == nil then return string.format("record %d: %s = %s, not in the reference", i, k, tostring(v)) end
    end
  end
end

local SEEDS = { "hangzhou_sme_growth_plan_2021_2023_draft.txt", "taizhou_sme_growth_plan_2018_2020.txt",
                "wenzhou_private_economy_tasks_2023.txt", "wenzhou_sme_friendly_city_2023.txt" }

test("text.dates gives the records of the Lua scanner on the source texts", function(t)
  local total = 0
  for _, f in ipairs(SEEDS) do
    local raw = t.seeds(f)
    local norm = text.normalize(raw)
    for _, s in ipairs({ raw, norm }) do
      local ref = reference(s)
      t.eq(differ(ref, deadline.scan(s)), nil)
      total = total + #ref
      for line in s:gmatch("[^\n]+") do
        local why = differ(reference(line), deadline.scan(line))
        if why then t.eq({ line = line, why = why }, nil) end
      end
    end
  end
  t.ok(total > 200, "dates found in the seeds: " .. total)
end)

test("text.dates gives the records of the Lua scanner on random strings", function(t)
  local pieces = { "2023", "2018", "1948", "2101", "2100", "1949", "年", "月", "日", "底", "前", "末", "内", "时间",
    "每", "季度", "均", "上半年", "下半年", "—", "–", "～", "~", "-", "至", "到", "－", "截至", "1", "2", "0", "12",
    "9", "三", "两", "十", "六", "庆", "\xe5\xba", "\x95", "\xff", "\xe5", "a", " ", "\n", "中", "〇", "30", "31",
    "29", "02", "13", "2023年", "2019年", "1948年", "3月", "12月", "02月", "9日", "31日", "29日", "2月",
    "2018—2020年", "三年内", "每年", "年底前", "底", "庆", "庆祝" }
  local seed = 7
  local function rand(k) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k + 1 end
  local bad, found = 0, 0
  for _ = 1, 100000 do
    local parts = {}
    for k = 1, rand(14) do parts[k] = pieces[rand(#pieces)] end
    local s = table.concat(parts)
    local ref = reference(s)
    found = found + #ref
    local why = differ(ref, deadline.scan(s))
    if why then
      bad = bad + 1
      if bad <= 5 then t.eq({ s = s, why = why }, nil) end
    end
  end
  t.eq(bad, 0)
  t.ok(found > 4000, "records in the random strings: " .. found)
end)

test("deadline.scan: a bad argument is a named error", function(t)
  t.raises(function() deadline.scan(nil) end, "deadline.scan")
end)
