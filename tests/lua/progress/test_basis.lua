-- 口径 (reporting basis) in progress: a year-to-date series (1—N月累计) is read as year to
-- date — the latest figure of the year, less the figure before the window in the same year —
-- never summed; flows (当期) are summed; policytk.data.basis parses the words bureaus write.
-- The import half (the 口径 column, a falling 累计 series) is tested in tests/lua/data/.

local progress = require "policytk.progress"
local dates = require "policytk.progress.dates"
local basis = require "policytk.data.basis"

local function series(list, b)
  local s = {}
  for i, pv in ipairs(list) do s[i] = { period = pv[1], value = pv[2], basis = pv[3] or b } end
  return dates.annotate(s)
end

local MONTHS = { { "2025-01", 300 }, { "2025-02", 600 }, { "2025-03", 900 }, { "2025-04", 1200 },
                 { "2025-05", 1500 }, { "2025-06", 1650 } }

local TARGET = { value = 4000, comparator = ">=", kind = "cumulative_new", start = "2025-01-01",
                 deadline = "2025-12-31" }

test("a 累计 series gives its latest figure: 1650, 41%, red", function(t)
  local r = progress.evaluate(TARGET, series(MONTHS, "ytd"), { as_of = "2025-07-31" })   -- June figures, reported in July
  t.eq(r.actual, 1650)
  t.near(r.completion, 1650 / 4000, 1e-9)
  t.eq(r.status, "behind")
  t.eq(r.color, "红")
  t.eq(#r.used, 1)
  t.eq(r.used[1].period, "2025-06")
end)

test("the same figures as 当期 flows are summed (what they mean when stated so)", function(t)
  local r = progress.evaluate(TARGET, series(MONTHS, "flow"), { as_of = "2025-06-30" })
  t.eq(r.actual, 6150)
end)

test("the monthly flows of a 累计 series add up to 1650 whichever basis the file used", function(t)
  local flows, prev = {}, 0
  for i, m in ipairs(MONTHS) do flows[i] = { m[1], m[2] - prev }; prev = m[2] end
  local r = progress.evaluate(TARGET, series(flows, "flow"), { as_of = "2025-07-31" })
  t.eq(r.actual, 1650)
  t.eq(r.status, "behind")
end)

test("a window that starts within a year takes the 累计 figure before it off", function(t)
  local s = series(MONTHS, "ytd")
  local sum, used = progress.sum_flows(s, "2025-04-01", "2025-06-30")   -- Q2 = 1650 − 900
  t.eq(sum, 750)
  t.eq(#used, 2)
  t.eq(progress.sum_flows(s, "2025-03-01", "2025-03-31"), 300)          -- March alone
  t.eq(progress.sum_flows(s, "2025-07-01", "2025-09-30"), nil)          -- nothing in Q3
end)

test("years add up: an annual figure, then a 累计 year, then 当期 months after its last 累计", function(t)
  local s = series({ { "2024", 3000, "flow" }, { "2025-03", 900, "ytd" }, { "2025-06", 1650, "ytd" },
                     { "2025-07", 200, "flow" }, { "2025-08", 250, "flow" } })
  local sum, used = progress.sum_flows(s, "2024-01-01", "2025-08-31")
  t.eq(sum, 3000 + 1650 + 200 + 250)
  t.eq(#used, 4)
end)

test("quarterly 累计 (1—N季度累计) reads the same way; a month and a quarter ending together count once", function(t)
  local s = series({ { "2025-Q1", 900, "ytd" }, { "2025-Q2", 1650, "ytd" }, { "2025-06", 1650, "ytd" } })
  t.eq(progress.sum_flows(s, "2025-01-01", "2025-06-30"), 1650)
  t.eq(progress.sum_flows(s, "2025-04-01", "2025-06-30"), 750)
end)

test("observations without a basis are flows (as every figure was before 口径)", function(t)
  local s = series({ { "2025-01", 10 }, { "2025-02", 20 } })
  t.eq(progress.sum_flows(s, "2025-01-01", "2025-12-31"), 30)
end)

test("basis words: every accepted spelling, and an unknown one lists them", function(t)
  local cases = {
    ["当期"] = "flow", ["当月"] = "flow", ["本月"] = "flow", [" 当期 "] = "flow",
    ["累计"] = "ytd", ["1-6月累计"] = "ytd", ["1—6月累计"] = "ytd", ["１－６月累计"] = "ytd",
    ["1至12月累计"] = "ytd", ["1-2季度累计"] = "ytd", ["年初至今"] = "ytd", ["本年累计"] = "ytd",
    ["1-6月"] = "ytd",
    ["期末"] = "stock", ["月末"] = "stock", ["年末"] = "stock",
    ["比率"] = "rate", ["占比"] = "rate", ["增速"] = "rate",
    ["flow"] = "flow", ["YTD"] = "ytd", ["stock"] = "stock", ["rate"] = "rate",
  }
  for word, code in pairs(cases) do t.eq({ word, (basis.parse(word)) }, { word, code }) end
  local none, why = basis.parse("大概")
  t.eq(none, nil)
  t.match(why, "口径 \"大概\" 无法识别：可填 当期（当月、本月）、累计（1—N月累计、年初至今）、期末（月末、年末）、比率")
end)

test("an indicator's default basis and which bases fit it", function(t)
  t.eq(basis.default({ flow = true }), "ytd")
  t.eq(basis.default({ flow = 1, basis = "当期" }), "flow")
  t.eq(basis.default({ flow = false, unit = "%" }), "rate")
  t.eq(basis.default({ flow = false, unit = "家" }), "stock")
  t.ok(basis.fits("ytd", { flow = true }))
  t.ok(basis.fits("flow", { flow = 1 }))
  local ok, why = basis.fits("stock", { flow = true })
  t.eq(ok, false)
  t.match(why, "口径应为当期或累计，不能为期末")
  ok, why = basis.fits("ytd", { flow = false })
  t.eq(ok, false)
  t.match(why, "口径应为期末或比率，不能为累计")
end)

test("a cumulative target's trend line draws what the status is computed from, whatever the basis", function(t)
  local common = require "policytk.reports.common"
  local ytd = common.chart_points(series(MONTHS, "ytd"), "2025-06-30", nil, "2025-01-01")
  local flows, prev = {}, 0
  for i, m in ipairs(MONTHS) do flows[i] = { m[1], m[2] - prev }; prev = m[2] end
  local fl = common.chart_points(series(flows, "flow"), "2025-06-30", nil, "2025-01-01")
  local want = { 300, 600, 900, 1200, 1500, 1650 }
  for i, v in ipairs(want) do
    t.eq({ ytd[i].period, ytd[i].value }, { MONTHS[i][1], v })
    t.eq(fl[i].value, v)
  end
  t.eq(#ytd, 6)
  local raw = common.chart_points(series(flows, "flow"), "2025-06-30")   -- a level's line: the figures
  t.eq(raw[6].value, 150)
end)
