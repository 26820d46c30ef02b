-- Wenzhou (温州市, Zhejiang): small and micro enterprise policy documents.
--
-- Documents: friendly2023 (温州市人民政府 实施意见: 创建中小微企业友好城市, 2023-10-12) and
-- private32 (温州市 落实省"民营经济32条" 任务清单, 2023).
--
-- Regions: the twelve county-level divisions in force in 2023 (GB/T 2260). 洞头区 replaced
-- 洞头县 (330322) in 2015 and 龙港市 was split off 苍南县 in 2019, both before the documents'
-- period, so no region needs since/until here. The functional zones (浙南产业集聚区/温州湾新区,
-- 瓯江口, 生态园 …) that friendly2023 三、(三) evaluates alongside the counties have no
-- GB/T 2260 code and are left out.
--
-- Units: every unit the two documents name. Short names are written as the documents write
-- them, with two normalizations (the originals are kept in `aliases`):
--   * brackets are half-width, as the host's text normalization makes them: the web copy of
--     friendly2023 writes a nested bracket as <…> (各县<市、区>政府, 市委组织部<市委人才办>),
--     the private32 table as （…） (相关县（市、区）政府, 市委组织部（市人才办）);
--   * a name the private32 table breaks over two lines is joined (市自然资源和/规划局).
-- Where the two documents write the same body differently (市“两个健康”创建办 / 市“两个健康”办,
-- 国家金融监管总局温州监管分局 / 温州金融监管分局, 市委组织部(市委人才办) / 市委组织部(市人才办),
-- 市司法局 / 市司法局(市委依法治市办)) each written form is its own unit, so that every
-- responsible_units entry resolves to the exact short name its document uses.
-- Full names are those of 2023; uncertain ones are flagged in comments.

