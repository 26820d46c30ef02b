-- What staff read is Chinese (issue 16 item 6): on the bundled plugins with the sample figures
-- (policytk demo) and a synthetic register, every table a verb prints has a header without ASCII
-- letters (digits, %, 万/亿 and the like allowed), and so do the md table header rows, the <th>
-- cells of html and the first rows of the xlsx sheets of every report rule; no md/html report
-- shows a GB/T 2260 county or city code where the name exists, nor a document id or rule id
-- (those stay in --format json and csv keys).

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"
local common = require "policytk.reports.common"

local ROOT = core.root
local TMP = os.tmpname()
local DB = TMP .. ".db"
local ENV = { POLICYTK_DEFAULT_PLUGINS = "1", POLICYTK_TODAY = "2025-07-15", POLICYTK_NOW = "2025-07-03T06:05:00Z",
              XDG_CACHE_HOME = TMP .. "-cache", USER = "tester" }

local NO_DB = { plugins = true }

local function run(args)
  local a = { table.unpack(args) }
  if not NO_DB[a[1]] then
    a[#a + 1] = "--db"
    a[#a + 1] = DB
  end
  return testing.policytk(a, { env = ENV, cwd = ROOT })
end

local function ok(args)
  local code, out, err = run(args)
  assert(code == 0, table.concat(args, " ") .. ": " .. tostring(err))
  return out
end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local FIRMS = TMP .. "-firms.csv"
do
  local code, _, err = testing.policytk({ "demo", "--db", DB }, { env = ENV, cwd = ROOT })
  assert(code == 0, err)
  ok({ "firms", "generate", "40", "--city", "wenzhou", "-o", FIRMS })
  ok({ "firms", "import", FIRMS })
end

-- The header lines of the aligned tables in text: each line above a rule of dashes.
local function table_headers(text)
  local lines, heads = {}, {}
  for l in (text .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
  for i = 2, #lines do
    if lines[i]:match("^%-[%- ]*$") then heads[#heads + 1] = lines[i - 1] end
  end
  return heads
end

local function no_letters(t, cells, where)
  for _, c in ipairs(cells) do
    t.ok(not c:find("%a"), string.format("%s: an English header: %q", where, c))
  end
end

-- The verbs, with the arguments that make each print its table(s).
local function verbs()
  local list = {
    { "docs" }, { "docs", "--fetched" }, { "targets" }, { "measures" }, { "indicators" }, { "units" }, { "regions" },
    { "progress", "--as-of", "2025-06-30" }, { "progress", "--region", "鹿城区", "--as-of", "2025-06-30" },
    { "plugins" }, { "report", "wenzhou" }, { "report", "taizhou" }, { "report", "hangzhou" },
    { "firms", "list" }, { "firms", "--size" }, { "match", "wenzhou", "--year", "2024" }, { "history" },
    { "compare", "new_small_micro_firms", "--as-of", "2021-12-31" },
  }
  local firm = read(FIRMS):match("\n([^,\n]+),")
  list[#list + 1] = { "explain", firm, "--year", "2024" }
  local t = json.decode(ok({ "targets", "--city", "wenzhou", "--format", "json" }))[1]
  list[#list + 1] = { "assign", "wenzhou", t.doc .. "/" .. t.id }
  list[#list + 1] = { "history", "--indicator", t.indicator }
  return list
end

test("every table a verb prints has a Chinese header", function(t)
  for _, args in ipairs(verbs()) do
    local code, out, err = run(args)
    local where = "policytk " .. table.concat(args, " ")
    t.eq(code, 0, where .. ": " .. err)
    local heads = table_headers(out)
    if args[1] ~= "docs" or not args[2] then t.ok(#heads > 0, where .. ": no table") end
    no_letters(t, heads, where)
  end
end)

test("help and --help: the framing and the summaries for staff are Chinese", function(t)
  local code, out = testing.policytk({ "help" })
  t.eq(code, 0)
  t.match(out, "用法：policytk 动词")
  for line in out:gmatch("\n  ([a-z][^\n]*)") do
    local _, summary = line:match("^(%S+)%s+(.*)$")
    t.ok(summary:find("[\228-\233]"), "policytk help: an English summary: " .. line)
  end
  code, out = testing.policytk({ "targets", "--help" })
  t.eq(code, 0)
  t.match(out, "^用法：policytk targets")
  t.match(out, "\n选项：\n")
end)

-- Every rule of every bundled city, with its default period.
local function rules()
  local out = {}
  for _, city in ipairs({ "wenzhou", "taizhou", "hangzhou" }) do
    for _, r in ipairs(json.decode(ok({ "report", city, "--format", "json" }))) do
      out[#out + 1] = { city = city, id = r.id, doc = r.doc }
    end
  end
  return out
end

-- The ids and codes no staff report may show: county and city codes, document and rule ids.
local function forbidden()
  local codes, ids = {}, {}
  for _, r in ipairs(json.decode(ok({ "regions", "--format", "json" }))) do
    codes[r.code] = true
    codes[r.parent] = true
  end
  for _, d in ipairs(json.decode(ok({ "docs", "--format", "json" }))) do ids[d.id] = true end
  for _, r in ipairs(rules()) do ids[r.id] = true end
  return codes, ids
end

local function md_headers(md)
  local heads, prev = {}, nil
  for line in md:gmatch("[^\n]+") do
    if line:match("^| %-%-%-") and prev then
      for cell in prev:gmatch("|%s*([^|]-)%s*|") do heads[#heads + 1] = cell end
      for cell in prev:gmatch("|%s*([^|]-)%s*$") do heads[#heads + 1] = cell end
    end
    prev = line
  end
  return heads
end

local function html_headers(html)
  local heads = {}
  for cell in html:gmatch("<th>(.-)</th>") do heads[#heads + 1] = cell end
  return heads
end

local function no_ids(t, text, codes, ids, where)
  for code in pairs(codes) do
    t.ok(not text:find("%f[%d]" .. code .. "%f[%D]"), string.format("%s: the code %s instead of its name", where, code))
  end
  local body = text:gsub("<[^>]*>", " ")                     -- html: not in tags (section ids, classes)
  for id in pairs(ids) do
    t.ok(not body:find("%f[%w_]" .. id:gsub("%p", "%%%0") .. "%f[^%w_]"),
      string.format("%s: the id %s instead of its name", where, id))
  end
end

test("reports (md, html): Chinese table headers, names instead of codes and ids", function(t)
  local codes, ids = forbidden()
  for _, r in ipairs(rules()) do
    for _, format in ipairs({ "md", "html" }) do
      local where = string.format("report %s %s --format %s", r.city, r.id, format)
      local out = ok({ "report", r.city, r.id, "--format", format })
      local heads = format == "md" and md_headers(out) or html_headers(out)
      t.ok(#heads > 0, where .. ": no table")
      no_letters(t, heads, where)
      no_ids(t, out, codes, ids, where)
      t.match(out, "生成于 2025年7月3日 14:05（北京时间）")
    end
  end
end)

test("reports (xlsx): the first row of every section sheet is Chinese", function(t)
  local xlsx = require "policytk.xlsx"
  for _, r in ipairs(rules()) do
    local path = string.format("%s-%s-%s.xlsx", TMP, r.city, r.id)
    ok({ "report", r.city, r.id, "--format", "xlsx", "-o", path })
    local names = xlsx.sheets(path)
    local reader = xlsx.open(path)
    for i = 2, #names do
      local next_row, state = reader:rows(names[i])
      local _, first = next_row(state)
      local cells = {}
      for _, v in pairs(first or {}) do cells[#cells + 1] = tostring(v) end
      t.ok(#cells > 0, string.format("%s %s xlsx sheet %s: no header row", r.city, r.id, names[i]))
      no_letters(t, cells, string.format("%s %s xlsx sheet %s", r.city, r.id, names[i]))
    end
    reader:close()
    os.remove(path)
  end
end)

test("long unit lists: abbreviated in tables, in full in the appendix", function(t)
  local units = {}
  for i = 1, 24 do units[i] = i == 1 and "市经信局" or ("单位" .. i) end
  t.eq({ common.units_short(units) }, { "市经信局等24个单位", true })
  t.eq({ common.units_short({ "市经信局", "市财政局" }) }, { "市经信局、市财政局", false })
  t.eq(common.units_short("市经信局、市财政局、市商务局、市科技局"), "市经信局等4个单位")
  local appendix = common.units_appendix({ { label = "报送单位", units = units }, { label = "x", units = { "甲" } } })
  t.eq({ appendix.title, #appendix.rows, appendix.rows[1].n }, { "附：单位名单", 1, 24 })
  t.eq(appendix.rows[1].units, table.concat(units, "、"))
  local md = ok({ "report", "wenzhou", "monthly", "--format", "md" })
  t.match(md, "%*%*报送单位%*%*：市经信局等%d+个单位")
  t.match(md, "\n## 附：单位名单\n")
end)

test("errors: Chinese for staff, the code only with --format json", function(t)
  local code, _, err = run({ "report", "wenzhou", "quarterly", "--period", "2024Q3" })
  t.eq(code, 2)
  t.ok(not err:find("bad_period", 1, true), err)
  t.match(err, "^policytk report: \"2024Q3\" 不是报告期")
  code, _, err = run({ "progress", "--region", "火星区", "--format", "json" })
  t.eq(code, 2)
  t.match(err, "^policytk progress: unknown_region: 数据库中没有地区 \"火星区\"")
end)

test("cleanup", function(t)
  for _, p in ipairs({ TMP, DB, DB .. "-wal", DB .. "-shm", FIRMS, TMP .. "-wenzhou-quarterly.html" }) do os.remove(p) end
  os.execute("rm -rf " .. testing.shell_quote(TMP .. "-cache"))
  t.ok(not io.open(DB, "rb"))
end)
