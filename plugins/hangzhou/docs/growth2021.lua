-- 杭州市小微企业三年成长计划（2021—2023年）（征求意见稿）
--
-- Source: shared/seeds/hangzhou_sme_growth_plan_2021_2023_draft.txt (clean text, a draft).
-- Measures are the 12 numbered 重点任务 of 三、; they have no numbered sub-items. The five
-- 保障措施 of 四、 are encoded as reports (reports.lua), not as measures.
-- Measure texts are the document's words verbatim (full-width punctuation kept), without the
-- trailing （责任单位：…） list. Drafting slips of the draft are kept as written (see `note`).
return document{
  id = "growth2021",
  title = "杭州市小微企业三年成长计划（2021—2023年）（征求意见稿）",
  -- The draft names no issuer. It says the plan is organized by 市市场监管局 as the office of the
  -- municipal leading group; a final version would normally be issued by the 市政府办公厅.
  issuer = "杭州市市场监督管理局（市“小微企业三年成长计划”推进领导小组办公室）",
  period_start = "2021-01-01",
  period_end = "2023-12-31",
  status = "draft",
  source = "hangzhou_sme_growth_plan_2021_2023_draft.txt",
  lead_rule = "first_listed",
  lead_rule_quote = "列第一位的为牵头单位",
  note = "征求意见稿; no issuer, date or 文号 in the text. Drafting slips kept as written: "
    .. "二、(四) 新增新增小微企业贷款 (doubled 新增); task 8 carries an editing residue "
    .. "(加快推进小微企业数字化改造”中增加“…); task 10 质检中心登 (for 等); task 12 "
    .. "《浙江省反不正当精准条例》 (for 反不正当竞争条例); task 7 writes 省银保监局 and task 8 "
    .. "浙江银保监局 for the same regulator. Targets restated inside tasks (研发投入不低于销售收入"
    .. "的2.5% in task 6, 税收优惠政策实际受惠率100% in task 10) are encoded once, where 二、 sets them, "
    .. "with measure = the task. Not a target, for want of a number: 二、(四) 单户授信总额1000万元以下的"
    .. "普惠型小微企业贷款增速不低于各项贷款增速、有贷款余额的户数保持增长 (1000万元 defines the loans "
    .. "counted; the goal is relative to 各项贷款增速). No growth target states a base value.",
  groups = {
    { id = "G1", section = "三、(一)", name = "以提质增效为目标，壮大小微企业发展活力" },
    { id = "G2", section = "三、(二)", name = "以数字变革为引领，创新小微企业要素支撑" },
    { id = "G3", section = "三、(三)", name = "以营商环境为抓手，推动小微企业服务优化" },
  },
  measures = {
    measure{
      id = "M01", section = "三、(一) 1", group = "G1",
      title = "持续引导小微企业提档升级",
      text = "持续引导小微企业提档升级。着力推动市级小微企业培育库构建，开"
        .. "展年度小微企业“成长之星”评选，鼓励各地对获得“成长之星”的"
        .. "小微企业给予资金、政策等方面的扶持。畅通小微企业升级培育渠道"
        .. "，通过“雏鹰行动”、“个转企、小升规、规改股、股上市”等工作"
        .. "，不断促进小微企业规模效益提质升级。支持符合条件的限下小微企"
        .. "业升为限上企业，对“个转企”的小微企业做好税费、财政、金融等"
        .. "各类政策引导激励。支持优质小微企业上市挂牌，加强对拟上市小微"
        .. "企业的培育和辅导，提高拟上市小微企业规范化水平。实施创新型、"
        .. "成长型民营小微企业培育行动，促进创新型、成长型民营小微企业发"
        .. "展，推动创成型小微企业赋能平台建设，推选一批领军型、骨干型、"
        .. "新锐型文化和旅游企业。推进量质并举。",
      responsible_units = { "市市场监管局", "省证监局", "市经信局", "市文广旅游局", "市地方金融监管局", "市工商联" },
      lead_units = { "市市场监管局" },
    },
    measure{
      id = "M02", section = "三、(一) 2", group = "G1",
      title = "深入推行小微企业质量管理",
      text = "深入推行小微企业质量管理。发挥“双百”（全省百个质量提升特色"
        .. "产业、百个先进质量管理单位）的辐射带动作用，强化标准化战略专"
        .. "项资金的引导作用，通过标准提档升级，以标准化战略为引领，以对"
        .. "标达标活动为重点，以先进治理管理方法为抓手，对标国内一流、国"
        .. "际先进，以“品字标”浙江制造品牌助力制造业高质量发展，由“质"
        .. "量时代”向“品牌时代”迈进。开展小微企业质量管理体系认证提升"
        .. "行动在涂料行业的试点工作，形成典型案例和亮点做法。对首次通过"
        .. "“三合一”（质量、环境和职业健康）管理体系认证的小微企业，加"
        .. "强资金支撑保障和政策扶持力度，规范认证活动，强化认证结果采信"
        .. "。",
      responsible_units = { "市市场监管局" },
      lead_units = { "市市场监管局" },
    },
    measure{
      id = "M03", section = "三、(一) 3", group = "G1",
      title = "持续整合小微企业存量资源",
      text = "持续整合小微企业存量资源。对市域范围内的土地开展综合整治，对"
        .. "闲置性、低效率、分散性、碎片化等各类土地问题进行分析研究并加"
        .. "以破解，整合并盘活小微企业园区建设发展的存量土地资源。全面提"
        .. "高科创园（科技园）、文创园、软件园、电子商务园、双创园等各类"
        .. "园区的发展质量，推进产业创新服务综合体建设，以要素资源集聚、"
        .. "园区能级提升助力块状经济和特色产业新发展。规范小微企业入园、"
        .. "培育、评价、清退等全流程机制，以发挥促进企业良性发展、优化园"
        .. "区生态体系的保障作用。",
      responsible_units = { "市规划和自然资源局", "市发改委", "市经信局", "市科技局", "市商务局", "市文广旅游局" },
      lead_units = { "市规划和自然资源局" },
    },
    measure{
      id = "M04", section = "三、(一) 4", group = "G1",
      title = "着力推进小微企业人才支持",
      text = "着力推进小微企业人才支持。加强技能培训和就业创业指导，实施小"
        .. "微企业劳动者知识更新和职业技能提升行动，开展小微企业劳动者职"
        .. "业技能大赛。加大培训机构服务力度，以线上培训、职业培训、项目"
        .. "制培训等多样灵活的形式开展培训，搭建培训平台，提升培训人群覆"
        .. "盖面，确保培训实效。对培训机构加强管理，对补贴申领程序加以简"
        .. "化，以信息化助力职业技能培训工作开展，满足小微企业及劳动者的"
        .. "多样化服务需求，增强服务的针对性和有效性，为小微企业发展提供"
        .. "智力支撑。",
      responsible_units = { "市人力社保局", "市市场监管局" },
      lead_units = { "市人力社保局" },
    },
    measure{
      id = "M05", section = "三、(一) 5", group = "G1",
      title = "大力拓宽小微企业多元市场",
      text = "大力拓宽小微企业多元市场。更好利用国内国际两个市场、两种资源"
        .. "，拓展市场，培育竞争新优势。鼓励小微企业积极对接龙头企业需求"
        .. "，主动融入产业链、供应链体系，更好参与国内市场的生产、分配、"
        .. "流通等关键环节，实现上下游、产供销有效衔接的良性循环。鼓励小"
        .. "微企业积极开拓国外市场，参加境内外贸易展会，开拓“一带一路”"
        .. "沿线新兴市场，依托境外优质海外开放平台开展投资和贸易活动。支"
        .. "持小微企业线上参展，鼓励条件允许的地方对小微企业参加线上国际"
        .. "性展会给予资金扶持。加强制度落地，落实政府采购促进中小企业发"
        .. "展管理办法，扎实推进预留采购份额、价格评审优惠以及首台套、首"
        .. "批次产品和制造精品首购制度等措施落实并取得成效。",
      responsible_units = { "市商务局", "市经信局", "市财政局" },
      lead_units = { "市商务局" },
    },
    measure{
      id = "M06", section = "三、(二) 6", group = "G2",
      title = "鼓励支持小微企业创新发展",
      text = "鼓励支持小微企业创新发展。完善高新技术和科技型小微企业‘微成"
        .. "长、小升高、高壮大’梯度培育机制，科技型小微企业研发投入不低"
        .. "于销售收入的2.5%，延续执行企业研发费用加计扣除75%的政"
        .. "策，将制造业企业加计扣除比例提高到100%，鼓励条件允许的地"
        .. "方对高新技术和科技型小微企业再按25%研发费用税前加计扣除标"
        .. "准予以奖励和补助，以税收优惠机制激励企业加大研发投入，着力推"
        .. "动企业以创新引领发展。大力推进知识产权“一件事”改革，构建专"
        .. "利技术推广运用平台、知识产权运营中心，开展小微企业知识产权贯"
        .. "标工作，支持各地开展品牌指导服务站建设，以平台架构为支撑，打"
        .. "造产业集群区域品牌。",
      responsible_units = { "市科技局", "市税务局", "市市场监管局" },
      lead_units = { "市科技局" },
    },
    measure{
      id = "M07", section = "三、(二) 7", group = "G2",
      title = "不断丰富小微企业融资渠道",
      text = "不断丰富小微企业融资渠道。深化“4+1”小微企业金融服务差异"
        .. "化细分工作，持续加大小微企业金融支持力度，推动小微金融服务增"
        .. "量扩面；优化资源配置，丰富供给手段，依托省市金融综合服务平台"
        .. "，充分运用金融科技和大数据信息提高小微信贷技术，提升小微金融"
        .. "服务精准度；优化信贷结构，提高首贷户、信用贷款和无还本续贷占"
        .. "比，进一步提升小微金融服务整体效能；引导银行业金融机构进一步"
        .. "细分小微企业客户群体，下沉服务重心，重点加大对‘无贷户’的信"
        .. "贷投放力度。实施小微企业和个体工商户首贷户拓展三年行动和首贷"
        .. "户培育计划，持续完善‘首贷户’精准获客、授信管理、辅导培育、"
        .. "内部考核激励等机制，全面推广“贷款码”，对订单、仓单、存货、"
        .. "应收账款质押融资等供应链金融产品的发展加以鼓励；扩大小微企业"
        .. "短期出口信用保险覆盖面和保单融资规模，引导小微企业有效利用金"
        .. "融衍生工具满足风险管理和稳健经营需要；支持符合条件的金融机构"
        .. "发行小微企业专项金融债、信贷资产证券化产品，积极推广“人才贷"
        .. "”“积分贷”“云量贷”“政采贷”等创新型金融产品。推动知识产"
        .. "权质押贷款增量扩面，鼓励知识产权金融保险业务开展和风险基金池"
        .. "构建。落实小微企业贷款授权、授信和尽职免责“三张清单”，深入"
        .. "构建政策性融资担保体系建设，政府性融资担保机构政策性担保费率"
        .. "原则上不超过1%。推动优质小微企业采取上市、挂牌和引入私募、"
        .. "创投资金等多种方式进行股权融资，推动符合条件的小微企业对接多"
        .. "层次资本市场，引导不同层次、不同类型的优质小微企业选择适合的"
        .. "板块进行股权融资，积极引导私募股权基金、创业投资基金加大对小"
        .. "微企业投资，充分发挥助力小微企业发展的作用，补齐小微企业融资"
        .. "短板，推动小微企业高质量发展。",
      responsible_units = { "人行杭州中心支行", "省银保监局", "市财政局", "市市场监管局", "市地方金融监管局" },
      lead_units = { "人行杭州中心支行" },
    },
    measure{
      id = "M08", section = "三、(二) 8", group = "G2",
      title = "加快推进小微企业数字化改造",
      text = "加快推进小微企业数字化改造。开展“十百千万”智能化技术改造行"
        .. "动，引导5G、人工智能、物联网等技术手段在小微企业发展中的应"
        .. "用，鼓励小微企业开展智能生产线、数字化车间建设。大力实施“新"
        .. "制造业计划”，深化数字经济与制造业融合创新，培育支撑杭州制造"
        .. "业高质量发展的“未来工厂”。实施数字化转型伙伴行动，构建小微"
        .. "企业和信息工程服务商对接机制，推进“上云用数赋智”服务，助力"
        .. "小微企业转型。加快推进小微企业数字化改造”中增加“构建完善小"
        .. "微企业园数字化建设，加强园区数字化管理和服务能力，以数字化改"
        .. "革推动资源整合、服务集成。加强信息共享，探索推进小微企业园‘"
        .. "园区大脑’与数字化金融服务模块对接，创新金融产品和服务，做实"
        .. "、做深‘伙伴银行’‘伙伴保险’工作机制。",
      responsible_units = { "市经信局", "市发改委", "浙江银保监局" },
      lead_units = { "市经信局" },
    },
    measure{
      id = "M09", section = "三、(三) 9", group = "G3",
      title = "持续优化准入退出机制建设",
      text = "持续优化准入退出机制建设。进一步深化企业开办全流程“一件事”"
        .. "便利化改革，实现企业设立登记、公章刻制、发票申领、银行开户、"
        .. "社保登记、公积金存缴登记在内的全链条、一站式集成办理优势。创"
        .. "新开展商事主体登记确认制改革，充分赋予企业登记注册自主权。持"
        .. "续推进“证照分离”改革不断升级，对重复性涉企经营许可事项进行"
        .. "取消和精简，对告知承诺事项进行增量扩面提质，完善企业注销制度"
        .. "，深化落实吊销未注销企业强制注销工作，围绕“放管服”改革，进"
        .. "一步优化小微企业营商环境。",
      responsible_units = { "市市场监管局", "市“小微企业三年成长计划”推进领导小组各成员单位" },
      lead_units = { "市市场监管局" },
    },
    measure{
      id = "M10", section = "三、(三) 10", group = "G3",
      title = "着力提升综合服务能力建设",
      text = "着力提升综合服务能力建设。加快构建市县联动、多方资源合作共享"
        .. "的“小微通”综合服务云平台，支持各地探索个性化、特色化子项目"
        .. "建设，实现与“企业码”融合发展。深入开展小微企业“三对接”服"
        .. "务，对小微企业服务平台和“三对接”服务典型组织年度遴选，进行"
        .. "推广宣传。发挥技术服务支撑作用，加强“浙里检”平台建设和应用"
        .. "，优化检验检测线上一站式综合服务，开展“优化计量、提质增效”"
        .. "常态化帮扶活动。深化国家级、省级质检中心登公共技术服务平台建"
        .. "设，有效推进公共技术服务平台、实验室、大型科研仪器设备实现开"
        .. "放共享服务。采取政策引导、政府购买等方式，深入推进全市市场主"
        .. "体法律顾问服务网格化全覆盖和企业法治体检活动，为小微企业依法"
        .. "经营、健康成长提供法治保障，营造更好法治化营商环境。全面落实"
        .. "小微企业各项税收优惠政策，力争税收优惠政策实际受惠率实现10"
        .. "0%，对符合要求的小微企业减免房产税、城镇土地使用税，延续落"
        .. "实普惠金融有关税收优惠政策，完善小微企业普惠金融服务。深化部"
        .. "门合作机制，充分发挥地区优势，建立健全小微企业财政、税务、金"
        .. "融、市场监管、地方政府等单位信息共享机制，共同营造支持小微企"
        .. "业高质量发展的良好环境。",
      responsible_units = { "市市场监管局", "各区（县、市）政府", "市经信局", "市科技局", "市司法局", "市财政局", "市税务局", "市地方金融监管局" },
      lead_units = { "市市场监管局" },
    },
    measure{
      id = "M11", section = "三、(三) 11", group = "G3",
      title = "加快推进信用监管体系建设",
      text = "加快推进信用监管体系建设。深入实施信用“531X”工程，优化"
        .. "治理环境和方式，全力推进信用浙江建设，实现全省一体化公共信用"
        .. "信息平台功能全面提升，建立健全市场主体信用信息评价制度和信用"
        .. "修复机制，迭代完善信用评价，优化升级企业公共信用指标和评价体"
        .. "系。全面开展企业信用风险分类管理，根据企业信用风险等级实施企"
        .. "业差异化监管，加快推进跨部门守信联合激励和失信联合惩戒机制建"
        .. "设。我市构建具有感知、分析、决策能力的信用智能服务体系，形成"
        .. "“芯片式”公共信用产品，加快完善告知承诺信用信息记录、归集、"
        .. "推送工作机制，将承诺人履行承诺情况全面纳入信用记录，推动信用"
        .. "修复、异议处理和失信联合惩戒。",
      responsible_units = { "市发改委", "市税务局", "市市场监管局", "人行杭州中心支行" },
      lead_units = { "市发改委" },
    },
    measure{
      id = "M12", section = "三、(三) 12", group = "G3",
      title = "营造公平竞争有序市场环境",
      text = "营造公平竞争有序市场环境。推动《浙江省反不正当精准条例》的修"
        .. "订，全面落实公平竞争审查制度，对垄断、不正当竞争行为加强执法"
        .. "力度，坚决破除地方保护、行业垄断、限制竞争和排他性竞争，对虚"
        .. "假宣传、混淆仿冒等行为加强打击力度。持续加强涉企收费监管工作"
        .. "、大力查处涉企违规收费行为，深入开展转供电等重点领域收费专项"
        .. "整治行动。开展专利、商标、商业秘密等领域联合执法行动，大力推"
        .. "进商业秘密保护“十区百县千企”建设工程，提高小微企业商业秘密"
        .. "保护意识。严格落实《中华人民共和国政府采购法》等有关规定，依"
        .. "法保障小微企业平等参与政府采购活动的权利。推进实现行政执法部"
        .. "门“双随机、一公开”监管全覆盖，规范行政执法，减轻企业负担，"
        .. "优化营商环境。",
      responsible_units = { "市市场监管局", "市发改委", "市财政局" },
      lead_units = { "市市场监管局" },
    },
  },
  targets = {
    -- 二、(一) 进一步扩大小微企业总量规模 ------------------------------------------------
    target{ id = "T01", section = "二、(一)", indicator = "new_small_micro_firms",
            quote = "累计新增小微企业16.5万家以上",
            value = 165000, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T02", section = "二、(一)", indicator = "eight_industries_firms_new",
            quote = "新增八大万亿产业小微企业4.8万家以上",
            value = 48000, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31", note = "其中: part of the 16.5万家 of T01" },
    target{ id = "T03", section = "二、(一)", indicator = "hz_cultivation_pool_firms_municipal",
            quote = "市级和县级小微企业培育库入库企业分别达到1.2万家",
            value = 12000, unit = "家", comparator = ">=", kind = "level",
            deadline = "2023-12-31" },
    target{ id = "T04", section = "二、(一)", indicator = "hz_cultivation_pool_firms_county",
            quote = "入库企业分别达到1.2万家和4.5万家",
            value = 45000, unit = "家", comparator = ">=", kind = "level",
            deadline = "2023-12-31",
            note = "县级培育库: the total over all county-level pools; 分别 pairs 县级 with 4.5万家" },
    target{ id = "T05", section = "二、(一)", indicator = "below_scale_industrial_va_growth",
            quote = "规下工业小微企业增加值年均增长6%以上",
            value = 6, unit = "%", comparator = ">=", kind = "growth_rate",
            deadline = "2023-12-31" },

    -- 二、(二) 进一步提升小微企业主体质量 ------------------------------------------------
    target{ id = "T06", section = "二、(二)", indicator = "small_to_above_scale",
            quote = "累计新增规下升规上工业小微企业1000家以上",
            value = 1000, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T07", section = "二、(二)", indicator = "hz_ip_standardized_firms",
            quote = "知识产权管理规范化小微企业420家",
            value = 420, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31",
            note = "read as governed by the sentence's 累计新增 (a list continuing it)" },
    target{ id = "T08", section = "二、(二)", indicator = "hz_credit_demo_firms_provincial",
            quote = "信用管理示范小微企业省级30家",
            value = 30, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31", note = "read as governed by 累计新增" },
    target{ id = "T09", section = "二、(二)", indicator = "hz_credit_demo_firms_municipal",
            quote = "市级50家",
            value = 50, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31",
            note = "信用管理示范小微企业省级30家、市级50家: the municipal half; read as governed by 累计新增" },
    target{ id = "T10", section = "二、(二)", indicator = "contract_credit_firms_new",
            quote = "小微企业省AAA级25家",
            value = 25, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31",
            note = "“守合同重信用”小微企业, provincial AAA grade (the catalog code names no grade; Taizhou's target on it is AAA too); read as governed by 累计新增" },
    target{ id = "T11", section = "二、(二)", indicator = "hz_contract_credit_firms_aa",
            quote = "省AA级80家",
            value = 80, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31",
            note = "“守合同重信用”小微企业, provincial AA grade; read as governed by 累计新增" },
    target{ id = "T12", section = "二、(二)", indicator = "joint_stock_firms",
            quote = "每年动态保有股份有限公司2000家",
            value = 2000, unit = "家", comparator = ">=", kind = "level", every = "year",
            deadline = "2023-12-31" },
    target{ id = "T13", section = "二、(二)", indicator = "hz_listing_reserve_firms",
            quote = "上市后备企业300家",
            value = 300, unit = "家", comparator = ">=", kind = "level", every = "year",
            deadline = "2023-12-31",
            note = "a pool kept each year: read as governed by 每年动态保有 like the 股份有限公司 before it" },
    target{ id = "T14", section = "二、(二)", indicator = "hz_key_pre_ipo_firms_municipal",
            quote = "其中市级重点拟上市企业120家以上",
            value = 120, unit = "家", comparator = ">=", kind = "level", every = "year",
            deadline = "2023-12-31",
            note = "其中: part of the 上市后备企业 pool of T13; read as governed by 每年动态保有" },

    -- 二、(三) 进一步激发小微企业创新能力 ------------------------------------------------
    target{ id = "T15", section = "二、(三)", indicator = "tech_smes_new",
            quote = "累计新增科技型小微企业3800家",
            value = 3800, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T16", section = "二、(三)", indicator = "high_tech_firms_new",
            quote = "高新技术企业3000家",
            value = 3000, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31", note = "governed by 累计新增" },
    target{ id = "T17", section = "二、(三)", measure = "M06", indicator = "tech_sme_rd_intensity",
            quote = "科技型小微企业研发投入不低于销售收入的2.5%",
            value = 2.5, unit = "%", comparator = ">=", kind = "share",
            deadline = "2023-12-31",
            note = "restated word for word in task 6 (三、(二) 6), hence measure M06; encoded once" },
    target{ id = "T18", section = "二、(三)", indicator = "tech_sme_researcher_share",
            quote = "科研人员数量不低于职工总数的10%",
            value = 10, unit = "%", comparator = ">=", kind = "share",
            deadline = "2023-12-31" },

    -- 二、(四) 进一步优化小微企业金融服务 ------------------------------------------------
    target{ id = "T19", section = "二、(四)", indicator = "small_micro_loans_new",
            quote = "新增小微企业贷款4800亿元",
            value = 480000000000, unit = "元", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31", note = "the text doubles the word: 新增新增小微企业贷款" },
    target{ id = "T20", section = "二、(四)", indicator = "credit_loans_issued",
            quote = "累计发放小微企业信用贷款4000亿元",
            value = 400000000000, unit = "元", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T21", section = "二、(四)", indicator = "first_loan_borrowers_new",
            quote = "新增小微企业首贷户5万户",
            value = 50000, unit = "户", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T22", section = "二、(四)", indicator = "first_loan_amount",
            quote = "累计对小微企业首贷户发放贷款1500亿元",
            value = 150000000000, unit = "元", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T23", section = "二、(四)", indicator = "renewal_loans_count",
            quote = "新增小微企业无还本续贷75万笔",
            value = 750000, unit = "笔", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T24", section = "二、(四)", indicator = "renewal_loan_balance",
            quote = "小微企业无还本续贷余额1250亿元以上",
            value = 125000000000, unit = "元", comparator = ">=", kind = "level",
            deadline = "2023-12-31" },

    -- 二、(五) 进一步激活小微企业发展要素 ------------------------------------------------
    target{ id = "T25", section = "二、(五)", indicator = "sme_parks_total",
            quote = "总量300个以上",
            value = 300, unit = "个", comparator = ">=", kind = "level",
            deadline = "2023-12-31", note = "小微企业园（基地）总量" },
    target{ id = "T26", section = "二、(五)", indicator = "sme_park_floor_area_total",
            quote = "总建筑面积超过450万平方米",
            value = 4500000, unit = "平方米", comparator = ">=", kind = "level",
            deadline = "2023-12-31" },
    target{ id = "T27", section = "二、(五)", indicator = "research_facility_openings",
            quote = "累计面向小微企业开放科研设施1万台次",
            value = 10000, unit = "台次", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T28", section = "二、(五)", indicator = "lab_service_batches",
            quote = "实验室服务1万批次",
            value = 10000, unit = "批次", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T29", section = "二、(五)", indicator = "hz_zhelijian_services",
            quote = "提供“浙里检”服务6万单次以上",
            value = 60000, unit = "单次", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T30", section = "二、(五)", indicator = "hz_worker_training",
            quote = "累计培训小微企业劳动者6万人次以上",
            value = 60000, unit = "人次", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T31", section = "二、(五)", indicator = "hz_metrology_services",
            quote = "累计开展小微企业计量服务900家次以上",
            value = 900, unit = "家次", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T32", section = "二、(五)", indicator = "hz_measurement_mgmt_training",
            quote = "测量管理体系免费培训900家次以上",
            value = 900, unit = "家次", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T33", section = "二、(五)", indicator = "hz_trade_secret_training",
            quote = "商业秘密保护培训4场以上",
            value = 4, unit = "场", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T34", section = "二、(五)", measure = "M10", indicator = "tax_incentive_coverage",
            quote = "税收优惠政策实际受惠率达到100%",
            value = 100, unit = "%", comparator = ">=", kind = "share",
            deadline = "2023-12-31",
            note = "restated in task 10 (力争税收优惠政策实际受惠率实现100%), hence measure M10; encoded once" },

    -- 二、(六) 进一步促进小微企业外贸拓展 ------------------------------------------------
    target{ id = "T35", section = "二、(六)", indicator = "trading_rights_registrations_new",
            quote = "新增进出口经营权备案登记小微企业1830家以上",
            value = 1830, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31" },
    target{ id = "T36", section = "二、(六)", indicator = "trade_active_firms_new",
            quote = "有外贸进出口实绩小微企业900家以上",
            value = 900, unit = "家", comparator = ">=", kind = "cumulative_new",
            deadline = "2023-12-31",
            note = "read as governed by the 新增 of the pair joined by 、" },

    -- inside tasks ------------------------------------------------------------------------
    target{ id = "T37", section = "三、(二) 7", measure = "M07", group = "G2",
            indicator = "guarantee_fee_rate",
            quote = "政策性担保费率原则上不超过1%",
            value = 1, unit = "%", comparator = "<=", kind = "share",
            deadline = "2023-12-31",
            note = "政府性融资担保机构; 原则上 (as a rule). Also a benefit: hz_guarantee_fee_cap" },
  },
}