return plugin{
  id = "wenzhou",
  name = "温州市",
  code = "330300",
  version = "1.0.0",
  contract = 1,
  description = "温州市中小微企业政策: 创建中小微企业友好城市实施意见 (2023) 与民营经济32条落实任务 (2023)",
  regions = {
    region{ code = "330302", name = "鹿城区" },
    region{ code = "330303", name = "龙湾区" },
    region{ code = "330304", name = "瓯海区" },
    region{ code = "330305", name = "洞头区" },
    region{ code = "330324", name = "永嘉县" },
    region{ code = "330326", name = "平阳县" },
    region{ code = "330327", name = "苍南县" },
    region{ code = "330328", name = "文成县" },
    region{ code = "330329", name = "泰顺县" },
    region{ code = "330381", name = "瑞安市" },
    region{ code = "330382", name = "乐清市" },
    region{ code = "330383", name = "龙港市" },
  },
  units = {
    -- The issuer and the bodies of friendly2023's 工作保障 section --------------------------
    unit{ short = "温州市人民政府", name = "温州市人民政府", kind = "government" },
    -- friendly2023 三、(一): the leading group that holds the 季度例会 and runs the 月度报送.
    -- Its office sits, as far as known, in 温州市经济和信息化局 (not stated in the text).
    unit{ short = "温州市促进中小企业发展工作领导小组", name = "温州市促进中小企业发展工作领导小组",
          kind = "other" },

    -- Municipal government departments (both documents) -------------------------------------
    unit{ short = "市经信局", name = "温州市经济和信息化局", kind = "government" },
    unit{ short = "市发展改革委", name = "温州市发展和改革委员会", kind = "government" },
    unit{ short = "市科技局", name = "温州市科学技术局", kind = "government" },
    unit{ short = "市商务局", name = "温州市商务局", kind = "government" },
    unit{ short = "市财政局", name = "温州市财政局", kind = "government" },
    unit{ short = "市人力社保局", name = "温州市人力资源和社会保障局", kind = "government" },
    unit{ short = "市市场监管局", name = "温州市市场监督管理局", kind = "government" },
    unit{ short = "市国资委", name = "温州市人民政府国有资产监督管理委员会", kind = "government" },
    -- 2023: 温州市地方金融监督管理局, which carries the 市金融工作办公室 plate (uncertain which
    -- name was primary in 2023; the 2024 reform moved the office to the party committee).
    unit{ short = "市金融办", name = "温州市地方金融监督管理局(温州市人民政府金融工作办公室)",
          kind = "government" },
    -- Uncertain: the text writes 市政务服务局; the full name is taken as 温州市政务服务局.
    unit{ short = "市政务服务局", name = "温州市政务服务局", kind = "government" },
    unit{ short = "市自然资源和规划局", name = "温州市自然资源和规划局", kind = "government",
          aliases = { "市自然资源和规" } },
    unit{ short = "市司法局", name = "温州市司法局", kind = "government" },
    -- private32 row 24 names the bureau together with the office it hosts.
    unit{ short = "市司法局(市委依法治市办)",
          name = "温州市司法局(中共温州市委全面依法治市委员会办公室)", kind = "government",
          aliases = { "市司法局（市委依法治市办）" } },
    unit{ short = "市公安局", name = "温州市公安局", kind = "government" },
    unit{ short = "市综合行政执法局", name = "温州市综合行政执法局", kind = "government" },
    unit{ short = "市住建局", name = "温州市住房和城乡建设局", kind = "government" },
    unit{ short = "市交通运输局", name = "温州市交通运输局", kind = "government" },
    unit{ short = "市水利局", name = "温州市水利局", kind = "government" },
    unit{ short = "市教育局", name = "温州市教育局", kind = "government" },
    unit{ short = "市统计局", name = "温州市统计局", kind = "government" },
    unit{ short = "市审计局", name = "温州市审计局", kind = "government" },
    unit{ short = "市大数据发展管理局", name = "温州市大数据发展管理局", kind = "government" },
    -- 市外办: 中共温州市委外事工作委员会办公室, which is also the 市政府外事办公室.
    unit{ short = "市外办", name = "温州市人民政府外事办公室(中共温州市委外事工作委员会办公室)",
          kind = "government" },
    -- friendly2023 26 and 28: a collective subject (all sector authorities of the city).
    unit{ short = "各行业主管部门", name = "温州市各行业主管部门", kind = "government" },

    -- Party organs ----------------------------------------------------------------------
    -- friendly2023 2 writes 市委组织部<市委人才办>: the organization department with the talent
    -- office (市委人才工作领导小组办公室) it hosts, one responsible unit.
    unit{ short = "市委组织部(市委人才办)",
          name = "中共温州市委组织部(中共温州市委人才工作领导小组办公室)", kind = "party",
          aliases = { "市委组织部<市委人才办>", "市委组织部（市委人才办）" } },
    -- private32 row 6 writes the same body as 市委组织部（市人才办） (over two lines).
    unit{ short = "市委组织部(市人才办)",
          name = "中共温州市委组织部(中共温州市委人才工作领导小组办公室)", kind = "party",
          aliases = { "市委组织部（市人才办）" } },
    unit{ short = "市委统战部", name = "中共温州市委统一战线工作部", kind = "party" },
    unit{ short = "市委宣传部", name = "中共温州市委宣传部", kind = "party" },
    unit{ short = "市委网信办", name = "中共温州市委网络安全和信息化委员会办公室", kind = "party" },
    unit{ short = "市委改革办", name = "中共温州市委全面深化改革委员会办公室", kind = "party" },
    unit{ short = "市纪委监委机关", name = "中共温州市纪律检查委员会 温州市监察委员会机关",
          kind = "party" },
    -- The office of the 新时代"两个健康"先行区 creation work; friendly2023 writes
    -- 市“两个健康”创建办, private32 市“两个健康”办. Kind uncertain (a joint party/government
    -- leading-group office).
    unit{ short = "市“两个健康”创建办",
          name = "温州市新时代“两个健康”先行区创建工作领导小组办公室", kind = "party" },
    unit{ short = "市“两个健康”办",
          name = "温州市新时代“两个健康”先行区创建工作领导小组办公室", kind = "party" },

    -- Judicial organs and people's organizations -----------------------------------------
    unit{ short = "市检察院", name = "温州市人民检察院", kind = "other" },
    unit{ short = "市法院", name = "温州市中级人民法院", kind = "other" },
    -- A people's organization (工商业联合会/总商会), not a government department.
    unit{ short = "市工商联", name = "温州市工商业联合会(总商会)", kind = "other" },
    unit{ short = "市新闻传媒中心", name = "温州市新闻传媒中心", kind = "other" },

    -- Central / vertical agencies and financial regulators ------------------------------------
    unit{ short = "市税务局", name = "国家税务总局温州市税务局", kind = "central" },
    -- 2023 reform: the 中心支行 became 中国人民银行温州市分行.
    unit{ short = "人行温州市分行", name = "中国人民银行温州市分行", kind = "financial" },
    -- friendly2023 writes 国家金融监管总局温州监管分局, private32 温州金融监管分局.
    unit{ short = "国家金融监管总局温州监管分局", name = "国家金融监督管理总局温州监管分局",
          kind = "financial" },
    unit{ short = "温州金融监管分局", name = "国家金融监督管理总局温州监管分局",
          kind = "financial" },
    -- friendly2023 1 and 21: the rural commercial bank system of Wenzhou (12 county-level
    -- 农商银行). Uncertain full name: its coordinating body is taken as the Wenzhou office of
    -- 浙江农商联合银行 (formerly 浙江省农村信用社联合社温州办事处).
    unit{ short = "温州农商银行", name = "浙江农商联合银行温州办事处(温州农商银行系统)",
          kind = "financial" },
    -- 中国出口信用保险公司浙江分公司温州办事处 (uncertain exact office name).
    unit{ short = "中信保温州办事处", name = "中国出口信用保险公司浙江分公司温州办事处",
          kind = "financial" },

    -- State-owned companies (private32) -------------------------------------------------------
    unit{ short = "市国资运营公司", name = "温州市国有资本投资运营有限公司", kind = "other" },
    -- Uncertain full name.
    unit{ short = "市国金公司", name = "温州市国有金融资本管理有限公司", kind = "other" },
    unit{ short = "温州机场集团", name = "温州机场集团有限公司", kind = "other" },

    -- County governments ----------------------------------------------------------------
    unit{ short = "各县(市、区)政府", name = "温州市各县(市、区)人民政府", kind = "county",
          aliases = { "各县<市、区>政府", "各县（市、区）政府" } },
    unit{ short = "相关县(市、区)政府", name = "温州市相关县(市、区)人民政府", kind = "county",
          aliases = { "相关县（市、区）政府" } },
    unit{ short = "瓯海区政府", name = "温州市瓯海区人民政府", kind = "county" },
  },
  hosts = { "www.wenzhou.gov.cn" },
}
