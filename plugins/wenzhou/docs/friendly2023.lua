-- friendly2023: 温州市人民政府关于创建中小微企业友好城市的实施意见 (2023-10-12).
--
-- Source: shared/seeds/wenzhou_sme_friendly_city_2023.txt, a web copy converted to traditional
-- characters with pinyin after polyphonic characters. Damage repaired here (only in title/text/
-- group names; target quotes keep to spans that survive intact):
--   * the full-width section markers were mis-decoded (UTF-8 GBK mix-up shifted by one byte:
--     `?。ㄒ唬` = （一） …). Re-aligning the bytes recovers every lost heading character:
--     一、(一)主体质量提升 (二)活力显著增强 (四)服务集成优化 (五)权益保护到位;
--     二、(一)创业扶持友好; 三、(一)加强组织领导 (二)强化工作落实 (三)开展发展环境评估.
--   * 二、(三) 12 `加入?yún)f(xié)作配套` read as 加入协作配套: `f(xié)` is 協 (GBK 85 66, lead
--     byte lost); `?yún)` may hide one more character read yún (雲?), not recoverable, left out.
--   * 二、(五) 22 `政府性融資擔??己嗽u價體系` = 政府性融资担保考核评价体系 (保考核評 mis-decoded).
-- The copy has no title line and no 文号; the title is the standard form of
-- "现就我市创建中小微企业友好城市提出如下实施意见". Nested brackets in the 责任单位 lists are
-- written <…> in the copy (各县<市、区>政府); responsible_units use the plugin's half-width
-- short names (各县(市、区)政府), see plugin.lua.
--
-- Leads: the text states no lead rule and names no 牵头 unit, so lead_rule = "explicit" and
-- every lead_units list is empty.
--
-- Targets: 21 = 18 in 一、总体要求 (一)…(五) + 3 inside measures (16: 上市中小企业, 22: 担保费率,
-- 28: 公司制比例). Not encoded as targets, for want of a number: 实现数字化园区建设全覆盖,
-- 全市工业经济强镇企业服务中心全覆盖 (一、(四)); 法律顾问服务网格化全覆盖, 常态化建立…权益保护救济机制
-- (一、(五)); 重点行业展会全覆盖 (13); 审慎监管机制实现涉企执法部门全覆盖 (29). Numbers that are not
-- goals: 500亿元产业基金 (16, the size of an existing fund), 市县"1+14"公共服务机构 (23, a
-- structure), "415X"/"5+5" 产业集群 (25, names), 96666 热线 (27), 3.0 平台/柔性执法3.0 (8, 29).
-- Amounts promised to firms are benefits (benefits.lua), not targets.
--
-- 新增 counts: the text names no base date, so they count from period_start (the issue date); a
-- reader of the original may take them as 2023—2025. 累计培育创新型中小企业5000家 and the three
-- counts it governs (T04-T07) are levels at end-2025: the catalog's indicators for them are stocks,
-- and private32 R23, which sets the same goals, encodes them so.

