-- policytk.json: JSON through lua-cjson (Debian's lua-cjson), configured once for policytk.
--
--   json.encode(value)   json.decode(text)   json.null
--   json.array(t)        mark a table to encode as an array even when it is empty
--   json.pretty(value)   indented output for people (stable key order)

local cjson = require "cjson"

local M = {}
local codec = cjson.new()
codec.encode_sparse_array(true)
codec.encode_number_precision(14)
codec.decode_invalid_numbers(false)

M.null = cjson.null
local array_mt = { __name = "json.array" }

function M.array(t)
  return setmetatable(t or {}, array_mt)
end

local function is_array(t)
  if getmetatable(t) == array_mt then return true end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n > 0 and n == #t
end

--- Compact JSON with sorted keys. Tables marked with json.array, and non-empty
--- sequences, encode as arrays; other empty tables as {}.
function M.encode(v)
  return M.pretty(v, "")
end

function M.decode(s)
  return codec.decode(s)
end

-- Integers exactly; floats with the shortest of %.14g / %.17g that reads back the same.
local function encode_scalar(v)
  if math.type(v) == "integer" then return string.format("%d", v) end
  if math.type(v) == "float" then
    if v ~= v or v == math.huge or v == -math.huge then error("json: cannot encode " .. tostring(v), 3) end
    if v == math.floor(v) and math.abs(v) < 2^53 then return string.format("%d", math.tointeger(v)) end
    local s = string.format("%.14g", v)
    if tonumber(s) ~= v then s = string.format("%.17g", v) end
    return s
  end
  return codec.encode(v)
end

--- Indented JSON with sorted object keys. indent = "" gives compact output.
function M.pretty(v, indent, depth)
  indent = indent or "  "
  depth = depth or 0
  if type(v) ~= "table" or v == M.null then return encode_scalar(v) end
  local nl = indent == "" and "" or "\n"
  local pad = indent:rep(depth + 1)
  local parts = {}
  if is_array(v) then
    if #v == 0 then return "[]" end
    for i = 1, #v do parts[i] = pad .. M.pretty(v[i], indent, depth + 1) end
    return "[" .. nl .. table.concat(parts, "," .. nl) .. nl .. indent:rep(depth) .. "]"
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = tostring(k) end
  if #keys == 0 then return getmetatable(v) == array_mt and "[]" or "{}" end
  table.sort(keys)
  local sep = indent == "" and ":" or ": "
  for i, k in ipairs(keys) do
    local val = v[k]
    if val == nil then val = v[tonumber(k)] end
    parts[i] = pad .. codec.encode(k) .. sep .. M.pretty(val, indent, depth + 1)
  end
  return "{" .. nl .. table.concat(parts, "," .. nl) .. nl .. indent:rep(depth) .. "}"
end

return M
