-- policytk.progress.data: the targets and figures progress is computed from, read from the
-- database once — targets with their document, indicator, lead units (policytk.data.queries
-- .lead_units, the one rule), contact, group and county shares (policytk.data.shares: staff
-- over plugin); the observation series of an indicator in a region (cached, fetched through
-- the unique index).
--
-- A county is compared with its own share of a target, never with the city's value: a
-- record evaluated for a county carries share and share_source ("plugin" | "staff") and a
-- reason "对照分解目标 600家（文件下达）：…"; a county the target is not split to gets status
-- no_share (灰 未分解, reason 未分解到该县（市、区）) with its figures but no 完成率.
--
--   local set = require("policytk.progress.data").dataset(conn, { city =, doc =, docs =, region =,
--                                                                thresholds = { [city] = {…} } })
--   set.targets                       -- rows, document order
--   set:series(indicator, region)     -- observations, oldest first
--   set:evaluate(t, as_of [, over])   -- status record (over: { region =, value =, source = })
--   set:evaluate_all(as_of)           -- every target, worst first
--
-- Capability: progress: completion, 序时进度 and status (entry policytk.progress; map in docs/architecture.md).

local cli = require "policytk.cli"
local log = require "policytk.log"
local NULL = require("policytk.db").NULL
local store = require "policytk.data.store"
local queries = require "policytk.data.queries"
local shares = require "policytk.data.shares"
local progress = require "policytk.progress"
local dates = require "policytk.progress.dates"

local M = {}

local function common_number(v, unit) return require("policytk.reports.common").number(v, unit) end

local TARGETS = [[
SELECT c.id AS city, c.name AS city_name, c.code AS city_code, d.doc, d.title AS doc_title,
  d.period_start AS doc_start, d.period_end AS doc_end,
  t.id AS row_, t.tid, t.section, t.indicator, t.quote, t.value, t.unit, t.comparator, t.kind, t.start, t.deadline,
  t.year, t.every, t.measure, t.grp, t.region AS target_region, t.base_year,
  t.base_value, t.shares, t.note, t.position,
  g.name AS group_name, g.section AS group_section,
  m.section AS measure_section, m.title AS measure_title,
  m.contact_name, m.contact_phone
FROM targets t
JOIN documents d ON d.id = t.document AND d.withdrawn = 0
JOIN cities c ON c.id = d.city
LEFT JOIN groups g ON g.document = d.id AND g.gid = t.grp
LEFT JOIN measures m ON m.document = d.id AND m.mid = t.measure
WHERE t.status = 'active' AND (?1 IS NULL OR c.id = ?1) AND (?2 IS NULL OR d.doc = ?2)
ORDER BY c.id, d.doc, t.position]]

local Set = {}
Set.__index = Set

