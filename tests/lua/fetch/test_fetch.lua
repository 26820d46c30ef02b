-- policytk fetch / docs --fetched / show / diff on the fixture plugin "fixturecity" pointed at
-- the fixture portal (tests/fixtures/portal); storing under a full or read-only database.

local core = require "policytk.core"
local testing = require "policytk.testing"
local portal = dofile(core.root .. "/tests/fixtures/portal/fixture.lua")

local srv = portal.start(60)
local plugin_path = portal.plugin_dir(srv)
local db = os.tmpname()
os.remove(db)

local function ptk(args)
  return testing.policytk(args, { cwd = core.root, env = {
    POLICYTK_PLUGIN_PATH = plugin_path, POLICYTK_DEFAULT_PLUGINS = "0", POLICYTK_FETCH_DELAY = "0",
    POLICYTK_FETCH_TIMEOUT = "1", POLICYTK_FETCH_RETRIES = "0", POLICYTK_DB = db } })
end

local function row(out, source)
  local l = out:match("\nfixturecity%s+" .. source .. "%s+([%d ]+)\n")
  local n = {}
  for d in (l or ""):gmatch("%d+") do n[#n + 1] = tonumber(d) end
  return n
end

test("dry run lists the matching items and stores nothing", function(t)
  local code, out, err = ptk({ "fetch", "--dry-run", "--format", "csv" })
  t.eq(code, 1, err)   -- the empty and malformed columns are failures even in a dry run
  t.match(out, "fixturecity,jcms,2024%-03%-05,关于进一步支持小微企业发展的若干意见,http://127%.0%.0%.1:%d+/art/2024/3/5/art_1001_1%.html")
  t.ok(not out:find("小微企业旧文件"), "items before since are left out")
  t.ok(not out:find("会议安排"), "items without a keyword are left out")
  t.eq(io.open(db) == nil, true, "no database written")
end)

test("first fetch: new documents, named failures, other sources unaffected", function(t)
  local code, out, err = ptk({ "fetch" })
  t.eq(code, 1, err)
  -- listed, matched, new, changed, unchanged, failed
  t.eq(row(out, "jcms"), { 20, 6, 4, 0, 0, 2 })
  t.eq(row(out, "jpaas"), { 20, 10, 10, 0, 0, 0 })
  t.eq(row(out, "generic"), { 3, 3, 3, 0, 0, 0 })
  t.eq(row(out, "empty"), { 0, 0, 0, 0, 0, 1 })
  t.eq(row(out, "badxml"), { 0, 0, 0, 0, 0, 1 })
  t.match(out, "art_1001_6%.html：http timeout: ")
  t.match(out, "art_1001_7%.html：http truncated: ")
  t.match(out, "col1003/index%.html：the column is empty")
  t.match(out, "col1004/index%.html：dataproxy%.jsp: malformed XML")
  t.match(err, "fixturecity/jpaas：列出 20，符合 10，新增 10")   -- plain log lines: not a terminal
end)

test("docs --fetched lists them with the disclosure fields", function(t)
  local code, out, err = ptk({ "docs", "--fetched", "--format", "json" })
  t.eq(code, 0, err)
  local rows = require("policytk.json").decode(out)
  t.eq(#rows, 17)
  local gbk
  for _, r in ipairs(rows) do if r.title:find("GBK") then gbk = r end end
  t.eq(gbk.doc_number, "测政办发〔2024〕4号")
  t.eq(gbk.issuer, "测试市人民政府办公室")
  t.eq(gbk.published, "2024-02-10")
  t.eq(gbk.versions, 1)
end)

local function doc_id(title_part)
  local _, out = ptk({ "docs", "--fetched", "--format", "json" })
  for _, r in ipairs(require("policytk.json").decode(out)) do
    if r.title:find(title_part, 1, true) then return tostring(r.id) end
  end
end

test("show: the GBK article decoded through the header's charset", function(t)
  local code, out, err = ptk({ "show", doc_id("GBK") })
  t.eq(code, 0, err)
  t.match(out, "标题：中小微企业纾困帮扶政策（GBK 页面）\n")
  t.match(out, "版本：第 1 版（共 1 版）")
  -- the text as policytk.text's normalizer leaves it (half-width brackets, no space between CJK)
  t.match(out, "\n为支持中小微企业纾困帮扶政策%(GBK页面%)，现就有关事项通知如下。\n一、到2025年，新增市场主体1%.2万户。\n")
end)

test("re-fetch: 304s are unchanged, a changed text is a new version", function(t)
  srv:set_revision(2)
  local code, out = ptk({ "fetch", "fixturecity" })
  t.eq(code, 1)
  t.eq(row(out, "jcms"), { 20, 6, 0, 1, 3, 2 })
  t.eq(row(out, "jpaas"), { 20, 10, 0, 0, 10, 0 })
  local id = doc_id("三年成长计划")
  local c2, out2 = ptk({ "show", id, "--version", "1" })
  t.eq(c2, 0)
  t.match(out2, "新增小微企业3000家")
  local c3, out3 = ptk({ "diff", id, "--color", "never" })
  t.eq(c3, 0)
  t.match(out3, "\n%- 到2025年，全市新增小微企业%[%-3000%-%]家，小微企业贷款余额增长15%%。\n")
  t.match(out3, "\n%+ 到2025年，全市新增小微企业{%+5000%+}家，小微企业贷款余额增长15%%。\n")
  t.match(out3, "\n  一、总体目标\n")
  t.match(out3, "变化的数字：3000 → 5000\n")
  srv:set_revision(1)
end)

test("show / diff: named errors", function(t)
  local code, _, err = ptk({ "show", "99999" })
  t.eq(code, 1)
  t.match(err, "没有抓取文件 99999")
  code, _, err = ptk({ "diff", doc_id("GBK") })
  t.eq(code, 1)
  t.match(err, "只有一个版本：没有可比较的")
  code, _, err = ptk({ "show", doc_id("GBK"), "--version", "7" })
  t.eq(code, 1)
  t.match(err, "没有第 7 版（共 1 个版本）")
  code, _, err = ptk({ "fetch", "--since", "2024-13-01" })
  t.eq(code, 2)
  t.match(err, "%-%-since 应为日期")
end)

-- storing: all of a version or none of it ---------------------------------------------------

local fetch = require "policytk.fetch"
local store = require "policytk.data.store"

local function record(text)
  return { city = "fixturecity", source = "jcms", url = "http://127.0.0.1/art/x.html", item = { date = "2024-01-01" },
           art = { title = "测试", attachments = {} }, text = text, hash = fetch.hash(text), charset = "utf-8" }
end

local function counts(conn)
  return { conn:first("SELECT count(*) AS n FROM fetched_documents").n,
           conn:first("SELECT count(*) AS n FROM fetched_versions").n,
           conn:first("SELECT count(*) AS n FROM http_cache").n }
end

test("disk full while storing: the version is all there or not at all", function(t)
  local path = os.tmpname()
  os.remove(path)
  local conn = store.open(path)
  t.eq(fetch.store(conn, record("第一版")), "new")
  local before = counts(conn)
  local pages = conn:first("PRAGMA page_count").page_count
  conn:exec("PRAGMA max_page_count = " .. pages)
  local err = t.raises(function() fetch.store(conn, record(string.rep("很长的文本。", 200000))) end)
  t.match(tostring(err), "full")
  t.eq(counts(conn), before)
  t.eq(conn:first("SELECT text FROM fetched_versions ORDER BY id DESC LIMIT 1").text, "第一版")
  conn:close()
  os.remove(path)
end)

test("read-only database: a named error, nothing stored", function(t)
  local path = os.tmpname()
  os.remove(path)
  local conn = store.open(path)
  fetch.store(conn, record("第一版"))
  conn:close()
  local ro = require("policytk.db").open(path, { readonly = true })
  local err = t.raises(function() fetch.store(ro, record("第二版")) end)
  t.match(store.explain(path, err), "只读：policytk 需要写入它")
  t.eq(counts(ro), { 1, 1, 1 })
  ro:close()
  os.remove(path)
end)

test("unchanged text stores no new version; the hash is stable", function(t)
  local path = os.tmpname()
  os.remove(path)
  local conn = store.open(path)
  t.eq(fetch.store(conn, record("同一文本")), "new")
  t.eq(fetch.store(conn, record("同一文本")), "unchanged")
  t.eq(fetch.store(conn, record("不同文本")), "changed")
  t.eq(counts(conn), { 1, 2, 1 })
  t.eq(fetch.hash(""), "fnv1a64:cbf29ce484222325:0")
  t.eq(fetch.hash("a"), "fnv1a64:af63dc4c8601ec8c:1")
  conn:close()
  os.remove(path)
end)

test("sources: non-http URLs and hosts outside the manifest are refused by name", function(t)
  local p = { manifest = { hosts = { "www.example.gov.cn" } } }
  t.eq(fetch.check_source(p, { url = "ftp://www.example.gov.cn/x" }), "source URL ftp://www.example.gov.cn/x is not an http(s) URL")
  t.eq(fetch.check_source(p, { url = "https://evil.example.com/x" }),
    "host evil.example.com is not in the plugin's manifest hosts (www.example.gov.cn)")
  t.eq(fetch.check_source(p, { url = "https://WWW.example.gov.cn/col/col1/index.html" }), nil)
end)

test("keywords and dates select items", function(t)
  local items = { { title = "支持小微企业", date = "2024-01-01" }, { title = "会议", date = "2024-01-02" },
                  { title = "民营经济", date = "2019-01-01" }, { title = "小微企业无日期" } }
  local src = { keywords = { "小微企业", "民营经济" }, since = "2020-01-01" }
  t.eq(fetch.select(items, src, {}), { items[1], items[4] })
  t.eq(fetch.select(items, src, { since = "2018-01-01", limit = 2 }), { items[1], items[3] })
  t.eq(fetch.select(items, src, { ["until"] = "2023-12-31" }), { items[4] })
end)

test("stop the fixture portal", function(t)
  srv:stop()
  os.remove(db)
  t.ok(true)
end)
