-- Wenzhou's own indicators: quantities of friendly2023 that the common catalog
-- (scripts/policytk/plugins/indicators.lua) does not carry. (公司制占企业总体比例, friendly2023 28, uses the
-- catalog's company_form_share.)

-- friendly2023 一、(五): 五大传统支柱行业均设立“企检服务中心”. Counted in industries.
indicator{
  code = "wz_pillar_industries_with_procuratorate_center",
  name = "设立“企检服务中心”的传统支柱行业数",
  unit = "个",
  flow = false,
  aliases = { "企检服务中心" },
  description = "温州五大传统支柱行业中已设立检察机关“企检服务中心”的行业个数",
}
