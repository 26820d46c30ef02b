-- Tests of growth2021: 杭州市小微企业三年成长计划（2021—2023年）（征求意见稿）.
-- Counts are from a reading of the source: 12 numbered 重点任务 in 三、 (no numbered sub-items);
-- 36 numbers in 二、工作目标 plus the guarantee-fee cap of 1% in task 7 = 37 targets (the 2.5%
-- of task 6 and the 100% of task 10 restate 二、 and are counted once).

test("growth2021: 12 measures and 37 targets", function(t)
  local d = t.doc("growth2021")
  t.eq(#d.measures, 12)
  t.eq(#d.targets, 37)
  t.eq(#d.groups, 3)
  local per_group = {}
  for _, m in ipairs(d.measures) do per_group[m.group] = (per_group[m.group] or 0) + 1 end
  t.eq(per_group.G1, 5, "三、(一) tasks 1-5")
  t.eq(per_group.G2, 3, "三、(二) tasks 6-8")
  t.eq(per_group.G3, 4, "三、(三) tasks 9-12")
  local per_section = {}
  for _, x in ipairs(d.targets) do
    local s = x.section:match("^(二、%(.-%))")
    if s then per_section[s] = (per_section[s] or 0) + 1 end
  end
  t.eq(per_section["二、(一)"], 5)
  t.eq(per_section["二、(二)"], 9)
  t.eq(per_section["二、(三)"], 4)
  t.eq(per_section["二、(四)"], 6)
  t.eq(per_section["二、(五)"], 10)
  t.eq(per_section["二、(六)"], 2)
end)

test("growth2021: draft for 2021—2023, leads first listed", function(t)
  local d = t.doc("growth2021")
  t.eq(d.status, "draft")
  t.eq(d.period_start, "2021-01-01")
  t.eq(d.period_end, "2023-12-31")
  t.eq(d.lead_rule, "first_listed")
  t.eq(d.lead_rule_quote, "列第一位的为牵头单位")
  for _, m in ipairs(d.measures) do
    t.eq(#m.lead_units, 1, m.id)
    t.eq(m.lead_units[1], m.responsible_units[1], m.id .. ": lead is the first listed unit")
    t.ok(not m.text:find("责任单位", 1, true), m.id .. ": text stops before 责任单位")
    t.ok(m.text:sub(1, #m.title) == m.title, m.id .. ": text starts with the title")
  end
end)

test("growth2021: measure sections, titles and units", function(t)
  local d = t.doc("growth2021")
  local m = t.by_id(d.measures, "M01")
  t.eq(m.section, "三、(一) 1")
  t.eq(m.title, "持续引导小微企业提档升级")
  t.eq(table.concat(m.responsible_units, "、"),
       "市市场监管局、省证监局、市经信局、市文广旅游局、市地方金融监管局、市工商联")
  m = t.by_id(d.measures, "M03")
  t.eq(m.lead_units[1], "市规划和自然资源局")
  t.eq(#m.responsible_units, 6)
  m = t.by_id(d.measures, "M06")
  t.eq(m.section, "三、(二) 6")
  t.ok(m.text:find("将制造业企业加计扣除比例提高到100%", 1, true))
  m = t.by_id(d.measures, "M07")
  t.eq(m.lead_units[1], "人行杭州中心支行")
  t.eq(m.responsible_units[2], "省银保监局")
  m = t.by_id(d.measures, "M08")
  t.eq(table.concat(m.responsible_units, "、"), "市经信局、市发改委、浙江银保监局")
  m = t.by_id(d.measures, "M09")
  t.eq(m.section, "三、(三) 9")
  t.eq(m.responsible_units[2], "市“小微企业三年成长计划”推进领导小组各成员单位")
  m = t.by_id(d.measures, "M10")
  t.eq(#m.responsible_units, 8)
  t.eq(m.responsible_units[2], "各区（县、市）政府")
  t.eq(m.responsible_units[8], "市地方金融监管局")
  m = t.by_id(d.measures, "M12")
  t.eq(m.section, "三、(三) 12")
  t.eq(m.title, "营造公平竞争有序市场环境")
  t.ok(m.text:find("优化营商环境。$"))
end)

test("growth2021: selected target values", function(t)
  local d = t.doc("growth2021")
  local function tg(id) return t.by_id(d.targets, id) end
  t.eq(tg("T01").value, 165000); t.eq(tg("T01").indicator, "new_small_micro_firms")
  t.eq(tg("T01").comparator, ">="); t.eq(tg("T01").kind, "cumulative_new")
  t.eq(tg("T01").deadline, "2023-12-31")
  t.eq(tg("T02").value, 48000)
  t.eq(tg("T03").value, 12000); t.eq(tg("T04").value, 45000)
  t.eq(tg("T05").value, 6); t.eq(tg("T05").kind, "growth_rate"); t.eq(tg("T05").unit, "%")
  t.eq(tg("T06").indicator, "small_to_above_scale"); t.eq(tg("T06").value, 1000)
  t.eq(tg("T08").value, 30); t.eq(tg("T09").value, 50)
  t.eq(tg("T10").value, 25); t.eq(tg("T11").value, 80)
  t.eq(tg("T12").value, 2000); t.eq(tg("T12").every, "year"); t.eq(tg("T12").kind, "level")
  t.eq(tg("T14").value, 120)
  t.eq(tg("T17").value, 2.5); t.eq(tg("T17").kind, "share")
  t.eq(tg("T19").value, 480000000000); t.eq(tg("T19").unit, "元")
  t.eq(tg("T20").value, 400000000000)
  t.eq(tg("T21").value, 50000); t.eq(tg("T21").unit, "户")
  t.eq(tg("T22").value, 150000000000)
  t.eq(tg("T23").value, 750000); t.eq(tg("T23").unit, "笔")
  t.eq(tg("T24").value, 125000000000); t.eq(tg("T24").kind, "level")
  t.eq(tg("T25").value, 300); t.eq(tg("T25").unit, "个")
  t.eq(tg("T26").value, 4500000); t.eq(tg("T26").unit, "平方米")
  t.eq(tg("T29").value, 60000); t.eq(tg("T29").unit, "单次")
  t.eq(tg("T33").value, 4); t.eq(tg("T33").unit, "场")
  t.eq(tg("T34").value, 100)
  t.eq(tg("T35").value, 1830); t.eq(tg("T36").value, 900)
  t.eq(tg("T37").comparator, "<="); t.eq(tg("T37").measure, "M07")
  t.eq(tg("T37").indicator, "guarantee_fee_rate"); t.eq(tg("T37").value, 1)
  t.eq(tg("T29").quote, "提供“浙里检”服务6万单次以上")
  local measure = {}
  for _, x in ipairs(d.targets) do
    t.eq(x.deadline, "2023-12-31", x.id)
    t.ok(x.quote:find("%d"), x.id .. ": quote carries its number")
    t.eq(x.lead_unit, nil, x.id .. ": the text names no lead per target")
    t.eq(x.base, nil, x.id .. ": the text states no base value")
    if x.measure then measure[#measure + 1] = x.id .. "=" .. x.measure end
  end
  t.eq(table.concat(measure, " "), "T17=M06 T34=M10 T37=M07")
end)

test("growth2021: shared quantities use the common catalog", function(t)
  local d = t.doc("growth2021")
  local want = {
    T01 = "new_small_micro_firms", T05 = "below_scale_industrial_va_growth",
    T06 = "small_to_above_scale", T10 = "contract_credit_firms_new", T11 = "hz_contract_credit_firms_aa",
    T12 = "joint_stock_firms", T15 = "tech_smes_new", T16 = "high_tech_firms_new",
    T17 = "tech_sme_rd_intensity", T18 = "tech_sme_researcher_share", T19 = "small_micro_loans_new",
    T20 = "credit_loans_issued", T21 = "first_loan_borrowers_new", T22 = "first_loan_amount",
    T23 = "renewal_loans_count", T24 = "renewal_loan_balance", T25 = "sme_parks_total",
    T26 = "sme_park_floor_area_total", T27 = "research_facility_openings", T28 = "lab_service_batches",
    T34 = "tax_incentive_coverage", T35 = "trading_rights_registrations_new",
    T36 = "trade_active_firms_new", T37 = "guarantee_fee_rate",
  }
  local own = 0
  for _, x in ipairs(d.targets) do
    if want[x.id] then t.eq(x.indicator, want[x.id], x.id) end
    if x.indicator:sub(1, 3) == "hz_" then own = own + 1 end
  end
  t.eq(own, 13, "targets on the plugin's own indicators")
  local n = 0
  for _, ind in pairs(t.plugin.indicators) do
    n = n + 1
    t.ok(ind.code:sub(1, 3) == "hz_", ind.code)
  end
  t.eq(n, 16, "13 for targets, 3 for the statistics of 四、(三)")
  local comps = {}
  for _, i in ipairs(t.by_id(t.plugin.reports, "index").indices) do
    for _, c in ipairs(i.components) do comps[#comps + 1] = c.indicator end
  end
  t.eq(comps[1], "below_scale_industrial_va_growth")
end)

test("growth2021: quotes stand in the source text", function(t)
  local src = t.source_text("hangzhou_sme_growth_plan_2021_2023_draft.txt")
  t.ok(src:find("新增新增小微企业贷款4800亿元", 1, true), "the doubled 新增 is the draft's")
  for _, x in ipairs(t.doc("growth2021").targets) do
    t.ok(src:find(x.quote, 1, true), x.id)
  end
end)

-- Firms for the benefit cases (national SME classification, 工信部联企业〔2011〕300号):
-- industry (C): small = 20+ employees and revenue 300万+; micro below; medium 300+ and 2000万+.
local function small_maker(t, over)
  local f = { kind = "enterprise", industry = "C3311", employees = 50,
              revenue = { [2020] = 1e7, [2021] = 1e7, [2022] = 1e7, [2023] = 1e7, [2024] = 1e7 },
              extra = { rd_expense = { [2020] = 5e5, [2021] = 5e5, [2022] = 5e5, [2023] = 5e5,
                                       [2024] = 5e5 } } }
  for k, v in pairs(over or {}) do f[k] = v end
  return t.firm(f)
end

-- software (I6511): small = 10+ employees and revenue 50万+; medium 100+ and 1000万+.
local function small_software(t, over)
  local f = { kind = "enterprise", industry = "I6511", employees = 30,
              revenue = { [2020] = 5e6, [2021] = 5e6, [2022] = 5e6, [2023] = 5e6, [2024] = 5e6 },
              extra = { rd_expense = { [2020] = 1e6, [2021] = 1e6, [2022] = 1e6, [2023] = 1e6,
                                       [2024] = 1e6 } } }
  for k, v in pairs(over or {}) do f[k] = v end
  return t.firm(f)
end

test("研发费用加计扣除: 75%, manufacturing 100%, plan years only", function(t)
  t.eq(t.pay("hz_rd_super_deduction", small_software(t), 2022), 75)
  t.eq(t.pay("hz_rd_super_deduction", small_maker(t), 2022), 100)
  t.eq(t.pay("hz_rd_super_deduction", small_software(t), 2021), 75, "first plan year")
  t.eq(t.pay("hz_rd_super_deduction", small_maker(t), 2023), 100, "last plan year")
  t.eq(t.pay("hz_rd_super_deduction", small_software(t), 2020), 0, "before the plan")
  t.eq(t.pay("hz_rd_super_deduction", small_maker(t), 2024), 0, "after the plan")
  -- any size: the text restates the rule for all enterprises
  local big = small_maker(t, { employees = 2000,
                               revenue = { [2022] = 1e9 } })
  t.eq(t.pay("hz_rd_super_deduction", big, 2022), 100)
  -- fails: not an enterprise
  local ib = small_software(t, { kind = "individual_business" })
  local amount, reason = t.pay("hz_rd_super_deduction", ib, 2022)
  t.eq(amount, 0); t.ok(reason and reason:find("企业", 1, true), tostring(reason))
  -- fails: no R&D expenses in that year
  local nord = small_software(t, { extra = { rd_expense = { [2021] = 1e6 } } })
  amount, reason = t.pay("hz_rd_super_deduction", nord, 2022)
  t.eq(amount, 0); t.ok(reason and reason:find("研发费用", 1, true), tostring(reason))
  t.eq(t.pay("hz_rd_super_deduction", nord, 2021), 75)
end)

test("地方奖补再按25%: high-tech or tech SME, small or micro, with R&D", function(t)
  local tech = small_software(t, { tech_sme = true })
  t.eq(t.pay("hz_rd_local_award", tech, 2022), 25)
  t.eq(t.pay("hz_rd_local_award", tech, 2021), 25, "first plan year")
  t.eq(t.pay("hz_rd_local_award", tech, 2023), 25, "last plan year")
  t.eq(t.pay("hz_rd_local_award", tech, 2020), 0, "before the plan")
  t.eq(t.pay("hz_rd_local_award", tech, 2024), 0, "after the plan")
  -- high-tech certificate valid into the year
  local ht = small_maker(t, { tech_sme = false, high_tech_until = "2023-03-31" })
  t.eq(t.pay("hz_rd_local_award", ht, 2023), 25)
  t.eq(t.pay("hz_rd_local_award", ht, 2022), 25)
  -- certificate expired before the year
  local expired = small_maker(t, { tech_sme = false, high_tech_until = "2021-06-30" })
  local amount, reason = t.pay("hz_rd_local_award", expired, 2022)
  t.eq(amount, 0); t.ok(reason and reason:find("高新技术", 1, true), tostring(reason))
  t.eq(t.pay("hz_rd_local_award", expired, 2021), 25)
  -- neither high-tech nor tech SME
  t.eq(t.pay("hz_rd_local_award", small_maker(t, { tech_sme = false }), 2022), 0)
  -- micro firm qualifies
  local micro = small_maker(t, { tech_sme = true, employees = 10,
                                 revenue = { [2022] = 1e6 } })
  t.eq(t.pay("hz_rd_local_award", micro, 2022), 25)
  -- medium firm fails the 小微 condition
  local medium = small_maker(t, { tech_sme = true, employees = 500,
                                  revenue = { [2022] = 1e8 } })
  amount, reason = t.pay("hz_rd_local_award", medium, 2022)
  t.eq(amount, 0); t.ok(reason and reason:find("小型或微型", 1, true), tostring(reason))
  -- no R&D expenses
  local nord = small_software(t, { tech_sme = true, extra = {} })
  t.eq(t.pay("hz_rd_local_award", nord, 2022), 0)
  -- not an enterprise
  t.eq(t.pay("hz_rd_local_award", small_software(t, { tech_sme = true,
                                                    kind = "individual_business" }), 2022), 0)
end)

test("担保费率上限 1%: small and micro firms, plan years", function(t)
  t.eq(t.pay("hz_guarantee_fee_cap", small_maker(t), 2022), 1)
  t.eq(t.pay("hz_guarantee_fee_cap", small_maker(t), 2021), 1)
  t.eq(t.pay("hz_guarantee_fee_cap", small_maker(t), 2023), 1)
  local micro = small_software(t, { employees = 5, revenue = { [2022] = 3e5 } })
  t.eq(t.pay("hz_guarantee_fee_cap", micro, 2022), 1)
  t.eq(t.pay("hz_guarantee_fee_cap", small_maker(t), 2020), 0, "before the plan")
  t.eq(t.pay("hz_guarantee_fee_cap", small_maker(t), 2024), 0, "after the plan")
  local medium = small_maker(t, { employees = 500, revenue = { [2022] = 1e8 } })
  local amount, reason = t.pay("hz_guarantee_fee_cap", medium, 2022)
  t.eq(amount, 0); t.ok(reason and reason:find("小型或微型", 1, true), tostring(reason))
end)

test("growth2021 benefits as `when` conditions: truthiness, the any's reason, exact texts", function(t)
  for _, b in ipairs(t.plugin.benefits) do
    t.eq(b.eligible, nil, b.id .. ": `when` alone")
  end
  -- tech_sme: Lua truthiness (ne = false), as `not firm.tech_sme` read it
  t.eq(t.pay("hz_rd_local_award", small_maker(t, { tech_sme = 1 }), 2022), 25)
  local expired = small_maker(t, { tech_sme = false, high_tech_until = "2021-06-30" })
  local amount, reason = t.pay("hz_rd_local_award", expired, 2022)
  t.eq({ amount, reason }, { 0, "以下条件均不满足: 2022年非高新技术企业（有效期至2021-06-30）; 非科技型中小企业" })
  amount, reason = t.pay("hz_rd_local_award", small_maker(t, { tech_sme = false }), 2022)
  t.eq({ amount, reason }, { 0, "以下条件均不满足: 2022年非高新技术企业（有效期至未设）; 非科技型中小企业" })
  t.eq(t.pay("hz_rd_local_award", small_maker(t, { high_tech_until = "2022-01-01", tech_sme = false }), 2022), 25,
    "valid on the year's first day")
  amount, reason = t.pay("hz_rd_super_deduction", small_software(t, { kind = "individual_business" }), 2022)
  t.eq({ amount, reason }, { 0, "主体类型为个体工商户，须为企业" })
  amount, reason = t.pay("hz_rd_super_deduction", small_software(t, { extra = {} }), 2022)
  t.eq({ amount, reason }, { 0, "2022年研发费用为0元，须大于0" })
  amount, reason = t.pay("hz_rd_super_deduction", small_software(t, { extra = { rd_expense = { [2022] = -1 } } }), 2022)
  t.eq({ amount, reason }, { 0, "2022年研发费用为-1元，须大于0" })
  amount, reason = t.pay("hz_rd_super_deduction", small_software(t), 2024)
  t.eq({ amount, reason }, { 0, "2024年不在计划期（2021—2023年）内" })
  amount, reason = t.pay("hz_guarantee_fee_cap", small_maker(t, { employees = 500, revenue = { [2022] = 1e8 } }), 2022)
  t.eq({ amount, reason }, { 0, "2022年企业规模为中型，须为小型或微型企业" })
end)

test("growth2021: reports and indices", function(t)
  local reports = t.plugin.reports
  t.eq(t.count(reports), 5)
  local idx = t.by_id(reports, "index")
  t.eq(idx.frequency, "annual")
  t.eq(#idx.indices, 2)
  local names = {}
  for _, i in ipairs(idx.indices) do
    names[i.name] = true
    local sum = 0
    for _, c in ipairs(i.components) do sum = sum + c.weight end
    t.near(sum, 1, 1e-9)
    t.eq(i.base_year, 2020)
  end
  t.ok(names["小微企业成长指数"]); t.ok(names["新设小微企业活力指数"])
  t.eq(t.by_id(reports, "data").frequency, "adhoc")
  t.eq(t.by_id(reports, "release").frequency, "periodic")
end)

test("manifest: regions after the 2021 redistricting", function(t)
  local m = t.plugin.manifest
  t.eq(m.code, "330100")
  t.eq(#m.regions, 13)
  local codes = {}
  for _, r in ipairs(m.regions) do codes[r.code] = r.name end
  t.eq(codes["330113"], "临平区"); t.eq(codes["330114"], "钱塘区")
  t.eq(codes["330102"], "上城区"); t.eq(codes["330105"], "拱墅区")
  t.eq(codes["330182"], "建德市")
  t.eq(codes["330103"], nil, "下城区 abolished"); t.eq(codes["330104"], nil, "江干区 abolished")
end)
