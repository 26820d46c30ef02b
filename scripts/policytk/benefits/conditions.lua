-- policytk.benefits.conditions: the declarative part of a benefit rule (`when`), compiled once into a
-- closure that tests a firm without making a string, and explained on demand.
--
-- A benefit's `when` is a list of conditions that must all hold; each is a table with one test:
--   { field = F, eq|ne|lt|le|gt|ge = V }      compare the firm's F with V
--   { field = F, present = true|false }        F is set / not set
--   { field = F, nonempty = true }             F is a list (awards, extra lists) with an item
--   { field = F, one_of = { v1, v2, … } }      F is one of the values
--   { field = F, prefix = P | { P1, … } }      F (a string) starts with P (any of them)
--   { field = F, not_prefix = P | { P1, … } }  F starts with none of them (an unset F passes)
--   { size = { "small", "micro" } }            the national size class in the year (policytk.benefits.sme)
--   { in_force = PARAM }                       the param has a value on 31 December of the year
--   { in_force = PARAM, at_year_of = F }       … of the year in the firm's field F (a year number)
--   { any = { cond, cond, … } }                at least one of the conditions holds
--   { all = { cond, cond, … } }                every one holds (inside an any)
-- F is a register field (kind, region, industry, founded, employees, above_scale_since,
-- high_tech_until, tech_sme, specialized), `revenue` or `assets` (with `at`), or `extra.NAME`.
-- `at = k` reads the per-year value of year + k (default 0) for revenue, assets and extra
-- fields given per year. V is a literal, or { year = k } (the year + k), { year_start = k } /
-- { year_end = k } ("YYYY-01-01" / "YYYY-12-31" of year + k), or { field = F2 [, at = k] }.
-- An unset value fails every test but `present = false` and `not_prefix`; values of different
-- types (text against a number) fail too, they never raise. `reason` (optional) replaces the
-- default Chinese reason; it may use {year}, {Y} (the year + at), {label}, {value}, {expected},
-- {value+2}, {year-1} … for numbers, {firm.FIELD} for a register field of the firm, and in an
-- any or all {why}: the reason its last alternative (any) or its failing condition (all) failed.
--
--   conditions.check(list, param_ids) → problems { {path, message} }   (the contract's check)
--   conditions.compile(list, params)  → test(firm, year, size_of) → nil | index, value, expected
--   conditions.reason(cond, year, value, expected [, firm, size_of]) → the Chinese reason it failed
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local sme = require "policytk.benefits.sme"
local schema = require "policytk.plugins.schema"
local json_null = require("policytk.json").null

local M = {}

local COMPARE = { eq = "=", ne = "≠", lt = "<", le = "≤", gt = ">", ge = "≥" }
local FIELD_TESTS = { "eq", "ne", "lt", "le", "gt", "ge", "present", "nonempty", "one_of", "prefix", "not_prefix" }
local OTHER_TESTS = { "size", "in_force", "any", "all" }

M.fields = {
  kind = "企业类型", region = "所在地区", industry = "行业", founded = "成立日期", employees = "从业人员",
  above_scale_since = "升规年份", high_tech_until = "高新技术企业有效期", tech_sme = "科技型中小企业",
  specialized = "专精特新", revenue = "营业收入", assets = "资产总额", awards = "获奖",
}
local PER_YEAR = { revenue = true, assets = true }
local SIZES = { large = true, medium = true, small = true, micro = true }
local KINDS = { enterprise = "企业", individual_business = "个体工商户" }

local function is_extra(f) return type(f) == "string" and f:match("^extra%.([%a_][%w_]*)$") end

local function tests_of(c)
  local found = {}
  for _, k in ipairs(FIELD_TESTS) do if c[k] ~= nil then found[#found + 1] = k end end
  for _, k in ipairs(OTHER_TESTS) do if c[k] ~= nil then found[#found + 1] = k end end
  return found
end

local function check_field(f, at, path, add)
  if type(f) ~= "string" then add(path .. ".field", "a field name is required for this test") return end
  if not M.fields[f] and not is_extra(f) then
    add(path .. ".field", string.format("unknown field %q (a register field, revenue, assets or extra.NAME)", f))
  elseif at ~= nil and not PER_YEAR[f] and not is_extra(f) then
    add(path .. ".at", string.format("%s has no per-year values", f))
  elseif PER_YEAR[f] and at == nil then
    add(path .. ".at", string.format("%s is per year: give at = 0 (the year), -1 (the year before) …", f))
  end
  if at ~= nil and math.type(at) ~= "integer" then add(path .. ".at", "must be an integer year offset") end
end

local function check_operand(v, path, add)
  if type(v) ~= "table" then
    if type(v) ~= "string" and type(v) ~= "number" and type(v) ~= "boolean" then
      add(path, "must be a string, number, boolean or { year = k } / { year_start = k } / { year_end = k } / { field = F }")
    end
    return
  end
  local n = 0
  for k, x in pairs(v) do
    if (k == "year" or k == "year_start" or k == "year_end") then
      n = n + 1
      if math.type(x) ~= "integer" then add(path .. "." .. k, "must be an integer year offset") end
    elseif k ~= "field" and k ~= "at" then
      add(path .. "." .. tostring(k), "unknown key (year, year_start, year_end, or field with at)")
    end
  end
  if v.field ~= nil then check_field(v.field, v.at, path, add)
  elseif n ~= 1 then add(path, "give one of year, year_start, year_end, or field") end
end

local KEYS = { "field", "at", "reason", "at_year_of" }
for _, k in ipairs(FIELD_TESTS) do KEYS[#KEYS + 1] = k end
for _, k in ipairs(OTHER_TESTS) do KEYS[#KEYS + 1] = k end
local KNOWN = {}
for _, k in ipairs(KEYS) do KNOWN[k] = true end

local function check_one(c, path, param_ids, add)
  if type(c) ~= "table" then add(path, "must be a condition table") return end
  for k in pairs(c) do
    if not KNOWN[k] then
      local near = type(k) == "string" and schema.nearest(k, KEYS)
      add(path .. "." .. tostring(k), "unknown key" .. (near and string.format(" (did you mean %q?)", near) or ""))
    end
  end
  local found = tests_of(c)
  if #found ~= 1 then
    add(path, #found == 0 and "has no test (eq, ne, lt, le, gt, ge, present, nonempty, one_of, prefix, not_prefix, size, in_force, any, all)"
      or "has more than one test: " .. table.concat(found, ", "))
    return
  end
  local t = found[1]
  if t == "size" then
    if type(c.size) ~= "table" or #c.size == 0 then add(path .. ".size", "must be a list of size classes") return end
    for i, s in ipairs(c.size) do
      if not SIZES[s] then add(path .. ".size[" .. i .. "]", string.format("unknown size class %q (large, medium, small, micro)", tostring(s))) end
    end
  elseif t == "in_force" then
    if type(c.in_force) ~= "string" or not param_ids[c.in_force] then
      add(path .. ".in_force", string.format("unknown param %q (declare it in this benefit's params)", tostring(c.in_force)))
    end
    if c.at_year_of ~= nil and not (c.at_year_of == "above_scale_since" or is_extra(c.at_year_of)) then
      add(path .. ".at_year_of", "must be above_scale_since or extra.NAME (a field holding a year)")
    end
  elseif t == "any" or t == "all" then
    local list = c[t]
    if type(list) ~= "table" or #list < (t == "any" and 2 or 1) then
      add(path .. "." .. t, t == "any" and "must list at least two conditions" or "must list conditions")
      return
    end
    for i, sub in ipairs(list) do check_one(sub, path .. "." .. t .. "[" .. i .. "]", param_ids, add) end
  else
    check_field(c.field, c.at, path, add)
    local v = c[t]
    if t == "present" then
      if type(v) ~= "boolean" then add(path .. ".present", "must be true or false") end
    elseif t == "nonempty" then
      if v ~= true then add(path .. ".nonempty", "must be true") end
    elseif t == "one_of" then
      if type(v) ~= "table" or #v == 0 then add(path .. ".one_of", "must be a non-empty list") end
    elseif t == "prefix" or t == "not_prefix" then
      local list = type(v) == "table" and v or { v }
      for _, p in ipairs(list) do
        if type(p) ~= "string" or p == "" then add(path .. "." .. t, "must be a string or a list of strings") break end
      end
    else
      check_operand(v, path .. "." .. t, add)
    end
  end
  if c.field ~= nil and (t == "size" or t == "in_force" or t == "any" or t == "all") then
    add(path .. ".field", "not used by " .. t)
  end
  if c.reason ~= nil and type(c.reason) ~= "string" then add(path .. ".reason", "must be a string") end
end

--- The problems of a `when` list: { { path, message } … } (empty when it is sound).
--- param_ids: the set of param ids the benefit declares.
function M.check(list, param_ids)
  local problems = {}
  local function add(path, msg) problems[#problems + 1] = { path, msg } end
  for i, c in ipairs(list) do check_one(c, "when[" .. i .. "]", param_ids, add) end
  return problems
end

-- Reading values ---------------------------------------------------------------------------

-- A reader(firm, year) → value for field f at year offset at.
local function reader(f, at)
  local x = is_extra(f)
  if PER_YEAR[f] then
    at = at or 0
    return function(firm, year)
      local t = firm[f]
      return t and t[year + at]
    end
  elseif x and at then
    return function(firm, year)
      local e = firm.extra
      if type(e) ~= "table" then return nil end
      local t = e[x]
      if type(t) ~= "table" then return nil end
      return t[year + at]
    end
  elseif x then
    return function(firm)
      local e = firm.extra
      if type(e) ~= "table" then return nil end
      return e[x]
    end
  end
  return function(firm) return firm[f] end
end

-- An operand(firm, year) → value.
local function operand(v)
  if type(v) ~= "table" then return function() return v end end
  if v.year then local k = v.year; return function(_, year) return year + k end end
  if v.year_start then local k = v.year_start; return function(_, year) return string.format("%04d-01-01", year + k) end end
  if v.year_end then local k = v.year_end; return function(_, year) return string.format("%04d-12-31", year + k) end end
  return reader(v.field, v.at)
end

local function comparable(a, b)
  local ta, tb = type(a), type(b)
  return ta == tb and (ta == "number" or ta == "string")
end

--- "YYYY-12-31" of a year: the day a param must be in force on for the year.
local function year_end(year) return string.format("%04d-12-31", year) end
M.year_end = year_end

--- The value of a param{} on a date (YYYY-MM-DD), or nil when none is in force.
local function param_value(p, date)
  for _, v in ipairs(p.values) do
    if date >= v.from and (v.to == nil or date <= v.to) then return v.value end
  end
  return nil
end
M.param_value = param_value

-- A test(firm, year, size_of) → ok, value, expected for one condition.
local compiled = setmetatable({}, { __mode = "k" })   -- condition → its test, for reasons

local compile_one

local function compile_test(c, params)
  if c.size then
    local want = {}
    for _, s in ipairs(c.size) do want[s] = true end
    return function(firm, year, size_of)
      local s = size_of(firm, year)
      return want[s] == true, s, c.size
    end
  elseif c.in_force and c.at_year_of then
    local p, get = params[c.in_force], reader(c.at_year_of)
    return function(firm, year)
      local y = get(firm, year)
      if math.type(y) ~= "integer" then return false, y, c.in_force end
      return param_value(p, year_end(y)) ~= nil, y, c.in_force
    end
  elseif c.in_force then
    local p, by_year = params[c.in_force], {}
    return function(_, year)
      local v = by_year[year]
      if v == nil then v = param_value(p, year_end(year)) ~= nil; by_year[year] = v end
      return v, nil, c.in_force
    end
  elseif c.all then
    local test = M.compile(c.all, params)
    return function(firm, year, size_of)
      local i, v, w = test(firm, year, size_of)
      if i == nil then return true end
      return false, v, w
    end
  elseif c.any then
    local subs = {}
    for i, sub in ipairs(c.any) do subs[i] = compile_one(sub, params) end
    return function(firm, year, size_of)
      for _, s in ipairs(subs) do
        if s(firm, year, size_of) then return true end
      end
      return false
    end
  end
  local get = reader(c.field, c.at)
  if c.present ~= nil then
    local want = c.present
    return function(firm, year)
      local v = get(firm, year)
      return (v ~= nil) == want, v
    end
  elseif c.nonempty then
    return function(firm, year)
      local v = get(firm, year)
      return type(v) == "table" and v[1] ~= nil, v
    end
  elseif c.one_of then
    local set = {}
    for _, v in ipairs(c.one_of) do set[v] = true end
    return function(firm, year)
      local v = get(firm, year)
      return v ~= nil and set[v] == true, v, c.one_of
    end
  elseif c.prefix or c.not_prefix then
    local list = c.prefix or c.not_prefix
    if type(list) ~= "table" then list = { list } end
    local negate = c.not_prefix ~= nil
    return function(firm, year)
      local v = get(firm, year)
      if type(v) ~= "string" then return negate, v, list end
      for _, p in ipairs(list) do
        if v:sub(1, #p) == p then return not negate, v, p end
      end
      return negate, v, list
    end
  end
  local op
  for k in pairs(COMPARE) do if c[k] ~= nil then op = k end end
  local other = operand(c[op])
  local cmp = ({
    eq = function(a, b) return a == b end, ne = function(a, b) return a ~= b end,
    lt = function(a, b) return a < b end, le = function(a, b) return a <= b end,
    gt = function(a, b) return a > b end, ge = function(a, b) return a >= b end,
  })[op]
  if op == "eq" or op == "ne" then
    return function(firm, year)
      local v, w = get(firm, year), other(firm, year)
      if v == nil or w == nil then return false, v, w end
      return cmp(v, w), v, w
    end
  end
  return function(firm, year)
    local v, w = get(firm, year), other(firm, year)
    if not comparable(v, w) then return false, v, w end
    return cmp(v, w), v, w
  end
end

compile_one = function(c, params)
  local fn = compile_test(c, params)
  compiled[c] = fn
  return fn
end

--- Compile a checked `when` list against the benefit's params (id → param{}). The result
--- test(firm, year, size_of) returns nil when every condition holds, else the index of the
--- first that fails with the value it read and the value it expected. size_of(firm, year) gives
--- the size class. No string is made on the way.
function M.compile(list, params)
  local tests = {}
  for i, c in ipairs(list) do tests[i] = compile_one(c, params) end
  local n = #tests
  return function(firm, year, size_of)
    for i = 1, n do
      local ok, v, w = tests[i](firm, year, size_of)
      if not ok then return i, v, w end
    end
    return nil
  end
end

-- Explaining -------------------------------------------------------------------------------

local function show(v)
  if v == nil then return "未设" end
  if v == json_null then return "空" end
  if type(v) == "table" then
    local parts = {}
    for i, x in ipairs(v) do parts[i] = show(x) end
    return table.concat(parts, "、")
  end
  if v == true then return "是" elseif v == false then return "否" end
  if math.type(v) == "float" and v == math.floor(v) and v > -2^53 and v < 2^53 then
    return string.format("%.0f", v)
  end
  if SIZES[v] then return sme.names[v] end
  if KINDS[v] then return KINDS[v] end
  return tostring(v)
end

local function label(c, year)
  local f = c.field
  local x = is_extra(f)
  if PER_YEAR[f] then return string.format("%d年%s", year + (c.at or 0), M.fields[f]) end
  if x and c.at then return string.format("%d年%s", year + c.at, x) end
  return x or M.fields[f] or tostring(f)
end

local reason

local function default_reason(c, year, value, expected, firm, size_of)
  if c.size then return string.format("%d年企业规模为%s, 不是%s", year, value and show(value) or "未知", show(c.size)) end
  if c.in_force and c.at_year_of then
    return string.format("%s年不在参数 %s 的有效期内", show(value), c.in_force)
  end
  if c.in_force then return string.format("%d年不在政策执行期内(参数 %s)", year, c.in_force) end
  if c.all then
    for _, sub in ipairs(c.all) do
      local test = compiled[sub]
      if test and firm then
        local ok, v, w = test(firm, year, size_of)
        if not ok then return reason(sub, year, v, w, firm, size_of) end
      end
    end
    return "条件不满足"
  end
  if c.any then
    local parts = {}
    for _, sub in ipairs(c.any) do
      local test = compiled[sub]
      if test and firm then
        local _, v, w = test(firm, year, size_of)
        parts[#parts + 1] = reason(sub, year, v, w, firm, size_of)
      end
    end
    return "以下条件均不满足: " .. table.concat(parts, "; ")
  end
  local l = label(c, year)
  if c.present == true then return l .. "未设" end
  if c.present == false then return string.format("%s已设(%s)", l, show(value)) end
  if c.nonempty then return l .. "为空" end
  if value == nil then return l .. "未设" end
  if c.one_of then return string.format("%s为%s, 不在%s之中", l, show(value), show(c.one_of)) end
  if c.prefix then return string.format("%s%s不以%s开头", l, show(value), show(expected)) end
  if c.not_prefix then return string.format("%s%s以%s开头", l, show(value), show(expected)) end
  for op, sym in pairs(COMPARE) do
    if c[op] ~= nil then
      if expected == nil then return string.format("%s为%s, 比较的值未设", l, show(value)) end
      return string.format("%s为%s, 不满足%s%s", l, show(value), sym, show(expected))
    end
  end
  return l .. "不满足条件"
end

--- The Chinese reason a condition failed, from its `reason` template or a default one. firm and
--- size_of (optional) let an `any` condition name why each of its alternatives failed.
reason = function(c, year, value, expected, firm, size_of)
  if not c.reason then return default_reason(c, year, value, expected, firm, size_of) end
  local subst = {
    year = tostring(year), Y = tostring(year + (c.at or 0)),
    label = c.field and label(c, year) or "", value = show(value), expected = show(expected),
  }
  local text = c.reason
  if text:find("{why}", 1, true) then
    -- an any: why its last alternative failed; an all: why its failing condition did
    local list = c.any or c.all
    local why = ""
    if list and firm then
      for i = #list, 1, -1 do
        local test = compiled[list[i]]
        local ok, v, w = test(firm, year, size_of)
        if not ok then
          why = reason(list[i], year, v, w, firm, size_of)
          if c.any then break end
        end
      end
    end
    text = text:gsub("{why}", (why:gsub("%%", "%%%%")))
  end
  if firm then
    text = text:gsub("{firm%.([%w_]+)}", function(k)
      if M.fields[k] and not PER_YEAR[k] then return show(firm[k]) end
    end)
  end
  return (text:gsub("{([%w_]+)([+-]?)(%d*)}", function(k, sign, n)
    if sign == "" then return subst[k] end
    local base = (k == "value" and value) or (k == "expected" and expected) or (k == "year" and year) or nil
    if type(base) ~= "number" then return subst[k] end
    return show(sign == "+" and base + tonumber(n) or base - tonumber(n))
  end))
end
M.reason = reason

return M
