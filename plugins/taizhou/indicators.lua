-- Indicators of the Taizhou documents that the common catalog does not hold.
-- Codes are prefixed tz_; growth2018 = 台州市“小微企业三年成长计划”(2018—2020年).

-- 二、(一) 总量规模更大
indicator{ code = "tz_small_micro_firms_growth", name = "小微企业数年均增长率", unit = "%", flow = false,
  description = "全市小微企业数量的年均增长率 (growth2018 二、(一): 年均增长10%左右)" }
indicator{ code = "tz_below_scale_industrial_value_added_growth", name = "规下工业企业增加值年均增长率",
  unit = "%", flow = false, aliases = { "规下工业企业增加值年均增长" } }

-- 二、(二) 发展活力更强
indicator{ code = "tz_emerging_industry_firms_new", name = "新增新兴产业小微企业数", unit = "家", flow = true,
  description = "新增信息经济、节能环保、健康、旅游、时尚、金融、高端装备制造和文创等新兴产业小微企业" }
indicator{ code = "tz_emerging_industry_firms_growth", name = "新兴产业小微企业增速", unit = "%", flow = false }
indicator{ code = "tz_backward_capacity_firms_exited", name = "淘汰落后和严重过剩产能涉及企业数", unit = "家",
  flow = true }
indicator{ code = "tz_low_small_scattered_firms_rectified", name = "关停和整治“低小散”问题企业(作坊)数",
  unit = "家", flow = true, aliases = { "低小散整治" } }

-- 二、(三) 主体质量更好
indicator{ code = "tz_individual_to_company_share", name = "个转企中新转公司制企业占比", unit = "%", flow = false,
  description = "个体工商户转型升级为企业中, 转为公司制企业的比例" }
indicator{ code = "tz_neeq_listings_new", name = "新增新三板挂牌中小微企业数", unit = "家", flow = true,
  aliases = { "挂牌新三板" } }

-- 二、(四) 创新动力更足
indicator{ code = "tz_aaa_contract_credit_firms_new", name = "新增浙江省AAA级“守合同重信用”公示小微企业数",
  unit = "家", flow = true }
indicator{ code = "tz_tech_firm_rd_intensity", name = "科技型小微企业研发投入占销售收入比例", unit = "%",
  flow = false }
indicator{ code = "tz_tech_firm_sci_staff_share", name = "科技型小微企业科技人员数占职工总数比例", unit = "%",
  flow = false }
indicator{ code = "tz_tech_firm_class2_ip", name = "科技型小微企业拥有II类知识产权数", unit = "项", flow = false,
  description = "per firm: 拥有1项以上II类知识产权" }

-- 二、(五) 外贸拓展更快
indicator{ code = "tz_trading_rights_registrations_new", name = "新增进出口经营权备案登记小微企业数",
  unit = "家", flow = true }
indicator{ code = "tz_trade_active_firms_new", name = "新增有外贸进出口实绩的小微企业数", unit = "家",
  flow = true }

-- 二、(六) 营商环境更佳
indicator{ code = "tz_innovation_service_complexes", name = "产业创新服务综合体数", unit = "个", flow = false,
  aliases = { "产业创新服务综合体" } }
indicator{ code = "tz_parks_output_10bn", name = "年生产总值百亿元的园区数", unit = "个", flow = false }
indicator{ code = "tz_standard_factory_floor_area_new", name = "新建标准厂房面积", unit = "平方米", flow = true,
  aliases = { "新建标准厂房" } }
indicator{ code = "tz_open_instrument_uses", name = "面向小微企业开放科研设施与仪器台次", unit = "台次",
  flow = true }
indicator{ code = "tz_open_lab_services", name = "面向小微企业开放实验室服务批次", unit = "批次", flow = true }
indicator{ code = "tz_community_micro_branches_new", name = "新增社区银行、小微专营支行数", unit = "家",
  flow = true }
indicator{ code = "tz_tax_incentive_coverage", name = "税收优惠政策实际受惠面", unit = "%", flow = false }