--- Load the targets (and what they need) for opts.city / opts.doc / opts.docs.
function M.dataset(conn, opts)
  opts = opts or {}
  local self = setmetatable({ conn = conn, opts = opts, cache = {}, targets = {}, indicators = {},
                              regions = {}, region_names = {}, cities = {} }, Set)
  local wanted_docs
  if opts.docs then
    wanted_docs = {}
    for _, d in ipairs(opts.docs) do wanted_docs[d] = true end
  end
  for _, r in ipairs(store.all(conn, "SELECT id, name, code FROM cities")) do
    self.cities[r.id] = r
    self.region_names[r.code] = r.name
  end
  for _, r in ipairs(store.all(conn, "SELECT code, city, name FROM regions ORDER BY code")) do
    local list = self.regions[r.city] or {}
    list[#list + 1] = r
    self.regions[r.city] = list
    self.region_names[r.code] = r.name
  end
  for _, r in ipairs(store.all(conn, "SELECT city, code, name, unit, flow FROM indicators ORDER BY city IS NULL")) do
    local key = (r.city or "") .. "|" .. r.code
    self.indicators[key] = r
  end
  local leads = queries.lead_units(conn, { city = opts.city, doc = opts.doc })
  local split = shares.effective(conn, { city = opts.city, doc = opts.doc })
  for _, t in ipairs(store.all(conn, TARGETS, opts.city, opts.doc)) do
    if not wanted_docs or wanted_docs[t.doc] then
      local ind = self:indicator(t.city, t.indicator)
      t.indicator_name = ind and ind.name or t.indicator
      t.ind_unit = ind and ind.unit or t.unit
      t.flow = ind and ind.flow == 1
      t.lead_units = leads[t.row_] or {}
      t.contact = t.contact_name and (t.contact_name .. (t.contact_phone and (" " .. t.contact_phone) or "")) or nil
      t.group = t.grp
      t.shares = split[shares.key(t.city, t.doc, t.tid)] or {}
      t.region = opts.region or t.target_region or t.city_code
      t.region_name = self.region_names[t.region] or t.region
      t.id = t.tid
      self.targets[#self.targets + 1] = t
    end
  end
  return self
end

--- The indicator row for a code as a city sees it (its own first, then the catalog).
function Set:indicator(city, code)
  return self.indicators[(city or "") .. "|" .. code] or self.indicators["|" .. code]
end

-- The observation rows of an indicator in one region, through one prepared statement.
function Set:observations(indicator, region)
  if not self.stmt then
    self.stmt = self.conn:prepare("SELECT period, value, unit, source, note, reported_at, basis FROM observations "
      .. "WHERE indicator = ? AND region = ?")
  end
  return self.stmt:rows(indicator, region)
end

--- Observations of indicator in region, oldest first. Figures in a unit other than the
--- indicator's raise a named error (unit_mismatch).
function Set:series(indicator, region, unit)
  local key = indicator .. "|" .. region
  local s = self.cache[key]
  if s then return s end
  s = {}
  for row in self:observations(indicator, region) do
    s[#s + 1] = store.clean({ period = row.period, value = row.value, unit = row.unit, source = row.source,
                              note = row.note, reported_at = row.reported_at, basis = row.basis })
  end
  if #s == 0 and unit ~= "%" then s = self:county_sum(indicator, region) end
  dates.annotate(s)
  table.sort(s, function(a, b) if a.e ~= b.e then return a.e < b.e end return a.g < b.g end)
  if unit then
    local bad = {}
    for _, o in ipairs(s) do
      if o.unit and o.unit ~= unit then bad[#bad + 1] = string.format("%s（%s）", o.period, o.unit) end
    end
    if #bad > 0 then
      local name = self.region_names and self.region_names[region]
      cli.fail("unit_mismatch: 指标 %s 在%s的数据单位与指标单位（%s）不同：%s", indicator,
        name and (name .. "（" .. region .. "）") or region, unit,
        table.concat(bad, "、", 1, math.min(#bad, 5)) .. (#bad > 5 and " …" or ""))
    end
  end
  self.cache[key] = s
  return s
end

--- For a city code with no figures of its own: the sums of its counties' figures per period
--- (rates are never summed; the caller skips them). Each derived figure has from_counties = n.
--- Counties that report one period on different bases (one 累计, another 当期) cannot be
--- added: that period is left out of the sum, with a warning naming it.
function Set:county_sum(indicator, region)
  local city
  for id, c in pairs(self.cities) do if c.code == region then city = id end end
  if not city or not self.regions[city] then return {} end
  local by_period, order = {}, {}
  for _, r in ipairs(self.regions[city]) do
    for row in self:observations(indicator, r.code) do
      local o = by_period[row.period]
      if not o then
        o = store.clean({ period = row.period, value = 0, unit = row.unit, source = row.source, note = row.note,
                          reported_at = row.reported_at, from_counties = 0, basis = row.basis })
        by_period[row.period] = o
        order[#order + 1] = o
      end
      if (row.basis ~= NULL and row.basis or nil) ~= o.basis then o.mixed_basis = true end
      o.value = o.value + row.value
      o.from_counties = o.from_counties + 1
      local rep = row.reported_at
      if rep and (not o.reported_at or rep > o.reported_at) then o.reported_at = rep end
    end
  end
  local kept = {}
  for _, o in ipairs(order) do
    if o.mixed_basis then
      log.warn("警告: %s 在 %s 的 %s 期各县（市、区）报送口径不一致（累计与当期混报），未合计为全市数",
        indicator, self.region_names and self.region_names[region] or region, o.period)
    else
      kept[#kept + 1] = o
    end
  end
  return kept
end

--- The thresholds of a city (plugin{ progress = … } merged over the defaults).
function Set:thresholds(city)
  local by_city = self.opts.thresholds or {}
  self.th = self.th or {}
  if not self.th[city] then self.th[city] = progress.thresholds(by_city[city]) end
  return self.th[city]
end

local COPY = { "city", "city_name", "doc", "doc_title", "tid", "id", "section", "indicator", "indicator_name",
               "quote", "unit", "ind_unit", "lead_units", "contact", "contact_name", "contact_phone", "measure", "measure_title",
               "measure_section", "group", "group_name", "region", "region_name", "note", "position", "every",
               "year", "shares", "flow" }

-- The value target t is compared with in region: its share there (value, source), or nil
-- when region is the target's own (the city, or the county a county target is for), or false
-- when region is a county the target is not split to. over.value: a share the caller gives.
local function share_for(t, region, over)
  if over.value then return over.value, over.source end
  if region == t.city_code or region == t.target_region then return nil end
  for _, s in ipairs(t.shares or {}) do
    if s.region == region then return s.value, s.source end
  end
  return false
end

M.NO_SHARE_REASON = "未分解到该县（市、区）"

-- A county record without a share: its figures, no comparison.
local function no_share(r)
  r.completion, r.gap_points, r.achieved, r.sdg = nil, nil, nil, nil
  r.status = "no_share"
  r.reason = M.NO_SHARE_REASON
end

local SOURCE_TEXT = { plugin = "文件下达", staff = "人工录入" }

--- Evaluate target t as of a date, for over.region (default the target's region). A county
--- is compared with its share (over.value, else the target's share there; r.share,
--- r.share_source) or, without one, is no_share; r.value stays the target's own value.
function Set:evaluate(t, as_of, over)
  over = over or {}
  local region = over.region or t.region
  local share, source = share_for(t, region, over)
  local tt = t
  if share then tt = setmetatable({ value = share }, { __index = t }) end
  local r = progress.evaluate(tt, self:series(t.indicator, region, t.ind_unit),
    { as_of = as_of, thresholds = self:thresholds(t.city) })
  for _, k in ipairs(COPY) do r[k] = t[k] end
  r.region = region
  r.region_name = self.region_names[region] or region
  r.value = t.value
  if share then
    r.share, r.share_source = share, source
    r.reason = string.format("对照分解目标 %s%s：%s", common_number(share, t.unit),
      SOURCE_TEXT[source] and ("（" .. SOURCE_TEXT[source] .. "）") or "", r.reason)
  elseif share == false then
    no_share(r)
  end
  r.color, r.label = progress.COLOR[r.status], progress.LABEL[r.status]
  return r
end

--- Every target evaluated as of a date, worst first.
function Set:evaluate_all(as_of)
  local out = {}
  for i, t in ipairs(self.targets) do out[i] = self:evaluate(t, as_of) end
  return progress.sort(out)
end

--- The latest reported_at over the observations read so far (the data's last update).
function Set:updated()
  local u
  for _, s in pairs(self.cache) do
    for _, o in ipairs(s) do if o.reported_at and (not u or o.reported_at > u) then u = o.reported_at end end
  end
  return u
end

--- True when any observation read so far is a 示例数据 (sample) figure.
function Set:has_samples()
  for _, s in pairs(self.cache) do
    for _, o in ipairs(s) do if o.sample then return true end end
  end
  return false
end

function Set:close()
  if self.stmt then self.stmt:close(); self.stmt = nil end
end

return M
