-- policytk.reports.format_html: a report as one self-contained HTML file — no network, inline
-- CSS and SVG: a status summary bar, a status bar per target (completion filled in the
-- status colour, a tick at 序时进度), a sparkline per indicator; print CSS for A4 with page
-- breaks between sections. The markup is well-formed XHTML (parses as XML).
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"
local progress = require "policytk.progress"

local M = {}

M.COLORS = { achieved = "#2e7d32", on_track = "#43a047", lagging = "#f9a825", behind = "#c62828",
             missed = "#8e0000", no_data = "#9e9e9e", no_share = "#bdbdbd" }

local function esc(s)
  return (tostring(s):gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }))
end

local function num(x) return string.format("%.1f", x) end

--- SVG bar: completion (capped at 100%) in the status colour, a tick at the schedule.
function M.status_bar(completion, schedule, status)
  local w, h = 120, 12
  local out = { string.format('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
    .. 'role="img" aria-label="%s">', w, h, w, h, esc(progress.LABEL[status] or status or "")) }
  out[#out + 1] = string.format('<rect x="0" y="0" width="%d" height="%d" fill="#eeeeee"/>', w, h)
  if completion then
    local cw = math.max(0, math.min(1, completion)) * w
    out[#out + 1] = string.format('<rect x="0" y="0" width="%s" height="%d" fill="%s"/>', num(cw), h,
      M.COLORS[status] or "#9e9e9e")
  end
  if schedule then
    local x = math.max(0, math.min(1, schedule)) * w
    out[#out + 1] = string.format('<line x1="%s" y1="0" x2="%s" y2="%d" stroke="#000000" stroke-width="2"/>', num(x),
      num(x), h)
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

--- SVG sparkline of points { {period =, value =}, … }.
function M.sparkline(points)
  local w, h, pad = 160, 36, 3
  local lo, hi = math.huge, -math.huge
  for _, p in ipairs(points) do lo = math.min(lo, p.value); hi = math.max(hi, p.value) end
  if hi == lo then hi, lo = hi + 1, lo - 1 end
  local coords = {}
  for i, p in ipairs(points) do
    local x = pad + (#points > 1 and (i - 1) / (#points - 1) or 0.5) * (w - 2 * pad)
    local y = h - pad - (p.value - lo) / (hi - lo) * (h - 2 * pad)
    coords[i] = num(x) .. "," .. num(y)
  end
  local last = coords[#coords]
  local lx, ly = last:match("^(.-),(.*)$")
  return table.concat({
    string.format('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">', w, h, w, h),
    string.format('<polyline fill="none" stroke="#1565c0" stroke-width="1.5" points="%s"/>', table.concat(coords, " ")),
    string.format('<circle cx="%s" cy="%s" r="2.5" fill="#1565c0"/>', lx, ly),
    "</svg>" })
end

--- SVG stacked bar of the status summary.
function M.summary_bar(summary)
  local total = 0
  for _, s in ipairs(summary) do total = total + s.n end
  local w, h = 600, 22
  local out = { string.format('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">',
    w, h, w, h) }
  local x = 0
  for _, s in ipairs(summary) do
    if s.n > 0 and total > 0 then
      local sw = s.n / total * w
      out[#out + 1] = string.format('<rect x="%s" y="0" width="%s" height="%d" fill="%s"><title>%s %d</title></rect>',
        num(x), num(sw), h, M.COLORS[s.status], esc(s.label), s.n)
      if sw >= 24 then
        out[#out + 1] = string.format('<text x="%s" y="15" font-size="12" fill="#ffffff" text-anchor="middle">%d</text>',
          num(x + sw / 2), s.n)
      end
      x = x + sw
    end
  end
  if total == 0 then out[#out + 1] = string.format('<rect x="0" y="0" width="%d" height="%d" fill="#eeeeee"/>', w, h) end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

local CSS = [[
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 13px; color: #212121; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 8px 0; }
h2 { font-size: 16px; border-bottom: 2px solid #1565c0; padding-bottom: 3px; margin-top: 28px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #bdbdbd; padding: 3px 5px; vertical-align: top; }
th { background: #e3f2fd; text-align: left; }
td.n { text-align: right; white-space: nowrap; }
.meta td:first-child { width: 8em; color: #555555; background: #fafafa; }
.notes { border-left: 4px solid #f9a825; background: #fffde7; padding: 6px 10px; }
.st { white-space: nowrap; font-weight: bold; }
.st-achieved, .st-on_track { color: #2e7d32; } .st-lagging { color: #b28704; }
.st-behind, .st-missed { color: #c62828; } .st-no_data, .st-no_share { color: #757575; }
.legend span { margin-right: 12px; }
.charts { display: flex; flex-wrap: wrap; gap: 10px; }
.chart { border: 1px solid #e0e0e0; padding: 4px 6px; width: 220px; }
.chart .t { font-size: 12px; } .chart .v { font-size: 11px; color: #555555; }
footer { margin-top: 24px; font-size: 11px; color: #757575; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; font-size: 10.5px; }
  section.s + section.s { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr, .chart { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
]]

local NUMERIC = { number = true, percent = true, points = true }

function M.render(r)
  local out = {
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    '<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">',
    '<head><meta charset="UTF-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    "<title>" .. esc(r.title) .. "</title>",
    "<style>" .. CSS .. "</style></head>",
    "<body>",
    '<header><h1>' .. esc(r.title) .. "</h1>",
    '<table class="meta"><tbody>',
  }
  for _, kv in ipairs(common.meta_lines(r)) do
    out[#out + 1] = "<tr><td>" .. esc(kv[1]) .. "</td><td>" .. esc(kv[2]) .. "</td></tr>"
  end
  out[#out + 1] = "</tbody></table>"
  if r.summary then
    out[#out + 1] = '<div class="summary"><p><strong>状态汇总</strong></p>' .. M.summary_bar(r.summary)
    local legend = {}
    for _, s in ipairs(r.summary) do
      legend[#legend + 1] = string.format('<span class="st st-%s">■ %s %s：%d</span>', s.status, esc(s.color),
        esc(s.label), s.n)
    end
    out[#out + 1] = '<p class="legend">' .. table.concat(legend) .. "</p></div>"
  end
  if #(r.notes or {}) > 0 then
    out[#out + 1] = '<div class="notes">'
    for _, n in ipairs(r.notes) do out[#out + 1] = "<p>" .. esc(n) .. "</p>" end
    out[#out + 1] = "</div>"
  end
  out[#out + 1] = "</header>"
  for _, s in ipairs(r.sections) do
    out[#out + 1] = '<section class="s"' .. (s.id and (' id="' .. esc(s.id) .. '"') or "") .. ">"
    out[#out + 1] = "<h2>" .. esc(s.title) .. "</h2>"
    if s.text then out[#out + 1] = "<p>" .. esc(s.text) .. "</p>" end
    if s.columns and s.rows and #s.rows > 0 then
      local head = {}
      for _, c in ipairs(s.columns) do head[#head + 1] = "<th>" .. esc(c.title) .. "</th>" end
      if s.bars then head[#head + 1] = "<th>进度（■完成率 ┃序时进度）</th>" end
      out[#out + 1] = "<table><thead><tr>" .. table.concat(head) .. "</tr></thead><tbody>"
      for _, row in ipairs(s.rows) do
        local cells = {}
        for _, c in ipairs(s.columns) do
          local text = esc(common.cell_text(c, row))
          if c.type == "status" and row[c.key] then
            cells[#cells + 1] = string.format('<td class="st st-%s">%s</td>', esc(row[c.key]), text)
          elseif NUMERIC[c.type] then
            cells[#cells + 1] = '<td class="n">' .. text .. "</td>"
          else
            cells[#cells + 1] = "<td>" .. text .. "</td>"
          end
        end
        if s.bars then
          cells[#cells + 1] = "<td>" .. M.status_bar(row.completion, row.schedule, row.status) .. "</td>"
        end
        out[#out + 1] = "<tr>" .. table.concat(cells) .. "</tr>"
      end
      out[#out + 1] = "</tbody></table>"
    elseif s.columns then
      out[#out + 1] = "<p>（无）</p>"
    end
    if s.charts and #s.charts > 0 then
      out[#out + 1] = '<div class="charts">'
      for _, ch in ipairs(s.charts) do
        local first, last = ch.points[1], ch.points[#ch.points]
        out[#out + 1] = string.format('<div class="chart"><div class="t">%s</div>%s<div class="v">%s %s → %s %s</div></div>',
          esc(ch.title), M.sparkline(ch.points), esc(first.period), esc(common.number(first.value, ch.unit)),
          esc(last.period), esc(common.number(last.value, ch.unit)))
      end
      out[#out + 1] = "</div>"
    end
    out[#out + 1] = "</section>"
  end
  out[#out + 1] = string.format("<footer>生成于 %s · policytk · %s · 数据截至 %s%s</footer>",
    esc(r.generated_text or r.generated), esc(r.builder_name or r.builder), esc(r.as_of),
    r.sample and " · 含示例数据（非官方数据）" or "")
  out[#out + 1] = "</body></html>"
  return table.concat(out, "\n") .. "\n"
end

return M
