-- policytk.indicators: the common indicator catalog shared by every city plugin.
--
-- Where two documents or two cities measure the same quantity they use the code from
-- this catalog, so that `policytk compare` can set them side by side. A plugin declares
-- only the indicators no other document shares (indicator{} in its own files).
-- flow = true: counted per period (新增…, 发放…); false: a level at a date (余额, 总量, 比率).

return {
  -- Market entities -------------------------------------------------------------------
  { code = "new_smes", name = "新增中小微企业数", unit = "家", flow = true,
    aliases = { "新增中小微企业" } },
  { code = "new_small_micro_firms", name = "新增小微企业数", unit = "家", flow = true,
    aliases = { "新增小微企业" } },
  { code = "small_to_above_scale", name = "小升规企业数", unit = "家", flow = true,
    aliases = { "小升规", "规下升规上工业小微企业", "新增规上工业企业" },
    description = "规模以下工业小微企业升为规模以上工业企业的户数" },
  { code = "above_scale_industrial_firms", name = "规上工业企业数", unit = "家", flow = false,
    aliases = { "规上工业企业", "规模以上工业企业" } },
  { code = "above_quota_firms", name = "限额以上企业数", unit = "家", flow = false,
    aliases = { "限额以上企业", "限上企业" } },
  { code = "individual_to_firm", name = "个转企数", unit = "家", flow = true,
    aliases = { "个转企", "个体工商户转型升级为企业" } },
  { code = "listed_firms_new", name = "新增上市企业数", unit = "家", flow = true,
    aliases = { "新增上市企业", "上市中小企业" } },
  { code = "joint_stock_firms", name = "股份有限公司数", unit = "家", flow = false,
    aliases = { "股份有限公司", "股改企业" } },

  -- Innovation and quality ------------------------------------------------------------
  { code = "tech_smes_new", name = "新增科技型中小企业数", unit = "家", flow = true,
    aliases = { "新增省科技型中小企业", "科技型小微企业", "科技型中小企业" } },
  { code = "high_tech_firms_new", name = "新增高新技术企业数", unit = "家", flow = true,
    aliases = { "高新技术企业" } },
  { code = "innovative_smes", name = "创新型中小企业数", unit = "家", flow = false,
    aliases = { "创新型中小企业" } },
  { code = "specialized_smes_provincial", name = "省级专精特新中小企业数", unit = "家", flow = false,
    aliases = { "省级专精特新中小企业", "省级专精特新" } },
  { code = "little_giants_national", name = "国家级专精特新“小巨人”企业数", unit = "家", flow = false,
    aliases = { "国家级专精特新小巨人", "小巨人企业" } },
  { code = "hidden_champions_provincial", name = "省级隐形冠军企业数", unit = "家", flow = false,
    aliases = { "省级隐形冠军", "隐形冠军企业" } },

  -- Finance ---------------------------------------------------------------------------
  { code = "small_micro_loan_balance", name = "小微企业贷款余额", unit = "元", flow = false,
    aliases = { "小微企业贷款余额" } },
  { code = "small_micro_loans_new", name = "新增小微企业贷款", unit = "元", flow = true,
    aliases = { "新增小微企业贷款" } },
  { code = "inclusive_small_micro_loan_growth", name = "普惠型小微企业贷款增速", unit = "%", flow = false,
    aliases = { "普惠小微贷款增速" } },
  { code = "first_loan_borrowers_new", name = "新增小微企业首贷户数", unit = "户", flow = true,
    aliases = { "首贷户", "新增首贷户" } },
  { code = "first_loan_amount", name = "小微企业首贷金额", unit = "元", flow = true,
    aliases = { "首贷金额" } },
  { code = "credit_loans_issued", name = "小微企业信用贷款发放额", unit = "元", flow = true,
    aliases = { "信用贷款" } },
  { code = "credit_loan_balance", name = "小微企业信用贷款余额", unit = "元", flow = false,
    aliases = { "信用贷款余额" } },
  { code = "renewal_loan_balance", name = "小微企业无还本续贷余额", unit = "元", flow = false,
    aliases = { "无还本续贷余额" } },
  { code = "renewal_loans_count", name = "小微企业无还本续贷笔数", unit = "笔", flow = true,
    aliases = { "无还本续贷" } },
  { code = "guarantee_fee_rate", name = "政策性融资担保费率", unit = "%", flow = false,
    aliases = { "担保费率" } },

  -- Space and services ------------------------------------------------------------------
  { code = "sme_parks_new", name = "新增小微企业园数", unit = "个", flow = true,
    aliases = { "新增小微企业园" } },
  { code = "sme_parks_total", name = "小微企业园总数", unit = "个", flow = false,
    aliases = { "小微企业园总量" } },
  { code = "sme_park_floor_area_new", name = "新增小微企业园建筑面积", unit = "平方米", flow = true,
    aliases = { "新增建筑面积" } },
  { code = "sme_park_floor_area_total", name = "小微企业园总建筑面积", unit = "平方米", flow = false,
    aliases = { "总建筑面积" } },
  { code = "incubation_space_new", name = "新增孵化空间面积", unit = "平方米", flow = true,
    aliases = { "孵化空间面积" } },
  { code = "burden_reduction", name = "为企业减负金额", unit = "元", flow = true,
    aliases = { "减负", "减轻企业负担" } },
  { code = "sme_arrears_repaid_share", name = "中小企业无分歧欠款清偿率", unit = "%", flow = false,
    aliases = { "无分歧欠款清偿" } },
}
