-- Tests of friendly2023 (温州市人民政府关于创建中小微企业友好城市的实施意见) and its benefits.
-- Counts are from reading the text: 30 numbered tasks in 七大友好体系; 18 numbers in
-- 一、总体要求 (一)…(五) and 3 inside tasks 16, 22 and 28.

test("friendly2023: 30 measures, 21 targets, 7 groups", function(t)
  local d = t.doc("friendly2023")
  t.eq(#d.measures, 30)
  t.eq(#d.targets, 21)
  t.eq(#d.groups, 7)
  local per_group = {}
  for _, m in ipairs(d.measures) do
    per_group[m.group] = (per_group[m.group] or 0) + 1
  end
  -- (一) 1-4, (二) 5-10, (三) 11-14, (四) 15-18, (五) 19-22, (六) 23-26, (七) 27-30
  t.eq(per_group.G1, 4); t.eq(per_group.G2, 6); t.eq(per_group.G3, 4); t.eq(per_group.G4, 4)
  t.eq(per_group.G5, 4); t.eq(per_group.G6, 4); t.eq(per_group.G7, 4)
  local in_overall = 0
  for _, x in ipairs(d.targets) do
    if x.section:sub(1, #"一、") == "一、" then in_overall = in_overall + 1 end
  end
  t.eq(in_overall, 18)
end)

test("friendly2023: metadata and lead rule", function(t)
  local d = t.doc("friendly2023")
  t.eq(d.issuer, "温州市人民政府")
  t.eq(d.issued, "2023-10-12")
  t.eq(d.period_end, "2025-12-31")
  t.eq(d.lead_rule, "explicit")
  for _, m in ipairs(d.measures) do
    t.eq(#(m.lead_units or {}), 0, m.id .. " names no lead")
    t.ok(#m.responsible_units >= 1, m.id .. " has responsible units")
    t.ok(not m.text:find("责任单位", 1, true), m.id .. " text excludes the 责任单位 list")
    t.ok(not m.text:find("[%(%)]%a"), m.id .. " text has no pinyin")
  end
  t.eq(d.groups[1].name, "创业扶持友好")     -- heading repaired from ?。ㄒ唬﹦?chuàng)業
  t.eq(d.groups[7].name, "权益保护友好")
end)

test("friendly2023: measures as numbered", function(t)
  local d = t.doc("friendly2023")
  local m1, m5, m30 = d.measures[1], d.measures[5], d.measures[30]
  t.eq(m1.section, "二、(一) 1")
  t.eq(m1.title, "支持创业创新")
  t.eq(table.concat(m1.responsible_units, "、"), "市经信局、市人力社保局、温州农商银行")
  t.eq(m5.section, "二、(二) 5")
  t.eq(m5.title, "实施中小微企业“满天星”梯度培育计划")
  t.eq(m5.responsible_units[5], "各县(市、区)政府")
  t.eq(m30.section, "二、(七) 30")
  t.eq(m30.responsible_units[1], "市检察院")
  t.eq(#m30.responsible_units, 6)
  t.eq(d.measures[2].responsible_units[1], "市委组织部(市委人才办)")
  -- the two mojibake spans, repaired
  t.ok(d.measures[12].text:find("一批小微企业加入协作配套", 1, true))
  t.ok(d.measures[22].text:find("健全政府性融资担保考核评价体系", 1, true))
  t.eq(#d.measures[19].responsible_units, 4)
  t.eq(d.measures[19].responsible_units[4], "国家金融监管总局温州监管分局")
end)

test("friendly2023: target values", function(t)
  local d = t.doc("friendly2023")
  local T = function(id) return t.by_id(d.targets, id) end
  t.eq(T("T01").value, 100000); t.eq(T("T01").indicator, "new_smes")
  t.eq(T("T02").value, 10000); t.eq(T("T02").comparator, ">=")
  t.eq(T("T07").value, 150)
  t.eq(T("T08").value, 4000)
  t.eq(T("T09").value, 1100000000000); t.eq(T("T09").unit, "元"); t.eq(T("T09").kind, "level")
  t.eq(T("T10").value, 18000); t.eq(T("T10").unit, "户")
  t.eq(T("T11").value, 30000000000)
  t.eq(T("T12").value, 180000000000)
  t.eq(T("T13").value, 40); t.eq(T("T13").unit, "个")
  t.eq(T("T14").value, 6000000); t.eq(T("T14").unit, "平方米")
  t.eq(T("T15").value, 5000000)
  t.eq(T("T16").value, 80000000000)
  t.eq(T("T17").value, 5); t.eq(T("T17").quote, "五大传统支柱行业均设立“企检服务中心”")
  t.eq(T("T18").value, 100); t.eq(T("T18").unit, "%")
  t.eq(T("T19").value, 20); t.eq(T("T19").measure, "M16")
  t.eq(T("T20").value, 1); t.eq(T("T20").comparator, "<="); t.eq(T("T20").measure, "M22")
  t.eq(T("T21").value, 95); t.eq(T("T21").comparator, "~")
  t.eq(T("T21").indicator, "company_form_share"); t.eq(T("T21").measure, "M28")
  -- 累计培育 … : levels at end-2025, as the catalog's stock indicators and private32 R23
  for _, id in ipairs({ "T04", "T05", "T06", "T07" }) do t.eq(T(id).kind, "level", id) end
  t.eq(T("T01").kind, "cumulative_new")
  -- inside a measure: T19-T21 only; no target names a lead unit
  for _, x in ipairs(d.targets) do
    t.eq(x.lead_unit, nil, x.id)
    t.eq(x.measure ~= nil, x.section:sub(1, #"二、") == "二、", x.id .. " measure set iff inside a task")
  end
  for _, x in ipairs(d.targets) do
    t.eq(x.deadline, "2025-12-31", x.id)
  end
end)

test("friendly2023: source text carries the quotes", function(t)
  local s = t.source_text("wenzhou_sme_friendly_city_2023.txt")
  t.ok(s:find("小微企业贷款余额超1.1万亿元", 1, true))
  t.ok(s:find("对首次“小升规”企业首年奖励20万元", 1, true))
end)

-- Benefits --------------------------------------------------------------------------------

test("人才创业贷款: 最高300万元", function(t)
  local f = t.firm{ extra = { founder_talent = "high_level" } }
  t.eq(t.pay("wz_talent_startup_loan", f, 2024), 3000000)
  local g = t.firm{ extra = { founder_talent = "high_degree", loan_requested = 1200000 } }
  t.eq(t.pay("wz_talent_startup_loan", g, 2024), 1200000)
  t.eq(t.pay("wz_talent_startup_loan", t.firm{ extra = { founder_talent = "high_level", loan_requested = 5e6 } }, 2024),
       3000000)
  t.eq(t.pay("wz_talent_startup_loan", t.firm{}, 2024), 0)           -- no talent founder
  t.eq(t.pay("wz_talent_startup_loan", f, 2022), 0)                  -- before the document
end)

test("创业之星: 最高1000万元 in the year of selection", function(t)
  local f = t.firm{ extra = { startup_star_year = 2024 } }
  t.eq(t.pay("wz_startup_star_loan", f, 2024), 10000000)
  t.eq(t.pay("wz_startup_star_loan", f, 2025), 0)
  t.eq(t.pay("wz_startup_star_loan", t.firm{}, 2024), 0)
end)

test("服务机构补助: 最高20万元 per project", function(t)
  local f = t.firm{ extra = { service_institution = true, startup_service_projects = {
    { year = 2024, amount = 150000 }, { year = 2024 }, { year = 2024, amount = 900000 }, { year = 2025 },
  } } }
  t.eq(t.pay("wz_startup_service_subsidy", f, 2024), 150000 + 200000 + 200000)
  t.eq(t.pay("wz_startup_service_subsidy", f, 2025), 200000)
  t.eq(t.pay("wz_startup_service_subsidy", f, 2026), 0)              -- no project that year
  local g = t.firm{ extra = { startup_service_projects = { { year = 2024 } } } }
  t.eq(t.pay("wz_startup_service_subsidy", g, 2024), 0)              -- not a service institution
end)

test("小升规: 20万 first year, 10万 in each of the next two while sales grow", function(t)
  local f = t.firm{ above_scale_since = 2024,
                    revenue = { [2023] = 9e6, [2024] = 2.1e7, [2025] = 2.5e7, [2026] = 2.6e7, [2027] = 3e7 } }
  t.eq(t.pay("wz_xsg_award", f, 2023), 0)                             -- not yet above scale
  t.eq(t.pay("wz_xsg_award", f, 2024), 200000)
  t.eq(t.pay("wz_xsg_award", f, 2025), 100000)
  t.eq(t.pay("wz_xsg_award", f, 2026), 100000)                        -- last year of the rule
  local amount, reason = t.pay("wz_xsg_award", f, 2027)               -- the rule has ended
  t.eq(amount, 0)
  t.ok(reason and reason:find("2026", 1, true), "reason names the last year")
  local g = t.firm{ above_scale_since = 2024,
                    revenue = { [2023] = 9e6, [2024] = 2.1e7, [2025] = 2.1e7, [2026] = 2.0e7 } }
  t.eq(t.pay("wz_xsg_award", g, 2025), 0)                             -- flat sales: no growth
  t.eq(t.pay("wz_xsg_award", g, 2026), 0)                             -- falling sales
  local h = t.firm{ above_scale_since = 2024, revenue = { [2024] = 2.1e7, [2025] = 2.5e7 },
                    extra = { previously_above_scale = true } }
  t.eq(t.pay("wz_xsg_award", h, 2024), 0)                             -- not 首次
  local e = t.firm{ above_scale_since = 2023, revenue = { [2022] = 1e7, [2023] = 2.2e7 } }
  t.eq(t.pay("wz_xsg_award", e, 2023), 200000)                        -- first year of the document
  local old = t.firm{ above_scale_since = 2022, revenue = { [2022] = 2.1e7, [2023] = 2.5e7 } }
  t.eq(t.pay("wz_xsg_award", old, 2023), 100000)                      -- 小升规 before the document: 后两年
  t.eq(t.pay("wz_xsg_award", t.firm{}, 2024), 0)                      -- never above scale
end)

test("小升规 高新技术企业: 10万 more in the 小升规 year", function(t)
  local f = t.firm{ above_scale_since = 2024, high_tech_until = "2026-05-31" }
  t.eq(t.pay("wz_xsg_high_tech_bonus", f, 2024), 100000)
  t.eq(t.pay("wz_xsg_high_tech_bonus", f, 2025), 0)                   -- only the 小升规 year
  local g = t.firm{ above_scale_since = 2024, high_tech_until = "2024-06-30" }
  t.eq(t.pay("wz_xsg_high_tech_bonus", g, 2024), 0)                   -- certificate expired in the year
  local h = t.firm{ above_scale_since = 2024, high_tech_until = "2024-12-31" }
  t.eq(t.pay("wz_xsg_high_tech_bonus", h, 2024), 100000)              -- valid on the last day
  t.eq(t.pay("wz_xsg_high_tech_bonus", t.firm{ above_scale_since = 2024 }, 2024), 0)
end)

test("政府质量奖: 300/200/100万元 for a newly won level", function(t)
  local function award(level, year) return { level = level, name = "政府质量奖", year = year } end
  t.eq(t.pay("wz_quality_award", t.firm{ awards = { award("national", 2024) } }, 2024), 3000000)
  t.eq(t.pay("wz_quality_award", t.firm{ awards = { award("provincial", 2024) } }, 2024), 2000000)
  t.eq(t.pay("wz_quality_award", t.firm{ awards = { award("municipal", 2024) } }, 2024), 1000000)
  t.eq(t.pay("wz_quality_award", t.firm{ awards = { award("national", 2025), award("municipal", 2025) } }, 2025),
       4000000)
  local again = t.firm{ awards = { award("municipal", 2024), award("municipal", 2026) } }
  t.eq(t.pay("wz_quality_award", again, 2026), 0)                      -- not 新获得
  local up = t.firm{ awards = { award("municipal", 2024), award("provincial", 2025) } }
  t.eq(t.pay("wz_quality_award", up, 2025), 2000000)
  t.eq(t.pay("wz_quality_award", t.firm{ awards = { { level = "provincial", name = "科技进步奖", year = 2024 } } },
             2024), 0)                                                 -- not a quality award
  t.eq(t.pay("wz_quality_award", t.firm{ awards = { award("national", 2024) } }, 2025), 0)  -- other year
  t.eq(t.pay("wz_quality_award", t.firm{ awards = { award("national", 2022) } }, 2022), 0)  -- before
end)

test("信用贷款基础授信: 100万元 new firms, 1000万元 小升规", function(t)
  local f = t.firm{ kind = "enterprise", founded = "2024-03-01" }
  t.eq(t.pay("wz_new_firm_credit_line", f, 2024), 1000000)
  t.eq(t.pay("wz_new_firm_credit_line", f, 2025), 0)
  t.eq(t.pay("wz_new_firm_credit_line", t.firm{ kind = "enterprise", founded = "2023-11-01" }, 2023), 1000000)
  t.eq(t.pay("wz_new_firm_credit_line", t.firm{ kind = "enterprise", founded = "2023-05-01" }, 2023), 0)
  t.eq(t.pay("wz_new_firm_credit_line", t.firm{ kind = "individual_business", founded = "2024-03-01" }, 2024), 0)
  local g = t.firm{ above_scale_since = 2024 }
  t.eq(t.pay("wz_xsg_credit_line", g, 2024), 10000000)
  t.eq(t.pay("wz_xsg_credit_line", g, 2025), 0)
  t.eq(t.pay("wz_xsg_credit_line", t.firm{}, 2024), 0)
end)

test("政府性融资担保: 平均担保费率1%以下 for 单户1000万元以下 small and micro firms", function(t)
  local base = { industry = "C3311", employees = 50, revenue = { [2023] = 1e7, [2024] = 1e7 } }
  local function firm(extra)
    return t.firm{ industry = base.industry, employees = base.employees, revenue = base.revenue, extra = extra }
  end
  t.eq(t.pay("wz_guarantee_fee_cap", firm{ government_guarantee = true, guarantee_amount = 10000000 }, 2024), 1)
  t.eq(t.pay("wz_guarantee_fee_cap", firm{ government_guarantee = true, guarantee_amount = 10000001 }, 2024), 0)
  t.eq(t.pay("wz_guarantee_fee_cap", firm{ guarantee_amount = 5000000 }, 2024), 0)   -- not a government guarantor
  local medium = t.firm{ industry = "C3311", employees = 500, revenue = { [2023] = 1e8, [2024] = 1e8 },
                         extra = { government_guarantee = true, guarantee_amount = 5000000 } }
  t.eq(t.pay("wz_guarantee_fee_cap", medium, 2024), 0)                 -- medium-sized firm
end)

test("省数字化建设示范园区: 50万元 to the operator", function(t)
  local f = t.firm{ extra = { park_operator = true, digital_demo_park_year = 2024 } }
  t.eq(t.pay("wz_digital_park_award", f, 2024), 500000)
  t.eq(t.pay("wz_digital_park_award", f, 2025), 0)
  t.eq(t.pay("wz_digital_park_award", t.firm{ extra = { digital_demo_park_year = 2024 } }, 2024), 0)
end)

test("免费基础代理记账: 个转企 three years, new firms the first year", function(t)
  local f = t.firm{ extra = { individual_to_firm_year = 2024 } }
  t.eq(t.pay("wz_itf_free_bookkeeping", f, 2023), 0)
  t.eq(t.pay("wz_itf_free_bookkeeping", f, 2024), 1)
  t.eq(t.pay("wz_itf_free_bookkeeping", f, 2026), 1)                  -- third and last year
  t.eq(t.pay("wz_itf_free_bookkeeping", f, 2027), 0)                  -- the rule has ended
  t.eq(t.pay("wz_itf_free_bookkeeping", t.firm{ extra = { individual_to_firm_year = 2022 } }, 2023), 0)
  t.eq(t.pay("wz_itf_free_bookkeeping", t.firm{}, 2024), 0)
  local g = t.firm{ kind = "enterprise", founded = "2024-02-01" }
  t.eq(t.pay("wz_new_firm_free_bookkeeping", g, 2024), 1)
  t.eq(t.pay("wz_new_firm_free_bookkeeping", g, 2025), 0)
end)

test("sample firm: cash benefits of friendly2023 in 2024 and 2025", function(t)
  local firm = t.firm{
    kind = "enterprise", founded = "2016-04-01", industry = "C3311", employees = 120,
    above_scale_since = 2024, high_tech_until = "2026-12-31",
    revenue = { [2023] = 1.8e7, [2024] = 2.3e7, [2025] = 2.6e7 },
    awards = { { level = "provincial", name = "浙江省政府质量奖", year = 2024 } },
  }
  local cash = { "wz_startup_service_subsidy", "wz_xsg_award", "wz_xsg_high_tech_bonus",
                 "wz_quality_award", "wz_digital_park_award" }
  local function sum(year)
    local s = 0
    for _, id in ipairs(cash) do s = s + t.pay(id, firm, year) end
    return s
  end
  t.eq(sum(2024), 200000 + 100000 + 2000000)
  t.eq(sum(2025), 100000)
  t.eq(t.pay("wz_xsg_credit_line", firm, 2024), 10000000)              -- a credit line, not cash
  t.eq(t.pay("wz_new_firm_credit_line", firm, 2024), 0)
end)

test("friendly2023 benefits and reports declared", function(t)
  local ids = {}
  for _, b in pairs(t.plugin.benefits) do
    if b.doc == "friendly2023" then ids[#ids + 1] = b.id end
  end
  t.eq(#ids, 12)
  local set = {}
  for _, id in ipairs(ids) do set[id] = true end
  t.ok(not set.wz_startup_base_support, "综合扶持 has no amount: not a benefit")
  local reps = {}
  for _, r in pairs(t.plugin.reports) do
    if r.doc == "friendly2023" then reps[r.id] = r.frequency end
  end
  t.eq(reps.monthly, "monthly")
  t.eq(reps.quarterly, "quarterly")
  t.eq(reps.assessment, "annual")
  t.eq(reps.evaluation, "periodic")
end)

-- Edges of each rule: the issue year, the bound itself, each condition failing -------------

test("人才创业贷款, 创业之星, 服务机构补助: edges", function(t)
  local f = t.firm{ extra = { founder_talent = "high_level", loan_requested = 3000000 } }
  t.eq(t.pay("wz_talent_startup_loan", f, 2023), 3000000)              -- the issue year; asked = the cap
  t.eq(t.pay("wz_talent_startup_loan", t.firm{ extra = { founder_talent = "other" } }, 2024), 0)
  t.eq(t.pay("wz_startup_star_loan", t.firm{ extra = { startup_star_year = 2023 } }, 2023), 10000000)
  t.eq(t.pay("wz_startup_star_loan", t.firm{ extra = { startup_star_year = 2022 } }, 2022), 0)  -- before
  t.eq(t.pay("wz_startup_star_loan", t.firm{ extra = { startup_star_year = 2024, loan_requested = 4e6 } }, 2024),
       4000000)                                                        -- asked below the cap
  local inst = t.firm{ extra = { service_institution = true,
    startup_service_projects = { { year = 2024, amount = 200000 }, { year = 2022 } } } }
  t.eq(t.pay("wz_startup_service_subsidy", inst, 2024), 200000)        -- exactly the cap
  t.eq(t.pay("wz_startup_service_subsidy", inst, 2022), 0)             -- before the document
end)

test("小升规: missing figures, the smallest growth, the 高新 bonus's conditions", function(t)
  local f = t.firm{ above_scale_since = 2024, revenue = { [2024] = 2.1e7, [2026] = 2.6e7 } }
  t.eq(t.pay("wz_xsg_award", f, 2025), 0)                             -- no 2025 figure
  t.eq(t.pay("wz_xsg_award", f, 2026), 0)                             -- nothing to compare 2026 with
  local g = t.firm{ above_scale_since = 2024, revenue = { [2024] = 2.1e7, [2025] = 2.1e7 + 1 } }
  t.eq(t.pay("wz_xsg_award", g, 2025), 100000)                        -- one yuan more is growth
  local h = t.firm{ above_scale_since = 2024, high_tech_until = "2026-12-31",
                    extra = { previously_above_scale = true } }
  t.eq(t.pay("wz_xsg_high_tech_bonus", h, 2024), 0)                   -- not 首次
  t.eq(t.pay("wz_xsg_high_tech_bonus", t.firm{ above_scale_since = 2022, high_tech_until = "2026-12-31" }, 2022),
       0)                                                             -- before the document
  local k = t.firm{ above_scale_since = 2025, high_tech_until = "2027-12-31", revenue = { [2025] = 3e7 } }
  t.eq(t.pay("wz_xsg_award", k, 2025) + t.pay("wz_xsg_high_tech_bonus", k, 2025), 300000)  -- they stack
end)

test("信用贷款基础授信, 担保费率, 示范园区, 代理记账: edges", function(t)
  t.eq(t.pay("wz_new_firm_credit_line", t.firm{ founded = "2023-10-12" }, 2023), 1000000)  -- the issue date
  t.eq(t.pay("wz_new_firm_credit_line", t.firm{ founded = "2023-10-11" }, 2023), 0)        -- the day before
  t.eq(t.pay("wz_new_firm_credit_line", t.firm{}, 2024), 0)                               -- founding date unknown
  t.eq(t.pay("wz_xsg_credit_line", t.firm{ above_scale_since = 2023 }, 2023), 10000000)
  t.eq(t.pay("wz_xsg_credit_line", t.firm{ above_scale_since = 2022 }, 2022), 0)          -- before the document
  local function small(year, extra)
    return t.firm{ industry = "C3311", employees = 50, revenue = { [year] = 1e7 }, extra = extra }
  end
  t.eq(t.pay("wz_guarantee_fee_cap", small(2023, { government_guarantee = true, guarantee_amount = 1 }), 2023), 1)
  t.eq(t.pay("wz_guarantee_fee_cap", small(2022, { government_guarantee = true, guarantee_amount = 1 }), 2022), 0)
  t.eq(t.pay("wz_guarantee_fee_cap", small(2024, { government_guarantee = true }), 2024), 0)  -- amount unknown
  t.eq(t.pay("wz_guarantee_fee_cap", t.firm{ extra = { government_guarantee = true, guarantee_amount = 1 } }, 2024),
       0)                                                             -- size unknown
  t.eq(t.pay("wz_digital_park_award", t.firm{ extra = { park_operator = true, digital_demo_park_year = 2023 } }, 2023),
       500000)
  t.eq(t.pay("wz_digital_park_award", t.firm{ extra = { park_operator = true, digital_demo_park_year = 2022 } }, 2022),
       0)                                                             -- before the document
  t.eq(t.pay("wz_new_firm_free_bookkeeping", t.firm{ kind = "individual_business", founded = "2024-02-01" }, 2024), 0)
  t.eq(t.pay("wz_new_firm_free_bookkeeping", t.firm{ founded = "2023-05-01" }, 2023), 0)  -- before the document
end)

test("reports: the 月度报送表 covers both documents", function(t)
  local monthly
  for _, r in ipairs(t.plugin.reports) do if r.id == "monthly" then monthly = r end end
  t.eq(monthly.covers.docs, { "friendly2023", "private32" })
  t.eq(monthly.covers.targets, "all")
  local from = {}
  for _, u in ipairs(monthly.from) do
    t.ok(not from[u], "reporter listed once: " .. u)
    from[u] = true
  end
  -- every responsible unit of both documents reports
  for _, id in ipairs({ "friendly2023", "private32" }) do
    for _, m in ipairs(t.doc(id).measures) do
      for _, u in ipairs(m.responsible_units) do t.ok(from[u], id .. " " .. m.id .. ": " .. u .. " reports") end
    end
  end
  for _, r in ipairs(t.plugin.reports) do
    if r.id ~= "monthly" then t.eq(r.covers.docs, { "friendly2023" }, r.id) end
  end
  for _, ind in ipairs(t.plugin.indicators) do
    t.ok(ind.code ~= "wz_company_form_share", "the catalog's company_form_share is used")
  end
end)

-- The text sets no cut-off date for the 小升规 year: a 2022 upgrade is paid the 后两年 awards that
-- fall while the clause is in force, and explain names the declared assumption that decides it.
test("小升规 in 2022 (before the document), sales growing in 2024: the 后两年 award in 2024", function(t)
  local firm = t.firm{ above_scale_since = 2022,
                       revenue = { [2021] = 9e6, [2022] = 2.1e7, [2023] = 2.3e7, [2024] = 2.6e7, [2025] = 3e7 } }
  local amount, why = t.pay("wz_xsg_award", firm, 2024)
  t.eq(amount, 100000)
  t.match(why, "wz_xsg_earliest_cohort", "the reason names the assumption")
  t.match(why, "原文未规定升规年份起点")
  t.eq(t.pay("wz_xsg_award", firm, 2023), 100000, "the first 后两年 year, also while in force")
  t.eq(t.pay("wz_xsg_award", firm, 2022), 0, "首年 2022: the clause was not yet in force")
  t.eq(t.pay("wz_xsg_award", firm, 2025), 0, "past 后两年")
  local flat = t.firm{ above_scale_since = 2022, revenue = { [2023] = 2.3e7, [2024] = 2.3e7 } }
  t.eq(t.pay("wz_xsg_award", flat, 2024), 0, "sales not growing")
  -- the assumption is a declared param with the clause it rests on
  local p
  for _, b in ipairs(t.plugin.benefits) do
    if b.id == "wz_xsg_award" then
      for _, x in ipairs(b.params) do if x.id == "wz_xsg_earliest_cohort" then p = x end end
    end
  end
  t.ok(p, "wz_xsg_award declares wz_xsg_earliest_cohort")
  t.eq({ p.unit, p.values[1].value }, { "年", 2021 })
  t.match(p.clause, "后两年销售额保持增长的奖励10万元")
end)
