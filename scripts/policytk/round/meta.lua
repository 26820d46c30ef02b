-- policytk.round.meta: the 报送信息 sheet — a hidden, protected sheet of key/value rows in
-- every workbook a round writes, naming the city, unit, period and round, so that a returned
-- file imports without options and is recognised as a round's return.
--
--   meta.write(wb, info)          info = { city =, city_name =, unit =, period =, round =, due =, at = }
--   meta.is_round_file(path) → true when path is an XLSX workbook holding a 报送信息 sheet
--   meta.read(path, shown) → info (strings; round a number); raises a Chinese message when a
--     key is missing or unreadable
--
-- Capability: the 月度报送 round (entry policytk.round; map in docs/architecture.md).

local cli = require "policytk.cli"
local row_source = require "policytk.data.row_source"
local values = require "policytk.data.values"

local M = { SHEET = "报送信息", KIND = "月度报送" }

-- The rows of the sheet, in order: the key shown, the info field, whether import needs it.
M.KEYS = {
  { "类型", "kind", true },
  { "城市", "city", true },
  { "城市名称", "city_name" },
  { "单位", "unit", true },
  { "期间", "period", true },
  { "轮次", "round", true },
  { "截止日期", "due" },
  { "生成时间", "at" },
}

--- Write the 报送信息 sheet (hidden and protected) into the open workbook wb.
function M.write(wb, info)
  local ws = wb:sheet(M.SHEET, { hidden = true })
  ws:write_row(0, { "项目", "内容" })
  local fields = { kind = M.KIND }
  for k, v in pairs(info) do fields[k] = v end
  for i, key in ipairs(M.KEYS) do
    local v = fields[key[2]]
    ws:write_row(i, { key[1], v ~= nil and tostring(v) or "" })
  end
  ws:write(#M.KEYS + 2, 0, "本表由 policytk round open 生成，导入时据此识别报送单位和轮次，请勿修改。")
  ws:set_column(0, 0, 12)
  ws:set_column(1, 1, 24)
  ws:protect()
end

--- Is path a workbook a round wrote (it holds the 报送信息 sheet)?
function M.is_round_file(path)
  if not row_source.is_xlsx(path) then return false end
  local ok, names = pcall(function() return require("policytk.xlsx").sheets(path) end)
  if not ok then return false end
  for _, n in ipairs(names) do if n == M.SHEET then return true end end
  return false
end

--- The info a returned workbook carries; every key import needs must be there.
function M.read(path, shown)
  local book = row_source.workbook(path)
  local found = {}
  local ok, err = pcall(function()
    local rows, _ <close> = book:rows(M.SHEET)
    for fields in rows do
      local k, v = values.trim(fields[1] or ""), values.trim(fields[2] or "")
      if k ~= "" then found[k] = v end
    end
  end)
  book:close()
  if not ok then cli.fail("%s: 无法读取工作表“%s”：%s", shown, M.SHEET, tostring(err)) end
  local info = {}
  for _, key in ipairs(M.KEYS) do
    local v = found[key[1]]
    if key[3] and (v == nil or v == "") then
      cli.fail("%s: 工作表“%s”缺少“%s”，无法识别是哪一轮报送；请用 policytk round open 生成的报送表填报",
        shown, M.SHEET, key[1])
    end
    info[key[2]] = v ~= "" and v or nil
  end
  if info.kind ~= M.KIND then
    cli.fail("%s: 工作表“%s”的类型为“%s”，不是%s", shown, M.SHEET, info.kind, M.KIND)
  end
  info.round = math.tointeger(tonumber(info.round))
  if not info.round then
    cli.fail("%s: 工作表“%s”中的轮次“%s”不是编号", shown, M.SHEET, found["轮次"])
  end
  return info
end

return M
