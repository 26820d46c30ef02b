-- policytk.log: leveled messages to stderr, for verbs, scripts and (through ctx.log) plugins.
--
--   local log = require "policytk.log"
--   log.warn("%s: %d rows skipped", file, n)
-- The level comes from $POLICYTK_LOG (debug, info, warn, error; default info) or set_level().

local M = {}

local LEVELS = { debug = 1, info = 2, warn = 3, error = 4, quiet = 5 }
local LABEL = { debug = "debug: ", info = "", warn = "warning: ", error = "error: " }

local current = LEVELS[os.getenv("POLICYTK_LOG") or ""] or LEVELS.info
local sink = function(line) io.stderr:write(line, "\n") end

--- Set the lowest level that is printed: "debug" | "info" | "warn" | "error" | "quiet".
function M.set_level(name)
  local n = LEVELS[name]
  if not n then error("log.set_level: unknown level " .. tostring(name), 2) end
  current = n
end

--- Send lines somewhere else (tests): fn(line). Returns the previous sink.
function M.set_sink(fn)
  local old = sink
  sink = fn
  return old
end

local function emit(level, prefix, fmt, ...)
  if LEVELS[level] < current then return end
  local msg = select("#", ...) > 0 and string.format(fmt, ...) or tostring(fmt)
  sink("policytk: " .. (prefix or "") .. LABEL[level] .. msg)
end

function M.debug(fmt, ...) emit("debug", nil, fmt, ...) end
function M.info(fmt, ...) emit("info", nil, fmt, ...) end
function M.warn(fmt, ...) emit("warn", nil, fmt, ...) end
function M.error(fmt, ...) emit("error", nil, fmt, ...) end

--- A logger whose lines name their source, e.g. "plugin wenzhou: ".
function M.named(prefix)
  return {
    debug = function(fmt, ...) emit("debug", prefix .. ": ", fmt, ...) end,
    info = function(fmt, ...) emit("info", prefix .. ": ", fmt, ...) end,
    warn = function(fmt, ...) emit("warn", prefix .. ": ", fmt, ...) end,
    error = function(fmt, ...) emit("error", prefix .. ": ", fmt, ...) end,
  }
end

return M
