-- Benefits of friendly2023 (温州市人民政府关于创建中小微企业友好城市的实施意见, 2023-10-12).
--
-- Every amount, cap or duration the text promises to a firm, a talent, a service institution or
-- a park operator. The text closes with "本文中涉及的各项奖补条款内容、标准、执行方式、有效期均
-- 按照温政发〔2023〕6号、温政发〔2023〕8号文件执行": the validity of the 奖补 terms is set by those two
-- documents, which are not encoded. So every param runs from the issue date with no end; a
-- rule's own time limit (小升规 首年 + 后两年, 个转企 三年, 开办首年) is coded in its conditions.
--
-- Rules are written as `when` conditions (docs/benefits.md: tested by the host before any Lua
-- runs, the reason formatted only when `policytk explain` asks) wherever a condition says the
-- check exactly; `eligible` keeps only what conditions cannot: a param in force on another day
-- than 31 December of the year (the founding date, the 小升规 or 个转企 year), a threshold read
-- from a param, and lists (projects, awards). Lua truthiness of an extra value that need not be
-- a boolean (`if e.park_operator`) is `ne = false`: nil fails (unset), false fails, any other
-- value holds. Each rule's `when` holds the checks that turn away most of a register cheaply
-- (no extra flags, no awards, not above scale), after the param's period.
--
-- Left out for want of a number: 对成功上市的企业给予相应奖励 (5), 使用区域公共品牌…给予相应奖励
-- (14), 优化服务券发放方式…给予支持 (23), 创业场所、创业启动资金 (2), 风险补偿、贷款贴息 (19),
-- 支持各地对销售收入500万元以下企业给予综合扶持 (3: 500万元 is the firm's ceiling, the support
-- itself has no amount).
--
-- Firm fields this file reads beyond the standard record (all in firm.extra):
--   founder_talent            "high_level" | "high_degree"   高层次人才 / 高学历人才 创业 (1)
--   loan_requested            yuan asked for, for the 最高 loans (1)
--   startup_star_year         year the firm was selected as 小微企业“创业之星” (1)
--   service_institution       true for a 服务机构 (1)
--   startup_service_projects  { {year=, amount=}, … } 就业创业服务项目、活动 for 小微企业 (1)
--   previously_above_scale    true when the firm was 规上 before above_scale_since (not 首次) (5)
--   government_guarantee      true when the guarantor is a 政府性融资担保机构 (22)
--   guarantee_amount          单户担保金额 in yuan (22)
--   park_operator             true for a 小微企业园 运营管理机构 (25)
--   digital_demo_park_year    year its park was rated 省数字化建设示范园区 (25)
--   individual_to_firm_year   year of its 个转企 (28)

local DOC = "friendly2023"
local FROM = "2023-10-12"   -- issue date: the first day every param applies

local common = require "common"
local extra = common.extra

local function year_end(y)
  return string.format("%04d-12-31", y)
end

local function year_of(date)
  return date and tonumber(date:sub(1, 4)) or nil
end

-- A param that is not in force on the date means the policy did not apply yet.
local NOT_YET = "政策条款尚未施行(%s 起施行, 对应日期 %s)"

local function in_force(ctx, id, date)
  if ctx.param(id, date) == nil then
    return false, string.format(NOT_YET, FROM, date)
  end
  return true
end

-- The same as a condition: the param in force on 31 December of the year.
local function in_force_when(id, prefix)
  return { in_force = id, reason = (prefix or "") .. string.format(NOT_YET, FROM, "{year}-12-31") }
end

-- Founded in the year. For a YYYY-MM-DD date (the register checks it) the two conditions are
-- exactly year_of(founded) == year; for any other text they let through a superset, which
-- eligible then narrows with year_of.
local function founded_in_year(reason)
  return { field = "founded", gt = { year_end = -1 }, reason = reason },
         { field = "founded", lt = { year_start = 1 }, reason = reason }
end

-- 二、(一) 1 --------------------------------------------------------------------------------

