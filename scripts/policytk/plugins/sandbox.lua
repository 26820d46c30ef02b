-- policytk.plugins.sandbox: the environment plugin code runs in, and budgeted calls into it.
--
-- Plugin files see only the constructors the host passes in and the pure libraries
-- string, table, math and utf8 (copies: a plugin cannot change the host's). No io, os,
-- debug, package, coroutine, dofile or loadfile; `load` takes text only and runs in the
-- same environment; `require` loads the plugin's own files. Reading an undefined global
-- or assigning one is an error, so a typo cannot pass silently.
-- Every call into plugin code goes through sandbox.call, which applies the plugin's
-- instruction, memory and wall-clock budgets (policytk.core.limited_call), capped by the host.
--
-- Budgets hold whatever the code does (docs/plugins.md, "Budgets"):
-- * Lua code never runs with the count hook off: the sandbox's xpcall calls its message
--   handler after the call has returned (Lua runs a handler inside the hook that raised, where
--   hooks are off), and setmetatable refuses __gc (finalisers run with hooks off, and at
--   lua_close after every budget).
-- * string.find/match/gmatch/gsub are the host's budgeted matcher (policytk.core.bound_patterns,
--   installed into the host's string table when this module loads, so `s:find(p)` is covered):
--   backtracking steps count as instructions and the clock is read.
-- * The host never runs plugin metamethods outside a budget: an error value that is not a
--   string is converted by sandbox.message (its __tostring under a small budget of its own),
--   declarations are copied raw (schema.snapshot), metatables of the host's objects are not
--   handed out or replaced.
--
-- Capability: the plugin contract and loading (entry policytk.plugins; map in docs/architecture.md).

local core = require "policytk.core"

local M = {}

local FORBIDDEN = {
  io = true, os = true, debug = true, package = true, coroutine = true, dofile = true,
  loadfile = true, collectgarbage = true, require = false,
}

local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

local string_mt = getmetatable("")

-- The budgeted matcher, into the one string table every string's methods come from.
core.bound_patterns(string)

--- The host's caps: no budget the sandbox applies exceeds them (a manifest cannot opt out).
M.MAX = { instructions = core.max_instructions, memory = core.max_memory, seconds = core.max_seconds }

-- Metatables set by plugin code (weak): the only ones the sandbox's getmetatable returns and
-- its setmetatable replaces.
local plugin_mts = setmetatable({}, { __mode = "k" })

local function safe_setmetatable(t, mt)
  if type(t) ~= "table" then
    error(string.format("bad argument #1 to 'setmetatable' (table expected, got %s)", type(t)), 2)
  end
  if mt ~= nil and type(mt) ~= "table" then
    error(string.format("bad argument #2 to 'setmetatable' (nil or table expected, got %s)", type(mt)), 2)
  end
  local old = debug.getmetatable(t)
  if old ~= nil and not plugin_mts[old] then
    error("setmetatable: the host's tables keep their metatables in the plugin sandbox", 2)
  end
  if mt ~= nil and rawget(mt, "__gc") ~= nil then
    error("setmetatable: __gc (finalisers) is not available in the plugin sandbox", 2)
  end
  if mt ~= nil then plugin_mts[mt] = true end
  return setmetatable(t, mt)
end

-- xpcall whose handler runs after f has returned, under the same budget and with the hook on.
-- Plugins have no debug library, so a handler cannot tell the difference.
local function safe_xpcall(f, handler, ...)
  if type(handler) ~= "function" then
    error(string.format("bad argument #2 to 'xpcall' (function expected, got %s)", type(handler)), 2)
  end
  local r = table.pack(pcall(f, ...))
  if r[1] then return table.unpack(r, 1, r.n) end
  return false, select(2, pcall(handler, r[2]))
end

local function safe_getmetatable(v)
  if type(v) == "string" then error("getmetatable of a string is not available in the plugin sandbox", 2) end
  local mt = debug.getmetatable(v)
  if mt == nil or not plugin_mts[mt] then return nil end     -- the host's: not handed out
  return getmetatable(v)
end

local function env_number(name)
  local v = tonumber(os.getenv(name) or "")
  if v and v > 0 then return v end
  return nil
end

--- Default budgets, overridable by $POLICYTK_LIMIT_INSTRUCTIONS / $POLICYTK_LIMIT_MEMORY /
--- $POLICYTK_LIMIT_SECONDS (each capped by M.MAX when applied).
function M.default_limits()
  return {
    instructions = math.tointeger(env_number("POLICYTK_LIMIT_INSTRUCTIONS")) or core.default_instructions,
    memory = math.tointeger(env_number("POLICYTK_LIMIT_MEMORY")) or core.default_memory,
    seconds = env_number("POLICYTK_LIMIT_SECONDS") or core.default_seconds,
  }
end

--- The budgets applied for `limits`: each given (positive) value, else the default, capped by
--- M.MAX. Never "no limit".
function M.effective_limits(limits)
  local d = M.default_limits()
  local out = {}
  for _, k in ipairs({ "instructions", "memory", "seconds" }) do
    local v = limits and rawget(limits, k)
    if type(v) ~= "number" or v ~= v or v <= 0 then v = d[k] end
    if v > M.MAX[k] then v = M.MAX[k] end
    if k ~= "seconds" then v = math.tointeger(v) or math.floor(v) end
    out[k] = v
  end
  return out
end

-- The small budget under which a plugin's error object is turned into text.
local TOSTRING_LIMITS = { instructions = 1000000, memory = 1048576, seconds = 1 }

--- The text of an error value from plugin code, with no plugin code run outside a budget: a
--- string as it is; a number or boolean by tostring; a host failure (policytk.cli) as it is;
--- anything else by tostring under a small budget of its own, or "(an error object: a TYPE)"
--- when that fails or gives no string.
function M.message(e, label)
  local t = type(e)
  if t == "string" then return e end
  if t == "number" or t == "boolean" or t == "nil" then return tostring(e) end
  local cli = package.loaded["policytk.cli"]
  if t == "table" and cli and cli.is_failure(e) then return e end
  local ok, s = core.limited_call({ instructions = TOSTRING_LIMITS.instructions,
    memory = TOSTRING_LIMITS.memory, seconds = TOSTRING_LIMITS.seconds,
    label = (label or "plugin") .. ": error object" }, tostring, e)
  if ok and type(s) == "string" then return s end
  if not ok and type(s) == "string" then
    return s .. " (its __tostring, run to report the error)"
  end
  return "(an error object: a " .. t .. ")"
end

--- A fresh environment for plugin `label` with `extra` (name → value) added.
--- opts.require(name) resolves the plugin's own modules.
function M.env(label, extra, opts)
  opts = opts or {}
  local env = {
    assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs, pcall = pcall,
    select = select, tonumber = tonumber, tostring = tostring, type = type, xpcall = safe_xpcall,
    rawequal = rawequal, rawlen = rawlen, rawget = rawget, rawset = rawset,
    setmetatable = safe_setmetatable, getmetatable = safe_getmetatable, _VERSION = _VERSION,
    string = copy(string), table = copy(table), math = copy(math), utf8 = copy(utf8),
  }
  env._G = env
  env.load = function(chunk, name, mode, chunk_env)
    if type(chunk) ~= "string" then error("load: plugins may load text only", 2) end
    if mode ~= nil and mode ~= "t" then error("load: plugins may load text only (mode \"t\")", 2) end
    return load(chunk, name, "t", chunk_env or env)
  end
  env.print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
    io.stderr:write(label, ": ", table.concat(parts, "\t"), "\n")
  end
  if opts.require then env.require = opts.require end
  for k, v in pairs(extra or {}) do env[k] = v end
  return setmetatable(env, {
    __index = function(_, k)
      if FORBIDDEN[k] ~= nil then
        error(string.format("%s: '%s' is not available in the plugin sandbox", label, tostring(k)), 2)
      end
      error(string.format("undefined global '%s'", tostring(k)), 2)
    end,
    __newindex = function(_, k)
      error(string.format("assignment to global '%s' (declare it local)", tostring(k)), 2)
    end,
  })
end

--- Load a Lua source file as text into env. Returns the chunk, or nil and
--- "FILE:LINE: message" for a syntax error or a file that cannot be read.
function M.loadfile(path, display, env)
  local f, err = io.open(path, "rb")
  if not f then return nil, (display or path) .. ": " .. tostring(err) end
  local src = f:read("a")
  f:close()
  local chunk, perr = load(src, "@" .. (display or path), "t", env)
  if not chunk then return nil, perr end
  return chunk
end

--- Call fn(...) under budgets (M.effective_limits(limits): never none, never above M.MAX).
--- Returns true, results... or false, message, stopped: message a string (M.message) or a
--- host failure, stopped = "instructions" | "memory" | "time" when a budget ran out.
function M.call(label, limits, fn, ...)
  local lim = M.effective_limits(limits)
  assert(string_mt.__index == string, "the string metatable was changed")
  local r = table.pack(core.limited_call({ instructions = lim.instructions, memory = lim.memory,
    seconds = lim.seconds, label = label }, fn, ...))
  if r[1] then return table.unpack(r, 1, r.n) end
  return false, M.message(r[2], label), r[3]
end

return M
