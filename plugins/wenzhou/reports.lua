-- Reporting rules of friendly2023, 三、工作保障.
--
-- The text names the leading group (温州市促进中小企业发展工作领导小组) as the body that runs the
-- 季度例会 and the 月度报送, but not who reports to it nor a due day. The reporters are taken as
-- the units that carry the 重点工作任务: the responsible units of the 30 measures and the county
-- governments. The 月度报送表 covers both Wenzhou documents (the lead's reporting issue): every
-- task of the 32-task table (private32) and every 友好城市 target, so its reporters also include
-- the responsible units of the 32 rows. Not encoded: 三、(三) 争取将温州纳入国家中小企业发展环境评估 (a national
-- evaluation Wenzhou applies to join, no rule of its own) and 三、(四) 做好中小微企业运行监测
-- (no frequency or reporter).

-- The units named in the measures' 责任单位 lists, in order of first appearance.
local TASK_UNITS = {
  "市经信局", "市人力社保局", "温州农商银行", "市委组织部(市委人才办)", "市发展改革委",
  "市科技局", "市商务局", "各县(市、区)政府", "市财政局", "市金融办", "市市场监管局", "市国资委",
  "市“两个健康”创建办", "人行温州市分行", "国家金融监管总局温州监管分局", "市政务服务局",
  "市自然资源和规划局", "各行业主管部门", "市工商联", "市税务局", "市司法局",
  "市综合行政执法局", "市检察院", "市公安局",
}

-- The units named in the 责任单位 column of the private32 table, in order of first appearance.
local P32_UNITS = {
  "市税务局", "市财政局", "市国资委", "市科技局", "市国资运营公司", "市国金公司", "市自然资源和规划局",
  "市经信局", "市住建局", "市发展改革委", "市金融办", "人行温州市分行", "温州金融监管分局",
  "市“两个健康”办", "市人力社保局", "市委组织部(市人才办)", "市教育局", "市交通运输局", "市水利局",
  "瓯海区政府", "市政务服务局", "市司法局", "市公安局", "市法院", "市检察院", "相关县(市、区)政府",
  "市市场监管局", "市商务局", "市外办", "温州机场集团", "中信保温州办事处", "市统计局",
  "市大数据发展管理局", "市司法局(市委依法治市办)", "市委统战部", "市工商联", "市纪委监委机关",
  "市委改革办", "市综合行政执法局", "市审计局", "市委宣传部", "市委网信办", "市新闻传媒中心",
}

-- a, then the entries of b not in a, in order.
local function union(a, b)
  local out, seen = {}, {}
  for _, list in ipairs({ a, b }) do
    for _, u in ipairs(list) do
      if not seen[u] then seen[u] = true; out[#out + 1] = u end
    end
  end
  return out
end

local GROUP = "温州市促进中小企业发展工作领导小组"

-- 三、(一): 实行月度报送制度,督促重点工作任务落实. The 月度报送表 lists every task of the 32-task
-- table and every 友好城市 target: it covers both documents.
report{
  id = "monthly",
  name = "中小微企业友好城市创建及民营经济32条重点工作任务月度报送",
  doc = "friendly2023",
  section = "三、(一)",
  quote = "实行月度报送制度,督促重点工作任务落实",
  frequency = "monthly",
  due = "每月(日期未规定)",
  from = union(TASK_UNITS, P32_UNITS),
  to = { GROUP },
  covers = { targets = "all", docs = { "friendly2023", "private32" } },
}

-- 三、(一): 实行季度例会制度,研究解决重大问题. A meeting of the leading group, where the task units
-- report progress; encoded as a quarterly rule of the same reporters.
report{
  id = "quarterly",
  name = "温州市促进中小企业发展工作领导小组季度例会",
  doc = "friendly2023",
  section = "三、(一)",
  quote = "实行季度例会制度,研究解决重大问题",
  frequency = "quarterly",
  due = "每季度(日期未规定)",
  from = TASK_UNITS,
  to = { GROUP },
  covers = { targets = "all", docs = { "friendly2023" } },
}

-- 三、(二): 明确年度目标任务 … 建立完善中小微企业友好城市创建工作综合考核机制. Annual because the
-- targets are set per year (年度目标任务); the assessing body is not named, the leading group that
-- 协调推进 the creation (三、(一)) is taken. The counties are the ones assessed (the lead's brief);
-- the text itself does not limit the 综合考核 to them.
report{
  id = "assessment",
  name = "中小微企业友好城市创建工作综合考核",
  doc = "friendly2023",
  section = "三、(二)",
  quote = "建立完善中小微企业友好城市创建工作综合考核机制,实施评价、奖惩、示范相结合的工作模式",
  frequency = "annual",
  due = "每年(明确年度目标任务)",
  from = { "各县(市、区)政府" },
  to = { GROUP },
  covers = { targets = "all", docs = { "friendly2023" } },
}

-- 三、(三): a third party evaluates the counties and the functional zones 定期 (no period given).
-- The functional zones have no unit of their own here; 各县(市、区)政府 stands for both.
report{
  id = "evaluation",
  name = "县(市、区)、功能区中小微企业发展环境第三方评估",
  doc = "friendly2023",
  section = "三、(三)",
  quote = "委托第三方机构定期对县(市、区)、功能区开展评估",
  frequency = "periodic",
  due = "定期",
  from = { "各县(市、区)政府" },
  to = { GROUP },
  covers = { docs = { "friendly2023" } },
}
