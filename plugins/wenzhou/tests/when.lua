-- Tests of the Wenzhou benefit rules written as `when` conditions: the edges where a condition
-- could differ from the Lua it replaced (unset against false, Lua truthiness, a value of the
-- wrong type, an `any`), each with the exact amount and, where it fails, the reason `explain`
-- prints (the second value of t.pay).

local function firm_with(t, base, over)
  local f = {}
  for k, v in pairs(base) do f[k] = v end
  for k, v in pairs(over or {}) do f[k] = v end
  return t.firm(f)
end

-- Which rules still have Lua: the others are settled by the host without entering the sandbox.
test("wenzhou: rules that keep an eligible() or a Lua amount", function(t)
  local eligible, lua_amount, when_alone, options = {}, {}, {}, {}
  for _, b in ipairs(t.plugin.benefits) do
    t.ok(b.when and #b.when > 0, b.id .. " has when conditions")
    if b.eligible then eligible[#eligible + 1] = b.id end
    if type(b.amount) == "function" then lua_amount[#lua_amount + 1] = b.id end
    if type(b.amount) == "table" then options[#options + 1] = b.id end
    if not b.eligible and type(b.amount) ~= "function" then when_alone[#when_alone + 1] = b.id end
  end
  t.eq(eligible, { "wz_startup_service_subsidy", "wz_xsg_award", "wz_quality_award", "wz_new_firm_credit_line",
                   "wz_guarantee_fee_cap", "wz_itf_free_bookkeeping", "wz_new_firm_free_bookkeeping",
                   "p32_ib_to_firm_bookkeeping" })
  t.eq(lua_amount, { "wz_talent_startup_loan", "wz_startup_star_loan", "wz_startup_service_subsidy",
                     "wz_quality_award", "wz_itf_free_bookkeeping", "p32_ib_iit_half", "p32_export_refund_service",
                     "p32_ib_to_firm_bookkeeping" })
  t.eq(options, { "wz_xsg_award" })
  t.eq(when_alone, { "wz_xsg_high_tech_bonus", "wz_xsg_credit_line", "wz_digital_park_award",
                     "p32_cit_small_low_profit", "p32_six_taxes_two_fees", "p32_microloan_interest_vat",
                     "p32_guarantee_vat", "p32_loan_contract_stamp", "p32_rd_super_deduction",
                     "p32_advanced_mfg_vat_credit", "p32_fx_hedge_guarantee", "p32_key_project_limit" })
end)

test("p32_advanced_mfg_vat_credit: vat_small_scale false, unset, true, and a text", function(t)
  local base = { kind = "enterprise", industry = "C3311", high_tech_until = "2026-12-31" }
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm_with(t, base), 2024), 5, "unset")
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm_with(t, base, { extra = { vat_small_scale = false } }), 2024), 5,
    "false")
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm_with(t, base, { extra = { vat_small_scale = "true" } }), 2024), 5,
    "a text is not the boolean true")
  local amount, why = t.pay("p32_advanced_mfg_vat_credit", firm_with(t, base, { extra = { vat_small_scale = true } }),
    2024)
  t.eq(amount, 0)
  t.eq(why, "增值税小规模纳税人, 非一般纳税人")
  amount, why = t.pay("p32_advanced_mfg_vat_credit", firm_with(t, base, { high_tech_until = "2023-12-31" }), 2024)
  t.eq(amount, 0)
  t.eq(why, "2024年非高新技术企业(有效期至2023-12-31)")
  amount, why = t.pay("p32_advanced_mfg_vat_credit", t.firm{ kind = "enterprise", industry = "C3311" }, 2024)
  t.eq({ amount, why }, { 0, "2024年非高新技术企业(有效期至无)" }, "high_tech_until unset")
  amount, why = t.pay("p32_advanced_mfg_vat_credit", firm_with(t, base, { industry = "" }), 2024)
  t.eq({ amount, why }, { 0, "行业未知非制造业(C门类)" })
  amount, why = t.pay("p32_advanced_mfg_vat_credit", firm_with(t, base, { industry = "I6510" }), 2024)
  t.eq({ amount, why }, { 0, "行业I6510非制造业(C门类)" })
  amount, why = t.pay("p32_advanced_mfg_vat_credit", firm_with(t, base), 2028)
  t.eq({ amount, why }, { 0, "2028年不在政策执行期内" })
