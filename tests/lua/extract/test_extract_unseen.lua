-- policytk extract on documents it was not tuned on: tests/fixtures/extract/*.txt (short texts
-- composed in the style of Zhejiang 小微企业 policy documents) against hand-written expected
-- results (*.expected.lua): metadata, measures with lead and responsible units, every target
-- with value, unit, comparator, deadline, lead and quote. Prints the figures the project is
-- scored on (targets exact in value, unit and deadline year; leads the texts give).

local core = require "policytk.core"
local extract = require "policytk.extract"
local structure = require "policytk.extract.structure"
local fmt = require "policytk.extract.format"

local DIR = core.root .. "/tests/fixtures/extract/"
local DOCS = { "ningbo_flat", "jiaxing_plan", "huzhou_opinion" }

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function draft_of(name) return extract.extract(read(DIR .. name .. ".txt")) end
local function expected_of(name) return dofile(DIR .. name .. ".expected.lua") end

local function got_targets(d)
  local out = {}
  for _, x in ipairs(d.targets) do
    out[#out + 1] = { x.value, x.unit, x.comparator, x.deadline, x.lead_unit or x.measure_lead,
                      quote = x.quote, every = x.every }
  end
  return out
end

local function got_measures(d, want)
  local out = {}
  for i, m in ipairs(d.measures) do
    out[i] = { section = m.section, lead = m.lead_units[1], units = m.responsible_units,
               title = want[i] and want[i].title and m.title or nil }
  end
  return out
end

for _, name in ipairs(DOCS) do
  test("extract on an unseen text: " .. name, function(t)
    local d, want = draft_of(name), expected_of(name)
    for k, v in pairs(want.meta) do t.eq(d.meta[k], v, "meta." .. k) end
    if want.lead_rule then t.eq(d.lead_rule, want.lead_rule) end
    t.eq(got_measures(d, want.measures), want.measures)
    t.eq(got_targets(d), want.targets)
  end)
end

test("extract on unseen texts: the scored figures", function(t)
  local n, exact, leads_given, leads_ok, measures = 0, 0, 0, 0, 0
  for _, name in ipairs(DOCS) do
    local d, want = draft_of(name), expected_of(name)
    local got = got_targets(d)
    for i, w in ipairs(want.targets) do
      n = n + 1
      local g = got[i] or {}
      if g[1] == w[1] and g[2] == w[2] and (g[4] or ""):sub(1, 4) == w[4]:sub(1, 4) then exact = exact + 1 end
      if w[5] then
        leads_given = leads_given + 1
        if g[5] == w[5] then leads_ok = leads_ok + 1 end
      end
    end
    measures = measures + #d.measures
  end
  io.stdout:write(string.format("       unseen texts: targets exact %d/%d, leads %d/%d, %d measures\n",
    exact, n, leads_ok, leads_given, measures))
  t.ok(exact / n >= 0.9 and leads_ok / leads_given >= 0.8 and measures > 0)
end)

test("headings inside a flattened line: 一、 (一) 1. (1) 一是, each the next of its level", function(t)
  local parts = structure.split_inline("二、主要目标(一)总量。新增5万家。(二)质量。增长1.5%。三、重点任务(一)实施工程。1.推进。2.完善(1)甲。(2)乙。")
  t.eq(parts, { "二、主要目标", "(一)总量。新增5万家。", "(二)质量。增长1.5%。", "三、重点任务",
                "(一)实施工程。", "1.推进。", "2.完善", "(1)甲。", "(2)乙。" })
  -- a number in a sentence is not a heading: 2.5% after 。, (三) out of turn, 1. after a comma
  t.eq(#structure.split_inline("一、目标达到。2.5%的企业(三)项,1.推进"), 1)
  t.eq(structure.split_inline("一、目标提升，一是活跃;二是增强。"), { "一、目标提升，", "一是活跃;", "二是增强。" })
end)

test("lead marks in every form", function(t)
  local function marks(s)
    local out = {}
    for _, m in ipairs(structure.lead_marks(s)) do out[#out + 1] = { m.form, m.lead[1], #m.units } end
    return out
  end
  t.eq(marks("增长12%以上,由人行某市中心支行牵头;新增200亿元,市金融办负责。"),
       { { "由X牵头", "人行某市中心支行", 1 }, { "X负责", "市金融办", 1 } })
  t.eq(marks("300家以上(市经信委牵头,市统计局配合)。(牵头单位:市经信局;配合单位:市科技局、市商务局)"),
       { { "(X牵头)", "市经信委", 2 }, { "(牵头单位:X)", "市经信局", 3 } })
  t.eq(marks("新建100家,市科技局、市经信局按职责分工负责。"), { { "X负责", "市科技局", 2 } })
  t.eq(marks("各地要落实属地责任,专人负责。"), {})
end)

test("metadata: 发文字号 label, 印发 line, a date line above or below the issuer", function(t)
  local m = structure.metadata("某市关于促进小微企业发展的意见\n发文字号:某政发〔2020〕3号\n正文。\n某市人民政府\n某市人民政府办公室 2020年6月2日印发\n")
  t.eq({ m.doc_number, m.issued, m.issuer }, { "某政发〔2020〕3号", "2020-06-02", "某市人民政府" })
  m = structure.metadata("某市小微企业行动方案(2021~2023年)\n正文。\n2021年3月4日\n某市人民政府办公厅\n")
  t.eq({ m.issued, m.issuer, m.period_start, m.period_end }, { "2021-03-04", "某市人民政府办公厅", "2021-01-01", "2023-12-31" })
end)

test("label:value lists are one target per label; a restated goal in a table row is one", function(t)
  local d = extract.extract("二、主要目标\n(一)到2021年，培育:信用示范小微企业:10家;守合同重信用小微企业:10家。\n")
  t.eq(#d.targets, 2)
  t.eq({ d.targets[1].quote, d.targets[2].quote }, { "信用示范小微企业:10家", "守合同重信用小微企业:10家" })
end)

test("the report says why; the Lua draft marks low-confidence targets first for review", function(t)
  local d = draft_of("ningbo_flat")
  local report = fmt.report(d)
  t.match(report, "T13 .-0%.40")
  t.match(report, "deadline: 2020年 before it in its sentence")
  t.match(report, "lead: 由X牵头")
  local lua = fmt.lua(d, "ningbo", "flat", "ningbo_flat.txt")
  t.match(lua, "%-%- REVIEW: confidence 0%.40 %(")
end)
