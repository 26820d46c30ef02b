-- policytk.benefits.credit_code: the 统一社会信用代码 (unified social credit code) of GB 32100-2015:
-- 18 characters from 0-9 and A-Y without I, O, S, V, Z; the 18th is a check character
-- computed from the first 17 with weights 3^(i-1) mod 31.
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local M = {}

local ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
local WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 }
local VALUE = {}
for i = 1, #ALPHABET do VALUE[ALPHABET:sub(i, i)] = i - 1 end

--- The check character for the first 17 characters, or nil and a reason.
function M.check_char(first17)
  if type(first17) ~= "string" or #first17 ~= 17 then return nil, "需要17位" end
  local sum = 0
  for i = 1, 17 do
    local v = VALUE[first17:sub(i, i)]
    if not v then return nil, string.format("第%d位字符“%s”不在代码字符集中", i, first17:sub(i, i)) end
    sum = sum + v * WEIGHTS[i]
  end
  local c = 31 - sum % 31
  if c == 31 then c = 0 end
  return ALPHABET:sub(c + 1, c + 1)
end

--- true when code is a valid credit code; else false and a reason in Chinese.
function M.valid(code)
  if type(code) ~= "string" then return false, "不是文本" end
  code = code:upper()
  if #code ~= 18 then return false, string.format("长度为%d位，应为18位", #code) end
  local expected, why = M.check_char(code:sub(1, 17))
  if not expected then return false, why end
  if code:sub(18, 18) ~= expected then
    return false, string.format("校验码错误：末位为“%s”，按GB 32100-2015应为“%s”", code:sub(18, 18), expected)
  end
  return true
end

return M