end)

test("p32_cit_small_low_profit: employees unset counts as 0; each threshold's reason", function(t)
  local base = { kind = "enterprise", industry = "C3311", assets = { [2024] = 20000000 },
                 extra = { taxable_income = { [2024] = 2000000 } } }
  local f = firm_with(t, base)
  t.eq(f.employees, 0, "the record's default")
  t.eq(t.pay("p32_cit_small_low_profit", f, 2024), 25)
  t.eq(t.pay("p32_cit_small_low_profit", firm_with(t, base, { employees = 300 }), 2024), 25)
  local amount, why = t.pay("p32_cit_small_low_profit", firm_with(t, base, { employees = 301 }), 2024)
  t.eq({ amount, why }, { 0, "从业人数301人, 超过300人" })
  amount, why = t.pay("p32_cit_small_low_profit",
    firm_with(t, base, { extra = { taxable_income = { [2024] = 3500000 } } }), 2024)
  t.eq({ amount, why }, { 0, "2024年应纳税所得额3500000元, 超过3000000元" })
  amount, why = t.pay("p32_cit_small_low_profit", firm_with(t, base, { extra = { taxable_income = 2000000 } }), 2024)
  t.eq({ amount, why }, { 0, "2024年应纳税所得额未知" }, "not per year")
  amount, why = t.pay("p32_cit_small_low_profit", firm_with(t, base, { assets = {} }), 2024)
  t.eq({ amount, why }, { 0, "2024年资产总额未知" })
  amount, why = t.pay("p32_cit_small_low_profit", firm_with(t, base, { assets = { [2024] = 50000001 } }), 2024)
  t.eq({ amount, why }, { 0, "2024年资产总额50000001元, 超过50000000元" })
  amount, why = t.pay("p32_cit_small_low_profit", firm_with(t, base, { kind = "individual_business" }), 2024)
  t.eq({ amount, why }, { 0, "非企业(类型个体工商户)" })
  amount, why = t.pay("p32_cit_small_low_profit", f, 2022)
  t.eq({ amount, why }, { 0, "2022年不在政策执行期内" })
end)

test("p32_six_taxes_two_fees: the any guard and the 小型微利企业 test behind it", function(t)
  local PREFIX = "非增值税小规模纳税人、小型微利企业或个体工商户"
  local amount, why = t.pay("p32_six_taxes_two_fees", t.firm{ kind = "enterprise", employees = 10 }, 2024)
  t.eq({ amount, why }, { 0, PREFIX .. "(2024年应纳税所得额未知)" }, "the guard: nothing to go on")
  t.eq(t.pay("p32_six_taxes_two_fees", t.firm{ kind = "individual_business" }, 2024), 50, "个体工商户")
  t.eq(t.pay("p32_six_taxes_two_fees", t.firm{ extra = { vat_small_scale = true } }, 2024), 50,
    "a small-scale payer with no income figure")
  amount, why = t.pay("p32_six_taxes_two_fees", t.firm{ extra = { vat_small_scale = "true" } }, 2024)
  t.eq({ amount, why }, { 0, PREFIX .. "(2024年应纳税所得额未知)" }, "a text is not the boolean true")
  local slp = { kind = "enterprise", employees = 50, assets = { [2024] = 1e7 },
                extra = { taxable_income = { [2024] = 1e6 }, vat_small_scale = false } }
  t.eq(t.pay("p32_six_taxes_two_fees", firm_with(t, slp), 2024), 50, "小型微利企业 past the guard")
  amount, why = t.pay("p32_six_taxes_two_fees", firm_with(t, slp, { employees = 500 }), 2024)
  t.eq({ amount, why }, { 0, PREFIX .. "(从业人数500人, 超过300人)" }, "past the guard, failing in eligible")
  amount, why = t.pay("p32_six_taxes_two_fees", firm_with(t, slp, { assets = {} }), 2024)
  t.eq({ amount, why }, { 0, PREFIX .. "(2024年资产总额未知)" })
  amount, why = t.pay("p32_six_taxes_two_fees", t.firm{ kind = "individual_business" }, 2022)
  t.eq({ amount, why }, { 0, "2022年不在政策执行期内" })
end)

