-- policytk.data.values: parse the figures people type — numbers such as 1,234 / 1.2万 / 3亿 / 15%
-- and periods such as 2024, 2024-Q3, 2024-09.
--
--   values.number("1.2万") → 12000          values.number("15%") → 15, true
--   values.period("2024-q3") → "2024-Q3"    values.period_start("2024-Q3") → "2024-07-01"
--   values.trim(" 温州　") → "温州"          (ASCII blanks and the full-width space U+3000)

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
  today = today or os.date("%Y-%m-%d")
  if start > today then return nil, string.format("%s is in the future", s) end
  return p
end

return M
