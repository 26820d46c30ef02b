-- policytk.reports.common: helpers shared by report builders and renderers — numbers shown
-- with 万/亿, percentages and points, report periods (parse, default, bounds, due dates) and
-- writing an output file whole or not at all.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local cli = require "policytk.cli"
local fs = require "policytk.fs"
local dates = require "policytk.progress.dates"
local json = require "policytk.json"

local M = {}

local function trim_zeros(s)
  if s:find("%.") then s = s:gsub("0+$", ""):gsub("%.$", "") end
  return s
end

--- A number for people: 1.1万亿 / 3.5亿 / 1.8万 / 1234 / 2.5, then the unit.
function M.number(v, unit)
  if v == nil then return "—" end
  unit = unit or ""
  if unit == "%" then return trim_zeros(string.format("%.2f", v)) .. "%" end
  local a = math.abs(v)
  local s
  if a >= 1e12 then s = trim_zeros(string.format("%.2f", v / 1e12)) .. "万亿"
  elseif a >= 1e8 then s = trim_zeros(string.format("%.2f", v / 1e8)) .. "亿"
  elseif a >= 1e4 then s = trim_zeros(string.format("%.2f", v / 1e4)) .. "万"
  elseif v == math.floor(v) then s = string.format("%d", math.tointeger(v) or v)
  else s = trim_zeros(string.format("%.2f", v)) end
  return s .. unit
end

--- A fraction as a percentage: 0.425 → "42.5%".
function M.percent(x)
  if x == nil then return "—" end
  return string.format("%.1f%%", x * 100)
end

--- Points of a gap: 8.25 → "8.3".
function M.points(x)
  if x == nil then return "—" end
  return string.format("%.1f", x)
end

--- Round to n decimals (for data written to CSV / JSON / goldens).
function M.round(x, n)
  if x == nil then return nil end
  local m = 10 ^ (n or 4)
  local r = math.floor(x * m + 0.5) / m
  if r == math.floor(r) and math.abs(r) < 2^53 then return math.tointeger(r) end
  return r
end

--- Frequencies as staff read them.
local FREQUENCY = { monthly = "按月", quarterly = "按季", annual = "按年", semiannual = "半年" }
FREQUENCY.periodic, FREQUENCY.adhoc = "定期", "不定期"
M.FREQUENCY = FREQUENCY

local GRAN = { monthly = "M", quarterly = "Q", annual = "Y", semiannual = "Y" }
M.GRAN = GRAN
local FORM = { M = "YYYY-MM（如 2024-09）", Q = "YYYY-Qn（如 2024-Q3）", Y = "YYYY（如 2024）" }

--- A period as staff read it (store.period_text): 2024-Q3 → 2024年第3季度, 2024-09 → 2024年9月.
M.period_text = require("policytk.progress.dates").period_text

--- The granularity of a rule's periods ("M" | "Q" | "Y"; nil: any).
function M.granularity(rule)
  return GRAN[rule.frequency]
end

--- Check a --period for a rule of document doc (a row with period_start, period_end).
--- Returns period, start, end; raises a named usage error (bad_period) otherwise.
function M.parse_period(rule, doc, text)
  local s, e, g = dates.bounds(text)
  if not s then
    cli.usage_error("bad_period: %q 不是报告期；应为 YYYY、YYYY-Qn 或 YYYY-MM", text)
  end
  local want = M.granularity(rule)
  if want and g ~= want then
    cli.usage_error("bad_period: 报送规则“%s”为%s报送，报告期应为 %s；实为 %q", rule.name or rule.id,
      FREQUENCY[rule.frequency] or rule.frequency, FORM[want], text)
  end
  local y1, y2 = doc.period_start:sub(1, 4), doc.period_end:sub(1, 4)
  if e < doc.period_start:sub(1, 4) .. "-01-01" or s > doc.period_end then
    cli.usage_error("bad_period: %s 不在文件《%s》的年份内（%s—%s）", text, doc.title or doc.doc, y1, y2)
  end
  return (text:gsub("q", "Q")), s, e
end

--- The default period of a rule: the last whole period before today, kept within the
--- document's years (a document that has ended: its last period; not begun: its first).
function M.default_period(rule, doc, today)
  local g = M.granularity(rule) or "Y"
  local cur = dates.period_of(g, today)
  local p = dates.previous(cur)
  local _, pe = dates.bounds(p)
  if pe > doc.period_end then p = dates.period_of(g, doc.period_end) end
  local ps = dates.bounds(p)
  if ps < doc.period_start:sub(1, 4) .. "-01-01" then p = dates.period_of(g, doc.period_start) end
  return p
end

