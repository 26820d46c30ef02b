-- policytk.reports.docx.package: the fixed parts of the DOCX report and its page — the
-- 公文 fonts (GB/T 9704: title 方正小标宋简体 二号, body 仿宋_GB2312 三号, headings 黑体 and
-- 楷体_GB2312 三号, page numbers 宋体 四号) with the names Word and WPS know and the fonts
-- they fall back to, the styles, A4 with the GB/T 9704 margins, the footers with "— N —"
-- (odd pages on the right, even pages on the left, one character in), settings, the content
-- types and the relationships. Part of policytk.reports.format_docx.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local xml = require "policytk.reports.docx.xml"

local M = {}

--- The fonts: name (w:eastAsia, as Word and WPS list them), latin (w:ascii/w:hAnsi: digits
--- and Latin letters), alt (fontTable w:altName: what Word uses where the font is missing).
--- LibreOffice substitutes through fontconfig (any CJK font, e.g. Noto Serif/Sans CJK).
M.FONTS = {
  title = { name = "方正小标宋简体", latin = "Times New Roman", alt = "宋体", family = "roman" },
  body = { name = "仿宋_GB2312", latin = "Times New Roman", alt = "仿宋", family = "roman" },
  h1 = { name = "黑体", latin = "Times New Roman", alt = "SimHei", family = "swiss" },
  h2 = { name = "楷体_GB2312", latin = "Times New Roman", alt = "楷体", family = "roman" },
  page = { name = "宋体", latin = "Times New Roman", alt = "SimSun", family = "roman" },
}

--- Sizes in points (号): 二号 22, 三号 16, 四号 14 (the metadata block, page numbers), 五号 10.5, 小五 9.
M.SIZE = { title = 22, body = 16, meta = 14, page = 14, table = 10.5, table_small = 9 }

--- The page: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (GB/T 9704),
--- all in twips; the text is 156 mm wide.
M.PAGE = { width = 11906, height = 16838, top = xml.twips(37), bottom = xml.twips(35), left = xml.twips(28),
           right = xml.twips(26), header = xml.twips(15), footer = xml.twips(23.5) }
M.TEXT_WIDTH_MM = 210 - 28 - 26

--- Body lines: exactly 28.95 pt apart (22 lines on the page, GB/T 9704).
M.LINE = 579

local NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
  .. 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
M.NS_DOCUMENT = NS .. ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
  .. 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
  .. 'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'

local HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

local function rfonts(key)
  local f = M.FONTS[key]
  return string.format('<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>',
    f.latin, f.latin, f.name, f.latin)
end

local function sz(pt)
  local hp = math.floor(pt * 2 + 0.5)
  return string.format('<w:sz w:val="%d"/><w:szCs w:val="%d"/>', hp, hp)
end

-- One paragraph style: id, name, paragraph and run properties.
local function pstyle(id, name, ppr, rpr, extra)
  return string.format('<w:style w:type="paragraph" w:customStyle="%d" w:styleId="%s"><w:name w:val="%s"/>'
    .. '<w:basedOn w:val="Normal"/>%s<w:qFormat/><w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>',
    extra and extra.custom and 1 or 0, id, name, extra and extra.next or "", ppr, rpr)
end

local EXACT = '<w:spacing w:before="0" w:after="0" w:line="' .. M.LINE .. '" w:lineRule="exact"/>'
local INDENT2 = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
local SINGLE = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'

