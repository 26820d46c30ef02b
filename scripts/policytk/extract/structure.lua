-- policytk.extract.structure: the structure of a normalized policy text — paragraphs rejoined over
-- page breaks, the numbering hierarchy (一、 / (一) / 1. / (1)), section and measure titles,
-- 责任单位 lists and the lead rule, per-target leads ((市市场监管局牵头)), and the metadata
-- (title, 文号, issuer, issue date, period, draft status).
--
-- Input is text as policytk.text.normalize gives it (half-width ( ) : ;).
--
-- Capability: text and extract: reading policy documents (entry policytk.extract; map in docs/architecture.md).

local deadline = require "policytk.extract.deadline"

local M = {}

local CN_NUM = "[一二三四五六七八九十]"

local TERMINAL = { ["。"] = true, [";"] = true, [":"] = true, ["!"] = true, ["?"] = true,
                   ["！"] = true, ["？"] = true, ["；"] = true, ["："] = true }

local function last_char(s)
  local i = #s
  while i > 1 and (s:byte(i) & 0xC0) == 0x80 do i = i - 1 end
  return s:sub(i)
end

local function ulen(s) return utf8.len(s) or #s end

--- The heading at the start of a line: level (1 一、, 2 (一), 3 1., 4 (1)), number as
--- written ("二、", "(一)", "1", "(1)"), and the rest of the line; or nil.
function M.heading(line)
  local n, rest = line:match("^(" .. CN_NUM .. "+)、(.*)$")
  if n and ulen(n) <= 3 then return 1, n .. "、", rest end
  n, rest = line:match("^%((" .. CN_NUM .. "+)%)(.*)$")
  if n and ulen(n) <= 3 then return 2, "(" .. n .. ")", rest end
  n, rest = line:match("^(%d%d?)[%.、](.*)$")
  if n and not rest:match("^%d") then return 3, n, rest end
  n, rest = line:match("^%((%d%d?)%)(.*)$")
  if n then return 4, "(" .. n .. ")", rest end
  return nil
end

