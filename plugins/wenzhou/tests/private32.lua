-- luacheck: no max line length
-- Tests of private32: 温州市落实省“民营经济32条”任务清单 (2023), and its benefits.
-- Counts are from a reading of the source under the rule of the document's header (every number
-- a row commits to, in either column): 32 rows; 121 targets = 99 numbers of the 温州市目标 column
-- (each counted once, though rows 1, 3, 5, 8 and 24 print the column twice over a page break, and
-- R06 目标 5 = 目标 1, R08 目标 3's 70% = 举措 3, R24 目标 5 = 举措 8 are one commitment each) + 22
-- numbers of the 落实举措 (R01 ×2, R03 ×3, R05, R06, R08 ×2, R11, R17 ×3, R18, R20, R24 ×3, R26 ×4,
-- R27); by row below.

local function targets_of(d, measure)
  local out = {}
  for _, tg in ipairs(d.targets) do
    if tg.measure == measure then out[#out + 1] = tg end
  end
  return out
end

local function find_target(d, quote, measure)
  for _, tg in ipairs(d.targets) do
    if tg.quote == quote and (measure == nil or tg.measure == measure) then return tg end
  end
  return nil
end

test("private32: 32 measures, 121 targets, 5 groups", function(t)
  local d = t.doc("private32")
  t.eq(#d.measures, 32)
  t.eq(#d.targets, 121)
  t.eq(#d.groups, 5)
  local per_group = {}
  for _, m in ipairs(d.measures) do per_group[m.group] = (per_group[m.group] or 0) + 1 end
  t.eq(per_group, { G1 = 6, G2 = 5, G3 = 5, G4 = 7, G5 = 9 })
  t.eq(d.groups[1].name, "提信心增预期")
  t.eq(d.groups[5].name, "优氛围增服务")
end)

test("private32: targets per row (page-break repeats counted once)", function(t)
  local d = t.doc("private32")
  local expected = {
    R01 = 2, R02 = 2, R03 = 6, R04 = 1, R05 = 12, R06 = 12, R07 = 1, R08 = 16, R09 = 3, R10 = 0,
    R11 = 4, R12 = 1, R13 = 1, R14 = 0, R15 = 0, R16 = 0, R17 = 6, R18 = 3, R19 = 7, R20 = 5,
    R21 = 5, R22 = 4, R23 = 4, R24 = 10, R25 = 1, R26 = 7, R27 = 5, R28 = 0, R29 = 1, R30 = 1,
    R31 = 1, R32 = 0,
  }
  for id, n in pairs(expected) do t.eq(#targets_of(d, id), n, id) end
  -- the continued rows: their target column is printed twice, each target is here once
  local seen = {}
  for _, tg in ipairs(d.targets) do
    local key = tg.measure .. "|" .. tg.quote .. "|" .. tg.indicator
    t.ok(not seen[key], "target counted twice: " .. key)
    seen[key] = true
  end
  -- the 落实举措 of the continued rows are both pages' items, in order
  t.eq(#t.by_id(d.measures, "R01").actions, 10)
  t.eq(#t.by_id(d.measures, "R03").actions, 11)
  t.eq(#t.by_id(d.measures, "R05").actions, 14)
  t.eq(#t.by_id(d.measures, "R08").actions, 5)
  t.eq(#t.by_id(d.measures, "R24").actions, 16)
  t.match(t.by_id(d.measures, "R05").actions[8], "^8%.强化融资担保")
  t.match(t.by_id(d.measures, "R24").actions[9], "^9%.建立合规服务阵地")
end)

test("private32: metadata", function(t)
  local d = t.doc("private32")
  t.eq(d.lead_rule, "starred")
  t.eq(d.period_start, "2023-01-01")
  t.eq(d.period_end, "2027-12-31")
  t.eq(d.status, "in_force")
  t.eq(d.source, "wenzhou_private_economy_tasks_2023.txt")
  t.eq(d.issued, nil)
end)

test("private32: sections, headings, phases and contacts", function(t)
  local d = t.doc("private32")
  local m = t.by_id(d.measures, "R01")
  t.eq(m.section, "一、(一) 1")
  t.eq(m.title, "强化财税政策保障")
  t.eq(m.key_work, "(一)强化财税政策保障")
  t.eq(m.phase, "2023-2027年")
  t.eq(m.contact, { name = "蔡景像", phone = "0577-88026991" })
  t.match(m.city_target, "政策延续执行至2027年底")
  m = t.by_id(d.measures, "R12")
  t.eq(m.section, "三、(十二) 12")
  t.eq(m.title, "严格落实招投标“七个不准”")
  m = t.by_id(d.measures, "R17")
  t.eq(m.phase, "2023年")
  t.eq(#m.responsible_units, 8)
  t.eq(m.responsible_units[8], "中信保温州办事处")
  m = t.by_id(d.measures, "R32")
  t.eq(m.section, "五、(三十二) 32")
  t.eq(m.group, "G5")
  t.eq(m.contact.phone, "18768147338")
  for i, mm in ipairs(d.measures) do
    t.eq(mm.id, string.format("R%02d", i))
    t.ok(mm.contact and mm.contact.name ~= "", mm.id .. ": contact")
    t.ok(#mm.actions > 0, mm.id .. ": actions")
  end
end)

test("private32: starred leads", function(t)
  local d = t.doc("private32")
  t.eq(t.by_id(d.measures, "R02").lead_units, { "市财政局", "市国资委" })
  t.eq(t.by_id(d.measures, "R02").responsible_units,
    { "市财政局", "市国资委", "市科技局", "市国资运营公司", "市国金公司" })
  t.eq(t.by_id(d.measures, "R24").lead_units, { "市司法局(市委依法治市办)" })
  t.eq(t.by_id(d.measures, "R06").responsible_units[2], "市委组织部(市人才办)")
  t.eq(t.by_id(d.measures, "R13").responsible_units[8], "相关县(市、区)政府")
  t.eq(t.by_id(d.measures, "R32").lead_units, { "市“两个健康”办" })
  t.eq(#t.by_id(d.measures, "R29").responsible_units, 10)
  -- rows with one unstarred unit: that unit leads
  for _, id in ipairs({ "R04", "R08", "R10", "R11", "R15", "R21" }) do
    local m = t.by_id(d.measures, id)
    t.eq(#m.responsible_units, 1, id)
    t.eq(m.lead_units, m.responsible_units, id)
  end
end)

local function target_by(d, indicator, deadline)
  for _, tg in ipairs(d.targets) do
    if tg.indicator == indicator and (deadline == nil or tg.deadline == deadline) then return tg end
  end
  return nil
end

test("private32: selected target values", function(t)
  local d = t.doc("private32")
  local tg = target_by(d, "first_loan_borrowers_new")
  t.eq({ tg.quote, tg.value, tg.unit, tg.deadline, tg.measure }, { "2023年首贷户新增1万户以上", 10000, "户", "2023-12-31", "R05" })
  tg = target_by(d, "wz_p32_individual_business_loan_balance")
  t.eq({ tg.value, tg.kind, tg.quote }, { 280000000000, "level", "全市个体工商户贷款余额达到2800亿元以上" })
  tg = target_by(d, "wz_p32_individual_business_loan_province_share")
  t.near(tg.value, 16.6667, 1e-3)
  t.eq(tg.quote, "占全省比重超六分之一")
  local q800 = "确保2023年实现民营经济贷款和小微企业贷款均新增800亿元以上"
  t.eq(find_target(d, q800, "R05").value, 80000000000)
  local both = 0
  for _, x in ipairs(d.targets) do if x.quote == q800 then both = both + 1 end end
  t.eq(both, 2, "民营经济贷款和小微企业贷款: two targets")
  t.eq(target_by(d, "small_micro_loans_new").value, 80000000000)
  t.eq(target_by(d, "wz_p32_skilled_talents_new").value, 54200)
  tg = target_by(d, "wz_p32_rd_gdp_ratio")
  t.eq({ tg.value, tg.comparator, tg.deadline }, { 3, "~", "2025-12-31" })
  tg = target_by(d, "wz_p32_basic_research_share_rank")
  t.eq({ tg.value, tg.unit, tg.comparator, tg.quote }, { 3, "位", "<=", "2023年基础研究经费占研发经费的比重排名全省前三" })
  tg = target_by(d, "individual_to_firm")
  t.eq({ tg.value, tg.unit, tg.quote }, { 3000, "户", "新增“个转企”3000户" })
  t.eq(target_by(d, "wz_p32_tech_renovation_investment_growth").kind, "growth_rate")
  tg = target_by(d, "wz_p32_pretrial_detention_rate")
  t.eq({ tg.value, tg.comparator }, { 35, "<=" })
  tg = target_by(d, "wz_p32_odi_key_projects_served")
  t.eq({ tg.start, tg.deadline }, { "2023-07-01", "2023-12-31" })
  tg = target_by(d, "wz_p32_new_energy_use_private_share")
  t.eq({ tg.every, tg.deadline, tg.value }, { "year", "2025-12-31", 80 })
  tg = target_by(d, "wz_p32_individual_business_visits")
  t.eq({ tg.value, tg.every }, { 15000, "quarter" })
  t.eq(target_by(d, "wz_p32_registered_fund_size").value, 100000000000)
  tg = target_by(d, "innovative_smes")
  t.eq({ tg.value, tg.deadline, tg.kind }, { 5000, "2025-12-31", "level" })
  tg = target_by(d, "wz_p32_export_refund_days")
  t.eq({ tg.value, tg.unit, tg.kind, tg.deadline, tg.measure }, { 6, "个工作日", "duration", "2027-12-31", "R01" })
  -- a clause's year governs that clause: 2024年底 closes the 3-day clause, not the 6-day one
  tg = target_by(d, "wz_p32_export_refund_days_class12")
  t.eq({ tg.value, tg.deadline }, { 3, "2024-12-31" })
  tg = target_by(d, "wz_p32_undisputed_arrears_days")
  t.eq({ tg.value, tg.unit, tg.comparator }, { 30, "天", "<=" })
  -- the two deadlines of one indicator
  t.eq(target_by(d, "wz_p32_key_lab_applications_private", "2023-12-31").value, 2)
  t.eq(target_by(d, "wz_p32_key_lab_applications_private", "2027-12-31").value, 4)
  t.eq(target_by(d, "wz_p32_compliance_guidelines", "2023-12-31").quote, "确保年底前完成6部重点产业合规指引")
  -- 到2027年 goals count from 2023, not in 2027 alone: no `year`
  for _, id in ipairs({ "T035", "T036", "T038" }) do
    local x = t.by_id(d.targets, id)
    t.eq({ x.deadline, x.year }, { "2027-12-31", nil }, id)
  end
  t.eq(t.by_id(d.targets, "T035").value, 4)
  t.eq(t.by_id(d.targets, "T036").value, 15)
  t.eq(t.by_id(d.targets, "T038").value, 3000000000)
  -- 12个县(市、区) with a 企业综合服务中心: a level, like its indicator
  tg = t.by_id(d.targets, "T097")
  t.eq({ tg.value, tg.kind, tg.deadline }, { 12, "level", "2025-12-31" })
  tg = t.by_id(d.targets, "T036")
  t.eq(tg.quote, "支持省级新型研发机构与民企建设联合实验室、研发机构15家以上")
  -- no private32 target names a lead unit of its own: the row's starred unit leads
  for _, x in ipairs(d.targets) do t.eq(x.lead_unit, nil, x.id) end
end)

-- Quotes are whole phrases: the host compares them with the normalized source with every blank
-- and line break removed; each must also be read from its own row (its 温州市目标 or 落实举措),
-- hold its number, and carry no note left over from the old cell-fragment quotes.
local function squash(s)
  return (s:gsub("%s+", ""):gsub("，", ","):gsub("；", ";"):gsub("（", "("):gsub("）", ")"))
end

test("private32: each quote is a whole phrase of its own row", function(t)
  local src = squash(t.source_text("wenzhou_private_economy_tasks_2023.txt"))
  local d = t.doc("private32")
  for _, tg in ipairs(d.targets) do
    t.ok(src:find(squash(tg.quote), 1, true), tg.id .. ": in the normalized source")
    local m = t.by_id(d.measures, tg.measure)
    local row = squash(m.city_target .. table.concat(m.actions))
    t.ok(row:find(squash(tg.quote), 1, true), tg.id .. ": " .. tg.quote .. " is not in the text of " .. tg.measure)
    t.ok(tg.quote:find("%d") or tg.quote:find("六分之一") or tg.quote:find("前三") or tg.quote:find("第一"),
      tg.id .. ": the quote holds the number")
    t.ok(not (tg.note or ""):find("the phrase:", 1, true), tg.id .. ": no fragment note")
    t.ok(utf8.len(tg.quote) >= 6, tg.id .. ": not a cell fragment")
  end
  -- phrases the table wraps over cells now match whole
  t.ok(src:find(squash("温州市重点产业发展基金、温州市科创基金、温州市国资创新基金投向民间投资项目比重达到70%以上"), 1, true))
  for _, b in ipairs(t.plugin.benefits) do
    if b.doc == "private32" then
      t.ok(src:find(squash(b.quote), 1, true), b.id)
      for _, p in ipairs(b.params) do t.ok(src:find(squash(p.clause), 1, true), p.id) end
    end
  end
end)

-- Benefits --------------------------------------------------------------------------------

local function small_low_profit_firm(t, over)
  local f = {
    kind = "enterprise", industry = "C3311", employees = 50,
    revenue = { [2023] = 10000000, [2027] = 10000000, [2028] = 10000000 },
    assets = { [2023] = 20000000, [2027] = 20000000, [2028] = 20000000 },
    extra = { taxable_income = { [2023] = 2000000, [2027] = 2000000, [2028] = 2000000 } },
  }
  for k, v in pairs(over or {}) do f[k] = v end
  return t.firm(f)
end

test("p32_cit_small_low_profit: 25% to 2027, 小型微利企业 conditions", function(t)
  local firm = small_low_profit_firm(t)
  t.eq(t.pay("p32_cit_small_low_profit", firm, 2023), 25)
  t.eq(t.pay("p32_cit_small_low_profit", firm, 2027), 25, "the year the rule ends")
  t.eq(t.pay("p32_cit_small_low_profit", firm, 2028), 0, "the year after")
  t.eq(t.pay("p32_cit_small_low_profit", firm, 2022), 0, "before the period")
  local amount, why = t.pay("p32_cit_small_low_profit",
    small_low_profit_firm(t, { extra = { taxable_income = { [2023] = 3500000 } } }), 2023)
  t.eq(amount, 0)
  t.match(why, "3500000")
  t.eq(t.pay("p32_cit_small_low_profit",
    small_low_profit_firm(t, { extra = { taxable_income = { [2023] = 3000000 } } }), 2023), 25, "300万元 is within")
  t.eq(t.pay("p32_cit_small_low_profit", small_low_profit_firm(t, { employees = 301 }), 2023), 0)
  t.eq(t.pay("p32_cit_small_low_profit", small_low_profit_firm(t, { assets = { [2023] = 60000000 } }), 2023), 0)
  t.eq(t.pay("p32_cit_small_low_profit", small_low_profit_firm(t, { kind = "individual_business" }), 2023), 0)
  t.eq(t.pay("p32_cit_small_low_profit", small_low_profit_firm(t, { extra = {} }), 2023), 0, "income unknown")
end)

test("p32_six_taxes_two_fees: half, three kinds of payer", function(t)
  t.eq(t.pay("p32_six_taxes_two_fees", small_low_profit_firm(t), 2023), 50)
  t.eq(t.pay("p32_six_taxes_two_fees", t.firm{ kind = "individual_business" }, 2027), 50)
  t.eq(t.pay("p32_six_taxes_two_fees", t.firm{ kind = "individual_business" }, 2028), 0)
  local big = t.firm{ kind = "enterprise", employees = 500, assets = { [2024] = 1e9 },
                      extra = { taxable_income = { [2024] = 5e7 } } }
  local amount, why = t.pay("p32_six_taxes_two_fees", big, 2024)
  t.eq(amount, 0)
  t.match(why, "小规模纳税人")
  big = t.firm{ kind = "enterprise", employees = 500, assets = { [2024] = 1e9 },
                extra = { taxable_income = { [2024] = 5e7 }, vat_small_scale = true } }
  t.eq(t.pay("p32_six_taxes_two_fees", big, 2024), 50, "a small-scale VAT payer")
end)

test("p32 institution exemptions: 小额贷款利息, 融资担保", function(t)
  local bank = t.firm{ kind = "enterprise", industry = "J6621", extra = { financial_institution = true } }
  t.eq(t.pay("p32_microloan_interest_vat", bank, 2027), 100)
  t.eq(t.pay("p32_microloan_interest_vat", bank, 2028), 0)
  t.eq(t.pay("p32_microloan_interest_vat", t.firm{ industry = "C3311" }, 2024), 0)
  local guarantor = t.firm{ kind = "enterprise", industry = "J6991", extra = { guarantee_institution = true } }
  t.eq(t.pay("p32_guarantee_vat", guarantor, 2025), 100)
  t.eq(t.pay("p32_guarantee_vat", guarantor, 2028), 0)
  t.eq(t.pay("p32_guarantee_vat", bank, 2025), 0, "a bank is not a guarantee institution")
end)

test("p32_loan_contract_stamp: small and micro enterprises", function(t)
  local small = t.firm{ kind = "enterprise", industry = "C3311", employees = 50,
                        revenue = { [2027] = 10000000, [2028] = 10000000 },
                        assets = { [2027] = 20000000, [2028] = 20000000 } }
  t.eq(t.pay("p32_loan_contract_stamp", small, 2027), 100)
  t.eq(t.pay("p32_loan_contract_stamp", small, 2028), 0)
  local large = t.firm{ kind = "enterprise", industry = "C3311", employees = 2000,
                        revenue = { [2025] = 1e9 }, assets = { [2025] = 1e9 } }
  t.eq(t.pay("p32_loan_contract_stamp", large, 2025), 0)
  t.eq(t.pay("p32_loan_contract_stamp", t.firm{ kind = "individual_business" }, 2025), 0)
end)

test("p32_ib_iit_half: the tax on the part up to 200万元, halved", function(t)
  local function ib(income)
    return t.firm{ kind = "individual_business", extra = { taxable_income = { [2023] = income, [2027] = income, [2028] = income } } }
  end
  t.eq(t.pay("p32_ib_iit_half", ib(100000), 2023), 4750)        -- (100000×20% − 10500) / 2
  t.eq(t.pay("p32_ib_iit_half", ib(1000000), 2023), 142250)     -- (1000000×35% − 65500) / 2
  t.eq(t.pay("p32_ib_iit_half", ib(2000000), 2023), 317250)
  t.eq(t.pay("p32_ib_iit_half", ib(3000000), 2023), 317250, "above 200万元 only the first 200万元 is halved")
  t.eq(t.pay("p32_ib_iit_half", ib(1000000), 2027), 142250, "the year the rule ends")
  t.eq(t.pay("p32_ib_iit_half", ib(1000000), 2028), 0, "the year after")
  t.eq(t.pay("p32_ib_iit_half", ib(0), 2023), 0, "no income")
  t.eq(t.pay("p32_ib_iit_half", t.firm{ kind = "enterprise", extra = { taxable_income = { [2023] = 100000 } } }, 2023), 0)
  t.eq(t.pay("p32_ib_iit_half", t.firm{ kind = "individual_business" }, 2023), 0, "income unknown")
end)

test("p32_rd_super_deduction: 100%, open-ended, industry and R&D conditions", function(t)
  local function firm(industry, rd)
    return t.firm{ kind = "enterprise", industry = industry, extra = { rd_expense = { [2023] = rd, [2035] = rd } } }
  end
  t.eq(t.pay("p32_rd_super_deduction", firm("C3311", 500000), 2023), 100)
  t.eq(t.pay("p32_rd_super_deduction", firm("C3311", 500000), 2035), 100, "长期实施: no end")
  t.eq(t.pay("p32_rd_super_deduction", firm("C3311", 500000), 2022), 0, "before the period")
  local amount, why = t.pay("p32_rd_super_deduction", firm("F5123", 500000), 2023)
  t.eq(amount, 0)
  t.match(why, "批发和零售业")
  t.eq(t.pay("p32_rd_super_deduction", firm("C1610", 500000), 2023), 0, "烟草制品业")
  t.eq(t.pay("p32_rd_super_deduction", firm("K7010", 500000), 2023), 0, "房地产业")
  t.eq(t.pay("p32_rd_super_deduction", firm("C3311", 0), 2023), 0, "no R&D expense")
  t.eq(t.pay("p32_rd_super_deduction", t.firm{ kind = "individual_business", industry = "C3311",
    extra = { rd_expense = { [2023] = 1 } } }, 2023), 0)
end)

test("p32_advanced_mfg_vat_credit: 5% from 2023-01-01 to 2027-12-31", function(t)
  local function firm(over)
    local f = { kind = "enterprise", industry = "C3311", high_tech_until = "2029-12-31" }
    for k, v in pairs(over or {}) do f[k] = v end
    return t.firm(f)
  end
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm(), 2023), 5)
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm(), 2027), 5, "the year the rule ends")
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm(), 2028), 0, "the year after")
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm(), 2022), 0, "before 2023-01-01")
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm{ industry = "I6510" }, 2024), 0, "not manufacturing")
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm{ high_tech_until = "2023-10-31" }, 2024), 0, "certificate expired")
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm{ high_tech_until = "2024-10-31" }, 2024), 5, "certificate valid in the year")
  t.eq(t.pay("p32_advanced_mfg_vat_credit", t.firm{ kind = "enterprise", industry = "C3311" }, 2024), 0, "not high-tech")
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm{ extra = { vat_small_scale = true } }, 2024), 0, "small-scale payer")
end)

