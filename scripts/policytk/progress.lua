-- policytk.progress: the status of a target from recorded figures — actual value by kind,
-- completion rate (完成率), schedule-proportional expectation (序时进度), their gap in points,
-- a status (achieved / on_track / lagging / behind / missed / no_data, shown 绿/黄/红/灰) and,
-- for level and growth_rate targets, the SDG required-versus-actual growth assessment.
--
--   local progress = require "policytk.progress"
--   local r = progress.evaluate(target, series, { as_of = "2024-09-30", thresholds = {...} })
--   local set = progress.dataset(conn, { city =, doc =, docs =, region = })   -- targets + figures
--   local records = set:evaluate_all("2024-09-30")                             -- worst first
--
-- Every record carries the numbers its status came from (actual, completion, schedule,
-- gap_points, window, the observations used) and a Chinese reason, so a report can say why a
-- target is red. docs/reports.md describes the rules.

local dates = require "policytk.progress.dates"

local M = {}

M.dates = dates

--- Default thresholds; a plugin overrides any of them with plugin{ progress = { … } }.
M.DEFAULTS = {
  lagging_points = 0,      -- gap (序时进度 − 完成率, points) above which a target is lagging
  behind_points = 10,      -- gap at or above which it is behind
  approx_tolerance = 0.05, -- "~" (左右) targets count as achieved within this fraction below
  substantial = 0.95,      -- SDG: R at or above → substantial progress
  moderate = 0.60,         -- SDG: R at or above → moderate (below: limited, below 0: deterioration)
}

M.STATUSES = { "missed", "behind", "lagging", "no_data", "on_track", "achieved" }
--- no_share is not a judgement and so not among the STATUSES counted in summaries: a county
--- a target is not split to (未分解), its figures shown, never compared (policytk.progress.data).
M.RANK = { missed = 1, behind = 2, lagging = 3, no_data = 4, on_track = 5, achieved = 6, no_share = 7 }
M.COLOR = { achieved = "绿", on_track = "绿", lagging = "黄", behind = "红", missed = "红", no_data = "灰",
            no_share = "灰" }
M.LABEL = { achieved = "已完成", on_track = "序时推进", lagging = "略有滞后", behind = "明显滞后",
            missed = "到期未完成", no_data = "暂无数据", no_share = "未分解" }
M.SDG_LABEL = { substantial = "显著进展", moderate = "中等进展", limited = "有限进展", deterioration = "倒退" }

--- thresholds merged over the defaults (unknown keys are ignored).
function M.thresholds(over)
  local t = {}
  for k, v in pairs(M.DEFAULTS) do t[k] = v end
  if type(over) == "table" then
    for k in pairs(M.DEFAULTS) do
      if type(over[k]) == "number" then t[k] = over[k] end
    end
  end
  return t
end

local EPS = 1e-9

-- The evaluation window of a target as of a date: start, deadline (recurring targets: the
-- current year / quarter / month of the plan).
local function window(t, as_of)
  local start = t.start or t.doc_start
  if t.year and (not start or start < string.format("%04d-01-01", t.year)) then
    start = string.format("%04d-01-01", t.year)
  end
  local deadline = t.deadline
  if t.every then
    local at = as_of
    if deadline and at > deadline then at = deadline end
    if start and at < start then at = start end
    local s, e = dates.enclosing(t.every, at)
    if not start or s > start then start = s end
    if not deadline or e < deadline then deadline = e end
  end
  return start or deadline, deadline
end
M.window = window

-- The latest observation of a list with period end on or before upto (ties: the finer one).
local GRAN_ORDER = { M = 3, Q = 2, Y = 1 }
local function latest_in(list, upto)
  local best
  for _, o in ipairs(list) do
    if o.e <= upto and (not best or o.e > best.e or (o.e == best.e and GRAN_ORDER[o.g] > GRAN_ORDER[best.g])) then
      best = o
    end
  end
  return best
end

