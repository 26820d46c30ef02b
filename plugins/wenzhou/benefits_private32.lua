-- luacheck: no max line length
-- Benefits of private32 (温州市落实省“民营经济32条”任务清单, 2023): the tax and fee rules the
-- table restates and the other amounts it promises to firms and institutions.
--
-- Tax and fee rules (R01 温州市目标, restating the provincial measure (一)):
--   p32_cit_small_low_profit        小微企业减按25%计入应纳税所得额, to 2027年底
--   p32_six_taxes_two_fees          减半征收“六税两费”, to 2027年底
--   p32_microloan_interest_vat      小额贷款利息收入免征增值税 (financial institutions), to 2027年底
--   p32_guarantee_vat               融资担保及再担保业务免征增值税 (guarantee institutions), to 2027年底
--   p32_loan_contract_stamp         借款合同免征印花税, to 2027年底
--   p32_ib_iit_half                 个体工商户 200万元以下部分减半征收个人所得税
--   p32_rd_super_deduction          研发费用加计扣除比例100%, 长期实施 (open-ended)
--   p32_advanced_mfg_vat_credit     先进制造业加计5%抵减, 2023-01-01 to 2027-12-31
-- Other promises with a number:
--   p32_export_refund_service       出口退税平均办理时间 6 个工作日 to 2027 (the row's 实施阶段), 3 for
--                                   一类、二类 to 2024年底 (R01 举措 3: the 2024年底 closes the 3-day clause)
--   p32_fx_hedge_guarantee          外贸企业汇率避险担保比例 8% (R05 举措 8)
--   p32_ib_to_firm_bookkeeping      “个转企”三年免费基础代理记账 (R20 举措 4)
--   p32_key_project_limit           在研项目数最多可达3项 (R08 举措 3)
--
-- Quotes and clauses are the whole phrases of the table (the host compares them with every blank
-- and line break removed, so a phrase wrapped over cells matches).
--
-- Amounts: a tax relief is given as the rate the text states (%: 25 = 25% of the income is
-- taxable; 50 = half; 100 = exempt; 5 = 5% extra input tax credit), except p32_ib_iit_half,
-- whose clause names an amount (200万元) and which returns the tax saved in 元.
-- Not encoded: 增值税小规模纳税人减免增值税 (the text gives no rate or threshold); the rules
-- for projects rather than firms (R03 计划指标保障 100%/60%/40%, R04 节能审查绿色通道 below
-- 0.52吨标准煤/万元, R03 “零土地”技改不增收土地价款, R11 中小企业预留份额40%以上); the
-- amounts without a number (R08 研发后补助, R17 参展资金补助, R21 技改补助).
--
-- Rules are `when` conditions (docs/benefits.md: tested by the host before any Lua runs, the
-- reason formatted only when `policytk explain` asks) wherever a condition says the check
-- exactly: eight of the twelve are `when` alone and never enter Lua, two more keep only a Lua
-- amount (the 个人所得税 saved, the 出口退税 days by class). `eligible` keeps what conditions
-- cannot: the 小型微利企业 test inside an "either … or" (六税两费: `when` has an `any` guard), and
-- a bound read from a param (个转企 years). Each rule's period (the param in force on 31
-- December) comes first, then the checks that turn away most of a register (extra flags,
-- kind, size), in the order the Lua had them, so that the reasons are those it gave.
--
-- Data the rules read from firm.extra (the enterprise record has no field for them):
--   taxable_income  {[year]=元}  应纳税所得额 (企业所得税 or 个体工商户经营所得)
--   rd_expense      {[year]=元}  研发费用
--   vat_small_scale boolean      增值税小规模纳税人
--   financial_institution, guarantee_institution  boolean
--   exporter boolean, export_class 1|2|3|4 (出口企业管理类别)
--   foreign_trade boolean        外贸企业
--   converted_from_individual    year the firm was converted from an individual business
--   innovation_consortium_lead, tech_leader  boolean (省级创新联合体牵头企业, 科技领军企业)

local DOC = "private32"
local R01 = "一、(一) 1"

-- The rule's period: the param is in force on the last day of the year.
local function in_force(id)
  return { in_force = id, reason = "{year}年不在政策执行期内" }
end

local ENTERPRISE = { field = "kind", eq = "enterprise", reason = "非企业(类型{value})" }
local SMALL_MICRO = { size = { "small", "micro" }, reason = "{year}年企业规模为{value}, 非小型、微型企业" }

-- firm.extra[key] is the boolean true.
local function flag(key, what)
  return { field = "extra." .. key, eq = true, reason = "非" .. what }
end

