-- policytk.progress on hand-made cases: every kind and comparator at the start, halfway, the
-- deadline and after; flows never double-counted; SDG growth categories; thresholds; dates.

local progress = require "policytk.progress"
local dates = require "policytk.progress.dates"

-- A target running 2023-01-01 .. 2024-12-31 (730 days: 2024-01-01 is exactly halfway).
local function target(over)
  local t = { value = 1000, comparator = ">=", kind = "cumulative_new", start = "2023-01-01",
              deadline = "2024-12-31", ind_unit = "家" }
  for k, v in pairs(over or {}) do t[k] = v end
  return t
end

local function obs(list)
  local out = {}
  for i, pv in ipairs(list) do out[i] = { period = pv[1], value = pv[2] } end
  return out
end

local function ev(t, series, as_of, th)
  return progress.evaluate(t, obs(series), { as_of = as_of, thresholds = th and progress.thresholds(th) })
end

local FLOWS = { { "2023", 300 }, { "2023-Q4", 100 }, { "2024-01", 50 }, { "2024-02", 50 }, { "2024-03", 50 },
                { "2024-04", 50 }, { "2024-05", 50 }, { "2024-06", 50 } }

test("dates: day numbers, bounds, previous, enclosing", function(t)
  t.eq(dates.days("1970-01-01"), 0)
  t.eq(dates.days("2024-01-01") - dates.days("2023-01-01"), 365)
  t.eq(dates.date(dates.days("2024-02-29")), "2024-02-29")
  t.eq({ dates.bounds("2024-Q1") }, { "2024-01-01", "2024-03-31", "Q" })
  t.eq({ dates.bounds("2024-02") }, { "2024-02-01", "2024-02-29", "M" })
  t.eq({ dates.bounds("2023") }, { "2023-01-01", "2023-12-31", "Y" })
  t.eq(dates.bounds("2023-13"), nil)
  t.eq(dates.previous("2024-Q1"), "2023-Q4")
  t.eq(dates.previous("2024-01"), "2023-12")
  t.eq({ dates.enclosing("quarter", "2024-05-17") }, { "2024-04-01", "2024-06-30" })
end)

