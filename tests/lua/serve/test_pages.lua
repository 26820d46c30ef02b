-- The read-only pages of policytk serve (policytk.serve.pages.*) rendered on the bundled sample
-- database (policytk demo --round) and on one where the test assigns a county share and records
-- a figure: every status on the 驾驶舱 equals `policytk progress --format json` for every target
-- of every bundled city, the counts too; a red target under its lead unit and county; the
-- recorded figure on the target page with its batch and user; the round's 已报 units; 404s;
-- escaping; no Lua error text or internal path in any page. Saves one dashboard as
-- build/artefacts/dashboard.html for a human to look at.

local core = require "policytk.core"
local fs = require "policytk.fs"
local json = require "policytk.json"
local store = require "policytk.data.store"
local testing = require "policytk.testing"

local dashboard = require "policytk.serve.pages.dashboard"
local target = require "policytk.serve.pages.target"
local task = require "policytk.serve.pages.task"
local downloads = require "policytk.serve.pages.downloads"
local layout = require "policytk.serve.pages.layout"

local DIR = testing.tmp_path()
assert(fs.mkdirs(DIR))
local SAMPLE = DIR .. "/sample.db"      -- policytk demo --round: the bundled plugins, sample figures, a round
local FIGURES = DIR .. "/figures.db"    -- the same, plus a share and a figure the test records
local AS_OF = "2025-06-30"
local EVIL = "<script>alert(1)</script>' OR 1=1 --"
local VIEWER = { name = EVIL, unit = "市经信局", role = "office", csrf = "tok\"en" }

local function cli(args)
  local code, out, err = testing.policytk(args, { cwd = core.root })
  assert(code == 0, table.concat(args, " ") .. ": " .. err)
  return out
end

cli({ "demo", "--db", SAMPLE, "--round" })
cli({ "demo", "--db", FIGURES })
-- a county share of T074 (实施省重点技改项目数, 市经信局 leads) and a figure far below it: red in 鹿城区
cli({ "assign", "wenzhou", "T074", "--region", "鹿城区", "100", "--by", "测试员", "--db", FIGURES })
cli({ "record", "wz_p32_key_tech_renovation_projects", "5", "--period", "2024", "--region", "鹿城区", "--city", "wenzhou",
      "--basis", "当期", "--by", EVIL, "--db", FIGURES })

local function open(path) return (store.open(path)) end

-- Statuses of the targets table: { ["doc/id"] = status }.
local function page_statuses(html)
  local section = html:match('<section class="box" id="targets">(.-)</section>')
  local out, n = {}, 0
  for id, st in section:gmatch('<tr data%-target="([^"]+)" data%-status="([^"]+)">') do out[id] = st; n = n + 1 end
  return out, n
end

local function progress_json(db, city, as_of)
  local out = cli({ "progress", "--city", city, "--as-of", as_of, "--format", "json", "--db", db })
  return json.decode(out)
end

-- No Lua error text, traceback or path of the installation in a page.
local function clean(t, html, what)
  for _, bad in ipairs({ core.root, ".lua", "stack traceback", "attempt to ", "<script" }) do
    t.ok(not html:find(bad, 1, true), what .. " shows " .. bad)
  end
end

test("layout.escape escapes markup and quotes, once", function(t)
  t.eq(layout.escape(EVIL), "&lt;script&gt;alert(1)&lt;/script&gt;&#39; OR 1=1 --")
  t.eq(layout.escape('a&b "c"'), "a&amp;b &quot;c&quot;")
  t.eq(layout.escape(nil), "")
  t.eq(layout.escape(12), "12")
end)