test("p32_export_refund_service: 3 工作日 for 一类、二类 to 2024年底, 6 for all to 2027", function(t)
  local class1 = t.firm{ extra = { exporter = true, export_class = 1 } }
  local class3 = t.firm{ extra = { exporter = true, export_class = 3 } }
  t.eq(t.pay("p32_export_refund_service", class1, 2023), 3)
  t.eq(t.pay("p32_export_refund_service", class3, 2023), 6)
  t.eq(t.pay("p32_export_refund_service", class1, 2024), 3, "the year the 3-day clause ends")
  t.eq(t.pay("p32_export_refund_service", class1, 2025), 6, "after it, the 6-day standard")
  t.eq(t.pay("p32_export_refund_service", class3, 2027), 6, "the row's 实施阶段 end")
  t.eq(t.pay("p32_export_refund_service", class3, 2028), 0, "the year after")
  t.eq(t.pay("p32_export_refund_service", t.firm{}, 2023), 0, "not an exporter")
end)

test("p32_fx_hedge_guarantee: 8% for small and micro foreign-trade firms", function(t)
  local trader = t.firm{ kind = "enterprise", industry = "C3311", employees = 50,
                         revenue = { [2024] = 10000000 }, assets = { [2024] = 20000000 },
                         extra = { foreign_trade = true } }
  t.eq(t.pay("p32_fx_hedge_guarantee", trader, 2024), 8)
  t.eq(t.pay("p32_fx_hedge_guarantee", trader, 2022), 0, "before the period")
  local domestic = t.firm{ kind = "enterprise", industry = "C3311", employees = 50,
                           revenue = { [2024] = 10000000 }, assets = { [2024] = 20000000 } }
  t.eq(t.pay("p32_fx_hedge_guarantee", domestic, 2024), 0, "not a foreign-trade firm")
  local large = t.firm{ kind = "enterprise", industry = "C3311", employees = 2000,
                        revenue = { [2024] = 1e9 }, assets = { [2024] = 1e9 }, extra = { foreign_trade = true } }
  t.eq(t.pay("p32_fx_hedge_guarantee", large, 2024), 0, "not small or micro")
end)

