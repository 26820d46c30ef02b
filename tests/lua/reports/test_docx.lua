-- policytk report --format docx (policytk.reports.format_docx): the Wenzhou quarterly report on
-- the fixture database (tests/fixtures/plugins/reports, figures from
-- tests/fixtures/report_observations.csv) and every rule of the bundled plugins on the demo
-- database, each taken apart: its parts in order, every XML part well-formed, the GB/T 9704
-- page and margins in twips, the 公文 fonts and sizes, repeated header rows, a red target's
-- shading, pictures that resolve to PNG files; text escaped and made valid UTF-8; the named
-- error and no file left when the output cannot be written. Then LibreOffice converts them
-- all to PDF (one soffice run, a private profile): pages, the title's text, and page 1 of the
-- quarterly reports rendered to PNG under build/docx-test/ for people to look at. Needs
-- soffice and poppler-utils (make deps); without them the test fails saying so.

local core = require "policytk.core"
local fs = require "policytk.fs"
local json = require "policytk.json"
local html = require "policytk.html"
local testing = require "policytk.testing"

local ROOT = core.root
local FIXTURE_ENV = { POLICYTK_PLUGIN_PATH = ROOT .. "/tests/fixtures/plugins/reports", POLICYTK_DEFAULT_PLUGINS = "0",
                      POLICYTK_TODAY = "2024-10-15", POLICYTK_NOW = "2024-10-15T08:00:00Z" }
local BUNDLED_ENV = { POLICYTK_TODAY = "2025-10-15", POLICYTK_NOW = "2025-10-15T08:00:00Z" }
local TMP = os.tmpname()
local DIR = TMP .. "-docx"
local DB, DEMO = DIR .. "/r.db", DIR .. "/demo.db"
local PY = "/usr/bin/python3"
local ARTEFACTS = ROOT .. "/build/docx-test"