test("cumulative_new >=: start, halfway, mid-year, deadline, after", function(t)
  local tg = target()
  local r = ev(tg, FLOWS, "2023-01-01")
  t.eq({ r.status, r.actual, r.completion, r.schedule }, { "no_data", nil, nil, 0 })
  r = ev(tg, FLOWS, "2024-01-01")            -- the 2023 total counts once (Q4 inside it is not added)
  t.eq({ r.status, r.actual, r.completion, r.schedule, r.gap_points }, { "behind", 300, 0.3, 0.5, 20.0 })
  t.eq(r.color, "红")
  t.eq(r.reason, "完成率 30.0%，序时进度 50.0%，落后 20.0 个百分点")
  r = ev(tg, FLOWS, "2024-06-30")
  t.eq(r.actual, 600)
  t.near(r.schedule, 546 / 730, 1e-12)
  t.near(r.gap_points, (546 / 730 - 0.6) * 100, 1e-9)
  t.eq(r.status, "behind")
  local with_year = { table.unpack(FLOWS) }
  with_year[#with_year + 1] = { "2024", 800 }   -- the annual 2024 figure replaces its months
  r = ev(tg, with_year, "2024-12-31")
  t.eq({ r.status, r.actual, r.completion, r.schedule }, { "achieved", 1100, 1.1, 1 })
  t.eq(r.color, "绿")
  r = ev(tg, FLOWS, "2025-06-30")
  t.eq({ r.status, r.actual, r.completion, r.color }, { "missed", 600, 0.6, "红" })
  t.eq(r.reason, "期限 2024年12月31日 已过，完成率 60.0%，未达目标")
end)

test("lagging vs behind vs on_track, and thresholds a plugin overrides", function(t)
  local tg = target()
  local s = { { "2023", 450 } }
  local r = ev(tg, s, "2024-01-01")
  t.eq({ r.status, r.gap_points, r.color }, { "lagging", 5.0, "黄" })
  t.eq(ev(tg, s, "2024-01-01", { behind_points = 4 }).status, "behind")
  t.eq(ev(tg, s, "2024-01-01", { lagging_points = 6 }).status, "on_track")
  t.eq(ev(tg, { { "2023", 400 } }, "2024-01-01").status, "behind")     -- exactly 10 points: behind
  t.eq(ev(tg, { { "2023", 500 } }, "2024-01-01").status, "on_track")   -- exactly on schedule
  t.eq(progress.thresholds({ behind_points = 15, bogus = 1 }).behind_points, 15)
  t.eq(progress.thresholds({ bogus = 1 }).bogus, nil)
end)

test("no figures is no_data, never 0; a zero figure is a figure", function(t)
  local r = ev(target(), {}, "2024-06-30")
  t.eq({ r.status, r.actual, r.completion, r.color, r.label }, { "no_data", nil, nil, "灰", "暂无数据" })
  r = ev(target(), {}, "2025-06-30")          -- past the deadline without figures: still no_data
  t.eq(r.status, "no_data")
  r = ev(target(), { { "2023", 0 } }, "2024-01-01")
  t.eq({ r.status, r.actual, r.completion }, { "behind", 0, 0.0 })
end)

test("level >=: the latest stock on or before the date", function(t)
  local tg = target({ kind = "level", value = 200 })
  local s = { { "2022", 100 }, { "2024-06", 160 }, { "2024-Q2", 150 } }
  local r = ev(tg, s, "2023-01-01")
  t.eq({ r.status, r.actual, r.completion, r.schedule }, { "on_track", 100, 0.5, 0 })
  r = ev(tg, s, "2024-01-01")
  t.eq({ r.status, r.actual, r.completion, r.gap_points }, { "on_track", 100, 0.5, 0.0 })
  r = ev(tg, s, "2024-06-30")                 -- month and quarter end together: the month wins
  t.eq({ r.actual, r.last_period }, { 160, "2024-06" })
  r = ev(tg, s, "2024-12-31")
  t.eq({ r.status, r.actual, r.gap_points }, { "behind", 160, 20.0 })    -- on the deadline: not yet missed
  r = ev(tg, s, "2025-01-01")
  t.eq({ r.status, r.completion }, { "missed", 0.8 })
end)

test("level: SDG required-versus-actual growth, every category", function(t)
  local tg = target({ kind = "level", value = 144, base_year = 2022, base_value = 100 })
  local function sdg(v)
    return ev(tg, { { "2023", v } }, "2023-12-31").sdg
  end
  local s = sdg(121)
  t.near(s.observed, 21, 1e-9)
  t.near(s.required, 20, 1e-9)
  t.near(s.ratio, 1.05, 1e-9)
  t.eq({ s.category, s.label }, { "substantial", "显著进展" })
  t.eq(sdg(115).category, "moderate")
  t.near(sdg(115).ratio, 0.75, 1e-9)
  t.eq(sdg(105).category, "limited")
  t.eq(sdg(90).category, "deterioration")
  t.near(sdg(90).ratio, -0.5, 1e-9)
  -- thresholds: substantial from 0.7
  local r = progress.evaluate(tg, obs({ { "2023", 115 } }),
    { as_of = "2023-12-31", thresholds = progress.thresholds({ substantial = 0.7 }) })
  t.eq(r.sdg.category, "substantial")
  -- base from the figures: the latest stock before the start
  local r2 = ev(target({ kind = "level", value = 144 }), { { "2022", 100 }, { "2023", 121 } }, "2023-12-31")
  t.eq({ r2.sdg.base_value, r2.sdg.base_date }, { 100, "2022-12-31" })
  t.near(r2.sdg.ratio, 1.05, 1e-9)
end)

test("growth_rate: a rate indicator's latest rate; a stock's annual rate since the base", function(t)
  local rate = target({ kind = "growth_rate", value = 6, ind_unit = "%" })
  local r = ev(rate, { { "2023", 5.4 } }, "2024-01-01")
  t.eq({ r.status, r.actual }, { "on_track", 5.4 })
  t.near(r.completion, 0.9, 1e-12)
  t.near(r.sdg.ratio, 0.9, 1e-12)
  t.eq(r.sdg.category, "moderate")
  r = ev(rate, { { "2023", 5.4 }, { "2024", 6.5 } }, "2024-12-31")
  t.eq(r.status, "achieved")
  local stock = target({ kind = "growth_rate", value = 10, base_year = 2022, base_value = 100 })
  r = ev(stock, { { "2023", 110 }, { "2024", 121 } }, "2024-12-31")
  t.near(r.actual, 10, 1e-9)       -- (121/100)^(1/2) − 1
  t.near(r.yoy, 10, 1e-9)          -- 121 / 110 − 1
  t.eq(r.status, "achieved")
  t.near(r.sdg.ratio, 1, 1e-9)
  r = ev(stock, { { "2023", 104 } }, "2024-01-01")
  t.near(r.actual, 4, 1e-9)
  t.near(r.completion, 0.4, 1e-9)
  t.eq(r.status, "behind")
  -- no base and no figure before the start: no rate can be computed
  r = ev(target({ kind = "growth_rate", value = 10 }), { { "2023", 110 } }, "2024-01-01")
  t.eq({ r.status, r.actual }, { "no_data", nil })
end)

test("share >= and ~ (左右) targets", function(t)
  local tg = target({ kind = "share", value = 70, ind_unit = "%" })
  local r = ev(tg, { { "2024-06", 63 } }, "2024-06-30")
  t.near(r.completion, 0.9, 1e-12)
  t.eq(r.status, "on_track")
  r = ev(tg, { { "2024-06", 63 } }, "2024-12-31")
  t.eq(r.status, "behind")
  r = ev(tg, { { "2024", 70 } }, "2024-12-31")
  t.eq(r.status, "achieved")
  local approx = target({ kind = "share", value = 95, comparator = "~", ind_unit = "%" })
  t.eq(ev(approx, { { "2024", 91 } }, "2024-12-31").status, "achieved")     -- 95.8% ≥ 95%
  t.eq(ev(approx, { { "2024", 90 } }, "2024-12-31").status, "lagging")      -- 94.7%: 5.3 points short
  t.eq(ev(approx, { { "2024", 90 } }, "2025-01-31").status, "missed")
  t.eq(ev(approx, { { "2024", 90 } }, "2024-12-31", { approx_tolerance = 0.06 }).status, "achieved")
  local exact = target({ kind = "share", value = 100, comparator = "=", ind_unit = "%" })
  t.eq(ev(exact, { { "2024", 100 } }, "2024-12-31").status, "achieved")
  t.eq(ev(exact, { { "2024", 99 } }, "2025-01-01").status, "missed")
end)

test("duration <=: inverted completion", function(t)
  local tg = target({ kind = "duration", value = 6, comparator = "<=", ind_unit = "个工作日" })
  local r = ev(tg, { { "2023", 8 } }, "2024-01-01")
  t.eq({ r.status, r.actual, r.completion }, { "on_track", 8, 0.75 })
  r = ev(tg, { { "2023", 8 } }, "2023-01-01")
  t.eq({ r.status, r.schedule }, { "no_data", 0 })
  r = ev(tg, { { "2023", 8 }, { "2024", 5 } }, "2024-12-31")
  t.eq({ r.status, r.completion }, { "achieved", 1.2 })
  r = ev(tg, { { "2023", 8 } }, "2025-03-31")
  t.eq({ r.status, r.completion }, { "missed", 0.75 })
  r = ev(tg, { { "2023", 0 } }, "2024-01-01")
  t.eq({ r.status, r.completion }, { "achieved", 1 })
  local lvl = target({ kind = "level", value = 50, comparator = "<=" })
  t.eq(ev(lvl, { { "2023", 100 } }, "2024-01-01").status, "on_track")    -- 50% vs 50%
  t.eq(ev(lvl, { { "2023", 40 } }, "2024-01-01").status, "achieved")
end)

test("recurring (every year) and one-year targets use the current year's window", function(t)
  local tg = target({ value = 100, start = "2023-01-01", deadline = "2025-12-31", every = "year" })
  local s = { { "2023", 500 }, { "2024-01", 10 }, { "2024-02", 10 }, { "2024-03", 10 }, { "2024-04", 10 },
              { "2024-05", 10 }, { "2024-06", 10 } }
  local r = ev(tg, s, "2024-06-30")
  t.eq({ r.start, r.deadline, r.actual, r.completion }, { "2024-01-01", "2024-12-31", 60, 0.6 })
  t.near(r.schedule, 181 / 365, 1e-12)
  t.eq(r.status, "on_track")
  local one = target({ value = 100, start = nil, doc_start = "2023-01-01", year = 2024, deadline = "2024-12-31" })
  r = ev(one, s, "2024-06-30")
  t.eq({ r.start, r.actual }, { "2024-01-01", 60 })
end)

test("flows: quarters, and months no counted quarter covers", function(t)
  local s = dates.annotate(obs({ { "2024-Q1", 30 }, { "2024-02", 99 }, { "2024-04", 10 }, { "2024-05", 10 } }))
  local sum, used = progress.sum_flows(s, "2024-01-01", "2024-12-31")
  t.eq(sum, 50)
  t.eq(#used, 3)
  t.eq(progress.sum_flows(s, "2025-01-01", "2025-12-31"), nil)
end)

test("sort worst first and counts", function(t)
  local recs = { { status = "on_track", gap_points = -5 }, { status = "missed" }, { status = "behind", gap_points = 12 },
                 { status = "behind", gap_points = 30 }, { status = "no_data" }, { status = "achieved" },
                 { status = "lagging", gap_points = 3 } }
  progress.sort(recs)
  local got = {}
  for i, r in ipairs(recs) do got[i] = r.status .. (r.gap_points and ("/" .. r.gap_points) or "") end
  t.eq(got, { "missed", "behind/30", "behind/12", "lagging/3", "no_data", "on_track/-5", "achieved" })
  local c = progress.counts(recs)
  t.eq({ c.total, c.behind, c.achieved, c.lagging }, { 7, 2, 1, 1 })
end)
