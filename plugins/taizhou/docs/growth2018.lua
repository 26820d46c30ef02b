-- luacheck: no max line length
-- 台州市“小微企业三年成长计划”(2018—2020年), 台政办发〔2018〕42号.
--
-- Source: shared/seeds/taizhou_sme_growth_plan_2018_2020.txt (clean simplified text; mixed
-- full- and half-width punctuation; nine page breaks split sentences, joined here).
-- Texts and quotes are written as the normalized text reads (policytk.text.normalize):
-- （）：； half-width, numbers without the blanks the source puts around them, commas kept as
-- the source writes them (it mixes ， and ,).
--
-- Measures: the 12 numbered tasks of 三、重点任务 (六大工程 6, 三项机制 3, 三个服务平台 3).
-- Leads: the first 责任单位 list says 列第一位的为牵头单位,下同, so lead_units = the first unit.
-- Targets: 29 numbers in 二、主要目标 (each with the unit of its （…牵头） bracket) and one in
-- 三、(二) 1 (信用贷款余额100亿元), 30 in all. Not encoded as targets, because no number is
-- given: 实现全市检测资源平台全覆盖; the bank-lending 增速、户数、申贷获得率维持在合理区间. The
-- figures in “313”工作目标, 小微园区“十百千”工程 and the provincial “百千万”培训工程 are names
-- of programmes (the last one the province's), not Taizhou targets.

return document{
  id = "growth2018",
  title = "台州市“小微企业三年成长计划”(2018—2020年)",
  doc_number = "台政办发〔2018〕42号",
  issuer = "台州市人民政府办公室",
  issued = "2018-07-09",
  period_start = "2018-01-01",
  period_end = "2020-12-31",
  status = "expired",
  source = "taizhou_sme_growth_plan_2018_2020.txt",
  lead_rule = "first_listed",
  lead_rule_quote = "列第一位的为牵头单位,下同",
  note = "本计划所指小微企业,不含“规上”企业、“限上”企业及个体工商户. Of the three targets of 二、(四) on 科技型小微企业, 研发投入占比 2.5% and 科技人员占比 10% are measured as ratios over those firms (common catalog), 1项以上II类知识产权 as a standard each firm should meet. 四、(三) splits the targets among the counties (分解到各县(市、区)) but gives no county figures, so no target has shares.",
  groups = {
    { id = "goal1", name = "总量规模更大", section = "二、(一)" },
    { id = "goal2", name = "发展活力更强", section = "二、(二)" },
    { id = "goal3", name = "主体质量更好", section = "二、(三)" },
    { id = "goal4", name = "创新动力更足", section = "二、(四)" },
    { id = "goal5", name = "外贸拓展更快", section = "二、(五)" },
    { id = "goal6", name = "营商环境更佳", section = "二、(六)" },
    { id = "works", name = "组织实施六大工程", section = "三、(一)" },
    { id = "mechanisms", name = "建立三项机制", section = "三、(二)" },
    { id = "platforms", name = "打造三个服务平台", section = "三、(三)" },
  },
  measures = {
    measure{
      id = "M01", section = "三、(一) 1", group = "works",
      title = "主体提质工程",
      text = "主体提质工程。以“转得来、稳得住、做得大”为目标,持续深化“个转企、小升规、规改股、股上市”工作,建立市场主体升级工作常态化、规范化和长效化机制。围绕提升公司制比率、税务登记率、统计目录率、企业存活率、上规升级率,进一步提升市场主体的质量。深化实施“瞪羚企业”培育计划,鼓励和引导小微企业走“专精特新”之路。大力推进股份制改革,降低企业改制和规范成本。培育发展一批科技实力突出、创新能力强劲、发展潜力巨大的高成长性企业。建立健全小微企业发展跟踪联络机制、成长辅导机制和走访服务制度,畅通市场主体能生、能活、能长、能大的各个链条环节,推进向质量型、成长型、科技型、品牌型发展。",
      responsible_units = { "市市场监管局", "市经信委", "市科技局" },
      lead_units = { "市市场监管局" },
    },
    measure{
      id = "M02", section = "三、(一) 2", group = "works",
      title = "科技创新工程",
      text = "科技创新工程。强化全市范围内科技资源整合共享,推进科技信息平台建设。全力推进科技创新券发放工作，建立健全财政补贴机制，对科技型小微企业的财政支持政策。加强与国内大院名校合作，引进创建高端科创平台，探索建设市外科创基地。各县(市、区)政府、高校院所、民营企业等共建科技孵化载体，完善科技企业孵化体系，推动技术成果转化和应用。强化小微企业创新主体地位，支持小微企业持续投入、持续创新，拥有自主知识产权。加快发展科技型小微企业，支持小微企业参加产业联盟、技术联盟、标准联盟等新型产业组织，共同攻关行业关键共性技术。支持和引导小微企业优化生产流程，开发差异化、个性化、定制化的产品和服务。继续做好科技仪器、设备、检测资源向小微企业开放工作，切实助力科技型小微企业发展。",
      responsible_units = { "市科技局", "市质监局" },
      lead_units = { "市科技局" },
    },
    measure{
      id = "M03", section = "三、(一) 3", group = "works",
      title = "育新扶优工程",
      text = "育新扶优工程。推动小微企业与现代科技、现代金融加强对接，整合资源要素，带动小微企业实现协调发展。推动小微企业由传统行业为主向新模式、新业态转型，重点引导小微企业从事八大万亿产业和历史经典产业。支持和引导小微企业树立新颖化理念，加强产品创意和设计，以新产品新服务满足需求，以新发明新创造引领需求，通过新颖化抢占市场先机。深化实施品牌战略，打造一批有影响力的区域品牌，振兴发展“老字号”企业。择优筛选一批优质小微企业和“拳头”产品作为“浙江制造”培育对象，培育全国行业领先的“单打冠军”“隐形冠军”。支持小微企业参与“浙江制造”认证，开拓优质产品市场。",
      responsible_units = { "市市场监管局", "市经信委", "市商务局", "市质监局" },
      lead_units = { "市市场监管局" },
    },
    measure{
      id = "M04", section = "三、(一) 4", group = "works",
      title = "集聚规范工程",
      text = "集聚规范工程。深化和推动小微园区“十百千”工程，集聚要素资源，依托各类小微园区，规范和提升园区服务能力。综合运用财税、金融、环保、土地、安监、市场监管、产业政策等手段，全面整治“低小散”问题企业，淘汰落后和严重过剩产能涉及企业，健全完善市场出清机制，控制小微企业一般生产能力的扩张。积极引导小微企业向特色基地、工业园区和产业集聚区集聚，完善技术、电子商务、信息、物流、检测等服务平台，形成集群规模化、集约化优势。全面开展城镇低效用地再开发三年行动，鼓励利用低效用地开发工业地产，解决小微企业的用地需求，提高土地节约集约水平。加快全市小微企业工业园改造，按照“彻底告别‘三合一’、小微企业进园区、民房群租旅馆化、职工住进宿舍里”的要求，力争三年内实现“313”工作目标和行动计划。鼓励小微企业以专业化分工、服务外包、订单生产等方式与大型骨干企业建立稳定的合作关系，促进大企业带动产业链上下游小微企业协同发展。鼓励和支持小微企业参与大湾区、大花园、大通道等重大战略。",
      responsible_units = { "市市场监管局", "市发改委", "市经信委", "市科技局", "市人力社保局", "市商务局", "团市委" },
      lead_units = { "市市场监管局" },
    },
    measure{
      id = "M05", section = "三、(一) 5", group = "works",
      title = "开放发展工程",
      text = "开放发展工程。坚持走国际化发展之路，积极引进高层次海外人才。通过国际产业、技术交流活动，开展多种形式的合作，加大引进国外高新技术的力度与步伐。支持小微企业开拓国际市场，鼓励企业参加境外展览会、申请境外专利、注册境外商标、参与境外竞标、开展境外宣传等活动。大力实施出口品牌战略，加强出口名牌梯度培育体系建设，打响台州制造品牌。进一步开展跨境电子商务，引导小微企业通过跨境电子商务平台拓展市场，降低市场开拓成本，提高市场占有率和影响力。",
      responsible_units = { "市商务局", "市科技局", "市人力社保局" },
      lead_units = { "市商务局" },
    },
    measure{
      id = "M06", section = "三、(一) 6", group = "works",
      title = "金融助推工程",
      text = "金融助推工程。深入推进台州市小微企业金融服务改革创新试验区建设，通过标准形式固化小微企业服务典型有效做法，强化标准实施和应用，基本建成小微企业金融服务标准体系，涵盖小微金融的产品服务、运营管理、信息技术和行业管理等方面。引导企业对接资本市场，支持符合条件的小微企业在新三板、浙江股权交易中心挂牌融资，充分利用多层次资本市场推动小微企业裂变发展，促进产业资本和金融资本进一步融合，实现资本市场“台州板块”具有一定影响力。",
      responsible_units = { "市金融办", "人行台州市中心支行", "台州银监分局" },
      lead_units = { "市金融办" },
    },
    measure{
      id = "M07", section = "三、(二) 1", group = "mechanisms",
      title = "信用激励机制",
      text = "信用激励机制。依托浙江省政务服务网平台、浙江省企业信用信息平台和浙江企业信用信息公示系统，充分发挥台州市政务服务网、台州市公共信用信息平台、台州市金融服务信用信息共享平台作用，完善企业信息基础数据库，形成小微企业信用信息网络。鼓励金融机构推出根据小微企业用水、用电、用气、纳税、企业年报等行政许可和行政处罚信用记录，研发“守信贷”“信易贷”等信用贷款产品，力争三年内信用贷款余额到达100亿元。建立小微企业信用评价制度、信用信息发布机制和失信联合惩戒机制，形成以信用归集共享为基础，以信用信息公示应用为手段，以守信联合激励和失信联合惩戒为核心的监管模式。",
      responsible_units = { "市发改委", "市市场监管局", "市金融办", "人行台州市中心支行", "台州银监分局" },
      lead_units = { "市发改委" },
    },
    measure{
      id = "M08", section = "三、(二) 2", group = "mechanisms",
      title = "融资创新机制",
      text = "融资创新机制。鼓励商业银行大力发展社区银行、小微专营支行和科技支行等各类特色支行，建立小微企业专项信贷计划，实行贷款风险补偿金制度。通过引导基金、融资担保、贷款贴息、银税互动、银商互动等方式，强化金融对小微企业成长的支持。支持政府产业基金参与设立创投基金，引导社会资本投资创新能力强、市场前景好、发展空间大的小微企业。大力推进绿色债、创业创新债等新债券品种试点，积极引导企业对接多层次资本市场。",
      responsible_units = { "人行台州市中心支行", "市财政局", "市金融办", "台州银监分局" },
      lead_units = { "人行台州市中心支行" },
    },
    measure{
      id = "M09", section = "三、(二) 3", group = "mechanisms",
      title = "人才保障机制",
      text = "人才保障机制。深化人才新政三十条，根据产业发展实际和人才紧缺情况，优化升级高精尖创业人才引进政策。发挥引才主体积极性，鼓励政府以购买服务的方式举办引才活动，完善引才工作站建设。鼓励“以投代招”，以“民资+人才”“人才+产业”的合作模式吸引人才。逐步扩大市创业投资引导基金规模并发挥引导作用，设立人才创业基金，重点投资初创期、成长期的高层次人才创业企业。加强人才创业指导，支持各类教育培训机构开展创业培训。支持留学归国人员、大学生和高校毕业生、科研院所专业技术人才、返乡农民工等各类创业主体进入法律法规未明确禁入的行业和领域,培育一批新生代企业家和创客。",
      responsible_units = { "市人力社保局", "市市场监管局" },
      lead_units = { "市人力社保局" },
    },
    measure{
      id = "M10", section = "三、(三) 1", group = "platforms",
      title = "优化政务服务平台",
      text = "优化政务服务平台。深入推进和落实“最多跑一次”改革,梳理和发布办事项目清单,并实行动态管理,进一步优化服务流程,合理降低小微企业制度性交易成本。推动建立跨部门政策信息发布平台,汇集涉及小微企业的法律法规、创业、创新、金融、市场、权益保护等各类政府服务信息。围绕“简政放权、放管结合、优化服务”,着力解决政策服务“最后一公里”问题,营造受理程序简、办事效率高、服务成本低的政务环境。深化商事制度改革,实施“多证合一、证照联办”等改革举措,简化企业登记审批和注销流程,进一步便捷企业准入和退出。",
      responsible_units = { "市“小微企业三年成长计划”工作领导小组各成员单位" },
      lead_units = { "市“小微企业三年成长计划”工作领导小组各成员单位" },
    },
    measure{
      id = "M11", section = "三、(三) 2", group = "platforms",
      title = "创新公共服务平台",
      text = "创新公共服务平台。完善台州市金融服务信用信息共享平台、台州市中小微企业公共服务平台、台州中小微企业科技金融服务平台三大综合平台,发挥平台服务效用。积极推动社会众扶机制建设,引导和激励省重大科技创新平台、国家和省级质检中心向小微企业开放仪器设备使用、检验检测、知识产权、数据分析、创业培训、风险投资等服务。加大政府购买服务力度,推广应用创新券、服务券等新型公共服务模式。",
      responsible_units = { "市经信委", "市科技局", "市财政局", "市金融办" },
      lead_units = { "市经信委" },
    },
    measure{
      id = "M12", section = "三、(三) 3", group = "platforms",
      title = "创建专业化服务平台",
      text = "创建专业化服务平台。建设台州市小微企业云智库，充分发挥会计、税务、法律等专业机构力量，整合高校专家、中介代理等第三方资源，配套开展小微企业线上、线下培训辅导，帮助小微企业规范管理、维护权益、盘活资产、整合资源等，增强对小微企业的精准扶持和监管。大力培育各类中介机构，为小微企业提供创业辅导、项目开发、风险评估、管理咨询、登记注册、财税代理、展览展销、法律咨询和法律援助等专业化服务。配合实施全省“百名领军型企业家、千名成长型企业家、万名企业经营管理人才”的企业家素质提升“百千万”培训工程，全面增强企业家发现机会、整合资源、持续创新、创造价值、回馈社会的能力。",
      responsible_units = { "市市场监管局", "市“小微企业三年成长计划”工作领导小组各成员单位", "台州市民营企业协会等有关社会团体" },
      lead_units = { "市市场监管局" },
    },
  },
  targets = {
    -- 二、(一) 总量规模更大
    target{
      id = "T01", section = "二、(一)", group = "goal1",
      indicator = "new_small_micro_firms", quote = "全市新增小微企业5万家以上",
      value = 50000, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市市场监管局",
    },
    target{
      id = "T02", section = "二、(一)", group = "goal1",
      indicator = "tz_small_micro_firms_growth", quote = "年均增长10%左右",
      value = 10, unit = "%", comparator = "~", kind = "growth_rate",
      deadline = "2020-12-31", lead_unit = "市市场监管局",
    },
    target{
      id = "T03", section = "二、(一)", group = "goal1",
      indicator = "below_scale_industrial_va_growth", quote = "规下工业企业增加值年均增长达6%以上",
      value = 6, unit = "%", comparator = ">=", kind = "growth_rate",
      deadline = "2020-12-31", lead_unit = "各县(市、区)政府",
      note = "the bracket reads 各县<市、区>政府牵头",
    },
    -- 二、(二) 发展活力更强
    target{
      id = "T04", section = "二、(二)", group = "goal2",
      indicator = "eight_industries_firms_new", quote = "新兴产业小微企业1.2万家以上",
      value = 12000, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市市场监管局",
      note = "信息经济、节能环保、健康、旅游、时尚、金融、高端装备制造和文创等新兴产业",
    },
    target{
      id = "T05", section = "二、(二)", group = "goal2",
      indicator = "tz_emerging_industry_firms_growth", quote = "增速不低于15%",
      value = 15, unit = "%", comparator = ">=", kind = "growth_rate",
      deadline = "2020-12-31", lead_unit = "市市场监管局",
      note = "growth of the emerging-industry small and micro firms of T04; the text does not say per year",
    },
    target{
      id = "T06", section = "二、(二)", group = "goal2",
      indicator = "tz_backward_capacity_firms_exited", quote = "淘汰落后和严重过剩产能涉及企业420家",
      value = 420, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市经信委",
    },
    target{
      id = "T07", section = "二、(二)", group = "goal2",
      indicator = "tz_low_small_scattered_firms_rectified", quote = "问题企业(作坊)3000家",
      value = 3000, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市经信委",
      note = "关停和整治“低小散”问题企业(作坊)",
    },
    -- 二、(三) 主体质量更好
    target{
      id = "T08", section = "二、(三)", group = "goal3",
      indicator = "individual_to_firm", quote = "引导和支持2850户个体工商户转型升级为企业",
      value = 2850, unit = "户", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市市场监管局",
    },
    target{
      id = "T09", section = "二、(三)", group = "goal3",
      indicator = "converted_company_share", quote = "新转公司制企业占比80%以上",
      value = 80, unit = "%", comparator = ">=", kind = "share",
      deadline = "2020-12-31", lead_unit = "市市场监管局",
      note = "新转公司制企业占比80%以上: share of company-form firms among the 个转企 of T08",
    },
    target{
      id = "T10", section = "二、(三)", group = "goal3",
      indicator = "small_to_above_scale", quote = "新增“规下”工业小微企业升“规上”600家以上",
      value = 600, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市经信委",
    },
    target{
      id = "T11", section = "二、(三)", group = "goal3",
      indicator = "tz_joint_stock_firms_new", quote = "新增股份公司150家",
      value = 150, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市经信委",
      note = "新增: a count of firms newly becoming 股份有限公司 (规改股), so a flow; the catalog's joint_stock_firms is the stock",
    },
    target{
      id = "T12", section = "二、(三)", group = "goal3",
      indicator = "tz_neeq_listings_new", quote = "挂牌新三板30家",
      value = 30, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市金融办",
    },
    -- 二、(四) 创新动力更足
    target{
      id = "T13", section = "二、(四)", group = "goal4",
      indicator = "tech_smes_new", quote = "新增科技型小微企业1000家",
      value = 1000, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市科技局",
    },
    target{
      id = "T14", section = "二、(四)", group = "goal4",
      indicator = "contract_credit_firms_new", quote = "培育10家小微企业",
      value = 10, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市市场监管局",
      note = "成为浙江省AAA级“守合同重信用”公示企业: the AAA grade only (the catalog code names no grade)",
    },
    target{
      id = "T15", section = "二、(四)", group = "goal4",
      indicator = "tech_sme_rd_intensity", quote = "研发投入占销售收入比例不低于2.5%",
      value = 2.5, unit = "%", comparator = ">=", kind = "share",
      deadline = "2020-12-31", lead_unit = "市科技局",
      note = "of 科技型小微企业",
    },
    target{
      id = "T16", section = "二、(四)", group = "goal4",
      indicator = "tech_sme_researcher_share", quote = "科技人员数占职工总数比例不低于10%",
      value = 10, unit = "%", comparator = ">=", kind = "share",
      deadline = "2020-12-31", lead_unit = "市科技局",
      note = "of 科技型小微企业",
    },
    target{
      id = "T17", section = "二、(四)", group = "goal4",
      indicator = "tz_tech_firm_class2_ip", quote = "拥有1项以上II类知识产权",
      value = 1, unit = "项", comparator = ">=", kind = "other",
      deadline = "2020-12-31", lead_unit = "市科技局",
      note = "a standard per 科技型小微企业 (each firm to hold at least one)",
    },
    -- 二、(五) 外贸拓展更快
    target{
      id = "T18", section = "二、(五)", group = "goal5",
      indicator = "trading_rights_registrations_new", quote = "新增进出口经营权备案登记小微企业705家",
      value = 705, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市商务局",
    },
    target{
      id = "T19", section = "二、(五)", group = "goal5",
      indicator = "trade_active_firms_new", quote = "新增有外贸进出口实绩的小微企业345家",
      value = 345, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市商务局",
    },
    -- 二、(六) 营商环境更佳
    target{
      id = "T20", section = "二、(六)", group = "goal6",
      indicator = "tz_innovation_service_complexes", quote = "建成产业创新服务综合体20个以上",
      value = 20, unit = "个", comparator = ">=", kind = "level",
      deadline = "2020-12-31", lead_unit = "市科技局",
    },
    target{
      id = "T21", section = "二、(六)", group = "goal6",
      indicator = "sme_parks_new", quote = "新增小微企业园(基地)60个",
      value = 60, unit = "个", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市经信委",
    },
    target{
      id = "T22", section = "二、(六)", group = "goal6",
      indicator = "sme_parks_total", quote = "总量超过100个",
      value = 100, unit = "个", comparator = ">=", kind = "level",
      deadline = "2020-12-31", lead_unit = "市经信委",
      note = "小微企业园(基地)总量",
    },
    target{
      id = "T23", section = "二、(六)", group = "goal6",
      indicator = "tz_parks_output_10bn", quote = "培育年生产总值百亿元的园区20个",
      value = 20, unit = "个", comparator = ">=", kind = "level",
      deadline = "2020-12-31", lead_unit = "市经信委",
      note = "百亿元 is the threshold that defines the parks counted, not a separate target",
    },
    target{
      id = "T24", section = "二、(六)", group = "goal6",
      indicator = "tz_standard_factory_floor_area_new", quote = "标准厂房超过300万平方米",
      value = 3000000, unit = "平方米", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市经信委",
      note = "新建标准厂房; the sentence is split by a page break after 新建",
    },
    target{
      id = "T25", section = "二、(六)", group = "goal6",
      indicator = "research_facility_openings", quote = "开放科研设施与仪器5000台次",
      value = 5000, unit = "台次", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市科技局",
      note = "three joint leads: (市科技局、市质监局、市市场监管局牵头); lead_unit holds the first",
    },
    target{
      id = "T26", section = "二、(六)", group = "goal6",
      indicator = "lab_service_batches", quote = "开放实验室服务12000批次",
      value = 12000, unit = "批次", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "市科技局",
      note = "three joint leads: (市科技局、市质监局、市市场监管局牵头); lead_unit holds the first",
    },
    target{
      id = "T27", section = "二、(六)", group = "goal6",
      indicator = "tz_community_micro_branches_new", quote = "新增社区银行、小微专营支行20家",
      value = 20, unit = "家", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "台州银监分局",
    },
    target{
      id = "T28", section = "二、(六)", group = "goal6",
      indicator = "small_micro_loans_new", quote = "新增小微企业贷款240亿元",
      value = 24000000000, unit = "元", comparator = ">=", kind = "cumulative_new",
      deadline = "2020-12-31", lead_unit = "人行台州市中心支行",
    },
    target{
      id = "T29", section = "二、(六)", group = "goal6",
      indicator = "tax_incentive_coverage", quote = "税收优惠政策实际受惠面达到100%",
      value = 100, unit = "%", comparator = ">=", kind = "share",
      deadline = "2020-12-31", lead_unit = "市税务局",
    },
    -- 三、(二) 1 信用激励机制 (no lead named for the target; the measure's lead is 市发改委)
    target{
      id = "T30", section = "三、(二) 1", group = "mechanisms", measure = "M07",
      indicator = "credit_loan_balance", quote = "信用贷款余额到达100亿元",
      value = 10000000000, unit = "元", comparator = ">=", kind = "level",
      deadline = "2020-12-31",
      note = "力争三年内信用贷款余额到达100亿元 (到达 read as 达到: >=); a page break separates 100 from 亿元 in the source, which the quote check ignores",
    },
  },
}
