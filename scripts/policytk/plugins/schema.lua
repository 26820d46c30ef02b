-- policytk.plugins.schema: small declarative validator for plugin declarations.
--
-- A schema is a tree of type descriptors built with the functions below.
-- validate(value, schema, report) walks a value and calls report(path, problem, origin)
-- for every problem it finds, never stopping at the first one. Tables made by a plugin
-- constructor carry an origin (file, line) that errors inside them use.
--
-- Descriptors are plain tables: { type = "string", pattern = ..., desc = ... }. The `desc`
-- strings are the contract's documentation: docs/plugins.md is written from them.
--
-- Capability: the plugin contract and loading (entry policytk.plugins; map in docs/architecture.md).

local M = {}

local origins = setmetatable({}, { __mode = "k" })   -- table -> {file=, line=, kind=}

--- Remember where a declaration table was written.
function M.set_origin(t, file, line, kind)
  origins[t] = { file = file, line = line, kind = kind }
end

--- A raw deep copy of v for the host: tables copied with next/rawset only (no metamethod of
--- the plugin's runs: __index, __pairs, __len, __eq …), without metatables, each copy keeping
--- its original's origin; shared and cyclic tables stay shared in the copy (memo, optional, maps
--- original → copy). Functions and other values are kept. Raises "nested deeper than 200
--- tables" for deeper nesting.
function M.snapshot(v, memo, depth)
  if type(v) ~= "table" then return v end
  memo = memo or {}
  local c = memo[v]
  if c then return c end
  depth = depth or 0
  if depth > 200 then error("nested deeper than 200 tables", 0) end
  c = {}
  memo[v] = c
  local o = origins[v]
  if o then origins[c] = o end
  local k, x = next(v)
  while k ~= nil do
    rawset(c, M.snapshot(k, memo, depth + 1), M.snapshot(x, memo, depth + 1))
    k, x = next(v, k)
  end
  return c
end

--- The origin of a declaration table, or nil.
function M.origin(t)
  return type(t) == "table" and origins[t] or nil
end

-- Descriptor constructors ------------------------------------------------------------

local function desc(kind, opts)
  local d = {}
  for k, v in pairs(opts or {}) do d[k] = v end
  d.type = kind
  return d
end

function M.string(opts) return desc("string", opts) end
function M.integer(opts) return desc("integer", opts) end
function M.number(opts) return desc("number", opts) end
function M.boolean(opts) return desc("boolean", opts) end
function M.date(opts) return desc("date", opts) end
function M.func(opts) return desc("function", opts) end
function M.any(opts) return desc("any", opts) end

--- enum{ values = {...} }
function M.enum(values, opts)
  local d = desc("enum", opts)
  d.values = values
  return d
end

--- list(item_descriptor, opts): a sequence; opts.min for a minimum length.
function M.list(item, opts)
  local d = desc("list", opts)
  d.item = item
  return d
end

--- record(fields, opts): a table with exactly these string keys. fields is an array of
--- { name, descriptor } pairs so that documentation keeps the declared order.
function M.record(fields, opts)
  local d = desc("record", opts)
  d.fields = fields
  d.by_name = {}
  for _, f in ipairs(fields) do d.by_name[f[1]] = f[2] end
  return d
end

--- map(key_descriptor, value_descriptor): a table of arbitrary keys.
function M.map(key, value, opts)
  local d = desc("map", opts)
  d.key, d.value = key, value
  return d
end

--- oneof(d1, d2, ...): the value matches one of the descriptors (checked in order).
function M.oneof(alternatives, opts)
  local d = desc("oneof", opts)
  d.alternatives = alternatives
  return d
end

-- Helpers ----------------------------------------------------------------------------

local days_in_month = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

--- True when s is an exact ISO calendar date YYYY-MM-DD that exists.
function M.is_iso_date(s)
  if type(s) ~= "string" then return false end
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then return false end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 then return false end
  local max = days_in_month[m]
  if m == 2 and (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) then max = 29 end
  return d <= max
end

--- Levenshtein distance between two strings (bytes), for "did you mean".
function M.distance(a, b)
  local la, lb = #a, #b
  if la == 0 then return lb end
  if lb == 0 then return la end
  local prev, cur = {}, {}
  for j = 0, lb do prev[j] = j end
  for i = 1, la do
    cur[0] = i
    local ca = a:byte(i)
    for j = 1, lb do
      local cost = (ca == b:byte(j)) and 0 or 1
      local v = prev[j] + 1
      if cur[j - 1] + 1 < v then v = cur[j - 1] + 1 end
      if prev[j - 1] + cost < v then v = prev[j - 1] + cost end
      cur[j] = v
    end
    prev, cur = cur, prev
  end
  return prev[lb]
end

--- The candidate nearest to word, or nil when none is close (distance > 1/2 length + 1).
function M.nearest(word, candidates)
  local best, best_d
  for _, c in ipairs(candidates) do
    local d = M.distance(word, c)
    if not best_d or d < best_d or (d == best_d and c < best) then best, best_d = c, d end
  end
  if best and best_d <= math.max(2, #word // 2) then return best end
  return nil
end

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) == "table" then return "a table" end
  return tostring(v)
end
M.show = show