test("p32_ib_to_firm_bookkeeping: three years after 个转企", function(t)
  local firm = t.firm{ kind = "enterprise", extra = { converted_from_individual = 2023 } }
  t.eq(t.pay("p32_ib_to_firm_bookkeeping", firm, 2023), 3)
  t.eq(t.pay("p32_ib_to_firm_bookkeeping", firm, 2025), 1, "the last free year")
  t.eq(t.pay("p32_ib_to_firm_bookkeeping", firm, 2026), 0, "the year after")
  t.eq(t.pay("p32_ib_to_firm_bookkeeping", firm, 2022), 0, "before conversion")
  t.eq(t.pay("p32_ib_to_firm_bookkeeping", t.firm{ kind = "enterprise" }, 2023), 0, "not converted")
  t.eq(t.pay("p32_ib_to_firm_bookkeeping", t.firm{ kind = "individual_business",
    extra = { converted_from_individual = 2023 } }, 2023), 0, "still an individual business")
end)

test("p32_key_project_limit: 3 projects for consortium leads and tech leaders", function(t)
  t.eq(t.pay("p32_key_project_limit", t.firm{ extra = { tech_leader = true } }, 2024), 3)
  t.eq(t.pay("p32_key_project_limit", t.firm{ extra = { innovation_consortium_lead = true } }, 2030), 3)
  t.eq(t.pay("p32_key_project_limit", t.firm{}, 2024), 0)
end)