--- The next due date of a rule (YYYY-MM-DD) and a note: the due_day of the month after the
--- current period ends (its last day when no due_day), or nil and why there is none.
function M.next_due(rule, doc, today)
  local g = GRAN[rule.frequency]
  if not g then return nil, rule.due or "不定期" end
  local function due_of(p)
    local _, e = dates.bounds(p)
    if not rule.due_day then return e end
    local nm = dates.add_days(e, 1)
    local y, m = tonumber(nm:sub(1, 4)), tonumber(nm:sub(6, 7))
    local last = tonumber(dates.month_end(y, m):sub(9, 10))
    return string.format("%04d-%02d-%02d", y, m, math.min(rule.due_day, last))
  end
  local p = dates.previous(dates.period_of(g, today))
  for _ = 1, 3 do
    local s, e = dates.bounds(p)
    if doc and s > doc.period_end then break end
    local due = due_of(p)
    if due >= today then return due, p end
    p = dates.period_of(g, dates.add_days(e, 1))
  end
  return nil, doc and ("文件期限已过（" .. doc.period_end .. "）") or rule.due
end

--- A temporary path beside path.
function M.temp_beside(path)
  return path .. ".tmp-" .. tostring(os.time()) .. "-" .. tostring(math.random(1e6))
end

--- Make path whole or not at all: write(tmp) fills a temporary file beside it, which then
--- replaces path. On any failure the temporary file is removed and a named error
--- (cannot_write) is raised; a failure write raised with cli.fail passes as it is.
function M.replace_atomic(path, write)
  local tmp = M.temp_beside(path)
  local ok, err = pcall(write, tmp)
  if not ok then
    fs.remove(tmp)
    if cli.is_failure(err) then error(err, 0) end
    cli.fail("cannot_write: 无法写入 %s：%s", path, tostring(err))
  end
  local rok, rerr = fs.rename(tmp, path)
  if not rok then
    fs.remove(tmp)
    cli.fail("cannot_write: 无法写入 %s：%s", path, tostring(rerr))
  end
end

--- Write data to path whole (replace_atomic).
function M.write_atomic(path, data)
  M.replace_atomic(path, function(tmp)
    local f = assert(io.open(tmp, "wb"))
    local ok, err = f:write(data)
    local cok, cerr = f:close()
    assert(ok and cok, err or cerr)
  end)
end

-- Rows shared by builders ------------------------------------------------------------------

--- Columns of a target status table (types: text, number, percent, points, status). The keys
--- are those of the progress vocabulary (docs/reports.md): id, value, lead_units …
M.TARGET_COLUMNS = {
  { key = "indicator_name", title = "指标", type = "text" },
  { key = "quote", title = "目标", type = "text" },
  { key = "lead_units", title = "牵头单位", type = "text" },
  { key = "value", title = "目标值", type = "number" },
  { key = "actual", title = "实际值", type = "number" },
  { key = "completion", title = "完成率", type = "percent" },
  { key = "schedule", title = "序时进度", type = "percent" },
  { key = "gap_points", title = "差值(百分点)", type = "points" },
  { key = "status", title = "状态", type = "status" },
  { key = "reason", title = "说明", type = "text" },
}

--- Unit lists longer than this are abbreviated in tables (M.units_short).
M.UNITS_SHOWN = 3

