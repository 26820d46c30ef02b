-- policytk.text on the source documents in the shared seeds folder: the damaged Wenzhou
-- text normalizes to simplified text with no pinyin, every section marker repaired and
-- the known phrases present; the clean texts pass through without false repairs; quotes
-- typed with other widths match after both sides are normalized.

local text = require "policytk.text"

local WENZHOU = "wenzhou_sme_friendly_city_2023.txt"
local CLEAN = {
  "hangzhou_sme_growth_plan_2021_2023_draft.txt",
  "taizhou_sme_growth_plan_2018_2020.txt",
  "wenzhou_private_economy_tasks_2023.txt",
}

-- The letters of a pinyin syllable with at least one tone mark (as text.strip_pinyin).
local TONED = {}
for _, c in utf8.codes("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ") do TONED[c] = true end

local function is_pinyin(s)
  local toned, n = false, 0
  for _, c in utf8.codes(s) do
    n = n + 1
    if TONED[c] then toned = true
    elseif not (c == 0xFC or (c >= 0x61 and c <= 0x7A) or (c >= 0x41 and c <= 0x5A)) then return false end
  end
  return toned and n >= 1 and n <= 7
end

-- Every "(…)" group in s that is a pinyin syllable.
local function pinyin_left(s)
  local found = {}
  for group in s:gmatch("%(([^()\n]-)%)") do
    if utf8.len(group) and is_pinyin(group) then found[#found + 1] = group end
  end
  return found
end

local function lines(s)
  local out = {}
  for line in (s .. "\n"):gmatch("(.-)\n") do out[#out + 1] = line end
  return out
end

-- The section markers that start lines, in order: "一", "二", …
local function markers(s)
  local out = {}
  for _, line in ipairs(lines(s)) do
    local m = line:match("^%((.-)%)")
    if m and m:find("^[一二三四五六七八九十]+$") then out[#out + 1] = m end
  end
  return out
end

test("wenzhou: normalized text is simplified, without pinyin", function(t)
  local s, report = text.normalize(t.seeds(WENZHOU))
  t.ok(text.is_traditional(t.seeds(WENZHOU)), "the seed is traditional")
  t.eq(report.t2s, true)
  t.eq(text.is_traditional(s), false, "the result is simplified")
  t.eq(pinyin_left(s), {}, "pinyin left")
  t.ok(report.pinyin > 900, "pinyin removed: " .. report.pinyin)
  t.eq(require("policytk.core").utf8_check(s), nil)
  t.eq(report.charset, "utf-8")
  t.eq(report.replaced, 0)
end)

test("wenzhou: every section marker is repaired", function(t)
  local s, report = text.normalize(t.seeds(WENZHOU))
  t.eq(markers(s), {
    "一", "二", "三", "四", "五",                       -- 一、总体要求
    "一", "二", "三", "四", "五", "六", "七",           -- 二、主要任务
    "一", "二", "三", "四",                             -- 三、保障措施
  })
  t.eq(report.mojibake, 8, "spans repaired")
  for _, heading in ipairs{ "(一)主体质量提升", "(二)活力显著增强", "(四)服务集成优化",
                            "(五)权益保护到位", "(一)创业扶持友好", "(一)加强组织领导",
                            "(二)强化工作落实。明确年度", "(三)开展发展环境评估" } do
    t.ok(s:find("\n" .. heading, 1, true), "heading " .. heading)
  end
  t.ok(not s:find("?。", 1, true) and not s:find("ㄒ", 1, true), "no mojibake left")
end)

test("wenzhou: repair_mojibake keeps full-width markers and reports what it could not recover", function(t)
  local src = t.seeds(WENZHOU)
  local r, repaired, unrepairable, inferred = text.repair_mojibake(src)
  t.eq(repaired, 8)
  local expect = { [9] = "一", [11] = "二", [15] = "四", [17] = "五", [21] = "一", [97] = "一",
                   [99] = "二", [101] = "三" }
  local ls = lines(r)
  for n, numeral in pairs(expect) do
    t.ok(ls[n]:find("^%s*　（" .. numeral .. "）"), "line " .. n .. ": " .. ls[n]:sub(1, 40))
  end
  -- line 73 (擔??己嗽u價: two characters lost before 核評) cannot be repaired: kept, reported
  t.eq(#unrepairable, 1)
  t.eq(unrepairable[1].line, 73)
  t.eq(unrepairable[1].text, "??")
  t.ok(r:find("擔??己嗽u價", 1, true), "kept as it was")
  -- 優 權 創 協 recovered from their pinyin annotations; the lost indentation before each marker
  local chars, indents = {}, 0
  for _, e in ipairs(inferred) do
    if e.basis == "pinyin" then chars[#chars + 1] = e.line .. ":" .. e.char .. "(" .. e.pinyin .. ")"
    else indents = indents + 1 end
  end
  t.eq(chars, { "15:優(yōu)", "17:權(quán)", "21:創(chuàng)", "49:協(xié)" })
  t.eq(indents, 8)
end)

test("wenzhou: known phrases are present", function(t)
  local s = text.normalize(t.seeds(WENZHOU))
  for _, phrase in ipairs{
    "新增中小微企业10万家",
    "小微企业贷款余额超1.1万亿元",
    "规上工业企业突破1万家",
    "新增小微企业首贷户1.8万户",
    "中小企业无分歧欠款100%清偿",
    "一批小微企业加入协作配套",
    "平均担保费率保持在1%以下",
  } do
    t.ok(s:find(phrase, 1, true), "phrase " .. phrase)
  end
end)

test("clean seeds: no false repairs, nothing reported", function(t)
  for _, file in ipairs(CLEAN) do
    local src = t.seeds(file)
    local s, report = text.normalize(src)
    t.eq(report.mojibake, 0, file)
    t.eq(report.unrepairable, {}, file)
    t.eq(report.inferred, {}, file)
    t.eq(report.pinyin, 0, file)
    t.eq(report.t2s, false, file)
    t.eq(text.detect(src), "utf-8", file)
    local r, n = text.repair_mojibake(src)
    t.eq(n, 0, file)
    t.ok(r == src, file .. ": repair_mojibake changed a clean text")
    t.eq(pinyin_left(s), {}, file)
  end
end)

test("clean seeds: quotes typed with other widths match after normalizing", function(t)
  local cases = {
    { "taizhou_sme_growth_plan_2018_2020.txt", nil },
    { "hangzhou_sme_growth_plan_2021_2023_draft.txt", nil },
  }
  for _, c in ipairs(cases) do
    local s = text.normalize(t.seeds(c[1]))
    -- take some lines of the normalized text, write them back in full width, normalize
    local checked = 0
    for _, line in ipairs(lines(s)) do
      if #line > 30 and line:find("%d") and checked < 20 then
        local typed = line:gsub("%d", function(d) return utf8.char(0xFF10 + tonumber(d)) end)
                          :gsub("%(", "（"):gsub("%)", "）"):gsub(":", "："):gsub(";", "；")
        t.ok(s:find(text.normalize(typed), 1, true), c[1] .. ": " .. line)
        checked = checked + 1
      end
    end
    t.ok(checked > 0, c[1] .. ": lines with numbers")
  end
end)

test("gb18030 bytes of a seed decode back to it", function(t)
  local src = t.seeds("taizhou_sme_growth_plan_2018_2020.txt")
  -- the module decodes only, so the GB18030 bytes come from iconv(1) (Debian's libc-bin)
  local tmp = os.tmpname()
  local f = assert(io.open(tmp, "wb"))
  f:write(src)
  f:close()
  local p = assert(io.popen("iconv -f UTF-8 -t GB18030 " .. tmp))
  local gb = p:read("a")
  t.ok(p:close(), "iconv(1) is needed for this test (libc-bin)")
  os.remove(tmp)
  t.eq(text.detect(gb), "gb18030")
  local back, bad = text.decode(gb, "gb18030")
  t.eq(bad, 0)
  t.ok(back == src, "round trip")
  local s, report = text.normalize(gb)
  t.eq(report.charset, "gb18030")
  t.ok(s == text.normalize(src), "normalized the same")
end)

test("lines: the non-empty lines and their line numbers", function(t)
  t.eq({ text.lines("") }, { {}, {} })
  t.eq({ text.lines("a\n\nb\n") }, { { "a", "b" }, { 1, 3 } })
  t.eq({ text.lines("\n\n中文\r\n x") }, { { "中文\r", " x" }, { 3, 4 } })
  -- the same as splitting in Lua, on a seed
  local s = t.seeds("wenzhou_private_economy_tasks_2023.txt")
  local want, lno, n = {}, {}, 0
  for l in (s .. "\n"):gmatch("(.-)\n") do
    n = n + 1
    if l ~= "" then want[#want + 1] = l; lno[#lno + 1] = n end
  end
  t.eq({ text.lines(s) }, { want, lno })
  t.ok(#want > 1000, #want)
  t.raises(function() text.lines(nil) end, "bad argument #1")
end)
