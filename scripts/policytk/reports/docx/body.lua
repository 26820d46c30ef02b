-- policytk.reports.docx.body: word/document.xml of the DOCX report — the title, the short
-- metadata block (城市, 报告期, 数据截至, 生成时间), the notes, the status summary (a sentence,
-- the summary bar and a table of counts in the status colours), then each section: a level-1
-- heading, its text, its table (header row repeated on every page, short rows kept whole,
-- status cells shaded in the colours of format_html.COLORS, a status bar per row) and its
-- sparklines three to a row.
-- Pictures are the SVGs of format_html drawn to PNG (policytk.image) once per distinct SVG.
-- Part of policytk.reports.format_docx.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"
local html = require "policytk.reports.format_html"
local xml = require "policytk.reports.docx.xml"
local pkg = require "policytk.reports.docx.package"

local M = {}

local FONTS = pkg.FONTS

--- The shading of a status cell: fill (format_html.COLORS) and a text colour readable on it.
function M.status_shading(status)
  local fill = html.COLORS[status]
  if not fill then return nil end
  local dark = status ~= "lagging" and status ~= "no_data" and status ~= "no_share"
  return { fill = fill:sub(2):upper(), color = dark and "FFFFFF" or "000000" }
end

-- Pictures -----------------------------------------------------------------------------------

--- A picture collector: media:drawing(svg, scale, w_mm, h_mm, descr) → the w:drawing of the
--- SVG drawn to PNG at scale, shown w_mm × h_mm; media.images lists { rid, target, name, bytes }.
function M.media()
  local image = require "policytk.image"
  local media = { images = {}, by_svg = {}, n = 0 }
  function media.drawing(self, svg, scale, w_mm, h_mm, descr)
    local im = self.by_svg[svg]
    if not im then
      local k = #self.images + 1
      im = { rid = "rId" .. (pkg.FIRST_IMAGE + k - 1), target = "media/image" .. k .. ".png",
             name = "word/media/image" .. k .. ".png", bytes = (image.svg_to_png(svg, scale)) }
      self.images[k] = im
      self.by_svg[svg] = im
    end
    self.n = self.n + 1
    local cx, cy, id = xml.emu(w_mm), xml.emu(h_mm), self.n
    return string.format('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
      .. '<wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="图片 %d" descr="%s"/>'
      .. '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
      .. '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
      .. '<pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="image%d.png"/><pic:cNvPicPr/></pic:nvPicPr>'
      .. '<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
      .. '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm>'
      .. '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
      .. '</wp:inline></w:drawing></w:r>', cx, cy, id, id, xml.esc(descr or ""), id, id, im.rid, cx, cy)
  end
  return media
end

-- Words for people ---------------------------------------------------------------------------

local CN_Q = { "一", "二", "三", "四" }

--- A report period in words: 2024-Q3 → 2024年第三季度, 2024-09 → 2024年9月, 2024 → 2024年.
function M.period_words(p)
  p = tostring(p or "")
  local y, q = p:match("^(%d%d%d%d)%-[Qq]([1-4])$")
  if y then return y .. "年第" .. CN_Q[tonumber(q)] .. "季度" end
  local y2, m = p:match("^(%d%d%d%d)%-(%d%d)$")
  if y2 then return y2 .. "年" .. tonumber(m) .. "月" end
  if p:match("^%d%d%d%d$") then return p .. "年" end
  return p
end

--- A date in words: 2024-09-30 → 2024年9月30日 (anything else as it is).
M.date_words = require("policytk.data.store").day_text

--- A UTC time 2024-10-15T08:00:00Z in Beijing time: 2024年10月15日 16:00.
function M.beijing_words(t)
  if t == nil then return "" end
  return require("policytk.data.store").beijing(t)
end

local CN_NUM = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
                 "十六", "十七", "十八", "十九", "二十" }

local function numbered(title) return title:match("^[一二三四五六七八九十]+、") ~= nil end

-- Paragraphs ----------------------------------------------------------------------------------

