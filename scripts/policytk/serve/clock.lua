-- policytk.serve.clock: the times of accounts, sessions and the audit — UTC ISO 8601 text as the
-- database keeps it (2025-07-03T06:05:00Z), seconds for arithmetic, 北京时间 for staff.
--
--   clock.now([given]) → ISO text: given (checked), else $POLICYTK_NOW (tests), else the clock
--   clock.seconds(iso) → seconds since 1970-01-01 UTC;  clock.iso(seconds) → ISO text
--   clock.beijing(iso) → "2025年7月3日 14:05" (policytk.data.store.beijing)
--
-- Every function of accounts, sessions and rights that depends on the time takes an optional
-- `now` (ISO text), so that tests move the clock instead of waiting.
--
-- Capability: accounts and rights of the server (entry policytk.serve; map in docs/architecture.md).

local dates = require "policytk.progress.dates"
local store = require "policytk.data.store"

local M = {}

local PATTERN = "^(%d%d%d%d%-%d%d%-%d%d)T(%d%d):(%d%d):(%d%d)Z$"

--- Seconds since the epoch of an ISO UTC time; raises on any other text.
function M.seconds(iso)
  local day, h, mi, s = tostring(iso):match(PATTERN)
  if not day then error(string.format("时间应为 UTC ISO 8601（如 2025-07-03T06:05:00Z），而不是 %q", tostring(iso)), 2) end
  return dates.days(day) * 86400 + tonumber(h) * 3600 + tonumber(mi) * 60 + tonumber(s)
end

--- The ISO UTC text of seconds since the epoch.
function M.iso(seconds)
  seconds = math.floor(seconds)
  local z, rest = seconds // 86400, seconds % 86400
  return string.format("%sT%02d:%02d:%02dZ", dates.date(z), rest // 3600, rest % 3600 // 60, rest % 60)
end

--- Now as ISO text: `given` when there is one (checked), else $POLICYTK_NOW, else the clock.
function M.now(given)
  if given ~= nil then
    M.seconds(given)
    return given
  end
  local env = os.getenv("POLICYTK_NOW")
  if env and env ~= "" then
    M.seconds(env)
    return env
  end
  return os.date("!%Y-%m-%dT%H:%M:%SZ")
end

--- An ISO UTC time as staff read it, in 北京时间.
M.beijing = store.beijing

return M