--- word/styles.xml: Normal (仿宋_GB2312 三号, exact 28.95 pt lines, justified, two characters
--- in), Title, Meta (楷体 centred), Heading1 (黑体), Heading2 (楷体_GB2312), Figure (a picture
--- line: single spacing, centred), TableText and TableHead (五号), Footer (宋体 四号), and the
--- table style Grid (single 0.5 pt borders).
function M.styles()
  local body_rpr = rfonts("body") .. sz(M.SIZE.body)
  return HEAD .. '<w:styles ' .. NS .. '>'
    .. '<w:docDefaults><w:rPrDefault><w:rPr>' .. rfonts("body") .. '<w:kern w:val="2"/>' .. sz(M.SIZE.body)
    .. '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    .. '<w:pPrDefault><w:pPr>' .. EXACT .. '<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
    .. '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
    .. '<w:pPr>' .. EXACT .. INDENT2 .. '<w:jc w:val="both"/></w:pPr><w:rPr>' .. body_rpr .. '</w:rPr></w:style>'
    .. '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    .. '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
    .. pstyle("Title", "Title",
      '<w:keepNext/><w:spacing w:before="0" w:after="' .. M.LINE .. '" w:line="640" w:lineRule="exact"/>'
        .. '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/><w:outlineLvl w:val="9"/>',
      rfonts("title") .. sz(M.SIZE.title))
    .. pstyle("Meta", "Report Meta", SINGLE .. '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/>',
      rfonts("h2") .. sz(M.SIZE.meta), { custom = true })
    .. pstyle("Heading1", "heading 1", '<w:keepNext/><w:keepLines/>' .. EXACT .. '<w:outlineLvl w:val="0"/>',
      rfonts("h1") .. sz(M.SIZE.body), { next = '<w:next w:val="Normal"/>' })
    .. pstyle("Heading2", "heading 2", '<w:keepNext/><w:keepLines/>' .. EXACT .. '<w:outlineLvl w:val="1"/>',
      rfonts("h2") .. sz(M.SIZE.body), { next = '<w:next w:val="Normal"/>' })
    .. pstyle("Figure", "Report Figure", SINGLE .. '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>',
      "", { custom = true })
    .. pstyle("TableText", "Report Table Text", SINGLE .. '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
      .. '<w:jc w:val="left"/>', rfonts("body") .. sz(M.SIZE.table), { custom = true })
    .. pstyle("TableHead", "Report Table Head", SINGLE .. '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
      .. '<w:jc w:val="center"/>', rfonts("h1") .. sz(M.SIZE.table), { custom = true })
    .. pstyle("Footer", "footer", SINGLE .. '<w:ind w:firstLine="0" w:firstLineChars="0"/>',
      rfonts("page") .. sz(M.SIZE.page))
    .. '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    .. '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    .. '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    .. '</w:tblCellMar></w:tblPr></w:style>'
    .. '<w:style w:type="table" w:customStyle="1" w:styleId="Grid"><w:name w:val="Report Grid"/>'
    .. '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
    .. '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    .. '<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    .. '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    .. '<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    .. '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    .. '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    .. '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
    .. '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    .. '</w:styles>'
end