-- 小型微利企业 (财政部 税务总局公告2023年第12号, 2022年第13号): 年应纳税所得额不超过300万元、
-- 从业人数不超过300人、资产总额不超过5000万元. The table writes 小微企业; the 25% rule and the
-- “六税两费” rule are those of 小型微利企业, so its national definition is used.
local SLP_INCOME, SLP_EMPLOYEES, SLP_ASSETS = 3000000, 300, 50000000

-- As conditions. employees is never unset in a record (firms.each and t.firm default it to 0),
-- so `le` says exactly (firm.employees or 0) <= 300.
local SMALL_LOW_PROFIT = {
  ENTERPRISE,
  { field = "extra.taxable_income", at = 0, present = true, reason = "{year}年应纳税所得额未知" },
  { field = "extra.taxable_income", at = 0, le = SLP_INCOME,
    reason = "{year}年应纳税所得额{value}元, 超过" .. SLP_INCOME .. "元" },
  { field = "employees", le = SLP_EMPLOYEES, reason = "从业人数{value}人, 超过" .. SLP_EMPLOYEES .. "人" },
  { field = "assets", at = 0, present = true, reason = "{year}年资产总额未知" },
  { field = "assets", at = 0, le = SLP_ASSETS, reason = "{year}年资产总额{value}元, 超过" .. SLP_ASSETS .. "元" },
}