local function body_paras(out, text)
  for line in (tostring(text) .. "\n"):gmatch("([^\n]*)\n") do
    if line:match("%S") then out[#out + 1] = xml.para(nil, xml.run(line)) end
  end
end

-- Tables --------------------------------------------------------------------------------------

local WIDE = { quote = 2.4, reason = 2.4, title = 3, red_targets = 3, note = 2.5, name = 2.5, measure = 2.5,
               lead_units = 1.8, lead_unit = 1.8, contact = 1.8, region_name = 1.5, indicator_name = 2.2, id = 1.1 }
local NUMERIC = { number = true, percent = true, points = true }
local TYPE_WEIGHT = { number = 2.1, percent = 1.9, points = 1.5, status = 1.6 }
local BAR_MM = 16                                   -- the width of the status-bar column
local LONG_CELL = 60                                -- characters: a row holding more may break across pages

local function weight(c)
  return WIDE[c.key] or TYPE_WEIGHT[c.type] or 1.5
end

-- Integer twips widths of columns (weights) over total twips, adding up exactly.
local function widths(weights, total)
  local sum = 0
  for _, w in ipairs(weights) do sum = sum + w end
  local out, used = {}, 0
  for i, w in ipairs(weights) do
    out[i] = math.floor(total * w / sum)
    used = used + out[i]
  end
  out[#out] = out[#out] + (total - used)
  return out
end

local function cell(width, paras, shd)
  return '<w:tc><w:tcPr><w:tcW w:w="' .. width .. '" w:type="dxa"/>'
    .. (shd and ('<w:shd w:val="clear" w:color="auto" w:fill="' .. shd .. '"/>') or "")
    .. '<w:vAlign w:val="center"/></w:tcPr>' .. paras .. "</w:tc>"
end

local function table_open(ws, style)
  local total = 0
  for _, w in ipairs(ws) do total = total + w end
  local grid = {}
  for i, w in ipairs(ws) do grid[i] = '<w:gridCol w:w="' .. w .. '"/>' end
  return '<w:tbl><w:tblPr>' .. (style and ('<w:tblStyle w:val="' .. style .. '"/>') or "")
    .. '<w:tblW w:w="' .. total .. '" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
    .. '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    .. '</w:tblPr><w:tblGrid>' .. table.concat(grid) .. '</w:tblGrid>'
end

local function jc(v) return '<w:jc w:val="' .. v .. '"/>' end

--- The w:tbl of a section's columns and rows (and a status bar per row when s.bars): the
--- header row repeated on every page (w:tblHeader), rows kept whole, status cells shaded.
function M.data_table(s, media)
  local cols = s.columns
  local ncols = #cols + (s.bars and 1 or 0)
  local size = ncols > 7 and pkg.SIZE.table_small or pkg.SIZE.table
  local text_tw = xml.twips(pkg.TEXT_WIDTH_MM)
  local weights = {}
  for i, c in ipairs(cols) do weights[i] = weight(c) end
  local ws = widths(weights, text_tw - (s.bars and xml.twips(BAR_MM) or 0))
  if s.bars then ws[#ws + 1] = xml.twips(BAR_MM) end
  local head_rpr = xml.rpr({ size = size }, FONTS)
  local out = { table_open(ws, "Grid"), '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' }
  for i, c in ipairs(cols) do
    out[#out + 1] = cell(ws[i], xml.para("TableHead", xml.run(c.title, head_rpr)), "D9D9D9")
  end
  if s.bars then
    out[#out + 1] = cell(ws[#ws], xml.para("TableHead", xml.run("进度（完成率┃序时）", head_rpr)), "D9D9D9")
  end
  out[#out + 1] = "</w:tr>"
  local plain = xml.rpr({ size = size }, FONTS)
  for _, row in ipairs(s.rows) do
    local texts, longest = {}, 0
    for i, c in ipairs(cols) do
      texts[i] = common.cell_text(c, row)
      longest = math.max(longest, utf8.len(texts[i]) or #texts[i])
    end
    -- a short row is kept whole on one page; a long one may break, or it would leave a page empty
    out[#out + 1] = longest <= LONG_CELL and '<w:tr><w:trPr><w:cantSplit/></w:trPr>' or "<w:tr>"
    for i, c in ipairs(cols) do
      local text = texts[i]
      local v = row[c.key]
      local sh = c.type == "status" and type(v) == "string" and M.status_shading(v)
      if sh then
        out[#out + 1] = cell(ws[i], xml.para("TableText", xml.run(text, xml.rpr({ size = size, bold = true,
          color = sh.color }, FONTS)), jc("center")), sh.fill)
      else
        out[#out + 1] = cell(ws[i], xml.para("TableText", xml.run(text, plain),
          NUMERIC[c.type] and jc("right") or nil))
      end
    end
    if s.bars then
      local bar = media:drawing(html.status_bar(row.completion, row.schedule, row.status), 3, BAR_MM - 2.5,
        2.4, "完成率 " .. common.percent(row.completion) .. "，序时进度 " .. common.percent(row.schedule))
      out[#out + 1] = cell(ws[#ws], xml.para("Figure", bar))
    end
    out[#out + 1] = "</w:tr>"
  end
  out[#out + 1] = "</w:tbl>"
  return table.concat(out)
end

--- The sparklines of a section, three to a row in a table without borders: title, line,
--- first and last figures.
function M.charts_table(charts, media)
  local per = 3
  local ws = widths({ 1, 1, 1 }, xml.twips(pkg.TEXT_WIDTH_MM))
  local small = xml.rpr({ size = pkg.SIZE.table_small }, FONTS)
  local title_rpr = xml.rpr({ size = pkg.SIZE.table, font = "h1" }, FONTS)
  local out = { table_open(ws, nil) }
  for i = 1, #charts, per do
    out[#out + 1] = '<w:tr><w:trPr><w:cantSplit/></w:trPr>'
    for k = 0, per - 1 do
      local ch = charts[i + k]
      if ch then
        local first, last = ch.points[1], ch.points[#ch.points]
        local words = string.format("%s %s → %s %s", first.period, common.number(first.value, ch.unit), last.period,
          common.number(last.value, ch.unit))
        out[#out + 1] = cell(ws[k + 1], xml.para("TableText", xml.run(ch.title, title_rpr), jc("center"))
          .. xml.para("Figure", media:drawing(html.sparkline(ch.points), 3, 45, 45 * 36 / 160, ch.title .. "：" .. words))
          .. xml.para("TableText", xml.run(words, small), jc("center")))
      else
        out[#out + 1] = cell(ws[k + 1], xml.para("TableText", ""))
      end
    end
    out[#out + 1] = "</w:tr>"
  end
  out[#out + 1] = "</w:tbl>"
  return table.concat(out)
end

--- The metadata block: 城市, 数据截至 / 报告期, 生成时间 in two rows of a table without
--- borders (楷体 四号), followed by an empty line.
function M.meta_block(r)
  local ws = widths({ 40, 60 }, xml.twips(pkg.TEXT_WIDTH_MM))
  local items = { { "城市", r.city_name or r.city }, { "数据截至", M.date_words(r.as_of) },
                  { "报告期", M.period_words(r.period) }, { "生成时间", M.beijing_words(r.generated) } }
  local out = { table_open(ws, nil) }
  for i = 1, #items, 2 do
    out[#out + 1] = "<w:tr>"
    for k = 0, 1 do
      local it = items[i + k]
      out[#out + 1] = cell(ws[k + 1], xml.para("Meta", xml.run(it[1] .. "：" .. tostring(it[2] or ""))))
    end
    out[#out + 1] = "</w:tr>"
  end
  out[#out + 1] = "</w:tbl>"
  return table.concat(out) .. xml.para(nil, "")
end

-- The summary: a sentence, the bar, a table of counts shaded in the status colours.
local function summary(out, r, media)
  local total, parts = 0, {}
  for _, s in ipairs(r.summary) do
    total = total + s.n
    if s.n > 0 then parts[#parts + 1] = string.format("%s%d项（%s）", s.label, s.n, s.color) end
  end
  out[#out + 1] = xml.para("Heading2", xml.run("总体情况"))
  out[#out + 1] = xml.para(nil, xml.run(string.format("截至%s，共%d项目标%s。", M.date_words(r.as_of), total,
    #parts > 0 and ("：" .. table.concat(parts, "，")) or "")))
  out[#out + 1] = xml.para("Figure", media:drawing(html.summary_bar(r.summary), 2, 150, 5.5, "状态汇总"))
  local n = #r.summary
  if n == 0 then return end
  local ws = widths((function() local w = {}; for i = 1, n do w[i] = 1 end; return w end)(),
    xml.twips(pkg.TEXT_WIDTH_MM))
  local rpr = xml.rpr({ size = pkg.SIZE.table }, FONTS)
  local row1, row2 = { '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' }, { '<w:tr><w:trPr><w:cantSplit/></w:trPr>' }
  for i, s in ipairs(r.summary) do
    local sh = M.status_shading(s.status) or { fill = "D9D9D9", color = "000000" }
    row1[#row1 + 1] = cell(ws[i], xml.para("TableText", xml.run(s.color .. " " .. s.label,
      xml.rpr({ size = pkg.SIZE.table, bold = true, color = sh.color }, FONTS)), jc("center")), sh.fill)
    row2[#row2 + 1] = cell(ws[i], xml.para("TableText", xml.run(tostring(s.n) .. "项", rpr), jc("center")))
  end
  out[#out + 1] = table_open(ws, "Grid") .. table.concat(row1) .. "</w:tr>" .. table.concat(row2) .. "</w:tr></w:tbl>"
end

--- The body of word/document.xml (everything inside w:body but the sectPr).
function M.render(r, media)
  local out = { xml.para("Title", xml.run(r.title)) }
  out[#out + 1] = M.meta_block(r)
  for _, n in ipairs(r.notes or {}) do
    out[#out + 1] = xml.para(nil, xml.run("注：" .. n, xml.rpr({ font = "h2" }, FONTS)))
  end
  if r.summary then summary(out, r, media) end
  local any_numbered = false
  for _, s in ipairs(r.sections) do if numbered(s.title) then any_numbered = true end end
  for i, s in ipairs(r.sections) do
    local title = s.title
    if not any_numbered then title = (CN_NUM[i] or tostring(i)) .. "、" .. title end
    out[#out + 1] = xml.para("Heading1", xml.run(title))
    if s.text then body_paras(out, s.text) end
    local has_table = s.columns and s.rows and #s.rows > 0
    local has_charts = s.charts and #s.charts > 0
    if has_table then
      if has_charts then out[#out + 1] = xml.para("Heading2", xml.run("（一）情况表")) end
      out[#out + 1] = M.data_table(s, media)
    elseif s.columns then
      out[#out + 1] = xml.para(nil, xml.run("（无）"))
    end
    if has_charts then
      if has_table then out[#out + 1] = xml.para("Heading2", xml.run("（二）指标走势")) end
      out[#out + 1] = M.charts_table(s.charts, media)
    end
  end
  out[#out + 1] = xml.para("Figure", "")              -- the body ends with a paragraph, not a table
  return table.concat(out)
end

return M
