-- policytk.round.demo: the 月度报送 round as `make demo` shows it (policytk demo --round): a
-- round for Wenzhou opened on the sample data, two units' sheets filled as a unit would fill
-- them — each 数值 from the sample figures (示例数据: the indicator's latest sample figure; an
-- indicator without one gets an invented round figure; either is marked 示例数据 in 备注), each
-- 本月进展 a sample text — copied with the project's XLSX
-- reader and writer (the hidden 报送信息 sheet kept), and both imported as returns.
--
--   demo.run(conn, { city =, period =, dir =, units = { "市经信局", … } })
--     → { opened = round.open's result, filled = { { unit =, path =, counts = } … } }
--
-- Capability: the 月度报送 round (entry policytk.round; map in docs/architecture.md).

local round = require "policytk.round"
local sheet = require "policytk.round.sheet"
local store = require "policytk.data.store"
local xlsx = require "policytk.xlsx"

local M = {}

M.SAMPLE_NOTE = "示例数据（非官方数据）"

-- The latest sample figure of each indicator (by its Chinese name) for the city, on or before
-- the period: { [name] = value }.
local function sample_figures(conn, city, period)
  local out = {}
  for _, r in ipairs(store.all(conn, [[SELECT i.name, o.value FROM observations o
      JOIN indicators i ON i.code = o.indicator AND (i.city = ?1 OR i.city IS NULL)
      JOIN cities c ON c.id = ?1 AND o.region = c.code
      WHERE substr(o.period, 1, 7) <= ?2 ORDER BY o.period]], city, period)) do
    out[r.name] = r.value
  end
  return out
end

-- Copy sheet `name` of reader r into wb, cells written by fill(row, col, value) → value.
local function copy(r, wb, name, fill, hidden)
  local ws = wb:sheet(name, { hidden = hidden })
  for row, cells in r:rows(name, { merged = false, dates = false }) do
    for c = 1, math.max(cells.n or 0, 8) do
      local v = fill and fill(row, c, cells) or cells[c]
      if v ~= nil then ws:write(row - 1, c - 1, v) end
    end
  end
end

-- Fill one unit's workbook at path into filled (the 数值 and 本月进展 cells).
local function fill_workbook(path, filled, figures)
  local r <close> = xlsx.open(path)
  local wb <close> = xlsx.writer(filled)
  copy(r, wb, "指标", function(row, c, cells)
    if row <= 3 or cells[1] == nil then return cells[c] end
    if c == 4 then return figures[cells[1]] or (cells[5] == "%" and 5 or 100 + row) end
    if c == 8 then return M.SAMPLE_NOTE end
    return cells[c]
  end)
  copy(r, wb, "工作进展", function(row, c, cells)
    if row <= sheet.HEADER_ROW or cells[1] == nil then return cells[c] end
    if c == 6 then return "（示例）本月按计划推进，召开专题推进会1次。" end
    return cells[c]
  end)
  copy(r, wb, "报送信息", nil, true)
end

--- Open the round, fill the sheets of opts.units and import them (see the header).
function M.run(conn, opts)
  local opened = round.open(conn, { city = opts.city, period = opts.period, dir = opts.dir, due = opts.due, by = "演示" })
  local figures = sample_figures(conn, opts.city, opts.period)
  local by_unit = {}
  for _, f in ipairs(opened.files) do by_unit[f.unit] = f.path end
  local out = { opened = opened, filled = {} }
  for _, unit in ipairs(opts.units) do
    local path = by_unit[unit]
    if path then
      local filled = path:gsub("%.xlsx$", "（已填）.xlsx")
      fill_workbook(path, filled, figures)
      local counts = round.import_return(conn, filled, { by = unit .. "（演示）" })
      out.filled[#out.filled + 1] = { unit = unit, path = filled, counts = counts }
    end
  end
  return out
end

return M
