-- policytk.benefits.readonly: a read-only view of a table (and of the tables inside it), handed to
-- plugin hooks so that a rule cannot change the record it is judging. A view is an empty proxy
-- whose data lives in a closure: writes raise, and rawset only puts a key into the proxy,
-- which then shadows the data for that proxy alone; M.untouched tells whether that happened,
-- so that the caller hands the next rule a fresh view instead.
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local M = {}

local views = setmetatable({}, { __mode = "k" })   -- view -> original
local kids = setmetatable({}, { __mode = "k" })    -- view -> the views made inside it

local function refuse(_, k)
  error(string.format("attempt to change read-only field '%s'", tostring(k)), 2)
end

-- The view of t that reads through index(_, k) and iterates with step (a `next` over t).
local function seal(t, index, step)
  local v = setmetatable({}, {
    __index = index,
    __newindex = refuse,
    __len = function() return #t end,
    __pairs = function() return step, t, nil end,
    __metatable = "read-only",
  })
  views[v] = t
  return v
end

local function view(t)
  if type(t) ~= "table" then return t end
  local children = {}            -- one view per nested table, made on first use
  local function child(k, x)
    if type(x) ~= "table" then return x end
    local c = children[k]
    if c == nil then
      c = view(x)
      children[k] = c
    end
    return c
  end
  local v = seal(t, function(_, k) return child(k, t[k]) end, function(_, k)
    local nk, nv = next(t, k)
    return nk, child(nk, nv)       -- the same view as v[nk]
  end)
  kids[v] = children
  return v
end

--- A read-only view of t (t itself for non-tables).
M.view = view

--- A read-only view of the fields `allowed` (a set) of t: reading any other field raises
--- "<who> reads <what>.<field>, which its reads = { … } does not list" (level 2: the reader's
--- line). pairs() goes over the allowed fields t has. unwrap() gives t. inner: a view of t
--- already made (M.view(t)), to share its nested views.
function M.only(t, allowed, who, what, inner)
  inner = inner or view(t)
  local v
  v = seal(t, function(_, k)
    if not allowed[k] then
      local listed = {}
      for f in pairs(allowed) do listed[#listed + 1] = tostring(f) end
      table.sort(listed)
      error(string.format("%s reads %s.%s, which its reads = { %s } does not list", who, what, tostring(k),
        table.concat(listed, ", ")), 2)
    end
    return inner[k]
  end, function(_, k)
    local nk = next(t, k)
    while nk ~= nil and not allowed[nk] do nk = next(t, nk) end
    if nk == nil then return nil end
    return nk, inner[nk]
  end)
  kids[v] = { inner }
  return v
end

--- True when nothing was rawset into view v nor into any view read out of it: rawset
--- reaches only the empty proxies (never the data), and a touched view must not be handed to
--- other code (policytk.benefits makes a fresh one).
function M.untouched(v)
  if next(v) ~= nil then return false end
  local c = kids[v]
  if c then
    for _, x in next, c do
      if type(x) == "table" and not M.untouched(x) then return false end
    end
  end
  return true
end

--- The table behind a view, or the value itself.
function M.unwrap(v)
  return views[v] or v
end

return M
