-- luacheck: no max line length
-- 温州市落实浙江省促进民营经济高质量发展“32条”措施任务清单 (附件), 2023.
--
-- Source: shared/seeds/wenzhou_private_economy_tasks_2023.txt, a PDF table flattened to text,
-- one cell fragment per line. Columns: 序号 / 总体任务 / 重点工作 / 温州市目标 / 温州市落实举措 /
-- 实施阶段 / 责任单位 (* marks the lead) / 联系人. In texts (city_target, actions) the cell
-- fragments are joined and punctuation is written half-width (，→, ；→; （）→()), numbers without
-- the spaces the PDF puts around them.
-- Quotes: the host compares a quote with the normalized source with every blank and line break
-- removed on both sides, so a quote is the whole phrase of its target even where the table wraps
-- it over cells or pages; punctuation is as the source writes it (full-width ，).
--
-- Page breaks: a row that runs over a page is printed again on the next page with its 序号,
-- 总体任务, 重点工作, 温州市目标, 实施阶段, 责任单位 and 联系人 repeated; only the 落实举措 go on.
-- Rows 1, 3, 5, 8 and 24 are continued that way (落实举措 1-4 | 5-10, 1-6 | 7-11, 1-7 | 8-14,
-- 1-3 | 4-5, 1-8 | 9-16). Each row is one measure here; its 温州市目标 is kept once, its targets
-- are counted once, and its 落实举措 are the two pages' items in order. The page number (— 9 —),
-- the repeated header rows and the stray "195" above the first header are noise.
--
-- Measures: the 32 rows, R01-R32. The 重点工作 column holds only the provincial heading
-- ((一)强化财税政策保障 …), so title and text are that heading, key_work the heading with its
-- number; city_target is the 温州市目标 cell, actions the numbered 落实举措.
-- Leads: the starred units. Six rows name a single unit without a star (R04, R08, R10, R11,
-- R15, R21); that sole unit is taken as the lead.
--
-- Targets (121): the rule, applied to all 32 rows (a comment above each row's targets says what
-- it encodes and leaves out). Every number a row commits to is a target, one per number, in the
-- 温州市目标 column and in the 落实举措 column alike: a count to reach, to select, to build, to
-- optimise or to hold (R17 77个重点展会, 16条出入境举措; R24 100人以上的专家库; R26 11个指标 … 应用场景),
-- a rate to reach (R06 随迁子女100%入学; R11 预留份额40%以上; R05 担保比例提高至8%), an amount of
-- support to apply for (R03 申请100%/60%/40%计划指标保障; R18 申报…专项资金支持500万元以上). Every row
-- has a 实施阶段, so every such number has a deadline, read from the clause that carries it:
--   * the year of that clause (2023年, 到2023年底, 2023年底前, 到2025年, 到2027年; 年底前 = end-2023,
--     the table's year). A year governs its own clause and the clauses after it in its sentence,
--     not a clause before it: in R01 举措 3 the 2024年底 closes the 3-day clause (…3个工作日内政策
--     延续实施至2024年底), so the 6-day clause before it has no year. Where a sentence reads two
--     ways, the nearer reading is encoded and the other is in the target's note (T001, T040, T074,
--     T077);
--   * else the row's 实施阶段 end (2023-2027年 → 2027-12-31, 2023-2025(年) → 2025-12-31, 2023年 →
--     2023-12-31);
--   * else, for 长期实施, the table's period end (2027-12-31).
--   A year that only bounds a scope (排查2023年以来招投标项目) is not a deadline; a 每年 goal has
--   every = "year" and the deadline above.
-- Left out, because the text does not commit to the number:
--   * a count that describes an existing list, place, grade or programme: R07 3类项目清单; R13
--     十大行动, 五方主体; R14 9个试点地区; R22 第二批, 三个全覆盖; R23 四星、五星级园区; R24 五大传统
--     支柱行业, 第一批; R25 八个允许/八个不准/八个不得; R30 “千名人才库” (a programme's name); R32 12个
--     推广试点城市; figures in names (“8+4”, “510+”, “1+N”, “5+5+N”, “315”, “十个一批”, 96666, 12345);
--   * the size of a catalogue: R27 842项 (the extent of the 不予行政处罚事项目录);
--   * a threshold or scope that selects what a measure serves: R04 0.52吨标准煤/万元; R11 400万元以上;
--     R18 1000万美金以上; the 5% from which R05's ratio is raised;
--   * a limit granted to firms, not a goal: R08 在研项目数可以突破2项限制, 最多可达3项; R20 “个转企”
--     三年免费基础代理记账 (a benefit's term);
--   * the length of an action: R27 为期六个月的专项整治行动;
--   * R01's 温州市目标 cell, the provincial tax policies (25%, 200万元, 100%, 5%, to 2027年底): rules
--     for firms, encoded as benefits (benefits_private32.lua);
--   * goals without a number: 贷款增速高于各项贷款增速; 普惠小微贷款支持工具延期至2024年末; 业务规模
--     保持全省前列; 压缩通关时长至低于全省平均水平; 民间投资增速好于上半年, 力争超过省平均水平.
-- One commitment, one target: rows 1, 3, 5, 8 and 24 print their 温州市目标 cell twice (page
-- breaks), and four commitments are stated twice within a row; each is encoded once (the host refuses
-- a pair): R06 目标 5 全市新增高校毕业生12万人 = 目标 1 (T021); R06 举措 3 优选2家以上…授予
-- 中级职称自主评审权限 = 目标 2 (T022); R08 目标 3 2023年…不少于70% = 举措 3 每年…达到70%以上 (T048,
-- every year); R24 目标 5 形成不少于6个重点产业的合规指引 = 举措 8 确保年底前完成6部 (T095, end-2023).
-- Ids are stable: the duplicates' ids (T030, T039, T091) are not reused; the 落实举措 targets added
-- under this rule are T107-T124, listed in their rows.
-- Other judgement calls, each also noted on its target:
--   * 民营经济贷款和小微企业贷款均新增800亿元以上: one number for two quantities, two targets.
--   * Ranks are numbers: 排名全省前三, 全省第一, 全国前三 are targets in 位 with "<=".
--   * 占全省比重超六分之一 is a target of 100/6 %; R26 1-2个 is at least 1.
--   * 累计培育创新型中小企业5000家 … are levels at end-2025 (the catalog indicators are levels).

-- Indicators of this document that the common catalog does not carry ------------------------

indicator{ code = "wz_p32_export_refund_days", name = "出口企业正常出口退税平均办理时间", unit = "个工作日", flow = false }
indicator{ code = "wz_p32_export_refund_days_class12", name = "一类、二类出口企业正常出口退(免)税平均办理时间", unit = "个工作日", flow = false }
indicator{ code = "wz_p32_city_funds_private_share", name = "市级政府产业基金投向民间投资项目比重", unit = "%", flow = false,
  description = "温州市重点产业发展基金、温州市科创基金、温州市国资创新基金投向民间投资项目的比重" }
indicator{ code = "wz_p32_sjtx_mother_fund_private_share", name = "浙江省“专精特新”(温州)母基金投向民间投资项目比重", unit = "%", flow = false }
indicator{ code = "wz_p32_industrial_land_private_share", name = "工业供地中民营企业占比", unit = "%", flow = false }
indicator{ code = "wz_p32_data_land_firms", name = "“数据得地”供地企业数", unit = "家", flow = true }
indicator{ code = "wz_p32_data_land_area", name = "“数据得地”供地面积", unit = "亩", flow = true }
indicator{ code = "wz_p32_new_energy_use_private_share", name = "新增能耗支持民间投资项目比重", unit = "%", flow = false,
  description = "当年新增能耗中用于民间投资项目的比重" }
indicator{ code = "wz_p32_private_economy_loans_new", name = "新增民营经济贷款", unit = "元", flow = true }
indicator{ code = "wz_p32_shuangbao_loans_issued", name = "“双保”助力贷款新发放额", unit = "元", flow = true }
indicator{ code = "wz_p32_continuous_flexible_loan_share", name = "“连续贷+灵活贷”占企业流动资金贷款比例", unit = "%", flow = false }
indicator{ code = "wz_p32_individual_business_loan_balance", name = "个体工商户贷款余额", unit = "元", flow = false }
indicator{ code = "wz_p32_individual_business_loan_province_share", name = "个体工商户贷款余额占全省比重", unit = "%", flow = false }
indicator{ code = "wz_p32_gov_guarantee_balance", name = "政府性融资担保支农支小余额", unit = "元", flow = false }
indicator{ code = "wz_p32_microcredit_inclusive_share", name = "小贷公司新发放贷款中支农支小普惠金融贷款占比", unit = "%", flow = false }
indicator{ code = "wz_p32_kechuang_index_credit_balance", name = "“科创指数”融资模式授信余额", unit = "元", flow = false }
indicator{ code = "wz_p32_two_healthy_points_loan_balance", name = "“两个健康”积分贷余额", unit = "元", flow = false }
indicator{ code = "wz_p32_academicians_experts", name = "引育全职院士和“鲲鹏行动”专家数", unit = "名", flow = true }
indicator{ code = "wz_p32_college_graduates_new", name = "新增高校毕业生", unit = "人", flow = true }
indicator{ code = "wz_p32_private_title_review_firms", name = "新授予中级职称自主评审权限的规上民营企业数", unit = "家", flow = true }
indicator{ code = "wz_p32_vocational_training", name = "职业技能培训人次", unit = "人次", flow = true }
indicator{ code = "wz_p32_skilled_talents_new", name = "新增技能人才", unit = "人", flow = true }
indicator{ code = "wz_p32_order_classes", name = "技工院校与企业合办“订单班”“冠名班”数", unit = "个", flow = true }
indicator{ code = "wz_p32_order_class_students", name = "“订单班”“冠名班”在读学生数", unit = "人", flow = false }
indicator{ code = "wz_p32_tech_school_partner_firms", name = "技工院校合作企业数", unit = "家", flow = false }
indicator{ code = "wz_p32_industry_colleges", name = "技工院校与企业共同成立的产业学院数", unit = "个", flow = true }
indicator{ code = "wz_p32_enterprise_colleges", name = "技工院校与企业共同成立的企业学院数", unit = "个", flow = true }
indicator{ code = "wz_p32_integration_firms", name = "市级以上(含市级)产教融合型企业数", unit = "家", flow = false }
indicator{ code = "wz_p32_projects_promoted_private", name = "向民间资本推介项目数", unit = "个", flow = true }
indicator{ code = "wz_p32_key_lab_applications_private", name = "支持民企牵头或共建申报全省重点实验室数", unit = "家", flow = true }
indicator{ code = "wz_p32_joint_labs_private", name = "省级新型研发机构与民企共建联合实验室、研发机构数", unit = "家", flow = true }
indicator{ code = "wz_p32_basic_research_share_rank", name = "基础研究经费占研发经费比重全省排名", unit = "位", flow = false }
indicator{ code = "wz_p32_basic_research_input", name = "全社会基础研究投入", unit = "元", flow = true }
indicator{ code = "wz_p32_major_sci_projects_firm_share", name = "企业牵头参与的市重大科技项目数占比", unit = "%", flow = false }
indicator{ code = "wz_p32_above_scale_rd_revenue_ratio", name = "规上工业企业研发费用占营业收入比例", unit = "%", flow = false }
indicator{ code = "wz_p32_tech_innovation_centers_private", name = "民营企业牵头或核心共建的省技术创新中心数", unit = "家", flow = true }
indicator{ code = "wz_p32_tech_leader_applicants", name = "支持申报省科技领军企业的民营企业数", unit = "家", flow = true }
indicator{ code = "wz_p32_tech_little_giant_applicants", name = "支持申报省科技小巨人企业的民营企业数", unit = "家", flow = true }
indicator{ code = "wz_p32_high_tech_applicants", name = "支持申报国家高新技术企业的民营企业数", unit = "家", flow = true }
indicator{ code = "wz_p32_tech_sme_applicants", name = "支持申报省科技型中小企业的民营企业数", unit = "家", flow = true }
indicator{ code = "wz_p32_private_tech_trade", name = "民营企业技术交易额", unit = "元", flow = true }
indicator{ code = "wz_p32_rd_gdp_ratio", name = "R&D经费支出占GDP比重", unit = "%", flow = false }
indicator{ code = "wz_p32_tech_roadshows", name = "科技成果路演对接活动场次", unit = "场", flow = true }
indicator{ code = "wz_p32_equity_investment_institutions", name = "集聚股权投资机构数", unit = "家", flow = false }
indicator{ code = "wz_p32_managed_fund_size", name = "股权投资机构管理基金规模", unit = "元", flow = false }
indicator{ code = "wz_p32_registered_fund_size", name = "注册基金规模", unit = "元", flow = false }
indicator{ code = "wz_p32_gov_procurement_sme_amount", name = "政府采购授予中小企业合同金额", unit = "元", flow = true }
indicator{ code = "wz_p32_gov_procurement_sme_share", name = "政府采购授予中小企业合同金额占政府采购总额比例", unit = "%", flow = false }
indicator{ code = "wz_p32_gov_procurement_sme_share_increase", name = "政府采购授予中小企业合同占比比上年提高", unit = "个百分点", flow = false }
indicator{ code = "wz_p32_bidding_normative_docs", name = "招投标行政规范性文件总量", unit = "件", flow = false }
indicator{ code = "wz_p32_bidding_projects_checked_share", name = "招投标综合部门排查2023年以来招投标项目比例", unit = "%", flow = false }
indicator{ code = "wz_p32_market_expansion_firms", name = "组织参加境内外拓市场活动的企业数", unit = "家", flow = true }
indicator{ code = "wz_p32_market_expansion_events", name = "境内外拓市场活动场数", unit = "场", flow = true }
indicator{ code = "wz_p32_near_sea_routes_new", name = "新辟近洋航线数", unit = "条", flow = true }
indicator{ code = "wz_p32_odi_key_projects_served", name = "重点服务的对外投资重点关注项目数", unit = "个", flow = true,
  description = "对外投资1000万美金以上的重点关注项目" }
indicator{ code = "wz_p32_silk_road_events", name = "“丝路护航”活动场数", unit = "场", flow = true }
indicator{ code = "wz_p32_online_retail_sales", name = "网络零售额", unit = "元", flow = true }
indicator{ code = "wz_p32_green_live_rooms", name = "培育绿色直播间数", unit = "家", flow = true }
indicator{ code = "wz_p32_prov_ecommerce_demo_bases", name = "培育省级电商产业示范基地数", unit = "家", flow = true }
indicator{ code = "wz_p32_prov_live_ecommerce_bases", name = "培育省级直播电商基地数", unit = "家", flow = true }
indicator{ code = "wz_p32_city_ecommerce_bases", name = "培育市级电商产业(含直播)基地数", unit = "家", flow = true }
indicator{ code = "wz_p32_city_key_ecommerce_firms", name = "培育市级重点电商企业数", unit = "家", flow = true }
indicator{ code = "wz_p32_industrial_internet_platforms", name = "建成工业互联网平台数", unit = "个", flow = true }
indicator{ code = "wz_p32_featured_individual_businesses", name = "入库培育“名特优新”个体工商户数", unit = "家", flow = true }
indicator{ code = "wz_p32_individual_business_visits", name = "省级监测点走访个体工商户户数", unit = "户", flow = true }
indicator{ code = "wz_p32_market_entities", name = "市场经营主体总量", unit = "户", flow = false }
indicator{ code = "wz_p32_key_tech_renovation_projects", name = "实施省重点技改项目数", unit = "项", flow = true }
indicator{ code = "wz_p32_tech_renovation_investment", name = "技改项目投资额", unit = "元", flow = true }
indicator{ code = "wz_p32_industrial_robots_new", name = "新增工业机器人", unit = "台", flow = true }
indicator{ code = "wz_p32_tech_renovation_investment_growth", name = "技改投资增速", unit = "%", flow = false }
indicator{ code = "wz_p32_tech_renovation_fund_disbursement", name = "省级技改项目资金拨付率", unit = "%", flow = false }
indicator{ code = "wz_p32_digital_pilot_counties_new", name = "新增省级中小企业数字化改造试点县(市、区)数", unit = "个", flow = true }
indicator{ code = "wz_p32_digital_service_providers_new", name = "新增省级产业数字化服务商数", unit = "个", flow = true }
indicator{ code = "wz_p32_digital_economy_gdp_share", name = "数字经济增加值占GDP比重", unit = "%", flow = false }
indicator{ code = "wz_p32_digital_core_gdp_share", name = "数字经济核心产业增加值占GDP比重", unit = "%", flow = false }
indicator{ code = "wz_p32_specialized_parks", name = "创建专精特新产业园试点园区数", unit = "家", flow = true }
indicator{ code = "wz_p32_pretrial_detention_rate", name = "诉前羁押率", unit = "%", flow = false }
indicator{ code = "wz_p32_detention_necessity_review_rate", name = "诉前羁押必要性审查率", unit = "%", flow = false }
indicator{ code = "wz_p32_ip_ruling_closure_rate", name = "知识产权行政裁决案件年度结案率", unit = "%", flow = false }
indicator{ code = "wz_p32_ip_case_cycle_reduction", name = "知识产权案件平均办理周期压减率", unit = "%", flow = false }
indicator{ code = "wz_p32_compliance_guidelines", name = "重点产业合规指引数", unit = "个", flow = true }
indicator{ code = "wz_p32_compliance_demo_models", name = "合规企业、合规园区示范样板数", unit = "家", flow = true }
indicator{ code = "wz_p32_pre_litigation_mediation_ratio", name = "民商事纠纷诉前调解成功数与法院一审办结案件数比值", unit = "倍", flow = false }
indicator{ code = "wz_p32_voluntary_performance_rate", name = "民商事案件自动履行率", unit = "%", flow = false }
indicator{ code = "wz_p32_gov_business_dialogues", name = "政企恳谈活动场数", unit = "场", flow = true }
indicator{ code = "wz_p32_county_enterprise_service_centers", name = "建设企业综合服务中心(专区)的县(市、区)数", unit = "个", flow = false }
indicator{ code = "wz_p32_biz_env_scenario_count_rank", name = "营商环境评价体系涉企事项应用场景数全省排名", unit = "位", flow = false }
indicator{ code = "wz_p32_biz_env_usage_rate_rank", name = "营商环境评价体系涉企事项应用率全国排名", unit = "位", flow = false }
indicator{ code = "wz_p32_joint_random_inspection_rate", name = "跨部门联合双随机监管实施率", unit = "%", flow = false }
indicator{ code = "wz_p32_enforcement_one_thing_items", name = "执法监管“一件事”数", unit = "件", flow = false }
indicator{ code = "wz_p32_no_penalty_list_domains", name = "轻微违法不予处罚清单覆盖领域数", unit = "个", flow = false }
indicator{ code = "wz_p32_discretion_refinement_rate", name = "高频行政执法事项裁量基准细化率", unit = "%", flow = false }
indicator{ code = "wz_p32_undisputed_arrears_days", name = "无分歧逾期欠款受理后办结时限", unit = "天", flow = false }
indicator{ code = "wz_p32_young_entrepreneurs_trained", name = "培训新生代企业家人次", unit = "人次", flow = true }
indicator{ code = "wz_p32_public_opinion_cases", name = "营造民营经济良好舆论环境典型案例数", unit = "个", flow = true }
-- numbers of the 落实举措 column (the rule in the header)
indicator{ code = "wz_p32_plan_quota_major", name = "特别重大项目向省里申请的计划指标保障比例", unit = "%", flow = false }
indicator{ code = "wz_p32_plan_quota_leading", name = "引领性项目申请的计划指标保障比例", unit = "%", flow = false }
indicator{ code = "wz_p32_plan_quota_demo", name = "示范性项目申请的计划指标保障比例", unit = "%", flow = false }
indicator{ code = "wz_p32_fx_hedge_guarantee_ratio", name = "外贸企业汇率避险担保比例", unit = "%", flow = false }
indicator{ code = "wz_p32_migrant_children_enrolment", name = "符合条件的义务教育阶段随迁子女在家长常住地入学率", unit = "%", flow = false }
indicator{ code = "wz_p32_procurement_works_sme_reserved_share", name = "政府采购工程项目中小企业预留份额比例", unit = "%", flow = false,
  description = "依法必须招投标(400万元以上)、适宜面向中小企业采购的政府采购工程项目" }
indicator{ code = "wz_p32_key_exhibitions_listed", name = "优选编入目录的重点展会数", unit = "个", flow = true }
indicator{ code = "wz_p32_city_own_exhibitions", name = "市政府重点自办展数", unit = "个", flow = true }
indicator{ code = "wz_p32_exit_entry_measures", name = "优化的企业出入境管理举措数", unit = "条", flow = true }
indicator{ code = "wz_p32_odi_central_fund_applied", name = "组织境外投资企业申报中央外经贸专项资金支持额", unit = "元", flow = true }
indicator{ code = "wz_p32_individual_business_monitoring_points", name = "个体工商户省级监测分析联络点数", unit = "个", flow = false }
indicator{ code = "wz_p32_compliance_expert_pool", name = "合规专家库人数", unit = "人", flow = false }
indicator{ code = "wz_p32_compliance_talents", name = "培育认定合规人才数", unit = "人", flow = true }
indicator{ code = "wz_p32_biz_env_indicator_scenarios", name = "完成应用场景搭建的营商环境评价体系指标数", unit = "个", flow = true }
indicator{ code = "wz_p32_biz_env_item_scenarios", name = "完成应用场景搭建的营商环境评价体系事项数", unit = "个", flow = true }
indicator{ code = "wz_p32_high_freq_item_scenarios", name = "完成应用场景搭建的高频涉企事项数", unit = "个", flow = true }
indicator{ code = "wz_p32_local_one_class_scenarios", name = "具有地方特色的“一类事”服务场景数", unit = "个", flow = true }
indicator{ code = "wz_p32_offsite_clue_closure_rate", name = "非现场监管贯通流转线索闭环处置率", unit = "%", flow = false }

return document{
  id = "private32",
  title = "温州市落实浙江省促进民营经济高质量发展“32条”措施任务清单",
  issuer = "温州市人民政府",
  period_start = "2023-01-01",
  period_end = "2027-12-31",
  status = "in_force",
  source = "wenzhou_private_economy_tasks_2023.txt",
  lead_rule = "starred",
  note = "The text is an attachment (附件) without its covering document: title, issuer and date are not printed. The title is descriptive: the five 总体任务 and 32 重点工作 are those of 《浙江省促进民营经济高质量发展若干措施》(2023), with Wenzhou's 温州市目标 and 落实举措. Issuer inferred (温州市人民政府; the units include party organs, so the covering document may be a joint 市委办/市政府办 or a 专班 document). Issue date not known: the text cites 浙政办发〔2023〕52号 and a 2023下半年 goal, so it dates from the second half of 2023; `issued` is left out. Period: 2023-01-01 (most goals are for 2023) to 2027-12-31 (the latest 实施阶段 and deadline). Six rows name one unit without a star; that unit is taken as the lead.",
  groups = {
    { id = "G1", name = "提信心增预期", section = "一、" },
    { id = "G2", name = "降门槛扩领域", section = "二、" },
    { id = "G3", name = "真公平破隐性", section = "三、" },
    { id = "G4", name = "拓市场促升级", section = "四、" },
    { id = "G5", name = "优氛围增服务", section = "五、" },
  },

  measures = {
    measure{
      id = "R01", section = "一、(一) 1", group = "G1",
      title = "强化财税政策保障",
      text = "强化财税政策保障",
      key_work = "(一)强化财税政策保障",
      city_target = "1.增值税小规模纳税人减免增值税,小微企业减按25%计入应纳税所得额,增值税小规模纳税人、小型微利企业和个体工商户减半征收“六税两费”,金融机构小微企业和个体工商户小额贷款利息收入免征增值税,为农户、小微企业及个体工商户提供融资担保及再担保业务免征增值税,金融机构与小微企业签订的借款合同免征印花税等政策延续执行至2027年底。2.对个体工商户年应纳税所得额不超过200万元部分减半征收个人所得税,落实支持重点群体和退役士兵创业就业税费优惠政策。3.符合条件行业企业研发费用税前加计扣除比例提高至100%,作为制度性安排长期实施。4.自2023年1月1日至2027年12月31日,允许先进制造业企业按照当期可抵扣进项税额加计5%抵减应纳增值税税额。",
      actions = {
        "1.积极发挥乐清市省级模板示范效应,进一步加强跟踪指导,以点带面探索“强化财税政策保障”县域实践路径。",
        "2.全面落实减税降费政策。持续深化“减税降费直达快享”平台应用,不断提升市场主体与法人对“税有温度”的知晓度和获得感;成立税费优惠政策精准推送工作团队,抓好精准推送运行监控和运营管理,做好跟踪提醒和查漏补缺等工作;加强部门协作,加快高新技术、科技型中小微、专精特新等企业信息交互进度,深化智能化、个性化、精准化推送服务,确保将研发费用加计扣除等优惠政策精准推送到纳税人手中;以重点企业为试点,探索税费优惠政策“红利账单”推送工作,为企业定制展示已享受的政策红利明细。",
        "3.提升办税效率。推进试点增值税留抵退税“智能预填”、出口退税发票及出口报关单信息“免填报”等功能,通过电子税务局为纳税人自动预填部分申请数据,压缩审批时限和流程环节;持续推进“单一窗口”出口退税试点工作;全面实现退库无纸化,继续推广出口业务“非接触式”办理,进一步提高税款退付效率;出口企业正常出口退税平均办理时间在6个工作日内,将办理一类、二类出口企业正常出口退(免)税的平均时间压缩在3个工作日内政策延续实施至2024年底。",
        "4.健全“税商联”工作机制,建立“产业园区+税务专员+企业协会+工商联”四方协作机制,充分发挥工商联和街道经济办直连法人代表优势,持续宣讲最新税费政策,助力税费优惠精准滴灌。",
        "5.积极开展“便民办税春风行动”,充分运用数字化改革手段推动“免申即享”等税收优惠政策直达快享做法,不断增强市场主体获得感。",
        "6.鼓励推广税收“指数贷”,进一步畅通银企信息互通渠道,应用税收信用数据,不断提升小微企业金融服务效率。",
        "7.优化税费服务。积极推动“接诉即办”和“未诉先办”并行,加强税费服务诉求管理提升工作过程跟踪、阶段反馈和结果考核,通过不定期开展调查回访,组织税费服务体验师、税收志愿者等智囊团评估税费服务诉求管理提升工作成效;邀请中小企业参与税务“体验师”“走流程”活动,收集意见建议,优化注销业务流程。",
        "8.强化税费风险防控。组织开展政策落实“应享未享、不应享而享”风险排查,建立包括研发费用、小微企业“六税两费”等在内的疑点指标,通过电话提醒、电子税务局推送等形式辅导企业自查,确保风险早识别、早提示、早防范;以大数据和财务报表中关键数据(如针对高新技术企业、软件集成电路企业、科技型中小企业等创新企业研发支出)为核心,精准分析查找,建立“税温度”服务团队,逐户开展“一对一”辅导,减少“应享未享”情况。",
        "9.运用“错题本”“案例集”主动开展风险提示,引导支持行业协会、商会等社会组织加强行业指导和自律管理。",
        "10.密切跟踪国家和省级政策动向,及时了解最新政策动态信息,做好政策的承接争取以及市“8+4”经济政策落地,健全惠企政策统筹规范、精准有效的集成体系,迭代升级温州市惠企利民资金直达智控系统,强化刚性兑现举措,提高政策兑现效率,推动更多惠企政策“免申即享、直达快享”。",
      },
      phase = "2023-2027年",
      responsible_units = { "市税务局", "市财政局" },
      lead_units = { "市税务局" },
      contact = { name = "蔡景像", phone = "0577-88026991" },
    },
    measure{
      id = "R02", section = "一、(二) 2", group = "G1",
      title = "加大产业基金支持力度",
      text = "加大产业基金支持力度",
      key_work = "(二)加大产业基金支持力度",
      city_target = "1.温州市重点产业发展基金、温州市科创基金、温州市国资创新基金投向民间投资项目比重达到70%以上。2.浙江省“专精特新”(温州)母基金投向民间投资项目比重达到80%以上。",
      actions = {
        "1.鼓励在基金管理人遴选公告中加大对民间投资项目投资的支持。",
        "2.将投向民间投资项目比重相关要求纳入《浙江省“专精特新”(温州)母基金管理机构公开遴选申报指南》以及温州市重点产业发展基金、温州市科创基金、温州市国资创新基金的申报指南中。",
        "3.在基金投后管理的过程中引导鼓励基金加大对民间投资力度。",
      },
      phase = "2023-2027年",
      responsible_units = { "市财政局", "市国资委", "市科技局", "市国资运营公司", "市国金公司" },
      lead_units = { "市财政局", "市国资委" },
      contact = { name = "胡碧婷", phone = "18066280783" },
    },
    measure{
      id = "R03", section = "一、(三) 3", group = "G1",
      title = "保障合理用地需求",
      text = "保障合理用地需求",
      key_work = "(三)保障合理用地需求",
      city_target = "1.2023年工业供地中民企占比达到70%以上。2.2023年完成“数据得地”供地82家、2000亩以上。",
      actions = {
        "1.加大重大产业项目指标争取力度,争取列入省级统筹。按照“有限指标跟着大项目好项目走”的要求,指导各地积极申请重大项目指标奖励,其中被列为特别重大的,向省里申请100%计划指标保障;被列为引领性的,申请60%计划指标保障;被列为示范性的,申请40%计划指标保障。",
        "2.用足用好市级“指标银行”政策,加快项目审批进度。对符合市级指标银行统筹的,通过指标银行保障项目计划指标和耕地占补平衡指标。",
        "3.强化规划空间保障。加快市县级国土空间总体规划报批,结合民营经济项目布局特点和需求,严格落实工业区块线规模,严格执行工业区块线调整政策,在空间上对工业用地予以充分保障。",
        "4.深化工业用地配置方式。按照规定,继续推广弹性年期出让、先租后让等方式供地,合理确定土地供应方式和使用年限,有效降低企业用地成本;按照规定,积极推广“限地价竞税收”方式出让,降低中小企业用地门槛;探索实行产业链供地,对产业链关键环节、核心项目,可统一规划布局,整体实施、按宗供应。",
        "5.深化“数据得地”改革。积极指导各地落实“数据得地365”体系,并根据政策具体执行及企业反馈情况,进一步迭代升级属地特色政策。",
        "6.在全市范围内开展新一轮低效用地再开发试点工作,允许将不同门类自然资源的使用条件、开发要求、标的价值、溢价比例等纳入供应方案,统一公开出让;加强低效工业用地整治力度,支持低效工业企业以自主改造、联合开发等方式,实行“退二进三”“退低进高”。",
        "7.加快推进存量土地盘活利用,加大老旧工业区改造力度,按照规定允许符合条件的用地改造完成后厂房、土地实行有条件分割转让。优化保障性租赁住房审批流程,项目主体可持建设、分配、运营管理方案等,向属地保障性租赁住房工作领导小组提出申报,由领导小组组织发改、住建、经信、自然资源、生态环境等部门进行联合审查,出让项目认定书,并由相关部门分别依法办理项目立项、规划、用地、环保、施工、消防等手续,各地政府可根据实际情况,进一步优化细化操作办法。",
        "8.支持民营企业实施“零土地”技改,提升工业用地质效。在符合详细规划、不改变土地用途的前提下,在自有工业用地上新建、扩建生产性用房或利用地下空间提高容积率的,不增收土地价款;对符合改造条件的新增建筑面积部分,纳入各地“腾笼换鸟”专项经费支持范围。",
        "9.放宽工业用地出让审批条件,容积率、绿地率和建筑高度、密度指标可根据产业实际,在属地土地出让联席会议研究明确后设定;简化建设用地规划许可手续,建设单位在签订国有土地使用权出让合同并取得建设项目备案文件后,按照规定直接核发建设用地规划许可证。",
        "10.按照规定实行工业企业项目“滚动审批”,对工业企业项目(工业小微园除外),在符合土地出让合同约定的前提下,经属地政府(功能区管委会)研究同意,可按照“一次规划、滚动审批”的理念,首次开发可以在达到合同约定容积率下限的情况下办理工程规划许可,开展规划核实、土地复核、竣工备案、不动产权证登记,后续可采取“滚动审批”模式,实现工业企业厂房滚动审批、竣工、验收、整体登记。",
        "11.对重大招商引资等工业企业项目,利用土地出让公告期及建设用地使用权出让合同签订准备期,对意向企业的工程设计方案先行开展预审查,并出具预审查意见,企业取得土地成交确认书并签订合同后,不再开展工程设计方案审查,对公示无异议的项目,凭备案等文件直接核发建设用地规划许可证、建设工程规划许可证,实现“拿地即开工”。",
      },
      phase = "长期实施",
      responsible_units = { "市自然资源和规划局", "市经信局", "市住建局", "市财政局" },
      lead_units = { "市自然资源和规划局" },
      contact = { name = "仇玲燕", phone = "13819777193" },
    },
    measure{
      id = "R04", section = "一、(四) 4", group = "G1",
      title = "强化用能保障",
      text = "强化用能保障",
      key_work = "(四)强化用能保障",
      city_target = "每年新增能耗的80%以上支持民间投资项目。",
      actions = {
        "1.落实重大项目全程跟踪服务,聚焦国家重大战略项目、“千项万亿”重大项目,梳理重大项目用能需求,加强市县会商和部门联动,实施提前介入、定期调度,及时协调解决项目推进过程遇到的用能问题。",
        "2.对单位工业增加值能耗低于0.52吨标准煤/万元的项目开通节能审查绿色通道,无需能耗平衡、开展用能权交易。",
        "3.保障能源电力安全稳定供应。用足用好国家政策,加快可再生能源项目建设,加强可再生能源项目建设和新上民间投资项目用能保障;深化电力市场化改革,落实小微企业和个体工商业用电实行阶段性优惠政策,降低企业用电成本;深化天然气体制改革,鼓励上下游天然气直接交易,推进天然气稳价降价。",
      },
      phase = "2023-2025年",
      responsible_units = { "市发展改革委" },
      lead_units = { "市发展改革委" },  -- sole unit, not starred
      contact = { name = "刘树钦", phone = "0577-88961527" },
    },
    measure{
      id = "R05", section = "一、(五) 5", group = "G1",
      title = "强化金融保障",
      text = "强化金融保障",
      key_work = "(五)强化金融保障",
      city_target = "1.力争2023年实现民营经济贷款增速高于各项贷款增速,综合融资成本稳中有降;确保2023年实现民营经济贷款和小微企业贷款均新增800亿元以上。2.力争2023年辖内新发放“双保”助力贷款超300亿元。3.将普惠小微贷款支持工具延期至2024年末。4.力争2023年全市普惠型小微企业贷款增速不低于各项贷款平均增速;“连续贷+灵活贷”两项机制占企业流动资金贷款比例超过50%;全市个体工商户贷款余额达到2800亿元以上,占全省比重超六分之一。5.力争2023年全市政府性融资担保支农支小余额达230亿元以上,业务规模保持全省前列。6.力争2023年全市小贷公司新发放贷款中,支农支小普惠金融贷款占比不低于70%。7.2023年首贷户新增1万户以上。8.力争2023年实现“科创指数”融资模式授信余额突破800亿元。9.力争2023年实现“两个健康”积分贷余额超10亿元。",
      actions = {
        "1.深入开展“金融促投资、促消费,提升民营企业金融服务”专项行动,充分运用货币政策工具,督促辖内银行机构出台落实举措,单列民营经济的信贷投放规模和考核激励举措,引导金融机构提升民营企业金融服务水平。",
        "2.持续释放贷款市场报价利率改革效能,发挥存款利率市场化调整机制作用,引导企业贷款利率稳中有降。",
        "3.开展“金融顾问”制度工作,加大银企对接走访力度,指导全市银行机构对制造业等重点企业开展走访对接,积极满足民营企业合理金融需求,提高民营企业发债规模。",
        "4.积极开展信贷政策导向效果评估,按季度通报重点领域信贷投放进展,督促金融机构优化民营企业金融服务。",
        "5.开展金融支持个体工商户高质量发展专项行动,率先深化“基层小微主体金融服务站”建设,聚焦个体工商户的创业就业需求,开展一系列金融政策宣讲、培训帮扶等活动;深化“贷款码”融资服务模式,重点提升全市小微园、批发市场、商业圈等领域的“贷款码”场景应用,提升民营经济市场主体融资便利度。",
        "6.深化银担合作。贯彻落实《关于进一步深化“双保”助力融资机制 推进银行与政府性融资担保机构合作的通知》(浙金发〔2023〕13号)文件要求,持续开展“千名行长走万企”活动,推广“连续贷+灵活贷”“信易贷”“小微主体信用融资新模式”等机制。",
        "7.强化上市服务。积极推广“凤凰丹穴”系统,组织企业入驻及信息更新工作;督促各地及时兑付上市奖补相关产业政策;举办企业上市专题培训等活动,邀请沪深北交易所专家走访企业,开展“一对一”上门辅导,持续推动企业上市;依托沪深北交易所温州服务基地,为民营企业提供资本市场政策业务培训服务;支持民营上市公司用好定向增发、配股等资本市场工具。",
        "8.强化融资担保。推进政府性融资担保业务扩面和产品创新,加大小微企业汇率避险担保支持力度;创新开发支持民营小微企业的个性化担保产品,将外贸企业汇率避险担保比例从5%提高至8%;积极做好小贷年度评级导向工作,加大考核力度,引导小贷公司下沉重心,立足普惠金融。",
        "9.全面落实《关于改进浙江银行业企业授信联合会商工作质效的通知》(浙金发〔2023〕11号)相关要求,部署推进联合授信管理制度工作,将半导体、新能源汽车等相关行业的重点企业纳入主动管理清单。",
        "10.强化金融考核。完善金融业发展改革与创新业绩考核激励办法,开展银行和保险业金融机构日常服务评价“明察暗访”;加强监管数据监测管理,推动机构严格落实主体责任,切实提高数据报送时效性、准确性;按期通报进展情况,对不理想的机构进行督导,不断提升金融服务水平。",
        "11.聚焦全市规上企业、科技型企业、外贸企业等系列白名单,建立健全全市重点领域“无贷户”清单,率先探索“信息建档+预授信”机制,组织银行机构依托信用信息数据,对符合条件的无贷户主体给予授信支持。",
        "12.迭代升级温州金融综合服务平台,进一步优化融资对接、信用评价、风险预警、政策服务、数据分析等功能,有效破解企业融资难、授信难等问题。",
        "13.加大对科技企业、重点项目、新能源领域的金融支持,争取落地更多专项再贷款等政策工具支持;建立健全全市制造业、科技型企业项目清单,积极做好银项对接,全面推广“科创指数贷”。",
        "14.创新试点“两个健康”积分贷产品,建立专项金融惠企政策。",
      },
      phase = "长期实施",
      responsible_units = { "市金融办", "人行温州市分行", "温州金融监管分局", "市财政局", "市发展改革委", "市科技局", "市“两个健康”办" },
      lead_units = { "市金融办" },
      contact = { name = "戴海秋", phone = "0577-88961697" },
    },
    measure{
      id = "R06", section = "一、(六) 6", group = "G1",
      title = "强化人才和用工需求保障",
      text = "强化人才和用工需求保障",
      key_work = "(六)强化人才和用工需求保障",
      city_target = "1.2023年,引育全职院士和“鲲鹏行动”专家5名,高校毕业生群体数量新增12万人以上。2.到2023年底,新授予2家以上规模以上民营企业中级职称自主评审权限。3.到2023年底,全市开展职业技能培训12万人次以上,新增技能人才5.42万人。4.到2023年底,全市技工院校与企业合办“订单班”“冠名班”30个,在读学生1200人以上;全市技工院校合作企业达到400家以上,共同成立产业学院5个以上、企业学院5个以上。5.到2023年底,全市新增高校毕业生12万人。6.全力争取成为第二批国家产城融合试点城市,到2025年,培育形成100家市级以上(含市级)产教融合型企业清单。",
      actions = {
        "1.强化人才招引培育。深化“瓯越英才计划”、高校毕业生“510+行动计划”“温青回归”重大人才工程,落实人才住房、子女入学等配套服务政策,切实提升招才留才水平。",
        "2.健全完善人力资源产业园体系,加快中国温州人力资源产业服务园建设,引导企业与大型人力资源机构开展深度合作,搭建行业合作机制。",
        "3.优化民企职称评审服务。遵循民企人才职业特点,分行业、专业完善职称评价标准,优选2家以上条件比较成熟的民营企业,授予中级职称自主评审权限,加强职称评审政策及业务的指导和服务,培育更多符合条件的企业。",
        "4.加大企业高技能人才参加职称评审的宣传动员力度,进一步拓宽高技能人才与专技人才的职业发展通道。",
        "5.深入开展企业自主评价认定技能人才改革,积极组织技能人才研修班,市县联动举办职业技能大赛,引导支持民营企业培育更多技能人才。",
        "6.加强技工教育管理。全面落实《关于推进技工教育提质增量行动的实施方案》(温委办发〔2023〕58号),深入推进温州技师学院扩容工程,扩大招生规模,优化专业设置,深化校企合作,扎实推行工学一体培养模式,根据产业和企业需求培养更多高质量技能人才;加大社会公益培训力度,启动推进温州公共实训基地建设。",
        "7.按照《浙江省用人单位招用不符合确立劳动关系情形的特定人员参加工伤保险办法(试行)》(浙人社发〔2023〕21号)有关要求,鼓励平台企业为新就业形态劳动者单险种参加工伤保险。",
        "8.做好国家产教融合试点城市申报工作,制定出台以温州市深化产教融合实施意见为引领的“1+N”政策体系,细化税收优惠、资金扶持等政策,进一步降低制度性成本。",
        "9.深化企业外来用工子女入学便利化改革,实现企业外来用工子女“零门槛就学”,符合条件的义务教育阶段随迁子女在家长常住地100%入学。",
      },
      phase = "2023-2025",
      responsible_units = { "市人力社保局", "市委组织部(市人才办)", "市发展改革委", "市教育局" },
      lead_units = { "市人力社保局" },
      contact = { name = "林乙", phone = "13967738538" },
    },
    measure{
      id = "R07", section = "二、(七) 7", group = "G2",
      title = "向民营企业推介三张项目清单",
      text = "向民营企业推介三张项目清单",
      key_work = "(七)向民营企业推介三张项目清单",
      city_target = "2023年向民间资本推介项目不少于10个。",
      actions = {
        "1.拓宽民资投资领域。聚焦铁路、公路、港口、机场、水利等基础设施建设领域和核电火电、充电桩、储能、先进制造业、现代设施农业等产业发展领域,围绕重大工程和补短板、重点产业链供应链、完全使用者付费的特许经营项目等3类项目清单,常态化梳理储备一批推介给民间资本的重大项目。",
        "2.探索经营权转让、产权抵押、资产证券化等模式,鼓励有条件的民营企业通过综合开发模式参与重大项目建设。",
        "3.常态化向省级有关部门做好项目推介报送,并做好对接,争取更多项目纳入省级清单。",
        "4.优化民资投资服务保障,全流程、全方位做好参与民间资本推介项目后续的跟进、服务、保障等工作,加强各类要素保障,推进前期手续办理,为项目落地创造条件。",
        "5.充分发挥市属国企优势资源,加强与产业头部民营企业的项目推介和交流合作,积极稳妥推进混合所有制经济发展。",
      },
      phase = "长期实施",
      responsible_units = { "市发展改革委", "市住建局", "市交通运输局", "市水利局", "市国资委" },
      lead_units = { "市发展改革委" },
      contact = { name = "万秀芝", phone = "0577-88961285" },
    },
    measure{
      id = "R08", section = "二、(八) 8", group = "G2",
      title = "充分发挥民营企业科技创新主体作用",
      text = "充分发挥民营企业科技创新主体作用",
      key_work = "(八)充分发挥民营企业科技创新主体作用",
      city_target = "1.到2023年,支持2家以上民企作为共建单位申报全省重点实验室,支持省级新型研发机构与民企建设联合实验室、研发机构5家以上;到2027年,支持4家民企牵头或作为共建单位申报全省重点实验室,支持省级新型研发机构与民企建设联合实验室、研发机构15家以上。2.2023年基础研究经费占研发经费的比重排名全省前三;到2027年,力争全社会基础研究投入超30亿元以上。3.2023年支持企业牵头参与的市重大科技项目数占市重大科技项目数不少于70%,推动规上工业企业研发费用占营业收入的比例达到3.4%以上。4.2023年支持1家民营企业牵头或作为核心共建单位建设省技术创新中心,支持3家民营企业申报省科技领军企业,支持10家民营企业申报省科技小巨人企业,支持600家民营企业申报国家高新技术企业,支持1800家民营企业申报省科技型中小企业。5.推动民营企业实现技术交易额200亿元以上。6.到2025年,R&D经费支出占GDP比重达3%左右。",
      actions = {
        "1.支持民营企业参与重大科创平台建设。贯彻落实《浙江省高能级科创平台高质量发展的若干意见》《浙江省高能级科创平台评价评估管理办法》等文件,积极推动全省重点实验室重组申报工作,支持温州大学等高校院所与民营企业共同申报全省重点实验室,支持光达电子、亚龙智能装备等民企牵头申报全省重点实验室;全面落实新型研发机构“十个一批”工作机制,引导新型研发机构围绕企业创新发展需求联合共建实验室或企业研发机构,聚焦企业技术需求开展联合攻关。",
        "2.加强民营企业基础研究投入。制定《温州市2023年全社会研发强度提升方案》;落实《财政部 税务总局关于企业投入基础研究税收优惠政策的公告》,对研发投入多、增幅大的企业给予一定比例的研发后补助,鼓励有条件的县(市)对企业上年度的研发投入按一定比例进行补助;鼓励区和功能区对市级研发补助政策没有覆盖到的企业进行补助,切实减轻企业研发投入压力,提升企业创新获得感。",
        "3.加大民营企业产学研协同攻关项目立项支持。落实《关于深化项目组织实施机制 加快推进关键核心技术攻坚突破的若干意见》(浙科发规〔2023〕21号),重点面向民营科技企业征集重大攻关需求,每年支持企业牵头参与的重大科技项目数占市重大科技项目数达到70%以上;积极推荐民营科技企业牵头申报国家、省科技重大项目,力争更多企业牵头承担国家、省战略科技任务,加强对企业牵头申报国家、省重大项目的服务指导,通过转发项目指南、服务保障视频答辩等措施,全力做好项目推荐等工作;科技领军型企业、科技小巨人企业申报省级“尖兵”“领雁”研发攻关计划项目的可不纳入推荐限额,省级创新联合体牵头企业、科技领军企业承担在研项目数可以突破2项限制,最多可达3项;支持企业申报基础性科研项目,支持中小微企业开展重大科技创新项目攻关,落实省重大专项项目经费配套经费。",
        "4.支持民营企业培育成为科技企业。指导相关企业牵头申报浙江省激光智能装备技术创新中心;聚焦“315”战略领域,建立科技企业培育库,筛选一批创新能力强、发展潜力好的高新技术企业纳入培育库,进行分类分层培育;面向科技领军(小巨人)企业征集需求,通过“揭榜挂帅”“赛马制”等攻关模式,开展“卡脖子”关键核心技术攻关;开展科技精准服务,对培育库企业进行一对一深度排查,分析存在的短板及问题,实行“一企一策”,全程跟踪服务。",
        "5.支持民营企业强化科技成果转化。完善科技大脑的民营企业“成果池”应用,促进科技成果就地应用、就地转化、就地交易,探索建设温州市校(院)地科技成果转化联合办公室;深入实施科技成果转化“双百千万”专项行动,开展民营企业需求挖掘、供需对接、促成产学研合作,帮助民营企业提升技术水平和成果转化能力,每年开展成果路演对接活动50场次以上。",
      },
      phase = "长期实施",
      responsible_units = { "市科技局" },
      lead_units = { "市科技局" },  -- sole unit, not starred
      contact = { name = "项馨磊", phone = "13894045088" },
    },
    measure{
      id = "R09", section = "二、(九) 9", group = "G2",
      title = "鼓励发展创业投资",
      text = "鼓励发展创业投资",
      key_work = "(九)鼓励发展创业投资",
      city_target = "力争到2025年末,全市集聚约100家股权投资机构,管理基金规模超过500亿元,注册基金规模超过1000亿元。",
      actions = {
        "1.修订完善《温州市科技创新创业投资基金管理办法》,扩大市科创基金规模,积极开展市科创基金投资工作。",
        "2.充分发挥“2023中国(温州)创投大会暨首届浙江基金招商大会”集聚效应,组织开展系列促进创业投资活动,推动国有资本、社会资本与国内知名投资机构联动合作发展。",
        "3.实施《温州市加快基金业集聚促进股权投资高质量发展若干措施的通知》(温政办〔2023〕64号),进一步鼓励股权投资机构集聚发展,加快推动募投管退联动发展,大力营造优质配套服务环境。",
        "4.加快建设温州市大罗山基金村,着力打造浙江省创投第三极的物理载体和全球温商侨商股权投资中心。",
      },
      phase = "长期实施",
      responsible_units = { "市发展改革委", "市金融办", "市科技局", "瓯海区政府" },
      lead_units = { "市发展改革委" },
      contact = { name = "方全", phone = "0577-88967979" },
    },
    measure{
      id = "R10", section = "二、(十) 10", group = "G2",
      title = "支持民营企业盘活存量资产",
      text = "支持民营企业盘活存量资产",
      key_work = "(十)支持民营企业盘活存量资产",
      city_target = "推动民间投资项目开展基础设施REITs工作。",
      actions = {
        "1.积极开展REITs基金项目储备管理。组织各地各部门对规模以上民营企业开展排摸调查,组织律师事务所、会计师事务所、知名券商等机构,对重点领域、重点区域、重点企业开展走访,对有盘活意愿的企业进行指导服务,帮助企业掌握相关政策、制定盘活工作方案,常态化做好项目储备工作。",
        "2.开展基础设施REITs业务培训,指导做好项目前期培育,成熟一个、申报一个。",
        "3.将各地盘活存量资产情况纳入市投资“赛马”激励评价。",
      },
      phase = "长期实施",
      responsible_units = { "市发展改革委" },
      lead_units = { "市发展改革委" },  -- sole unit, not starred
      contact = { name = "万秀芝", phone = "0577-88961285" },
    },
    measure{
      id = "R11", section = "二、(十一) 11", group = "G2",
      title = "加大政府采购对中小微企业支持力度",
      text = "加大政府采购对中小微企业支持力度",
      key_work = "(十一)加大政府采购对中小微企业支持力度",
      city_target = "2023年全市完成政府采购授予中小企业合同金额不少于206亿元,占政府采购总额的比例不低于88%,比2022年提高5个百分点以上。",
      actions = {
        "1.加大政府采购支持中小企业力度。全面落实省财政厅政府采购建设工程招投标领域支持中小企业发展制度要求,明确依法必须招投标(400万元以上)的政府采购工程项目,适宜面向中小企业采购的,中小企业预留份额比例必须达到40%以上。",
        "2.建立完善政府采购全生命周期管理机制。面向中小企业预留采购计划,依托预算约束增强支持中小企业政策刚性;在采购执行阶段增设强制审核标识,严格按照采购预算项目信息面向中小企业采购,确保预留中小企业份额政策执行到位;进一步优化政采云平台的动态监测功能,实时监测部门单位落实中小企业合同份额情况,对违反规定的单位进行自动预警提示。",
        "3.压实部门单位等采购人主体责任。严格按照时间节点要求进行采购意向公开、执行结果公开。",
        "4.探索政府采购领域“微改革”行动。在全市范围内开展深化政府采购履约验收改革,通过创新审核机制、线上应用、支付预警、联合检查等方式,在履约节点、规范验收行为、提升支付效率等方面为企业发展提供增值式服务。",
      },
      phase = "长期实施",
      responsible_units = { "市财政局" },
      lead_units = { "市财政局" },  -- sole unit, not starred
      contact = { name = "邵利智", phone = "0577-88521107" },
    },
    measure{
      id = "R12", section = "三、(十二) 12", group = "G3",
      title = "严格落实招投标“七个不准”",
      text = "严格落实招投标“七个不准”",
      key_work = "(十二)严格落实招投标“七个不准”",
      city_target = "1.有序推进制度规则类文件整合修改工作,将全市招投标行政规范性文件总量控制在13件以内。2.落实省级招标文件示范文本推广应用,修订完善市级有关招标文件示范文本。",
      actions = {
        "1.分行业系统、分地区开展清理自查,提出清理建议,并根据省发改委反馈的招投标领域制度规则问题文件初步评估意见,对相关文件开展清理。",
        "2.做好省级招标文件示范文本推广应用,结合我市实际,修订出台《温州市房屋建筑和市政工程招标文件示范文本(2023版)》。",
        "3.开展全市招标文件示范文本使用情况检查,严格落实《破解招投标过程中对民企限制问题针对性举措落实清单》。",
        "4.推进“交易让中小微企业市场更友好”改革工作,研究制定《关于推进“交易让中小微企业市场更友好”改革的实施方案》,全力为中小微企业积极广泛参与招投标活动提供便利。",
      },
      phase = "长期实施",
      responsible_units = { "市政务服务局", "市司法局", "市住建局", "市交通运输局", "市水利局" },
      lead_units = { "市政务服务局" },
      contact = { name = "王妍茜", phone = "18867739168" },
    },
    measure{
      id = "R13", section = "三、(十三) 13", group = "G3",
      title = "加大工程建设项目招投标领域突出问题专项整治力度",
      text = "加大工程建设项目招投标领域突出问题专项整治力度",
      key_work = "(十三)加大工程建设项目招投标领域突出问题专项整治力度",
      city_target = "1.违法违规乱象有效遏制,规范统一市场加快形成,长效治理机制持续健全。2.各级招投标综合部门排查2023年以来招投标项目不低于10%。",
      actions = {
        "1.严格落实《2023年全市工程建设项目招标投标领域突出问题专项整治工作方案》。",
        "2.持续在全市范围开展招投标领域问题线索“大起底”工作。",
        "3.实施招投标专项整治十大行动,推进重点督办清单化、表单化,持续提升数字化监管能力。",
        "4.加快公优廉一体化平台建设,根据“全过程、全要素、全信息”的要求,推进与阳光e网深度融合,加强招标人、招标代理、投标人、监管人员、评委专家等五方主体信息库的标前、标中、标后全闭环智慧监管,全力构建“公平、择优、廉洁”招标投标市场环境。",
        "5.加强标后履约检查,每季度联合各地公共资源交易中心,对中标人合同履约过程进行随机检查。",
      },
      phase = "长期实施",
      responsible_units = { "市政务服务局", "市住建局", "市交通运输局", "市水利局", "市公安局", "市法院", "市检察院", "相关县(市、区)政府" },
      lead_units = { "市政务服务局" },
      contact = { name = "王妍茜", phone = "18867739168" },
    },
    measure{
      id = "R14", section = "三、(十四) 14", group = "G3",
      title = "增加招标人的自主权利",
      text = "增加招标人的自主权利",
      key_work = "(十四)增加招标人的自主权利",
      city_target = "2023年稳步推进区域性“评定分离”综合试点扩面工作。",
      actions = {
        "1.全面推进鹿城、瓯海、龙湾、瑞安、平阳、文成、泰顺、龙港、海经区等9个温州“评定分离”综合试点改革地区工作。",
        "2.推进电子营业执照在招投标领域应用试点工作,强化市县联动,争取在2023年底前成功搭建电子营业执照在招投标领域的应用场景。",
        "3.根据省工程建设招投标“评定分离”操作指引,结合我市实际,制定我市工程建设招投标“评定分离”定标工作操作指引。",
      },
      phase = "长期实施",
      responsible_units = { "市政务服务局", "市市场监管局", "相关县(市、区)政府" },
      lead_units = { "市政务服务局" },
      contact = { name = "王妍茜", phone = "18867739168" },
    },
    measure{
      id = "R15", section = "三、(十五) 15", group = "G3",
      title = "严格落实公平竞争审查制度",
      text = "严格落实公平竞争审查制度",
      key_work = "(十五)严格落实公平竞争审查制度",
      city_target = "1.2023年底前,审查一批涉及市场主体经济活动的政策措施,清理一批妨碍统一市场和公平竞争的政策文件。2.完成全省公平竞争政策先行先试试点工作。",
      actions = {
        "1.根据《浙江省公平竞争审查办法》,严格落实公平竞争审查制度。",
        "2.组织召开全市公平竞争指数填报交流会,保质保量完成指数编制工作。",
        "3.组织开展公平竞争满意度测评工作。",
        "4.推进永嘉、平阳、龙港等地公平竞争政策试点工作。",
        "5.开展清理妨碍统一市场和公平竞争政策措施工作。",
        "6.聚焦公用事业、政府采购、招投标等重点行业和领域,深入开展破除地方保护和行政性垄断专项行动。",
        "7.在公平竞争审查工作中引入第三方评估,结合评估情况加大公平竞争审查力度。",
        "8.开展全市滥用行政权力排除、限制竞争行为检查。",
      },
      phase = "长期实施",
      responsible_units = { "市市场监管局" },
      lead_units = { "市市场监管局" },  -- sole unit, not starred
      contact = { name = "朱垣", phone = "0577-89662851" },
    },
    measure{
      id = "R16", section = "三、(十六) 16", group = "G3",
      title = "严格实行“非禁即入”",
      text = "严格实行“非禁即入”",
      key_work = "(十六)严格实行“非禁即入”",
      city_target = "严格落实国家层面新版市场准入负面清单,排查归集通报典型案例,确保应查尽查、应改尽改、应报尽报。",
      actions = {
        "1.根据每年国家的新版市场准入负面清单,明确清单事项的主管部门和管辖权限,推动国家市场准入负面清单制度落地。",
        "2.积极构建全国统一大市场。通过“民呼我为”“12345”等市场主体投诉举报平台,对有可能违背“非禁即入”的相关案例跟踪进展情况,核实后及时整改到位。",
        "3.引导民企参与基础设施、社会事业等领域投资,形成社会力量办医、养老、体育、文化等温州经验,予以宣传推广。",
      },
      phase = "长期实施",
      responsible_units = { "市发展改革委", "市市场监管局" },
      lead_units = { "市发展改革委" },
      contact = { name = "张自强", phone = "0577-88961576" },
    },
    measure{
      id = "R17", section = "四、(十七) 17", group = "G4",
      title = "实施“千团万企”行动助力民营企业拓市场",
      text = "实施“千团万企”行动助力民营企业拓市场",
      key_work = "(十七)实施“千团万企”行动助力民营企业拓市场",
      city_target = "2023年,累计组织1000家以上企业,参加境内外拓市场活动120场,新辟近洋航线4条。",
      actions = {
        "1.优选77个重点展会编制目录。充分发挥展会开拓市场的主渠道作用,大力支持企业参加境外线下为主、境内境外举办的各类国际性展会;落实境内外重点展会信息推送工作,努力化解企业出海困难。",
        "2.谋划3个市政府重点自办展。积极开拓新兴贸易市场,在办好印尼、南非两国市级自办展的基础上,办好俄罗斯市级自办展。",
        "3.强化政策支持全覆盖。落实“出海拓市场抢订单”扶持政策,对参展企业给予一定的资金补助,为企业出海抢订单提供有力保障。",
        "4.优化16条企业出入境管理举措。强化工作协同,持续推出一系列优化出入境便利化举措,共同做好拓市场企业的出入境便利化服务工作,用好口岸签证等制度,进一步促进跨境商贸人员往来,多跨协同为外贸企业出海保驾护航;优化提升通关便利化和港口数字化水平,加快推进数字口岸建设,推行“提前申报、两步申报”“两段准入”等通关模式,压缩通关时长至低于全省平均水平。",
        "5.创新出口信保等服务。扩大出口信用保险覆盖面和服务范围,提升政府小微统保(联保)平台覆盖率;创新保险产品和模式,帮助企业化解接单和履约风险;优化业务流程,进一步压缩定损和赔付时间。",
        "6.持续做好展会成效宣传。加强出海拓市场抢订单成效宣传,利用央视、新华网等主流媒体发布各类参展信息,对先进企业、典型做法、优秀产品予以宣传,提振企业拓市场、稳订单的信心。",
        "7.纵深推进金丽温开放大通道建设,提升以海港、空港为核心的口岸能级,全面布局覆盖亚洲区域重点港口的近洋航线,加快建设大型国际集货拼箱基地,推动乐清湾港区口岸正式开放,建设乐清湾多式联运枢纽和鹿城西部多式联运枢纽,进一步降低物流成本。",
      },
      phase = "2023年",
      responsible_units = { "市商务局", "市发展改革委", "市外办", "市公安局", "市财政局", "市交通运输局", "温州机场集团", "中信保温州办事处" },
      lead_units = { "市商务局" },
      contact = { name = "潘婧", phone = "0577-88862898" },
    },
    measure{
      id = "R18", section = "四、(十八) 18", group = "G4",
      title = "引导有序布局境外产业",
      text = "引导有序布局境外产业",
      key_work = "(十八)引导有序布局境外产业",
      city_target = "1.2023下半年重点服务对外投资1000万美金以上重点关注项目不低于5个。2.支持我市境外经贸合作区发展,争取获评省级优秀经贸合作区。3.2023年举办“丝路护航”活动不少于1场。",
      actions = {
        "1.全面落实浙江本土民营跨国公司培育“丝路领航”三年行动计划(2023-2025年),拟定我市跨国公司培育落实举措。",
        "2.根据《对外投资备案服务十条》,拟订重点关注项目清单,线上或线下结合解决企业对外投资问题。",
        "3.组织境外投资企业申报中央外经贸专项资金支持500万元以上。",
        "4.组织“丝路护航”、投资对接等系列活动,指导县级商务部门组织培训。",
        "5.通过企业群、各类活动平台向企业宣传“走出去公共服务平台”“浙企出海”等境外投资信息服务平台,为企业提供国别政策、专业分析等基础信息。",
      },
      phase = "长期实施",
      responsible_units = { "市商务局", "市发展改革委", "市外办", "人行温州市分行", "温州金融监管分局" },
      lead_units = { "市商务局" },
      contact = { name = "潘婧", phone = "0577-88862898" },
    },
    measure{
      id = "R19", section = "四、(十九) 19", group = "G4",
      title = "推动平台经济创新发展走在前列",
      text = "推动平台经济创新发展走在前列",
      key_work = "(十九)推动平台经济创新发展走在前列",
      city_target = "1.2023年,实现全市网络零售额2460亿元。2.2023年,培育绿色直播间30家。3.2023年,培育省级电商产业示范基地1家、省级直播电商基地1家、市级电商产业(含直播)基地10家、市级重点电商企业30家。4.2023年,建成10个工业互联网平台。",
      actions = {
        "1.制定《温州市平台经济提升发展行动方案》。",
        "2.创建全国网络监管与服务示范区,建成温州市网络监测中心,加强网络监管工作。",
        "3.制定《温州市绿色直播间建设培育实施方案》及评价体系。",
        "4.开展全市平台企业“增动能提信心”专项服务行动。",
        "5.加快“5+5+N”产业集群工业互联网平台体系建设,提高百亿级产业集群工业互联网平台覆盖率,赋能“5+5+N”产业中小企业数字化转型。",
        "6.鼓励传统制造业企业发展电商事业开展电商销售,进驻基地集聚发展;鼓励本地新电商品牌企业入驻新电商集聚区(基地)。",
        "7.用好头部电商平台资源,加强优质电商项目招引,密切对接阿里、抖音、京东、快手等头部电商平台,持续为温州商家拓展线上销售渠道赋能助力。",
        "8.积极培育高能级电商基地、直播基地及重点电商企业等电商市场主体,助力电商产业高质量发展。",
        "9.举办直播电商消费活动,持续打造“网上年货节”“双品网购节”“新电商文化节”等品牌活动,通过直播电商等新业态新模式,进一步激发消费潜能。",
      },
      phase = "长期实施",
      responsible_units = { "市市场监管局", "市经信局", "市商务局" },
      lead_units = { "市市场监管局" },
      contact = { name = "黄文博", phone = "0577-89660608" },
    },
    measure{
      id = "R20", section = "四、(二十) 20", group = "G4",
      title = "支持个体工商户升级为企业",
      text = "支持个体工商户升级为企业",
      key_work = "(二十)支持个体工商户升级为企业",
      city_target = "1.2023年,新增“个转企”3000户。2.2023年,入库培育“名特优新”个体工商户1950家。3.2023年,省级监测点每季度走访个体工商户1.5万户。4.到2025年,市场经营主体突破150万户。",
      actions = {
        "1.制定《温州市促进个体工商户高质量发展的若干举措》等文件,积极沟通省市场监管局,及时了解《浙江省支持个体工商户转型升级为企业工作的实施意见》出台情况,跟进出台我市贯彻落实举措。",
        "2.简化许可手续,个体工商户转型升级为企业且投资主体不变的,全市域内开展个转企可以采取“直接变更”办理登记。",
        "3.落实全程电子化登记平台“个转企”业务功能应用,实现“个转企”以“直接变更”方式办理变更登记。",
        "4.率全省之先出台《关于开展初创企业免费基础记账代理工作的通知(试行)》,落实“个转企”三年免费基础代理记账服务,提高个体工商户转型升级意愿,降低企业运营性成本,助力企业做大做强。",
        "5.梳理建立个体工商户“三型四类”名录库,发动各县(市、区)开展个体工商户分型分类培育,推动各地结合产业特色研究制定专项扶持政策,在专项资金、特色政策、金融支持等方面帮扶“名特优新”个体工商户。",
        "6.应用“个体工商户服务在线”,提供法律咨询、供需对接、用工招聘、创业培训、金融支持、权益保护等服务。",
        "7.加快建立个体工商户发展状况监测分析体系,畅通部门数据采集通道,确立3个省级监测分析联络点,每季度上门走访个体工商户,形成个体经济发展分析报告。",
      },
      phase = "长期实施",
      responsible_units = { "市市场监管局", "市财政局", "市自然资源和规划局", "市统计局", "市税务局" },
      lead_units = { "市市场监管局" },
      contact = { name = "张振宇", phone = "0577-88926173" },
    },
    measure{
      id = "R21", section = "四、(二十一) 21", group = "G4",
      title = "支持企业加大技改投资",
      text = "支持企业加大技改投资",
      key_work = "(二十一)支持企业加大技改投资",
      city_target = "1.实施600项省重点技改项目,2023年完成技改项目投资130亿元和新增工业机器人1500台,技改投资增速12%以上。2.建立市县联动的资金预兑付机制,督促各地加快资金兑付,2023年底前省级技改项目资金拨付率超80%。",
      actions = {
        "1.推动企业技改升级。市级财政加大对企业技术改造支持力度,鼓励县级同步强化配套,推进企业高端化、智能化、绿色化改造;加强技术改造分类指导,推广“零土地”智能化技改典型经验;组织智能化技改系列培训,入企开展技改诊断服务。",
        "2.加强技改宣传引导。开展技改补助政策宣传解读,鼓励县级同步强化配套政策,推进技改项目补助加快兑现。",
        "3.积极兑现技改奖补政策。每季度开展省级技改项目补助资金兑付情况督查通报,掌握各地预拨付政策实施情况和成效,向资金拨付进度滞后的县(市、区)发工作提示单。",
      },
      phase = "2023-2027年",
      responsible_units = { "市经信局" },
      lead_units = { "市经信局" },  -- sole unit, not starred
      contact = { name = "吴登靠", phone = "0577-88968031" },
    },
    measure{
      id = "R22", section = "四、(二十二) 22", group = "G4",
      title = "强化中小企业数字化改造支持",
      text = "强化中小企业数字化改造支持",
      key_work = "(二十二)强化中小企业数字化改造支持",
      city_target = "1.2023年底,新增省级中小企业数字化改造试点县(市、区)1个以上。2.2023年底,新增省级产业数字化服务商10个以上。3.2023年底,积极筹备国家中小企业数字化转型城市试点申报工作。4.到2025年,数字经济增加值占GDP比重达65%,其中数字经济核心产业增加值占GDP比重达10%左右。",
      actions = {
        "1.加强企业数字化改造培育。指导鹿城、龙湾、瓯海、平阳、龙港等第二批省级试点培育地区,加快实施中小企业数字化改造,争取省级试点。",
        "2.推进数字化平台建设。依托国际云软件谷、中国数安港等重点平台,加强产业数字化服务商的招引培育,对标遴选一批省级产业数字化服务商培育对象;积极支持现有省级产业数字化服务商提升服务能力,争取打造国家中小企业数字化转型试点服务平台。",
        "3.编制国家中小企业数字化转型试点城市实施方案,紧盯2024年申报动态,争取成功入选。",
        "4.推进产业数字化“三个全覆盖”工作,提升规上企业数字化改造覆盖率。",
      },
      phase = "长期实施",
      responsible_units = { "市经信局", "市财政局", "市大数据发展管理局", "相关县(市、区)政府" },
      lead_units = { "市经信局" },
      contact = { name = "鲍金斌", phone = "0577-88968063" },
    },
    measure{
      id = "R23", section = "四、(二十三) 23", group = "G4",
      title = "构建完善优质企业梯度培育体系",
      text = "构建完善优质企业梯度培育体系",
      key_work = "(二十三)构建完善优质企业梯度培育体系",
      city_target = "1.2025年底,基本构建形成优质企业梯度培育体系,推动实现优质企业数量合理增长和质的有效提升,累计培育创新型中小企业5000家,省级专精特新中小企业1500家,国家级专精特新“小巨人”企业超过150家。2.2023年创建专精特新产业园试点园区1家以上。3.根据省“专精特新”专班建设工作要求,鼓励引导温州市优质专精特新企业入板。",
      actions = {
        "1.加大政策支持力度,落实《温州市打造“专精特新之城”行动方案(2023-2025年)》系列举措,联动各部门形成工作合力。",
        "2.强化创新型企业培育,完善创新型中小企业-省级专精特新中小企业-国家级专精特新“小巨人”企业梯度培育库,开展申报指导培训服务,分层级落实专项财政政策,不断壮大培育库优质企业群体。",
        "3.根据省厅通报的优质企业发展报告,及时梳理温州专精特新发展情况,形成“补短板”清单,落实优化提升工作举措。",
        "4.持续开展高成长企业及其问题诉求反馈和梳理,及时进行协调解决,实行“销号制”,定期通报问题解决进展情况。",
        "5.制定出台《温州市小微企业园提质升级及专精特新产业园创建三年行动计划》,以已有四星、五星级园区为重点,加大培育扶持力度,争取创成一批专精特新产业园。",
      },
      phase = "长期实施",
      responsible_units = { "市经信局", "市发展改革委", "市财政局", "市自然资源和规划局", "市人力社保局", "市金融办" },
      lead_units = { "市经信局" },
      contact = { name = "何小小", phone = "0577-88968050" },
    },
    measure{
      id = "R24", section = "五、(二十四) 24", group = "G5",
      title = "依法保护民营企业产权和企业家权益",
      text = "依法保护民营企业产权和企业家权益",
      key_work = "(二十四)依法保护民营企业产权和企业家权益",
      city_target = "1.2023年底,诉前羁押率控制在35%以下,诉前羁押必要性审查率达到80%以上。2.组织开展“百日集中执行暖春行动”,迭代“执行一件事”应用,推动执行全流程节点公开、接受监督,提高案件执行效率。3.持续开展涉企“挂案”清理活动,上线“挂案”预警与统计数字化模块,减少和防止涉企“挂案”,减轻企业“诉累”。4.知识产权行政裁决案件年度结案率95%以上、知识产权案件平均办理周期压减率5%以上。5.形成不少于6个重点产业的合规指引;建立健全一批产业合规配套制度机制;打造一批产业合规中心(非实体性机构);培育一批合规治理企业和法治民营企业;打造第一批合规企业、合规园区示范样板30家。6.大力推进民商事纠纷诉前调解改革,实现民商事纠纷诉前调解成功数与法院一审办结案件数比值达1.2以上。7.分级开展涉营商环境行政规范性文件清理活动。8.推进《温州市民营企业科技创新促进条例》立法。9.到2023年底,实现民商事案件自动履行率达到50%以上。",
      actions = {
        "1.全面落实宽严相济刑事政策,加强公检法司协作配合,形成司法合力,统一不捕不诉适用标准;做好社会矛盾化解工作,最大限度减少社会对立面;规范执行非羁押强制措施,做好诉讼后期跟踪保障工作,不断提高羁押必要性审查率,促使诉前羁押率保持在最优区间。",
        "2.严格落实省高院关于“执行一件事”的工作部署,发挥温州法院执行领域深化改革优势,持续推进“执行一件事”集成改革,争取温州法院开发的资金流水分析子场景、云执车子场景在全省法院推广应用。",
        "3.以“当事人一件事”集成改革理念深入推进诉源治理和多元解纷,加快构建“不走、少走、快走诉讼流程”机制。",
        "4.成立市县两级“挂案”专项清理工作专班,制定集中攻坚行动方案,落实专人编制“挂案”与“准挂案”台账,逐案落实专人负责,持续推进涉企“挂案”清理工作,联动建立清单式排查、常态化督查、数字化预防等机制。",
        "5.推进知识产权纠纷快速处理国家试点,推动知识产权纠纷快速处理,缩减办案周期,降低维权成本。",
        "6.以全国首个知识产权联合执法中心为重要阵地,充分履行知识产权刑事打击职能,加强知识产权保护。",
        "7.正式发布2023年度打击侵权假冒典型案例,全面实施《关于开展企业变更登记与商标变更信息协同改革试点工作方案》(温市监知中〔2023〕2号)和《温州市市场监督管理局关于优化知识产权纠纷快速处理机制的通知》(温市监知保〔2023〕11号)等文件。",
        "8.加快编制重点产业合规指引,系统梳理县域产业法律法规,摸排高发法律风险,确保年底前完成6部重点产业合规指引和《企业自主合规操作指南》编制。",
        "9.建立合规服务阵地,探索建立“1+N”合规阵地,推进企业合规中心和合规服务点建设,集成提供一整套相对成熟的模块服务;创新产业合规配套机制,制定合规激励机制,大力推进“合规激励政策清单”落地。",
        "10.推进企业内部合规,全面推广应用“企业合规通”,组建线上法律专家服务团,探索“一站式”企业合规服务。",
        "11.探索政研联动打造企业合规培训基地,设置一批精品课程,并按照分行业、分模块要求,加快制定产业合规有效性评价标准、合规示范企业评级和验收标准。",
        "12.储备合规专业人才,建立100人以上的专家库,重点招募法学教授、专业律师及行政执法业务骨干,培育认定合规人才200人以上。",
        "13.继续推动五大传统支柱行业“企检服务中心”实质化运行,推进全流程刑事合规工作,探索建立合规整改成果互认常态化机制,加强行业事前合规引导。",
        "14.推进“调诉引流、调解优先”,发挥县域社会治理中心功能和行业自治作用,探索行业调解机制建设,有效提升涉民营企业和企业家矛盾纠纷调解引流度、化解度、协作度。",
        "15.明确政策文件清理工作计划,确定清理范围以及清理重点,分级推进市县乡三级政府及其部门行政规范性文件梳理、废止、修订。",
        "16.完善市场化重整机制,积极争取开展个人破产试点,有序推进个人债务集中清理。",
      },
      phase = "长期实施",
      responsible_units = { "市司法局(市委依法治市办)", "市市场监管局", "市检察院", "市法院", "市公安局" },
      lead_units = { "市司法局(市委依法治市办)" },
      contact = { name = "何康莉", phone = "0577-88366075" },
    },
    measure{
      id = "R25", section = "五、(二十五) 25", group = "G5",
      title = "构建亲清政商关系",
      text = "构建亲清政商关系",
      key_work = "(二十五)构建亲清政商关系",
      city_target = "1.2023年底前,调整完善市级领导干部定点联系民营企业家制度、民间投资重大项目制度。2.每年举办各类政企恳谈活动不少于100场。",
      actions = {
        "1.优化调整市四套班子领导挂钩联系制度,建立市县两级领导干部定点联系民营企业家制度。",
        "2.建立市县两级领导干部联系民间投资重大项目制度。",
        "3.持续完善“‘两万’行动+两个健康‘直通车’+帮企云+96666服务热线+维权服务平台服务体系”,各类渠道收集到的企业问题诉求全部纳入“一表通管”,配套建立回访评价制度,做到“有问有答”、形成问题解决闭环。",
        "4.开展温州市民营企业历史遗留问题大化解工作。",
        "5.全面落实《推动政商关系亲清正循环集成改革工作方案》(温纪发〔2023〕19号)。",
        "6.迭代优化“三清单一承诺”机制,细化制定党员干部“八个允许”“八个不准”和民营企业“八个不得”,开展反对“挈篮子”承诺。",
        "7.紧盯权力集中、资金密集、资源富集的重点领域,坚决查处风险隐患大的行业性、系统性腐败。",
      },
      phase = "长期实施",
      responsible_units = { "市委统战部", "市“两个健康”办", "市发展改革委", "市工商联", "市纪委监委机关" },
      lead_units = { "市委统战部" },
      contact = { name = "林逸哲", phone = "0577-88968929" },
    },
    measure{
      id = "R26", section = "五、(二十六) 26", group = "G5",
      title = "推动政务服务增值化改革",
      text = "推动政务服务增值化改革",
      key_work = "(二十六)推动政务服务增值化改革",
      city_target = "1.积极争取政务服务增值化改革省级试点,加快推动市本级和12个县(市、区)建设企业综合服务中心(专区)。2.按照“浙里办”建设规范和省级企业综合服务专区建设模式,加快建设具有温州特色的企业综合服务应用。3.积极争取电子营业执照集成应用国家试点和“企业码”省级试点,大力推动企业信息“一码通展”、企业事项“一码通办”、企业服务“一码通达”。营商环境评价体系涉企事项应用场景数、应用率分别争取全省第一、全国前三。4.在省级涉企服务事项清单指导目录和“一类事”指导目录的基础上,结合温州产业实际和企业需求,推出更多特色服务事项和“一类事”服务场景。5.建立健全各项工作机制,确保企业服务中心发挥实效。",
      actions = {
        "1.建强线下为企服务主阵地。总结温州湾新区试点经验,依托各地政务服务中心,强化涉企服务渠道、服务职能、服务资源、服务力量统筹整合,优化提升市民中心企业服务专区,加快打造县级企业综合服务中心,打造市县一体、高效运行的企业服务中心。",
        "2.做优线上综合服务主平台。市县两级分别探索建设具有地方特色的综合服务应用,推动企业办事的应用、网站、移动端等向本地企业综合服务专区整合,丰富服务场景、优化交互体验。",
        "3.推动“企业码”应用走在前列。以承接国家试点和入选全省营商环境“最佳实践案例”为契机,全面关联集成企业各类信息数据,加快完成营商环境评价体系内11个指标、15个事项和3个高频涉企事项应用场景搭建。",
        "4.拓展更多增值化服务领域。结合实际细化形成《温州市涉企服务共性事项清单》,县(市、区)在此基础上梳理一批日常办件多、需求呼声高的地方特色事项,进一步拓展为企服务的广度和深度。",
        "5.打造一批“一类事”服务场景。大力推动省定“一类事”服务场景落地落实,持续深化企业投资项目促产“一件事”改革,谋划打造1-2个具有地方特色的“一类事”服务场景。",
        "6.完善一系列服务运行机制。聚焦市县企业综合服务中心高效运行、线下线下业务协同办理、政府企业有效互动、问题诉求闭环解决等方面,建立健全一系列工作机制,加快构建“企业出题、政府解题”的为企服务工作格局。",
      },
      phase = "2023-2025年",
      responsible_units = { "市委改革办", "市政务服务局", "市发展改革委", "市经信局", "市市场监管局", "市大数据发展管理局" },
      lead_units = { "市委改革办" },
      contact = { name = "刘振广", phone = "0577-88967917" },
    },
    measure{
      id = "R27", section = "五、(二十七) 27", group = "G5",
      title = "创新优化监管执法方式",
      text = "创新优化监管执法方式",
      key_work = "(二十七)创新优化监管执法方式",
      city_target = "1.2023年,跨部门联合双随机监管实施率达30.5%以上,执法监管“一件事”拓展至75件以上。2.到2023年底,轻微违法不予处罚清单拓展到26个领域,基本实现行政裁量标准制度化、行为规范化、管理科学化。3.推广应用行政行为码,预防和减少随意上门、线下办案。4.高频行政执法事项裁量基准细化率达100%。",
      actions = {
        "1.推进大综合一体化执法监管。依托大综合一体化执法监管数字应用系统,统筹执法监管计划和任务,推行以部门联合双随机监管为主要方式的“综合查一次”联合执法机制,全面推行“双随机、一公开”监管模式;在全市范围部署开展为期六个月的低质量任务专项整治行动,落实每日监测预警、定期进度通报等制度;全面推行综合查一次,实施《温州市全面实施“综合查一次”联合执法机制工作方案》,在龙湾、瓯海两地率先开展“综合查一次”联合执法机制试点工作。",
        "2.深化执法监管“一件事”改革。聚焦群众关注热点、行业治理难点、中心工作重点、部门监管盲点,梳理多部门跨领域执法监管事项,梳理形成一批执法监管“一件事”,推进综合集成监管,提高执法监管效率。",
        "3.大力推广非现场监管方式。探索开展以部门协同远程监管、移动监管、预警防控等为特征的非现场监管,减少执法扰企扰民;做好非现场监管系统和“大综合一体化”执法监管数字应用的市级层面衔接,对贯通流转的线索进行100%闭环处置。",
        "4.全面推行涉企柔性执法。针对涉案违法企业,在守住底线的前提下,创新实施涉企柔性执法举措;梳理涉及842项行政处罚事项的“涉企依法不予行政处罚事项目录”,持续推动清单扩容提质;强化涉企行为指导,助力企业合规经营;加强行政执法监督,保障执法规范公正。",
        "5.规范行政执法裁量权基准,指导市级有关业务主管部门配套制定行政裁量权基准,在浙江政务服务网、本地人民政府官网或本单位官网公示。",
        "6.利用省“大综合一体化”执法监管数字应用平台,大力推行行政行为码。",
      },
      phase = "长期实施",
      responsible_units = { "市综合行政执法局", "市司法局", "市市场监管局" },
      lead_units = { "市综合行政执法局" },
      contact = { name = "严轩逸", phone = "0577-88968530" },
    },
    measure{
      id = "R28", section = "五、(二十八) 28", group = "G5",
      title = "完善社会信用激励约束机制",
      text = "完善社会信用激励约束机制",
      key_work = "(二十八)完善社会信用激励约束机制",
      city_target = "温州市社会信用立法力争纳入2024年市人大立法预备审议项目,深化信用修复一件事改革,推广信用承诺制度,实施专项信用报告替代有无违法违规证明。",
      actions = {
        "1.推动温州市社会信用立法,力争纳入2024年市人大立法预备审议项目。",
        "2.深化信用修复一件事改革,启动信用修复AI智能语音外呼服务,引导失信企业开展信用修复,推动国家企业信用信息公示系统和信用中国(浙江温州)网站实现信用修复结果共享互认,避免多头修复加重企业负担。",
        "3.在事前监管中全面推广信用承诺制度,在全市招投标代理领域范围推行事前“双承诺”制度,构建招标代理信用闭环管理体系。",
        "4.全面落实《专项信用报告替代有无违法违规证明实施方案》(浙政办发〔2023〕52号)有关要求,2023年全面推广使用专项信用报告替代有无违法违规证明。",
      },
      phase = "长期实施",
      responsible_units = { "市发展改革委", "市市场监管局", "市政务服务局" },
      lead_units = { "市发展改革委" },
      contact = { name = "陈春成", phone = "0577-88961561" },
    },
    measure{
      id = "R29", section = "五、(二十九) 29", group = "G5",
      title = "完善拖欠账款和欠薪常态化预防清理机制",
      text = "完善拖欠账款和欠薪常态化预防清理机制",
      key_work = "(二十九)完善拖欠账款和欠薪常态化预防清理机制",
      city_target = "1.排查和掌握拖欠中小企业账款信息。2.及时交办拖欠案例,明确案件的清偿主体和督办责任单位。3.经核实未清偿且不存在分歧的逾期欠款,原则上在受理后30日内办结;有分歧欠款,推动加快协商解决或通过法律手段解决。4.开展督查工作,进一步发现拖欠线索,对瞒报、漏报、弄虚作假等情况进行通报,形成清欠工作完成情况报告。",
      actions = {
        "1.通过各级减负办主动排查、通过“帮企云”和“96666”电话等渠道收集拖欠案件信息。",
        "2.建立拖欠台账,鉴定拖欠性质,明确案件内容、责任主体、清偿期限和督办责任单位。",
        "3.落实清理拖欠中小企业账款与根治欠薪联动机制,实时共享“浙江无欠薪”工作中发现的欠款和欠薪问题,推动企业在解决被拖欠账款时优先解决拖欠工资问题;人力社保部门在日常监管中发现因拖欠中小企业账款导致欠薪的,及时抄告经信部门联动处置。",
        "4.开展专项督查工作,督查内容包括是否建立相关工作机制和制度、拖欠信息是否按规定披露、有无瞒报、漏报、弄虚作假等情况以及拖欠案件是否按要求完成清偿和化解,对情节严重的政府、事业单位和国有企业进行通报。",
        "5.完善拖欠账款清理与审计、督查、巡视等制度的常态化对接机制,加大对拖欠民营企业账款的清理力度,重点清理机关、事业单位、国有企业拖欠中小企业账款;审计部门加强审计监督,定期对全市机关、事业单位、国有企业的应付账款予以审计,经评估后及时予以清偿。",
        "6.严厉打击编造虚构事实,以讨薪名义采用极端手段讨要工程款或解决与用人单位其他经济纠纷,进而威胁政府、胁迫企业的违法行为。",
      },
      phase = "长期实施",
      responsible_units = { "市经信局", "市“两个健康”办", "市公安局", "市司法局", "市财政局", "市审计局", "市市场监管局", "市国资委", "市人力社保局", "市工商联" },
      lead_units = { "市经信局" },
      contact = { name = "路璐", phone = "0577-88968105" },
    },
    measure{
      id = "R30", section = "五、(三十) 30", group = "G5",
      title = "促进民营经济人士健康成长",
      text = "促进民营经济人士健康成长",
      key_work = "(三十)促进民营经济人士健康成长",
      city_target = "到2023年底,全市培训新生代企业家不少于1000人次。",
      actions = {
        "1.实施“青蓝头雁”培育计划,推进导师制、部门指导员等制度落实。",
        "2.做好温州民营经济研修院实体化运作工作,擦亮“青蓝新学”培训品牌,加强与上海国家会计学院等合作,拓宽培训渠道,创新培训方式,提升培训实效。",
        "3.积极促进温二代“四海归航”,实施温商“青蓝接力”计划,建立新生代温商培育“千名人才库”。",
        "4.加大新生代企业家政治安排力度,做好政治传承。",
        "5.发挥年轻一代企业家联谊平台作用,组织走进更多的央企、国企、上市公司与龙头企业,赋能创新企业高质量发展。",
        "6.指导瓯海区创新“四有”新生代企业家培育模式,推动民营企业“两个健康”发展省级试点工作。",
      },
      phase = "长期实施",
      responsible_units = { "市委统战部", "市“两个健康”办", "市财政局", "市工商联", "瓯海区政府" },
      lead_units = { "市委统战部" },
      contact = { name = "林逸哲", phone = "0577-88968929" },
    },
    measure{
      id = "R31", section = "五、(三十一) 31", group = "G5",
      title = "营造尊重民营经济创新创业的舆论环境",
      text = "营造尊重民营经济创新创业的舆论环境",
      key_work = "(三十一)营造尊重民营经济创新创业的舆论环境",
      city_target = "1.到2023年底,打造10个具有代表性的营造民营经济良好舆论环境典型案例。2.到2025年,营商环境优化提升的宣传工作体系更加完备。",
      actions = {
        "1.依托主流媒体建立常态化典型宣传工作机制,持续推出一批有影响力的栏目,加强对我市促进民营经济高质量发展意见、举措及典型案例的宣传推介。",
        "2.持续开展“温州实力民企百强”、“两个健康”龙虎榜等评选,对优秀企业家先进事迹进行系列宣传报道;开展“两个健康·激扬‘四千精神’”、寻找温州民营经济“新”活力等专题采访宣传活动。",
        "3.针对民营企业的所急所盼所想,依托网络问政、电视问政等媒体监督栏目开展舆论监督报道。",
        "4.健全民企负面舆情研判联动机制,加强宣传、网信、公安等部门的舆情信息联通对接和联动快反处置,及时指导、大力支持民企处置负面舆情。加强涉民企谣言线索发现落实查处,加大相关谣言案件的打处、平台整治和宣传力度。",
        "5.深入开展依法治网体系建设工作,健全完善互联网信息内容“分业分层监管、联合联动执法”工作机制。",
      },
      phase = "长期实施",
      responsible_units = { "市委宣传部", "市委网信办", "市“两个健康”办", "市经信局", "市公安局", "市新闻传媒中心" },
      lead_units = { "市委宣传部" },
      contact = { name = "朱全全", phone = "0577-88966220" },
    },
    measure{
      id = "R32", section = "五、(三十二) 32", group = "G5",
      title = "建立健全“四个定期”调度评估工作机制",
      text = "建立健全“四个定期”调度评估工作机制",
      key_work = "(三十二)建立健全“四个定期”调度评估工作机制",
      city_target = "全年民间投资增速好于上半年,力争超过省平均水平。",
      actions = {
        "1.加强《浙江省民营企业发展促进条例》《浙江省促进中小微企业发展条例》宣贯落实,营造全社会支持民营经济发展浓厚氛围。",
        "2.建立年度评估机制,加快编写发布《民营经济发展报告(2022)民营经济高质量发展的温州实践》,将温州“两个健康”实践探索上升为系统理论。",
        "3.加强民营经济统计监测,加快“民营经济健康发展评价指标体系”和“民营企业家健康成长评价指标体系”省标报批公示,力争将“两个健康”温州市地方标准上升为浙江省地方标准。",
        "4.完善专班工作机制,开展定期调度,对工作落实情况进行督查通报,工作落实不力、进展缓慢的予以通报批评、约谈提醒,推动各项工作落实落细;完善“集中攻关、集中审批”协调例会机制,定期梳理问题清单,及时协调解决重大项目建设、重大产业发展中存在的困难和问题。",
        "5.强化总结宣传,及时归纳总结好的经验做法,打造独具温州特色的标志性成果,高质量办好2023年温州民营企业家节暨“两个健康”经验交流会等活动,多渠道、多形式加大与全国12个“两个健康”推广试点城市的合作交流。",
      },
      phase = "长期实施",
      responsible_units = { "市“两个健康”办", "市发展改革委", "市委统战部", "市工商联" },
      lead_units = { "市“两个健康”办" },
      contact = { name = "王晓东", phone = "18768147338" },
    },
  },
  targets = {
    -- R01 2023-2027年. 目标: the provincial tax policies (25%, 200万元, 100%, 5%, to 2027年底) are benefits, not targets. 举措 3: 6 and 3 个工作日 (T001 to the row's end, T002 to 2024年底). “8+4”, 四方协作 are names
    target{
      id = "T001", section = "一、(一) 1", measure = "R01", group = "G1",
      indicator = "wz_p32_export_refund_days", quote = "出口企业正常出口退税平均办理时间在6个工作日内",
      value = 6, unit = "个工作日", comparator = "<=", kind = "duration",
      deadline = "2027-12-31",
      note = "落实举措 3. This clause names no year: the 2024年底 after it closes the next clause (…压缩在3个工作日内政策延续实施至2024年底, T002), so the deadline is the row's 实施阶段 end (2023-2027年). Read as one sentence, 2024年底 would govern both (2024-12-31)",
    },
    target{
      id = "T002", section = "一、(一) 1", measure = "R01", group = "G1",
      indicator = "wz_p32_export_refund_days_class12", quote = "一类、二类出口企业正常出口退(免)税的平均时间压缩在3个工作日内",
      value = 3, unit = "个工作日", comparator = "<=", kind = "duration",
      deadline = "2024-12-31",
      note = "落实举措 3: 政策延续实施至2024年底 closes this clause",
    },
    -- R02 2023-2027年. 目标: 70%, 80% (no year: 2027). 举措: no number
    target{
      id = "T003", section = "一、(二) 2", measure = "R02", group = "G1",
      indicator = "wz_p32_city_funds_private_share", quote = "温州市重点产业发展基金、温州市科创基金、温州市国资创新基金投向民间投资项目比重达到70%以上",
      value = 70, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "the three funds together; no year named: the row's 实施阶段 2023-2027年",
    },
    target{
      id = "T004", section = "一、(二) 2", measure = "R02", group = "G1",
      indicator = "wz_p32_sjtx_mother_fund_private_share", quote = "浙江省“专精特新”(温州)母基金投向民间投资项目比重达到80%以上",
      value = 80, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "no year named: the row's 实施阶段 2023-2027年",
    },
    -- R03 长期实施. 目标: 70%, 82家, 2000亩 (2023). 举措 1: 100%/60%/40% 计划指标保障 to apply for (2027). “数据得地365”, 退二进三 are names
    target{
      id = "T005", section = "一、(三) 3", measure = "R03", group = "G1",
      indicator = "wz_p32_industrial_land_private_share", quote = "2023年工业供地中民企占比达到70%以上",
      value = 70, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T006", section = "一、(三) 3", measure = "R03", group = "G1",
      indicator = "wz_p32_data_land_firms", quote = "2023年完成“数据得地”供地82家",
      value = 82, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "82家、2000亩以上: 以上 read for both numbers",
    },
    target{
      id = "T007", section = "一、(三) 3", measure = "R03", group = "G1",
      indicator = "wz_p32_data_land_area", quote = "2023年完成“数据得地”供地82家、2000亩以上",
      value = 2000, unit = "亩", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T107", section = "一、(三) 3", measure = "R03", group = "G1",
      indicator = "wz_p32_plan_quota_major", quote = "被列为特别重大的，向省里申请100%计划指标保障",
      value = 100, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "落实举措 1: the share of the plan quota to apply for, for projects graded 特别重大; 长期实施 → the period end",
    },
    target{
      id = "T108", section = "一、(三) 3", measure = "R03", group = "G1",
      indicator = "wz_p32_plan_quota_leading", quote = "被列为引领性的，申请60%计划指标保障",
      value = 60, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "落实举措 1: for projects graded 引领性; 长期实施 → the period end",
    },
    target{
      id = "T109", section = "一、(三) 3", measure = "R03", group = "G1",
      indicator = "wz_p32_plan_quota_demo", quote = "被列为示范性的，申请40%计划指标保障",
      value = 40, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "落实举措 1: for projects graded 示范性; 长期实施 → the period end",
    },
    -- R04 2023-2025年. 目标: 每年 80% (2025). 举措 2: 0.52吨标准煤/万元 selects the projects (a threshold), left out
    target{
      id = "T008", section = "一、(四) 4", measure = "R04", group = "G1",
      indicator = "wz_p32_new_energy_use_private_share", quote = "每年新增能耗的80%以上支持民间投资项目",
      value = 80, unit = "%", comparator = ">=", kind = "share",
      deadline = "2025-12-31", every = "year",
      note = "deadline: the row's 实施阶段 2023-2025年",
    },
    -- R05 长期实施. 目标: 11 numbers (2023); 贷款增速高于…, 延期至2024年末, 保持全省前列 have none. 举措 8: 汇率避险担保比例 8% (2027); 浙金发 numbers, “千名行长走万企” are names
    target{
      id = "T009", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_private_economy_loans_new", quote = "确保2023年实现民营经济贷款和小微企业贷款均新增800亿元以上",
      value = 80000000000, unit = "元", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "one number for two quantities, one target each (this: 民营经济贷款)",
    },
    target{
      id = "T010", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "small_micro_loans_new", quote = "确保2023年实现民营经济贷款和小微企业贷款均新增800亿元以上",
      value = 80000000000, unit = "元", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "one number for two quantities, one target each (this: 小微企业贷款)",
    },
    target{
      id = "T011", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_shuangbao_loans_issued", quote = "辖内新发放“双保”助力贷款超300亿元",
      value = 30000000000, unit = "元", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T012", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_continuous_flexible_loan_share", quote = "“连续贷+灵活贷”两项机制占企业流动资金贷款比例超过50%",
      value = 50, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T013", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_individual_business_loan_balance", quote = "全市个体工商户贷款余额达到2800亿元以上",
      value = 280000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T014", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_individual_business_loan_province_share", quote = "占全省比重超六分之一",
      value = 100 / 6, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
      note = "the share of 全市个体工商户贷款余额 in the province; 六分之一 written as a fraction: value 100/6 %",
    },
    target{
      id = "T015", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_gov_guarantee_balance", quote = "全市政府性融资担保支农支小余额达230亿元以上",
      value = 23000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T016", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_microcredit_inclusive_share", quote = "全市小贷公司新发放贷款中，支农支小普惠金融贷款占比不低于70%",
      value = 70, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T017", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "first_loan_borrowers_new", quote = "2023年首贷户新增1万户以上",
      value = 10000, unit = "户", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T018", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_kechuang_index_credit_balance", quote = "“科创指数”融资模式授信余额突破800亿元",
      value = 80000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T019", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_two_healthy_points_loan_balance", quote = "“两个健康”积分贷余额超10亿元",
      value = 1000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T110", section = "一、(五) 5", measure = "R05", group = "G1",
      indicator = "wz_p32_fx_hedge_guarantee_ratio", quote = "将外贸企业汇率避险担保比例从5%提高至8%",
      value = 8, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "落实举措 8: a rate to reach (提高至 read as 达到); the 5% is today's ratio, not a goal; 长期实施 → the period end",
    },
    -- R06 2023-2025. 目标: 11 numbers (目标 5 restates 目标 1: one target); 举措 3 restates 目标 2 (one target); 举措 9: 随迁子女100%入学 (2025). 第二批, “510+”, “1+N” are names
    target{
      id = "T020", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_academicians_experts", quote = "引育全职院士和“鲲鹏行动”专家5名",
      value = 5, unit = "名", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "a bare goal, read as a minimum",
    },
    target{
      id = "T021", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_college_graduates_new", quote = "高校毕业生群体数量新增12万人以上",
      value = 120000, unit = "人", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "目标 5 (到2023年底, 全市新增高校毕业生12万人) restates this goal: one commitment, encoded once (here, with its 以上)",
    },
    target{
      id = "T022", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_private_title_review_firms", quote = "新授予2家以上规模以上民营企业中级职称自主评审权限",
      value = 2, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "落实举措 3 restates it (优选2家以上条件比较成熟的民营企业, 授予中级职称自主评审权限): one commitment, encoded once",
    },
    target{
      id = "T023", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_vocational_training", quote = "全市开展职业技能培训12万人次以上",
      value = 120000, unit = "人次", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T024", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_skilled_talents_new", quote = "新增技能人才5.42万人",
      value = 54200, unit = "人", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T025", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_order_classes", quote = "全市技工院校与企业合办“订单班”“冠名班”30个",
      value = 30, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T026", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_order_class_students", quote = "在读学生1200人以上",
      value = 1200, unit = "人", comparator = ">=", kind = "level",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T027", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_tech_school_partner_firms", quote = "全市技工院校合作企业达到400家以上",
      value = 400, unit = "家", comparator = ">=", kind = "level",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T028", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_industry_colleges", quote = "共同成立产业学院5个以上",
      value = 5, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T029", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_enterprise_colleges", quote = "企业学院5个以上",
      value = 5, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T031", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_integration_firms", quote = "培育形成100家市级以上(含市级)产教融合型企业清单",
      value = 100, unit = "家", comparator = ">=", kind = "level",
      deadline = "2025-12-31",
    },
    target{
      id = "T111", section = "一、(六) 6", measure = "R06", group = "G1",
      indicator = "wz_p32_migrant_children_enrolment", quote = "符合条件的义务教育阶段随迁子女在家长常住地100%入学",
      value = 100, unit = "%", comparator = ">=", kind = "share",
      deadline = "2025-12-31",
      note = "落实举措 9: a rate to reach; no year named: the row's 实施阶段 end (2023-2025)",
    },
    -- R07 长期实施. 目标: 10个 (2023). 举措 1: 3类项目清单 names the existing lists, left out
    target{
      id = "T032", section = "二、(七) 7", measure = "R07", group = "G2",
      indicator = "wz_p32_projects_promoted_private", quote = "2023年向民间资本推介项目不少于10个",
      value = 10, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    -- R08 长期实施. 目标: 16 numbers (2023, 2025, 2027); 目标 3's 70% (2023) = 举措 3's 每年70% (one target, T048). 举措 5: 每年50场次. 举措 3: 突破2项限制、最多可达3项 is a limit granted to firms; “十个一批”, “315” are names
    target{
      id = "T033", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_key_lab_applications_private", quote = "支持2家以上民企作为共建单位申报全省重点实验室",
      value = 2, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T034", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_joint_labs_private", quote = "支持省级新型研发机构与民企建设联合实验室、研发机构5家以上",
      value = 5, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T035", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_key_lab_applications_private", quote = "到2027年，支持4家民企牵头或作为共建单位申报全省重点实验室",
      value = 4, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2027-12-31",
      note = "到2027年: counted from 2023 (the 2023 goal, T033, is 2家以上)",
    },
    target{
      id = "T036", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_joint_labs_private", quote = "支持省级新型研发机构与民企建设联合实验室、研发机构15家以上",
      value = 15, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2027-12-31",
      note = "到2027年: counted from 2023 (the 2023 goal, T034, is 5家以上)",
    },
    target{
      id = "T037", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_basic_research_share_rank", quote = "2023年基础研究经费占研发经费的比重排名全省前三",
      value = 3, unit = "位", comparator = "<=", kind = "other",
      deadline = "2023-12-31", year = 2023,
      note = "a rank among Zhejiang's cities: the top three, 位 <= 3",
    },
    target{
      id = "T038", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_basic_research_input", quote = "到2027年，力争全社会基础研究投入超30亿元以上",
      value = 3000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2027-12-31",
      note = "the year's total input, at the deadline",
    },
    target{
      id = "T040", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_above_scale_rd_revenue_ratio", quote = "推动规上工业企业研发费用占营业收入的比例达到3.4%以上",
      value = 3.4, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
      note = "目标 3 opens with 2023年, read as governing both of its clauses (the nearer reading); read as the first clause's year only, this clause would fall to the period end (2027-12-31)",
    },
    target{
      id = "T041", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_tech_innovation_centers_private", quote = "2023年支持1家民营企业牵头或作为核心共建单位建设省技术创新中心",
      value = 1, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T042", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_tech_leader_applicants", quote = "支持3家民营企业申报省科技领军企业",
      value = 3, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T043", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_tech_little_giant_applicants", quote = "支持10家民营企业申报省科技小巨人企业",
      value = 10, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T044", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_high_tech_applicants", quote = "支持600家民营企业申报国家高新技术企业",
      value = 600, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "firms supported to apply, not firms recognised: not the catalog's high_tech_firms_new",
    },
    target{
      id = "T045", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_tech_sme_applicants", quote = "支持1800家民营企业申报省科技型中小企业",
      value = 1800, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "firms supported to apply, not firms recognised: not the catalog's tech_smes_new",
    },
    target{
      id = "T046", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_private_tech_trade", quote = "推动民营企业实现技术交易额200亿元以上",
      value = 20000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2027-12-31",
      note = "no year named: the document's period end (the row's 实施阶段 is 长期实施); the neighbouring goals are for 2023",
    },
    target{
      id = "T047", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_rd_gdp_ratio", quote = "R&D经费支出占GDP比重达3%左右",
      value = 3, unit = "%", comparator = "~", kind = "share",
      deadline = "2025-12-31",
    },
    target{
      id = "T048", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_major_sci_projects_firm_share", quote = "每年支持企业牵头参与的重大科技项目数占市重大科技项目数达到70%以上",
      value = 70, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31", every = "year",
      note = "落实举措 3: 每年, every year of the row (长期实施 → the period end). 目标 3 states the same share for 2023 (2023年支持企业牵头参与的市重大科技项目数占市重大科技项目数不少于70%): one commitment, encoded once, here, where it covers every year",
    },
    target{
      id = "T049", section = "二、(八) 8", measure = "R08", group = "G2",
      indicator = "wz_p32_tech_roadshows", quote = "每年开展成果路演对接活动50场次以上",
      value = 50, unit = "场", comparator = ">=", kind = "cumulative_new",
      deadline = "2027-12-31", every = "year",
      note = "落实举措 5: a number with a recurring deadline; 场次 counted in 场",
    },
    -- R09 长期实施. 目标: 约100家, 500亿元, 1000亿元 (2025). 举措: no number (2023 names the 创投大会)
    target{
      id = "T050", section = "二、(九) 9", measure = "R09", group = "G2",
      indicator = "wz_p32_equity_investment_institutions", quote = "全市集聚约100家股权投资机构",
      value = 100, unit = "家", comparator = "~", kind = "level",
      deadline = "2025-12-31",
    },
    target{
      id = "T051", section = "二、(九) 9", measure = "R09", group = "G2",
      indicator = "wz_p32_managed_fund_size", quote = "管理基金规模超过500亿元",
      value = 50000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2025-12-31",
    },
    target{
      id = "T052", section = "二、(九) 9", measure = "R09", group = "G2",
      indicator = "wz_p32_registered_fund_size", quote = "注册基金规模超过1000亿元",
      value = 100000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2025-12-31",
    },
    -- R10 长期实施. No number
    -- R11 长期实施. 目标: 206亿元, 88%, 5个百分点 (2023). 举措 1: 预留份额40%以上 (2027); 400万元以上 is the scope
    target{
      id = "T053", section = "二、(十一) 11", measure = "R11", group = "G2",
      indicator = "wz_p32_gov_procurement_sme_amount", quote = "2023年全市完成政府采购授予中小企业合同金额不少于206亿元",
      value = 20600000000, unit = "元", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T054", section = "二、(十一) 11", measure = "R11", group = "G2",
      indicator = "wz_p32_gov_procurement_sme_share", quote = "占政府采购总额的比例不低于88%",
      value = 88, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T055", section = "二、(十一) 11", measure = "R11", group = "G2",
      indicator = "wz_p32_gov_procurement_sme_share_increase", quote = "比2022年提高5个百分点以上",
      value = 5, unit = "个百分点", comparator = ">=", kind = "other",
      deadline = "2023-12-31", year = 2023,
      note = "increase of the share over 2022; the 2022 share is not given",
    },
    target{
      id = "T112", section = "二、(十一) 11", measure = "R11", group = "G2",
      indicator = "wz_p32_procurement_works_sme_reserved_share", quote = "中小企业预留份额比例必须达到40%以上",
      value = 40, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "落实举措 1: of the 政府采购工程项目 that must be tendered (400万元以上, the scope, not a goal) and suit SMEs; 长期实施 → the period end",
    },
    -- R12 长期实施. 目标: 13件以内 (2027). 举措: (2023版) names a text
    target{
      id = "T056", section = "三、(十二) 12", measure = "R12", group = "G3",
      indicator = "wz_p32_bidding_normative_docs", quote = "将全市招投标行政规范性文件总量控制在13件以内",
      value = 13, unit = "件", comparator = "<=", kind = "level",
      deadline = "2027-12-31",
      note = "no year named: the document's period end (实施阶段 长期实施)",
    },
    -- R13 长期实施. 目标: 10% (2027; 2023年以来 is the scope). 举措: 十大行动, 五方主体 name existing lists, left out
    target{
      id = "T057", section = "三、(十三) 13", measure = "R13", group = "G3",
      indicator = "wz_p32_bidding_projects_checked_share", quote = "各级招投标综合部门排查2023年以来招投标项目不低于10%",
      value = 10, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "2023年以来 bounds the projects to check, it is not a deadline: 长期实施 → the document's period end",
    },
    -- R14 长期实施. No target: 9个试点地区 lists the existing pilots; 2023年底前 搭建应用场景 has no number
    -- R15 长期实施. No number
    -- R16 长期实施. No number (12345 is a hotline)
    -- R17 2023年. 目标: 1000家, 120场, 4条 (2023). 举措 1, 2, 4: 77个重点展会, 3个自办展, 16条出入境举措 (2023); 压缩通关时长至低于全省平均水平 has no number
    target{
      id = "T058", section = "四、(十七) 17", measure = "R17", group = "G4",
      indicator = "wz_p32_market_expansion_firms", quote = "累计组织1000家以上企业",
      value = 1000, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T059", section = "四、(十七) 17", measure = "R17", group = "G4",
      indicator = "wz_p32_market_expansion_events", quote = "参加境内外拓市场活动120场",
      value = 120, unit = "场", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T060", section = "四、(十七) 17", measure = "R17", group = "G4",
      indicator = "wz_p32_near_sea_routes_new", quote = "新辟近洋航线4条",
      value = 4, unit = "条", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T113", section = "四、(十七) 17", measure = "R17", group = "G4",
      indicator = "wz_p32_key_exhibitions_listed", quote = "优选77个重点展会编制目录",
      value = 77, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "落实举措 1: a number of exhibitions to select and list; the row's 实施阶段 is 2023年",
    },
    target{
      id = "T114", section = "四、(十七) 17", measure = "R17", group = "G4",
      indicator = "wz_p32_city_own_exhibitions", quote = "谋划3个市政府重点自办展",
      value = 3, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "落实举措 2: 印尼、南非 (held) and 俄罗斯 are the examples; 实施阶段 2023年",
    },
    target{
      id = "T115", section = "四、(十七) 17", measure = "R17", group = "G4",
      indicator = "wz_p32_exit_entry_measures", quote = "优化16条企业出入境管理举措",
      value = 16, unit = "条", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "落实举措 4: a number of measures to optimise; 实施阶段 2023年",
    },
    -- R18 长期实施. 目标: 5个 (2023下半年), 1场 (2023); 1000万美金 is a threshold. 举措 3: 500万元 of support to apply for (2027); “丝路领航” 2023-2025 and 服务十条 name programmes
    target{
      id = "T061", section = "四、(十八) 18", measure = "R18", group = "G4",
      indicator = "wz_p32_odi_key_projects_served", quote = "2023下半年重点服务对外投资1000万美金以上重点关注项目不低于5个",
      value = 5, unit = "个", comparator = ">=", kind = "cumulative_new",
      start = "2023-07-01", deadline = "2023-12-31", year = 2023,
      note = "2023下半年: from 2023-07-01; 1000万美金以上 is the projects' threshold",
    },
    target{
      id = "T062", section = "四、(十八) 18", measure = "R18", group = "G4",
      indicator = "wz_p32_silk_road_events", quote = "2023年举办“丝路护航”活动不少于1场",
      value = 1, unit = "场", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T116", section = "四、(十八) 18", measure = "R18", group = "G4",
      indicator = "wz_p32_odi_central_fund_applied", quote = "组织境外投资企业申报中央外经贸专项资金支持500万元以上",
      value = 5000000, unit = "元", comparator = ">=", kind = "cumulative_new",
      deadline = "2027-12-31",
      note = "落实举措 3: an amount of support to apply for; no year named, 长期实施 → the period end",
    },
    -- R19 长期实施. 目标: 7 numbers (2023). 举措: “5+5+N”, 百亿级 name clusters, left out
    target{
      id = "T063", section = "四、(十九) 19", measure = "R19", group = "G4",
      indicator = "wz_p32_online_retail_sales", quote = "实现全市网络零售额2460亿元",
      value = 246000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2023-12-31", year = 2023,
      note = "the year's total; a bare goal read as a minimum",
    },
    target{
      id = "T064", section = "四、(十九) 19", measure = "R19", group = "G4",
      indicator = "wz_p32_green_live_rooms", quote = "培育绿色直播间30家",
      value = 30, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T065", section = "四、(十九) 19", measure = "R19", group = "G4",
      indicator = "wz_p32_prov_ecommerce_demo_bases", quote = "培育省级电商产业示范基地1家",
      value = 1, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T066", section = "四、(十九) 19", measure = "R19", group = "G4",
      indicator = "wz_p32_prov_live_ecommerce_bases", quote = "省级直播电商基地1家",
      value = 1, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T067", section = "四、(十九) 19", measure = "R19", group = "G4",
      indicator = "wz_p32_city_ecommerce_bases", quote = "市级电商产业(含直播)基地10家",
      value = 10, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T068", section = "四、(十九) 19", measure = "R19", group = "G4",
      indicator = "wz_p32_city_key_ecommerce_firms", quote = "市级重点电商企业30家",
      value = 30, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T069", section = "四、(十九) 19", measure = "R19", group = "G4",
      indicator = "wz_p32_industrial_internet_platforms", quote = "建成10个工业互联网平台",
      value = 10, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    -- R20 长期实施. 目标: 3000户, 1950家, 1.5万户 (2023), 150万户 (2025). 举措 7: 3个联络点 (2027); 三年免费代理记账 is a benefit's term, 三型四类 a name
    target{
      id = "T070", section = "四、(二十) 20", measure = "R20", group = "G4",
      indicator = "individual_to_firm", quote = "新增“个转企”3000户",
      value = 3000, unit = "户", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T071", section = "四、(二十) 20", measure = "R20", group = "G4",
      indicator = "wz_p32_featured_individual_businesses", quote = "入库培育“名特优新”个体工商户1950家",
      value = 1950, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T072", section = "四、(二十) 20", measure = "R20", group = "G4",
      indicator = "wz_p32_individual_business_visits", quote = "省级监测点每季度走访个体工商户1.5万户",
      value = 15000, unit = "户", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023, every = "quarter",
    },
    target{
      id = "T073", section = "四、(二十) 20", measure = "R20", group = "G4",
      indicator = "wz_p32_market_entities", quote = "市场经营主体突破150万户",
      value = 1500000, unit = "户", comparator = ">=", kind = "level",
      deadline = "2025-12-31",
    },
    target{
      id = "T117", section = "四、(二十) 20", measure = "R20", group = "G4",
      indicator = "wz_p32_individual_business_monitoring_points", quote = "确立3个省级监测分析联络点",
      value = 3, unit = "个", comparator = ">=", kind = "level",
      deadline = "2027-12-31",
      note = "落实举措 7: the points that make the 每季度 visits of T072; 长期实施 → the period end",
    },
    -- R21 2023-2027年. 目标: 600项 (no year: 2027), 130亿元, 1500台, 12%, 80% (2023). 举措: no number
    target{
      id = "T074", section = "四、(二十一) 21", measure = "R21", group = "G4",
      indicator = "wz_p32_key_tech_renovation_projects", quote = "实施600项省重点技改项目",
      value = 600, unit = "项", comparator = ">=", kind = "cumulative_new",
      deadline = "2027-12-31",
      note = "this clause names no year: the 2023年 after it opens the next clause (2023年完成技改项目投资…), so the deadline is the row's 实施阶段 end (2023-2027年); read with that 2023 it would be 2023-12-31",
    },
    target{
      id = "T075", section = "四、(二十一) 21", measure = "R21", group = "G4",
      indicator = "wz_p32_tech_renovation_investment", quote = "2023年完成技改项目投资130亿元",
      value = 13000000000, unit = "元", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T076", section = "四、(二十一) 21", measure = "R21", group = "G4",
      indicator = "wz_p32_industrial_robots_new", quote = "新增工业机器人1500台",
      value = 1500, unit = "台", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T077", section = "四、(二十一) 21", measure = "R21", group = "G4",
      indicator = "wz_p32_tech_renovation_investment_growth", quote = "技改投资增速12%以上",
      value = 12, unit = "%", comparator = ">=", kind = "growth_rate",
      deadline = "2023-12-31", year = 2023,
      note = "growth of the year 2023 over 2022: the 2023年 that opens the sentence read for this clause too (the nearer reading); otherwise the row's 实施阶段 end, 2027-12-31",
    },
    target{
      id = "T078", section = "四、(二十一) 21", measure = "R21", group = "G4",
      indicator = "wz_p32_tech_renovation_fund_disbursement", quote = "2023年底前省级技改项目资金拨付率超80%",
      value = 80, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
    },
    -- R22 长期实施. 目标: 1个, 10个 (2023), 65%, 10% (2025). 举措: 第二批, 三个全覆盖 are names; 紧盯2024年申报动态 has no number
    target{
      id = "T079", section = "四、(二十二) 22", measure = "R22", group = "G4",
      indicator = "wz_p32_digital_pilot_counties_new", quote = "新增省级中小企业数字化改造试点县(市、区)1个以上",
      value = 1, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T080", section = "四、(二十二) 22", measure = "R22", group = "G4",
      indicator = "wz_p32_digital_service_providers_new", quote = "新增省级产业数字化服务商10个以上",
      value = 10, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T081", section = "四、(二十二) 22", measure = "R22", group = "G4",
      indicator = "wz_p32_digital_economy_gdp_share", quote = "数字经济增加值占GDP比重达65%",
      value = 65, unit = "%", comparator = ">=", kind = "share",
      deadline = "2025-12-31",
    },
    target{
      id = "T082", section = "四、(二十二) 22", measure = "R22", group = "G4",
      indicator = "wz_p32_digital_core_gdp_share", quote = "数字经济核心产业增加值占GDP比重达10%左右",
      value = 10, unit = "%", comparator = "~", kind = "share",
      deadline = "2025-12-31",
    },
    -- R23 长期实施. 目标: 5000家, 1500家, 150家 (2025), 1家 (2023). 举措: 四星、五星级 name grades, 2023-2025年 a plan's title
    target{
      id = "T083", section = "四、(二十三) 23", measure = "R23", group = "G4",
      indicator = "innovative_smes", quote = "累计培育创新型中小企业5000家",
      value = 5000, unit = "家", comparator = ">=", kind = "level",
      deadline = "2025-12-31",
      note = "累计培育: the number of firms holding the status at end-2025, a level (the catalog indicator is a stock; friendly2023 T04 sets the same goal, encoded the same way)",
    },
    target{
      id = "T084", section = "四、(二十三) 23", measure = "R23", group = "G4",
      indicator = "specialized_smes_provincial", quote = "省级专精特新中小企业1500家",
      value = 1500, unit = "家", comparator = ">=", kind = "level",
      deadline = "2025-12-31",
      note = "under 累计培育 of T083: a level at end-2025",
    },
    target{
      id = "T085", section = "四、(二十三) 23", measure = "R23", group = "G4",
      indicator = "little_giants_national", quote = "国家级专精特新“小巨人”企业超过150家",
      value = 150, unit = "家", comparator = ">=", kind = "level",
      deadline = "2025-12-31",
      note = "under 累计培育 of T083: a level at end-2025",
    },
    target{
      id = "T086", section = "四、(二十三) 23", measure = "R23", group = "G4",
      indicator = "wz_p32_specialized_parks", quote = "2023年创建专精特新产业园试点园区1家以上",
      value = 1, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    -- R24 长期实施. 目标: 8 numbers (2023, or 2027 where the item names no year); 目标 5's 6个合规指引 = 举措 8's 6部 (one target, T095, end-2023). 举措 12: 100人以上的专家库, 合规人才200人以上 (2027). 五大传统支柱行业, 第一批, “1+N” are names
    target{
      id = "T087", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_pretrial_detention_rate", quote = "诉前羁押率控制在35%以下",
      value = 35, unit = "%", comparator = "<=", kind = "share",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T088", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_detention_necessity_review_rate", quote = "诉前羁押必要性审查率达到80%以上",
      value = 80, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T089", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_ip_ruling_closure_rate", quote = "知识产权行政裁决案件年度结案率95%以上",
      value = 95, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31", every = "year",
      note = "年度结案率: a yearly rate; no year named",
    },
    target{
      id = "T090", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_ip_case_cycle_reduction", quote = "知识产权案件平均办理周期压减率5%以上",
      value = 5, unit = "%", comparator = ">=", kind = "other",
      deadline = "2027-12-31",
      note = "no year named",
    },
    target{
      id = "T092", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_compliance_demo_models", quote = "打造第一批合规企业、合规园区示范样板30家",
      value = 30, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2027-12-31",
      note = "no year named",
    },
    target{
      id = "T093", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_pre_litigation_mediation_ratio", quote = "实现民商事纠纷诉前调解成功数与法院一审办结案件数比值达1.2以上",
      value = 1.2, unit = "倍", comparator = ">=", kind = "other",
      deadline = "2027-12-31",
      note = "no year named",
    },
    target{
      id = "T094", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_voluntary_performance_rate", quote = "实现民商事案件自动履行率达到50%以上",
      value = 50, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T095", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_compliance_guidelines", quote = "确保年底前完成6部重点产业合规指引",
      value = 6, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
      note = "落实举措 8: 年底前 read as end-2023 (the table's year). 目标 5 states the same commitment without a year (形成不少于6个重点产业的合规指引): one commitment, encoded once, with the deadline this clause gives; 部 counted in 个",
    },
    target{
      id = "T118", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_compliance_expert_pool", quote = "建立100人以上的专家库",
      value = 100, unit = "人", comparator = ">=", kind = "level",
      deadline = "2027-12-31",
      note = "落实举措 12: experts in the pool (法学教授、专业律师及行政执法业务骨干); 长期实施 → the period end",
    },
    target{
      id = "T119", section = "五、(二十四) 24", measure = "R24", group = "G5",
      indicator = "wz_p32_compliance_talents", quote = "培育认定合规人才200人以上",
      value = 200, unit = "人", comparator = ">=", kind = "cumulative_new",
      deadline = "2027-12-31",
      note = "落实举措 12; 长期实施 → the period end",
    },
    -- R25 长期实施. 目标: 每年100场 (2027). 举措: 八个允许/八个不准/八个不得 name rule lists
    target{
      id = "T096", section = "五、(二十五) 25", measure = "R25", group = "G5",
      indicator = "wz_p32_gov_business_dialogues", quote = "每年举办各类政企恳谈活动不少于100场",
      value = 100, unit = "场", comparator = ">=", kind = "cumulative_new",
      deadline = "2027-12-31", every = "year",
    },
    -- R26 2023-2025年. 目标: 12个县, 全省第一, 全国前三 (2025). 举措 3: 11个指标、15个事项、3个高频涉企事项 scenarios to build; 举措 5: 1-2个“一类事”场景 (2025)
    target{
      id = "T097", section = "五、(二十六) 26", measure = "R26", group = "G5",
      indicator = "wz_p32_county_enterprise_service_centers", quote = "加快推动市本级和12个县(市、区)建设企业综合服务中心(专区)",
      value = 12, unit = "个", comparator = ">=", kind = "level",
      deadline = "2025-12-31",
      note = "the 12 counties with a centre counted (a level); deadline: the row's 实施阶段 2023-2025年",
    },
    target{
      id = "T098", section = "五、(二十六) 26", measure = "R26", group = "G5",
      indicator = "wz_p32_biz_env_scenario_count_rank", quote = "营商环境评价体系涉企事项应用场景数、应用率分别争取全省第一、全国前三",
      value = 1, unit = "位", comparator = "<=", kind = "other",
      deadline = "2025-12-31",
      note = "应用场景数: rank in Zhejiang (全省第一)",
    },
    target{
      id = "T099", section = "五、(二十六) 26", measure = "R26", group = "G5",
      indicator = "wz_p32_biz_env_usage_rate_rank", quote = "营商环境评价体系涉企事项应用场景数、应用率分别争取全省第一、全国前三",
      value = 3, unit = "位", comparator = "<=", kind = "other",
      deadline = "2025-12-31",
      note = "应用率: rank in China (全国前三)",
    },
    target{
      id = "T120", section = "五、(二十六) 26", measure = "R26", group = "G5",
      indicator = "wz_p32_biz_env_indicator_scenarios", quote = "营商环境评价体系内11个指标",
      value = 11, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2025-12-31",
      note = "落实举措 3: application scenarios to build for 11 indicators of the 营商环境评价体系; the row's 实施阶段 end (2023-2025年)",
    },
    target{
      id = "T121", section = "五、(二十六) 26", measure = "R26", group = "G5",
      indicator = "wz_p32_biz_env_item_scenarios", quote = "11个指标、15个事项",
      value = 15, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2025-12-31",
      note = "落实举措 3: application scenarios to build for 15 事项; the row's 实施阶段 end (2023-2025年)",
    },
    target{
      id = "T122", section = "五、(二十六) 26", measure = "R26", group = "G5",
      indicator = "wz_p32_high_freq_item_scenarios", quote = "3个高频涉企事项应用场景搭建",
      value = 3, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2025-12-31",
      note = "落实举措 3: application scenarios to build for 3 高频涉企事项; the row's 实施阶段 end (2023-2025年)",
    },
    target{
      id = "T123", section = "五、(二十六) 26", measure = "R26", group = "G5",
      indicator = "wz_p32_local_one_class_scenarios", quote = "谋划打造1-2个具有地方特色的“一类事”服务场景",
      value = 1, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2025-12-31",
      note = "落实举措 5: 1-2个 read as at least one (the text's upper bound is 2); the row's 实施阶段 end (2023-2025年)",
    },
    -- R27 长期实施. 目标: 30.5%, 75件, 26个 (2023), 100% (2027). 举措 3: 100%闭环处置 (2027); 842项 is the size of a catalogue, 为期六个月 the length of an action, left out
    target{
      id = "T100", section = "五、(二十七) 27", measure = "R27", group = "G5",
      indicator = "wz_p32_joint_random_inspection_rate", quote = "跨部门联合双随机监管实施率达30.5%以上",
      value = 30.5, unit = "%", comparator = ">=", kind = "share",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T101", section = "五、(二十七) 27", measure = "R27", group = "G5",
      indicator = "wz_p32_enforcement_one_thing_items", quote = "执法监管“一件事”拓展至75件以上",
      value = 75, unit = "件", comparator = ">=", kind = "level",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T102", section = "五、(二十七) 27", measure = "R27", group = "G5",
      indicator = "wz_p32_no_penalty_list_domains", quote = "轻微违法不予处罚清单拓展到26个领域",
      value = 26, unit = "个", comparator = ">=", kind = "level",
      deadline = "2023-12-31", year = 2023,
    },
    target{
      id = "T103", section = "五、(二十七) 27", measure = "R27", group = "G5",
      indicator = "wz_p32_discretion_refinement_rate", quote = "高频行政执法事项裁量基准细化率达100%",
      value = 100, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "no year named: the document's period end",
    },
    target{
      id = "T124", section = "五、(二十七) 27", measure = "R27", group = "G5",
      indicator = "wz_p32_offsite_clue_closure_rate", quote = "对贯通流转的线索进行100%闭环处置",
      value = 100, unit = "%", comparator = ">=", kind = "share",
      deadline = "2027-12-31",
      note = "落实举措 3: a rate to reach, for the clues passed between the 非现场监管 system and the 大综合一体化 application; 长期实施 → the period end",
    },
    -- R28 长期实施. No number (2024年 names the legislative plan year)
    -- R29 长期实施. 目标: 30日内 (2027). 96666 is a hotline
    target{
      id = "T104", section = "五、(二十九) 29", measure = "R29", group = "G5",
      indicator = "wz_p32_undisputed_arrears_days", quote = "经核实未清偿且不存在分歧的逾期欠款，原则上在受理后30日内办结",
      value = 30, unit = "天", comparator = "<=", kind = "duration",
      deadline = "2027-12-31",
      note = "no year named",
    },
    -- R30 长期实施. 目标: 1000人次 (2023). 举措: “千名人才库”, “四海归航”, “四有” are programme names
    target{
      id = "T105", section = "五、(三十) 30", measure = "R30", group = "G5",
      indicator = "wz_p32_young_entrepreneurs_trained", quote = "全市培训新生代企业家不少于1000人次",
      value = 1000, unit = "人次", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    -- R31 长期实施. 目标: 10个 (2023); 到2025年 … 更加完备 has no number
    target{
      id = "T106", section = "五、(三十一) 31", measure = "R31", group = "G5",
      indicator = "wz_p32_public_opinion_cases", quote = "打造10个具有代表性的营造民营经济良好舆论环境典型案例",
      value = 10, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2023-12-31", year = 2023,
    },
    -- R32 长期实施. No target: 民间投资增速好于上半年 has no number; 12个推广试点城市 lists the existing pilots, 2023年民营企业家节 names an event
  },
}