test("p32 flags: only the boolean true, the any of two flags, a year that must be a number", function(t)
  t.eq(t.pay("p32_microloan_interest_vat", t.firm{ extra = { financial_institution = 1 } }, 2024), 0)
  local amount, why = t.pay("p32_guarantee_vat", t.firm{ extra = { guarantee_institution = "true" } }, 2024)
  t.eq({ amount, why }, { 0, "非融资担保机构" })
  t.eq(t.pay("p32_key_project_limit", t.firm{ extra = { tech_leader = 1, innovation_consortium_lead = true } }, 2024), 3)
  amount, why = t.pay("p32_key_project_limit", t.firm{ extra = { tech_leader = 1 } }, 2024)
  t.eq({ amount, why }, { 0, "非省级创新联合体牵头企业或科技领军企业" })
  amount, why = t.pay("p32_export_refund_service", t.firm{ extra = { exporter = "是" } }, 2024)
  t.eq({ amount, why }, { 0, "非出口企业" })
  amount, why = t.pay("p32_ib_to_firm_bookkeeping", t.firm{ extra = { converted_from_individual = "2024" } }, 2024)
  t.eq({ amount, why }, { 0, "非个体工商户转型升级的企业(个转企)" }, "a text year")
  amount, why = t.pay("p32_ib_to_firm_bookkeeping", t.firm{ extra = { converted_from_individual = 2025 } }, 2024)
  t.eq({ amount, why }, { 0, "2024年尚未转企(2025年转企)" })
  amount, why = t.pay("p32_ib_to_firm_bookkeeping", t.firm{ extra = { converted_from_individual = 2023 } }, 2026)
  t.eq({ amount, why }, { 0, "2023年转企, 2026年已超过3年免费期" }, "the param's bound, in eligible")
  t.eq(t.pay("p32_ib_to_firm_bookkeeping", t.firm{ extra = { converted_from_individual = 2024.5 } }, 2025), 2.5,
    "a fractional year passes as it did in Lua (years are not 元)")
end)

test("p32: size, kind and industry reasons", function(t)
  local medium = t.firm{ kind = "enterprise", industry = "C3311", employees = 500, revenue = { [2025] = 1e8 } }
  local amount, why = t.pay("p32_loan_contract_stamp", medium, 2025)
  t.eq({ amount, why }, { 0, "2025年企业规模为中型, 非小型、微型企业" })
  amount, why = t.pay("p32_fx_hedge_guarantee", t.firm{ extra = { foreign_trade = true } }, 2025)
  t.eq({ amount, why }, { 0, "2025年企业规模为未设, 非小型、微型企业" }, "size unknown")
  amount, why = t.pay("p32_ib_iit_half", t.firm{ extra = { taxable_income = { [2025] = 1e5 } } }, 2025)
  t.eq({ amount, why }, { 0, "非个体工商户(类型企业)" })
  amount, why = t.pay("p32_ib_iit_half", t.firm{ kind = "individual_business",
    extra = { taxable_income = { [2025] = -3 } } }, 2025)
  t.eq({ amount, why }, { 0, "2025年应纳税所得额-3元, 无应纳税额" })
  local function rd(industry, v) return t.firm{ industry = industry, extra = { rd_expense = { [2025] = v } } } end
  t.eq(t.pay("p32_rd_super_deduction", rd("C1711", 1), 2025), 100, "C17 is not C16")
  amount, why = t.pay("p32_rd_super_deduction", rd("R9011", 1), 2025)
  t.eq({ amount, why }, { 0, "行业R9011属娱乐业, 不适用加计扣除" })
  amount, why = t.pay("p32_rd_super_deduction", rd("C1610", 1), 2025)
  t.eq({ amount, why }, { 0, "行业C1610属烟草制品业, 不适用加计扣除" })
  amount, why = t.pay("p32_rd_super_deduction", rd("C3311", 0), 2025)
  t.eq({ amount, why }, { 0, "2025年研发费用0元, 无可加计扣除的研发费用" })
  amount, why = t.pay("p32_rd_super_deduction", t.firm{ industry = "C3311" }, 2025)
  t.eq({ amount, why }, { 0, "2025年研发费用未知元, 无可加计扣除的研发费用" })
end)

