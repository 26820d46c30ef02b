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

local CN_VAL = { ["一"] = 1, ["二"] = 2, ["三"] = 3, ["四"] = 4, ["五"] = 5, ["六"] = 6, ["七"] = 7,
                 ["八"] = 8, ["九"] = 9, ["十"] = 10 }

--- The value of a Chinese ordinal of up to 99 (一, 十一, 二十三), or nil.
function M.cn_value(n)
  local chars = {}
  for _, c in utf8.codes(n) do chars[#chars + 1] = CN_VAL[utf8.char(c)] end
  if #chars == 1 then return chars[1] end
  if #chars == 2 and chars[1] == 10 then return 10 + chars[2] end
  if #chars == 2 and chars[2] == 10 then return chars[1] * 10 end
  if #chars == 3 and chars[2] == 10 then return chars[1] * 10 + chars[3] end
end

--- The heading at the start of a line: level (1 一、, 2 (一), 3 1., 4 (1), 5 一是 / 第一,), number as
--- written ("二、", "(一)", "1", "(1)", "一是"), and the rest of the line; or nil.
function M.heading(line)
  local n, rest = line:match("^(" .. CN_NUM .. "+)、(.*)$")
  if n and ulen(n) <= 3 then return 1, n .. "、", rest end
  n, rest = line:match("^%((" .. CN_NUM .. "+)%)(.*)$")
  if n and ulen(n) <= 3 then return 2, "(" .. n .. ")", rest end
  n, rest = line:match("^(%d%d?)[%.、](.*)$")
  if n and not rest:match("^%d") then return 3, n, rest end
  n, rest = line:match("^%((%d%d?)%)(.*)$")
  if n then return 4, "(" .. n .. ")", rest end
  n, rest = line:match("^(" .. CN_NUM .. "+)是(.*)$")
  if n and ulen(n) <= 2 then return 5, n .. "是", rest end
  n, rest = line:match("^第(" .. CN_NUM .. "+),(.*)$")
  if not n then n, rest = line:match("^第(" .. CN_NUM .. "+)，(.*)$") end
  if n and ulen(n) <= 2 then return 5, "第" .. n, rest end
  return nil
end

-- The value of a heading's number ("二、" → 2, "(3)" → 3, "一是" → 1).
local function heading_value(level, num)
  if level == 3 then return tonumber(num) end
  if level == 4 then return tonumber(num:match("%d+")) end
  return M.cn_value((num:gsub("、", ""):gsub("[()]", ""):gsub("是", ""):gsub("第", "")))
end

-- Punctuation after which a 一、 / 1. / 一是 heading may stand inside a line.
local BREAK_BEFORE = { ["。"] = true, [";"] = true, [":"] = true, ["!"] = true, ["?"] = true, ["！"] = true,
                       ["？"] = true, ["；"] = true, ["："] = true, [")"] = true, [" "] = true }
local ORD_BEFORE = { [","] = true, ["，"] = true, [";"] = true, ["；"] = true, ["。"] = true, [":"] = true,
                     ["："] = true }

-- The numbering seen so far (last value at each level), for telling a heading inside a line
-- from a number in a sentence: an inline heading must be the next number of its level.
local function new_numbering() return { 0, 0, 0, 0, 0 } end

-- (a 1. item may also go on from the last item of the part before: 5. under (一), 6. under (二))
local function expected(state, level, v)
  if level == 3 then return v == state[3] + 1 or v == (state.items or 0) + 1 end
  return v == state[level] + 1
end

local function advance(state, level, num)
  local v = heading_value(level, num)
  if not v then return end
  state[level] = v
  if level == 3 then state.items = v end
  for k = level + 1, 5 do state[k] = 0 end
  if level < 5 then state[5] = 0 end
end

-- Could a heading start at character ch after prev? (cheap: looked at before parsing)
local function may_start(ch, prev)
  if ch == "(" then return true end
  if ch:match("^%d") then return BREAK_BEFORE[prev] end
  if CN_VAL[ch] then return BREAK_BEFORE[prev] or ORD_BEFORE[prev] end
  return ch == "第" and ORD_BEFORE[prev]
end

-- Is there an inline heading at byte i of line (prev = the character before it)? Only a short
-- piece is parsed, so a long line costs no copies of its rest.
local function inline_at(line, i, prev, state)
  local level, num = M.heading(line:sub(i, i + 23))
  if not level then return nil end
  local v = heading_value(level, num)
  if not v or not expected(state, level, v) then return nil end
  if level == 1 or level == 3 then
    if not BREAK_BEFORE[prev] then return nil end
  elseif level == 5 then
    if not ORD_BEFORE[prev] then return nil end
  end
  return level, num
end

--- A line cut at the headings written inside it (一、 (一) 1. (1) 一是, each the next number of
--- its level; 一、 and 1. after a sentence end, 一是 after a comma), so that a whole section
--- flattened onto one line is read part by part. state carries the numbering between lines.
function M.split_inline(line, state)
  state = state or new_numbering()
  local out, from = {}, 1
  local lvl0, num0 = M.heading(line)
  if lvl0 then advance(state, lvl0, num0) end
  local prev
  for p, c in utf8.codes(line) do
    local ch = utf8.char(c)
    if p > 1 and prev and may_start(ch, prev) then
      local level, num = inline_at(line, p, prev, state)
      if level then
        out[#out + 1] = line:sub(from, p - 1)
        from = p
        advance(state, level, num)
      end
    end
    prev = ch
  end
  out[#out + 1] = line:sub(from)
  return out
end

--- Paragraphs of the text: lines rejoined where a page break split a sentence (a long line
--- that does not end a sentence, followed by a line that is not a heading). Returns a list
--- of { text =, line = first line number }.
function M.paragraphs(text)
  local lines, numbers = {}, {}
  local state = new_numbering()
  local n = 0
  for l in (text .. "\n"):gmatch("(.-)\n") do
    n = n + 1
    for _, piece in ipairs(#l > 60 and M.split_inline(l, state) or { l }) do
      if #l <= 60 then
        local lvl, num = M.heading(l)
        if lvl then advance(state, lvl, num) end
      end
      lines[#lines + 1] = piece; numbers[#lines] = n
    end
  end
  local out, cur, i = {}, nil, 1
  while i <= #lines do
    local l = lines[i]
    if l ~= "" then
      if cur then
        cur.text = cur.text .. l
      else
        cur = { text = l, line = numbers[i] }
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

--- The (责任单位:…) lists in s, and a "责任单位:A、B" paragraph: list of { units = {…}, start =, stop = }.
function M.responsible(s)
  local out = {}
  local bare = s:match("^责任单位[:：](.*)$")
  if bare then
    local body = bare:gsub("%(?列第一位.*$", "")
    return { { units = M.split_units(body), start = 1, stop = #s + 1, first_listed = bare ~= body } }
  end
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

local UNIT_END = {}
for _, c in utf8.codes("局委办部院行会司厅处室组团府心队所社联关网站") do UNIT_END[utf8.char(c)] = true end

--- Does s read as the name of a unit (市经信局, 人行嘉兴市中心支行, 各县(市、区)政府)?
function M.looks_unit(s)
  local n = ulen(s)
  if n < 2 or n > 24 or not UNIT_END[last_char(s)] then return false end
  for _, p in ipairs({ "，", "。", ";", ":", "：", "要", "的" }) do
    if s:find(p, 1, true) then return false end
  end
  return true
end

local function all_units(list)
  if #list == 0 then return false end
  for _, u in ipairs(list) do if not M.looks_unit(u) then return false end end
  return true
end

-- The body of the bracket opening at byte a, and the byte after its ")".
local function bracket_at(s, a)
  local depth, k = 1, a + 1
  while k <= #s and depth > 0 do
    local c = s:sub(k, k)
    if c == "(" then depth = depth + 1 elseif c == ")" then depth = depth - 1 end
    k = k + 1
  end
  if depth > 0 then return nil end
  return s:sub(a + 1, k - 2), k
end

-- A bracket naming a lead: (X牵头) (X牵头,Y配合) (牵头单位:X;配合单位:Y) → lead units, all units.
local function bracket_lead(body)
  local named = body:match("^牵头单位[:：](.*)$")
  if named then
    local lead = named:match("^(.-)[;；]") or named
    local others = named:match("配合单位[:：](.*)$")
    local leads = M.split_units(lead)
    local units = { table.unpack(leads) }
    for _, u in ipairs(others and M.split_units(others) or {}) do units[#units + 1] = u end
    return leads, units, "(牵头单位:X)"
  end
  local a = body:find("牵头", 1, true)
  if not a then return nil end
  local leads = M.split_units(body:sub(1, a - 1))
  if not all_units(leads) then return nil end
  local units = { table.unpack(leads) }
  local rest = body:sub(a + #"牵头"):gsub("^[,，;；]", "")
  local helpers = rest:match("^(.-)配合") or rest:match("^(.-)参与")
  for _, u in ipairs(helpers and M.split_units(helpers) or {}) do units[#units + 1] = u end
  return leads, units, "(X牵头)"
end

-- Clause bounds around bytes [a, b): after the last of ，,。;；:：( before a, to the first after b.
local CLAUSE_SEPS = { "，", ",", "。", ";", "；", ":", "：", "(", ")" }
local function clause_before(s, a)
  local from = 1
  for _, d in ipairs(CLAUSE_SEPS) do
    local k = 1
    while true do
      local p = s:find(d, k, true)
      if not p or p >= a then break end
      if p + #d > from then from = p + #d end
      k = p + #d
    end
  end
  return from
end

local DUTY_TAIL = { "按职责分工", "按照职责分工", "按职责", "共同", "分别", "具体" }

-- "由X牵头" and "X负责" outside brackets: lead units and all units, or nil.
local function phrase_lead(s, a, word)
  local from = clause_before(s, a)
  local x = s:sub(from, a - 1)
  if word == "牵头" then
    x = x:match("^由(.*)$")
    if not x then return nil end
  else
    x = x:gsub("^由", "")
    for _, w in ipairs(DUTY_TAIL) do
      if x:sub(-#w) == w then x = x:sub(1, -#w - 1) end
    end
  end
  local units = M.split_units(x)
  if #units == 1 then units = M.split_units((units[1]:gsub("和", "、"))) end
  if not all_units(units) then return nil end
  return { units[1] }, units, from
end

--- Every place in s that names a lead unit, in order: { lead = {…}, units = {…}, start =, stop =,
--- form = } for (X牵头) and (X牵头,Y配合), (牵头单位:X;配合单位:Y), 由X牵头, X负责.
function M.lead_marks(s)
  local out = {}
  local k = 1
  while true do
    local a = s:find("(", k, true)
    if not a then break end
    local body, stop = bracket_at(s, a)
    if not body then break end
    local leads, units, form = bracket_lead(body)
    if leads then out[#out + 1] = { lead = leads, units = units, start = a, stop = stop, form = form } end
    k = a + 1
  end
  for _, word in ipairs({ "牵头", "负责" }) do
    k = 1
    while true do
      local a, b = s:find(word, k, true)
      if not a then break end
      local inside = select(2, s:sub(1, a):gsub("%(", "")) > select(2, s:sub(1, a):gsub("%)", ""))
      if not inside then
        local leads, units, from = phrase_lead(s, a, word)
        if leads then
          out[#out + 1] = { lead = leads, units = units, start = from, stop = b + 1,
                            form = word == "牵头" and "由X牵头" or "X负责" }
        end
      end
      k = b + 1
    end
  end
  table.sort(out, function(x, y) return x.start < y.start end)
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
      -- 发文字号:甬政办发〔2018〕88号 → the number without its label
      if dn then meta.doc_number = dn:gsub("^.-字号[:：]", ""):gsub("^文号[:：]", "") end
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
  -- (or "YYYY年M月D日\nISSUER"), or a "…YYYY年M月D日印发" line
  local tail = last_lines(text, 14)
  local function issuer_line(l)
    if not l or ulen(l) > 20 then return nil end
    for _, e in ipairs({ "府", "室", "会", "局", "委", "厅" }) do if l:sub(-#e) == e then return l end end
  end
  for k = 1, math.min(13, #tail) do
    local d = tail[k]:match("^%d%d%d%d年%d%d?月%d%d?日$") and deadline.date(tail[k])
    if d then
      if not meta.issued then meta.issued = d end
      meta.issuer = meta.issuer or issuer_line(tail[k + 1]) or issuer_line(tail[k - 1])
      break
    end
  end
  for k = 1, math.min(13, #tail) do
    local printed = not meta.issued and tail[k]:match("(%d%d%d%d年%d%d?月%d%d?日)印发$")
    if printed then
      meta.issued = deadline.date(printed)
      meta.issuer = meta.issuer or issuer_line(tail[k + 1])
    end
  end
  if not meta.issuer and meta.title then
    meta.issuer = meta.title:match("^(.-市人民政府办公室)") or meta.title:match("^(.-市人民政府办公厅)")
      or meta.title:match("^(.-市人民政府)")
  end
  local probe = (meta.title or "") .. "\n" .. table.concat(lines, "\n", 1, head)
  for _, r in ipairs(deadline.scan(probe)) do
    if r.kind == "range" then meta.period_start, meta.period_end = r.from, r.to; break end
  end
  meta.status = text:find("征求意见稿", 1, true) and "draft" or "in_force"
  return meta
end

local NOT_TASKS = { "目标", "保障", "要求", "思路", "原则", "意义", "附则", "组织", "背景", "现状", "形势" }

--- Is a 一、 section one of tasks (重点任务, 主要举措, 六大工程 …) rather than goals, principles
--- or safeguards?
function M.is_task_section(title)
  if not title then return false end
  for _, w in ipairs(NOT_TASKS) do if title:find(w, 1, true) then return false end end
  return true
end

-- Mark p a measure: a 1. item under any 一、 section (as before), a (1) item under a 1. item,
-- a (一) part of a task section; a part with measures under it becomes their group.
local function mark_measure(p, open)
  local level, l1 = p.level, p.l1
  if level == 3 and l1 then
    p.measure, p.measure_section = true, p.section .. " " .. p.l3
  elseif level == 4 and p.l3 and l1 then
    p.measure, p.measure_section = true, p.section .. " " .. p.l3 .. p.number
  elseif level == 2 and M.is_task_section(p.l1title) then
    p.measure, p.measure_section = true, p.section
  end
  if not p.measure then return end
  for k = level - 1, 2, -1 do
    local parent = open[k]
    if parent and parent.measure then parent.measure, parent.group = false, true end
  end
  open[level] = p
  for k = level + 1, 4 do open[k] = nil end
end

--- Parse the text: { paragraphs = { {text=, line=, section=, level=, number=, title=,
--- l1=, l2=, l3=, measure=bool, units_of = the measure paragraph a 责任单位:… paragraph
--- belongs to}, … }, lead_rule =, lead_rule_quote = } (the document's metadata is M.metadata's).
function M.parse(text)
  local doc = { paragraphs = {} }
  local l1, l2, l3, l1title, l2title
  local open, last_measure = {}, nil
  for _, p in ipairs(M.paragraphs(text)) do
    local level, num, rest = M.heading(p.text)
    if level == 1 then l1, l2, l3, l1title, l2title, open = num, nil, nil, rest, nil, {}
    elseif level == 2 then l2, l3, l2title = num, nil, rest
    elseif level == 3 then l3 = num
    end
    p.level, p.number, p.body = level, num, rest
    p.l1, p.l2, p.l3, p.l1title, p.l2title = l1, l2, l3, l1title, l2title
    p.section = (l1 or "") .. (l2 or "")
    if level and level <= 4 then mark_measure(p, open) end
    if p.measure then last_measure = p elseif level and level <= 2 then last_measure = nil end
    if not level and last_measure and p.text:find("^责任单位") then p.units_of = last_measure end
    if level then
      local t = rest:match("^(.-)。") or rest:match("^(.-)%(责任单位") or rest
      p.title = t
    end
    doc.paragraphs[#doc.paragraphs + 1] = p
    if not doc.lead_rule then
      local q = p.text:match("(列第一位[^)]*)")
      if q then
        for _, tail in ipairs({ "，下同", ",下同", "。", "，", "," }) do
          if q:sub(-#tail) == tail then q = q:sub(1, -#tail - 1) end
        end
        doc.lead_rule, doc.lead_rule_quote = "first_listed", q
      end
    end
  end
  return doc
end

return M
