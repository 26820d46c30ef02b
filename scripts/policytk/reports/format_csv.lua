-- policytk.reports.format_csv: a report as CSV for Excel / WPS — UTF-8 with a BOM, CRLF line
-- ends; the metadata as 项目,内容 rows, then each section as a "## title" row, its header and
-- rows (numbers as plain numbers; percentages ×100 with "(%)" in the header; statuses as
-- 绿/黄/红/灰 plus the label, 黄 略有滞后; unit lists abbreviated as in every table, the full lists
-- in the report's appendix), sections separated by an empty row.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local tabular = require "policytk.data.tabular"
local progress = require "policytk.progress"
local common = require "policytk.reports.common"

local M = {}

M.BOM = "\239\187\191"

local function field(s) return tabular.csv_field(tostring(s)) end

local function value(c, v)
  if v == nil then return "" end
  if c.type == "percent" and type(v) == "number" then return tabular.cell(common.round(v * 100, 4)) end
  if c.type == "status" then
    return progress.COLOR[v] and (progress.COLOR[v] .. " " .. progress.LABEL[v]) or common.cell_text(c, { [c.key] = v })
  end
  if common.is_units_column(c) and type(v) == "table" then return (common.units_short(v)) end
  return tabular.cell(v)
end

function M.render(r)
  local lines = { field("标题") .. "," .. field(r.title) }
  for _, kv in ipairs(common.meta_lines(r)) do lines[#lines + 1] = field(kv[1]) .. "," .. field(kv[2]) end
  for _, n in ipairs(r.notes or {}) do lines[#lines + 1] = field("说明") .. "," .. field(n) end
  for _, s in ipairs(r.sections) do
    lines[#lines + 1] = ""
    lines[#lines + 1] = field("## " .. s.title)
    if s.columns then
      local head = {}
      for i, c in ipairs(s.columns) do head[i] = field(c.title .. (c.type == "percent" and "(%)" or "")) end
      lines[#lines + 1] = table.concat(head, ",")
      for _, row in ipairs(s.rows or {}) do
        local cells = {}
        for i, c in ipairs(s.columns) do cells[i] = field(value(c, row[c.key])) end
        lines[#lines + 1] = table.concat(cells, ",")
      end
    end
  end
  return M.BOM .. table.concat(lines, "\r\n") .. "\r\n"
end

return M
