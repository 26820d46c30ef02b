-- policytk.extract.commit: which numbers a policy text commits to — the targets of one chunk of
-- text (a paragraph, a table cell), each with value, unit, comparator, kind, deadline and the
-- rule that gave it, its quote, its context and a confidence with the reasons for it.
--
--   commit.targets_in(s, mode, ctx) → { {value=, unit=, comparator=, kind=, deadline=, quote=,
--       start=, stop=, confidence=, cue=, deadline_rule=, why = {…}, context=}, … }
--
-- Modes: "goal" (every quantity with a unit the text commits to), "measure" (only with a
-- comparator and a target cue), "dated" (only with a date or 每年 in its sentence). Every mode
-- leaves out what the text does not commit to (see M.excluded and docs/extract.md).
--
-- Capability: text and extract: reading policy documents (entry policytk.extract; map in docs/architecture.md).

local quantity = require "policytk.extract.quantity"
local deadline = require "policytk.extract.deadline"

local M = {}

local function contains(s, words)
  for _, w in ipairs(words) do if s:find(w, 1, true) then return w end end
end
M.contains = contains

local function ends_with(s, words)
  for _, w in ipairs(words) do if #s >= #w and s:sub(-#w) == w then return w end end
end

-- Sentence bounds around byte i: split at 。 ; ! ? and line ends.
local SENT = { "。", ";", "；", "！", "？", "\n" }
function M.sentence(s, i)
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

-- Start of the clause holding byte i (after the last of seps within [a, i)).
local CLAUSE = { "，", ",", ":", "：" }
local function clause_start(s, a, i, seps)
  local best = a
  for _, d in ipairs(seps or CLAUSE) do
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
M.clause_start = clause_start

-- End of the clause holding byte i (the first of seps in [i, b), else b).
local function clause_end(s, i, b, seps)
  local best = b
  for _, d in ipairs(seps or CLAUSE) do
    local p = s:find(d, i, true)
    if p and p < best then best = p end
  end
  return best
end

local BENEFIT = { "最高", "奖励", "补助", "补贴", "给予", "资助", "贴息", "额度", "奖补", "一次性" }
local LIMIT = { "最多", "可以", "可达" }
local TAX = { "免征", "减半", "减按", "加计", "抵减", "税前", "应纳税" }
local CUE = { "力争", "确保", "保持在", "原则上", "控制在", "不超过" }
local BUILD = { "建立", "组建", "形成", "打造", "培育", "建成", "储备" }
local GROWTH = { "增长", "增速" }
local FLOW = { "新增", "累计", "培育", "引进", "新建", "新授予", "完成", "开展", "组织", "培训", "发放",
               "打造", "支持", "实施", "建成", "举办", "新辟", "形成", "招引" }
local LEVEL = { "余额", "总量", "保有", "达到", "突破", "规模", "全市", "总" }
M.CUE = CUE

local function kind_of(q, before)
  if q.unit == "个工作日" or q.unit == "天" or q.unit == "小时" then return "duration" end
  if q.unit == "位" or q.unit == "个百分点" or q.unit == "倍" then return "other" end
  if q.unit == "%" then return contains(before, GROWTH) and "growth_rate" or "share" end
  if contains(before, { "余额", "总量", "保有", "总建筑面积", "规模" }) then return "level" end
  if contains(before, FLOW) then return "cumulative_new" end
  if contains(before, LEVEL) then return "level" end
  return "cumulative_new"
end

-- 对 as a preposition in before (对…500万元以下企业给予…): not 对接, 对标, 对外, 对于, 对口.
local function scope_before(before)
  local k = 1
  while true do
    local p = before:find("对", k, true)
    if not p then return false end
    local nx = before:sub(p + 3, p + 5)
    if nx ~= "接" and nx ~= "标" and nx ~= "外" and nx ~= "于" and nx ~= "口" then return true end
    k = p + 3
  end
end