local function type_name(d)
  if d.type == "enum" then
    local parts = {}
    for _, v in ipairs(d.values) do parts[#parts + 1] = show(v) end
    return "one of " .. table.concat(parts, ", ")
  elseif d.type == "list" then return "a list"
  elseif d.type == "record" or d.type == "map" then return "a table"
  elseif d.type == "date" then return "an ISO date YYYY-MM-DD"
  elseif d.type == "integer" then return "an integer"
  elseif d.type == "function" then return "a function"
  elseif d.type == "oneof" then
    local parts = {}
    for _, a in ipairs(d.alternatives) do parts[#parts + 1] = type_name(a) end
    return table.concat(parts, " or ")
  end
  return "a " .. d.type
end
M.type_name = type_name

local function join(path, key)
  if type(key) == "number" then return path .. "[" .. key .. "]" end
  if path == "" then return key end
  return path .. "." .. key
end

-- Validation -------------------------------------------------------------------------

local check   -- forward

local function check_scalar(v, d, path, report, where)
  local t = d.type
  if t == "any" then return end
  if t == "string" then
    if type(v) ~= "string" then return report(path, "expected a string; got " .. show(v), where) end
    if d.nonempty ~= false and v == "" then return report(path, "must not be empty", where) end
    if d.pattern and not v:match(d.pattern) then
      return report(path, string.format("%q does not match the form %s", v, d.form or d.pattern), where)
    end
    if d.max_len and utf8.len(v) and utf8.len(v) > d.max_len then
      return report(path, "longer than " .. d.max_len .. " characters", where)
    end
    if not utf8.len(v) then return report(path, "is not valid UTF-8", where) end
  elseif t == "integer" or t == "number" then
    if type(v) ~= "number" or (t == "integer" and math.type(v) ~= "integer" and v ~= math.floor(v)) then
      return report(path, "expected " .. type_name(d) .. "; got " .. show(v), where)
    end
    if v ~= v or v == math.huge or v == -math.huge then
      return report(path, "must be a finite number", where)
    end
    if d.min and v < d.min then return report(path, "must be >= " .. d.min .. "; got " .. show(v), where) end
    if d.max and v > d.max then return report(path, "must be <= " .. d.max .. "; got " .. show(v), where) end
  elseif t == "boolean" then
    if type(v) ~= "boolean" then return report(path, "expected true or false; got " .. show(v), where) end
  elseif t == "date" then
    if not M.is_iso_date(v) then return report(path, "expected an ISO date YYYY-MM-DD; got " .. show(v), where) end
  elseif t == "function" then
    if type(v) ~= "function" then return report(path, "expected a function; got " .. show(v), where) end
  elseif t == "enum" then
    for _, ok in ipairs(d.values) do if v == ok then return end end
    return report(path, "expected " .. type_name(d) .. "; got " .. show(v), where)
  end
end

local function check_record(v, d, path, report, where)
  if type(v) ~= "table" then return report(path, "expected a table; got " .. show(v), where) end
  local names = {}
  for _, f in ipairs(d.fields) do names[#names + 1] = f[1] end
  for k in pairs(v) do
    if type(k) ~= "string" then
      report(join(path, tostring(k)), "unexpected positional value (fields are named)", where)
    elseif not d.by_name[k] then
      local near = M.nearest(k, names)
      report(join(path, k), "unknown field" .. (near and (' (did you mean "' .. near .. '"?)') or ""), where)
    end
  end
  for _, f in ipairs(d.fields) do
    local name, fd = f[1], f[2]
    local fv = v[name]
    if fv == nil then
      if fd.required then report(join(path, name), "required field is missing", where) end
    else
      check(fv, fd, join(path, name), report, where)
    end
  end
end

local function check_list(v, d, path, report, where)
  if type(v) ~= "table" then return report(path, "expected a list; got " .. show(v), where) end
  local n = #v
  for k in pairs(v) do
    if math.type(k) ~= "integer" or k < 1 or k > n then
      return report(join(path, tostring(k)), "unexpected key in a list", where)
    end
  end
  if d.min and n < d.min then report(path, "needs at least " .. d.min .. " entries", where) end
  for i = 1, n do
    local item = v[i]
    local label = join(path, i)
    if type(item) == "table" and type(item.id) == "string" then label = label .. "(" .. item.id .. ")" end
    check(item, d.item, label, report, where)
  end
end

local function check_map(v, d, path, report, where)
  if type(v) ~= "table" then return report(path, "expected a table; got " .. show(v), where) end
  for k, item in pairs(v) do
    check(k, d.key, join(path, tostring(k)), report, where)
    check(item, d.value, join(path, tostring(k)), report, where)
  end
end

check = function(v, d, path, report, where)
  local o = M.origin(v)
  if o then where = o end
  local t = d.type
  if t == "record" then check_record(v, d, path, report, where)
  elseif t == "list" then check_list(v, d, path, report, where)
  elseif t == "map" then check_map(v, d, path, report, where)
  elseif t == "oneof" then
    for _, alt in ipairs(d.alternatives) do
      local failed = false
      check(v, alt, path, function() failed = true end, where)
      if not failed then return end
    end
    -- report against the alternative whose basic type matches, else generically
    for _, alt in ipairs(d.alternatives) do
      local base = alt.type
      if (base == "list" or base == "record" or base == "map") and type(v) == "table"
        or (base == "string" or base == "date" or base == "enum") and type(v) == "string"
        or (base == "number" or base == "integer") and type(v) == "number"
        or base == "function" and type(v) == "function" then
        return check(v, alt, path, report, where)
      end
    end
    report(path, "expected " .. type_name(d) .. "; got " .. show(v), where)
  else
    check_scalar(v, d, path, report, where)
  end
  if d.check then
    local problem = d.check(v)
    if problem then report(path, problem, where) end
  end
end

--- Validate value against descriptor d. report(path, problem, origin) is called for each
--- problem; origin is the nearest enclosing declaration's {file, line}. Returns the number
--- of problems found.
function M.validate(value, d, report, path, origin)
  local n = 0
  check(value, d, path or "", function(p, problem, where)
    n = n + 1
    report(p, problem, where)
  end, origin or M.origin(value))
  return n
end

return M
