-- Benefits promised to firms by the Hangzhou growth plan (2021—2023, draft).
--
-- Only clauses with a number are encoded. Clauses that promise support without an amount are
-- not: 鼓励各地对获得“成长之星”的小微企业给予资金、政策等方面的扶持 (task 1), 加强资金支撑保障
-- for a first 三合一 certification (task 2), 资金扶持 for online international fairs (task 5),
-- 减免房产税、城镇土地使用税 (task 10).
--
-- Convention for R&D data: firm.extra.rd_expense = { [year] = yuan }.
-- Tax and fee clauses are non-cash: their params and amounts are rates in %.

local PLAN_FROM, PLAN_TO = "2021-01-01", "2023-12-31"

local function rd_expense(firm, year)
  local rd = type(firm.extra) == "table" and firm.extra.rd_expense or nil
  return type(rd) == "table" and rd[year] or nil
end

local function is_manufacturing(firm)
  return type(firm.industry) == "string" and firm.industry:sub(1, 1) == "C"
end

local function in_plan(ctx, param, year)
  if ctx.param(param) == nil then
    return false, string.format("%d年不在计划期（2021—2023年）内", year)
  end
  return true
end

local function needs_enterprise(firm)
  if firm.kind ~= "enterprise" then
    return false, string.format("主体类型为%s，须为企业", tostring(firm.kind))
  end
  return true
end

local function needs_rd(firm, year)
  local rd = rd_expense(firm, year)
  if not rd or rd <= 0 then
    return false, string.format("%d年研发费用为%s元，须大于0", year, tostring(rd or 0))
  end
  return true
end

local function needs_small_micro(firm, year, ctx)
  local size = ctx.size(firm, year)
  if size ~= "small" and size ~= "micro" then
    return false, string.format("%d年企业规模为%s，须为小型或微型企业", year, tostring(size))
  end
  return true
end

-- 三、(二) 6: 延续执行企业研发费用加计扣除75%的政策，将制造业企业加计扣除比例提高到100%
benefit{
  id = "hz_rd_super_deduction",
  name = "研发费用加计扣除",
  doc = "growth2021",
  section = "三、(二) 6",
  quote = "延续执行企业研发费用加计扣除75%的政策，将制造业企业加计扣除比例提高到100%",
  kind = "tax_relief",
  beneficiary = "firm",
  eligible = function(firm, year, ctx)
    local ok, why = in_plan(ctx, "hz_rd_deduction_rate", year)
    if not ok then return false, why end
    ok, why = needs_enterprise(firm)
    if not ok then return false, why end
    return needs_rd(firm, year)
  end,
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
  eligible = function(firm, year, ctx)
    local ok, why = in_plan(ctx, "hz_rd_local_award_rate", year)
    if not ok then return false, why end
    ok, why = needs_enterprise(firm)
    if not ok then return false, why end
    local high_tech = firm.high_tech_until ~= nil
      and firm.high_tech_until >= string.format("%d-01-01", year)
    if not high_tech and not firm.tech_sme then
      return false, string.format("%d年既非高新技术企业（有效期至%s）也非科技型中小企业",
                                  year, tostring(firm.high_tech_until or "无"))
    end
    ok, why = needs_small_micro(firm, year, ctx)
    if not ok then return false, why end
    return needs_rd(firm, year)
  end,
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
  eligible = function(firm, year, ctx)
    local ok, why = in_plan(ctx, "hz_guarantee_fee_cap_rate", year)
    if not ok then return false, why end
    return needs_small_micro(firm, year, ctx)
  end,
  amount = "hz_guarantee_fee_cap_rate",
  params = {
    param{ id = "hz_guarantee_fee_cap_rate", unit = "%", section = "三、(二) 7",
           clause = "政策性担保费率原则上不超过1%",
           values = { { from = PLAN_FROM, to = PLAN_TO, value = 1 } } },
  },
  note = "A cap (原则上, as a rule) on the annual guarantee fee of government financing guarantee "
    .. "institutions for small and micro firms; amount = the cap in %. Also target T37.",
}