local function sh(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("a")
  local ok = p:close()
  return ok, out
end

local function q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function run(env, args)
  return testing.policytk(args, { env = env, cwd = ROOT })
end

-- The databases, made by the first test that needs them (not while the files load: the
-- runner loads every test file before running any, and other files' fixture servers wait).
local ready = false
local function setup()
  if ready then return end
  ready = true
  assert(sh("mkdir -p " .. q(DIR) .. " " .. q(ARTEFACTS)))
  local code, _, err = run(FIXTURE_ENV, { "load", "--db", DB })
  assert(code == 0, err)
  code, _, err = run(FIXTURE_ENV, { "import", "--db", DB, "tests/fixtures/report_observations.csv" })
  assert(code == 0, err)
  code, _, err = run(BUNDLED_ENV, { "demo", "--db", DEMO })
  assert(code == 0, err)
end

-- The members of a zip in archive order, extracted under dir (python3's zipfile: an independent reader).
local function unzip(path, dir)
  local ok, out = sh(PY .. [[ -c "
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
z.extractall(sys.argv[2])
print('\n'.join(z.namelist()))
" ]] .. q(path) .. " " .. q(dir))
  assert(ok, out)
  local names = {}
  for line in out:gmatch("[^\n]+") do names[#names + 1] = line end
  return names
end

local function count(s, pattern)
  local n = 0
  for _ in s:gmatch(pattern) do n = n + 1 end
  return n
end

-- Every part of an unpacked DOCX parses as XML; returns the parsed document.xml.
local function parse_parts(dir, names)
  local doc
  for _, n in ipairs(names) do
    if n:match("%.xml$") or n:match("%.rels$") then
      local d, err = html.xml(read(dir .. "/" .. n))
      assert(d, n .. ": " .. tostring(err))
      if n == "word/document.xml" then doc = d end
    end
  end
  return doc
end

-- The wenzhou quarterly reports (2024-Q3 as in the md golden, 2025-Q4 with red targets).
local QUARTERLY = {}
for _, p in ipairs({ "2024-Q3", "2025-Q4" }) do
  QUARTERLY[#QUARTERLY + 1] = { env = FIXTURE_ENV, db = DB, city = "wenzhou", rule = "quarterly", period = p,
                                out = DIR .. "/wenzhou-quarterly-" .. p .. ".docx" }
end

local function build(r)
  local args = { "report", r.city, r.rule, "--format", "docx", "-o", r.out, "--db", r.db }
  if r.period then table.insert(args, 4, "--period"); table.insert(args, 5, r.period) end
  local code, _, err = run(r.env, args)
  assert(code == 0, table.concat(args, " ") .. ": " .. err)
  local jargs = { "report", r.city, r.rule, "--format", "json", "--db", r.db }
  if r.period then jargs[#jargs + 1] = "--period"; jargs[#jargs + 1] = r.period end
  local jcode, out, jerr = run(r.env, jargs)
  assert(jcode == 0, jerr)
  r.title = json.decode(out).title
end

test("docx: the Wenzhou quarterly report — parts, page, fonts, tables, shading, pictures", function(t)
  setup()
  for _, r in ipairs(QUARTERLY) do build(r) end
  local dir = DIR .. "/q3"
  local names = unzip(QUARTERLY[1].out, dir)
  t.eq(names[1], "[Content_Types].xml")
  local have = {}
  for _, n in ipairs(names) do have[n] = true end
  for _, n in ipairs({ "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
                       "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml",
                       "docProps/core.xml", "word/media/image1.png" }) do
    t.ok(have[n], "part " .. n)
  end
  local doc = parse_parts(dir, names)
  local ct = read(dir .. "/[Content_Types].xml")
  t.match(ct, '<Default Extension="png" ContentType="image/png"/>')
  t.match(ct, 'PartName="/word/document.xml" ContentType="application/vnd%.openxmlformats%-officedocument%.'
    .. 'wordprocessingml%.document%.main%+xml"')
  -- A4 and the GB/T 9704 margins: top 37 mm, right 26 mm, bottom 35 mm, left 28 mm
  local pg = doc:xpath("//*[local-name()='pgSz']")[1]
  t.eq({ pg:attr("w"), pg:attr("h") }, { "11906", "16838" })
  local mar = doc:xpath("//*[local-name()='pgMar']")[1]
  t.eq({ mar:attr("top"), mar:attr("right"), mar:attr("bottom"), mar:attr("left") },
    { "2098", "1474", "1984", "1587" })
  -- the title, the metadata block, the headings
  t.eq(doc:text("//*[local-name()='p'][*[local-name()='pPr']/*[local-name()='pStyle'][@*[local-name()='val']='Title']]"),
    "温州市季度例会材料（2024-Q3）")
  local text = doc:text("/*")
  for _, s in ipairs({ "城市：温州市", "报告期：2024年第三季度", "数据截至：2024年9月30日", "生成时间：2024年10月15日 16:00",
                       "一、目标完成情况（按状态）", "新增中小微企业3000家", "黄 略有滞后", "55.0%" }) do
    t.ok(text:find(s, 1, true), "text " .. s)
  end
  -- fonts and sizes (half-points): title 方正小标宋简体 二号, body 仿宋_GB2312 三号, 黑体, 楷体, 宋体 四号
  local styles = read(dir .. "/word/styles.xml")
  t.match(styles, 'w:styleId="Title">.-w:eastAsia="方正小标宋简体".-<w:sz w:val="44"/>')
  t.match(styles, 'w:styleId="Normal">.-w:eastAsia="仿宋_GB2312".-<w:sz w:val="32"/>')
  t.match(styles, 'w:styleId="Heading1">.-w:eastAsia="黑体".-<w:sz w:val="32"/>')
  t.match(styles, 'w:styleId="Heading2">.-w:eastAsia="楷体_GB2312".-<w:sz w:val="32"/>')
  t.match(styles, 'w:line="579" w:lineRule="exact"')
  t.match(read(dir .. "/word/fontTable.xml"), '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>')
  local footer = read(dir .. "/word/footer1.xml")
  t.match(footer, 'w:eastAsia="宋体".-<w:sz w:val="28"/>')
  t.match(footer, "— </w:t>.- PAGE .-> —</w:t>")
  t.match(read(dir .. "/word/settings.xml"), "<w:evenAndOddHeaders/>")
  -- tables: a header row repeated on each page in every data table; rows kept whole
  local doc_xml = read(dir .. "/word/document.xml")
  t.ok(count(doc_xml, "<w:tblHeader/>") >= 4, "tblHeader: summary + 3 sections")
  t.eq(#doc:xpath("//*[local-name()='tbl']"), 7)     -- metadata, summary, 4 sections, sparklines
  t.match(doc_xml, '<w:shd w:val="clear" w:color="auto" w:fill="F9A825"/>.-黄 略有滞后')
  -- pictures: every r:embed resolves to a PNG part
  local rels = read(dir .. "/word/_rels/document.xml.rels")
  local embeds = doc:xpath("//*[local-name()='blip']/@*[local-name()='embed']")
  t.eq(#embeds, 1 + 4 + 2)                          -- summary bar, 4 status bars, 2 sparklines
  for _, rid in ipairs(embeds) do
    local target = rels:match('Id="' .. rid .. '" Type="[^"]+/image" Target="([^"]+)"')
    t.ok(target, "relationship " .. rid)
    t.eq(read(dir .. "/word/" .. target):sub(1, 8), "\137PNG\r\n\26\n")
  end
  t.eq(#doc:xpath("//*[local-name()='docPr']"), 7)
  -- a red target (2025-Q4): its status cell shaded in format_html's red
  local dir4 = DIR .. "/q4"
  unzip(QUARTERLY[2].out, dir4)
  local doc4 = read(dir4 .. "/word/document.xml")
  local red = require("policytk.reports.format_html").COLORS.behind:sub(2):upper()
  t.eq(red, "C62828")
  t.match(doc4, '<w:shd w:val="clear" w:color="auto" w:fill="C62828"/>.-<w:color w:val="FFFFFF"/>.-红 明显滞后')
end)

test("docx: text escaped, made valid UTF-8, line breaks kept; sections numbered when none is", function(t)
  local xml = require "policytk.reports.docx.xml"
  t.eq(xml.esc('a<b>&"c"'), "a&lt;b&gt;&amp;&quot;c&quot;")
  t.eq(xml.clean("ok\1\8\11\31 tab\tnl\n"), "ok tab\tnl\n")
  t.eq(xml.clean("bad\255byte\192\128end"), "bad\u{FFFD}byte\u{FFFD}\u{FFFD}end")
  t.eq(xml.clean("\237\160\128"), "\u{FFFD}\u{FFFD}\u{FFFD}")        -- a surrogate is not UTF-8
  t.eq(xml.clean("x\239\191\190y"), "xy")                           -- U+FFFE is not an XML character
  t.eq(xml.run("a\nb\tc"), '<w:r><w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b</w:t>'
    .. '<w:tab/><w:t xml:space="preserve">c</w:t></w:r>')
  local report = {
    title = "标题 <&> \255", city = "x", city_name = "某市", period = "2024-09", as_of = "2024-09-30",
    generated = "2024-12-31T17:30:00Z", notes = { "说明\0一" },
    summary = { { status = "behind", label = "明显滞后", color = "红", n = 1 } },
    sections = {
      { title = "第一部分", text = "第一段\n第二段 \"引号\"",
        columns = { { key = "id", title = "编号", type = "text" }, { key = "status", title = "状态", type = "status" } },
        rows = { { id = "T<1>", status = "missed", completion = 0.2, schedule = 0.9 } }, bars = true },
      { title = "第二部分", columns = { { key = "id", title = "编号", type = "text" } }, rows = {} },
    },
  }
  local parts = require("policytk.reports.format_docx").parts(report)
  local document
  for _, p in ipairs(parts) do
    if p.name:match("%.xml$") or p.name:match("%.rels$") then
      local d, err = html.xml(p.bytes)
      t.ok(d, p.name .. ": " .. tostring(err))
      t.ok(utf8.len(p.bytes), p.name .. " is UTF-8")
      if p.name == "word/document.xml" then document = d end
    end
  end
  local text = document:text("/*")
  for _, s in ipairs({ "标题 <&> \u{FFFD}", "注：说明一", "第一段", "第二段 \"引号\"", "T<1>", "红 到期未完成",
                       "一、第一部分", "二、第二部分", "（无）", "生成时间：2025年1月1日 01:30", "报告期：2024年9月" }) do
    t.ok(text:find(s, 1, true), "text " .. s)
  end
end)

test("docx: an output path that cannot be written — cannot_write, no file left; -o required", function(t)
  setup()
  local code, _, err = run(FIXTURE_ENV, { "report", "wenzhou", "quarterly", "--format", "docx", "--db", DB,
                                          "-o", "/nonexistent/dir/x.docx" })
  t.eq(code, 1)
  t.match(err, "无法写入 /nonexistent/dir/x%.docx")
  t.eq(fs.stat("/nonexistent/dir/x.docx"), nil)
  -- the target is a directory: the archive is made beside it, then cannot replace it
  local target = DIR .. "/is-a-dir.docx"
  assert(fs.mkdirs(target))
  local before = #fs.list(DIR)
  code, _, err = run(FIXTURE_ENV, { "report", "wenzhou", "quarterly", "--format", "docx", "--db", DB, "-o", target })
  t.eq(code, 1)
  t.match(err, "无法写入 " .. target:gsub("%p", "%%%0"))
  t.eq(#fs.list(DIR), before, "no temporary file left beside it")
  t.eq(fs.stat(target).type, "dir")
  code, _, err = run(FIXTURE_ENV, { "report", "wenzhou", "quarterly", "--format", "docx", "--db", DB })
  t.eq(code, 2)
  t.match(err, "%-%-format docx 写入文件：请给出 %-o 文件%.docx")
end)

-- Every rule of the bundled plugins, on the demo database (the default period of each).
local BUNDLED = {}

test("docx: every rule of the bundled plugins builds a well-formed document", function(t)
  setup()
  for _, city in ipairs({ "wenzhou", "taizhou", "hangzhou" }) do
    local code, out, err = run(BUNDLED_ENV, { "report", city, "--db", DEMO })
    t.eq(code, 0, err)
    for line in out:gmatch("[^\n]+") do
      local id = line:match("^([%w_]+)%s")
      if id and id ~= "规则" then
        BUNDLED[#BUNDLED + 1] = { env = BUNDLED_ENV, db = DEMO, city = city, rule = id,
                                  out = DIR .. "/bundled-" .. city .. "-" .. id .. ".docx" }
      end
    end
  end
  t.ok(#BUNDLED >= 10, #BUNDLED .. " rules")
  for _, r in ipairs(BUNDLED) do
    build(r)
    local dir = r.out:gsub("%.docx$", "")
    local names = unzip(r.out, dir)
    t.eq(names[1], "[Content_Types].xml", r.out)
    local doc = parse_parts(dir, names)
    t.ok(doc:text("/*"):find(r.title, 1, true), r.out .. ": the title")
  end
end)

local function which(cmd)
  local ok = sh("command -v " .. cmd .. " >/dev/null")
  return ok
end

test("docx: LibreOffice opens every document; page 1 of the quarterly reports rendered", function(t)
  t.ok(#BUNDLED > 0 and QUARTERLY[1].title, "the documents were built by the tests before")
  for _, cmd in ipairs({ "soffice", "pdftotext", "pdfinfo", "pdftoppm" }) do
    t.ok(which(cmd), cmd .. " is missing: run make deps (libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk)")
  end
  local all = {}
  for _, r in ipairs(QUARTERLY) do all[#all + 1] = r end
  for _, r in ipairs(BUNDLED) do all[#all + 1] = r end
  local files = {}
  for i, r in ipairs(all) do
    t.ok(r.title, "built before: " .. r.out)
    files[i] = q(r.out)
  end
  local pdf_dir, home = DIR .. "/pdf", DIR .. "/home"
  local ok, out = sh(string.format("mkdir -p %s %s && HOME=%s soffice -env:UserInstallation=file://%s/lo --headless "
    .. "--norestore --convert-to pdf --outdir %s %s", q(pdf_dir), q(home), q(home), home, q(pdf_dir),
    table.concat(files, " ")))
  t.ok(ok, out)
  for _, r in ipairs(all) do
    local pdf = pdf_dir .. "/" .. r.out:match("([^/]+)%.docx$") .. ".pdf"
    local iok, info = sh("pdfinfo " .. q(pdf))
    t.ok(iok, pdf .. ": " .. info)
    local pages = tonumber(info:match("Pages:%s+(%d+)"))
    t.ok(pages and pages >= 1, pdf .. ": pages")
    t.match(info, "Page size:%s+595%.%d+ x 841%.%d+ pts %(A4%)")
    local _, txt = sh("pdftotext -enc UTF-8 " .. q(pdf) .. " -")
    local flat, want = txt:gsub("%s", ""), r.title:gsub("%s", "")
    t.ok(flat:find(want, 1, true), pdf .. ": the title " .. r.title)
  end
  for _, r in ipairs(QUARTERLY) do
    local pdf = pdf_dir .. "/" .. r.out:match("([^/]+)%.docx$") .. ".pdf"
    local png = ARTEFACTS .. "/wenzhou-quarterly-" .. r.period .. "-page1"
    local pok, pout = sh(string.format("pdftoppm -f 1 -l 1 -r 80 -png -singlefile %s %s", q(pdf), q(png)))
    t.ok(pok, pout)
    t.eq(read(png .. ".png"):sub(1, 8), "\137PNG\r\n\26\n")
  end
  local _, txt = sh("pdftotext -enc UTF-8 " .. q(pdf_dir .. "/wenzhou-quarterly-2024-Q3.pdf") .. " -")
  t.match(txt, "—%s*1%s*—")                 -- the page number (pdftotext may drop the spaces)
end)

test("docx: cleanup", function()
  sh("rm -rf " .. q(DIR))
  os.remove(TMP)
end)
