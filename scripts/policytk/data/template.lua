-- policytk.data.template: the sheet a unit fills for `policytk import` — `policytk import
-- template CITY [--unit U] [--period P]`: a title row and a 填报单位 row above Chinese headers,
-- one row per indicator the unit leads (every indicator of the city's targets without --unit),
-- its unit and 口径 filled in, the period and region prefilled, the last figure beside the
-- empty 数值 cell, drop-down lists for 口径 and 地区. Filled in, it imports back as it is (the
-- importer finds the header below the title rows and passes over the 上期数 column).
--
--   template.rows(conn, { city =, unit =, period = }) → { title =, note =, header =, rows = }
--   template.write(conn, path, opts) → the number of indicator rows written
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
M.INFO = { ["上期数"] = true }

-- "2025-06" → "2025年6月"; "2025-Q2" → "2025年二季度"; "2025" → "2025年".
local CN_Q = { "一", "二", "三", "四" }
local function period_text(p)
  local y, m = p:match("^(%d%d%d%d)%-(%d%d)$")
  if y then return string.format("%s年%d月", y, tonumber(m)) end
  local yq, q = p:match("^(%d%d%d%d)%-Q(%d)$")
  if yq then return string.format("%s年%s季度", yq, CN_Q[tonumber(q)]) end
  return p .. "年"
end
M.period_text = period_text

-- The indicators of a city's targets (those the unit leads, with a unit), in document order.
local function indicators(conn, city, unit)
  local leads = queries.lead_units(conn, { city = city })
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

--- What the template holds: title, note, the header (titles) and one row per indicator.
--- opts: city (plugin id), unit (a unit's short name, optional), period ("2025-06" …; default
--- the month before today).
function M.rows(conn, opts)
  local city = store.clean(conn:first("SELECT id, name, code FROM cities WHERE id = ?", opts.city))
  if not city then error(string.format("数据库中没有城市 %q（先运行 policytk load）", tostring(opts.city)), 0) end
  if opts.unit and not conn:first("SELECT 1 AS x FROM units WHERE city = ? AND short = ?", city.id, opts.unit) then
    error(string.format("%s没有单位 %q（policytk units --city %s 列出全部单位）", city.name, opts.unit, city.id), 0)
  end
  local period = opts.period
  local header = {}
  for i, c in ipairs(M.COLUMNS) do header[i] = c.title end
  local rows = {}
  for _, code in ipairs(indicators(conn, city.id, opts.unit)) do
    local ind = indicator_row(conn, city.id, code)
    if ind then
      local b = basis.default(ind)
      rows[#rows + 1] = { ind.name, city.name, period_text(period), "", ind.unit, basis.label(b),
                          last_figure(conn, code, city.code, period, ind.unit), "" }
    end
  end
  local regions = { city.name }
  for _, r in ipairs(store.all(conn, "SELECT name FROM regions WHERE city = ? ORDER BY code", city.id)) do
    regions[#regions + 1] = r.name
  end
  return {
    title = string.format("%s%s小微企业主要指标报送表", period_text(period), city.name),
    note = string.format("填报单位：%s    报送期间：%s    口径：当期为本期发生数，累计为1—N月累计数",
      opts.unit or "", period_text(period)),
    header = header, rows = rows, regions = regions, city = city,
  }
end

--- Write the template to path (XLSX). Returns the number of indicator rows.
function M.write(conn, path, opts)
  local t = M.rows(conn, opts)
  local xlsx = require "policytk.xlsx"
  local wb <close> = xlsx.writer(path)
  local ws = wb:sheet("报送")
  local title = wb:format{ bold = true }
  local head = wb:format{ bold = true, bg_color = "#DDEBF7", align = "center", border = true }
  local cell = wb:format{ border = true }
  local fill = wb:format{ border = true, bg_color = "#FFF2CC" }
  ws:write(0, 0, t.title, title)
  ws:write(1, 0, t.note)
  ws:write_row(2, t.header, head)
  for i, c in ipairs(M.COLUMNS) do ws:set_column(i - 1, i - 1, c.width) end
  for r, row in ipairs(t.rows) do
    for c = 1, #M.COLUMNS do
      local v = row[c]
      ws:write(r + 2, c - 1, v ~= "" and v or nil, M.COLUMNS[c].key == "value" and fill or cell)
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
  return #t.rows
end

return M