-- Flow figures (当期) of one year inside the window, one granularity so that a year's total is
-- never counted twice: the annual figure, else the quarters plus the months no counted
-- quarter covers. Adds to used; returns the sum or nil.
local function year_of_flows(yr, used)
  if #yr.Y > 0 then
    used[#used + 1] = yr.Y[1]
    return yr.Y[1].value
  end
  local sum, covered = nil, {}
  for _, q in ipairs(yr.Q) do
    sum = (sum or 0) + q.value
    used[#used + 1] = q
    covered[q.period:sub(-1)] = true
  end
  for _, m in ipairs(yr.M) do
    local q = tostring((tonumber(m.period:sub(6, 7)) - 1) // 3 + 1)
    if not covered[q] then
      sum = (sum or 0) + m.value
      used[#used + 1] = m
    end
  end
  return sum
end

-- Year-to-date figures (累计, 1—N月累计) of one year: the latest one up to `upto` less the
-- latest one before `from` in the same year (the part of the year before the window), plus
-- the flows reported after that latest one. Returns the sum, or nil when the year has no
-- year-to-date figure inside the window.
local function year_of_ytd(ytd, flows, from, upto, used)
  local top = latest_in(ytd, upto)
  if not top or top.e < from then return nil end
  local base = latest_in(ytd, dates.add_days(from, -1))
  used[#used + 1] = top
  local sum = top.value
  if base then
    sum = sum - base.value
    used[#used + 1] = base
  end
  local after = { Y = {}, Q = {}, M = {} }                 -- 当期 figures after the latest 累计
  for _, g in ipairs({ "Q", "M" }) do
    for _, o in ipairs(flows[g]) do
      if o.e > top.e and dates.bounds(o.period) > top.e then after[g][#after[g] + 1] = o end
    end
  end
  return sum + (year_of_flows(after, used) or 0)
end

-- The flow of an indicator from `from` to `upto` (period end dates): per year, its
-- year-to-date figures when it has any (累计: the year's total so far is its latest figure,
-- never the sum of them), else its flows (当期). Observations without a basis are flows.
-- Returns sum, used (the observations it came from, oldest first); nil when none.
local function sum_flows(series, from, upto)
  local years = {}
  local function year(y)
    local yr = years[y]
    if not yr then yr = { flows = { Y = {}, Q = {}, M = {} }, ytd = {}, inside = false }; years[y] = yr end
    return yr
  end
  for _, o in ipairs(series) do
    if o.e <= upto then
      local yr = year(o.e:sub(1, 4))
      if o.basis == "ytd" then
        yr.ytd[#yr.ytd + 1] = o                    -- before `from` too: the base of the window
        if o.e >= from then yr.inside = true end
      elseif o.e >= from then
        local g = yr.flows[o.g]
        g[#g + 1] = o
        yr.inside = true
      end
    end
  end
  local sum, used, ys = nil, {}, {}
  for y, yr in pairs(years) do if yr.inside then ys[#ys + 1] = y end end
  table.sort(ys)
  for _, y in ipairs(ys) do
    local yr = years[y]
    local v = year_of_ytd(yr.ytd, yr.flows, from, upto, used)
    if v == nil then v = year_of_flows(yr.flows, used) end
    if v ~= nil then sum = (sum or 0) + v end
  end
  table.sort(used, function(a, b) return a.e < b.e end)
  return sum, used
end
M.sum_flows = sum_flows

-- The latest observation with period end on or before upto (ties: the finer period).
local latest = latest_in
M.latest = latest

-- The observation for year y (the annual figure, else December, else Q4).
local function at_year(series, y)
  local want = string.format("%04d-12-31", y)
  local best
  for _, o in ipairs(series) do
    if o.e == want and (not best or GRAN_ORDER[o.g] < GRAN_ORDER[best.g]) then best = o end
  end
  return best
end

-- The observation one year before o, with the same granularity.
local function year_before(series, o)
  local y = tonumber(o.period:sub(1, 4)) - 1
  local p = string.format("%04d", y) .. o.period:sub(5)
  for _, x in ipairs(series) do if x.period == p then return x end end
end

-- Years from date a to date b: whole months / 12 when both are month ends (period ends,
-- deadlines), else days / 365.25.
local function years_between(a, b)
  local function is_month_end(d)
    return dates.month_end(tonumber(d:sub(1, 4)), tonumber(d:sub(6, 7))) == d
  end
  if is_month_end(a) and is_month_end(b) then
    local months = (tonumber(b:sub(1, 4)) - tonumber(a:sub(1, 4))) * 12 + tonumber(b:sub(6, 7)) - tonumber(a:sub(6, 7))
    return months / 12
  end
  return (dates.days(b) - dates.days(a)) / 365.25
end
M.years_between = years_between

local function cagr(from, to, years)
  if not from or not to or from <= 0 or to <= 0 or years <= 0 then return nil end
  return ((to / from) ^ (1 / years) - 1) * 100
end

local function sdg_category(r, th)
  if r == nil then return nil end
  if r >= th.substantial - EPS then return "substantial" end
  if r >= th.moderate - EPS then return "moderate" end
  if r >= 0 then return "limited" end
  return "deterioration"
end

local function pct(x) return x and string.format("%.1f%%", x * 100) or "—" end

--- Evaluate one target. t: a target row (value, comparator, kind, start | doc_start, deadline,
--- year, every, base_year, base_value, ind_unit); series: observations
--- { period =, value =, ... } of its indicator and region (any order). opts.as_of (YYYY-MM-DD),
--- opts.thresholds (merged over M.DEFAULTS). Returns the status record.
function M.evaluate(t, series, opts)
  opts = opts or {}
  local th = opts.thresholds or M.DEFAULTS
  local as_of = assert(opts.as_of, "progress.evaluate: opts.as_of is required")
  series = dates.annotate(series or {})
  local start, deadline = window(t, as_of)
  local upto = as_of < deadline and as_of or deadline
  local r = {
    as_of = as_of, start = start, deadline = deadline, target = t.value, comparator = t.comparator,
    kind = t.kind, thresholds = th,
  }
  local is_rate_indicator = t.ind_unit == "%"
  local used = {}
  if t.kind == "cumulative_new" then
    r.actual, used = sum_flows(series, start, upto)
    r.method = "累计新增"
  elseif t.kind == "growth_rate" and not is_rate_indicator then
    local last = latest(series, upto)
    local base_v, base_d
    if t.base_year and t.base_value then
      base_v, base_d = t.base_value, string.format("%04d-12-31", t.base_year)
    else
      local b = (t.base_year and at_year(series, t.base_year)) or latest(series, dates.add_days(start, -1))
      if b then base_v, base_d = b.value, b.e; used[#used + 1] = b end
    end
    if last then
      used[#used + 1] = last
      r.latest = last.value
      local prev = year_before(series, last)
      if prev and prev.value ~= 0 then r.yoy = (last.value / prev.value - 1) * 100 end
      if base_v and base_d < last.e then
        r.actual = cagr(base_v, last.value, years_between(base_d, last.e))
        r.base_value, r.base_date = base_v, base_d
      end
    end
    r.method = "基期以来年均增速"
  else
    local last = latest(series, upto)
    if last then
      used[#used + 1] = last
      r.actual = last.value
      local prev = year_before(series, last)
      if prev and prev.value ~= 0 and not is_rate_indicator then r.yoy = (last.value / prev.value - 1) * 100 end
    end
    r.method = t.kind == "level" and "最新存量" or "最新值"
  end
  r.used = used
  r.last_period = #used > 0 and used[#used].period or nil
  local updated
  for _, o in ipairs(used) do
    if o.reported_at and (not updated or o.reported_at > updated) then updated = o.reported_at end
    if o.sample then r.sample = true end
  end
  r.updated = updated

  -- schedule (序时进度)
  local span = dates.days(deadline) - dates.days(start)
  local elapsed = dates.days(as_of) - dates.days(start)
  if span <= 0 then r.schedule = as_of >= deadline and 1 or 0
  else r.schedule = math.max(0, math.min(1, elapsed / span)) end

  local target = t.value
  if r.actual == nil then
    r.status = "no_data"
    r.reason = string.format("截至%s无%s数据", dates.day_text(as_of), (t.kind == "growth_rate" and not is_rate_indicator)
      and "可计算增速的（基期与最新）" or "")
  else
    local a = r.actual
    if t.comparator == "<=" then
      if a <= 0 then r.completion = (target >= a) and 1 or 0 else r.completion = target / a end
      r.achieved = a <= target + EPS
    else
      if target == 0 then r.completion = a >= 0 and 1 or 0 else r.completion = a / target end
      local need = t.comparator == "~" and (1 - th.approx_tolerance) or 1
      r.achieved = r.completion >= need - EPS
    end
    -- points, rounded to 1e-9 so that 50% − 45% is 5 and not 5.000000000000004
    r.gap_points = math.floor((r.schedule - r.completion) * 100 * 1e9 + 0.5) / 1e9
    if r.achieved then r.status = "achieved"
    elseif as_of > deadline then r.status = "missed"
    elseif r.gap_points <= th.lagging_points + EPS then r.status = "on_track"
    elseif r.gap_points < th.behind_points - EPS then r.status = "lagging"
    else r.status = "behind" end
    local gap
    if r.gap_points > EPS then gap = string.format("落后 %.1f 个百分点", r.gap_points)
    else gap = string.format("超前 %.1f 个百分点", -r.gap_points) end
    if r.status == "achieved" then
      r.reason = string.format("完成率 %s，已达目标", pct(r.completion))
    elseif r.status == "missed" then
      r.reason = string.format("期限 %s 已过，完成率 %s，未达目标", dates.day_text(deadline), pct(r.completion))
    else
      r.reason = string.format("完成率 %s，序时进度 %s，%s", pct(r.completion), pct(r.schedule), gap)
    end
  end

  -- SDG required-versus-actual growth (level and growth_rate targets)
  if t.kind == "level" or t.kind == "growth_rate" then
    local s = {}
    if t.kind == "growth_rate" then
      s.observed = r.actual
      s.required = target
    else
      local last = latest(series, upto)
      local base_v, base_d
      if t.base_year and t.base_value then
        base_v, base_d = t.base_value, string.format("%04d-12-31", t.base_year)
      else
        local b = (t.base_year and at_year(series, t.base_year)) or latest(series, dates.add_days(start, -1))
        if b then base_v, base_d = b.value, b.e end
      end
      if last and base_v and base_d < last.e then
        s.base_value, s.base_date, s.latest_date = base_v, base_d, last.e
        s.observed = cagr(base_v, last.value, years_between(base_d, last.e))
        s.required = cagr(base_v, target, years_between(base_d, deadline))
      end
    end
    if s.observed and s.required and math.abs(s.required) > EPS then
      s.ratio = s.observed / s.required
      s.category = sdg_category(s.ratio, th)
      s.label = M.SDG_LABEL[s.category]
    end
    if s.observed or s.required then r.sdg = s end
  end
  r.color = M.COLOR[r.status]
  r.label = M.LABEL[r.status]
  return r
end

--- Sort records worst first (status rank, then larger gap, then document order).
function M.sort(records)
  table.sort(records, function(a, b)
    local ra, rb = M.RANK[a.status], M.RANK[b.status]
    if ra ~= rb then return ra < rb end
    local ga, gb = a.gap_points or -math.huge, b.gap_points or -math.huge
    if ga ~= gb then return ga > gb end
    if a.city ~= b.city then return (a.city or "") < (b.city or "") end
    if a.doc ~= b.doc then return (a.doc or "") < (b.doc or "") end
    return (a.position or 0) < (b.position or 0)
  end)
  return records
end

--- Count records per status: { achieved =, on_track =, …, total = }.
function M.counts(records)
  local c = { total = #records }
  for _, s in ipairs(M.STATUSES) do c[s] = 0 end
  for _, r in ipairs(records) do c[r.status] = (c[r.status] or 0) + 1 end
  return c
end

M.dataset = function(...) return require("policytk.progress.data").dataset(...) end

return M