test("private32: one firm in several rules", function(t)
  -- a small high-tech manufacturer with R&D expenses that also exports (一类/二类: class 2)
  local firm = t.firm{
    kind = "enterprise", industry = "C3841", employees = 80, high_tech_until = "2026-12-31",
    revenue = { [2025] = 15000000 }, assets = { [2025] = 30000000 },
    extra = { taxable_income = { [2025] = 1500000 }, rd_expense = { [2025] = 900000 },
              exporter = true, export_class = 2 },
  }
  t.eq(t.pay("p32_cit_small_low_profit", firm, 2025), 25)
  t.eq(t.pay("p32_six_taxes_two_fees", firm, 2025), 50)
  t.eq(t.pay("p32_rd_super_deduction", firm, 2025), 100)
  t.eq(t.pay("p32_advanced_mfg_vat_credit", firm, 2025), 5)
  t.eq(t.pay("p32_export_refund_service", firm, 2025), 6, "3 days ended 2024年底; 6 days run to 2027")
  t.eq(t.pay("p32_ib_iit_half", firm, 2025), 0, "not an individual business")
  local b = t.plugin.benefits
  local n = 0
  for _, x in ipairs(b) do if x.doc == "private32" then n = n + 1 end end
  t.eq(n, 12)
end)

test("private32 benefits: bounds and the period's first year", function(t)
  -- 小型微利企业: the thresholds themselves are within
  t.eq(t.pay("p32_cit_small_low_profit", small_low_profit_firm(t, { employees = 300 }), 2023), 25, "300 staff")
  t.eq(t.pay("p32_cit_small_low_profit", small_low_profit_firm(t, { assets = { [2023] = 50000000 } }), 2023), 25,
    "5000万元 of assets")
  t.eq(t.pay("p32_cit_small_low_profit", small_low_profit_firm(t, { assets = {} }), 2023), 0, "assets unknown")
  -- before 2023-01-01 nothing applies
  t.eq(t.pay("p32_six_taxes_two_fees", t.firm{ kind = "individual_business" }, 2022), 0)
  t.eq(t.pay("p32_microloan_interest_vat", t.firm{ extra = { financial_institution = true } }, 2022), 0)
  t.eq(t.pay("p32_guarantee_vat", t.firm{ extra = { guarantee_institution = true } }, 2022), 0)
  local small = t.firm{ industry = "C3311", employees = 50, revenue = { [2022] = 1e7, [2023] = 1e7 },
                        assets = { [2022] = 2e7, [2023] = 2e7 } }
  t.eq(t.pay("p32_loan_contract_stamp", small, 2022), 0)
  t.eq(t.pay("p32_loan_contract_stamp", small, 2023), 100, "the first year")
  local function ib(income, year)
    return t.firm{ kind = "individual_business", extra = { taxable_income = { [year] = income } } }
  end
  t.eq(t.pay("p32_ib_iit_half", ib(100000, 2022), 2022), 0)
  t.eq(t.pay("p32_ib_iit_half", ib(30000, 2023), 2023), 750)           -- 30000 × 5% / 2, a bracket's edge
  t.eq(t.pay("p32_ib_iit_half", ib(2000001, 2023), 2023), 317250)      -- one yuan over the cap: the cap's tax
  -- 先进制造业: a certificate valid on the year's first day counts
  t.eq(t.pay("p32_advanced_mfg_vat_credit", t.firm{ industry = "C3311", high_tech_until = "2024-01-01" }, 2024), 5)
  t.eq(t.pay("p32_advanced_mfg_vat_credit", t.firm{ industry = "C3311", high_tech_until = "2023-12-31" }, 2024), 0)
  -- 出口退税: class 2 is 3 days, an exporter of unknown class 6, nothing before the period
  t.eq(t.pay("p32_export_refund_service", t.firm{ extra = { exporter = true, export_class = 2 } }, 2024), 3)
  t.eq(t.pay("p32_export_refund_service", t.firm{ extra = { exporter = true } }, 2024), 6)
  t.eq(t.pay("p32_export_refund_service", t.firm{ extra = { exporter = true, export_class = 1 } }, 2022), 0)
  -- 汇率避险担保: a foreign-trade firm of unknown size is not paid
  t.eq(t.pay("p32_fx_hedge_guarantee", t.firm{ extra = { foreign_trade = true } }, 2024), 0)
  t.eq(t.pay("p32_key_project_limit", t.firm{ extra = { tech_leader = true } }, 2022), 0)
  t.eq(t.pay("p32_ib_to_firm_bookkeeping", t.firm{ extra = { converted_from_individual = 2024 } }, 2024), 3)
  t.eq(t.pay("p32_ib_to_firm_bookkeeping", t.firm{ extra = { converted_from_individual = 2022 } }, 2022), 0)
end)