test("friendly2023: Lua truthiness of extra flags (ne = false)", function(t)
  local park = function(v) return t.firm{ extra = { park_operator = v, digital_demo_park_year = 2024 } } end
  t.eq(t.pay("wz_digital_park_award", park(true), 2024), 500000)
  t.eq(t.pay("wz_digital_park_award", park("是"), 2024), 500000, "any value but false is true in Lua")
  t.eq(t.pay("wz_digital_park_award", park(0), 2024), 500000, "0 is true in Lua")
  local amount, why = t.pay("wz_digital_park_award", park(false), 2024)
  t.eq({ amount, why }, { 0, "不是小微企业园运营管理机构(park_operator 未设)" })
  amount, why = t.pay("wz_digital_park_award", t.firm{ extra = { park_operator = true, digital_demo_park_year = 2023 } },
    2024)
  t.eq({ amount, why }, { 0, "2024年园区未被评为省数字化建设示范园区(digital_demo_park_year = 2023)" })
  local inst = t.firm{ extra = { service_institution = 0, startup_service_projects = { { year = 2024 } } } }
  t.eq(t.pay("wz_startup_service_subsidy", inst, 2024), 200000)
  amount, why = t.pay("wz_startup_service_subsidy", t.firm{ extra = { service_institution = true } }, 2024)
  t.eq({ amount, why }, { 0, "2024年没有向小微企业提供的就业创业服务项目、活动(0个)" })
  local small = { industry = "C3311", employees = 50, revenue = { [2024] = 1e7 } }
  t.eq(t.pay("wz_guarantee_fee_cap", firm_with(t, small, { extra = { government_guarantee = "是",
    guarantee_amount = 100 } }), 2024), 1)
  amount, why = t.pay("wz_guarantee_fee_cap", firm_with(t, small, { extra = { government_guarantee = false,
    guarantee_amount = 100 } }), 2024)
  t.eq({ amount, why }, { 0, "担保机构不是政府性融资担保机构(government_guarantee 未设)" })
  amount, why = t.pay("wz_guarantee_fee_cap", firm_with(t, small, { extra = { government_guarantee = true,
    guarantee_amount = 10000001 } }), 2024)
  t.eq({ amount, why }, { 0, "单户担保金额10000001元, 超过1000万元(10000000元)" }, "the param's bound, in eligible")
  amount, why = t.pay("wz_guarantee_fee_cap", t.firm{ industry = "C3311", employees = 500, revenue = { [2024] = 1e8 },
    extra = { government_guarantee = true, guarantee_amount = 100 } }, 2024)
  t.eq({ amount, why }, { 0, "2024年企业规模为中型, 不是小型或微型企业" })
end)

