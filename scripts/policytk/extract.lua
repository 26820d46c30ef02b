-- policytk.extract: draft a plugin document from a policy text — repair it (policytk.text),
-- find its structure (policytk.extract.structure, or policytk.extract.pdf_table for a flattened task table),
-- its measures with their units, and its quantitative targets with value, unit, comparator,
-- kind, deadline, lead unit, the exact quote and a confidence (policytk.extract.commit: which
-- numbers the text commits to; policytk.extract.dedup: one commitment, one target). General
-- rules only; see docs/extract.md for each rule and its known limits.

local text = require "policytk.text"
local deadline = require "policytk.extract.deadline"
local structure = require "policytk.extract.structure"
local pdf_table = require "policytk.extract.pdf_table"
local commit = require "policytk.extract.commit"
local dedup = require "policytk.extract.dedup"

local M = {}

--- Targets in one chunk of text: policytk.extract.commit.targets_in (modes "goal", "measure",
--- "dated", "action").
M.targets_in = commit.targets_in

-- Add a part's targets: one commitment, one target (policytk.extract.dedup); a restatement
-- left out is named in a warning.
local function add_targets(doc, list, extra)
  local kept, dropped = dedup.merge(list)
  for _, t in ipairs(kept) do
    for k, v in pairs(extra) do if t[k] == nil then t[k] = v end end
    doc.targets[#doc.targets + 1] = t
  end
  for _, t in ipairs(dropped) do
    local k = t.kept
    k.restates = k.restates or {}
    k.restates[#k.restates + 1] = t.quote
    doc.warnings[#doc.warnings + 1] = string.format("restated target left out: %s (kept: %s)", t.quote, k.quote)
  end
end

local function max_year(s)
  local y
  for _, d in ipairs(deadline.scan(s)) do
    if (d.kind == "by" or d.kind == "range") and d.year and (not y or d.year > y) then y = d.year end
  end
  return y
end

-- The targets of one table cell (its fragments joined): each with its line, its item named
-- by the cell ("target 1." / "action 3.") for dedup.
local function cell_targets(lines, mode, name, ctx)
  local joined, starts = {}, {}
  local pos = 1
  for k, l in ipairs(lines) do starts[k] = pos; joined[k] = l.text; pos = pos + #l.text end
  local found = commit.targets_in(table.concat(joined), mode, ctx)
  for _, t in ipairs(found) do
    local k = 1
    for j = 1, #starts do if starts[j] <= t.start then k = j end end
    t.line = lines[k].line
    t.item = name .. ":" .. t.item
  end
  return found
end

local function row_measure(r)
  local m = {
    id = string.format("R%02d", r.number), section = r.section, title = r.title, text = r.title,
    key_work = r.key_work, phase = r.phase, responsible_units = r.units, lead_units = r.leads,
    contact = r.contacts[1], group = r.group, lead_source = r.sole_lead and "sole unit" or "starred unit",
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
  return m
end

-- The table's period: the first year of its 实施阶段 ranges and the latest year it names.
local function table_period(doc, s, rows, ctx)
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
  ctx.default_deadline, ctx.default_rule = doc.meta.period_end, "period"
end

local function extract_table(doc, s, ctx)
  doc.lead_rule = "starred"
  local rows = pdf_table.rows(s)
  table_period(doc, s, rows, ctx)
  for _, r in ipairs(rows) do
    local m = row_measure(r)
    doc.measures[#doc.measures + 1] = m
    local row_ctx = setmetatable({}, { __index = ctx })
    local ph = r.phase and deadline.scan(r.phase)[1]
    if ph and ph.year then row_ctx.default_deadline, row_ctx.default_rule = deadline.year_end(ph.year), "row" end
    -- every number of the row, in its 目标 cell and its 落实举措 alike; one commitment once
    local found = cell_targets(r.target, "goal", "target", row_ctx)
    for _, t in ipairs(cell_targets(r.actions, "action", "action", row_ctx)) do found[#found + 1] = t end
    for _, t in ipairs(found) do
      if #r.leads > 0 then t.measure_lead, t.lead_source = r.leads[1], m.lead_source .. " of its row" end
    end
    add_targets(doc, found, { section = r.section, measure = m.id })
  end
end

-- A paragraph's kind: goal text (its section's title holds 目标; or a (一) part whose first
-- sentence is followed by 到YYYY年; or a 到YYYY年… paragraph in such a part) or not.
local function is_goal(p, in_goal_para)
  local body = p.text
  return (p.l1title or ""):find("目标", 1, true) ~= nil
    or (p.level == 2 and body:find("^%([^)]*%)[^。]*。到%d%d%d%d年") ~= nil)
    or (body:find("^到%d%d%d%d年") ~= nil and in_goal_para)
    or (body:find("^到%d%d%d%d年") ~= nil and p.level == nil and p.l2 ~= nil and not p.l3)
end

-- Add a responsible-unit list (and its lead marks) to measure m.
local function add_units(m, units)
  local seen = {}
  for _, u in ipairs(m.responsible_units) do seen[u] = true end
  for _, u in ipairs(units) do
    if not seen[u] then seen[u] = true; m.responsible_units[#m.responsible_units + 1] = u end
  end
end

local function units_from(m, body)
  local lists = structure.responsible(body)
  local last_list = lists[#lists]
  if last_list then
    add_units(m, last_list.units)
    m.text = m.text:gsub("%(责任单位[:：].-%)$", "")
  end
  for _, mark in ipairs(structure.lead_marks(body)) do
    if not m.lead_units[1] then m.lead_units, m.lead_source = { mark.lead[1] }, mark.form end
    add_units(m, mark.units)
  end
end

local function new_measure(doc, p, body)
  local m = {
    id = string.format("M%02d", #doc.measures + 1), section = p.measure_section, title = p.title,
    text = (body:gsub("^%d%d?[%.、]", ""):gsub("^%(%d%d?%)", "")), responsible_units = {}, lead_units = {},
  }
  units_from(m, body)
  doc.measures[#doc.measures + 1] = m
  p.m = m
  return m
end

-- The leads no mark in a measure's text names: the first listed unit where the text says so
-- (列第一位的为牵头单位). A list without that rule names no lead, even a list of one (the
-- plugins encode none: friendly2023's (责任单位:市财政局)).
local function settle_leads(doc)
  for _, m in ipairs(doc.measures) do
    if not m.lead_units[1] and m.responsible_units[1] then
      if doc.lead_rule == "first_listed" then
        m.lead_units, m.lead_source = { m.responsible_units[1] }, "first listed (" .. (doc.lead_rule_quote or "列第一位") .. ")"
      end
    end
  end
end

-- Each target's lead: the first mark after it in its paragraph, else its measure's lead.
local function target_leads(found, body, m)
  local marks = structure.lead_marks(body)
  for _, t in ipairs(found) do
    for _, l in ipairs(marks) do
      if l.start > t.start then t.lead_unit, t.lead_source = l.lead[1], l.form .. " after it"; break end
    end
    if m then t.measure = m end
  end
end

local function prose_period(doc, s, ctx)
  local last = max_year(s)
  doc.meta.period_end = doc.meta.period_end or (last and deadline.year_end(last))
  if not doc.meta.period_start and doc.meta.issued then doc.meta.period_start = doc.meta.issued:sub(1, 4) .. "-01-01" end
  ctx.default_deadline, ctx.default_rule = doc.meta.period_end, "period"
  ctx.base_year = tonumber((doc.meta.period_start or ""):sub(1, 4))
end

local function extract_prose(doc, s, ctx)
  local parsed = structure.parse(s)
  doc.lead_rule, doc.lead_rule_quote = parsed.lead_rule, parsed.lead_rule_quote
  prose_period(doc, s, ctx)
  local in_goal_para = false
  local pending = {}
  for _, p in ipairs(parsed.paragraphs) do
    local body = p.text
    local goal_para = is_goal(p, in_goal_para)
    if p.level then in_goal_para = goal_para end
    local m = p.measure and new_measure(doc, p, body)
    if p.units_of and p.units_of.m then units_from(p.units_of.m, body) end
    local found = commit.targets_in(body, goal_para and "goal" or "measure", ctx)
    target_leads(found, body, m or (not goal_para and p.group == nil and pending.m) or nil)
    for _, t in ipairs(found) do t.line = p.line end
    if m then pending.m = m elseif p.level and p.level <= 2 then pending.m = nil end
    local section = p.section
    if p.measure and not goal_para then section = p.measure_section end
    add_targets(doc, found, { section = section })
  end
  settle_leads(doc)
  for _, t in ipairs(doc.targets) do
    if type(t.measure) == "table" then
      local m = t.measure
      t.measure = m.id
      if m.lead_units[1] then t.measure_lead, t.lead_source = m.lead_units[1], "its measure's lead (" .. (m.lead_source or "?") .. ")" end
    end
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
  if pdf_table.is_table(s) then extract_table(doc, s, ctx) else extract_prose(doc, s, ctx) end
  for i, t in ipairs(doc.targets) do
    t.id = string.format(#doc.targets >= 100 and "T%03d" or "T%02d", i)
    t.confidence = math.floor(math.max(0.1, t.confidence or 0.5) * 100 + 0.5) / 100
  end
  if #doc.targets == 0 and #doc.measures == 0 then doc.warnings[#doc.warnings + 1] = "no measures and no targets found" end
  return doc
end

return M
