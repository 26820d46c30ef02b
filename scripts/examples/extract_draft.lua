-- 示例：从一段政策原文起草量化目标（数值、单位、比较方向、类型、期限、牵头单位、原文引用、置信度）。
-- Example: draft targets from a small policy paragraph with policytk.extract, as
-- `policytk extract FILE` does for a whole file, and print them for review. No network and
-- no database: the text is inline.
--   policytk run scripts/examples/extract_draft.lua

local extract = require "policytk.extract"
local quantity = require "policytk.extract.quantity"

local POLICY = table.concat({
  "示例市促进小微企业高质量发展行动计划(2024—2026年)",
  "",
  "一、主要目标",
  "",
  "(一)主体壮大。到2026年,全市新增小微企业2万家以上(市市场监管局牵头),小微企业贷款余额超3000亿元,"
    .. "年均增长12%左右(人行示例市分行牵头)。",
  "二、重点任务",
  "",
  "1.提升服务。企业开办时间压缩至1个工作日以内,力争到2025年服务企业不少于5000家次。"
    .. "(责任单位:市发改委、市经信局,列第一位的为牵头单位)",
}, "\n")

local draft = extract.extract(POLICY)
print("计划：" .. (draft.meta.title or "?") .. "　期限：" .. (draft.meta.period_end or "?"))
print(string.format("措施 %d 项，目标 %d 个（草稿，须人工核对）：", #draft.measures, #draft.targets))
for _, t in ipairs(draft.targets) do
  print(string.format("  %s  %s %s %s  %s  期限 %s  牵头 %s  置信度 %.2f\n      引用：%s",
    t.id, t.comparator, tostring(t.value), t.unit, t.kind, t.deadline or "-", t.lead_unit or "-",
    t.confidence, t.quote))
end
for _, m in ipairs(draft.measures) do
  print(string.format("措施 %s %s：%s（牵头 %s）", m.id, m.section or "", m.title or "",
    table.concat(m.lead_units or {}, "、")))
end
-- one quantity on its own
local q = assert(quantity.parse("超1.1万亿元"))
print(string.format("quantity.parse(\"超1.1万亿元\") → %s %s %s", q.comparator, string.format("%.0f", q.value), q.unit))
