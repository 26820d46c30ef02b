-- policytk.extract.format: write an extracted draft (policytk.extract) as JSON (the keys of
-- `policytk targets --format json`, plus confidence) or as a plugin document in Lua using
-- the plugin constructors, with REVIEW comments on what a person must check.
--
-- Capability: text and extract: reading policy documents (entry policytk.extract; map in docs/architecture.md).

local json = require "policytk.json"

local M = {}

M.REVIEW_BELOW = 0.75

local function q(s) return string.format("%q", tostring(s)):gsub("\\\n", "\\n") end

local function num(v)
  if math.type(v) == "integer" then return tostring(v) end
  if v == math.floor(v) and math.abs(v) < 2^53 then return string.format("%d", v) end
  return string.format("%.17g", v)
end

local function indicator_id(t) return string.format("draft_%s", t.id:lower()) end

--- The JSON text: { document = {…}, measures = [...], targets = [...] }.
function M.json(draft, city, docid)
  local meta = draft.meta or {}
  local targets = {}
  for _, t in ipairs(draft.targets) do
    targets[#targets + 1] = {
      city = city or json.null, doc = docid, id = t.id, section = t.section,
      indicator = indicator_id(t), indicator_name = json.null, quote = t.quote, value = t.value,
      unit = t.unit, comparator = t.comparator, kind = t.kind, deadline = t.deadline or json.null,
      lead_unit = t.lead_unit or t.measure_lead or json.null, status = "draft", confidence = t.confidence,
    }
  end
  local measures = {}
  for _, m in ipairs(draft.measures) do
    measures[#measures + 1] = {
      city = city or json.null, doc = docid, id = m.id, section = m.section, title = m.title,
      lead_units = json.array(m.lead_units or {}), responsible_units = json.array(m.responsible_units or {}),
      phase = m.phase or json.null, contact = m.contact or json.null,
    }
  end
  return json.pretty({
    document = {
      id = docid, title = meta.title or json.null, doc_number = meta.doc_number or json.null,
      issuer = meta.issuer or json.null, issued = meta.issued or json.null,
      period_start = meta.period_start or json.null, period_end = meta.period_end or json.null,
      status = meta.status or json.null, lead_rule = draft.lead_rule or json.null,
    },
    measures = json.array(measures), targets = json.array(targets),
    warnings = json.array(draft.warnings or {}),
  })
end

local function list(xs)
  local parts = {}
  for i, x in ipairs(xs or {}) do parts[i] = q(x) end
  return "{ " .. table.concat(parts, ", ") .. " }"
end

local DEADLINE_RULE = {
  sentence = function(t) return (t.deadline_text or "a date") .. " before it in its sentence" end,
  clause = function(t) return (t.deadline_text or "a date") .. " after it in its clause" end,
  item = function(t) return (t.deadline_text or "a date") .. " earlier in its item" end,
  row = function() return "its row's 实施阶段 end (no year in its clause)" end,
  period = function() return "the document's end (no year in its clause)" end,
}