benefit{
  id = "wz_talent_startup_loan",
  name = "高层次人才、高学历人才创业贷款",
  doc = DOC,
  section = "二、(一) 1",
  quote = "为高层次人才、高学历人才创业提供最高300万元贷款额度",
  kind = "loan",
  beneficiary = "talent",
  params = {
    param{ id = "wz_talent_startup_loan_max", unit = "元",
           values = { { from = FROM, value = 3000000 } },
           clause = "为高层次人才、高学历人才创业提供最高300万元贷款额度", section = "二、(一) 1" },
  },
  when = {
    in_force_when("wz_talent_startup_loan_max"),
    { field = "extra.founder_talent", one_of = { "high_level", "high_degree" },
      reason = "创办人不是高层次人才或高学历人才(founder_talent = {value})" },
  },
  amount = common.loan_up_to("wz_talent_startup_loan_max"),
  note = "最高: the amount is the cap, or the loan asked for when lower (extra.loan_requested).",
}

benefit{
  id = "wz_startup_star_loan",
  name = "小微企业“创业之星”创业贷款",
  doc = DOC,
  section = "二、(一) 1",
  quote = "每年选树一批小微企业“创业之星”,给予最高1000万元创业贷款",
  kind = "loan",
  beneficiary = "firm",
  params = {
    param{ id = "wz_startup_star_loan_max", unit = "元",
           values = { { from = FROM, value = 10000000 } },
           clause = "每年选树一批小微企业“创业之星”,给予最高1000万元创业贷款", section = "二、(一) 1" },
  },
  when = {
    in_force_when("wz_startup_star_loan_max"),
    { field = "extra.startup_star_year", eq = { year = 0 },
      reason = "{year}年未被选树为“创业之星”(startup_star_year = {value})" },
  },
  amount = common.loan_up_to("wz_startup_star_loan_max"),
  note = "Paid in the year of selection; 最高: the cap, or the loan asked for when lower.",
}

benefit{
  id = "wz_startup_service_subsidy",
  name = "服务机构就业创业服务项目补助",
  doc = DOC,
  section = "二、(一) 1",
  quote = "对服务机构向小微企业提供的各类就业创业服务项目、活动最高给予20万元补助",
  kind = "subsidy",
  beneficiary = "other",
  params = {
    param{ id = "wz_startup_service_subsidy_max", unit = "元",
           values = { { from = FROM, value = 200000 } },
           clause = "对服务机构向小微企业提供的各类就业创业服务项目、活动最高给予20万元补助",
           section = "二、(一) 1" },
  },
  when = {
    in_force_when("wz_startup_service_subsidy_max"),
    { field = "extra.service_institution", ne = false, reason = "不是服务机构(service_institution 未设)" },
    { field = "extra.startup_service_projects", present = true,
      reason = "{year}年没有向小微企业提供的就业创业服务项目、活动(0个)" },
  },
  eligible = function(firm, year)
    local n = 0
    for _, p in ipairs(extra(firm).startup_service_projects or {}) do
      if p.year == year then n = n + 1 end
    end
    if n == 0 then
      return false, string.format("%d年没有向小微企业提供的就业创业服务项目、活动(0个)", year)
    end
    return true
  end,
  amount = function(firm, year, ctx)
    local max = ctx.param("wz_startup_service_subsidy_max")
    local total = 0
    for _, p in ipairs(extra(firm).startup_service_projects or {}) do
      if p.year == year then
        local a = p.amount or max
        total = total + math.floor(a < max and a or max)
      end
    end
    return total
  end,
  note = "Read as a cap of 20万元 per 项目/活动 (the text says 各类…项目、活动最高给予20万元); "
      .. "a project's amount is its own subsidy base when given, else the cap.",
}

-- 二、(二) 5 --------------------------------------------------------------------------------

-- 首年 is the 小升规 year (above_scale_since), 后两年 the two years after it; each 后两年 award
-- needs 销售额 above the previous year's. Each award is paid under the clause in force in the
-- year it is for (31 December): the text sets no cut-off date for the 小升规 year, so a firm that
-- upgraded before the document is paid the 后两年 awards that fall while the clause is in force
-- (a 2022 upgrade: 10万 for 2023 and for 2024 if its sales grow; no 首年 award, 2022 being before
-- the clause). The earliest 小升规 year covered is an assumption the text does not state, so it is
-- a declared param, wz_xsg_earliest_cohort (see its comment), and `policytk explain` names it
-- whenever it decides a case: an award paid to, or refused to, a firm that upgraded before the
-- clause's first year.
local XSG_CLAUSE = "对首次“小升规”企业首年奖励20万元,后两年销售额保持增长的奖励10万元"
local XSG_FIRST_YEAR = year_of(FROM)   -- 2023: a 小升规 in an earlier year was before the clause
local ABOVE_SCALE = { field = "above_scale_since", present = true, reason = "不是规上企业(above_scale_since 未设)" }

