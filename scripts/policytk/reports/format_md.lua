-- policytk.reports.format_md: a report as Markdown — metadata, status summary, notes, then per
-- section its text, a table and a text sparkline per indicator.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"

local M = {}

local function esc(s)
  return (tostring(s):gsub("|", "\\|"):gsub("[\r\n]+", " "))
end

local BLOCKS = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" }

--- A text sparkline of points { {period =, value =}, … }.
function M.spark(points)
  local lo, hi = math.huge, -math.huge
  for _, p in ipairs(points) do lo = math.min(lo, p.value); hi = math.max(hi, p.value) end
  local out = {}
  for i, p in ipairs(points) do
    local k = hi > lo and math.floor((p.value - lo) / (hi - lo) * 7 + 0.5) + 1 or 4
    out[i] = BLOCKS[k]
  end
  return table.concat(out)
end

function M.render(r)
  local out = { "# " .. r.title, "" }
  for _, kv in ipairs(common.meta_lines(r)) do out[#out + 1] = string.format("- **%s**：%s", kv[1], esc(kv[2])) end
  out[#out + 1] = ""
  if r.summary then
    local parts = {}
    for _, s in ipairs(r.summary) do parts[#parts + 1] = string.format("%s %s %d", s.color, s.label, s.n) end
    out[#out + 1] = "**状态汇总**：" .. table.concat(parts, " · ")
    out[#out + 1] = ""
  end
  for _, n in ipairs(r.notes or {}) do out[#out + 1] = "> " .. esc(n) end
  if #(r.notes or {}) > 0 then out[#out + 1] = "" end
  for _, s in ipairs(r.sections) do
    out[#out + 1] = "## " .. s.title
    out[#out + 1] = ""
    if s.text then out[#out + 1] = esc(s.text); out[#out + 1] = "" end
    if s.columns and s.rows and #s.rows > 0 then
      local head, rule = {}, {}
      for i, c in ipairs(s.columns) do
        head[i] = esc(c.title)
        rule[i] = (c.type == "number" or c.type == "percent" or c.type == "points") and "---:" or "---"
      end
      out[#out + 1] = "| " .. table.concat(head, " | ") .. " |"
      out[#out + 1] = "| " .. table.concat(rule, " | ") .. " |"
      for _, row in ipairs(s.rows) do
        local cells = {}
        for i, c in ipairs(s.columns) do cells[i] = esc(common.cell_text(c, row)) end
        out[#out + 1] = "| " .. table.concat(cells, " | ") .. " |"
      end
      out[#out + 1] = ""
    elseif s.columns then
      out[#out + 1] = "（无）"
      out[#out + 1] = ""
    end
    if s.charts and #s.charts > 0 then
      out[#out + 1] = "走势："
      out[#out + 1] = ""
      for _, ch in ipairs(s.charts) do
        local first, last = ch.points[1], ch.points[#ch.points]
        out[#out + 1] = string.format("- %s %s（%s %s → %s %s）", esc(ch.title), M.spark(ch.points), first.period,
          common.number(first.value, ch.unit), last.period, common.number(last.value, ch.unit))
      end
      out[#out + 1] = ""
    end
  end
  out[#out + 1] = string.format("*生成于 %s · policytk · %s*", r.generated_text or r.generated,
    r.builder_name or r.builder)
  return table.concat(out, "\n") .. "\n"
end

return M
