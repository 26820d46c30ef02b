-- Benefits promised to firms by the Hangzhou growth plan (2021—2023, draft).
--
-- Only clauses with a number are encoded. Clauses that promise support without an amount are
-- not: 鼓励各地对获得“成长之星”的小微企业给予资金、政策等方面的扶持 (task 1), 加强资金支撑保障
-- for a first 三合一 certification (task 2), 资金扶持 for online international fairs (task 5),
-- 减免房产税、城镇土地使用税 (task 10).
--
-- Convention for R&D data: firm.extra.rd_expense = { [year] = yuan }.
-- Tax and fee clauses are non-cash: their params and amounts are rates in %.
--
-- Who qualifies is said with `when` conditions (docs/benefits.md), tested by the host before
-- any Lua runs; only the manufacturing rate of hz_rd_super_deduction is a Lua amount.

local PLAN_FROM, PLAN_TO = "2021-01-01", "2023-12-31"

local function is_manufacturing(firm)
  return type(firm.industry) == "string" and firm.industry:sub(1, 1) == "C"
end

-- The plan period: the param in force on 31 December of the year.
local function in_plan(param)
  return { in_force = param, reason = "{year}年不在计划期（2021—2023年）内" }
end

local ENTERPRISE = { field = "kind", eq = "enterprise", reason = "主体类型为{value}，须为企业" }

-- R&D expenses of the year above 0 (firm.extra.rd_expense[year]).
local RD_UNSET = { field = "extra.rd_expense", at = 0, present = true, reason = "{year}年研发费用为0元，须大于0" }
local RD_ABOVE_0 = { field = "extra.rd_expense", at = 0, gt = 0, reason = "{year}年研发费用为{value}元，须大于0" }

local SMALL_MICRO = { size = { "small", "micro" }, reason = "{year}年企业规模为{value}，须为小型或微型企业" }

-- 三、(二) 6: 延续执行企业研发费用加计扣除75%的政策，将制造业企业加计扣除比例提高到100%
benefit{
  id = "hz_rd_super_deduction",
  name = "研发费用加计扣除",
  doc = "growth2021",
  section = "三、(二) 6",
  quote = "延续执行企业研发费用加计扣除75%的政策，将制造业企业加计扣除比例提高到100%",
  kind = "tax_relief",
  beneficiary = "firm",
  when = { in_plan("hz_rd_deduction_rate"), ENTERPRISE, RD_UNSET, RD_ABOVE_0 },
  amount = function(firm, _, ctx)
    if is_manufacturing(firm) then return ctx.param("hz_rd_deduction_rate_manufacturing") end
    return ctx.param("hz_rd_deduction_rate")
  end,
  params = {
    param{ id = "hz_rd_deduction_rate", unit = "%", section = "三、(二) 6",
           clause = "延续执行企业研发费用加计扣除75%的政策",
           values = { { from = PLAN_FROM, to = PLAN_TO, value = 75 } } },
    param{ id = "hz_rd_deduction_rate_manufacturing", unit = "%", section = "三、(二) 6",
           clause = "将制造业企业加计扣除比例提高到100%",
           values = { { from = PLAN_FROM, to = PLAN_TO, value = 100 } } },
  },
  note = "Amount: the additional deduction as % of R&D expenses (not yuan). Manufacturing = GB/T 4754 "
    .. "section C. The plan restates the national rule (applies to all enterprises, not only small "
    .. "and micro); the national industry exclusions are not in the text and are not encoded. "
    .. "Dated to the plan period since the text names no dates.",
}

-- 三、(二) 6: 鼓励条件允许的地方对高新技术和科技型小微企业再按25%研发费用税前加计扣除标准予以奖励和补助
benefit{
  id = "hz_rd_local_award",
  name = "研发费用加计扣除地方奖补（再按25%）",
  doc = "growth2021",
  section = "三、(二) 6",
  quote = "鼓励条件允许的地方对高新技术和科技型小微企业再按25%研发费用税前加计扣除标准予以奖励和补助",
  kind = "award",
  beneficiary = "firm",
  when = {
    in_plan("hz_rd_local_award_rate"),
    ENTERPRISE,
    -- a 高新技术企业 certificate valid into the year, or tech_sme a true value (ne false); the
    -- reason names both (以下条件均不满足: …) with the certificate's date
    { any = { { field = "high_tech_until", ge = { year_start = 0 }, reason = "{year}年非高新技术企业（有效期至{value}）" },
              { field = "tech_sme", ne = false, reason = "非科技型中小企业" } } },
    SMALL_MICRO, RD_UNSET, RD_ABOVE_0,
  },
  amount = "hz_rd_local_award_rate",
  params = {
    param{ id = "hz_rd_local_award_rate", unit = "%", section = "三、(二) 6",
           clause = "再按25%研发费用税前加计扣除标准予以奖励和补助",
           values = { { from = PLAN_FROM, to = PLAN_TO, value = 25 } } },
  },
  note = "Discretionary: 鼓励条件允许的地方 — a county may or may not grant it. The amount is a rate "
    .. "(% of R&D expenses, as an extra deduction standard); the text does not say how the award in "
    .. "yuan follows from it. 小微 read as applying to both 高新技术 and 科技型 firms.",
}

-- 三、(二) 7: 政府性融资担保机构政策性担保费率原则上不超过1%
benefit{
  id = "hz_guarantee_fee_cap",
  name = "政策性融资担保费率上限",
  doc = "growth2021",
  section = "三、(二) 7",
  quote = "政府性融资担保机构政策性担保费率原则上不超过1%",
  kind = "fee_cap",
  beneficiary = "firm",
  when = { in_plan("hz_guarantee_fee_cap_rate"), SMALL_MICRO },
  amount = "hz_guarantee_fee_cap_rate",
  params = {
    param{ id = "hz_guarantee_fee_cap_rate", unit = "%", section = "三、(二) 7",
           clause = "政策性担保费率原则上不超过1%",
           values = { { from = PLAN_FROM, to = PLAN_TO, value = 1 } } },
  },
  note = "A cap (原则上, as a rule) on the annual guarantee fee of government financing guarantee "
    .. "institutions for small and micro firms; amount = the cap in %. Also target T37.",
}