test("小升规: the range guard, its reasons, and 首次 as a condition of the bonus", function(t)
  local f = t.firm{ above_scale_since = 2024, high_tech_until = "2026-12-31",
                    revenue = { [2024] = 2.1e7, [2025] = 2.5e7 } }
  local amount, why = t.pay("wz_xsg_award", f, 2027)
  t.eq({ amount, why }, { 0, "2027年已超过“小升规”首年及后两年(2024—2026年)" })
  amount, why = t.pay("wz_xsg_award", f, 2023)
  t.eq({ amount, why }, { 0, "2023年尚未“小升规”(2024年升规)" })
  amount, why = t.pay("wz_xsg_award", t.firm{}, 2024)
  t.eq({ amount, why }, { 0, "不是规上企业(above_scale_since 未设)" })
  amount, why = t.pay("wz_xsg_award", f, 2026)
  t.eq({ amount, why }, { 0, "缺少2025年或2026年销售额" }, "inside the range: eligible's growth test")
  -- an upgrade before the clause: no cut-off in the text, so its 后两年 are judged like any other
  amount, why = t.pay("wz_xsg_award", t.firm{ above_scale_since = 2022 }, 2023)
  t.eq({ amount, why }, { 0, "缺少2022年或2023年销售额" })
  -- 首次: unset or false pays; any other value (Lua truthiness) does not
  local function bonus(prev)
    return t.pay("wz_xsg_high_tech_bonus", t.firm{ above_scale_since = 2024, high_tech_until = "2026-12-31",
                                                   extra = { previously_above_scale = prev } }, 2024)
  end
  t.eq(bonus(nil), 100000)
  t.eq(bonus(false), 100000)
  amount, why = bonus(0)
  t.eq({ amount, why }, { 0, "2024年不是首次“小升规”(previously_above_scale)" })
  t.eq(t.pay("wz_xsg_award", t.firm{ above_scale_since = 2024, extra = { previously_above_scale = "" } }, 2024), 0)
  amount, why = t.pay("wz_xsg_high_tech_bonus", f, 2025)
  t.eq({ amount, why }, { 0, "追加奖励只在“小升规”当年(2024年), 不在2025年" })
  amount, why = t.pay("wz_xsg_high_tech_bonus", t.firm{ above_scale_since = 2024, high_tech_until = "2024-12-30" }, 2024)
  t.eq({ amount, why }, { 0, "高新技术企业有效期至2024-12-30, 2024年底已不在有效期内" })
  amount, why = t.pay("wz_xsg_credit_line", f, 2025)
  t.eq({ amount, why }, { 0, "不是2025年“小升规”企业(above_scale_since = 2024)" })
end)

test("friendly2023: founding year guard, in_force on the founding date, other reasons", function(t)
  t.eq(t.pay("wz_new_firm_credit_line", t.firm{ founded = "2024-12-31" }, 2024), 1000000)
  t.eq(t.pay("wz_new_firm_credit_line", t.firm{ founded = "2024-01-01" }, 2024), 1000000)
  t.eq(t.pay("wz_new_firm_credit_line", t.firm{ founded = "2024" }, 2024), 1000000,
    "a bare year: year_of reads 2024, as before the conditions")
  local amount, why = t.pay("wz_new_firm_credit_line", t.firm{ founded = "2025-01-01" }, 2024)
  t.eq({ amount, why }, { 0, "不是2024年新注册企业(成立于2025-01-01)" })
  amount, why = t.pay("wz_new_firm_free_bookkeeping", t.firm{ founded = "2023-12-31" }, 2024)
  t.eq({ amount, why }, { 0, "2024年不是开办首年(成立于2023-12-31)" })
  amount, why = t.pay("wz_new_firm_credit_line", t.firm{ founded = "2023-10-11" }, 2023)
  t.eq({ amount, why }, { 0, "政策条款尚未施行(2023-10-12 起施行, 对应日期 2023-10-11)" })
  amount, why = t.pay("wz_new_firm_credit_line", t.firm{ kind = "individual_business", founded = "2024-03-01" }, 2024)
  t.eq({ amount, why }, { 0, "不是企业(kind = 个体工商户)" })
  amount, why = t.pay("wz_talent_startup_loan", t.firm{ extra = { founder_talent = "high_level" } }, 2022)
  t.eq({ amount, why }, { 0, "政策条款尚未施行(2023-10-12 起施行, 对应日期 2022-12-31)" })
  amount, why = t.pay("wz_talent_startup_loan", t.firm{ extra = { founder_talent = "other" } }, 2024)
  t.eq({ amount, why }, { 0, "创办人不是高层次人才或高学历人才(founder_talent = other)" })
  amount, why = t.pay("wz_quality_award", t.firm{}, 2024)
  t.eq({ amount, why }, { 0, "2024年没有新获得国家、省、市政府质量奖(0项)" }, "no awards: the when guard")
  amount, why = t.pay("wz_quality_award", t.firm{ awards = { { level = "provincial", name = "科技奖", year = 2024 } } },
    2024)
  t.eq({ amount, why }, { 0, "2024年没有新获得国家、省、市政府质量奖(0项)" }, "awards, none new: eligible")
  local itf = t.firm{ extra = { individual_to_firm_year = 2025 } }
  amount, why = t.pay("wz_itf_free_bookkeeping", itf, 2024)
  t.eq({ amount, why }, { 0, "2024年尚未“个转企”(2025年转企)" })
  amount, why = t.pay("wz_itf_free_bookkeeping", itf, 2028)
  t.eq({ amount, why }, { 0, "2028年已超过“个转企”后3年(2025—2027年)" })
  amount, why = t.pay("wz_itf_free_bookkeeping", t.firm{ extra = { individual_to_firm_year = 2022 } }, 2023)
  t.eq({ amount, why }, { 0, "2022年“个转企”: 政策条款尚未施行(2023-10-12 起施行, 对应日期 2022-12-31)" })
end)