--- A list of units as a table cell: up to M.UNITS_SHOWN (or max) joined with 、, a longer one
--- as its first unit and the count, "市经信局等24个单位"; the second value is true when the list
--- was abbreviated (the full list belongs in an appendix: M.units_appendix). A string is
--- taken as a 、-joined list.
function M.units_short(units, max)
  if type(units) == "string" then
    local list = {}
    for u in (units .. "、"):gmatch("(.-)、") do if u ~= "" then list[#list + 1] = u end end
    units = list
  end
  units = units or {}
  if #units <= (max or M.UNITS_SHOWN) then return table.concat(units, "、"), false end
  return string.format("%s等%d个单位", units[1], #units), true
end

--- The appendix section of a report listing in full each unit list that units_short
--- abbreviated: rows { { label =, units = {…} }, … } → a section, or nil when none is long.
function M.units_appendix(rows, title)
  local out = {}
  for _, r in ipairs(rows) do
    local _, long = M.units_short(r.units)
    if long then out[#out + 1] = { label = r.label, n = #r.units, units = table.concat(r.units, "、") } end
  end
  if #out == 0 then return nil end
  return { id = "units_appendix", title = title or "附：单位名单", rows = out, columns = {
    { key = "label", title = "项目", type = "text" }, { key = "n", title = "单位数", type = "number", unit = "个" },
    { key = "units", title = "单位名单", type = "text", full = true } } }
end

-- A copy of a list that encodes as a JSON array even when empty.
local function list(t)
  local out = json.array()
  for i, v in ipairs(t or {}) do out[i] = v end
  return out
end
M.list = list

--- A status record as a report row (plain values; numbers rounded for stable output), in the
--- progress vocabulary: id, value (the target's value), actual, lead_units (a list, {} when
--- none), region and region_name …
function M.target_row(r)
  return {
    id = r.tid, doc = r.doc, section = r.section, quote = r.quote, indicator = r.indicator,
    indicator_name = r.indicator_name, lead_units = list(r.lead_units), contact = r.contact or "",
    unit = r.unit, value = r.value, actual = M.round(r.actual, 6), completion = M.round(r.completion, 6),
    schedule = M.round(r.schedule, 6), gap_points = M.round(r.gap_points, 4), status = r.status,
    reason = r.reason, last_period = r.last_period, comparator = r.comparator, kind = r.kind,
    deadline = r.deadline, region = r.region, region_name = r.region_name,
    sdg = r.sdg and r.sdg.category or nil,
    sdg_ratio = r.sdg and M.round(r.sdg.ratio, 4) or nil,
  }
end

--- Points for a sparkline: the indicator's figures up to as_of, in its finest granularity
--- present, at most n (default 12) of the latest. With `from` (the start of a cumulative_new
--- target's window) each point is what the target has reached by that period — the flow since
--- `from` as progress reads it (累计 figures as year to date, 当期 figures added up) — so the
--- line draws the same total the status is computed from, whatever the basis of the figures.
function M.chart_points(series, as_of, n, from)
  local progress = require "policytk.progress"
  local have = {}
  for _, o in ipairs(series) do if o.e <= as_of then have[o.g] = true end end
  local g = have.Q and "Q" or have.M and "M" or "Y"
  local pts = {}
  for _, o in ipairs(series) do
    if o.e <= as_of and o.g == g and (not from or o.e >= from) then pts[#pts + 1] = o end
  end
  n = n or 12
  if #pts > n then pts = table.move(pts, #pts - n + 1, #pts, 1, {}) end
  for i, o in ipairs(pts) do          -- the running totals of the points kept only
    local v = o.value
    if from then v = progress.sum_flows(series, from, o.e) end
    pts[i] = { period = o.period, value = v }
  end
  return pts
end

--- Status counts as a summary list: { {status =, label =, color =, n =}, … } (worst first).
function M.summary(records)
  local progress = require "policytk.progress"
  local c = progress.counts(records)
  local out = {}
  for _, s in ipairs(progress.STATUSES) do
    out[#out + 1] = { status = s, label = progress.LABEL[s], color = progress.COLOR[s], n = c[s] }
  end
  return out
end

--- The figure of an indicator for a period [ps, pe]: flows summed (one granularity per year),
--- levels and rates the latest value within the period; nil when there is none.
function M.figure(series, flow, ps, pe)
  local progress = require "policytk.progress"
  if flow then return (progress.sum_flows(series, ps, pe)) end
  local o = progress.latest(series, pe)
  if o and o.e >= ps then return o.value end
  return nil
end

--- Whether a column holds unit lists (abbreviated in tables: M.units_short): lead_units,
--- responsible_units, or a column declared { units = true }; never one declared { full = true }.
function M.is_units_column(col)
  return not col.full and (col.units or col.key == "lead_units" or col.key == "responsible_units") or false
end

--- The text of one cell for people, by column type (a list: its items joined with 、; a list of
--- units abbreviated by M.units_short, the report's appendix has it in full).
function M.cell_text(col, row)
  local v = row[col.key]
  if type(v) == "table" then
    v = M.is_units_column(col) and (M.units_short(v)) or table.concat(v, "、")
  end
  if v == nil or v == "" then return col.type == "text" and "" or "—" end
  local t = col.type
  if t == "number" then
    if type(v) ~= "number" then return tostring(v) end
    return M.number(v, col.unit or row.unit)
  elseif t == "percent" then return M.percent(v)
  elseif t == "points" then return M.points(v)
  elseif t == "status" then
    local progress = require "policytk.progress"
    if progress.COLOR[v] then return progress.COLOR[v] .. " " .. progress.LABEL[v] end
    if v == "no_share" then return "— 无分解目标" end
    return tostring(v)
  end
  return tostring(v)
end

--- A time the store wrote (UTC ISO 8601) for a report: "2024年10月15日 16:00（北京时间）".
function M.beijing(iso)
  if iso == nil then return nil end
  local text = require("policytk.data.store").beijing(iso)
  if text == tostring(iso) then return text end
  return text .. "（北京时间）"
end

--- The lines every report states: as-of date, data updated, sample note, rule — by names
--- (city, document title, rule name), never ids; unit lists abbreviated (M.units_short).
function M.meta_lines(r)
  local out = {
    { "城市", r.city_name },
    { "报送规则", string.format("%s（%s %s）", r.rule.name, r.rule.doc_title or r.rule.doc, r.rule.section) },
    { "依据", r.rule.quote },
    { "报告期", r.period },
    { "数据截至", r.as_of },
    { "数据最后更新", M.beijing(r.data_updated) or "（无数据）" },
    { "报送单位", (M.units_short(r.rule.from)) },
    { "报送对象", (M.units_short(r.rule.to)) },
    { "数据性质", r.sample and "含示例数据（非官方数据）" or "录入数据" },
  }
  return out
end

return M
