-- Hangzhou-specific indicators (quantities of the growth plan not in the common catalog).
--
-- The plan names 小微企业成长指数 and 新设小微企业活力指数 (四、(三)) but not what they are
-- built from; reports.lua composes them from the indicators below and the common catalog.
-- The statistics 四、(三) asks for (规下工业非目录企业, 外贸小微企业, 企业缴费负担) are declared
-- here as well.

-- 二、(一) ---------------------------------------------------------------------------------
indicator{ code = "hz_new_small_micro_firms_eight_trillion", unit = "家", flow = true,
  name = "新增八大万亿产业小微企业数",
  aliases = { "新增八大万亿产业小微企业" },
  description = "newly registered small and micro firms in Zhejiang's eight trillion-yuan industries "
    .. "(信息、环保、健康、旅游、时尚、金融、高端装备制造、文化)" }
indicator{ code = "hz_cultivation_pool_firms_municipal", unit = "家", flow = false,
  name = "市级小微企业培育库入库企业数",
  aliases = { "市级小微企业培育库入库企业" } }
indicator{ code = "hz_cultivation_pool_firms_county", unit = "家", flow = false,
  name = "县级小微企业培育库入库企业数",
  aliases = { "县级小微企业培育库入库企业" },
  description = "firms in all county-level (区、县（市）) cultivation pools together" }
indicator{ code = "hz_below_scale_industrial_value_added_growth", unit = "%", flow = false,
  name = "规下工业小微企业增加值年均增长率",
  aliases = { "规下工业小微企业增加值年均增长" },
  description = "average annual growth of the value added of industrial small and micro firms "
    .. "below the designated size" }

-- 二、(二) ---------------------------------------------------------------------------------
indicator{ code = "hz_ip_standardized_firms", unit = "家", flow = true,
  name = "知识产权管理规范化小微企业数",
  aliases = { "知识产权管理规范化小微企业", "知识产权贯标小微企业" },
  description = "small and micro firms newly meeting the IP management standard (贯标)" }
indicator{ code = "hz_credit_demo_firms_provincial", unit = "家", flow = true,
  name = "省级信用管理示范小微企业数",
  aliases = { "信用管理示范小微企业省级" } }
indicator{ code = "hz_credit_demo_firms_municipal", unit = "家", flow = true,
  name = "市级信用管理示范小微企业数",
  aliases = { "信用管理示范小微企业市级" } }
indicator{ code = "hz_contract_credit_firms_aaa", unit = "家", flow = true,
  name = "省AAA级“守合同重信用”小微企业数",
  aliases = { "“守合同重信用”小微企业省AAA级" } }
indicator{ code = "hz_contract_credit_firms_aa", unit = "家", flow = true,
  name = "省AA级“守合同重信用”小微企业数",
  aliases = { "“守合同重信用”小微企业省AA级" } }
indicator{ code = "hz_listing_reserve_firms", unit = "家", flow = false,
  name = "上市后备企业数",
  aliases = { "上市后备企业" } }
indicator{ code = "hz_key_pre_ipo_firms_municipal", unit = "家", flow = false,
  name = "市级重点拟上市企业数",
  aliases = { "市级重点拟上市企业" } }

-- 二、(三) ---------------------------------------------------------------------------------
indicator{ code = "hz_tech_sme_rd_intensity", unit = "%", flow = false,
  name = "科技型小微企业研发投入占销售收入比重",
  aliases = { "科技型小微企业研发投入强度" } }
indicator{ code = "hz_tech_sme_researcher_share", unit = "%", flow = false,
  name = "科技型小微企业科研人员占职工总数比重" }

-- 二、(五) ---------------------------------------------------------------------------------
indicator{ code = "hz_research_facility_openings", unit = "台次", flow = true,
  name = "面向小微企业开放科研设施台次",
  aliases = { "开放科研设施" } }
indicator{ code = "hz_lab_service_batches", unit = "批次", flow = true,
  name = "面向小微企业实验室服务批次",
  aliases = { "实验室服务" } }
indicator{ code = "hz_zhelijian_services", unit = "单次", flow = true,
  name = "“浙里检”服务单次",
  aliases = { "浙里检服务" },
  description = "inspection and testing orders served for small and micro firms on the 浙里检 platform" }
indicator{ code = "hz_worker_training", unit = "人次", flow = true,
  name = "小微企业劳动者培训人次",
  aliases = { "培训小微企业劳动者" } }
indicator{ code = "hz_metrology_services", unit = "家次", flow = true,
  name = "小微企业计量服务家次",
  aliases = { "小微企业计量服务" } }
indicator{ code = "hz_measurement_mgmt_training", unit = "家次", flow = true,
  name = "测量管理体系免费培训家次",
  aliases = { "测量管理体系免费培训" } }
indicator{ code = "hz_trade_secret_training", unit = "场", flow = true,
  name = "商业秘密保护培训场次",
  aliases = { "商业秘密保护培训" } }
indicator{ code = "hz_tax_incentive_uptake_rate", unit = "%", flow = false,
  name = "税收优惠政策实际受惠率",
  aliases = { "税收优惠受惠率" },
  description = "share of eligible small and micro firms that actually receive the tax incentives" }

-- 二、(六) ---------------------------------------------------------------------------------
indicator{ code = "hz_new_trade_registered_firms", unit = "家", flow = true,
  name = "新增进出口经营权备案登记小微企业数",
  aliases = { "进出口经营权备案登记小微企业" } }
indicator{ code = "hz_trade_active_firms", unit = "家", flow = true,
  name = "新增有外贸进出口实绩小微企业数",
  aliases = { "有外贸进出口实绩小微企业" },
  description = "small and micro firms newly recording actual imports or exports" }

-- 四、(三) statistics and monitoring ------------------------------------------------------
indicator{ code = "hz_below_scale_non_catalog_firms", unit = "家", flow = false,
  name = "规下工业非目录企业数",
  aliases = { "规下工业非目录企业" },
  description = "industrial firms below the designated size outside the statistical directory" }
indicator{ code = "hz_foreign_trade_small_micro_firms", unit = "家", flow = false,
  name = "外贸小微企业数",
  aliases = { "外贸小微企业" } }
indicator{ code = "hz_fee_burden", unit = "元", flow = true,
  name = "企业缴费负担",
  aliases = { "企业缴费负担" },
  description = "fees and charges paid by small and micro firms, monitored routinely (常态化)" }
