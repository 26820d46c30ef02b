-- policytk.plugins.sandbox: the environment plugin code runs in, and budgeted calls into it.
--
-- Plugin files see only the constructors the host passes in and the pure libraries
-- string, table, math and utf8 (copies: a plugin cannot change the host's). No io, os,
-- debug, package, coroutine, dofile or loadfile; `load` takes text only and runs in the
-- same environment; `require` loads the plugin's own files. Reading an undefined global
-- or assigning one is an error, so a typo cannot pass silently.
-- Every call into plugin code goes through sandbox.call, which applies the plugin's
-- instruction and memory budgets (policytk.core.limited_call).
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

local function safe_getmetatable(v)
  if type(v) == "string" then error("getmetatable of a string is not available in the plugin sandbox", 2) end
  return getmetatable(v)
end

--- Default budgets, overridable by $POLICYTK_LIMIT_INSTRUCTIONS / $POLICYTK_LIMIT_MEMORY.
function M.default_limits()
  return {
    instructions = math.tointeger(tonumber(os.getenv("POLICYTK_LIMIT_INSTRUCTIONS") or ""))
      or core.default_instructions,
    memory = math.tointeger(tonumber(os.getenv("POLICYTK_LIMIT_MEMORY") or "")) or core.default_memory,
  }
end

--- A fresh environment for plugin `label` with `extra` (name → value) added.
--- opts.require(name) resolves the plugin's own modules.
function M.env(label, extra, opts)
  opts = opts or {}
  local env = {
    assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs, pcall = pcall,
    select = select, tonumber = tonumber, tostring = tostring, type = type, xpcall = xpcall,
    rawequal = rawequal, rawlen = rawlen, rawget = rawget, rawset = rawset,
    setmetatable = setmetatable, getmetatable = safe_getmetatable, _VERSION = _VERSION,
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

--- Call fn(...) under budgets. Returns true, results... or false, message, stopped
--- (stopped = "instructions" | "memory" when a budget ran out).
function M.call(label, limits, fn, ...)
  limits = limits or M.default_limits()
  assert(string_mt.__index == string, "the string metatable was changed")
  return core.limited_call({ instructions = limits.instructions, memory = limits.memory, label = label },
    fn, ...)
end

return M