benefit{
  id = "wz_xsg_award",
  name = "首次“小升规”企业奖励",
  doc = DOC,
  section = "二、(二) 5",
  quote = "对首次“小升规”企业首年奖励20万元,后两年销售额保持增长的奖励10万元",
  kind = "award",
  beneficiary = "firm",
  params = {
    param{ id = "wz_xsg_award_first_year", unit = "元",
           values = { { from = FROM, value = 200000 } },
           clause = "对首次“小升规”企业首年奖励20万元", section = "二、(二) 5" },
    param{ id = "wz_xsg_award_growth_year", unit = "元",
           values = { { from = FROM, value = 100000 } },
           clause = "后两年销售额保持增长的奖励10万元", section = "二、(二) 5" },
    -- Assumption, not text: the earliest 小升规 year whose firm the award covers. The clause
    -- (quoted) names no cut-off, and the 奖补 terms defer to 温政发〔2023〕6号/8号, which are not
    -- encoded. 2021 sets none in effect: it is the first 小升规 year with an award year (its
    -- second 后两年 year, 2023) while the clause is in force; any earlier firm is past its 后两年.
    -- Raise it (e.g. to 2023) if those documents restrict the award to upgrades after them.
    param{ id = "wz_xsg_earliest_cohort", unit = "年",
           values = { { from = FROM, value = 2021 } },
           clause = XSG_CLAUSE, section = "二、(二) 5" },
  },
  when = {
    ABOVE_SCALE,
    { field = "above_scale_since", le = { year = 0 }, reason = "{year}年尚未“小升规”({value}年升规)" },
    { field = "above_scale_since", ge = { year = -2 },
      reason = "{year}年已超过“小升规”首年及后两年({value}—{value+2}年)" },
    -- 首次: previously_above_scale is not a true value (unset or false)
    { any = { { field = "extra.previously_above_scale", present = false },
              { field = "extra.previously_above_scale", eq = false } },
      reason = "{firm.above_scale_since}年不是首次“小升规”(previously_above_scale)" },
  },
  -- the 小升规 year against the declared cut-off (an assumption: explain names the param when it
  -- decides, i.e. for a firm that upgraded before the clause's first year)
  reads = { "above_scale_since", "revenue" },   -- revenue: the amount options' growth test
  eligible = function(firm, year, ctx)
    local since = firm.above_scale_since
    if since >= XSG_FIRST_YEAR then return true end
    local earliest = ctx.param("wz_xsg_earliest_cohort")
    if earliest and since < earliest then
      return false, string.format("%d年“小升规”早于参数 wz_xsg_earliest_cohort(%d年起; 假设, 原文未规定升规年份起点)",
        since, earliest)
    end
    return true, string.format("%d年“小升规”(条款施行前), 按%d年施行的条款发放: 原文未规定升规年份起点"
      .. "(参数 wz_xsg_earliest_cohort: %d年起, 假设)", since, year, earliest or since)
  end,
  -- 首年 the first-year award (none for an upgrade before the clause: the param is not yet in
  -- force in that year); 后两年 the growth award, while sales grow
  amount = {
    { when = { { field = "above_scale_since", eq = { year = 0 } } }, param = "wz_xsg_award_first_year" },
    { when = {
        { in_force = "wz_xsg_award_growth_year",
          reason = "政策条款尚未施行(" .. FROM .. " 起施行, 对应日期 {year}-12-31)" },
        { field = "revenue", at = -1, present = true, reason = "缺少{year-1}年或{year}年销售额" },
        { field = "revenue", at = 0, present = true, reason = "缺少{year-1}年或{year}年销售额" },
        { field = "revenue", at = 0, gt = { field = "revenue", at = -1 },
          reason = "{year}年销售额{value}元未高于{year-1}年的{expected}元(未保持增长)" },
      },
      param = "wz_xsg_award_growth_year" },
  },
  stacks_with = { "wz_xsg_high_tech_bonus" },
  note = "首年 = the year of above_scale_since; 后两年 = the two following years, each paid when that "
      .. "year's revenue exceeds the previous year's, under the clause in force in that year. The text "
      .. "sets no cut-off for the 小升规 year: a firm that upgraded before the document gets the 后两年 "
      .. "awards that fall while the clause is in force. The earliest 小升规 year covered is the "
      .. "declared assumption wz_xsg_earliest_cohort (2021: no cut-off in effect), named by explain.",
}

benefit{
  id = "wz_xsg_high_tech_bonus",
  name = "首次“小升规”高新技术企业追加奖励",
  doc = DOC,
  section = "二、(二) 5",
  quote = "对有效期内的首次“小升规”的高新技术企业,在“小升规”扶持政策基础上再奖励10万元",
  kind = "award",
  beneficiary = "firm",
  params = {
    param{ id = "wz_xsg_high_tech_bonus", unit = "元",
           values = { { from = FROM, value = 100000 } },
           clause = "在“小升规”扶持政策基础上再奖励10万元", section = "二、(二) 5" },
  },
  when = {
    ABOVE_SCALE,
    { field = "above_scale_since", eq = { year = 0 }, reason = "追加奖励只在“小升规”当年({value}年), 不在{year}年" },
    -- 首次: previously_above_scale is not a true value (unset or false); the 小升规 year is the year
    { any = { { field = "extra.previously_above_scale", present = false },
              { field = "extra.previously_above_scale", eq = false } },
      reason = "{year}年不是首次“小升规”(previously_above_scale)" },
    in_force_when("wz_xsg_high_tech_bonus", "{year}年“小升规”: "),
    { field = "high_tech_until", present = true, reason = "不是高新技术企业(high_tech_until 未设)" },
    { field = "high_tech_until", ge = { year_end = 0 }, reason = "高新技术企业有效期至{value}, {year}年底已不在有效期内" },
  },
  amount = "wz_xsg_high_tech_bonus",
  stacks_with = { "wz_xsg_award" },
  note = "有效期内 is read as a 高新技术企业 certificate still valid on 31 December of the 小升规 year.",
}

-- 二、(二) 10 -------------------------------------------------------------------------------

local QUALITY_LEVELS = {
  national = "wz_quality_award_national",
  provincial = "wz_quality_award_provincial",
  municipal = "wz_quality_award_municipal",
}

-- The government quality awards the firm newly won in `year`: no earlier quality award of the
-- same level.
local function new_quality_awards(firm, year)
  local out = {}
  for _, a in ipairs(firm.awards or {}) do
    if a.year == year and QUALITY_LEVELS[a.level] and a.name and a.name:find("质量奖", 1, true) then
      local earlier = false
      for _, b in ipairs(firm.awards or {}) do
        if b.level == a.level and b.year and b.year < year and b.name and b.name:find("质量奖", 1, true) then
          earlier = true
        end
      end
      if not earlier then out[#out + 1] = a end
    end
  end
  return out
end

benefit{
  id = "wz_quality_award",
  name = "政府质量奖奖励",
  doc = DOC,
  section = "二、(二) 10",
  quote = "对新获得国家、省、市政府质量奖的分别给予300万元、200万元、100万元奖励",
  kind = "award",
  beneficiary = "firm",
  params = {
    param{ id = "wz_quality_award_national", unit = "元",
           values = { { from = FROM, value = 3000000 } },
           clause = "对新获得国家、省、市政府质量奖的分别给予300万元、200万元、100万元奖励",
           section = "二、(二) 10" },
    param{ id = "wz_quality_award_provincial", unit = "元",
           values = { { from = FROM, value = 2000000 } },
           clause = "对新获得国家、省、市政府质量奖的分别给予300万元、200万元、100万元奖励",
           section = "二、(二) 10" },
    param{ id = "wz_quality_award_municipal", unit = "元",
           values = { { from = FROM, value = 1000000 } },
           clause = "对新获得国家、省、市政府质量奖的分别给予300万元、200万元、100万元奖励",
           section = "二、(二) 10" },
  },
  when = {
    in_force_when("wz_quality_award_municipal"),
    { field = "awards", nonempty = true, reason = "{year}年没有新获得国家、省、市政府质量奖(0项)" },
  },
  reads = { "awards" },       -- only the awards: match judges each distinct awards list once
  eligible = function(firm, year)
    if #new_quality_awards(firm, year) == 0 then
      return false, string.format("%d年没有新获得国家、省、市政府质量奖(0项)", year)
    end
    return true
  end,
  amount = function(firm, year, ctx)
    local total = 0
    for _, a in ipairs(new_quality_awards(firm, year)) do
      total = total + ctx.param(QUALITY_LEVELS[a.level])
    end
    return total
  end,
  note = "分别给予: each newly won level pays its own amount (two levels in one year pay both). "
      .. "新获得: a level the firm already held in an earlier year does not pay again. The text puts no "
      .. "size limit on the firm (the measure addresses 中小微企业).",
}

-- 二、(五) 21 -------------------------------------------------------------------------------

benefit{
  id = "wz_new_firm_credit_line",
  name = "新注册企业信用贷款基础授信额度",
  doc = DOC,
  section = "二、(五) 21",
  quote = "为符合条件的新注册企业、“小升规”企业分别提供100万元、1000万元信用贷款基础授信额度",
  kind = "credit_line",
  beneficiary = "firm",
  params = {
    param{ id = "wz_new_firm_credit_line", unit = "元",
           values = { { from = FROM, value = 1000000 } },
           clause = "为符合条件的新注册企业、“小升规”企业分别提供100万元、1000万元信用贷款基础授信额度",
           section = "二、(五) 21" },
  },
  when = {
    { field = "kind", eq = "enterprise", reason = "不是企业(kind = {value})" },
    founded_in_year("不是{year}年新注册企业(成立于{value})"),
  },
  eligible = function(firm, year, ctx)
    if year_of(firm.founded) ~= year then
      return false, string.format("不是%d年新注册企业(成立于%s)", year, tostring(firm.founded))
    end
    return in_force(ctx, "wz_new_firm_credit_line", firm.founded)   -- on the founding date
  end,
  amount = "wz_new_firm_credit_line",
  note = "新注册企业 = registered in the year and on or after the issue date; 符合条件 is not spelt out.",
}

benefit{
  id = "wz_xsg_credit_line",
  name = "“小升规”企业信用贷款基础授信额度",
  doc = DOC,
  section = "二、(五) 21",
  quote = "为符合条件的新注册企业、“小升规”企业分别提供100万元、1000万元信用贷款基础授信额度",
  kind = "credit_line",
  beneficiary = "firm",
  params = {
    param{ id = "wz_xsg_credit_line", unit = "元",
           values = { { from = FROM, value = 10000000 } },
           clause = "为符合条件的新注册企业、“小升规”企业分别提供100万元、1000万元信用贷款基础授信额度",
           section = "二、(五) 21" },
  },
  when = {
    { field = "above_scale_since", eq = { year = 0 }, reason = "不是{year}年“小升规”企业(above_scale_since = {value})" },
    in_force_when("wz_xsg_credit_line"),
  },
  amount = "wz_xsg_credit_line",
  note = "Offered in the 小升规 year; unlike the award the clause does not say 首次.",
}

-- 二、(五) 22 -------------------------------------------------------------------------------

benefit{
  id = "wz_guarantee_fee_cap",
  name = "政府性融资担保平均担保费率上限",
  doc = DOC,
  section = "二、(五) 22",
  quote = "政府性融资担保机构要加强对单户担保金额在1000万元以下的小微企业融资增信服务,平均担保费率保持在1%以下",
  kind = "fee_cap",
  beneficiary = "firm",
  params = {
    param{ id = "wz_guarantee_fee_cap_rate", unit = "%",
           values = { { from = FROM, value = 1 } },
           clause = "平均担保费率保持在1%以下", section = "二、(五) 22" },
    param{ id = "wz_guarantee_single_max", unit = "元",
           values = { { from = FROM, value = 10000000 } },
           clause = "单户担保金额在1000万元以下的小微企业", section = "二、(五) 22" },
  },
  when = {
    in_force_when("wz_guarantee_fee_cap_rate"),
    { field = "extra.government_guarantee", ne = false,
      reason = "担保机构不是政府性融资担保机构(government_guarantee 未设)" },
    { field = "extra.guarantee_amount", present = true, reason = "缺少单户担保金额(guarantee_amount)" },
    { size = { "small", "micro" }, reason = "{year}年企业规模为{value}, 不是小型或微型企业" },
  },
  eligible = function(firm, _, ctx)   -- the bound is a param
    local amt, max = extra(firm).guarantee_amount, ctx.param("wz_guarantee_single_max")
    if amt > max then  -- 以下 includes the bound
      return false, string.format("单户担保金额%.0f元, 超过1000万元(%d元)", amt, max)
    end
    return true
  end,
  amount = "wz_guarantee_fee_cap_rate",
  note = "A cap in % on the institution's average fee over such guarantees, not a per-firm "
      .. "guarantee; also target T20.",
}

-- 二、(六) 25 -------------------------------------------------------------------------------

benefit{
  id = "wz_digital_park_award",
  name = "省数字化建设示范园区运营管理机构奖励",
  doc = DOC,
  section = "二、(六) 25",
  quote = "对被评为省数字化建设示范园区的,给予运营管理机构50万元奖励",
  kind = "award",
  beneficiary = "park_operator",
  params = {
    param{ id = "wz_digital_park_award", unit = "元",
           values = { { from = FROM, value = 500000 } },
           clause = "对被评为省数字化建设示范园区的,给予运营管理机构50万元奖励", section = "二、(六) 25" },
  },
  when = {
    in_force_when("wz_digital_park_award"),
    { field = "extra.park_operator", ne = false, reason = "不是小微企业园运营管理机构(park_operator 未设)" },
    { field = "extra.digital_demo_park_year", eq = { year = 0 },
      reason = "{year}年园区未被评为省数字化建设示范园区(digital_demo_park_year = {value})" },
  },
  amount = "wz_digital_park_award",
}

-- 二、(七) 28 -------------------------------------------------------------------------------

benefit{
  id = "wz_itf_free_bookkeeping",
  name = "“个转企”三年免费基础代理记账服务",
  doc = DOC,
  section = "二、(七) 28",
  quote = "向符合条件的市场主体提供“个转企”三年免费基础代理记账服务",
  kind = "service",
  beneficiary = "firm",
  params = {
    param{ id = "wz_itf_bookkeeping_years", unit = "年",
           values = { { from = FROM, value = 3 } },
           clause = "向符合条件的市场主体提供“个转企”三年免费基础代理记账服务", section = "二、(七) 28" },
  },
  when = {
    { field = "extra.individual_to_firm_year", present = true, reason = "不是“个转企”企业(individual_to_firm_year 未设)" },
    { field = "extra.individual_to_firm_year", le = { year = 0 }, reason = "{year}年尚未“个转企”({value}年转企)" },
  },
  eligible = function(firm, year, ctx)
    local c = extra(firm).individual_to_firm_year
    -- the 个转企 year's param (its 31 December), and the number of years it gives
    local ok, why = in_force(ctx, "wz_itf_bookkeeping_years", year_end(c))
    if not ok then return false, string.format("%d年“个转企”: %s", c, why) end
    local n = ctx.param("wz_itf_bookkeeping_years", year_end(c))
    if year > c + n - 1 then
      return false, string.format("%d年已超过“个转企”后%d年(%d—%d年)", year, n, c, c + n - 1)
    end
    return true
  end,
  amount = function() return 1 end,
  note = "Amount = one year of free basic bookkeeping in the year asked about; 三年 is read as the "
      .. "转企 calendar year and the two following. A 个转企 before 2023 is outside this document.",
}

benefit{
  id = "wz_new_firm_free_bookkeeping",
  name = "企业开办首年免费基础代理记账",
  doc = DOC,
  section = "二、(七) 28",
  quote = "推广符合条件的企业开办首年免费基础代理记账",
  kind = "service",
  beneficiary = "firm",
  params = {
    param{ id = "wz_new_firm_bookkeeping_years", unit = "年",
           values = { { from = FROM, value = 1 } },
           clause = "推广符合条件的企业开办首年免费基础代理记账", section = "二、(七) 28" },
  },
  when = {
    { field = "kind", eq = "enterprise", reason = "不是企业(kind = {value})" },
    founded_in_year("{year}年不是开办首年(成立于{value})"),
  },
  eligible = function(firm, year, ctx)
    if year_of(firm.founded) ~= year then
      return false, string.format("%d年不是开办首年(成立于%s)", year, tostring(firm.founded))
    end
    return in_force(ctx, "wz_new_firm_bookkeeping_years", firm.founded)   -- on the founding date
  end,
  amount = "wz_new_firm_bookkeeping_years",
  excludes = { "wz_itf_free_bookkeeping" },
  resolve = "larger",
  note = "首年 = the calendar year of founding. A 个转企 firm is also newly registered; the same free "
      .. "bookkeeping is not given twice in one year (by the nature of the service; the text has no "
      .. "不重复享受 clause).",
}
