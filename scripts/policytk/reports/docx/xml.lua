-- policytk.reports.docx.xml: the WordprocessingML text of the DOCX report — text made safe
-- for XML 1.0 (invalid UTF-8 bytes become U+FFFD, characters XML forbids are dropped, & < > "
-- escaped), runs with their fonts, paragraphs with a style, and the units Word counts in
-- (twips, half-points, EMU). Part of policytk.reports.format_docx.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local M = {}

--- Twips (1/1440 inch) in a length of mm millimetres, rounded.
function M.twips(mm) return math.floor(mm * 1440 / 25.4 + 0.5) end

--- EMU (English metric units, 1/360000 cm) in mm millimetres.
function M.emu(mm) return math.floor(mm * 36000 + 0.5) end

-- U+FFFE, U+FFFF and the C0 controls but tab, newline and carriage return are not XML 1.0 characters.
local FORBIDDEN = "[%z\1-\8\11\12\14-\31]"

--- s as valid UTF-8 holding only XML 1.0 characters: each byte that is not part of a valid
--- (shortest-form, non-surrogate) sequence becomes U+FFFD; forbidden characters are dropped.
function M.clean(s)
  s = tostring(s)
  if not utf8.len(s) then
    local out, i = {}, 1
    while i <= #s do
      local n, bad = utf8.len(s, i)
      if n then out[#out + 1] = s:sub(i); break end
      out[#out + 1] = s:sub(i, bad - 1)
      out[#out + 1] = "\u{FFFD}"
      i = bad + 1
    end
    s = table.concat(out)
  end
  return (s:gsub(FORBIDDEN, ""):gsub("\239\191[\190\191]", ""))
end

local ENT = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;" }

--- s cleaned (M.clean) and escaped for XML text and attribute values.
function M.esc(s)
  return (M.clean(s):gsub('[&<>"]', ENT))
end

--- The rPr of a run: opts.font (a key of package.FONTS, the east-Asian font), opts.size in
--- points, opts.bold, opts.color (RRGGBB).
function M.rpr(opts, fonts)
  if not opts then return "" end
  local out = {}
  if opts.font then
    local f = fonts[opts.font]
    out[#out + 1] = string.format('<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>',
      f.latin, f.latin, f.name, f.latin)
  end
  if opts.bold then out[#out + 1] = "<w:b/><w:bCs/>" end
  if opts.color then out[#out + 1] = '<w:color w:val="' .. opts.color .. '"/>' end
  if opts.size then
    local hp = math.floor(opts.size * 2 + 0.5)
    out[#out + 1] = string.format('<w:sz w:val="%d"/><w:szCs w:val="%d"/>', hp, hp)
  end
  if #out == 0 then return "" end
  return "<w:rPr>" .. table.concat(out) .. "</w:rPr>"
end

--- A run of text (line breaks as w:br, tabs as w:tab) with the run properties rpr.
function M.run(text, rpr)
  text = M.clean(text):gsub("\r\n?", "\n")
  local parts = {}
  for piece in (text .. "\n"):gmatch("([^\n]*)\n") do
    local segs = {}
    for seg in (piece .. "\t"):gmatch("([^\t]*)\t") do
      if seg ~= "" then segs[#segs + 1] = '<w:t xml:space="preserve">' .. M.esc(seg) .. "</w:t>" end
      segs[#segs + 1] = "<w:tab/>"
    end
    segs[#segs] = nil                                     -- the tab added above
    parts[#parts + 1] = table.concat(segs)
    parts[#parts + 1] = "<w:br/>"
  end
  parts[#parts] = nil                                     -- the newline added above
  return "<w:r>" .. (rpr or "") .. table.concat(parts) .. "</w:r>"
end

--- A paragraph of style (a styleId of package.styles) holding runs (a string of w:r), with
--- optional extra paragraph properties ppr (w:jc, w:ind … as XML).
function M.para(style, runs, ppr)
  local props = (style and ('<w:pStyle w:val="' .. style .. '"/>') or "") .. (ppr or "")
  return "<w:p>" .. (props ~= "" and ("<w:pPr>" .. props .. "</w:pPr>") or "") .. (runs or "") .. "</w:p>"
end

return M
