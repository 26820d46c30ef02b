-- policytk.progress.cli: what the progress, compare and report verbs share — thresholds from
-- the plugins' manifests, a region given by code or name, today's date ($POLICYTK_TODAY for
-- tests) and a status record flattened for listings.

local cli = require "policytk.cli"
local core = require "policytk.core"
local common = require "policytk.reports.common"

local M = {}

--- Thresholds per city from the plugins' manifests (plugin{ progress = … }, read without
--- loading the rest of each plugin); plugins whose manifest does not load keep the defaults.
function M.thresholds(cities)
  local out = {}
  local all = require("policytk.plugins").load_all(cities, { manifest_only = true })
  for _, p in ipairs(all.list) do
    if p.manifest and p.manifest.progress then out[p.id] = p.manifest.progress end
  end
  return out
end

--- A region given as a code or a name → its code (named error unknown_region).
function M.region(conn, given)
  if not given then return nil end
  local r = conn:first("SELECT code FROM regions WHERE code = ?1 OR name = ?1 UNION ALL "
    .. "SELECT code FROM cities WHERE code = ?1 OR name = ?1 OR id = ?1", given)
  if not r then cli.usage_error("unknown_region: no region %q in the database", given) end
  return r.code
end

function M.today()
  local t = os.getenv("POLICYTK_TODAY")
  if t and core.is_iso_date(t) then return t end
  return os.date("%Y-%m-%d")
end

local function flat(r)
  local row = common.target_row(r)
  row.city = r.city
  row.indicator_name = r.indicator_name
  row.color = r.color
  row.label = r.label
  row.completion_pct = r.completion and common.percent(r.completion) or "—"
  row.schedule_pct = common.percent(r.schedule)
  row.gap = r.gap_points and common.points(r.gap_points) or "—"
  row.target_text = (r.comparator ~= ">=" and r.comparator or "") .. common.number(r.value, r.unit)
  row.actual_text = common.number(r.actual, r.kind == "growth_rate" and "%" or r.unit)
  row.status_text = r.color .. " " .. r.label
  row.start = r.start
  row.sdg_label = r.sdg and r.sdg.label or nil
  return row
end
M.flat = flat

return M