--- word/fontTable.xml: each 公文 font with its fallback (w:altName) and GB2312 charset.
function M.font_table()
  local out = { HEAD .. '<w:fonts ' .. NS .. '>' }
  local seen = {}
  for _, key in ipairs({ "title", "body", "h1", "h2", "page" }) do
    local f = M.FONTS[key]
    if not seen[f.name] then
      seen[f.name] = true
      out[#out + 1] = string.format('<w:font w:name="%s"><w:altName w:val="%s"/><w:charset w:val="86"/>'
        .. '<w:family w:val="%s"/><w:pitch w:val="variable"/></w:font>', f.name, f.alt, f.family)
    end
  end
  out[#out + 1] = '<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/>'
    .. '<w:pitch w:val="variable"/></w:font></w:fonts>'
  return table.concat(out)
end

--- word/settings.xml: different odd and even footers, Chinese line breaking.
function M.settings()
  return HEAD .. '<w:settings ' .. NS .. '><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
    .. '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>'
    .. '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    .. '</w:compat></w:settings>'
end

--- A footer part: "— PAGE —" in 宋体 四号; odd pages on the right one character in, even
--- pages on the left.
function M.footer(side)
  local rpr = "<w:rPr>" .. rfonts("page") .. sz(M.SIZE.page) .. "</w:rPr>"
  local ppr = side == "odd" and '<w:ind w:right="280" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/>'
    or '<w:ind w:left="280" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/>'
  return HEAD .. '<w:ftr ' .. NS .. '><w:p><w:pPr><w:pStyle w:val="Footer"/>' .. ppr .. '</w:pPr>'
    .. '<w:r>' .. rpr .. '<w:t xml:space="preserve">— </w:t></w:r>'
    .. '<w:r>' .. rpr .. '<w:fldChar w:fldCharType="begin"/></w:r>'
    .. '<w:r>' .. rpr .. '<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    .. '<w:r>' .. rpr .. '<w:fldChar w:fldCharType="separate"/></w:r>'
    .. '<w:r>' .. rpr .. '<w:t>1</w:t></w:r>'
    .. '<w:r>' .. rpr .. '<w:fldChar w:fldCharType="end"/></w:r>'
    .. '<w:r>' .. rpr .. '<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'
end

--- The section properties closing document.xml: A4, the margins, the two footers.
function M.sect_pr(odd_rid, even_rid)
  local p = M.PAGE
  return string.format('<w:sectPr><w:footerReference w:type="default" r:id="%s"/>'
    .. '<w:footerReference w:type="even" r:id="%s"/><w:pgSz w:w="%d" w:h="%d"/>'
    .. '<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>'
    .. '<w:cols w:space="425"/></w:sectPr>', odd_rid, even_rid, p.width, p.height, p.top, p.right, p.bottom,
    p.left, p.header, p.footer)
end

--- [Content_Types].xml (PNG for the pictures).
function M.content_types()
  local ct = "application/vnd.openxmlformats-officedocument."
  return HEAD .. '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    .. '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    .. '<Default Extension="xml" ContentType="application/xml"/>'
    .. '<Default Extension="png" ContentType="image/png"/>'
    .. '<Override PartName="/word/document.xml" ContentType="' .. ct .. 'wordprocessingml.document.main+xml"/>'
    .. '<Override PartName="/word/styles.xml" ContentType="' .. ct .. 'wordprocessingml.styles+xml"/>'
    .. '<Override PartName="/word/settings.xml" ContentType="' .. ct .. 'wordprocessingml.settings+xml"/>'
    .. '<Override PartName="/word/fontTable.xml" ContentType="' .. ct .. 'wordprocessingml.fontTable+xml"/>'
    .. '<Override PartName="/word/footer1.xml" ContentType="' .. ct .. 'wordprocessingml.footer+xml"/>'
    .. '<Override PartName="/word/footer2.xml" ContentType="' .. ct .. 'wordprocessingml.footer+xml"/>'
    .. '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    .. '<Override PartName="/docProps/app.xml" ContentType="' .. ct .. 'extended-properties+xml"/>'
    .. '</Types>'
end

local REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

--- _rels/.rels.
function M.package_rels()
  return HEAD .. '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    .. '<Relationship Id="rId1" Type="' .. REL .. 'officeDocument" Target="word/document.xml"/>'
    .. '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    .. 'core-properties" Target="docProps/core.xml"/>'
    .. '<Relationship Id="rId3" Type="' .. REL .. 'extended-properties" Target="docProps/app.xml"/>'
    .. '</Relationships>'
end

--- The relationship ids document.xml uses for its fixed parts; pictures count on from FIRST_IMAGE.
M.RID = { styles = "rId1", settings = "rId2", fonts = "rId3", footer_odd = "rId4", footer_even = "rId5" }
M.FIRST_IMAGE = 6

--- word/_rels/document.xml.rels: the fixed parts and the pictures ({ {rid =, target =}, … }).
function M.document_rels(images)
  local out = { HEAD .. '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    '<Relationship Id="rId1" Type="' .. REL .. 'styles" Target="styles.xml"/>',
    '<Relationship Id="rId2" Type="' .. REL .. 'settings" Target="settings.xml"/>',
    '<Relationship Id="rId3" Type="' .. REL .. 'fontTable" Target="fontTable.xml"/>',
    '<Relationship Id="rId4" Type="' .. REL .. 'footer" Target="footer1.xml"/>',
    '<Relationship Id="rId5" Type="' .. REL .. 'footer" Target="footer2.xml"/>' }
  for _, im in ipairs(images) do
    out[#out + 1] = '<Relationship Id="' .. im.rid .. '" Type="' .. REL .. 'image" Target="' .. im.target .. '"/>'
  end
  out[#out + 1] = "</Relationships>"
  return table.concat(out)
end

-- "2024-10-15T08:00:00Z" as W3CDTF (already is); anything else: nil.
local function w3cdtf(s)
  if type(s) == "string" and s:match("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%dZ$") then return s end
  return nil
end

--- docProps/core.xml (title, creator, created) and docProps/app.xml.
function M.core_props(report)
  local when = w3cdtf(report.generated)
  return HEAD .. '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    .. 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    .. 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    .. '<dc:title>' .. xml.esc(report.title or "") .. '</dc:title><dc:creator>policytk</dc:creator>'
    .. '<dc:language>zh-CN</dc:language>'
    .. (when and ('<dcterms:created xsi:type="dcterms:W3CDTF">' .. when .. '</dcterms:created>') or "")
    .. '</cp:coreProperties>'
end

function M.app_props()
  return HEAD .. '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    .. '<Application>policytk</Application></Properties>'
end

return M
