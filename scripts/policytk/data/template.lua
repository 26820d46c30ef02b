-- policytk.data.template: the sheet a unit fills for `policytk import` — `policytk import
-- template CITY [--unit U] [--period P]`: a title row and a 填报单位 row above Chinese headers,
-- one row per indicator the unit leads (every indicator of the city's targets without --unit),
-- its unit and 口径 filled in, the period and region prefilled, the last figure beside the
-- empty 数值 cell, drop-down lists for 口径 and 地区. Filled in, it imports back as it is (the
-- importer finds the header below the title rows and passes over the 上期数 column).
--
--   template.rows(conn, { city =, unit =, period = }) → { title =, note =, header =, rows = }
--   template.write(conn, path, opts) → the number of indicator rows written
--   template.write_sheet(wb, t, name) → the sheet: t (from template.rows) into a workbook
--
-- The monthly round (policytk.round) gives more: opts.indicators (the codes to list, instead
-- of those the unit leads), opts.regions ({ { code =, name = } … }: a row per indicator and
-- region instead of the city's one), opts.shares (function(code, region_code) → the county's
-- share as text, shown in a 下达目标 column the import passes over), opts.current (the 数值
-- cell holds the figure already recorded for the period), opts.title_extra (after the title),
-- opts.leads (queries.lead_units of the city, read once for many units).
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local basis = require "policytk.data.basis"
local queries = require "policytk.data.queries"
local store = require "policytk.data.store"
local values = require "policytk.data.values"
local dates = require "policytk.progress.dates"

local M = {}

--- The columns of the template, in order; `key` is the import column, nil for one the
--- import passes over (INFO).
M.COLUMNS = {
  { title = "指标", key = "indicator", width = 30 },
  { title = "地区", key = "region", width = 12 },
  { title = "期间", key = "period", width = 14 },
  { title = "数值", key = "value", width = 12 },
  { title = "单位", key = "unit", width = 8 },
  { title = "口径", key = "basis", width = 8 },
  { title = "上期数", width = 22 },
  { title = "备注", key = "note", width = 24 },
}

--- Header names the import passes over: what the template shows for information only.
M.INFO = { ["上期数"] = true, ["下达目标"] = true }

--- The column added after 备注 when the rows carry a county's share (opts.shares).
M.SHARE_COLUMN = { title = "下达目标", width = 16 }

-- "2025-06" → "2025年6月" (store.period_text; it reads back through values.read_period).
local period_text = store.period_text
M.period_text = period_text

-- The indicators of a city's targets (those the unit leads, with a unit), in document order.
local function indicators(conn, city, unit, leads)
  leads = leads or queries.lead_units(conn, { city = city })
  local out, seen = {}, {}
  for _, t in ipairs(store.all(conn, [[SELECT t.id, t.indicator FROM targets t JOIN documents d ON d.id = t.document
      WHERE d.city = ? AND t.status = 'active' AND d.withdrawn = 0 ORDER BY d.doc, t.position]], city)) do
    local mine = not unit
    for _, u in ipairs(leads[t.id] or {}) do if u == unit then mine = true end end
    if mine and not seen[t.indicator] then
      seen[t.indicator] = true
      out[#out + 1] = t.indicator
    end
  end
  return out
end

-- The indicator row as the city sees it (its own first, then the catalog).
local function indicator_row(conn, city, code)
  return store.clean(conn:first([[SELECT code, name, unit, flow, basis FROM indicators
    WHERE code = ? AND (city = ? OR city IS NULL) ORDER BY city IS NULL LIMIT 1]], code, city))
end

-- The last figure before period p: "1500（2025年5月，累计）", or "" when there is none.
local function last_figure(conn, code, region, p, unit)
  local start = values.period_start(p)
  local best
  for _, o in ipairs(store.all(conn, "SELECT period, value, basis FROM observations WHERE indicator = ? AND region = ?",
      code, region)) do
    local s, e = dates.bounds(o.period)
    if s and e < start and (not best or e > best.e) then o.e = e; best = o end
  end
  if not best then return "" end
  local v = best.value
  if v == math.floor(v) and math.abs(v) < 2^53 then v = string.format("%d", v) end
  return string.format("%s%s（%s，%s）", v, unit, period_text(best.period), basis.label(best.basis or ""))
end

-- The figure already held for the period itself (opts.current), or "".
local function held_figure(conn, code, region, p)
  local o = conn:first("SELECT value FROM observations WHERE indicator = ? AND region = ? AND period = ?",
    code, region, p)
  if not o then return "" end
  local v = o.value
  if v == math.floor(v) and math.abs(v) < 2^53 then return math.tointeger(v) end
  return v
end

-- The rows of one indicator: one per region of opts.regions (default the city).
local function indicator_rows(conn, ind, city, period, opts, out)
  local b = basis.default(ind)
  for _, r in ipairs(opts.regions or { { code = city.code, name = city.name } }) do
    local row = { ind.name, r.name, period_text(period), opts.current and held_figure(conn, ind.code, r.code, period) or "",
                  ind.unit, basis.label(b), last_figure(conn, ind.code, r.code, period, ind.unit), "" }
    if opts.shares then row[#row + 1] = opts.shares(ind.code, r.code) or "" end
    row.code, row.region_code = ind.code, r.code          -- beside the cells: what the row is about
    out[#out + 1] = row
  end
end

--- What the template holds: title, note, the header (titles) and one row per indicator (its
--- cells in column order; row.code and row.region_code name the indicator and region).
--- opts: city (plugin id), unit (a unit's short name, optional), period ("2025-06" …; default
--- the month before today).
function M.rows(conn, opts)
  local city = store.clean(conn:first("SELECT id, name, code FROM cities WHERE id = ?", opts.city))
  if not city then error(string.format("数据库中没有城市 %q（先运行 policytk load）", tostring(opts.city)), 0) end
  if opts.unit and not conn:first("SELECT 1 AS x FROM units WHERE city = ? AND short = ?", city.id, opts.unit) then
    error(string.format("%s没有单位 %q（policytk units --city %s 列出全部单位）", city.name, opts.unit, city.id), 0)
  end
  local period = opts.period
  local header, columns = {}, { table.unpack(M.COLUMNS) }
  if opts.shares then columns[#columns + 1] = M.SHARE_COLUMN end
  for i, c in ipairs(columns) do header[i] = c.title end
  local rows = {}
  for _, code in ipairs(opts.indicators or indicators(conn, city.id, opts.unit, opts.leads)) do
    local ind = indicator_row(conn, city.id, code)
    if ind then indicator_rows(conn, ind, city, period, opts, rows) end
  end
  local regions = { city.name }
  for _, r in ipairs(store.all(conn, "SELECT name FROM regions WHERE city = ? ORDER BY code", city.id)) do
    regions[#regions + 1] = r.name
  end
  return {
    title = string.format("%s%s小微企业主要指标报送表%s", period_text(period), city.name, opts.title_extra or ""),
    note = string.format("填报单位：%s    报送期间：%s    口径：当期为本期发生数，累计为1—N月累计数",
      opts.unit or "", period_text(period)),
    header = header, rows = rows, regions = regions, city = city, columns = columns,
  }
end

--- Write t (from M.rows) as the sheet `sheet_name` of the open workbook wb; returns the sheet.
function M.write_sheet(wb, t, sheet_name)
  local ws = wb:sheet(sheet_name)
  local title = wb:format{ bold = true }
  local head = wb:format{ bold = true, bg_color = "#DDEBF7", align = "center", border = true }
  local cell = wb:format{ border = true }
  local fill = wb:format{ border = true, bg_color = "#FFF2CC" }
  ws:write(0, 0, t.title, title)
  ws:write(1, 0, t.note)
  ws:write_row(2, t.header, head)
  for i, c in ipairs(t.columns) do ws:set_column(i - 1, i - 1, c.width) end
  for r, row in ipairs(t.rows) do
    for c = 1, #t.columns do
      local v = row[c]
      ws:write(r + 2, c - 1, v ~= "" and v or nil, t.columns[c].key == "value" and fill or cell)
    end
  end
  ws:freeze(3, 1)
  local last = math.max(#t.rows, 1) + 2
  ws:validate_list(3, 5, last, 5, basis.WORDS, { error_title = "口径", error_message = "请从下拉列表中选择口径",
    input_title = "口径", input_message = "当期：本期发生数；累计：1—N月累计数；期末：期末存量；比率：百分比" })
  if #table.concat(t.regions, ",") <= 255 then
    ws:validate_list(3, 1, last, 1, t.regions, { error_title = "地区", error_message = "请从下拉列表中选择地区" })
  else                                          -- a long list: from a hidden sheet
    local lists = wb:sheet("地区", { hidden = true })
    for i, name in ipairs(t.regions) do lists:write(i - 1, 0, name) end
    ws:validate_list(3, 1, last, 1, { source = string.format("='地区'!$A$1:$A$%d", #t.regions) },
      { error_title = "地区", error_message = "请从下拉列表中选择地区" })
  end
  return ws
end

--- Write the template to path (XLSX). Returns the number of indicator rows.
function M.write(conn, path, opts)
  local t = M.rows(conn, opts)
  local xlsx = require "policytk.xlsx"
  local wb <close> = xlsx.writer(path)
  M.write_sheet(wb, t, "报送")
  return #t.rows
end

return M
