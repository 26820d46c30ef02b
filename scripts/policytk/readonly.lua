-- policytk.readonly: a read-only view of a table (and of the tables inside it), handed to
-- plugin hooks so that a rule cannot change the record it is judging.

local M = {}

local views = setmetatable({}, { __mode = "k" })   -- view -> original

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
  local v = setmetatable({}, {
    __index = function(_, k) return child(k, t[k]) end,
    __newindex = function(_, k)
      error(string.format("attempt to change read-only field '%s'", tostring(k)), 2)
    end,
    __len = function() return #t end,
    __pairs = function()
      return function(_, k)
        local nk, nv = next(t, k)
        return nk, child(nk, nv)       -- the same view as v[nk]
      end, t, nil
    end,
    __metatable = "read-only",
  })
  views[v] = t
  return v
end

--- A read-only view of t (t itself for non-tables).
M.view = view

--- The table behind a view, or the value itself.
function M.unwrap(v)
  return views[v] or v
end

return M
