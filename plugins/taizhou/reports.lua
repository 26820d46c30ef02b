-- Reporting rules of growth2018, 四、保障措施.

-- 四、(三): the leading group office inspects every county at least once a year.
report{
  id = "inspection",
  name = "各县(市、区)工作督促检查",
  doc = "growth2018",
  section = "四、(三)",
  quote = "市领导小组办公室对各县(市、区)工作进行督促检查，每年不少于一次",
  frequency = "annual",
  due = "每年不少于一次",
  from = { "各县(市、区)" },
  to = { "市领导小组办公室" },
  covers = { targets = "all", docs = { "growth2018" } },
}

-- 四、(三): targets are split among the counties and departments and assessed in the
-- annual target-responsibility system (年度工作目标责任制考核). The text does not name the
-- assessing body; the city government runs that system.
report{
  id = "assessment",
  name = "年度工作目标责任制考核",
  doc = "growth2018",
  section = "四、(三)",
  quote = "相关目标任务分解到各县(市、区)、各有关部门，纳入年度工作目标责任制考核体系",
  frequency = "annual",
  from = { "各县(市、区)", "各有关部门" },
  to = { "市政府" },
  covers = { targets = "all", docs = { "growth2018" } },
}

-- 四、(四): quarterly monitoring of the firms in the 小微企业云智库. The text names no unit; the
-- leading group office (which leads 重大政策研究、重大问题决策, 四、(一)) is taken as the one that
-- reports, for 决策参考 to the city government. The 云智库 itself is built under 三、(三) 3,
-- led by 市市场监管局. The text names no indicator the monitoring covers (only 入库企业运行情况
-- and 小微企业统计工作和运行分析), so covers.indicators is not set.
report{
  id = "monitoring",
  name = "入库企业运行情况季度监测分析",
  doc = "growth2018",
  section = "四、(四)",
  quote = "每季度对入库企业运行情况进行监测分析",
  frequency = "quarterly",
  due = "每季度",
  from = { "市领导小组办公室" },
  to = { "市政府" },
  covers = { docs = { "growth2018" } },
}

-- 四、(一): member units supply data to the leading group office, 及时 (no fixed period).
report{
  id = "member_data",
  name = "成员单位小微企业发展数据报送",
  doc = "growth2018",
  section = "四、(一)",
  quote = "及时向领导小组办公室提供小微企业发展相关数据",
  frequency = "adhoc",
  due = "及时",
  from = { "市“小微企业三年成长计划”工作领导小组各成员单位" },
  to = { "市领导小组办公室" },
  covers = { targets = "all", docs = { "growth2018" } },
}