--- Why a target is what it is, as phrases: the cue that made it a target, the rule that gave
--- its deadline and its lead, and what was assumed.
function M.why(t)
  local out = {}
  for _, w in ipairs(t.why or {}) do out[#out + 1] = w end
  local rule = DEADLINE_RULE[t.deadline_rule]
  if rule then out[#out + 1] = "deadline: " .. rule(t) end
  if t.every then out[#out + 1] = "every " .. t.every end
  if t.lead_source then out[#out + 1] = "lead: " .. t.lead_source end
  if t.restates then out[#out + 1] = "restated as: " .. table.concat(t.restates, " / ") end
  return out
end

--- The review report: one line per target, the least confident first — id, confidence, value,
--- unit, comparator, deadline, lead, why, quote.
function M.report(draft)
  local order = {}
  for _, t in ipairs(draft.targets) do order[#order + 1] = t end
  table.sort(order, function(a, b)
    if a.confidence ~= b.confidence then return a.confidence < b.confidence end
    return a.id < b.id
  end)
  local o = { string.format("%d targets, the least confident first (below %.2f: check first)", #order, M.REVIEW_BELOW) }
  for _, t in ipairs(order) do
    o[#o + 1] = string.format("%s %s %.2f  %s %s %s  by %s  lead %s  | %s | %s", t.id,
      t.confidence < M.REVIEW_BELOW and "!" or " ", t.confidence, num(t.value), t.unit, t.comparator,
      t.deadline or "?", t.lead_unit or t.measure_lead or "-", table.concat(M.why(t), "; "), t.quote)
  end
  for _, m in ipairs(draft.measures) do
    if not (m.lead_units and m.lead_units[1]) then
      o[#o + 1] = string.format("%s    measure %s %s: no lead unit named", m.id, m.section or "?", m.title or "")
    end
  end
  return table.concat(o, "\n") .. "\n"
end

--- The Lua text of a plugin document file.
function M.lua(draft, city, docid, source)
  local meta = draft.meta or {}
  local o = {}
  local function w(fmt, ...) o[#o + 1] = string.format(fmt, ...) end
  w("-- luacheck: no max line length")
  w("-- DRAFT written by `policytk extract`%s from %s. Review every REVIEW comment,",
    city and (" --city " .. city) or "", source or "?")
  w("-- give each target a real indicator code, then run `policytk check`.")
  w("")
  w("return document{")
  w("  id = %s,", q(docid))
  w("  title = %s,%s", q(meta.title or "?"), meta.title and "" or "  -- REVIEW: title not found")
  if meta.doc_number then w("  doc_number = %s,", q(meta.doc_number)) end
  w("  issuer = %s,%s", q(meta.issuer or "?"), meta.issuer and "" or "  -- REVIEW: issuer not found")
  if meta.issued then w("  issued = %s,", q(meta.issued)) else w("  -- issued = \"YYYY-MM-DD\",  -- REVIEW: issue date not found") end
  w("  period_start = %s,%s", q(meta.period_start or "?"), meta.period_start and "" or "  -- REVIEW")
  w("  period_end = %s,%s", q(meta.period_end or "?"), meta.period_end and "" or "  -- REVIEW")
  w("  status = %s,", q(meta.status or "in_force"))
  w("  source = %s,", q(source or "?"))
  if draft.lead_rule then w("  lead_rule = %s,", q(draft.lead_rule)) end
  if draft.lead_rule_quote then w("  lead_rule_quote = %s,", q(draft.lead_rule_quote)) end
  w("  measures = {")
  for _, m in ipairs(draft.measures) do
    w("    measure{")
    w("      id = %s, section = %s,", q(m.id), q(m.section or "?"))
    w("      title = %s,", q(m.title or "?"))
    w("      text = %s,", q(m.text or m.title or "?"))
    if m.key_work then w("      key_work = %s,", q(m.key_work)) end
    if m.city_target and m.city_target ~= "" then w("      city_target = %s,", q(m.city_target)) end
    if m.actions and #m.actions > 0 then w("      actions = %s,", list(m.actions)) end
    if m.phase then w("      phase = %s,", q(m.phase)) end
    if m.responsible_units and #m.responsible_units > 0 then w("      responsible_units = %s,", list(m.responsible_units)) end
    if m.lead_units and #m.lead_units > 0 then
      w("      lead_units = %s,%s", list(m.lead_units), m.lead_source and ("  -- " .. m.lead_source) or "")
    elseif m.responsible_units and #m.responsible_units > 0 then
      w("      -- REVIEW: no lead unit named (the text states no first-listed rule)")
    end
    if m.contact then w("      contact = { name = %s, phone = %s },", q(m.contact.name), q(m.contact.phone)) end
    w("    },")
  end
  w("  },")
  w("  targets = {")
  for _, t in ipairs(draft.targets) do
    local review = {}
    if t.confidence < M.REVIEW_BELOW then
      review[#review + 1] = string.format("confidence %.2f (%s)", t.confidence, table.concat(M.why(t), "; "))
    end
    if t.comparator_implied then review[#review + 1] = "comparator not written (>= assumed)" end
    if t.unit_implied then review[#review + 1] = t.unit_implied == "倍" and "unit 倍 implied by 比值" or "unit 元 implied by 亿" end
    if t.note then review[#review + 1] = t.note end
    if #review > 0 then w("    -- REVIEW: %s", table.concat(review, "; ")) end
    w("    target{")
    w("      id = %s, section = %s,%s", q(t.id), q(t.section or "?"), t.measure and (" measure = " .. q(t.measure) .. ",") or "")
    w("      indicator = %s, quote = %s,  -- REVIEW: indicator code", q(indicator_id(t)), q(t.quote))
    w("      value = %s, unit = %s, comparator = %s, kind = %s,", num(t.value), q(t.unit), q(t.comparator), q(t.kind))
    w("      deadline = %s,%s", q(t.deadline or "?"), t.lead_unit and (" lead_unit = " .. q(t.lead_unit) .. ",") or "")
    if t.every then w("      every = %s,", q(t.every)) end
    w("    },")
  end
  w("  },")
  w("}")
  return table.concat(o, "\n") .. "\n"
end

return M
