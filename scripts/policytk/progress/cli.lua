-- policytk.progress.cli: what the progress, compare and report verbs share — thresholds from
-- the plugins' manifests, a region given by code or name, today's date ($POLICYTK_TODAY for
-- tests) and a status record as a row of the progress vocabulary (M.KEYS, docs/reports.md).
--
-- Capability: progress: completion, 序时进度 and status (entry policytk.progress; map in docs/architecture.md).

local cli = require "policytk.cli"
local common = require "policytk.reports.common"
local json = require "policytk.json"

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

--- A region given as a code or a name → its code and its city's id (named error unknown_region).
function M.region(conn, given)
  if not given then return nil end
  local r = conn:first("SELECT code, city FROM regions WHERE code = ?1 OR name = ?1 UNION ALL "
    .. "SELECT code, id AS city FROM cities WHERE code = ?1 OR name = ?1 OR id = ?1", given)
  if not r then cli.usage_error("unknown_region: 数据库中没有地区 %q", given) end
  return r.code, r.city
end

--- The city of --city and --region together: the region's own city when no --city is given;
--- a region of another city is refused (region_not_in_city: 地区 "椒江区" 不属于温州市).
function M.region_city(conn, city, region_given)
  local code, of = M.region(conn, region_given)
  if not code then return city, nil end
  if city and of ~= city then
    local name = conn:first("SELECT name FROM cities WHERE id = ?", city)
    cli.usage_error("region_not_in_city: 地区 %q 不属于%s", region_given, name and name.name or city)
  end
  return of, code
end

M.today = require("policytk.progress.dates").today   -- 北京时间; $POLICYTK_TODAY for tests

--- The JSON and CSV keys of a progress row, in order (each explained in docs/reports.md; the
--- keys a target shares with `policytk targets` mean the same there).
M.KEYS = { "city", "doc", "id", "section", "indicator", "indicator_name", "quote", "comparator", "value", "unit",
           "kind", "start", "deadline", "measure", "lead_units", "contact", "region", "region_name", "share",
           "share_source", "as_of",
           "actual", "completion", "schedule", "gap_points", "status", "reason", "last_period", "sdg", "sdg_ratio" }

--- The columns of the progress table for staff (Chinese headers; names, not codes).
M.TABLE = {
  { key = "status_text", title = "状态" }, { key = "city_name", title = "城市" }, { key = "doc", title = "文件" },
  { key = "id", title = "编号" }, { key = "indicator_name", title = "指标" }, { key = "region_name", title = "地区" },
  { key = "lead_units_text", title = "牵头单位" }, { key = "target_text", title = "目标" },
  { key = "actual_text", title = "实际" }, { key = "completion_pct", title = "完成率" },
  { key = "schedule_pct", title = "序时进度" }, { key = "gap", title = "差值" }, { key = "reason", title = "说明" },
}

--- Columns of keys (JSON / CSV: the header is the key).
function M.columns(keys)
  local cols = {}
  for i, k in ipairs(keys) do cols[i] = { key = k } end
  return cols
end

-- The contact of a record: { name =, phone = } in JSON, "name phone" elsewhere, nil when none.
local function contact(r, format)
  if not r.contact_name then return nil end
  if format == "json" then return { name = r.contact_name, phone = r.contact_phone or json.null } end
  return r.contact
end

-- The texts the staff table shows.
local function add_texts(row, r)
  row.completion_pct = r.completion and common.percent(r.completion) or "—"
  row.schedule_pct = common.percent(r.schedule)
  row.gap = r.gap_points and common.points(r.gap_points) or "—"
  local cmp = r.comparator ~= ">=" and r.comparator or ""
  if r.share then
    row.target_text = cmp .. common.number(r.share, r.unit) .. "（分解）"
  else
    row.target_text = cmp .. common.number(r.value, r.unit)
  end
  row.actual_text = common.number(r.actual, r.kind == "growth_rate" and "%" or r.unit)
  row.status_text = r.color .. " " .. r.label
  row.lead_units_text = (common.units_short(r.lead_units))
  row.city_name = r.city_name or r.city
end

--- A status record as a progress row: the values of M.KEYS (lead_units a list, `、`-joined by
--- the table and CSV writers) and the texts of M.TABLE. format: "json" | "csv" | "table".
function M.row(r, format)
  local row = common.target_row(r)
  row.city = r.city
  row.start = r.start
  row.measure = r.measure
  row.as_of = r.as_of
  row.contact = contact(r, format)
  row.share = r.share
  row.share_source = r.share_source
  add_texts(row, r)
  return row
end

return M
