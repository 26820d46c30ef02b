-- Hangzhou (杭州市) plugin manifest.
--
-- Regions: the county-level divisions after the 2021 redistricting (国务院 approved in March
-- 2021; the new 上城区, 拱墅区, 余杭区 and the new 临平区, 钱塘区 took effect on 2021-04-09).
-- The growth plan (2021—2023) was drafted after that date, so only the new divisions are listed;
-- the abolished 下城区 (330103) and 江干区 (330104) are not. 西湖风景名胜区 is administered by a
-- 管委会 (the plan's 各区、县（市）政府、管委会) but has no GB/T 2260 code of its own, so it is not
-- a region here.
return plugin{
  id = "hangzhou",
  name = "杭州市",
  code = "330100",
  version = "1.0.0",
  contract = 1,
  description = "杭州市小微企业政策：小微企业三年成长计划（2021—2023年，征求意见稿）",
  regions = {
    region{ code = "330102", name = "上城区", since = "2021-04-09" },  -- merged with most of 江干区
    region{ code = "330105", name = "拱墅区", since = "2021-04-09" },  -- merged with 下城区
    region{ code = "330106", name = "西湖区" },
    region{ code = "330108", name = "滨江区" },
    region{ code = "330109", name = "萧山区" },
    region{ code = "330110", name = "余杭区", since = "2021-04-09" },  -- east part became 临平区
    region{ code = "330111", name = "富阳区" },
    region{ code = "330112", name = "临安区" },
    region{ code = "330113", name = "临平区", since = "2021-04-09" },
    region{ code = "330114", name = "钱塘区", since = "2021-04-09" },
    region{ code = "330122", name = "桐庐县" },
    region{ code = "330127", name = "淳安县" },
    region{ code = "330182", name = "建德市" },
  },
  units = {
    -- municipal government departments (short names as the plan writes them)
    unit{ short = "市市场监管局", name = "杭州市市场监督管理局", kind = "government" },
    unit{ short = "市经信局", name = "杭州市经济和信息化局", kind = "government" },
    unit{ short = "市文广旅游局", name = "杭州市文化广电旅游局", kind = "government" },
    unit{ short = "市地方金融监管局", name = "杭州市地方金融监督管理局", kind = "government" },
    unit{ short = "市规划和自然资源局", name = "杭州市规划和自然资源局", kind = "government" },
    unit{ short = "市发改委", name = "杭州市发展和改革委员会", kind = "government" },
    unit{ short = "市科技局", name = "杭州市科学技术局", kind = "government" },
    unit{ short = "市商务局", name = "杭州市商务局", kind = "government" },
    unit{ short = "市人力社保局", name = "杭州市人力资源和社会保障局", kind = "government" },
    unit{ short = "市财政局", name = "杭州市财政局", kind = "government" },
    unit{ short = "市司法局", name = "杭州市司法局", kind = "government" },
    -- people's organization (工商联, under the party's united-front work)
    unit{ short = "市工商联", name = "杭州市工商业联合会", kind = "other" },
    -- central / vertical agencies and financial regulators
    unit{ short = "市税务局", name = "国家税务总局杭州市税务局", kind = "central" },
    unit{ short = "人行杭州中心支行", name = "中国人民银行杭州中心支行", kind = "financial" },
    -- the plan writes 省银保监局 (task 7) and 浙江银保监局 (task 8) for the same regulator
    unit{ short = "省银保监局", name = "中国银行保险监督管理委员会浙江监管局",
          aliases = { "浙江银保监局" }, kind = "financial" },
    -- the plan writes 省证监局; the CSRC office in Zhejiang is a central agency
    unit{ short = "省证监局", name = "中国证券监督管理委员会浙江监管局", kind = "financial" },
    -- the plan's own bodies
    unit{ short = "市“小微企业三年成长计划”推进领导小组",
          name = "杭州市“小微企业三年成长计划”推进领导小组", kind = "other" },
    unit{ short = "市“小微企业三年成长计划”推进领导小组办公室",
          name = "杭州市“小微企业三年成长计划”推进领导小组办公室（设在杭州市市场监督管理局）",
          kind = "other" },
    unit{ short = "市“小微企业三年成长计划”推进领导小组各成员单位",
          name = "杭州市“小微企业三年成长计划”推进领导小组各成员单位",
          aliases = { "领导小组各成员单位" }, kind = "other" },
    -- collective county subjects
    unit{ short = "各区（县、市）政府", name = "杭州市各区、县（市）人民政府",
          aliases = { "各区、县（市）" }, kind = "county" },
    unit{ short = "各区、县（市）政府、管委会",
          name = "杭州市各区、县（市）人民政府及西湖风景名胜区等管委会", kind = "county" },
    -- bodies named in the preamble only
    unit{ short = "党中央", name = "中国共产党中央委员会", kind = "party" },
    unit{ short = "国务院", name = "中华人民共和国国务院", kind = "central" },
    unit{ short = "浙江省人民政府办公厅", name = "浙江省人民政府办公厅", kind = "government" },
  },
  hosts = { "www.hangzhou.gov.cn" },
}
