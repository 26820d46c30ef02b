-- Indicators of the Taizhou documents that the common catalog does not hold.
-- Codes are prefixed tz_; growth2018 = 台州市“小微企业三年成长计划”(2018—2020年).
-- Quantities the catalog holds use its codes (below_scale_industrial_va_growth,
-- converted_company_share, eight_industries_firms_new, contract_credit_firms_new, tech_sme_rd_intensity,
-- tech_sme_researcher_share, trading_rights_registrations_new, trade_active_firms_new,
-- research_facility_openings, lab_service_batches, tax_incentive_coverage, …).

-- 二、(一) 总量规模更大
indicator{ code = "tz_small_micro_firms_growth", name = "小微企业数年均增长率", unit = "%", flow = false,
  description = "全市小微企业数量的年均增长率 (growth2018 二、(一): 年均增长10%左右)" }

-- 二、(二) 发展活力更强
indicator{ code = "tz_emerging_industry_firms_growth", name = "新兴产业小微企业增速", unit = "%", flow = false }
indicator{ code = "tz_backward_capacity_firms_exited", name = "淘汰落后和严重过剩产能涉及企业数", unit = "家",
  flow = true }
indicator{ code = "tz_low_small_scattered_firms_rectified", name = "关停和整治“低小散”问题企业(作坊)数",
  unit = "家", flow = true, aliases = { "低小散整治" } }

-- 二、(三) 主体质量更好
indicator{ code = "tz_joint_stock_firms_new", name = "新增股份公司数", unit = "家", flow = true,
  aliases = { "新增股份公司" },
  description = "新改制为股份有限公司的企业数 (规改股); the stock is the catalog's joint_stock_firms" }
indicator{ code = "tz_neeq_listings_new", name = "新增新三板挂牌中小微企业数", unit = "家", flow = true,
  aliases = { "挂牌新三板" } }

-- 二、(四) 创新动力更足
indicator{ code = "tz_tech_firm_class2_ip", name = "科技型小微企业拥有II类知识产权数", unit = "项", flow = false,
  description = "per firm: 拥有1项以上II类知识产权" }

-- 二、(六) 营商环境更佳
indicator{ code = "tz_innovation_service_complexes", name = "产业创新服务综合体数", unit = "个", flow = false,
  aliases = { "产业创新服务综合体" } }
indicator{ code = "tz_parks_output_10bn", name = "年生产总值百亿元的园区数", unit = "个", flow = false }
indicator{ code = "tz_standard_factory_floor_area_new", name = "新建标准厂房面积", unit = "平方米", flow = true,
  aliases = { "新建标准厂房" } }
indicator{ code = "tz_community_micro_branches_new", name = "新增社区银行、小微专营支行数", unit = "家",
  flow = true }
