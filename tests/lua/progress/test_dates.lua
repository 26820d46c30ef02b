-- policytk.progress.dates: day numbers both ways, over the whole range of 4-digit years (year 0's
-- January and February came back a day late once: fuzz/regressions/values/year-0000).

local dates = require "policytk.progress.dates"

test("day numbers of known days", function(t)
  t.eq(dates.days("1970-01-01"), 0)
  t.eq(dates.days("2024-03-01"), 19783)
  t.eq(dates.days("0000-01-01"), -719528)
  t.eq(dates.date(-719528), "0000-01-01")
  t.eq(dates.date(0), "1970-01-01")
  t.eq(dates.date(19783), "2024-03-01")
end)

test("every day of years 0000-0001, 1899-1901, 1999-2001 and 9998-9999 round-trips", function(t)
  local bad = {}
  for _, span in ipairs{ { 0, 1 }, { 1899, 1901 }, { 1999, 2001 }, { 9998, 9999 } } do
    local z, last = dates.days(string.format("%04d-01-01", span[1])), dates.days(string.format("%04d-12-31", span[2]))
    for day = z, last do
      local s = dates.date(day)
      if dates.days(s) ~= day or (day > z and s <= dates.date(day - 1)) then bad[#bad + 1] = s end
    end
  end
  t.eq(#bad, 0, table.concat(bad, " ", 1, math.min(#bad, 5)))
  t.eq(dates.add_days("0000-02-28", 1), "0000-02-29")
  t.eq(dates.add_days("0000-02-29", 1), "0000-03-01")
end)

-- today is Beijing's whatever the machine's time zone: Kiritimati (UTC+14) and Pago Pago
-- (UTC−11) are 25 hours apart, so the host's local date always differs between them.
test("today is the date in 北京时间, the same under any TZ of the host", function(t)
  local testing = require "policytk.testing"
  local code = 'return require("policytk.progress.dates").today()'
  local days = {}
  for _, tz in ipairs({ "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Shanghai" }) do
    local rc, out, err = testing.policytk({ "eval", code }, { env = { TZ = tz, POLICYTK_TODAY = "" } })
    t.eq(rc, 0, err)
    days[#days + 1] = out:match("%d%d%d%d%-%d%d%-%d%d")
  end
  t.eq(days[1], days[3], "Kiritimati")
  t.eq(days[2], days[3], "Pago Pago")
  t.eq(days[3], os.date("!%Y-%m-%d", os.time() + 8 * 3600))
end)
