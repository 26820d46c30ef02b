-- policytk.extract.structure and policytk.extract.pdf_table: numbering, 责任单位 lists, leads, metadata, and
-- the flattened Wenzhou table (header rows, page numbers, continued rows merged once).

local structure = require "policytk.extract.structure"
local pdf_table = require "policytk.extract.pdf_table"
local text = require "policytk.text"

test("heading levels", function(t)
  t.eq({ structure.heading("二、主要目标") }, { 1, "二、", "主要目标" })
  t.eq({ structure.heading("(十一)加大") }, { 2, "(十一)", "加大" })
  t.eq({ structure.heading("12.营造公平") }, { 3, "12", "营造公平" })
  t.eq({ structure.heading("(3)其他") }, { 4, "(3)", "其他" })
  t.eq(structure.heading("1.5万家企业"), nil)
  t.eq(structure.heading("一般情况"), nil)
end)

test("责任单位 lists, the first-listed rule and (X牵头) leads", function(t)
  local r = structure.responsible("做好。(责任单位:市市场监管局，省证监局、市经信局。列第一位的为牵头单位，下同)")
  t.eq(r[1].units, { "市市场监管局", "省证监局", "市经信局" })
  t.eq(r[1].first_listed, true)
  r = structure.responsible("(责任单位:市委组织部<市委人才办>、各县<市、区>政府)")
  t.eq(r[1].units, { "市委组织部(市委人才办)", "各县(市、区)政府" })
  local l = structure.leads("新增5万家(市市场监管局牵头);增长6%(各县<市、区>政府牵头)")
  t.eq({ l[1].units, l[2].units }, { { "市市场监管局" }, { "各县(市、区)政府" } })
end)

test("paragraphs rejoin a sentence split by a page break", function(t)
  local p = structure.paragraphs("(二)发展活力更强。全市新增信息经济、节能环保、健康、\n\n旅游、时尚等小微企业1.2万家。\n\n(三)下一节")
  t.eq(#p, 2)
  t.eq(p[1].text, "(二)发展活力更强。全市新增信息经济、节能环保、健康、旅游、时尚等小微企业1.2万家。")
end)

test("metadata of the Taizhou text", function(t)
  local s = text.normalize(t.seeds("taizhou_sme_growth_plan_2018_2020.txt"))
  local m = structure.metadata(s)
  t.eq({ m.doc_number, m.issuer, m.issued, m.period_start, m.period_end, m.status },
       { "台政办发〔2018〕42号", "台州市人民政府办公室", "2018-07-09", "2018-01-01", "2020-12-31", "in_force" })
  t.eq(m.title, "台州市“小微企业三年成长计划”(2018—2020年)")
end)

test("metadata reads the first 20 and the last 13 lines only, however long the text", function(t)
  local s = text.normalize(t.seeds("taizhou_sme_growth_plan_2018_2020.txt"))
  local want = { "台政办发〔2018〕42号", "台州市人民政府办公室", "2018-07-09", "2018-01-01", "2020-12-31", "in_force" }
  local function fields(m) return { m.doc_number, m.issuer, m.issued, m.period_start, m.period_end, m.status } end
  -- 5 MB of lines in the middle change nothing
  local cut = select(2, s:find("\n", 3000, true))
  local filler = ("第二十条 本办法自发布之日起施行。\n"):rep(100000)
  t.eq(fields(structure.metadata(s:sub(1, cut) .. filler .. s:sub(cut + 1))), want)
  -- a last line longer than the piece read from the end (64 KiB): the date line is found
  local long = s .. "\n" .. ("附件说明"):rep(30000)
  t.eq(fields(structure.metadata(long)), want)
  -- the issue date is looked for in the last 13 lines: 12 lines after it, found; 13, not
  local body = {}
  for i = 1, 30 do body[i] = "第" .. i .. "条 加强协调。" end
  local base = "关于创建中小微企业友好城市的实施意见\n" .. table.concat(body, "\n") .. "\n温州市人民政府\n2023年10月12日\n"
  local function tail(m) return { m.issued, m.issuer } end
  t.eq(tail(structure.metadata(base .. ("注\n"):rep(12))), { "2023-10-12", "温州市人民政府" })
  t.eq(tail(structure.metadata(base .. ("注\n"):rep(13))), { nil, nil })
  t.eq(tail(structure.metadata(base .. ("注\n"):rep(5) .. ("附件说明"):rep(30000) .. "\n" .. ("注\n"):rep(5))),
       { "2023-10-12", "温州市人民政府" })
  -- a text of fewer lines than the head and the tail together
  t.eq(structure.metadata("台州市人民政府办公室\n2018年7月9日").issued, "2018-07-09")
  t.eq(structure.metadata("").status, "in_force")
end)

test("Wenzhou table: 32 rows, continued rows merged, stars and sole units as leads", function(t)
  local s = text.normalize(t.seeds("wenzhou_private_economy_tasks_2023.txt"))
  t.eq(pdf_table.is_table(s), true)
  local rows = pdf_table.rows(s)
  t.eq(#rows, 32)
  local parts = {}
  for _, r in ipairs(rows) do if r.parts > 1 then parts[#parts + 1] = r.number end end
  t.eq(parts, { 1, 3, 5, 8, 24 })
  t.eq(rows[1].section, "一、(一) 1")
  t.eq(rows[1].last_item, 10)
  t.eq(rows[2].leads, { "市财政局", "市国资委" })
  t.eq(rows[3].units, { "市自然资源和规划局", "市经信局", "市住建局", "市财政局" })
  t.eq(rows[24].leads, { "市司法局(市委依法治市办)" })
  t.eq(rows[4].leads, { "市发展改革委" })
  t.eq(rows[4].sole_lead, true)
  t.eq(rows[1].contacts[1], { name = "蔡景像", phone = "0577-88026991" })
  t.eq(rows[6].phase, "2023-2025")
  for _, r in ipairs(rows) do
    for _, l in ipairs(r.actions) do t.ok(not l.text:match("^—"), "page number left in row " .. r.number) end
  end
end)

test("no crash on hostile input", function(t)
  local deep = string.rep("(", 10) .. "责任单位:A、B" .. string.rep(")", 10)
  t.ok(structure.parse(deep))
  t.ok(structure.parse(string.rep("一、", 1000) .. string.rep("x", 100000)))
  t.eq(#pdf_table.rows("序号\n1\n"), 1)
  t.eq(#structure.parse("").paragraphs, 0)
end)
