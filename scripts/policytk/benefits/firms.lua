-- policytk.benefits.firms: firm records read back from the enterprise register, for benefit
-- rules, `policytk match` and `explain`: the register queries, the record builder and the
-- decoded JSON columns. (The register's template is policytk.benefits.firm_template, its
-- import policytk.benefits.firm_import.)
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local json = require "policytk.json"
local NULL = require("policytk.db").NULL

local M = {}

-- JSON object keys are strings: give per-year tables ({"2024": …}) their integer years back.
local function year_keys(t)
  if type(t) ~= "table" then return t end
  local out = {}
  for k, v in pairs(t) do
    local y = type(k) == "string" and k:match("^%d%d%d%d$") and tonumber(k) or k
    out[y] = year_keys(v)
  end
  return out
end

-- JSON texts decoded once per iteration: a register repeats the same awards and extra texts
-- (most firms have none, many share a few flags), and the records only read them. At most
-- DECODED_MAX distinct texts are kept; past that, each record decodes its own.
local DECODED_MAX = 4096

local function decoder(convert)
  local cache, n = {}, 0
  return function(text)
    local v = cache[text]
    if v == nil then
      v = convert(json.decode(text))
      if n < DECODED_MAX then cache[text], n = v, n + 1 end
    end
    return v
  end
end

local function award_years(list)
  for _, a in ipairs(list) do a.year = math.tointeger(a.year) or a.year end
  return list
end

-- The JSON columns decoded once per distinct text (shared: treat them as read-only): awards a
-- list of { level, name, year }, extra with NAME_YYYY columns as { [year] = value }.
local decode_awards, decode_extra = decoder(award_years), decoder(year_keys)

--- The decoded text of the JSON column `column` ("awards" or "extra"), decoded once per
--- distinct text (shared: treat it as read-only).
function M.decode(column, text)
  return (column == "awards" and decode_awards or decode_extra)(text)
end

--- A record builder: build(code, name, kind, region, industry, founded, employees,
--- above_scale_since, high_tech_until, tech_sme, specialized, awards, extra) → the firm record
--- (nil for NULL; revenue and assets empty, to be filled by year). The JSON columns are decoded
--- once per distinct text for the builder's life, so records share them: treat records as
--- read-only.
function M.record_builder()
  local awards_of = decoder(award_years)
  local extra_of = decoder(year_keys)
  return function(code, name, kind, region, industry, founded, employees, above, ht, tech_sme, specialized,
                  awards, extra)
    return {
      credit_code = code, name = name, kind = kind, region = region,
      industry = industry or "", founded = founded, employees = employees or 0,
      above_scale_since = above, high_tech_until = ht, tech_sme = tech_sme == 1,
      specialized = specialized,
      awards = awards == "[]" and {} or awards_of(awards),
      extra = extra == "{}" and {} or extra_of(extra), revenue = {}, assets = {},
    }
  end
end

--- The region codes of a city (?1): its districts and counties, and the city's own code.
M.CITY_REGIONS_SQL = "SELECT code FROM regions WHERE city = ?1 UNION ALL SELECT code FROM cities WHERE id = ?1"

--- The register query (13 columns, in record_builder's order) and the firm-years query (code,
--- year, revenue, assets), both in credit-code order, for a filter { region =, city =,
--- credit_code = }; and the values to bind to both (nil for none). The years query reads every
--- firm's years unless a region or a code is given: a merge by code (as M.each does) skips the
--- others, and that costs less than joining each year to its firm. one_year: the years query
--- gives (code, revenue, assets) of the year bound as ?4 only (the register query leaves ?4
--- unused), read through the index firm_years_by_year rather than past every other year.
function M.queries(filter, one_year)
  filter = filter or {}
  local where = [[
    WHERE (?1 IS NULL OR f.region = ?1)
      AND (?2 IS NULL OR f.region IN (]] .. M.CITY_REGIONS_SQL:gsub("%?1", "?2") .. [[))
      AND (?3 IS NULL OR f.credit_code = ?3)]]
  -- every query names ?1 … ?3, so that one list of values binds them all
  local years = "SELECT y.credit_code, y.year, y.revenue, y.assets FROM firm_years y"
  if filter.credit_code then
    years = years .. " WHERE y.credit_code = ?3 AND coalesce(?1, ?2, 1) IS NOT NULL"
  elseif filter.region then
    years = years .. " JOIN firms f ON f.credit_code = y.credit_code" .. where
  else
    years = years .. " WHERE coalesce(?1, ?2, ?3, 1) IS NOT NULL"
  end
  local binds = { filter.region, filter.city, filter.credit_code }
  if one_year then
    years = years:gsub("y%.year, ", "", 1) .. " AND y.year = ?4"     -- the year is known
  end
  return [[SELECT f.credit_code, f.name, f.kind, f.region, f.industry, f.founded, f.employees,
      f.above_scale_since, f.high_tech_until, f.tech_sme, f.specialized, f.awards, f.extra FROM firms f]]
      .. where .. " ORDER BY f.credit_code",
    years .. " ORDER BY y.credit_code, y.year", binds
end

--- Iterate over firm records (the enterprise record of docs/plugins.md), in credit-code
--- order. filter: { region = code, city = id, credit_code = code }. Records that share the
--- same awards or extra text share one decoded table: treat records as read-only.
function M.each(conn, filter, fn)
  local firms_sql, years_sql, args = M.queries(filter)
  local a1, a2, a3 = args[1] or NULL, args[2] or NULL, args[3] or NULL
  local firms_q <close> = conn:prepare(firms_sql)
  local years_q <close> = conn:prepare(years_sql)
  firms_q:bind(a1, a2, a3)
  years_q:bind(a1, a2, a3)
  local build = M.record_builder()
  local ycode, year, revenue, assets = years_q:values()
  local function n(v) if v == NULL then return nil end return v end
  while true do
    local code, name, kind, region, industry, founded, employees, above, ht, tech_sme, specialized, awards, extra
      = firms_q:values()
    if code == nil then break end
    local rec = build(code, name, kind, region, n(industry), n(founded), n(employees), n(above), n(ht), tech_sme,
                      n(specialized), awards, extra)
    while ycode and ycode < code do ycode, year, revenue, assets = years_q:values() end
    local rev, ass = rec.revenue, rec.assets
    while ycode == code do
      if revenue ~= NULL then rev[year] = math.tointeger(revenue) or revenue end
      if assets ~= NULL then ass[year] = math.tointeger(assets) or assets end
      ycode, year, revenue, assets = years_q:values()
    end
    fn(rec)
  end
end

-- Scripts written when this module also held the template and the import (firms.TEMPLATE,
-- firms.import) keep working: both names lead to the modules that hold them now.
M.TEMPLATE = require("policytk.benefits.firm_template").TEMPLATE

function M.import(conn, path, opts)
  return require("policytk.benefits.firm_import").import(conn, path, opts)
end

return M