return document{
  id = "friendly2023",
  title = "温州市人民政府关于创建中小微企业友好城市的实施意见",
  issuer = "温州市人民政府",
  issued = "2023-10-12",
  period_start = "2023-10-12",
  period_end = "2025-12-31",
  -- The text states no validity period (本文 only defers the 奖补 terms to 温政发〔2023〕6号 and
  -- 温政发〔2023〕8号); its targets run to 2025. Kept in force until a repeal is known.
  status = "in_force",
  source = "wenzhou_sme_friendly_city_2023.txt",
  lead_rule = "explicit",
  note = "Web copy in traditional characters with pinyin and mis-decoded section markers; "
      .. "headings 一、(一)(二)(四)(五), 二、(一), 三、(一)(二)(三) and two mojibake spans in 12 and 22 "
      .. "repaired by re-aligning the GBK bytes. No title line or 文号 in the copy. The 奖补 clauses' "
      .. "terms and validity follow 温政发〔2023〕6号 and 温政发〔2023〕8号 (not encoded here).",
  groups = {
    { id = "G1", section = "二、(一)", name = "创业扶持友好" },
    { id = "G2", section = "二、(二)", name = "创新推动友好" },
    { id = "G3", section = "二、(三)", name = "市场开拓友好" },
    { id = "G4", section = "二、(四)", name = "财税支持友好" },
    { id = "G5", section = "二、(五)", name = "信贷融资友好" },
    { id = "G6", section = "二、(六)", name = "服务体系友好" },
    { id = "G7", section = "二、(七)", name = "权益保护友好" },
  },
  measures = {
    measure{
      id = "M01", section = "二、(一) 1", group = "G1",
      title = "支持创业创新",
      text = "支持创业创新。为高层次人才、高学历人才创业提供最高300万元贷款额度,每年选树一批小微企业“创业之星”,给予最高1000万元创业贷款。"
         .. "优先推荐中小微企业参加创客中国“浙江好项目”创新创业大赛及各类创业创新大赛,鼓励公共服务机构、创业孵化基地、众创空间等为有创业意愿或创业计划的人员、初创期的小微企业提供技术创新、知识产权、"
         .. "质量提升、管理诊断、风险防范等方面的创业培训和辅导。对服务机构向小微企业提供的各类就业创业服务项目、活动最高给予20万元补助。",
      lead_units = {},
      responsible_units = { "市经信局", "市人力社保局", "温州农商银行" },
    },
    measure{
      id = "M02", section = "二、(一) 2", group = "G1",
      title = "激励人才创业",
      text = "激励人才创业。完善激励人才创业创新的政策体系,加强高学历、高职称、高技能等高层次人才的培养和引进,按照规定为高层次人才创办中小微企业提供创业场所、创业启动资金和相关配套服务。高等学校、"
         .. "科研机构等事业单位科研人员离岗创办中小微企业或者在中小微企业创业创新的,符合相关规定的在一定期限内保留人事关系。",
      lead_units = {},
      responsible_units = { "市委组织部(市委人才办)", "市人力社保局" },
    },
    measure{
      id = "M03", section = "二、(一) 3", group = "G1",
      title = "推进创业基地建设",
      text = "推进创业基地建设。支持各地对销售收入500万元以下企业给予综合扶持,将创业基地建设成小企业孵化“幼儿园”。全面推进软件园、电子商务园、科技孵化器、特色小镇等各类小微企业集聚平台建设和改造提升,"
         .. "创建一批创业基地等创业创新载体建设,为小微企业提供公益性或低成本的生产经营场地和服务,打响“创业之都”品牌。",
      lead_units = {},
      responsible_units = { "市发展改革委", "市经信局", "市科技局", "市商务局", "各县(市、区)政府" },
    },
    measure{
      id = "M04", section = "二、(一) 4", group = "G1",
      title = "培育中小微企业特色产业集群",
      text = "培育中小微企业特色产业集群。结合区域产业和专精特新企业实际,建立中小微企业特色产业集群培育库,完善区域集群发展规划和专项扶持政策,促进以中小微企业集聚为特征的产业集群健康发展,"
         .. "支持发展现代农业、先进制造业、现代服务业、战略性新兴产业集群,推动择优遴选一批推荐申报省级、国家中小企业特色产业集群。针对中小微企业特色产业集群发展需要,统筹检验检测、政策咨询、"
         .. "管理培训等公共服务平台建设,为企业提供便捷服务、增值服务、赋能服务。",
      lead_units = {},
      responsible_units = { "市经信局", "各县(市、区)政府" },
    },
    measure{
      id = "M05", section = "二、(二) 5", group = "G2",
      title = "实施中小微企业“满天星”梯度培育计划",
      text = "实施中小微企业“满天星”梯度培育计划。加大培育扶持力度,滚动推进“小升规”,壮大规模企业群体,对首次“小升规”企业首年奖励20万元,后两年销售额保持增长的奖励10万元。"
         .. "进一步提质“小升规”企业,根据省中小微企业专精特新发展产业领域目录,聚焦发展高新技术产业,重点培育发展高技术制造业、高技术服务业的中小微企业。对有效期内的首次“小升规”的高新技术企业,"
         .. "在“小升规”扶持政策基础上再奖励10万元。引导中小企业向“专精特新”提档升级,推动“小巨人”“隐形冠军”企业做优做强。加大“专精特新”产业基金对高成长型、“小巨人”企业的支持力度,"
         .. "对成功上市的企业给予相应奖励。",
      lead_units = {},
      responsible_units = { "市经信局", "市科技局", "市财政局", "市金融办", "各县(市、区)政府" },
    },
    measure{
      id = "M06", section = "二、(二) 6", group = "G2",
      title = "加快数字化转型",
      text = "加快数字化转型。支持大型企业建设适应中小微企业需求的工业互联网平台,开放平台入口,共享数据资源,带动产业链供应链上下游中小微企业协同开展数字化转型。支持中国移动、中国电信、"
         .. "中国联通等数字化转型专业服务机构聚焦中小微企业数字化共性需求,通过“小微数字管家”、“智云护航—企业数字化赋能服务专家”、5G企业专网通等产品,为中小微企业提供企业宽带、企业组网、"
         .. "5G专网等数字化转型产品服务。通过政府购买服务形式,组织专业服务商为中小微企业提供数字化转型诊断服务和解决方案,支持企业实施高端化、智能化、绿色化、融合化转型升级,创新生产方式,"
         .. "提升发展质量和效益。",
      lead_units = {},
      responsible_units = { "市经信局" },
    },
    measure{
      id = "M07", section = "二、(二) 7", group = "G2",
      title = "支持创新载体建设",
      text = "支持创新载体建设。支持中小微企业自建或者并购研发机构,购置先进实验设备,开展关键核心技术攻关或者创新产品研发。开展创新链、产业链、供应链、数据链、资金链、服务链、人才链等“七链”融通对接行动,"
         .. "促进大中小微企业融通发展。支持大型企业与产业链上下游中小微企业组建创新联合体,共同开展产业共性技术研发和关键核心技术攻关,构建“头部企业+中小微企业+服务环境”创新生态圈。",
      lead_units = {},
      responsible_units = { "市经信局", "市科技局", "市人力社保局", "市金融办" },
    },
    measure{
      id = "M08", section = "二、(二) 8", group = "G2",
      title = "加强科技成果转化",
      text = "加强科技成果转化。各地高能级平台要针对中小微企业技术需要,对接高等学校、科研机构的科技基础研究成果,开展应用研究与成果转化。鼓励中小微企业与高等学校、科研机构组建创新联合体,"
         .. "开展技术研发与合作。鼓励高等学校、科研机构采取转让、许可、作价投资或者产学研合作等方式,在同等条件下优先向中小微企业转移具有自主知识产权的科技成果或者提供技术支持。"
         .. "依托中国浙江网上技术交易市场3.0平台,为中小企业成果转化提供一站式全链条服务,畅通创新成果转化渠道。",
      lead_units = {},
      responsible_units = { "市科技局", "市市场监管局", "各县(市、区)政府" },
    },
    measure{
      id = "M09", section = "二、(二) 9", group = "G2",
      title = "加强知识产权服务和保护",
      text = "加强知识产权服务和保护。深化“浙江知识产权在线”应用,为中小微企业提供知识产权预警、专利创造、代理托管等服务。加强中小微企业知识产权管理对标诊断,支持企业获取和实施优质专利技术。鼓励高校、"
         .. "科研院所实施专利开放许可,支持重点产业知识产权联盟建设公共专利池并向中小微企业推广转移。加快布局建设一批专利导航服务基地,开展知识产权申请专项辅导和维权援助。通过知识产权保护直通车,"
         .. "为“专精特新”中小企业提供优先审查和快速预审。",
      lead_units = {},
      responsible_units = { "市市场监管局" },
    },
    measure{
      id = "M10", section = "二、(二) 10", group = "G2",
      title = "强化质量认证和标准化建设",
      text = "强化质量认证和标准化建设。引导中小微企业推广应用卓越绩效、精益生产等先进管理方法,积极参评各级政府质量奖,对新获得国家、省、市政府质量奖的分别给予300万元、200万元、100万元奖励。"
         .. "指导和支持中小微企业组织主导产品参加和获得发达国家和地区权威机构的认证,实施“标准化+”领航行动,持续推进“专精特新”中小企业开展对标达标专项提升行动,鼓励中小微企业主导或参与制修订国际标准、"
         .. "国家标准、行业标准和先进团体标准,积极参与浙江标准培育。",
      lead_units = {},
      responsible_units = { "市经信局", "市市场监管局" },
    },
    measure{
      id = "M11", section = "二、(三) 11", group = "G3",
      title = "加大政府采购力度",
      text = "加大政府采购力度。落实提高政府采购面向中小企业预留份额和政府采购预付款比例等支持政策,严格执行小微企业享受的政府采购评审价格扣除优惠政策,优化政府采购营商环境。专精特新中小企业的科技创新产品、"
         .. "服务首次投放市场的,在功能、质量等指标能够满足政府采购需求条件下,政府采购应当率先购买。鼓励采购单位通过政采云制造(精品)馆采购专精特新中小企业产品,提高预付款比例,加快资金支付。",
      lead_units = {},
      responsible_units = { "市财政局" },
    },
    measure{
      id = "M12", section = "二、(三) 12", group = "G3",
      title = "推进优质产品应用",
      text = "推进优质产品应用。定期召开“专精特新”新品发布会,优先将中小微企业优质产品纳入“温州好产品”目录、创新产品推介目录。常态化组织产业链供应链对接活动,通过组织开展线上线下推介洽谈会、供需对接会、"
         .. "展览展销会等方式,推动一批优质中小企业与“链主”企业建立起紧密合作关系,一批小微企业加入协作配套,促进中小微企业的产品和服务进入大型企业的产业链供应链或者采购系统,"
         .. "推荐参与重点产品和工艺一条龙应用。",
      lead_units = {},
      responsible_units = { "市经信局", "市商务局" },
    },
    measure{
      id = "M13", section = "二、(三) 13", group = "G3",
      title = "支持拓展国内外市场",
      text = "支持拓展国内外市场。依托跨境电商综合实验区、境外经贸合作区、浙南闽北赣东进口商品集散中心等高能级平台开展投资贸易活动,为中小微企业提供远程网上交流、供需信息对接等服务,加强与长三角、珠三角、"
         .. "京津冀等区域合作。发布国内外展会目录,积极对接国内外重点客商组织订货会、展销会,实现重点行业展会全覆盖。鼓励中小微企业参加中国进出口商品交易会、中国国际中小企业博览会、"
         .. "APEC中小企业技术交流暨展览会、广交会、华交会、浙洽会等国内外重点贸易展会,积极拓展“一带一路”、RCEP协定国市场。",
      lead_units = {},
      responsible_units = { "市经信局", "市商务局" },
    },
    measure{
      id = "M14", section = "二、(三) 14", group = "G3",
      title = "提高品牌竞争力",
      text = "提高品牌竞争力。完善品牌建设激励机制,引导和支持中小微企业建立健全品牌培育管理体系,培育自主品牌。对中小微企业申请注册商标、地理标志专用标志等给予指导。推动专精特新中小企业实施品牌发展战略,"
         .. "打造品牌示范企业和“浙江制造精品”。在生产经营场所、营销活动和广告宣传中使用推广“瓯越鲜风”“瓯海眼镜”“永嘉教玩具”等区域公共品牌,给予相应奖励,扩大温州产品知名度和美誉度。"
         .. "支持有条件的专精特新中小企业以参股、换股、并购等形式与国际品牌企业合作,提高国际化运营能力。",
      lead_units = {},
      responsible_units = { "市经信局", "市商务局", "市市场监管局" },
    },
    measure{
      id = "M15", section = "二、(四) 15", group = "G4",
      title = "加大对中小微企业发展支持",
      text = "加大对中小微企业发展支持。各地要结合实际,优化完善中小微企业公共服务体系、融资服务体系建设和中小微企业梯度培育等方面的支持,优化相关产业政策,由同级财政予以保障。"
         .. "各地支持企业发展的其他相关资金,要适当向中小微企业倾斜。",
      lead_units = {},
      responsible_units = { "市经信局", "市财政局", "各县(市、区)政府" },
    },
    measure{
      id = "M16", section = "二、(四) 16", group = "G4",
      title = "发挥产业基金引领作用",
      text = "发挥产业基金引领作用。发挥500亿元产业基金引导作用,鼓励各级政府产业基金、国企产业基金和创业投资引导基金、股权投资基金等机构重点支持符合产业发展导向的中小微企业。"
         .. "积极参与组建省专精特新母基金,聚焦强链补链需求,做好优质项目对接,助力培育壮大一批专精特新企业。将具备条件的省级以上专精特新中小企业纳入市级重点拟上市企业名单进行培育,"
         .. "到2025年力争新增20家以上上市中小企业。",
      lead_units = {},
      responsible_units = { "市经信局", "市科技局", "市财政局", "市国资委", "市金融办", "各县(市、区)政府" },
    },
    measure{
      id = "M17", section = "二、(四) 17", group = "G4",
      title = "精准落地惠企政策措施",
      text = "精准落地惠企政策措施。实施政策制定、宣贯、执行、评估、修订全流程闭环管理,政策宣贯充分面向中小微企业,通过“政策助手”等功能提高政策知晓度。迭代升级惠企政策“直通车”,推广“免申即享”功能,"
         .. "破解中小微企业“不了解”“不懂办”带来的申办率不高、覆盖面不广等难题。",
      lead_units = {},
      responsible_units = { "市“两个健康”创建办", "市经信局", "市财政局", "各县(市、区)政府" },
    },
    measure{
      id = "M18", section = "二、(四) 18", group = "G4",
      title = "降低制度性交易成本",
      text = "降低制度性交易成本。持续深化企业开办全流程“一件事”便利化改革、准入经营“一件事”改革,实施电子营业执照集成应用试点。深化“浙里检”应用,优化检验检测线上一站式综合服务。加快推进国家级、"
         .. "省级质检中心等公共技术服务平台建设,深化公共技术服务平台、实验室、大型科研仪器设备向中小微企业开放共享。规范降低重点领域涉企收费,定期开展专项执法检查。规范垄断性交易市场收费,加强对中介机构、"
         .. "协会商会、交通物流等领域的监督检查。",
      lead_units = {},
      responsible_units = { "市发展改革委", "市科技局", "市市场监管局" },
    },
    measure{
      id = "M19", section = "二、(五) 19", group = "G5",
      title = "健全信贷激励机制",
      text = "健全信贷激励机制。继续落实普惠型小微企业贷款“两增”考核目标。运用风险补偿、贷款贴息、风险分担、财政资金竞争性存放等方式,引导银行业金融机构通过创新信贷产品和服务、提供优惠利率等方式,"
         .. "为中小微企业提供特色化融资支持。深入实施“金融富瓯”行动计划,引导商业银行提高小微企业和民营企业贷款比重,建立小微企业贷款容错机制,落实小微企业金融服务差异化监管,合理提高不良贷款容忍度。",
      lead_units = {},
      responsible_units = { "市财政局", "市金融办", "人行温州市分行", "国家金融监管总局温州监管分局" },
    },
    measure{
      id = "M20", section = "二、(五) 20", group = "G5",
      title = "引导金融资源精准滴灌",
      text = "引导金融资源精准滴灌。依托省公共数据平台依法归集中小微企业纳税、社会保险费和住房公积金缴纳、公用事业缴费、不动产、知识产权、海关企业信用、仓储物流等信息,完善中小微企业信用信息与融资对接机制,"
         .. "推广银税互动、云电贷、存货贷等信贷产品。支持银行业金融机构依托供应链核心企业的信用和交易信息,为上下游中小微企业提供订单融资、应收账款融资。以大数据实现快速授信、实时审批、即时到账、随借随还,"
         .. "为小微企业优先提供“免担保、免抵押、无还本续贷”的信用贷款,满足小微企业“短频快”的融资需求。",
      lead_units = {},
      responsible_units = { "市市场监管局", "市金融办", "人行温州市分行", "国家金融监管总局温州监管分局" },
    },
    measure{
      id = "M21", section = "二、(五) 21", group = "G5",
      title = "优化金融服务模式",
      text = "优化金融服务模式。支持温州农商银行系统率先创建“小微友好银行”,为中小微企业量身定制综合性金融服务产品,从资金、网点、专员等方面推出系列友好措施。加快电子营业执照应用,为符合条件的新注册企业、"
         .. "“小升规”企业分别提供100万元、1000万元信用贷款基础授信额度,打造“支小助微”金融服务温州模式。用好温州市金融综合服务平台,推动融资供需精准对接。规范中小微企业融资时需办理的担保、保险、"
         .. "评估、公证等事项,减少融资过程中的附加费用,降低中小微企业融资成本。",
      lead_units = {},
      responsible_units = { "市市场监管局", "市金融办", "国家金融监管总局温州监管分局", "温州农商银行" },
    },
    measure{
      id = "M22", section = "二、(五) 22", group = "G5",
      title = "完善政策性融资担保体系",
      text = "完善政策性融资担保体系。完善为小微企业提供融资担保的政策性融资担保体系,建立健全风险补偿和政府性融资担保机构的资本持续补充机制以及融资担保业务尽职免责机制。健全政府性融资担保考核评价体系,"
         .. "科学合理设置政府性融资担保机构绩效评价指标,提高风险容忍度,强化正向激励。政府性融资担保机构要加强对单户担保金额在1000万元以下的小微企业融资增信服务,平均担保费率保持在1%以下。",
      lead_units = {},
      responsible_units = { "市财政局", "市金融办", "人行温州市分行", "国家金融监管总局温州监管分局" },
    },
    measure{
      id = "M23", section = "二、(六) 23", group = "G6",
      title = "健全企业服务体系",
      text = "健全企业服务体系。完善市县“1+14”中小企业公共服务机构,设立重点镇街企业服务中心,持续迭代“帮企云”,形成线上线下相结合的中小企业公共服务体系。加强中小微企业公共服务示范平台建设和培育,"
         .. "设立中小微企业服务联盟和中小企业志愿服务工作站,为中小微企业提供公益性服务。优化服务券发放方式,对购买创业辅导、人才引进、技能培训、数字化应用、质量认证等市场化服务的中小微企业给予支持。"
         .. "聚焦企业成长全生命周期,加强“帮企云”“易企办”等数字化应用建设,推进惠企政策兑现及时、政务服务智能便捷、诉求办理高效精准,实现企业服务的多跨协同、综合集成。",
      lead_units = {},
      responsible_units = { "市经信局", "市政务服务局", "各县(市、区)政府" },
    },
    measure{
      id = "M24", section = "二、(六) 24", group = "G6",
      title = "完善拓展“数据得地”机制",
      text = "完善拓展“数据得地”机制。全面推进“数据得地”改革工作,将机制评审范围拓展到所有优质中小微企业、高成长型企业。拓展企业空间保障方式,通过加大老旧工业区改造提升、建设国有企业小微企业园、"
         .. "加大基层政府做地力度等方式,推进供地与供空间相结合,匹配项目用地需求,支持中小微企业通过以“先租后让”“弹性出让”等方式,分批次分类型帮助符合条件的优质本土企业解决发展空间问题。"
         .. "鼓励企业参与老旧工业区改造提升,允许中小企业联合参与工业用地招拍挂。在政府主导建设的创新型产业用房中,进一步提高符合产业导向的中小微企业入驻比例。",
      lead_units = {},
      responsible_units = { "市经信局", "市自然资源和规划局", "各县(市、区)政府" },
    },
    measure{
      id = "M25", section = "二、(六) 25", group = "G6",
      title = "提质小微企业园建设",
      text = "提质小微企业园建设。围绕全省“415X”和我市“5+5”产业集群培育,建设一批产业集聚度高、专业化水平高的生产制造类小微企业园。落实小微企业园准公共属性的法规规定,加大国有自持厂房建设力度,"
         .. "重点解决产业链上关键节点企业、优质中小微企业的过渡安置问题,防止优质企业外流。以民营企业服务赋能民营企业新模式,鼓励社会资本参与小微企业园管理服务,做到“让专业的人干专业的事”。"
         .. "加大品质提升力度,完善园区在建项目清单化管理、建成后三级审核认定、运营后绩效评价的闭环管理机制,按照“管用实用”原则建设数字化园区,加快实现“园区智慧管理、企业精准画像、服务精准直达”,"
         .. "对被评为省数字化建设示范园区的,给予运营管理机构50万元奖励。",
      lead_units = {},
      responsible_units = { "市经信局", "各县(市、区)政府" },
    },
    measure{
      id = "M26", section = "二、(六) 26", group = "G6",
      title = "强化用工培训指导",
      text = "强化用工培训指导。实施新时代工匠培育工程,开展职业技能大赛,提升小微企业劳动者技能水平和就业创业能力。大力推动职业技能培训机构发展,积极发挥院校、企业和各类培训机构作用,"
         .. "鼓励开发更多适合小微企业职业培训的课程,通过线上线下多种培训形式,提高培训人群覆盖面和实际效果。支持中小微企业参与制定职称评审标准,优化中小微企业职称评价方式,畅通申报渠道,"
         .. "并在评审时适当给予倾斜。经批准设立针对企业家、产业技术工人群体的荣誉、表彰和奖励的,应当向中小微企业或者其职工适当倾斜。",
      lead_units = {},
      responsible_units = { "市人力社保局", "各行业主管部门" },
    },
    measure{
      id = "M27", section = "二、(七) 27", group = "G7",
      title = "深化政企协商沟通机制",
      text = "深化政企协商沟通机制。畅通中小微企业诉求反映渠道,中小微企业及其经营者合法权益受到侵犯的,可以通过“帮企云”、96666服务热线、市县企业服务综合平台和温州市维权服务平台投诉、举报,诉求问题、"
         .. "投诉举报同步纳入“一表通管”闭环管理。市县要建立常态化政企协商沟通机制,通过“两个健康”直通车、政企恳谈会等形式,听取中小微企业和行业协会、商会的诉求问题以及对政府工作的意见和建议,"
         .. "并及时向有关部门反馈,督促改进。",
      lead_units = {},
      responsible_units = { "市“两个健康”创建办", "市经信局", "市工商联", "各县(市、区)政府" },
    },
    measure{
      id = "M28", section = "二、(七) 28", group = "G7",
      title = "推进治理能力提升",
      text = "推进治理能力提升。实施民营企业合规能力建设,支持民营企业建立现代企业产权结构,推进股权多元化和治理现代化,力争公司制占企业总体比例达95%左右。鼓励“专精特新”企业、"
         .. "科技型中小企业进行股份制改造,推动上市公司提升治理水平、做优做强。通过政府购买服务,向符合条件的市场主体提供“个转企”三年免费基础代理记账服务,推广符合条件的企业开办首年免费基础代理记账,"
         .. "规范初创期企业财务信息。分行业组织企业财务规范业务培训,分企业探索实施第三方内控审计制度,开展多维度企业制度规范对标评价,进一步规范企业财务管理,提升依法纳税意识。",
      lead_units = {},
      responsible_units = { "市财政局", "市金融办", "市市场监管局", "市税务局", "市工商联", "各行业主管部门" },
    },
    measure{
      id = "M29", section = "二、(七) 29", group = "G7",
      title = "全面推行柔性执法",
      text = "全面推行柔性执法。对小微企业、初创型企业实施包容审慎监管,按照依法监管、宽严相济、鼓励创新、公正高效原则,探索建立“沙盒监管”“触发式监管”等新型监管模式。推广“税健康”体检模型,"
         .. "以纳税信用等级等涉税信息为中小微企业赋分,对分值低、风险高的企业予以事前提醒,防范风险。行政机关、司法机关应当依法慎重使用查封、扣押、冻结等强制措施;确需查封、扣押、冻结的,"
         .. "应当最大限度降低对中小微企业正常生产经营活动的影响,不得超标的或者超范围查封、扣押、冻结财产,并在条件允许情况下为企业预留必要的流动资金和往来账户。打造柔性执法3.0,"
         .. "全面推广“首次不罚”“综合查一次”,审慎监管机制实现涉企执法部门全覆盖。",
      lead_units = {},
      responsible_units = { "市司法局", "市市场监管局", "市综合行政执法局", "市税务局" },
    },
    measure{
      id = "M30", section = "二、(七) 30", group = "G7",
      title = "优化公共法律服务机制",
      text = "优化公共法律服务机制。深化涉案民营企业刑事合规工作,探索企业涉税违法处置改革。分行业设立“企检服务中心”,进一步完善检企常态化沟通联系机制。优化公共法律服务,"
         .. "推进中小微企业法律顾问服务网格化全覆盖,完善瓯越中央法务区、“民营企业法治体检指导中心”等服务平台,常态化开展企业“法治体检”。建立小微企业申执案件“企业账本”,推进企业纠纷处置便利化。"
         .. "健全清理和防止拖欠中小企业账款等长效机制,建立健全中小微企业权益保护救济机制,千方百计保护企业合法权益。",
      lead_units = {},
      responsible_units = { "市检察院", "市“两个健康”创建办", "市经信局", "市司法局", "市公安局", "市工商联" },
    },
  },
  targets = {
    -- 一、(一) 主体质量提升. 到2025年 ----------------------------------------------------------
    target{ id = "T01", section = "一、(一)", indicator = "new_smes",
            quote = "新增中小微企业10万家", value = 100000, unit = "家",
            comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31" },
    target{ id = "T02", section = "一、(一)", indicator = "above_scale_industrial_firms",
            quote = "规上工业企业突破1万家", value = 10000, unit = "家",
            comparator = ">=", kind = "level", deadline = "2025-12-31" },
    target{ id = "T03", section = "一、(一)", indicator = "above_quota_firms",
            quote = "限额以上企业5000家", value = 5000, unit = "家",
            comparator = ">=", kind = "level", deadline = "2025-12-31",
            note = "governed by 突破 like T02 in the same clause (规上工业企业突破1万家、限额以上企业5000家)" },
    target{ id = "T04", section = "一、(一)", indicator = "innovative_smes",
            quote = "累计培育创新型中小企业5000家", value = 5000, unit = "家",
            comparator = ">=", kind = "level", deadline = "2025-12-31",
            note = "累计培育: the number of firms holding the status at end-2025, a level (the catalog "
                .. "indicator is a stock; private32 R23 sets the same goal, encoded the same way)" },
    target{ id = "T05", section = "一、(一)", indicator = "specialized_smes_provincial",
            quote = "省级专精特新中小企业1500家", value = 1500, unit = "家",
            comparator = ">=", kind = "level", deadline = "2025-12-31",
            note = "under 累计培育 of T04: a level at end-2025" },
    target{ id = "T06", section = "一、(一)", indicator = "hidden_champions_provincial",
            quote = "省级隐形冠军企业80家", value = 80, unit = "家",
            comparator = ">=", kind = "level", deadline = "2025-12-31",
            note = "under 累计培育 of T04: a level at end-2025" },
    target{ id = "T07", section = "一、(一)", indicator = "little_giants_national",
            quote = "国家级专精特新“小巨人”企业超过150家", value = 150, unit = "家",
            comparator = ">=", kind = "level", deadline = "2025-12-31",
            note = "under 累计培育 of T04: a level at end-2025" },

    -- 一、(二) 活力显著增强 ------------------------------------------------------------------
    target{ id = "T08", section = "一、(二)", indicator = "tech_smes_new",
            quote = "新增省科技型中小企业(科技型小微企业)4000家", value = 4000, unit = "家",
            comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31" },

    -- 一、(三) 金融支持有力 ------------------------------------------------------------------
    target{ id = "T09", section = "一、(三)", indicator = "small_micro_loan_balance",
            quote = "小微企业贷款余额超1.1万亿元", value = 1100000000000, unit = "元",
            comparator = ">=", kind = "level", deadline = "2025-12-31" },
    target{ id = "T10", section = "一、(三)", indicator = "first_loan_borrowers_new",
            quote = "新增小微企业首贷户1.8万户", value = 18000, unit = "户",
            comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31" },
    target{ id = "T11", section = "一、(三)", indicator = "first_loan_amount",
            quote = "首贷金额300亿元", value = 30000000000, unit = "元",
            comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31" },
    target{ id = "T12", section = "一、(三)", indicator = "renewal_loan_balance",
            quote = "小微企业无还本续贷余额超过1800亿元", value = 180000000000, unit = "元",
            comparator = ">=", kind = "level", deadline = "2025-12-31" },

    -- 一、(四) 服务集成优化 ------------------------------------------------------------------
    target{ id = "T13", section = "一、(四)", indicator = "sme_parks_new",
            quote = "新增小微企业园40个", value = 40, unit = "个",
            comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31" },
    target{ id = "T14", section = "一、(四)", indicator = "sme_park_floor_area_new",
            quote = "新增建筑面积600万平方米", value = 6000000, unit = "平方米",
            comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31",
            note = "the floor area of the new 小微企业园 of T13" },
    target{ id = "T15", section = "一、(四)", indicator = "incubation_space_new",
            quote = "新增孵化空间面积500万平方米", value = 5000000, unit = "平方米",
            comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31" },
    target{ id = "T16", section = "一、(四)", indicator = "burden_reduction",
            quote = "为中小微企业减负超过800亿元", value = 80000000000, unit = "元",
            comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31" },

    -- 一、(五) 权益保护到位 ------------------------------------------------------------------
    target{ id = "T17", section = "一、(五)", indicator = "wz_pillar_industries_with_procuratorate_center",
            quote = "五大传统支柱行业均设立“企检服务中心”", value = 5, unit = "个",
            comparator = ">=", kind = "level", deadline = "2025-12-31",
            note = "all five traditional pillar industries have a 企检服务中心 (counted in industries; "
                .. "个 = 行业)" },
    target{ id = "T18", section = "一、(五)", indicator = "sme_arrears_repaid_share",
            quote = "中小企业无分歧欠款100%清偿", value = 100, unit = "%",
            comparator = ">=", kind = "share", deadline = "2025-12-31" },

    -- Targets inside the measures ----------------------------------------------------------
    target{ id = "T19", section = "二、(四) 16", measure = "M16", group = "G4",
            indicator = "listed_firms_new",
            quote = "到2025年力争新增20家以上上市中小企业", value = 20, unit = "家",
            comparator = ">=", kind = "cumulative_new", deadline = "2025-12-31" },
    target{ id = "T20", section = "二、(五) 22", measure = "M22", group = "G5",
            indicator = "guarantee_fee_rate",
            quote = "平均担保费率保持在1%以下", value = 1, unit = "%",
            comparator = "<=", kind = "share", deadline = "2025-12-31",
            note = "no year named: the plan's end; the average fee of 政府性融资担保机构 on 小微企业 "
                .. "guarantees of 单户1000万元以下 (also encoded as the benefit wz_guarantee_fee_cap)" },
    target{ id = "T21", section = "二、(七) 28", measure = "M28", group = "G7",
            indicator = "company_form_share",
            quote = "力争公司制占企业总体比例达95%左右", value = 95, unit = "%",
            comparator = "~", kind = "share", deadline = "2025-12-31",
            note = "no year named: the plan's end" },
  },
}
