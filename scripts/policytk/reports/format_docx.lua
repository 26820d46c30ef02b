-- policytk.reports.format_docx: a report as a DOCX document in the layout of 公文 (GB/T 9704,
-- as far as a generated report goes) for the leaders who receive Word files — A4 with the
-- standard margins, title in 方正小标宋简体 二号, body 仿宋_GB2312 三号, headings 黑体 and
-- 楷体_GB2312, "— N —" page numbers; tables with repeated header rows and status cells shaded
-- 红黄绿; the SVG status bars and sparklines of format_html drawn to PNG (policytk.image).
-- The XML is made here and in reports/docx/ (xml: text and runs, package: the fixed parts and
-- the page, body: document.xml); policytk.zip writes the archive. Written beside the target
-- and renamed, so a failure leaves no half-written file. See docs/reports.md, DOCX.
--
--   require("policytk.reports.format_docx").write(report, "季度例会材料.docx")
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"
local pkg = require "policytk.reports.docx.package"
local body = require "policytk.reports.docx.body"

local M = {}

--- The parts of the document in archive order: { {name =, bytes =, store =}, … }
--- ([Content_Types].xml first; the pictures stored, not deflated: PNG is compressed).
function M.parts(report)
  local media = body.media()
  local content = body.render(report, media)
  local document = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ' .. pkg.NS_DOCUMENT
    .. '><w:body>' .. content .. pkg.sect_pr(pkg.RID.footer_odd, pkg.RID.footer_even) .. '</w:body></w:document>'
  local parts = {
    { name = "[Content_Types].xml", bytes = pkg.content_types() },
    { name = "_rels/.rels", bytes = pkg.package_rels() },
    { name = "docProps/core.xml", bytes = pkg.core_props(report) },
    { name = "docProps/app.xml", bytes = pkg.app_props() },
    { name = "word/document.xml", bytes = document },
    { name = "word/_rels/document.xml.rels", bytes = pkg.document_rels(media.images) },
    { name = "word/styles.xml", bytes = pkg.styles() },
    { name = "word/settings.xml", bytes = pkg.settings() },
    { name = "word/fontTable.xml", bytes = pkg.font_table() },
    { name = "word/footer1.xml", bytes = pkg.footer("odd") },
    { name = "word/footer2.xml", bytes = pkg.footer("even") },
  }
  for _, im in ipairs(media.images) do parts[#parts + 1] = { name = im.name, bytes = im.bytes, store = true } end
  return parts
end

-- The archive at path (a temporary file of replace_atomic).
local function build(report, path)
  local parts = M.parts(report)
  local zip = require "policytk.zip"
  local z <close> = zip.writer(path)
  for _, p in ipairs(parts) do z:add(p.name, p.bytes, p.store and { store = true } or nil) end
end

--- Write the report as DOCX to path (whole or not at all: cannot_write names the path).
function M.write(report, path)
  common.replace_atomic(path, function(tmp) build(report, tmp) end)
end

return M
