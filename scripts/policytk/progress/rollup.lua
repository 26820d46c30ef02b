-- policytk.progress.rollup: progress records grouped — by lead unit (which unit has how many red
-- targets), by document, by 七大体系 / 总体任务 group — and a target's county breakdown (each
-- county against its share, the counties without one as 未分解 with their figures), with the
-- check that county figures sum to the city (never for rates).
--
--   rollup.by(records, "unit" | "doc" | "group" | "city")  → groups, reddest first
--   rollup.counties(set, t, as_of)                          → { rows =, sum =, city_actual =, consistent = }
--
-- Capability: progress: completion, 序时进度 and status (entry policytk.progress; map in docs/architecture.md).

local progress = require "policytk.progress"

local M = {}

M.NO_UNIT = "（未指定牵头单位）"
M.NO_GROUP = "（未分组）"

local KEYS = {
  unit = function(r)
    if r.lead_units and #r.lead_units > 0 then return r.lead_units end
    return { M.NO_UNIT }
  end,
  doc = function(r) return { r.doc } end,
  city = function(r) return { r.city } end,
  group = function(r) return { r.group_name or r.group or M.NO_GROUP } end,
}

local RED = { behind = true, missed = true }
M.RED = RED

--- Group records by key ("unit" | "doc" | "group" | "city", or a function(record) → list of
--- keys). Each group: { key =, total =, red =, counts = {status → n}, red_targets = {records},
--- worst = status }. Sorted by red count, then yellow, then key.
function M.by(records, key)
  local fn = type(key) == "function" and key or KEYS[key]
  assert(fn, "rollup.by: unknown key " .. tostring(key))
  local groups, order = {}, {}
  for _, r in ipairs(records) do
    for _, k in ipairs(fn(r)) do
      local g = groups[k]
      if not g then
        g = { key = k, total = 0, red = 0, yellow = 0, counts = {}, red_targets = {}, worst = "achieved" }
        for _, s in ipairs(progress.STATUSES) do g.counts[s] = 0 end
        groups[k] = g
        order[#order + 1] = g
      end
      g.total = g.total + 1
      g.counts[r.status] = (g.counts[r.status] or 0) + 1
      if RED[r.status] then g.red = g.red + 1; g.red_targets[#g.red_targets + 1] = r end
      if r.status == "lagging" then g.yellow = g.yellow + 1 end
      if progress.RANK[r.status] < progress.RANK[g.worst] then g.worst = r.status end
    end
  end
  table.sort(order, function(a, b)
    if a.red ~= b.red then return a.red > b.red end
    if a.yellow ~= b.yellow then return a.yellow > b.yellow end
    return a.key < b.key
  end)
  return order
end

local function by_completion(a, b)
  local ca, cb = a.completion or -math.huge, b.completion or -math.huge
  if ca ~= cb then return ca > cb end
  return a.region < b.region
end

local function by_figure(a, b)
  local ca, cb = a.actual or -math.huge, b.actual or -math.huge
  if ca ~= cb then return ca > cb end
  return a.region < b.region
end

local function ranked(list, order)
  table.sort(list, order)
  for i, r in ipairs(list) do r.rank = i end
  return list
end

--- A target's counties as of a date. Each county with a share (target{ shares = … } or
--- `policytk assign`, staff over plugin) is evaluated against it (r.share, r.share_source) and
--- ranked by completion; then each other county that reports figures, as no_share (未分解: its
--- figure, no status), ranked by figure among themselves. sum: the counties' total (nil for
--- rates), city_actual: the city's own figure, consistent: whether they agree (nil when either
--- is missing).
function M.counties(set, t, as_of)
  local rate = t.ind_unit == "%"
  local shared, split = {}, {}
  for _, s in ipairs(t.shares or {}) do
    shared[#shared + 1] = set:evaluate(t, as_of, { region = s.region, value = s.value, source = s.source })
    split[s.region] = true
  end
  local others = {}
  for _, reg in ipairs(set.regions[t.city] or {}) do
    if not split[reg.code] and #set:series(t.indicator, reg.code, t.ind_unit) > 0 then
      others[#others + 1] = set:evaluate(t, as_of, { region = reg.code })
    end
  end
  local rows = ranked(shared, by_completion)
  for _, r in ipairs(ranked(others, by_figure)) do rows[#rows + 1] = r end
  local out = { rows = rows, rate = rate }
  if not rate and #rows > 0 then
    local sum, any = 0, false
    for _, r in ipairs(rows) do if r.actual then sum = sum + r.actual; any = true end end
    out.sum = any and sum or nil
    local own = set:series(t.indicator, t.city_code or set.cities[t.city].code, t.ind_unit)
    local derived = own[1] and own[1].from_counties
    if not derived then
      local city = set:evaluate(t, as_of, { region = set.cities[t.city].code })
      out.city_actual = city.actual
      if out.sum and out.city_actual then
        out.consistent = math.abs(out.sum - out.city_actual) <= 1e-6 * math.max(1, math.abs(out.city_actual))
      end
    end
  end
  return out
end

return M
