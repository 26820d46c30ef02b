-- Reporting rules of the growth plan's 保障措施 (四、).
--
-- The text gives no period for data reporting, assessment, surveys or data releases; only the
-- index report is annual (年度指数报告). It names no unit for the statistics and releases of
-- 四、(三): they are given to the leading group's office (市市场监管局), which the plan's last
-- paragraph makes responsible for organizing implementation.

local OFFICE = "市“小微企业三年成长计划”推进领导小组办公室"
local GROUP = "市“小微企业三年成长计划”推进领导小组"
-- releases (发布) go to the public, not to a unit
local PUBLIC = "社会公众"
local MEMBERS = "市“小微企业三年成长计划”推进领导小组各成员单位"

-- 四、(二): member units report data, progress and information
report{
  id = "data",
  name = "成员单位数据报送",
  doc = "growth2021",
  section = "四、(二)",
  quote = "及时准确上报各类数据、汇总工作进展、反馈各类信息",
  frequency = "adhoc",
  due = "及时",
  from = { MEMBERS },
  to = { OFFICE },
  covers = { targets = "all", docs = { "growth2021" } },
}

-- 四、(二): targets split to the counties, implementation assessed
report{
  id = "assessment",
  name = "区、县（市）目标任务实施考评",
  doc = "growth2021",
  section = "四、(二)",
  quote = "强化实施考评",
  frequency = "periodic",
  from = { "各区、县（市）政府、管委会" },
  to = { GROUP },
  covers = { targets = "all", docs = { "growth2021" } },
}

-- 四、(三): statistics, sample surveys and monitoring
report{
  id = "monitoring",
  name = "小微企业发展统计与监测分析",
  doc = "growth2021",
  section = "四、(三)",
  quote = "定期开展抽样调查和监测分析",
  frequency = "periodic",
  from = { OFFICE },
  to = { GROUP },
  covers = {
    indicators = { "small_to_above_scale", "hz_below_scale_non_catalog_firms",
                   "hz_foreign_trade_small_micro_firms", "hz_fee_burden" },
    docs = { "growth2021" },
  },
}

-- 四、(三): periodic release of development data
report{
  id = "release",
  name = "小微企业发展数据发布",
  doc = "growth2021",
  section = "四、(三)",
  quote = "定期发布发展数据",
  frequency = "periodic",
  from = { OFFICE },
  to = { PUBLIC },
  covers = { targets = "all", docs = { "growth2021" } },
}

-- 四、(三): annual index report with the two indices
report{
  id = "index",
  name = "小微企业年度指数报告",
  doc = "growth2021",
  section = "四、(三)",
  quote = "定期发布发展数据、年度指数报告",
  frequency = "annual",
  from = { OFFICE },
  to = { PUBLIC },
  covers = {
    indicators = { "below_scale_industrial_va_growth", "tech_smes_new",
                   "small_to_above_scale", "small_micro_loans_new", "new_small_micro_firms",
                   "eight_industries_firms_new", "individual_to_firm" },
    docs = { "growth2021" },
  },
  indices = {
    {
      code = "hz_growth_index",
      name = "小微企业成长指数",
      base_year = 2020,
      components = {
        { indicator = "below_scale_industrial_va_growth", weight = 0.25 },
        { indicator = "tech_smes_new", weight = 0.25 },
        { indicator = "small_to_above_scale", weight = 0.25 },
        { indicator = "small_micro_loans_new", weight = 0.25 },
      },
      method = "计划（四、(三)）提出编制该指数，但未规定成分指标、权重和基期。成分取自计划本身的目标，"
        .. "对应省小微企业成长指数的四个模块（综合贡献力：规下工业小微企业增加值增长；核心竞争力：新增科技型"
        .. "小微企业；成长活跃度：小升规；制度供给力：新增小微企业贷款）；文件未给权重，故各取 0.25；基期为"
        .. "2020年（计划期前一年）=100，各成分以其相对2020年的值计。",
    },
    {
      code = "hz_vitality_index",
      name = "新设小微企业活力指数",
      base_year = 2020,
      components = {
        { indicator = "new_small_micro_firms", weight = 1 / 3 },
        { indicator = "eight_industries_firms_new", weight = 1 / 3 },
        { indicator = "individual_to_firm", weight = 1 / 3 },
      },
      method = "计划（四、(三)）提出编制该指数，但未规定成分指标、权重和基期。成分取自计划中关于新设企业的"
        .. "数量目标：新增小微企业（目标一）、新增八大万亿产业小微企业（目标二）和个转企（任务1）；文件未给"
        .. "权重，故各取 1/3；基期为2020年=100，各成分以其相对2020年的值计。",
    },
  },
}
