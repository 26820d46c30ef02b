-- Wenzhou's own indicators: quantities of friendly2023 that the common catalog
-- (scripts/policytk/indicators.lua) does not carry.

-- friendly2023 一、(五): 五大传统支柱行业均设立“企检服务中心”. Counted in industries.
indicator{
  code = "wz_pillar_industries_with_procuratorate_center",
  name = "设立“企检服务中心”的传统支柱行业数",
  unit = "个",
  flow = false,
  aliases = { "企检服务中心" },
  description = "温州五大传统支柱行业中已设立检察机关“企检服务中心”的行业个数",
}

-- friendly2023 二、(七) 28: 力争公司制占企业总体比例达95%左右. Proposed for the common catalog
-- as company_form_share: other Zhejiang documents set the same ratio.
indicator{
  code = "wz_company_form_share",
  name = "公司制企业占企业总数比例",
  unit = "%",
  flow = false,
  aliases = { "公司制占企业总体比例" },
  description = "公司制企业(有限责任公司、股份有限公司)占全部企业的比例",
}
