-- Hangzhou-specific indicators (quantities of the growth plan not in the common catalog).
--
-- The plan names 小微企业成长指数 and 新设小微企业活力指数 (四、(三)) but not what they are
-- built from; reports.lua composes them from the indicators below and the common catalog.
-- The statistics 四、(三) asks for (规下工业非目录企业, 外贸小微企业, 企业缴费负担) are declared
-- here as well. The targets of 二、(一) 规下工业增加值, 二、(二) 省AAA级“守合同重信用”, 二、(三)
-- 研发投入/科研人员占比, 二、(五) 开放科研设施/实验室服务/税收优惠受惠率 and 二、(六) use the
-- common catalog's codes.

-- 二、(一) ---------------------------------------------------------------------------------
indicator{ code = "hz_cultivation_pool_firms_municipal", unit = "家", flow = false,
  name = "市级小微企业培育库入库企业数",
  aliases = { "市级小微企业培育库入库企业" } }
indicator{ code = "hz_cultivation_pool_firms_county", unit = "家", flow = false,
  name = "县级小微企业培育库入库企业数",
  aliases = { "县级小微企业培育库入库企业" },
  description = "firms in all county-level (区、县（市）) cultivation pools together" }

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
indicator{ code = "hz_contract_credit_firms_aa", unit = "家", flow = true,
  name = "省AA级“守合同重信用”小微企业数",
  aliases = { "“守合同重信用”小微企业省AA级" } }
indicator{ code = "hz_listing_reserve_firms", unit = "家", flow = false,
  name = "上市后备企业数",
  aliases = { "上市后备企业" } }
indicator{ code = "hz_key_pre_ipo_firms_municipal", unit = "家", flow = false,
  name = "市级重点拟上市企业数",
  aliases = { "市级重点拟上市企业" } }

-- 二、(五) ---------------------------------------------------------------------------------
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
