-- Tests of growth2018: 台州市“小微企业三年成长计划”(2018—2020年), 台政办发〔2018〕42号.
-- Counts are from a reading of the source: 12 numbered tasks in 三、重点任务; 29 numbers in
-- 二、主要目标 plus 信用贷款余额100亿元 in 三、(二) 1.

test("growth2018: 12 measures and 30 targets", function(t)
  local d = t.doc("growth2018")
  t.eq(#d.measures, 12)
  t.eq(#d.targets, 30)
  local per_group = {}
  for _, m in ipairs(d.measures) do per_group[m.group] = (per_group[m.group] or 0) + 1 end
  t.eq(per_group.works, 6, "六大工程")
  t.eq(per_group.mechanisms, 3, "三项机制")
  t.eq(per_group.platforms, 3, "三个服务平台")
end)

test("growth2018: expired plan for 2018—2020, leads first listed", function(t)
  local d = t.doc("growth2018")
  t.eq(d.status, "expired")
  t.eq(d.period_start, "2018-01-01")
  t.eq(d.period_end, "2020-12-31")
  t.eq(d.doc_number, "台政办发〔2018〕42号")
  t.eq(d.lead_rule, "first_listed")
  for _, m in ipairs(d.measures) do
    t.eq(#m.lead_units, 1, m.id)
    t.eq(m.lead_units[1], m.responsible_units[1], m.id .. ": lead is the first listed unit")
  end
end)

test("growth2018: measure sections, titles and units", function(t)
  local d = t.doc("growth2018")
  local m = t.by_id(d.measures, "M01")
  t.eq(m.section, "三、(一) 1")
  t.eq(m.title, "主体提质工程")
  t.eq(table.concat(m.responsible_units, "、"), "市市场监管局、市经信委、市科技局")
  m = t.by_id(d.measures, "M04")
  t.eq(m.title, "集聚规范工程")
  t.eq(#m.responsible_units, 7)
  t.eq(m.responsible_units[7], "团市委")
  m = t.by_id(d.measures, "M06")
  t.eq(m.section, "三、(一) 6")
  t.eq(table.concat(m.responsible_units, "、"), "市金融办、人行台州市中心支行、台州银监分局")
  m = t.by_id(d.measures, "M07")
  t.eq(m.section, "三、(二) 1")
  t.eq(m.lead_units[1], "市发改委")
  m = t.by_id(d.measures, "M08")
  t.eq(m.lead_units[1], "人行台州市中心支行")
  m = t.by_id(d.measures, "M10")
  t.eq(m.section, "三、(三) 1")
  t.eq(m.lead_units[1], "市“小微企业三年成长计划”工作领导小组各成员单位")
  m = t.by_id(d.measures, "M12")
  t.eq(m.title, "创建专业化服务平台")
  t.eq(m.responsible_units[3], "台州市民营企业协会等有关社会团体")
  -- texts are repaired across page breaks and stop before the 责任单位 list
  t.ok(t.by_id(d.measures, "M02").text:find("推进科技信息平台建设", 1, true))
  t.ok(t.by_id(d.measures, "M07").text:find("信用贷款余额到达100亿元", 1, true))
  for _, x in ipairs(d.measures) do t.ok(not x.text:find("责任单位", 1, true), x.id) end
end)

test("growth2018: selected target values and leads", function(t)
  local d = t.doc("growth2018")
  local function tg(id) return t.by_id(d.targets, id) end
  t.eq(tg("T01").value, 50000); t.eq(tg("T01").indicator, "new_small_micro_firms")
  t.eq(tg("T01").lead_unit, "市市场监管局")
  t.eq(tg("T02").value, 10); t.eq(tg("T02").comparator, "~"); t.eq(tg("T02").kind, "growth_rate")
  t.eq(tg("T03").value, 6); t.eq(tg("T03").lead_unit, "各县(市、区)政府")
  t.eq(tg("T04").value, 12000)
  t.eq(tg("T05").value, 15); t.eq(tg("T05").comparator, ">=")
  t.eq(tg("T07").value, 3000); t.eq(tg("T07").lead_unit, "市经信委")
  t.eq(tg("T08").value, 2850); t.eq(tg("T08").unit, "户")
  t.eq(tg("T10").value, 600); t.eq(tg("T10").indicator, "small_to_above_scale")
  t.eq(tg("T12").value, 30); t.eq(tg("T12").lead_unit, "市金融办")
  t.eq(tg("T15").value, 2.5); t.eq(tg("T15").unit, "%")
  t.eq(tg("T22").value, 100); t.eq(tg("T22").kind, "level")
  t.eq(tg("T24").value, 3000000); t.eq(tg("T24").unit, "平方米")
  t.eq(tg("T26").value, 12000); t.eq(tg("T26").unit, "批次")
  t.eq(tg("T27").lead_unit, "台州银监分局")
  t.eq(tg("T28").value, 24000000000); t.eq(tg("T28").lead_unit, "人行台州市中心支行")
  t.eq(tg("T29").value, 100); t.eq(tg("T29").lead_unit, "市税务局")
  t.eq(tg("T30").value, 10000000000); t.eq(tg("T30").measure, "M07")
  t.eq(tg("T30").indicator, "credit_loan_balance"); t.eq(tg("T30").lead_unit, nil)
  t.eq(tg("T30").quote, "信用贷款余额到达100亿元")
  t.eq(tg("T09").value, 80); t.eq(tg("T09").quote, "新转公司制企业占比80%以上")
  t.eq(tg("T11").value, 150); t.eq(tg("T11").kind, "cumulative_new")
  t.eq(tg("T17").value, 1); t.eq(tg("T17").unit, "项"); t.eq(tg("T17").quote, "拥有1项以上II类知识产权")
  t.eq(tg("T18").value, 705); t.eq(tg("T19").value, 345)
  t.eq(tg("T25").value, 5000); t.eq(tg("T25").unit, "台次")
  local measured = 0
  for _, x in ipairs(d.targets) do
    if x.measure then measured = measured + 1 end
    t.eq(x.base, nil, x.id); t.eq(x.shares, nil, x.id .. ": the text gives no county figures")
  end
  t.eq(measured, 1, "only T30 stands inside a measure")
end)

test("growth2018: shared quantities use the common catalog", function(t)
  local d = t.doc("growth2018")
  local want = {
    T01 = "new_small_micro_firms", T03 = "below_scale_industrial_va_growth", T08 = "individual_to_firm",
    T09 = "converted_company_share", T10 = "small_to_above_scale", T11 = "tz_joint_stock_firms_new",
    T13 = "tech_smes_new", T14 = "contract_credit_firms_new", T15 = "tech_sme_rd_intensity",
    T16 = "tech_sme_researcher_share", T18 = "trading_rights_registrations_new",
    T19 = "trade_active_firms_new", T21 = "sme_parks_new", T22 = "sme_parks_total",
    T25 = "research_facility_openings", T26 = "lab_service_batches", T28 = "small_micro_loans_new",
    T29 = "tax_incentive_coverage", T30 = "credit_loan_balance",
  }
  local own = 0
  for _, x in ipairs(d.targets) do
    if want[x.id] then t.eq(x.indicator, want[x.id], x.id) end
    if x.indicator:sub(1, 3) == "tz_" then own = own + 1 end
  end
  t.eq(own, 11, "targets on the plugin's own indicators")
  -- every own indicator is used by a target, none duplicates a catalog code
  local used = {}
  for _, x in ipairs(d.targets) do used[x.indicator] = true end
  local n = 0
  for _, ind in pairs(t.plugin.indicators) do
    n = n + 1
    t.ok(used[ind.code], ind.code .. " is used")
    t.ok(ind.code:sub(1, 3) == "tz_", ind.code)
  end
  t.eq(n, 11)
end)

test("growth2018: targets per lead unit and per goal group", function(t)
  local d = t.doc("growth2018")
  local lead, group = {}, {}
  for _, x in ipairs(d.targets) do
    local k = x.lead_unit or "-"
    lead[k] = (lead[k] or 0) + 1
    group[x.group] = (group[x.group] or 0) + 1
    t.eq(x.deadline, "2020-12-31", x.id)
    t.eq(x.year, nil, x.id); t.eq(x.every, nil, x.id)
  end
  t.eq(lead["市市场监管局"], 7); t.eq(lead["市经信委"], 8); t.eq(lead["市科技局"], 7)
  t.eq(lead["市商务局"], 2); t.eq(lead["市金融办"], 1); t.eq(lead["台州银监分局"], 1)
  t.eq(lead["人行台州市中心支行"], 1); t.eq(lead["市税务局"], 1); t.eq(lead["各县(市、区)政府"], 1)
  t.eq(lead["-"], 1)
  t.eq(group.goal1, 3); t.eq(group.goal2, 4); t.eq(group.goal3, 5)
  t.eq(group.goal4, 5); t.eq(group.goal5, 2); t.eq(group.goal6, 10); t.eq(group.mechanisms, 1)
end)

test("taizhou: nine county-level divisions, 玉环市 a city", function(t)
  local m = t.plugin.manifest
  t.eq(#m.regions, 9)
  local names = {}
  for _, r in ipairs(m.regions) do names[r.code] = r.name end
  t.eq(names["331083"], "玉环市")
  t.eq(names["331021"], nil)
  t.eq(names["331082"], "临海市")
end)

test("growth2018: annual county inspection and quarterly monitoring; no benefits", function(t)
  local inspection = t.by_id(t.plugin.reports, "inspection")
  t.ok(inspection, "inspection report")
  t.eq(inspection.frequency, "annual")
  t.eq(inspection.from[1], "各县(市、区)")
  local monitoring = t.by_id(t.plugin.reports, "monitoring")
  t.ok(monitoring, "monitoring report")
  t.eq(monitoring.frequency, "quarterly")
  t.eq(t.count(t.plugin.reports), 4)
  t.eq(t.count(t.plugin.benefits), 0, "the plan promises no amount to firms")
end)

test("growth2018: lead rule and measure texts are in the source", function(t)
  local d = t.doc("growth2018")
  local src = t.source_text(d.source)
  t.ok(src:find(d.lead_rule_quote, 1, true), "lead_rule_quote")
  -- measure texts are joined across page breaks: compare without whitespace
  local flat = src:gsub("%s+", "")
  for _, m in ipairs(d.measures) do
    local text = m.text:gsub("%s+", "")
    t.ok(flat:find(text, 1, true), m.id .. " text")
    t.ok(flat:find(m.section:match("%d+$") .. "." .. text, 1, true), m.id .. " number")
  end
end)
