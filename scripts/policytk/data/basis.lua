-- policytk.data.basis: the 口径 (reporting basis) of a figure, in one place — the four bases,
-- the words bureaus write for them, the default of an indicator, and which bases fit which
-- indicator. Part of the data capability (entry policytk.data.store).
--
--   flow   当期  the flow within the period (当月, 本月, 本季, 当期)
--   ytd    累计  year to date: 1—N月累计, 1—N季度累计, 年初至今, 本年累计
--   stock  期末  a stock at the period's end (月末, 季末, 年末, 期末数)
--   rate   比率  a rate or a share (%, 增速, 占比)
--
-- Chinese monthly statistics are reported year to date, so an indicator counted per period
-- (flow = true) is read as 累计 unless its declaration or the figure itself says 当期; a level
-- (flow = false) is 期末, or 比率 when its unit is %. A 累计 figure that falls from one period
-- to a later one of the same year is a correction or a mistake, never a flow (see
-- policytk.progress: a year's total is its latest year-to-date figure).
--
--   basis.parse("1-6月累计") → "ytd"          basis.label("ytd") → "累计"
--   basis.default({ flow = true }) → "ytd"     basis.fits("stock", { flow = true }) → false, why
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local M = {}

--- The bases in the order shown to staff.
M.CODES = { "flow", "ytd", "stock", "rate" }

--- The word staff read for each basis (tables, reports, the import template's drop-down).
M.LABEL = { flow = "当期", ytd = "累计", stock = "期末", rate = "比率" }

--- The words of the contract (indicator{ basis = "累计" }): the labels.
M.WORDS = { "当期", "累计", "期末", "比率" }

-- Every accepted spelling (after blanks and the 1—N range are taken out), → code.
local ALIASES = {
  flow = { "当期", "当月", "本月", "本期", "当季", "本季", "当年", "本年", "期间", "flow" },
  ytd = { "累计", "1-n月累计", "1-n月", "年初至今", "本年累计", "累计数", "自年初累计", "当年累计", "ytd" },
  stock = { "期末", "月末", "季末", "年末", "期末数", "时点", "余额", "存量", "stock" },
  rate = { "比率", "比例", "占比", "增速", "增长率", "百分比", "rate" },
}

local BY_WORD = {}
for code, words in pairs(ALIASES) do
  for _, w in ipairs(words) do BY_WORD[w] = code end
end

-- "1-6月累计", "1—6月累计", "１－６月累计", "1至6月累计", "1-2季度累计" → "1-n月累计"
local RANGE_SEPS = { "—", "–", "－", "~", "～", "至", "到", "-" }
local FULLWIDTH_DIGIT = "\239\188[\144-\153]"

local function fold(word)
  word = word:gsub("%s+", ""):gsub("\227\128\128", "")         -- blanks, U+3000
  word = word:gsub(FULLWIDTH_DIGIT, function(c) return string.char(c:byte(3) - 0x90 + 48) end)
  for _, sep in ipairs(RANGE_SEPS) do
    word = word:gsub("^(%d+)" .. sep:gsub("%p", "%%%0") .. "(%d+)", "%1-%2")
  end
  word = word:gsub("^%d+%-%d+月", "1-n月"):gsub("^%d+%-%d+季度", "1-n月")
  return word:lower()
end

--- The code of a basis word ("累计", "1—6月累计", "当月", "ytd" …), or nil and a Chinese
--- message listing the accepted words.
function M.parse(word)
  if type(word) ~= "string" then return nil, "口径应为文字" end
  local code = BY_WORD[fold(word)]
  if code then return code end
  return nil, string.format("口径 %q 无法识别：可填 当期（当月、本月）、累计（1—N月累计、年初至今）、"
    .. "期末（月末、年末）、比率（占比、增速）", word)
end

--- The Chinese label of a code ("ytd" → "累计"); the code itself when unknown.
function M.label(code)
  return M.LABEL[code] or code
end

--- The basis an indicator's figures have when nothing else is said: its declared basis
--- (ind.basis, a contract word or a code), else 累计 for a flow, 比率 for a % level, 期末.
function M.default(ind)
  if ind.basis ~= nil and ind.basis ~= "" then
    local code = BY_WORD[fold(ind.basis)] or (M.LABEL[ind.basis] and ind.basis)
    if code then return code end
  end
  local flow = ind.flow == true or ind.flow == 1
  if flow then return "ytd" end
  if ind.unit == "%" then return "rate" end
  return "stock"
end

--- Whether figures of basis `code` can belong to indicator `ind` ({ flow =, unit = }): a flow
--- indicator takes 当期 or 累计, a level 期末 or 比率. Returns true, or false and why (Chinese).
function M.fits(code, ind)
  local flow = ind.flow == true or ind.flow == 1
  if flow and (code == "flow" or code == "ytd") then return true end
  if not flow and (code == "stock" or code == "rate") then return true end
  if flow then
    return false, string.format("指标按期计数（新增、发放…），口径应为当期或累计，不能为%s", M.label(code))
  end
  return false, string.format("指标为时点存量或比率，口径应为期末或比率，不能为%s", M.label(code))
end

return M
