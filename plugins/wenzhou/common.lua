-- Helpers the Wenzhou benefit files share, kept once: each file takes them with
-- `local common = require "common"` (a plugin's own module, loaded inside the sandbox; the
-- loader runs it once, so every file gets the same table). It declares nothing.

local M = {}

--- The firm's extra fields (firm.extra), or an empty table.
function M.extra(firm)
  return firm.extra or {}
end

--- The amount of a 最高 (up to) loan: the cap in force (the param `cap_id`), or the loan the firm
--- asked for (extra.loan_requested, whole yuan) when that is lower.
function M.loan_up_to(cap_id)
  return function(firm, _, ctx)
    local max = ctx.param(cap_id)
    local asked = M.extra(firm).loan_requested
    if asked and asked < max then return math.floor(asked) end
    return max
  end
end

return M
