-- Taizhou (台州市, Zhejiang): small and micro enterprise policy documents.
--
-- Regions: the county-level divisions in force for 2018—2020 (the period of growth2018).
-- 玉环县 (331021) became the county-level city 玉环市 (331083) in 2017, before the period,
-- so no region needs since/until here. 台州湾新区 (2019) and the other functional zones
-- have no GB/T 2260 code and are left out.
--
-- Units: every unit the documents name, short name exactly as written. Full names are those
-- of 2018; uncertain ones are flagged in comments.

return plugin{
  id = "taizhou",
  name = "台州市",
  code = "331000",
  version = "1.0.0",
  contract = 1,
  description = "台州市小微企业政策: 小微企业三年成长计划 (2018—2020年)",
  regions = {
    region{ code = "331002", name = "椒江区" },
    region{ code = "331003", name = "黄岩区" },
    region{ code = "331004", name = "路桥区" },
    region{ code = "331022", name = "三门县" },
    region{ code = "331023", name = "天台县" },
    region{ code = "331024", name = "仙居县" },
    region{ code = "331081", name = "温岭市" },
    region{ code = "331082", name = "临海市" },
    region{ code = "331083", name = "玉环市" },
  },
  units = {
    -- Issuers and the city government.
    unit{ short = "台州市人民政府办公室", name = "台州市人民政府办公室", kind = "government" },
    unit{ short = "市政府", name = "台州市人民政府", kind = "government" },
    unit{ short = "浙江省政府办公厅", name = "浙江省人民政府办公厅", kind = "government" },

    -- Responsible and lead units of growth2018 (责任单位 lists and （…牵头） brackets).
    unit{ short = "市市场监管局", name = "台州市市场监督管理局", kind = "government" },
    -- 市经信委 was reorganised into 台州市经济和信息化局 in the 2019 institutional reform.
    unit{ short = "市经信委", name = "台州市经济和信息化委员会", kind = "government" },
    unit{ short = "市科技局", name = "台州市科学技术局", kind = "government" },
    -- Merged into 台州市市场监督管理局 in the 2019 institutional reform.
    unit{ short = "市质监局", name = "台州市质量技术监督局", kind = "government" },
    unit{ short = "市商务局", name = "台州市商务局", kind = "government" },
    unit{ short = "市发改委", name = "台州市发展和改革委员会", kind = "government" },
    unit{ short = "市人力社保局", name = "台州市人力资源和社会保障局", kind = "government" },
    unit{ short = "市财政局", name = "台州市财政局", kind = "government" },
    -- 2018 name; uncertain whether the office then carried 台州市金融工作办公室 or
    -- 台州市人民政府金融工作办公室 (became 台州市地方金融监督管理局 in 2019).
    unit{ short = "市金融办", name = "台州市人民政府金融工作办公室", kind = "government" },
    -- 国家税务总局台州市税务局 was formed from the 国税/地税 merger in July 2018, the month
    -- the plan was issued.
    unit{ short = "市税务局", name = "国家税务总局台州市税务局", kind = "central" },
    unit{ short = "人行台州市中心支行", name = "中国人民银行台州市中心支行", kind = "financial" },
    -- Later 中国银行保险监督管理委员会台州监管分局 (CBIRC reform, 2018—2019).
    unit{ short = "台州银监分局", name = "中国银行业监督管理委员会台州监管分局", kind = "financial" },
    -- A mass organisation (群团组织), not a government department.
    unit{ short = "团市委", name = "共青团台州市委员会", kind = "other" },
    unit{ short = "台州市民营企业协会等有关社会团体", name = "台州市民营企业协会等有关社会团体",
          kind = "other" },

    -- The plan's leading group (工作领导小组) and its members.
    unit{ short = "市领导小组办公室", name = "台州市“小微企业三年成长计划”工作领导小组办公室",
          kind = "government", aliases = { "领导小组办公室" } },
    unit{ short = "市“小微企业三年成长计划”工作领导小组各成员单位",
          name = "台州市“小微企业三年成长计划”工作领导小组各成员单位", kind = "government",
          aliases = { "各成员单位" } },

    -- Collective subjects. The goal 二、(一) writes the county governments with angle brackets
    -- inside its parentheses: 各县<市、区>政府牵头.
    unit{ short = "各县(市、区)政府", name = "台州市各县(市、区)人民政府", kind = "county",
          aliases = { "各县<市、区>政府", "各县(市、区)人民政府" } },
    unit{ short = "各县(市、区)", name = "台州市各县(市、区)", kind = "county" },
    unit{ short = "市政府直属各单位", name = "台州市人民政府直属各单位", kind = "government" },
    unit{ short = "各有关部门", name = "台州市各有关部门", kind = "government" },
    unit{ short = "市级有关单位", name = "台州市市级有关单位", kind = "government" },

    -- Named only in the 抄送 (copy-to) line.
    unit{ short = "市委各部门", name = "中共台州市委各部门", kind = "party" },
    unit{ short = "市人大常委会", name = "台州市人民代表大会常务委员会", kind = "other" },
    unit{ short = "市政协办公室", name = "中国人民政治协商会议台州市委员会办公室", kind = "other" },
    unit{ short = "军分区", name = "浙江省台州军分区", kind = "other" },
    unit{ short = "市监委", name = "台州市监察委员会", kind = "other" },
    unit{ short = "市法院", name = "台州市中级人民法院", kind = "other" },
    unit{ short = "市检察院", name = "台州市人民检察院", kind = "other" },
  },
  hosts = { "www.zjtz.gov.cn" },
}
