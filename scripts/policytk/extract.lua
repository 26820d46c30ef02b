-- policytk.extract: draft a plugin document from a policy text — repair it (policytk.text),
-- find its structure (policytk.extract.structure, or policytk.extract.pdf_table for a flattened task table),
-- its measures with their units, and its quantitative targets with value, unit, comparator,
-- kind, deadline, lead unit, the exact quote and a confidence. General rules only; see
-- docs/extract.md for each rule and its known limits.

local text = require "policytk.text"
local quantity = require "policytk.extract.quantity"
local deadline = require "policytk.extract.deadline"
local structure = require "policytk.extract.structure"
local pdf_table = require "policytk.extract.pdf_table"

local M = {}

local function contains(s, words)
  for _, w in ipairs(words) do if s:find(w, 1, true) then return w end end
end

-- Sentence bounds around byte i: split at 。 ; ! ? and line ends.
local SENT = { "。", ";", "；", "！", "？", "\n" }
local function sentence(s, i)
  local a, b = 1, #s + 1
  for _, d in ipairs(SENT) do
    local k = 1
    while true do
      local p = s:find(d, k, true)
      if not p then break end
      if p < i and p + #d > a then a = p + #d end
      if p >= i and p < b then b = p; break end
      k = p + #d
    end
  end
  return a, b
end