test("the dashboard's statuses and counts equal policytk progress --format json, every city", function(t)
  local conn = open(SAMPLE)
  for _, city in ipairs({ "wenzhou", "taizhou", "hangzhou" }) do
    for _, as_of in ipairs({ "2024-09-30", AS_OF }) do
      local html, st, msg = dashboard.render(conn, { city = city, as_of = as_of }, VIEWER)
      t.ok(html, tostring(st) .. " " .. tostring(msg))
      local shown, n = page_statuses(html)
      local rows = progress_json(SAMPLE, city, as_of)
      t.ok(#rows > 0, city .. ": no targets")
      t.eq(n, #rows, city .. " " .. as_of .. ": rows on the page")
      local color = { ["红"] = 0, ["黄"] = 0, ["绿"] = 0, ["灰"] = 0 }
      for _, r in ipairs(rows) do
        t.eq(shown[r.doc .. "/" .. r.id], r.status, city .. " " .. as_of .. " " .. r.doc .. "/" .. r.id)
        local c = ({ behind = "红", missed = "红", lagging = "黄", achieved = "绿", on_track = "绿", no_data = "灰" })[r.status]
        color[c] = color[c] + 1
      end
      for c, want in pairs(color) do
        local got = html:match('data%-color="' .. c .. '"><div class="k">' .. c .. '</div><div class="v">(%d+)</div>')
        t.eq(tonumber(got), want, city .. " " .. as_of .. " count " .. c)
      end
      clean(t, html, city .. " dashboard")
    end
  end
  conn:close()
end)

test("a red target appears under its lead unit, its county and its document's title", function(t)
  local conn = open(FIGURES)
  local m = dashboard.model(conn, { city = "wenzhou", as_of = AS_OF })
  local county
  for _, g in ipairs(m.by_county) do if g.key == "鹿城区" then county = g end end
  t.ok(county, "no 鹿城区 group among the red counties")
  local found
  for _, r in ipairs(county and county.red_targets or {}) do if r.tid == "T074" then found = r end end
  t.ok(found, "T074 not red under 鹿城区")
  t.eq(found and found.share, 100)
  local html = dashboard.render(conn, { city = "wenzhou", as_of = AS_OF }, VIEWER)
  local unit_block = html:match('<div data%-unit="市经信局">(.-)</div>')
  t.ok(unit_block and unit_block:find('data-target="private32/T074"', 1, true), "T074 not under 市经信局")
  local county_block = html:match('<div data%-county="鹿城区">(.-)</div>')
  t.ok(county_block and county_block:find('data-target="private32/T074"', 1, true), "T074 not under 鹿城区")
  local doc_block = html:match('<div data%-doc="private32"><strong>(.-)</strong>')
  t.eq(doc_block, "温州市落实浙江省促进民营经济高质量发展“32条”措施任务清单")
  -- the county's status is the one `policytk progress --region` gives
  local rows = json.decode(cli({ "progress", "--city", "wenzhou", "--region", "鹿城区", "--as-of", AS_OF,
                                 "--format", "json", "--db", FIGURES }))
  for _, r in ipairs(rows) do
    if r.id == "T074" then t.eq(found and found.status, r.status) end
  end
  conn:close()
end)

test("the target page shows the recorded figure with its batch, user and 北京时间, the county share, escaped", function(t)
  local conn = open(FIGURES)
  local batch = conn:first("SELECT id, at FROM batches WHERE kind = 'record' ORDER BY id DESC LIMIT 1")
  local html, st, msg = target.render(conn, { city = "wenzhou", id = "T074", as_of = AS_OF }, VIEWER)
  t.ok(html, tostring(st) .. " " .. tostring(msg))
  local row = html:match('<tr data%-period="2024" data%-batch="' .. batch.id .. '">(.-)</tr>')
  t.ok(row, "no row of the recorded figure with its batch")
  row = row or ""
  t.ok(row:find("批次 " .. batch.id, 1, true), "batch not shown")
  t.ok(row:find(layout.escape(EVIL), 1, true), "the user (escaped) not shown")
  t.ok(row:find(store.beijing(batch.at) .. "（北京时间）", 1, true), "the time in 北京时间 not shown")
  t.ok(row:find("当期", 1, true), "the basis 口径 not shown")
  t.ok(html:find("实施省重点技改项目", 1, true), "the target's text")
  t.ok(html:find("温州市落实浙江省促进民营经济高质量发展", 1, true), "the document title")
  t.ok(html:find('<tr data-region="330302" data-status="behind">', 1, true), "鹿城区 red against its share")
  t.ok(html:find("测试员", 1, true), "who assigned the share")
  local rows = progress_json(FIGURES, "wenzhou", AS_OF)
  for _, r in ipairs(rows) do
    if r.id == "T074" then
      t.ok(html:find('<span data-status="' .. r.status .. '">', 1, true), "status differs from progress JSON")
      t.ok(html:find(layout.escape(r.reason), 1, true), "reason not shown: " .. r.reason)
    end
  end
  clean(t, html, "target page")
  conn:close()
end)

test("the task page shows units and the progress texts with who entered them; texts escaped", function(t)
  local conn = open(SAMPLE)
  local texts = require "policytk.round.texts"
  conn:transaction(function()
    texts.put(conn, { city = "wenzhou", doc = "friendly2023", mid = "M01", period = "2025-05", unit = "市人力社保局",
                      progress = EVIL, by_user = "王五", at = "2025-06-03T02:00:00Z" })
  end)
  local html, st, msg = task.render(conn, { city = "wenzhou", id = "M01", as_of = AS_OF }, VIEWER)
  t.ok(html, tostring(st) .. " " .. tostring(msg))
  t.ok(html:find("支持创业创新", 1, true), "the task's title")
  t.ok(html:find("市经信局、市人力社保局", 1, true), "the responsible units")
  t.ok(html:find('data-period="2025-06" data-unit="市经信局"', 1, true), "the round's text of 市经信局")
  t.ok(html:find("市经信局（演示）", 1, true), "who entered it")
  local row = html:match('data%-period="2025%-05" data%-unit="市人力社保局">(.-)</tr>') or ""
  t.ok(row:find(layout.escape(EVIL), 1, true), "the text escaped")
  t.ok(row:find("王五", 1, true) and row:find("2025年6月3日 10:00（北京时间）", 1, true), "who and when")
  t.eq(select(1, task.render(conn, { city = "wenzhou", id = "friendly2023:M01", as_of = AS_OF })) ~= nil, true)
  clean(t, html, "task page")
  conn:close()
end)

test("the open round's status: 已报 units; a database without a round says so", function(t)
  local conn = open(SAMPLE)
  local html = dashboard.render(conn, { city = "wenzhou", as_of = "2025-07-03" }, VIEWER)
  t.ok(html:find('data-unit="市经信局" data-round-status="已报"', 1, true), "市经信局 not 已报")
  t.ok(html:find('data-unit="市财政局" data-round-status="已报"', 1, true), "市财政局 not 已报")
  t.match(html, "已报 2，部分 0，未报 %d+，逾期 0")
  conn:close()
  conn = open(FIGURES)
  html = dashboard.render(conn, { city = "wenzhou", as_of = AS_OF }, nil)
  t.ok(html:find("当前无进行中的报送轮次", 1, true), "no round, not said")
  t.ok(html:find('href="/login"', 1, true), "without a viewer: a 登录 link")
  conn:close()
end)

test("unknown city, target, task, rule and format give 404 with a Chinese message; a bad date 400", function(t)
  local conn = open(SAMPLE)
  local function refused(want, html, status, msg)
    t.eq(html, nil)
    t.eq(status, want)
    t.ok(type(msg) == "string" and msg:find("[\228-\233]"), "message not Chinese: " .. tostring(msg))
  end
  refused(404, dashboard.render(conn, { city = "nowhere" }, VIEWER))
  refused(404, dashboard.render(conn, { city = EVIL }, VIEWER))
  refused(404, target.render(conn, { city = "wenzhou", id = "T999" }, VIEWER))
  refused(404, target.render(conn, { city = "nowhere", id = "T01" }, VIEWER))
  refused(404, target.render(conn, { city = "wenzhou", id = "nodoc:T01" }, VIEWER))
  refused(404, task.render(conn, { city = "wenzhou", id = "M999" }, VIEWER))
  refused(404, downloads.render(conn, { city = "nowhere" }, VIEWER))
  refused(404, downloads.report_file(conn, "wenzhou", "nope", "html"))
  refused(404, downloads.report_file(conn, "wenzhou", "quarterly", "pdf"))
  refused(400, dashboard.render(conn, { city = "wenzhou", as_of = "2025-13-45" }, VIEWER))
  refused(400, downloads.report_file(conn, "wenzhou", "quarterly", "html", { period = "2025-05" }))
  conn:close()
end)

test("the viewer's name and unit are escaped in the frame, the CSRF token in the 退出 form", function(t)
  local conn = open(SAMPLE)
  local html = dashboard.render(conn, { city = "wenzhou", as_of = AS_OF },
    { name = EVIL, unit = "' OR 1=1 --", role = "unit", csrf = '"><b>' })
  t.ok(html:find("&lt;script&gt;alert(1)&lt;/script&gt;&#39; OR 1=1 --（&#39; OR 1=1 --）", 1, true), "name, unit")
  t.ok(html:find('name="csrf" value="&quot;&gt;&lt;b&gt;"', 1, true), "csrf escaped")
  t.ok(not html:find("<b>", 1, true), "raw markup from the viewer")
  for _, label in ipairs({ "驾驶舱", "报送", "下载", "退出" }) do t.ok(html:find(label, 1, true), label) end
  t.ok(html:find("@media print", 1, true), "print stylesheet")
  t.ok(not html:find("http://", 1, true) or not html:find('src="http', 1, true), "external asset")
  t.ok(not html:find("<link", 1, true) and not html:find("<script", 1, true), "external stylesheet or script")
  t.ok(html:find("数据截至 2025年6月30日", 1, true), "数据截至")
  conn:close()
end)

test("the cache: a second render is a hit; a write by another process or the same connection invalidates", function(t)
  local cache = require "policytk.serve.pages.cache"
  local conn = open(FIGURES)
  local params = { city = "wenzhou", as_of = AS_OF }
  local before = dashboard.model(conn, params)
  local hits = cache.stats.hits
  t.eq(dashboard.model(conn, params), before, "not the cached model")
  t.eq(cache.stats.hits, hits + 1)
  -- another process records T074's city figure far above its target: achieved
  cli({ "record", "wz_p32_key_tech_renovation_projects", "700", "--period", "2025-Q1", "--city", "wenzhou",
        "--basis", "当期", "--by", "测试员", "--db", FIGURES })
  local after = dashboard.model(conn, params)
  t.ok(after ~= before, "the cache survived another process's write")
  local st
  for _, r in ipairs(after.records) do if r.tid == "T074" then st = r.status end end
  t.eq(st, "achieved")
  -- this connection's own write
  conn:run("DELETE FROM observations WHERE indicator = 'wz_p32_key_tech_renovation_projects' AND period = '2025-Q1'")
  local again = dashboard.model(conn, params)
  t.ok(again ~= after, "the cache survived this connection's write")
  for _, r in ipairs(again.records) do if r.tid == "T074" then st = r.status end end
  t.ok(st ~= "achieved", "status still from the deleted figure")
  conn:close()
end)

test("downloads: every rule in every format; a download is what policytk report makes", function(t)
  local conn = open(SAMPLE)
  local html = downloads.render(conn, { city = "wenzhou" }, VIEWER)
  local p = require("policytk.plugins").load_valid("wenzhou")
  t.ok(#p.reports > 0)
  for _, r in ipairs(p.reports) do
    for _, fmt in ipairs({ "html", "xlsx", "docx", "csv", "json" }) do
      t.ok(html:find('href="/city/wenzhou/report/' .. r.id .. "." .. fmt .. '"', 1, true), r.id .. "." .. fmt)
    end
  end
  clean(t, html, "downloads page")
  local bytes, ctype, name = downloads.report_file(conn, "wenzhou", "quarterly", "json", { period = "2025-Q2" })
  t.eq(ctype, "application/json; charset=utf-8")
  t.match(name, "季度例会（2025年第2季度）%.json$")
  local mine = json.decode(bytes)
  local theirs = json.decode(cli({ "report", "wenzhou", "quarterly", "--period", "2025-Q2", "--format", "json",
                                   "--db", SAMPLE }))
  mine.generated, theirs.generated = nil, nil
  t.eq(mine, theirs)
  for _, fmt in ipairs({ "xlsx", "docx" }) do
    local b, ct, fname = downloads.report_file(conn, "wenzhou", "quarterly", fmt, { period = "2025-Q2" })
    t.eq(b and b:sub(1, 2), "PK", fmt .. " is a zip")
    t.match(ct, "openxmlformats")
    t.match(fname, "%." .. fmt .. "$")
  end
  conn:close()
end)

test("a dashboard saved for a human to look at (build/artefacts/dashboard.html)", function(t)
  local conn = open(FIGURES)
  local html = dashboard.render(conn, { city = "wenzhou", as_of = AS_OF },
    { name = "张三", unit = "市经信局", role = "office", csrf = "x" })
  local dir = core.root .. "/build/artefacts"
  assert(fs.mkdirs(dir) or fs.stat(dir))
  testing.write_file(dir .. "/dashboard.html", html)
  t.ok(fs.stat(dir .. "/dashboard.html"), "not written")
  conn:close()
  os.execute("rm -rf " .. testing.shell_quote(DIR))
end)
