-- policytk.benefits.credit_code: the 统一社会信用代码 (unified social credit code) of GB 32100-2015:
-- 18 characters from 0-9 and A-Y without I, O, S, V, Z; the 18th is a check character
-- computed from the first 17 with weights 3^(i-1) mod 31.
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local M = {}

local ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
local WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 }
local VALUE = {}
for i = 1, #ALPHABET do VALUE[ALPHABET:byte(i)] = i - 1 end   -- by byte: no one-character strings

local byte = string.byte

-- The check character's place in ALPHABET (0-based) for the first 17 characters of s (at
-- least 17 long), or nil and the position of the first character outside the alphabet.
local function check_index(s)
  local sum = 0
  for i = 1, 17 do
    local v = VALUE[byte(s, i)]
    if not v then return nil, i end
    sum = sum + v * WEIGHTS[i]
  end
  return (31 - sum % 31) % 31
end

local function outside(s, i)
  return string.format("第%d位字符“%s”不在代码字符集中", i, s:sub(i, i))
end

--- The check character for the first 17 characters, or nil and a reason.
function M.check_char(first17)
  if type(first17) ~= "string" or #first17 ~= 17 then return nil, "需要17位" end
  local c, at = check_index(first17)
  if not c then return nil, outside(first17, at) end
  return ALPHABET:sub(c + 1, c + 1)
end

--- true when code is a valid credit code; else false and a reason in Chinese.
function M.valid(code)
  if type(code) ~= "string" then return false, "不是文本" end
  code = code:upper()
  if #code ~= 18 then return false, string.format("长度为%d位，应为18位", #code) end
  local c, at = check_index(code)
  if not c then return false, outside(code, at) end
  if byte(code, 18) ~= byte(ALPHABET, c + 1) then
    return false, string.format("校验码错误：末位为“%s”，按GB 32100-2015应为“%s”", code:sub(18, 18),
      ALPHABET:sub(c + 1, c + 1))
  end
  return true
end

return M
