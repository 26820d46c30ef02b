-- policytk.progress.dates: calendar arithmetic for progress and reports — day numbers, the
-- bounds of a period (2024, 2024-Q3, 2024-09), the period enclosing a date, the previous period,
-- and today as staff count it (北京时间).
--
-- Capability: progress: completion, 序时进度 and status (entry policytk.progress; map in docs/architecture.md).

local M = {}

local function ymd(s)
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then error("not a date (YYYY-MM-DD): " .. tostring(s), 3) end
  return tonumber(y), tonumber(m), tonumber(d)
end

--- Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian).
function M.days(s)
  local y, m, d = ymd(s)
  y = m <= 2 and y - 1 or y
  local era = y // 400          -- Lua's // floors: no adjustment for negative years (year 0's Jan, Feb)
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

--- Today in 北京时间 (UTC+8), YYYY-MM-DD — $POLICYTK_TODAY when it holds a date (tests). Staff's
--- today (a due date passed, a period in the future, a firm founded today) is Beijing's,
--- whatever the time zone of the machine policytk runs on.
function M.today()
  local t = os.getenv("POLICYTK_TODAY")
  if t and require("policytk.core").is_iso_date(t) then return t end
  return os.date("!%Y-%m-%d", os.time() + 8 * 3600)
end

--- The YYYY-MM-DD date of a day number.
function M.date(z)
  z = z + 719468
  local era = z // 146097       -- floors, as above (the C original's z - 146096 made 0000-01-01 the 2nd)
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp + (mp < 10 and 3 or -9)
  if m <= 2 then y = y + 1 end
  return string.format("%04d-%02d-%02d", y, m, d)
end

function M.add_days(s, n) return M.date(M.days(s) + n) end

local function month_end(y, m)
  local nd = m == 12 and string.format("%04d-01-01", y + 1) or string.format("%04d-%02d-01", y, m + 1)
  return M.add_days(nd, -1)
end
M.month_end = month_end

--- Bounds of a period: start, end (YYYY-MM-DD) and granularity "Y" | "Q" | "M"; nil when the
--- text is not a period.
function M.bounds(p)
  if type(p) ~= "string" then return nil end
  local y = p:match("^(%d%d%d%d)$")
  if y then return y .. "-01-01", y .. "-12-31", "Y" end
  local yq, q = p:match("^(%d%d%d%d)%-[Qq]([1-4])$")
  if yq then
    local m1 = (tonumber(q) - 1) * 3 + 1
    return string.format("%s-%02d-01", yq, m1), month_end(tonumber(yq), m1 + 2), "Q"
  end
  local ym, mm = p:match("^(%d%d%d%d)%-(%d%d)$")
  if ym and tonumber(mm) >= 1 and tonumber(mm) <= 12 then
    return ym .. "-" .. mm .. "-01", month_end(tonumber(ym), tonumber(mm)), "M"
  end
  return nil
end

local SAMPLE_MARK = "示例数据"

--- Add s (start), e (end), g (granularity) and sample (a 示例数据 figure) to each observation
--- (in place, once); returns the list.
function M.annotate(series)
  for _, o in ipairs(series) do
    if not o.e then
      o.s, o.e, o.g = M.bounds(o.period)
      if not o.s then error("observation with a bad period: " .. tostring(o.period), 2) end
      o.sample = ((o.source or ""):find(SAMPLE_MARK, 1, true) or (o.note or ""):find(SAMPLE_MARK, 1, true)) and true
        or false
    end
  end
  return series
end

--- The year / quarter / month ("year" | "quarter" | "month") enclosing a date: start, end.
function M.enclosing(every, date)
  local y, m = ymd(date)
  if every == "year" then return string.format("%04d-01-01", y), string.format("%04d-12-31", y) end
  if every == "quarter" then
    local m1 = (m - 1) // 3 * 3 + 1
    return string.format("%04d-%02d-01", y, m1), month_end(y, m1 + 2)
  end
  return string.format("%04d-%02d-01", y, m), month_end(y, m)
end

--- The period of the same granularity just before p ("2024-Q1" → "2023-Q4").
function M.previous(p)
  local _, _, g = M.bounds(p)
  if g == "Y" then return tostring(tonumber(p) - 1) end
  local y = tonumber(p:sub(1, 4))
  if g == "Q" then
    local q = tonumber(p:sub(-1))
    return q == 1 and string.format("%04d-Q4", y - 1) or string.format("%04d-Q%d", y, q - 1)
  end
  local m = tonumber(p:sub(6, 7))
  return m == 1 and string.format("%04d-12", y - 1) or string.format("%04d-%02d", y, m - 1)
end

--- The period of granularity g ("Y" | "Q" | "M") that contains date.
function M.period_of(g, date)
  local y, m = ymd(date)
  if g == "Y" then return string.format("%04d", y) end
  if g == "Q" then return string.format("%04d-Q%d", y, (m - 1) // 3 + 1) end
  return string.format("%04d-%02d", y, m)
end

--- A period as staff read it: 2024-Q3 → 2024年第3季度, 2024-09 → 2024年9月, 2024 → 2024年; other
--- text as it is (every form reads back through policytk.data.values.read_period).
function M.period_text(p)
  local y, q = tostring(p):match("^(%d%d%d%d)%-[Qq](%d)$")
  if y then return string.format("%s年第%s季度", y, q) end
  local m
  y, m = tostring(p):match("^(%d%d%d%d)%-(%d%d)$")
  if y then return string.format("%s年%d月", y, tonumber(m)) end
  if tostring(p):match("^%d%d%d%d$") then return p .. "年" end
  return tostring(p)
end

--- A date as staff read it: "2025-12-31" → "2025年12月31日"; any other text as it is, nil as "".
function M.day_text(date)
  local y, m, d = tostring(date or ""):match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then return tostring(date or "") end
  return string.format("%d年%d月%d日", tonumber(y), tonumber(m), tonumber(d))
end

return M
