-- policytk.extract.deadline: dates and deadlines in Chinese policy text.
--
--   deadline.date("2018年7月9日")     → "2018-07-09"   (also 二〇一八年七月九日, 2018-7-9)
--   deadline.parse("到2023年底")      → { kind = "by", year = 2023, deadline = "2023-12-31" }
--   deadline.parse("2018—2020年")     → { kind = "range", from = "2018-01-01", to = "2020-12-31" }
--   deadline.parse("三年内")          → { kind = "within", years = 3 }
--   deadline.parse("每年")            → { kind = "every", every = "year" }
--   deadline.scan(text)               → every such expression, with byte positions
--
-- Capability: text and extract: reading policy documents (entry policytk.extract; map in docs/architecture.md).

local text = require "policytk.text"

local M = {}

local CN = { ["〇"] = "0", ["零"] = "0", ["○"] = "0", ["Ｏ"] = "0", ["一"] = "1", ["二"] = "2",
             ["三"] = "3", ["四"] = "4", ["五"] = "5", ["六"] = "6", ["七"] = "7", ["八"] = "8",
             ["九"] = "9" }

local function valid(y, m, d)
  if not (y and m and d) or y < 1949 or y > 2100 or m < 1 or m > 12 or d < 1 then return false end
  local mdays = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
  if y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) then mdays[2] = 29 end
  return d <= mdays[m]
end

--- A full date as YYYY-MM-DD, or nil: 2018年7月9日, 2018-07-09, 2018.7.9, 二〇一八年七月九日.
function M.date(s)
  if type(s) ~= "string" then return nil end
  local y, m, d = s:match("(%d%d%d%d)年(%d%d?)月(%d%d?)日")
  if not y then y, m, d = s:match("^%s*(%d%d%d%d)[%-%./](%d%d?)[%-%./](%d%d?)") end
  if y then
    y, m, d = tonumber(y), tonumber(m), tonumber(d)
    if valid(y, m, d) then return string.format("%04d-%02d-%02d", y, m, d) end
    return nil
  end
  local t = s
  for k, v in pairs(CN) do t = t:gsub(k, v) end
  t = t:gsub("(%d?)十(%d?)", function(a, b) return (a == "" and "1" or a) .. (b == "" and "0" or b) end)
  if t ~= s then return M.date(t) end
  return nil
end

local function year_end(y) return string.format("%04d-12-31", y) end
M.year_end = year_end

--- The first date expression in s (see the header), or nil.
function M.parse(s)
  if type(s) ~= "string" then error("bad argument #1 to 'deadline.parse' (string expected, got " .. type(s) .. ")", 2) end
  local list = M.scan(s)
  return list[1]
end

--- Every date expression in s, in order; each record has start and stop (byte positions)
--- and `by` = true when 到/至/截至 stands before it. The scanner is C (text.dates,
--- core/text_dates.c): a whole document in milliseconds.
function M.scan(s)
  if type(s) ~= "string" then error("bad argument #1 to 'deadline.scan' (string expected, got " .. type(s) .. ")", 2) end
  return text.dates(s)
end

return M