-- The conditions of the lists, one after the other.
local function all(...)
  local out = {}
  for _, list in ipairs({ ... }) do
    for _, c in ipairs(list) do out[#out + 1] = c end
  end
  return out
end

-- Tax and fee rules (R01) -------------------------------------------------------------------

benefit{
  id = "p32_cit_small_low_profit",
  name = "小微企业减按25%计入应纳税所得额",
  doc = DOC, section = R01,
  quote = "小微企业减按25%计入应纳税所得额",
  kind = "tax_relief", beneficiary = "firm",
  params = {
    param{ id = "p32_cit_taxable_share", unit = "%",
           values = { { from = "2023-01-01", to = "2027-12-31", value = 25 } },
           clause = "小微企业减按25%计入应纳税所得额", section = R01 },
  },
  when = all({ in_force("p32_cit_taxable_share") }, SMALL_LOW_PROFIT),
  amount = "p32_cit_taxable_share",
  note = "Ends with 等政策延续执行至2027年底. The start is the document's period start (the national rule runs from 2023-01-01). Eligibility: 小型微利企业 by the national thresholds (300万元 income, 300 staff, 5000万元 assets), from firm.extra.taxable_income.",
}

benefit{
  id = "p32_six_taxes_two_fees",
  name = "减半征收“六税两费”",
  doc = DOC, section = R01,
  quote = "增值税小规模纳税人、小型微利企业和个体工商户减半征收“六税两费”",
  kind = "tax_relief", beneficiary = "firm",
  params = {
    param{ id = "p32_six_two_fees_reduction", unit = "%",
           values = { { from = "2023-01-01", to = "2027-12-31", value = 50 } },
           clause = "增值税小规模纳税人、小型微利企业和个体工商户减半征收“六税两费”", section = R01 },
  },
  when = {
    in_force("p32_six_two_fees_reduction"),
    { any = {
        { field = "kind", eq = "individual_business" },
        { field = "extra.vat_small_scale", eq = true },
        { all = SMALL_LOW_PROFIT },
      },
      reason = "非增值税小规模纳税人、小型微利企业或个体工商户({why})" },
  },
  amount = "p32_six_two_fees_reduction",
  note = "50 = half of the 六税两费 (资源税、城市维护建设税、房产税、城镇土地使用税、印花税(不含证券交易印花税)、耕地占用税、教育费附加、地方教育附加). Ends with 政策延续执行至2027年底.",
}

benefit{
  id = "p32_microloan_interest_vat",
  name = "小额贷款利息收入免征增值税",
  doc = DOC, section = R01,
  quote = "金融机构小微企业和个体工商户小额贷款利息收入免征增值税",
  kind = "tax_relief", beneficiary = "financial_institution",
  params = {
    param{ id = "p32_microloan_interest_vat_exempt", unit = "%",
           values = { { from = "2023-01-01", to = "2027-12-31", value = 100 } },
           clause = "金融机构小微企业和个体工商户小额贷款利息收入免征增值税", section = R01 },
  },
  when = { in_force("p32_microloan_interest_vat_exempt"), flag("financial_institution", "金融机构") },
  amount = "p32_microloan_interest_vat_exempt",
  note = "100 = exempt. For the interest on small loans to 小微企业 and 个体工商户. Ends with 政策延续执行至2027年底.",
}

benefit{
  id = "p32_guarantee_vat",
  name = "融资担保及再担保业务免征增值税",
  doc = DOC, section = R01,
  quote = "为农户、小微企业及个体工商户提供融资担保及再担保业务免征增值税",
  kind = "tax_relief", beneficiary = "guarantee_institution",
  params = {
    param{ id = "p32_guarantee_vat_exempt", unit = "%",
           values = { { from = "2023-01-01", to = "2027-12-31", value = 100 } },
           clause = "为农户、小微企业及个体工商户提供融资担保及再担保业务免征增值税", section = R01 },
  },
  when = { in_force("p32_guarantee_vat_exempt"), flag("guarantee_institution", "融资担保机构") },
  amount = "p32_guarantee_vat_exempt",
  note = "100 = exempt, for guarantees to 农户、小微企业及个体工商户. Ends with 政策延续执行至2027年底.",
}

benefit{
  id = "p32_loan_contract_stamp",
  name = "金融机构与小微企业借款合同免征印花税",
  doc = DOC, section = R01,
  quote = "金融机构与小微企业签订的借款合同免征印花税等政策延续执行至2027年底",
  kind = "tax_relief", beneficiary = "firm",
  params = {
    param{ id = "p32_loan_contract_stamp_exempt", unit = "%",
           values = { { from = "2023-01-01", to = "2027-12-31", value = 100 } },
           clause = "金融机构与小微企业签订的借款合同免征印花税等政策延续执行至2027年底", section = R01 },
  },
  when = { in_force("p32_loan_contract_stamp_exempt"), ENTERPRISE, SMALL_MICRO },
  amount = "p32_loan_contract_stamp_exempt",
  note = "100 = exempt. 小微企业 = small or micro by the national SME classification (ctx.size). Ends with 政策延续执行至2027年底.",
}

-- 个人所得税 on 经营所得: the progressive schedule of the 个人所得税法 (税率表二), used to
-- compute the tax on the part of the income up to 200万元.
local IIT_BRACKETS = {
  { upto = 30000, rate = 5, quick = 0 },
  { upto = 90000, rate = 10, quick = 1500 },
  { upto = 300000, rate = 20, quick = 10500 },
  { upto = 500000, rate = 30, quick = 40500 },
  { upto = math.huge, rate = 35, quick = 65500 },
}

local function business_income_tax(income)
  for _, b in ipairs(IIT_BRACKETS) do
    if income <= b.upto then return income * b.rate / 100 - b.quick end
  end
  return 0
end

benefit{
  id = "p32_ib_iit_half",
  name = "个体工商户年应纳税所得额不超过200万元部分减半征收个人所得税",
  doc = DOC, section = R01,
  quote = "对个体工商户年应纳税所得额不超过200万元部分减半征收个人所得税",
  kind = "tax_relief", beneficiary = "individual_business",
  params = {
    param{ id = "p32_ib_iit_half_cap", unit = "元",
           values = { { from = "2023-01-01", to = "2027-12-31", value = 2000000 } },
           clause = "对个体工商户年应纳税所得额不超过200万元部分减半征收个人所得税", section = R01 },
  },
  when = {
    in_force("p32_ib_iit_half_cap"),
    { field = "kind", eq = "individual_business", reason = "非个体工商户(类型{value})" },
    { field = "extra.taxable_income", at = 0, present = true, reason = "{year}年经营所得应纳税所得额未知" },
    { field = "extra.taxable_income", at = 0, gt = 0, reason = "{year}年应纳税所得额{value}元, 无应纳税额" },
  },
  amount = function(firm, year, ctx)
    local cap = ctx.param("p32_ib_iit_half_cap")
    local income = firm.extra.taxable_income[year]
    local base = math.min(income, cap)
    -- 减半: half of the tax on the part up to the cap, rounded to the yuan.
    return math.floor(business_income_tax(base) / 2 + 0.5)
  end,
  note = "Returns the tax saved in 元: half of the 经营所得 tax computed on min(income, 200万元) (国家税务总局公告2023年第12号's formula, without other reliefs). The table prints no end date for this item (its 2027年底 closes item 1), so the rule runs over the document's period, 2023-01-01 to 2027-12-31 (the same end as 财政部 税务总局公告2023年第12号 and the provincial measure's 并延续至2027年底, neither of which the table quotes).",
}

-- 财税〔2015〕119号: industries that cannot claim the super deduction (烟草制造业, 住宿和餐饮业,
-- 批发和零售业, 房地产业, 租赁和商务服务业, 娱乐业), by GB/T 4754 code prefix: one condition
-- each, so that the reason names the industry.
local RD_EXCLUDED = {}
for _, x in ipairs({
  { "C16", "烟草制品业" }, { "F", "批发和零售业" }, { "H", "住宿和餐饮业" }, { "K", "房地产业" },
  { "L", "租赁和商务服务业" }, { "R90", "娱乐业" },
}) do
  RD_EXCLUDED[#RD_EXCLUDED + 1] = { field = "industry", not_prefix = x[1], reason = "行业{value}属" .. x[2] .. ", 不适用加计扣除" }
end

benefit{
  id = "p32_rd_super_deduction",
  name = "研发费用税前加计扣除比例提高至100%",
  doc = DOC, section = R01,
  quote = "符合条件行业企业研发费用税前加计扣除比例提高至100%，作为制度性安排长期实施",
  kind = "tax_relief", beneficiary = "firm",
  params = {
    param{ id = "p32_rd_deduction_rate", unit = "%",
           values = { { from = "2023-01-01", value = 100 } },
           clause = "符合条件行业企业研发费用税前加计扣除比例提高至100%，作为制度性安排长期实施", section = R01 },
  },
  when = all({ in_force("p32_rd_deduction_rate"), ENTERPRISE }, RD_EXCLUDED, {
    { field = "extra.rd_expense", at = 0, present = true, reason = "{year}年研发费用未知元, 无可加计扣除的研发费用" },
    { field = "extra.rd_expense", at = 0, gt = 0, reason = "{year}年研发费用{value}元, 无可加计扣除的研发费用" },
  }),
  amount = "p32_rd_deduction_rate",
  note = "作为制度性安排长期实施: open-ended. The start is the document's period start (the national rule, 财政部 税务总局公告2023年第7号, applies from 2023-01-01). 符合条件行业 read as the industries not excluded by 财税〔2015〕119号.",
}

benefit{
  id = "p32_advanced_mfg_vat_credit",
  name = "先进制造业企业增值税加计5%抵减",
  doc = DOC, section = R01,
  quote = "自2023年1月1日至2027年12月31日，允许先进制造业企业按照当期可抵扣进项税额加计5%抵减应纳增值税税额",
  kind = "tax_relief", beneficiary = "firm",
  params = {
    param{ id = "p32_adv_mfg_vat_credit_rate", unit = "%",
           values = { { from = "2023-01-01", to = "2027-12-31", value = 5 } },
           clause = "自2023年1月1日至2027年12月31日，允许先进制造业企业按照当期可抵扣进项税额加计5%抵减应纳增值税税额",
           section = R01 },
  },
  when = {
    in_force("p32_adv_mfg_vat_credit_rate"),
    ENTERPRISE,
    { field = "industry", ne = "", reason = "行业未知非制造业(C门类)" },
    { field = "industry", prefix = "C", reason = "行业{value}非制造业(C门类)" },
    { field = "high_tech_until", present = true, reason = "{year}年非高新技术企业(有效期至无)" },
    { field = "high_tech_until", ge = { year_start = 0 }, reason = "{year}年非高新技术企业(有效期至{value})" },
    -- not vat_small_scale == true: unset, or any value but true
    { any = { { field = "extra.vat_small_scale", present = false }, { field = "extra.vat_small_scale", ne = true } },
      reason = "增值税小规模纳税人, 非一般纳税人" },
  },
  amount = "p32_adv_mfg_vat_credit_rate",
  note = "先进制造业企业 read as in 财政部 税务总局公告2023年第43号: a 高新技术企业 that is a 制造业 一般纳税人 (industry in GB/T 4754 section C, 高新技术企业 certificate valid in the year, not a small-scale VAT payer).",
}

-- Other promises --------------------------------------------------------------------------

benefit{
  id = "p32_export_refund_service",
  name = "出口退税平均办理时间",
  doc = DOC, section = R01,
  quote = "出口企业正常出口退税平均办理时间在6个工作日内，将办理一类、二类出口企业正常出口退(免)税的平均时间压缩在3个工作日内政策延续实施至2024年底",
  kind = "service", beneficiary = "firm",
  params = {
    param{ id = "p32_export_refund_days", unit = "个工作日",
           values = { { from = "2023-01-01", to = "2027-12-31", value = 6 } },
           clause = "出口企业正常出口退税平均办理时间在6个工作日内", section = R01 },
    -- the 6-day clause names no year (the 2024年底 after it closes the 3-day clause): it runs to
    -- the row's 实施阶段 end, 2023-2027年
    param{ id = "p32_export_refund_days_class12", unit = "个工作日",
           values = { { from = "2023-01-01", to = "2024-12-31", value = 3 } },
           clause = "一类、二类出口企业正常出口退(免)税的平均时间压缩在3个工作日内政策延续实施至2024年底",
           section = R01 },
  },
  when = { in_force("p32_export_refund_days"), flag("exporter", "出口企业") },
  amount = function(firm, _, ctx)
    local class = firm.extra.export_class
    if class == 1 or class == 2 then
      local days = ctx.param("p32_export_refund_days_class12")
      if days then return days end -- to 2024年底; after it the general 6 days
    end
    return ctx.param("p32_export_refund_days")
  end,
  note = "A service standard in 个工作日 (the average time limit the firm can expect): 3 for 一类、二类出口企业 (firm.extra.export_class) to 2024年底 (政策延续实施至2024年底 closes that clause), 6 for every exporter to 2027 (that clause names no year: the row's 实施阶段 2023-2027年), so 一类、二类 firms get 6 in 2025-2027. The start is the document's period start.",
}

benefit{
  id = "p32_fx_hedge_guarantee",
  name = "外贸企业汇率避险担保比例",
  doc = DOC, section = "一、(五) 5",
  quote = "创新开发支持民营小微企业的个性化担保产品，将外贸企业汇率避险担保比例从5%提高至8%",
  kind = "other", beneficiary = "firm",
  params = {
    param{ id = "p32_fx_hedge_guarantee_ratio", unit = "%",
           values = { { from = "2023-01-01", value = 8 } },
           clause = "将外贸企业汇率避险担保比例从5%提高至8%", section = "一、(五) 5" },
  },
  when = { in_force("p32_fx_hedge_guarantee_ratio"), flag("foreign_trade", "外贸企业"), ENTERPRISE, SMALL_MICRO },
  amount = "p32_fx_hedge_guarantee_ratio",
  note = "落实举措 8 of R05 (强化融资担保 … 加大小微企业汇率避险担保支持力度): the ratio for small and micro foreign-trade firms. The text gives no date for the rise from 5% to 8%; the document's period start is used and the earlier 5% is not encoded.",
}

benefit{
  id = "p32_ib_to_firm_bookkeeping",
  name = "“个转企”三年免费基础代理记账服务",
  doc = DOC, section = "四、(二十) 20",
  quote = "落实“个转企”三年免费基础代理记账服务",
  kind = "service", beneficiary = "firm",
  params = {
    param{ id = "p32_bookkeeping_years", unit = "年",
           values = { { from = "2023-01-01", value = 3 } },
           clause = "落实“个转企”三年免费基础代理记账服务", section = "四、(二十) 20" },
  },
  when = {
    in_force("p32_bookkeeping_years"),
    ENTERPRISE,
    -- a number: every number is >= -math.huge, a text or a boolean is not comparable
    { field = "extra.converted_from_individual", ge = -math.huge, reason = "非个体工商户转型升级的企业(个转企)" },
    { field = "extra.converted_from_individual", le = { year = 0 }, reason = "{year}年尚未转企({value}年转企)" },
  },
  eligible = function(firm, year, ctx)
    local since = firm.extra.converted_from_individual
    local years = ctx.param("p32_bookkeeping_years")
    if year >= since + years then
      return false, string.format("%d年转企, %d年已超过%d年免费期", since, year, years)
    end
    return true
  end,
  amount = function(firm, year, ctx)
    return firm.extra.converted_from_individual + ctx.param("p32_bookkeeping_years") - year
  end,
  note = "Amount: the years of free basic bookkeeping left, counting the year (3 in the year of conversion, then 2, then 1). The service is that of 《关于开展初创企业免费基础记账代理工作的通知(试行)》, already issued; the start is the document's period start.",
}

benefit{
  id = "p32_key_project_limit",
  name = "省级创新联合体牵头企业、科技领军企业在研项目数上限",
  doc = DOC, section = "二、(八) 8",
  quote = "省级创新联合体牵头企业、科技领军企业承担在研项目数可以突破2项限制，最多可达3项",
  kind = "other", beneficiary = "firm",
  params = {
    param{ id = "p32_key_project_max", unit = "项",
           values = { { from = "2023-01-01", value = 3 } },
           clause = "科技领军企业承担在研项目数可以突破2项限制，最多可达3项",
           section = "二、(八) 8" },
  },
  when = {
    in_force("p32_key_project_max"),
    { any = { { field = "extra.innovation_consortium_lead", eq = true }, { field = "extra.tech_leader", eq = true } },
      reason = "非省级创新联合体牵头企业或科技领军企业" },
  },
  amount = "p32_key_project_max",
  note = "落实举措 3 of R08: the cap on provincial projects in progress rises from 2 to 3 for these firms. Open-ended; the start is the document's period start.",
}