test("wz_xsg_award: amount options; the reasons name the years and the figures", function(t)
  local f = t.firm{ above_scale_since = 2024, revenue = { [2024] = 30000000, [2025] = 25000000, [2026] = 26000000 } }
  t.eq({ t.pay("wz_xsg_award", f, 2024) }, { 200000 })
  t.eq({ t.pay("wz_xsg_award", f, 2025) }, { 0, "2025年销售额25000000元未高于2024年的30000000元(未保持增长)" })
  t.eq({ t.pay("wz_xsg_award", f, 2026) }, { 100000 })
  t.eq({ t.pay("wz_xsg_award", f, 2027) }, { 0, "2027年已超过“小升规”首年及后两年(2024—2026年)" })
  local gap = t.firm{ above_scale_since = 2024, revenue = { [2024] = 30000000 } }
  t.eq({ t.pay("wz_xsg_award", gap, 2025) }, { 0, "缺少2024年或2025年销售额" })
  local again = t.firm{ above_scale_since = 2024, extra = { previously_above_scale = true } }
  t.eq({ t.pay("wz_xsg_award", again, 2024) }, { 0, "2024年不是首次“小升规”(previously_above_scale)" })
  local early = t.firm{ above_scale_since = 2022, revenue = { [2021] = 1e7, [2022] = 2.1e7 } }
  t.eq({ t.pay("wz_xsg_award", early, 2022) }, { 0, "政策条款尚未施行(2023-10-12 起施行, 对应日期 2022-12-31)" },
       "首年 2022: the clause was not yet in force")
end)

test("p32_six_taxes_two_fees: the 小型微利企业 alternative says why it failed", function(t)
  local f = t.firm{ kind = "enterprise", employees = 10, extra = { taxable_income = { [2024] = 5000000 } },
                    assets = { [2024] = 1000000 } }
  t.eq({ t.pay("p32_six_taxes_two_fees", f, 2024) },
       { 0, "非增值税小规模纳税人、小型微利企业或个体工商户(2024年应纳税所得额5000000元, 超过3000000元)" })
  local unknown = t.firm{ kind = "enterprise" }
  t.eq({ t.pay("p32_six_taxes_two_fees", unknown, 2024) },
       { 0, "非增值税小规模纳税人、小型微利企业或个体工商户(2024年应纳税所得额未知)" })
  t.eq(t.pay("p32_six_taxes_two_fees", t.firm{ kind = "enterprise", extra = { vat_small_scale = true } }, 2024), 50)
end)
