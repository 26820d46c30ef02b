-- policytk.benefits.match_plan: a city's benefit rules planned for policytk.scan, the C pass of
-- `policytk match` — each benefit's `when` conditions in the form core/scan.h tests, for one
-- year (the year, params in force and dates made constants), the size-class thresholds of
-- policytk.benefits.sme, and the values the conditions read in the JSON columns, asked for once per
-- distinct text.
--
--   match_plan.build(list, year, columns, excl) → plan
--     plan.benefits[i] = { benefit =, conds =, lua =, by_text =, options = { { conds =, amount =, value =,
--                          yuan =, tail = } … } }  (scan's spec: options unless lua or by_text)
--     plan.tail(benefit, amount) → the CSV row of a paying benefit after the region column
--     plan.years = { from, to } (the years the conditions and the size class read),
--     plan.extra_slots, plan.awards_slots, plan.groups, plan.group_of(industry),
--     plan.slot_values(source, text)
--
-- A benefit that can never pay in the year (an in_force condition false, an amount param
-- with no value) is left out. A benefit is `lua` when its Lua rule must judge the firms that
-- pass its conditions: it has eligible or an amount function, it excludes or is excluded by
-- another, or an amount is not a non-negative number (whole for 元). A benefit settled by
-- `when` has options: its amount param, or its amount options ({ when, param }, the first
-- that holds pays). A benefit whose Lua rule declares it reads one JSON column only
-- (reads = { "awards" } or { "extra" }) and that excludes no other is by_text: scan asks the
-- rule once per distinct text of that column (policytk.benefits.match's judge_text).
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local sme = require "policytk.benefits.sme"
local firms = require "policytk.benefits.firms"
local benefits_eval = require "policytk.benefits"
local tabular = require "policytk.data.tabular"
local conditions = require "policytk.benefits.conditions"

local M = {}

-- The record columns of policytk.benefits.firms.queries, 0-based as scan reads them.
local COL = { credit_code = 0, name = 1, kind = 2, region = 3, industry = 4, founded = 5, employees = 6,
              above_scale_since = 7, high_tech_until = 8, tech_sme = 9, specialized = 10 }
local SIZE = { large = 0, medium = 1, small = 2, micro = 3 }
local ALWAYS = { op = "present", a = { src = "const", value = true } }
local NEVER = { op = "present", a = { src = "const", value = nil } }

local year_end = conditions.year_end
-- The JSON columns a rule may be judged on once per distinct text (its reads = { column }).
local BY_TEXT = { awards = true, extra = true }

-- Slots: the values conditions read in the JSON columns, one per (source, name, at, kind).
local function slot_table()
  local t = { extra = {}, awards = {}, index = {} }
  function t.get(source, name, at, kind)
    local key = table.concat({ source, name or "", tostring(at), kind }, "\0")
    local s = t.index[key]
    if not s then
      s = { source = source, name = name, at = at, kind = kind }
      local list = t[source]
      list[#list + 1] = s
      s.pos = #list
      t.index[key] = s
    end
    return s
  end
  return t
end

local function operand(field, at, year, slots)
  local extra = type(field) == "string" and field:match("^extra%.(.+)$")
  if field == "revenue" or field == "assets" then
    return { src = field, year = year + (at or 0) }
  elseif extra then
    return { src = "slot", slot = slots.get("extra", extra, at and year + at or nil, "value") }
  elseif field == "awards" then
    return { src = "slot", slot = slots.get("awards", nil, nil, "value") }
  end
  return { src = "col", index = assert(COL[field], field) }
end

local function constant(v, year, slots)
  if type(v) ~= "table" then return { src = "const", value = v } end
  if v.year then return { src = "const", value = year + v.year } end
  if v.year_start then return { src = "const", value = string.format("%04d-01-01", year + v.year_start) } end
  if v.year_end then return { src = "const", value = year_end(year + v.year_end) } end
  return operand(v.field, v.at, year, slots)
end

local function as_list(v) return type(v) == "table" and v or { v } end

-- One condition for scan, or ALWAYS / NEVER for an in_force settled by the year.
local function plan_cond(c, b, year, slots)
  if c.in_force and c.at_year_of then
    -- the param has a value on 31 December of the field's year: one year range per value
    local a = operand(c.at_year_of, nil, year, slots)
    local alts = {}
    local p = benefits_eval.params_of(b)[c.in_force]
    for _, v in ipairs(p and p.values or {}) do
      local subs = { { op = "integer", a = a }, { op = "ge", a = a, b = { src = "const", value = tonumber(v.from:sub(1, 4)) } } }
      if v.to then
        local last = tonumber(v.to:sub(1, 4)) - (v.to:sub(6) == "12-31" and 0 or 1)
        subs[3] = { op = "le", a = a, b = { src = "const", value = last } }
      end
      alts[#alts + 1] = { op = "all", subs = subs }
    end
    if #alts == 0 then return NEVER end
    return { op = "any", subs = alts }
  end
  if c.in_force then
    local p = benefits_eval.params_of(b)[c.in_force]
    return p and conditions.param_value(p, year_end(year)) ~= nil and ALWAYS or NEVER
  end
  if c.size then
    local sizes = {}
    for i, s in ipairs(c.size) do sizes[i] = SIZE[s] end
    return { op = "size", sizes = sizes }
  end
  if c.any or c.all then
    local subs = {}
    for i, sub in ipairs(c.any or c.all) do subs[i] = plan_cond(sub, b, year, slots) end
    return { op = c.any and "any" or "all", subs = subs }
  end
  if c.nonempty then
    local a = { src = "slot", slot = c.field == "awards" and slots.get("awards", nil, nil, "nonempty")
                or slots.get("extra", c.field:match("^extra%.(.+)$"), c.at and year + c.at or nil, "nonempty") }
    return { op = "eq", a = a, b = { src = "const", value = true } }
  end
  local a = operand(c.field, c.at, year, slots)
  if c.present ~= nil then return { op = c.present and "present" or "absent", a = a } end
  if c.one_of then return { op = "one_of", a = a, list = c.one_of } end
  if c.prefix then return { op = "prefix", a = a, list = as_list(c.prefix) } end
  if c.not_prefix then return { op = "not_prefix", a = a, list = as_list(c.not_prefix) } end
  for _, op in ipairs({ "eq", "ne", "lt", "le", "gt", "ge" }) do
    if c[op] ~= nil then return { op = op, a = a, b = constant(c[op], year, slots) } end
  end
  error("match_plan: a condition with no test (the contract check should have refused it)")
end

-- The order scan tests a benefit's conditions in. They have no side effects and never raise,
-- so any order gives the same answer; testing first the ones that fail most firms for the
-- least work (a field that most firms leave unset) saves the rest. explain keeps the plugin's
-- order, for its reasons.
local NULLABLE = { [COL.above_scale_since] = true, [COL.high_tech_until] = true, [COL.specialized] = true }

local function rank(c)
  local a = c.a
  if c.op == "size" then return 5 end
  if c.op == "any" or c.op == "all" then return 4 end
  if a and a.src == "slot" and (c.op == "present" or c.op == "eq" or c.op == "one_of") then return 0 end
  if a and a.src == "col" and NULLABLE[a.index] and c.op ~= "absent" then return 1 end
  if c.op == "prefix" or c.op == "not_prefix" or c.op == "ne" or c.op == "absent" then return 3 end
  return 2
end

local function cheap_first(conds)
  local keyed = {}
  for i, c in ipairs(conds) do keyed[i] = { rank(c), i, c } end
  table.sort(keyed, function(x, y) if x[1] ~= y[1] then return x[1] < y[1] end return x[2] < y[2] end)
  for i, k in ipairs(keyed) do conds[i] = k[3] end
  return conds
end

-- Slot operands become indices once every slot is known: extra slots first, then awards.
local function number_slots(cond, slots)
  for _, side in ipairs({ "a", "b" }) do
    local o = cond[side]
    if o and o.src == "slot" then
      o.index = o.slot.source == "extra" and o.slot.pos - 1 or #slots.extra + o.slot.pos - 1
      o.slot = nil
    end
  end
  for _, sub in ipairs(cond.subs or {}) do number_slots(sub, slots) end
end

-- The value of one slot in a decoded JSON column.
local function slot_value(s, decoded)
  local v
  if s.source == "awards" then v = decoded
  elseif type(decoded) ~= "table" then v = nil
  else
    v = decoded[s.name]
    if s.at then v = type(v) == "table" and v[s.at] or nil end
  end
  if s.kind == "nonempty" then return type(v) == "table" and v[1] ~= nil end
  return v
end

-- A list of conditions for scan, in the order to test them (cheap_first); never = true when
-- one of them can never hold in the year.
local function plan_list(list, b, year, slots)
  local conds, never = {}, false
  for _, c in ipairs(list or {}) do
    local pc = plan_cond(c, b, year, slots)
    if pc == NEVER then never = true
    elseif pc ~= ALWAYS then conds[#conds + 1] = pc end
  end
  return cheap_first(conds), never
end

--- The plan of `list` (benefits in output order) for `year`. columns: the CSV columns of the
--- rows (the first three credit_code, name, region, which scan writes itself). excl: the
--- plugin's exclusion pairs (set[a][b]).
function M.build(list, year, columns, excl)
  assert(columns[1].key == "credit_code" and columns[2].key == "name" and columns[3].key == "region",
    "match_plan: the first columns must be credit_code, name, region")
  local rest = table.move(columns, 4, #columns, 1, {})
  local slots = slot_table()
  local plan = { benefits = {} }
  -- the CSV row of a benefit paying `a`, after the region column
  local function tail(b, a)
    return "," .. tabular.csv_line(rest, { benefit = b.id, benefit_name = b.name, amount = a,
      unit = b.params[1].unit, clause = b.quote, doc = b.doc, section = b.section })
  end
  plan.tail = tail
  for _, b in ipairs(list) do
    local conds, never = plan_list(b.when, b, year, slots)
    local entry = { benefit = b, conds = conds }
    local lua = b.eligible ~= nil or type(b.amount) == "function" or excl[b.id] ~= nil
    if lua and excl[b.id] == nil and b.reads and #b.reads == 1 and BY_TEXT[b.reads[1]] then
      entry.by_text, lua = b.reads[1], false
    elseif not lua then
      local options = type(b.amount) == "table" and b.amount or { { param = b.amount } }
      entry.options = {}
      for _, opt in ipairs(options) do
        local oconds, onever = plan_list(opt.when, b, year, slots)
        local p = benefits_eval.params_of(b)[opt.param]
        local a = p and conditions.param_value(p, year_end(year))     -- finite: the schema says so
        local unit = b.params[1].unit
        if a == nil or a == 0 then onever = true
        else
          if unit == "元" then a = math.tointeger(a) or a end
          if a < 0 or (unit == "元" and math.type(a) ~= "integer") then
            lua = true                                      -- the Lua path names the bad amount
          end
        end
        if not onever then
          entry.options[#entry.options + 1] = {
            conds = oconds, amount = math.type(a) == "integer" and a or 0, value = a, yuan = unit == "元",
            tail = tail(b, a),
          }
        end
      end
      if not lua and #entry.options == 0 then never = true end
      if lua then entry.options = nil end
    end
    entry.lua = lua
    if not never then plan.benefits[#plan.benefits + 1] = entry end
  end
  for _, e in ipairs(plan.benefits) do
    for _, c in ipairs(e.conds) do number_slots(c, slots) end
    for _, o in ipairs(e.options or {}) do
      for _, c in ipairs(o.conds) do number_slots(c, slots) end
    end
  end
  -- the years the pass reads: the size class's (the year and the one before) and the conditions'
  local lo, hi = year - 1, year
  local function widen(c)
    for _, o in ipairs({ c.a or false, c.b or false }) do
      if o and (o.src == "revenue" or o.src == "assets") then lo, hi = math.min(lo, o.year), math.max(hi, o.year) end
    end
    for _, sub in ipairs(c.subs or {}) do widen(sub) end
  end
  for _, e in ipairs(plan.benefits) do
    for _, c in ipairs(e.conds) do widen(c) end
    for _, o in ipairs(e.options or {}) do
      for _, c in ipairs(o.conds) do widen(c) end
    end
  end
  plan.years = { lo, hi }
  plan.extra_slots, plan.awards_slots = #slots.extra, #slots.awards
  plan.groups = {}
  local group_index = {}
  for i, g in ipairs(sme.groups) do
    plan.groups[i] = { ceiling = g.ceiling, medium = g.medium, small = g.small }
    group_index[g] = i
  end
  function plan.group_of(industry) return group_index[sme.group(industry)] end
  function plan.slot_values(source, text)
    local list_of = slots[source]
    local decoded = firms.decode(source, text)
    local out = {}
    for i, s in ipairs(list_of) do out[i] = slot_value(s, decoded) end
    return out
  end
  return plan
end

return M