-- Start of the clause holding byte i (after the last ， , 、 : within the sentence).
local function clause_start(s, a, i)
  local best = a
  for _, d in ipairs({ "，", ",", ":", "：" }) do
    local k = a
    while true do
      local p = s:find(d, k, true)
      if not p or p >= i then break end
      best = math.max(best, p + #d)
      k = p + #d
    end
  end
  return best
end

local BENEFIT = { "最高", "奖励", "补助", "补贴", "给予", "资助", "贴息", "额度", "奖补", "一次性" }
local TAX = { "免征", "减半", "减按", "加计", "抵减", "税前", "应纳税" }
local CUE = { "力争", "确保", "保持在", "原则上", "控制在", "不超过" }
local GROWTH = { "增长", "增速" }
local FLOW = { "新增", "累计", "培育", "引进", "新建", "新授予", "完成", "开展", "组织", "培训", "发放",
               "打造", "支持", "实施", "建成", "举办", "新辟", "形成", "招引" }
local LEVEL = { "余额", "总量", "保有", "达到", "突破", "规模", "全市", "总" }

local function kind_of(q, before)
  if q.unit == "个工作日" or q.unit == "天" or q.unit == "小时" then return "duration" end
  if q.unit == "位" or q.unit == "个百分点" or q.unit == "倍" then return "other" end
  if q.unit == "%" then return contains(before, GROWTH) and "growth_rate" or "share" end
  if contains(before, { "余额", "总量", "保有", "总建筑面积", "规模" }) then return "level" end
  if contains(before, FLOW) then return "cumulative_new" end
  if contains(before, LEVEL) then return "level" end
  return "cumulative_new"
end

-- The deadline of a quantity at byte i of s (a paragraph or cell text).
local function item_start(s, i)
  local best = 1
  local k = 1
  while true do
    local p, q = s:find("。%d%d?%.%D", k)
    if not p or p >= i then break end
    best = p; k = q
  end
  return best
end

local function deadline_for(s, i, ctx)
  local a, b = sentence(s, i)
  local lo = item_start(s, i)
  local best, after, para
  for _, d in ipairs(deadline.scan(s)) do
    local skip = s:sub(math.max(1, d.start - 3), d.start - 1) == "比" or s:sub(math.max(1, d.start - 3), d.start - 1) == "较"
      or s:sub(d.stop, d.stop + 5) == "以来"
    if not skip and (d.kind == "by" or d.kind == "range" or d.kind == "date" or d.kind == "this_year") then
      local dl = d.deadline
      if d.kind == "this_year" then dl = ctx.base_year and deadline.year_end(ctx.base_year) end
      if d.kind == "date" and d.year then dl = deadline.year_end(d.year) end
      if dl then
        if d.start < i and d.start >= a then best = dl
        elseif d.start < a and d.start >= lo then para = dl
        elseif d.start > i and d.start < b and not after and d.by then after = dl end
      end
    end
  end
  return best or after or para or ctx.default_deadline, (best or after) and 0.9 or para and 0.8 or 0.6
end

local function quote_of(s, a, q)
  local from = clause_start(s, a, q.start)
  local quote = s:sub(from, q.stop - 1)
  -- at most 40 characters, ending with the quantity
  if (utf8.len(quote) or 0) > 40 then
    local n = utf8.len(quote)
    quote = quote:sub(utf8.offset(quote, n - 39))
  end
  return quote, from
end

-- Ranks: 全省前三, 全国第一 → value, unit 位, comparator <=
local function ranks(s)
  local out = {}
  for _, lead in ipairs({ "全省前", "全国前", "全市前", "全省第", "全国第", "全市第" }) do
    local k = 1
    while true do
      local p = s:find(lead, k, true)
      if not p then break end
      local numpos = p + #lead
      local ch = quantity.char_at(s, numpos)
      local v = ch and (tonumber(ch) or quantity.chinese(ch))
      if v and not (quantity.char_at(s, numpos + #ch) or ""):match("^[%d]") then
        local nx = s:sub(numpos + #ch, numpos + #ch + 2)
        if nx ~= "名" and nx ~= "批" and nx ~= "家" then
          out[#out + 1] = { value = v, unit = "位", comparator = "<=", start = p, stop = numpos + #ch,
                            text = s:sub(p, numpos + #ch - 1), rank = true }
        end
      end
      k = numpos
    end
  end
  table.sort(out, function(x, y) return x.start < y.start end)
  return out
end

--- Targets in one chunk of text. mode: "goal" (every quantity with a unit is a target),
--- "measure" (only with a comparator and a target cue: 力争, 确保, 保持在, 原则上, 控制在, 不超过)
--- or "dated" (only with a date or 每年 in the same sentence). Returns a list.
function M.targets_in(s, mode, ctx)
  local out = {}
  local qs = quantity.scan(s)
  for _, r in ipairs(ranks(s)) do qs[#qs + 1] = r end
  table.sort(qs, function(x, y) return x.start < y.start end)
  for _, q in ipairs(qs) do
    local a, b = sentence(s, q.start)
    local sent = s:sub(a, b - 1)
    local cs = clause_start(s, a, q.start)
    local before = s:sub(cs, q.start - 1)
    local after = s:sub(q.stop, q.stop + 2)
    local ok = q.unit ~= nil and not q.bare
    local confidence = 0.8
    if ok and (after == "的" or after == "/" or contains(before, BENEFIT) or contains(sent, TAX)) then ok = false end
    if ok and q.chinese_only then ok = false end
    -- Chinese numerals count only with a comparator or as ranks/fractions (一批, 三个服务平台 are names)
    if ok and not q.rank and not q.fraction and not s:sub(q.start, q.start):match("%d") and not q.comparator then ok = false end
    if ok and mode == "measure" then
      ok = q.comparator ~= nil and (contains(sent, CUE) ~= nil or sent:find("到%d%d%d%d年") ~= nil)
      confidence = 0.6
    elseif ok and mode == "dated" then
      local dated = false
      for _, d in ipairs(deadline.scan(sent)) do
        if d.kind ~= "within" then dated = true end
      end
      ok = dated
      confidence = 0.6
    end
    if ok then
      local dl, dconf = deadline_for(s, q.start, ctx)
      local quote = quote_of(s, a, q)
      local t = {
        value = q.value, unit = q.unit, comparator = q.comparator or ">=",
        kind = kind_of(q, before), deadline = dl, quote = quote, start = q.start, stop = q.stop,
        confidence = math.min(confidence, dconf) - (q.comparator and 0 or 0.1) - (q.implied_unit and 0.2 or 0),
        comparator_implied = q.comparator == nil or nil, unit_implied = q.implied_unit,
      }
      if q.lo then t.note = string.format("range %s—%s", tostring(q.lo), tostring(q.hi)) end
      local ds = deadline.scan(before)
      if (ds[1] and ds[#ds].kind == "every") or before:find("每年", 1, true) then
        t.every = "year"
      end
      out[#out + 1] = t
      -- "A和B均新增800亿元": one number for two quantities
      if before:find("均", 1, true) and before:find("和", 1, true) then
        local t2 = {}
        for k, v in pairs(t) do t2[k] = v end
        t2.note = "均: one number for two quantities"
        out[#out + 1] = t2
      end
    end
  end
  return out
end

local function add_targets(doc, list, extra, seen)
  for _, t in ipairs(list) do
    local key = table.concat({ tostring(t.value), t.unit, t.deadline or "", t.quote }, "|")
    if not seen[key] then
      seen[key] = true
      for k, v in pairs(extra) do if t[k] == nil then t[k] = v end end
      doc.targets[#doc.targets + 1] = t
    else
      doc.warnings[#doc.warnings + 1] = "repeated target left out: " .. t.quote
    end
  end
end

local function max_year(s)
  local y
  for _, d in ipairs(deadline.scan(s)) do
    if (d.kind == "by" or d.kind == "range") and d.year and (not y or d.year > y) then y = d.year end
  end
  return y
end

local function extract_table(doc, s, ctx, seen)
  doc.lead_rule = "starred"
  local rows = pdf_table.rows(s)
  local first_year
  for _, r in ipairs(rows) do
    local ph = r.phase and deadline.scan(r.phase)[1]
    if ph and ph.kind == "range" then
      local y = tonumber(ph.from:sub(1, 4))
      if not first_year or y < first_year then first_year = y end
    end
  end
  ctx.base_year = first_year
  local last = max_year(s)
  for _, r in ipairs(rows) do if r.phase then last = math.max(last or 0, max_year(r.phase) or 0) end end
  if first_year then doc.meta.period_start = doc.meta.period_start or string.format("%04d-01-01", first_year) end
  if last then doc.meta.period_end = doc.meta.period_end or deadline.year_end(last) end
  ctx.default_deadline = doc.meta.period_end
  for _, r in ipairs(rows) do
    local m = {
      id = string.format("R%02d", r.number), section = r.section, title = r.title, text = r.title,
      key_work = r.key_work, phase = r.phase, responsible_units = r.units, lead_units = r.leads,
      contact = r.contacts[1], group = r.group,
    }
    if #r.contacts > 1 then m.contacts = { table.unpack(r.contacts, 2) } end
    local tgt = {}
    for _, l in ipairs(r.target) do tgt[#tgt + 1] = l.text end
    m.city_target = table.concat(tgt)
    local acts, cur = {}, nil
    for _, l in ipairs(r.actions) do
      if l.text:match("^%d%d?%.%D") or not cur then cur = l.text; acts[#acts + 1] = cur
      else acts[#acts] = acts[#acts] .. l.text end
    end
    m.actions = acts
    doc.measures[#doc.measures + 1] = m
    local row_ctx = setmetatable({}, { __index = ctx })
    local ph = r.phase and deadline.scan(r.phase)[1]
    if ph and ph.year then row_ctx.default_deadline = deadline.year_end(ph.year) end
    -- fragments → quotes: the line holding the number
    local function cell(lines, mode)
      local joined, starts = {}, {}
      local pos = 1
      for k, l in ipairs(lines) do starts[k] = pos; joined[#joined + 1] = l.text; pos = pos + #l.text end
      local sj = table.concat(joined)
      local found = M.targets_in(sj, mode, row_ctx)
      for _, t in ipairs(found) do
        local k = 1
        for j = 1, #starts do if starts[j] <= t.start then k = j end end
        local line = lines[k]
        local piece = line.text
        local endpos = math.min(t.stop - starts[k], #piece)
        local q = piece:sub(1, endpos)
        -- trim to the clause inside the fragment
        local lastsep = 0
        for _, d in ipairs({ "，", ",", "。", ";", "、" }) do
          local kk = 1
          while true do
            local p2 = q:find(d, kk, true)
            if not p2 or p2 + #d > t.start - starts[k] + 1 then break end
            lastsep = math.max(lastsep, p2 + #d - 1)
            kk = p2 + #d
          end
        end
        t.quote = q:sub(lastsep + 1)
        if t.quote == "" then t.quote = q end
        t.line = line.line
      end
      return found
    end
    add_targets(doc, cell(r.target, "goal"), { section = r.section, measure = m.id }, seen)
    add_targets(doc, cell(r.actions, "dated"), { section = r.section, measure = m.id }, seen)
  end
end

local function extract_prose(doc, s, ctx, seen)
  local parsed = structure.parse(s)
  doc.lead_rule, doc.lead_rule_quote = parsed.lead_rule, parsed.lead_rule_quote
  local last = max_year(s)
  doc.meta.period_end = doc.meta.period_end or (last and deadline.year_end(last))
  if not doc.meta.period_start and doc.meta.issued then doc.meta.period_start = doc.meta.issued:sub(1, 4) .. "-01-01" end
  ctx.default_deadline = doc.meta.period_end
  ctx.base_year = tonumber((doc.meta.period_start or ""):sub(1, 4))
  local in_goal_para = false
  for _, p in ipairs(parsed.paragraphs) do
    local body = p.text
    local goal_section = (p.l1title or ""):find("目标", 1, true) ~= nil
    local goal_para = goal_section
      or (p.level == 2 and body:find("^%([^)]*%)[^。]*。到%d%d%d%d年") ~= nil)
      or (body:find("^到%d%d%d%d年") ~= nil and in_goal_para)
      or (body:find("^到%d%d%d%d年") ~= nil and p.level == nil and p.l2 ~= nil and not p.l3)
    if p.level then in_goal_para = goal_para end
    local units = structure.responsible(body)
    if p.measure then
      local m = {
        id = string.format("M%02d", #doc.measures + 1), section = p.measure_section, title = p.title,
        text = (body:gsub("^%d%d?[%.、]", "")), responsible_units = {}, lead_units = {},
      }
      local last_list = units[#units]
      if last_list then
        m.responsible_units = last_list.units
        m.text = m.text:gsub("%(责任单位[:：].-%)$", "")
        if doc.lead_rule == "first_listed" then m.lead_units = { last_list.units[1] } end
      end
      doc.measures[#doc.measures + 1] = m
    end
    local mode = goal_para and "goal" or "measure"
    local found = M.targets_in(body, mode, ctx)
    local leads = structure.leads(body)
    for _, t in ipairs(found) do
      for _, l in ipairs(leads) do
        if l.start > t.start then t.lead_unit = l.units[1]; break end
      end
      t.line = p.line
    end
    local section = p.section
    if p.measure and not goal_para then section = p.measure_section end
    add_targets(doc, found, { section = section }, seen)
  end
end

--- Extract a draft from raw bytes. opts.city, opts.doc (id). Returns the draft:
--- { meta =, measures =, targets =, lead_rule =, normalize = report, warnings = {} }.
function M.extract(raw, opts)
  if type(raw) ~= "string" then error("bad argument #1 to 'extract.extract' (string expected, got " .. type(raw) .. ")", 2) end
  local doc = { opts = opts, measures = {}, targets = {}, warnings = {} }
  if raw == "" then
    doc.meta = {}
    doc.warnings[1] = "empty text"
    return doc
  end
  local s, report = text.normalize(raw)
  doc.normalize = report
  doc.text = s
  doc.meta = structure.metadata(s)
  local ctx = {}
  local seen = {}
  if pdf_table.is_table(s) then extract_table(doc, s, ctx, seen) else extract_prose(doc, s, ctx, seen) end
  for i, t in ipairs(doc.targets) do
    t.id = string.format(#doc.targets >= 100 and "T%03d" or "T%02d", i)
    t.confidence = math.floor(math.max(0.1, t.confidence or 0.5) * 100 + 0.5) / 100
  end
  if #doc.targets == 0 and #doc.measures == 0 then doc.warnings[#doc.warnings + 1] = "no measures and no targets found" end
  return doc
end

return M