--- Why the text does not commit to quantity q, or nil. before: the clause up to q; after: the
--- bytes right after q; sent: q's sentence; clause: q's clause. Names of the rules:
--- qualifier (1000万元以下的企业; kept after a build verb: 建立100人以上的专家库), ratio (吨/万元),
--- benefit, limit (最多可达3项), tax, base (从5%提高至8%), catalogue (涉及842项), enumeration
--- (海经区等9个), existing (与全国12个…城市), scope (对…低于0.52吨…的项目), chinese (三个服务平台).
function M.excluded(q, before, after, sent, clause)
  local qual = after:sub(1, 3) == "的" or after:sub(1, 4) == ")的"
  if qual and not (q.comparator and contains(before, BUILD)) then return "qualifier" end
  if after:sub(1, 1) == "/" then return "ratio" end
  if contains(before, BENEFIT) then return "benefit" end
  if contains(before, LIMIT) then return "limit" end
  if contains(sent, TAX) then return "tax" end
  if ends_with(before, { "从" }) then return "base" end
  if q.unit == "次" and before:find("每", 1, true) then return "frequency" end
  if ends_with(before, { "涉及" }) then return "catalogue" end
  if ends_with(before, { "等" }) then return "enumeration" end
  if not q.rank and ends_with(before, { "全国", "全省" }) then return "existing" end
  local rest = clause:sub(#before + 1)
  if scope_before(before) and (rest:find("的", 1, true) or contains(rest, BENEFIT)) then return "scope" end
  if q.chinese_only then return "chinese" end
  -- Chinese numerals count only with a comparator or as ranks/fractions (一批, 三个服务平台 are names)
  if not q.rank and not q.fraction and not q.digits and not q.comparator then return "chinese" end
end

-- The start of the numbered item holding byte i ("。2." starts item 2).
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

local function skipped_date(s, d)
  local prev = s:sub(math.max(1, d.start - 3), d.start - 1)
  return prev == "比" or prev == "较" or s:sub(d.stop, d.stop + 5) == "以来"
end

local function date_deadline(d, ctx)
  if d.kind == "this_year" then return ctx.base_year and deadline.year_end(ctx.base_year) end
  if d.kind == "date" and d.year then return deadline.year_end(d.year) end
  if d.kind == "by" or d.kind == "range" or d.kind == "date" then return d.deadline end
end

--- The deadline of the quantity at byte i of s, the rule that gave it and its confidence.
--- Rules: "sentence" (the nearest date before it in its sentence: a year governs its clause
--- and the clauses after it), "clause" (a 到/至 date after it in its own clause: …压缩在3个工作日
--- 内政策延续实施至2024年底), "item" (a date earlier in its numbered item or paragraph), else
--- ctx.default_rule ("row": the table row's 实施阶段 end; "period": the document's end).
function M.deadline_for(s, i, ctx)
  local a, b = M.sentence(s, i)
  local ce = clause_end(s, i, b)
  local lo = item_start(s, i)
  local best, after, para, bw, aw, pw
  for _, d in ipairs(deadline.scan(s)) do
    local dl = not skipped_date(s, d) and date_deadline(d, ctx)
    local w = s:sub(d.start, d.stop - 1)
    if dl then
      if d.start < i and d.start >= a then best, bw = dl, w
      elseif d.start < a and d.start >= lo then para, pw = dl, w
      elseif d.start > i and d.start < ce and not after and d.by then after, aw = dl, w end
    end
  end
  if best then return best, "sentence", 0.9, bw end
  if after then return after, "clause", 0.9, aw end
  if para then return para, "item", 0.8, pw end
  return ctx.default_deadline, ctx.default_rule or "period", 0.6
end

--- The quote of q: its clause up to the quantity, at most 40 characters; a label before a
--- colon is kept ("信用管理示范小微企业:10家"). Returns the quote and its start.
function M.quote_of(s, a, q)
  local from = clause_start(s, a, q.start)
  local prev = s:sub(math.max(1, from - 3), from - 1)
  if from > a and (s:sub(from - 1, from - 1) == ":" or prev == "：") then
    local colon = s:sub(from - 1, from - 1) == ":" and 1 or 3
    from = clause_start(s, a, from - colon, { "，", ",", "、", ":", "：" })
  end
  local item = s:match("^%d%d?%.", from) or s:match("^%(%d%d?%)", from)
  if item and from + #item <= (q.qstart or q.start) then from = from + #item end
  local quote = s:sub(from, q.stop - 1)
  local n = utf8.len(quote)
  if n and n > 40 then quote = quote:sub(utf8.offset(quote, n - 39)) end
  return quote, from
end

-- The context of q for telling two commitments apart: its part of the list it stands in (cut
-- at 、 as well), with the quantity itself replaced by "|".
local function context_of(s, a, b, q)
  local seps = { "，", ",", ":", "：", "、" }
  local from = clause_start(s, a, q.start, seps)
  local to = clause_end(s, q.stop, b, seps)
  return s:sub(from, (q.qstart or q.start) - 1) .. "|" .. s:sub(q.stop, to - 1)
end

-- Ranks: 全省前三, 全国第一 → value, unit 位, comparator <=
local RANK_LEADS = { "全省前", "全国前", "全市前", "全省第", "全国第", "全市第" }
local function ranks(s)
  local out = {}
  for _, lead in ipairs(RANK_LEADS) do
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
  return out
end

local function dated(sent)
  for _, d in ipairs(deadline.scan(sent)) do
    if d.kind ~= "within" then return true end
  end
  return false
end

-- Is q a target in this mode? Returns ok, base confidence, cue.
local COMMIT_VERBS = { "新增", "新建", "建成", "培育", "引进", "完成", "新认定", "打造" }
local function admit(q, mode, sent, before)
  if mode == "measure" then
    -- a task commits to a number with a comparator (新增300家以上), or to one its verb makes
    -- (到2020年新建企业研发中心150家)
    if q.comparator then return true, 0.6, "measure text, comparator " .. q.comparator end
    local verb = contains(before, COMMIT_VERBS)
    return verb ~= nil, 0.5, verb and ("measure text, " .. verb .. " N")
  elseif mode == "dated" then
    return dated(sent), 0.6, "dated table action"
  end
  return true, 0.8, mode == "action" and "table action" or "goal text"
end

local function make_target(s, q, a, b, before, cue, conf, ctx)
  local dl, rule, dconf, written = M.deadline_for(s, q.start, ctx)
  local quote, qfrom = M.quote_of(s, a, q)
  local why = { cue }
  local t = {
    value = q.value, unit = q.unit, comparator = q.comparator or ">=", kind = kind_of(q, before),
    deadline = dl, deadline_rule = rule, deadline_text = written, quote = quote, quote_start = qfrom, start = q.start, stop = q.stop,
    confidence = math.min(conf, dconf) - (q.comparator and 0 or 0.1) - (q.implied_unit and 0.2 or 0),
    comparator_implied = q.comparator == nil or nil, unit_implied = q.implied_unit,
    context = context_of(s, a, b, q), why = why, item = item_start(s, q.start),
  }
  if q.comparator == nil then why[#why + 1] = "comparator not written (>= assumed)" end
  if q.implied_unit then why[#why + 1] = "unit " .. q.unit .. " implied" end
  if q.lo then t.note = string.format("range %s—%s", tostring(q.lo), tostring(q.hi)) end
  local ds = deadline.scan(before)
  if (ds[1] and ds[#ds].kind == "every") or before:find("每年", 1, true) then t.every = "year" end
  return t
end

--- Targets in one chunk of text (see the header for the modes; "action" is "goal" for a
--- table's 落实举措 cell). ctx: default_deadline, default_rule, base_year. Returns a list.
function M.targets_in(s, mode, ctx)
  local out = {}
  local qs = quantity.scan(s)
  for _, q in ipairs(qs) do q.digits = s:sub(q.start, q.start):match("%d") ~= nil end
  for _, r in ipairs(ranks(s)) do r.digits = true; qs[#qs + 1] = r end
  table.sort(qs, function(x, y) return x.start < y.start end)
  for _, q in ipairs(qs) do
    local a, b = M.sentence(s, q.start)
    local sent = s:sub(a, b - 1)
    local cs = clause_start(s, a, q.start)
    local before = s:sub(cs, q.start - 1)
    local clause = s:sub(cs, clause_end(s, q.stop, b) - 1)
    local ok, conf, cue = q.unit ~= nil and not q.bare, 0.8, nil
    if ok and M.excluded(q, before, s:sub(q.stop, q.stop + 3), sent, clause) then ok = false end
    if ok then ok, conf, cue = admit(q, mode, sent, before) end
    if ok then
      local t = make_target(s, q, a, b, before, cue, conf, ctx)
      out[#out + 1] = t
      -- "A和B均新增800亿元": one number for two quantities
      if before:find("均", 1, true) and before:find("和", 1, true) then
        local t2 = {}
        for k, v in pairs(t) do t2[k] = v end
        t2.note, t2.twin = "均: one number for two quantities", true
        out[#out + 1] = t2
      end
    end
  end
  return out
end

return M