--- Paragraphs of the text: lines rejoined where a page break split a sentence (a long line
--- that does not end a sentence, followed by a line that is not a heading). Returns a list
--- of { text =, line = first line number }.
function M.paragraphs(text)
  local lines = {}
  for l in (text .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = l end
  local out, cur, i = {}, nil, 1
  while i <= #lines do
    local l = lines[i]
    if l ~= "" then
      if cur then
        cur.text = cur.text .. l
      else
        cur = { text = l, line = i }
      end
      -- does it go on?
      local unclosed = select(2, cur.text:gsub("%(", "")) > select(2, cur.text:gsub("%)", ""))
      local open = unclosed or ulen(cur.text) >= 18 and not TERMINAL[last_char(cur.text)]
        and not (M.heading(cur.text) and not cur.text:find("。", 1, true))
        and last_char(cur.text) ~= ")"
      local j = i + 1
      while j <= #lines and lines[j] == "" do j = j + 1 end
      if open and j <= #lines and not M.heading(lines[j]) and not lines[j]:match("^——") then
        i = j
      else
        out[#out + 1] = cur
        cur = nil
        i = i + 1
      end
    else
      i = i + 1
    end
  end
  if cur then out[#out + 1] = cur end
  return out
end

-- Split a unit list "A、B,C" (brackets and <> respected; <> becomes ()).
function M.split_units(s)
  s = s:gsub("<", "("):gsub(">", ")")
  local cut = s:find("列第一位", 1, true)
  if cut then s = s:sub(1, cut - 1) end
  local changed = true
  while changed do
    changed = false
    for _, p in ipairs({ "。", ",", "，", ";", "." }) do
      if #s >= #p and s:sub(-#p) == p then s = s:sub(1, -#p - 1); changed = true end
    end
  end
  local out, depth, cur = {}, 0, {}
  for _, c in utf8.codes(s) do
    local ch = utf8.char(c)
    if ch == "(" then depth = depth + 1 elseif ch == ")" then depth = depth - 1 end
    if depth == 0 and (ch == "、" or ch == "," or ch == "，" or ch == ";") then
      out[#out + 1] = table.concat(cur); cur = {}
    else
      cur[#cur + 1] = ch
    end
  end
  out[#out + 1] = table.concat(cur)
  local clean = {}
  for _, u in ipairs(out) do
    u = u:gsub("^%s+", ""):gsub("%s+$", ""):gsub("^等", "")
    if u ~= "" then clean[#clean + 1] = u end
  end
  return clean
end

--- The (责任单位:…) lists in s: list of { units = {…}, start =, stop = }.
function M.responsible(s)
  local out = {}
  local i = 1
  while true do
    local a, b = s:find("(责任单位", i, true)
    if not a then break end
    local depth, k = 1, b + 1
    while k <= #s and depth > 0 do
      local c = s:sub(k, k)
      if c == "(" then depth = depth + 1 elseif c == ")" then depth = depth - 1 end
      k = k + 1
    end
    local body = s:sub(b + 1, k - 2)
    if body:sub(1, 1) == ":" then body = body:sub(2) elseif body:sub(1, 3) == "：" then body = body:sub(4) end
    out[#out + 1] = { units = M.split_units(body), start = a, stop = k,
                      first_listed = body:find("列第一位", 1, true) ~= nil }
    i = k
  end
  return out
end

--- The (X、Y牵头) brackets in s: list of { units = {…}, start =, stop = }.
function M.leads(s)
  local out = {}
  local i = 1
  while true do
    local a, b = s:find("牵头%)", i)
    if not a then break end
    -- walk back to the matching "("
    local depth, k = 0, a - 1
    while k >= 1 do
      local c = s:sub(k, k)
      if c == ")" or c == ">" then depth = depth + 1
      elseif c == "(" or c == "<" then
        if depth == 0 then break end
        depth = depth - 1
      end
      k = k - 1
    end
    if k >= 1 and a - k < 300 then
      local body = s:sub(k + 1, a - 1)
      if not body:find("。", 1, true) and not body:find(";", 1, true) then
        out[#out + 1] = { units = M.split_units(body), start = k, stop = b + 1 }
      end
    end
    i = b + 1
  end
  return out
end

-- The first k non-empty lines of text.
local function first_lines(text, k)
  local out, pos, n = {}, 1, #text
  while #out < k and pos <= n do
    local e = text:find("\n", pos, true) or n + 1
    if e > pos then out[#out + 1] = text:sub(pos, e - 1) end
    pos = e + 1
  end
  return out
end

-- The last k non-empty lines of text, the last first; read from a piece at the end that
-- grows until it holds them, so a long text is not split whole.
local function last_lines(text, k)
  local size = 65536
  while true do
    local whole = size >= #text
    local segs = {}
    for l in ((whole and text or text:sub(-size)) .. "\n"):gmatch("(.-)\n") do segs[#segs + 1] = l end
    if not whole then table.remove(segs, 1) end   -- it may be the end of a longer line
    local out = {}
    for i = #segs, 1, -1 do
      if segs[i] ~= "" then
        out[#out + 1] = segs[i]
        if #out == k then return out end
      end
    end
    if whole then return out end
    size = size * 4
  end
end

--- Metadata found in the first and last lines: title, doc_number, issuer, issued,
--- period_start, period_end, status.
function M.metadata(text)
  local meta = {}
  local lines = first_lines(text, 21)     -- the first 20 and the one after them
  local head = math.min(#lines, 20)
  for i = 1, head do
    local l = lines[i]
    if not meta.doc_number then
      local dn = l:match("^([^%s]*〔%d%d%d%d〕%d+号)$")
      if dn then meta.doc_number = dn end
    end
    if not meta.title and l:find("关于印发", 1, true) and l:match("的通知$") then
      meta.title = l:match("关于印发(.-)的通知") or l
      meta.title = meta.title:gsub("^《", ""):gsub("》$", "")
    end
    if not meta.issuer and i <= 3 and l:match("文件$") then meta.issuer = l:gsub("文件$", "") end
    if not meta.issued then
      local d = l:match("^%d%d%d%d年%d%d?月%d%d?日$") and deadline.date(l)
      if d then meta.issued = d end
    end
  end
  if not meta.title then
    for i = 1, head do
      local l = lines[i]
      if ulen(l) <= 40 and (l:find("计划", 1, true) or l:find("意见", 1, true) or l:find("方案", 1, true)
          or l:find("措施", 1, true) or l:find("清单", 1, true)) and not l:find("。", 1, true) then
        meta.title = l
        local nxt = lines[i + 1]
        if nxt and nxt:match("^%(%d%d%d%d.%d%d%d%d年?%)$") then meta.title = l .. nxt end
        break
      end
    end
  end
  -- the issue date and issuer at the end: "ISSUER\nYYYY年M月D日", in the last 13 lines
  local tail = last_lines(text, 14)
  for k = 1, math.min(13, #tail) do
    local d = tail[k]:match("^%d%d%d%d年%d%d?月%d%d?日") and deadline.date(tail[k])
    if d then
      if not meta.issued then meta.issued = d end
      local prev = tail[k + 1]
      if prev and not meta.issuer and ulen(prev) <= 20 and prev:match("[府室会局委]$") then meta.issuer = prev end
      break
    end
  end
  if not meta.issuer and meta.title then
    meta.issuer = meta.title:match("^(.-市人民政府办公室)") or meta.title:match("^(.-市人民政府)")
  end
  local probe = (meta.title or "") .. "\n" .. table.concat(lines, "\n", 1, head)
  for _, r in ipairs(deadline.scan(probe)) do
    if r.kind == "range" then meta.period_start, meta.period_end = r.from, r.to; break end
  end
  meta.status = text:find("征求意见稿", 1, true) and "draft" or "in_force"
  return meta
end

--- Parse the text: { paragraphs = { {text=, line=, section=, level=, number=, title=,
--- l1=, l2=, l3=, measure=bool}, … }, lead_rule =, lead_rule_quote = } (the document's
--- metadata is M.metadata's).
function M.parse(text)
  local doc = { paragraphs = {} }
  local l1, l2, l3, l1title, l2title
  for _, p in ipairs(M.paragraphs(text)) do
    local level, num, rest = M.heading(p.text)
    if level == 1 then l1, l2, l3, l1title, l2title = num, nil, nil, rest, nil
    elseif level == 2 then l2, l3, l2title = num, nil, rest
    elseif level == 3 then l3 = num
    end
    p.level, p.number, p.body = level, num, rest
    p.l1, p.l2, p.l3, p.l1title, p.l2title = l1, l2, l3, l1title, l2title
    p.section = (l1 or "") .. (l2 or "")
    if level == 3 and l1 then
      p.measure = true
      p.measure_section = p.section .. " " .. l3
    end
    if level then
      local t = rest:match("^(.-)。") or rest:match("^(.-)%(责任单位") or rest
      p.title = t
    end
    doc.paragraphs[#doc.paragraphs + 1] = p
    if not doc.lead_rule then
      local q = p.text:match("(列第一位[^)]*)")
      if q then doc.lead_rule, doc.lead_rule_quote = "first_listed", q end
    end
  end
  return doc
end

return M
