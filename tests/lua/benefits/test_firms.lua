-- The enterprise register, the credit-code check, `policytk match` and `policytk explain`
-- on the fixture plugin tests/fixtures/plugins/benefits/bene (exact expected amounts).

local core = require "policytk.core"
local testing = require "policytk.testing"
local credit_code = require "policytk.benefits.credit_code"

local ENV = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/benefits", POLICYTK_DEFAULT_PLUGINS = "0" }

local function run(args) return testing.policytk(args, { env = ENV }) end

local function code(serial)       -- a valid code in 甲区 339901
  local first = "91339901" .. string.format("%09d", serial)
  return first .. credit_code.check_char(first)
end

local write = testing.write_file

local function fresh_db()
  local db = os.tmpname()
  os.remove(db)
  local c, _, err = run({ "load", "--db", db })
  assert(c == 0, err)
  return db
end

local HEADER = "credit_code,name,kind,region,industry,founded,employees,above_scale_since,high_tech_until,"
  .. "tech_sme,specialized,awards,revenue_2023,revenue_2024,assets_2024,license\n"

test("credit codes: published ones pass, altered ones fail with the expected check character", function(t)
  for _, c in ipairs({ "914403001922038216", "9144030071526726XG", "91330100799655058B", "91110000802100433B" }) do
    t.ok(credit_code.valid(c), c)
  end
  local ok, why = credit_code.valid("914403001922038217")
  t.eq(ok, false)
  t.eq(why, "校验码错误：末位为“7”，按GB 32100-2015应为“6”")
  t.eq((credit_code.valid("91440300192203821")), false)
  local ok2, why2 = credit_code.valid("9144030019220382I6")
  t.eq(ok2, false)
  t.match(why2, "第17位字符“I”不在代码字符集中")
end)

test("firms import: records back with revenue by year and extra columns", function(t)
  local db, csv = fresh_db(), os.tmpname()
  write(csv, HEADER
    .. code(1) .. ",甲公司,企业,甲区,C3311,2015-03-01,45,2024,,是,省级,national:中国质量奖:2024,9000000,21000000,15000000,A-1\n"
    .. code(2) .. ",乙店,个体工商户,339902,F5211,2020-01-01,2,,,否,,,\"1,200,000\",1300000,,\n")
  local c, out, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 0, err)
  t.eq(out, csv .. "：导入 2 家企业（新增 2，替换 0）\n")
  local conn = require("policytk.data.store").open(db)
  local firms = {}
  require("policytk.benefits.firms").each(conn, {}, function(f) firms[#firms + 1] = f end)
  conn:close()
  t.eq(#firms, 2)
  t.eq(firms[1].name, "甲公司")
  t.eq(firms[1].region, "339901")
  t.eq(firms[1].revenue, { [2023] = 9000000, [2024] = 21000000 })
  t.eq(firms[1].assets, { [2024] = 15000000 })
  t.eq(firms[1].above_scale_since, 2024)
  t.eq(firms[1].tech_sme, true)
  t.eq(firms[1].specialized, "provincial")
  t.eq(firms[1].awards, { { level = "national", name = "中国质量奖", year = 2024 } })
  t.eq(firms[1].extra, { license = "A-1" })
  t.eq(firms[2].kind, "individual_business")
  t.eq(firms[2].revenue[2023], 1200000)
  os.remove(csv); os.remove(db)
end)

test("firms import: names ending in 一 or starting with 「 keep every byte; blanks around are trimmed", function(t)
  local db, csv = fresh_db(), os.tmpname()
  write(csv, HEADER
    .. code(1) .. ",温州统一,企业,甲区,C3311,2015-03-01,45,,,否,,,1,1,1,\n"
    .. code(2) .. ",\u{3000} 「项目」公司 \u{3000},企业,甲区,C3311,2015-03-01,45,,,否,,,1,1,1,\n")
  local c, _, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 0, err)
  local conn = require("policytk.data.store").open(db)
  local names = {}
  require("policytk.benefits.firms").each(conn, {}, function(f) names[#names + 1] = f.name end)
  conn:close()
  t.eq(names, { "温州统一", "「项目」公司" })
  local values = require "policytk.data.values"
  t.eq(values.trim("\t\u{3000}一\u{3000} "), "一")
  t.eq(values.trim("\u{3000}"), "")
  t.eq(values.trim("「"), "「")
  os.remove(csv); os.remove(db)
end)

test("firms import: invalid UTF-8 is named by line and column", function(t)
  local db, csv = fresh_db(), os.tmpname()
  -- past the 64 KiB the encoding is detected from, so the file is read as UTF-8
  local pad = string.rep("# " .. string.rep("注", 30) .. "\n", 800)
  write(csv, HEADER .. pad .. code(1) .. ",甲公司\255\254,企业,甲区,C3311,2015-03-01,45,,,否,,,1,1,1,\n")
  local c, _, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 1)
  t.match(err, ":802: name: 不是有效的 UTF%-8（字段第 10 字节）")
  os.remove(csv); os.remove(db)
end)

test("firms import: bad rows are named by line and column, and nothing is imported", function(t)
  local db, csv = fresh_db(), os.tmpname()
  local bad_check = code(3):sub(1, 17) .. (code(3):sub(18) == "0" and "1" or "0")
  write(csv, HEADER
    .. code(1) .. ",甲公司,企业,甲区,C3311,,,,,否,,,1,2,3,\n"
    .. bad_check .. ",丙公司,企业,甲区,C3311,,,,,否,,,1,2,3,\n"
    .. code(1) .. ",甲公司二,企业,甲区,C3311,,,,,否,,,1,2,3,\n"
    .. code(4) .. ",丁公司,企业,丙区,C3311,,,,,否,,,1,2,3,\n"
    .. code(5) .. ",戊公司,企业,甲区,C3311,,,,,否,,,很多,2,3,\n")
  local c, _, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 1)
  t.match(err, "未导入任何数据，共 4 处问题")
  t.match(err, ":3: credit_code: \"" .. bad_check .. "\": 校验码错误")
  t.match(err, ":4: credit_code: " .. code(1) .. " 在文件中出现两次（首次在第 2 行）")
  t.match(err, ":5: region: 未知地区 \"丙区\"")
  t.match(err, ":6: revenue_2023: \"很多\" 不是以元计的金额")
  local conn = require("policytk.data.store").open(db)
  t.eq(conn:first("SELECT count(*) AS n FROM firms").n, 0)
  conn:close()
  write(csv, "credit_code,name,region,revenue_2999\n")
  c, _, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 1)
  t.match(err, ":1: header: 列 revenue_2999 对应 2999 年，是将来的年份")
  os.remove(csv); os.remove(db)
end)

test("firms import again: held firms replaced with the file's years, new ones added, others kept", function(t)
  local db, csv = fresh_db(), os.tmpname()
  write(csv, HEADER
    .. code(1) .. ",甲公司,企业,甲区,C3311,,10,,,否,,,100,200,300,\n"
    .. code(2) .. ",乙公司,企业,甲区,C3311,,20,,,否,,,400,500,600,\n")
  local c, _, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 0, err)
  -- firm 1 again with only a 2024 revenue; firm 3 new; firm 2 not in the file
  write(csv, HEADER
    .. code(3) .. ",丙公司,企业,甲区,C3311,,30,,,否,,,,700,,\n"
    .. code(1) .. ",甲公司（更名）,企业,甲区,C3311,,11,,,否,,,,250,,\n")
  local out
  c, out, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 0, err)
  t.eq(out, csv .. "：导入 2 家企业（新增 1，替换 1）\n")
  local conn = require("policytk.data.store").open(db)
  local function years(n)
    local list = {}
    for r in conn:rows("SELECT year, revenue, assets FROM firm_years WHERE credit_code = ? ORDER BY year", code(n)) do
      list[#list + 1] = string.format("%d:%s:%s", r.year, tostring(r.revenue), tostring(r.assets))
    end
    return table.concat(list, " ")
  end
  t.eq(conn:first("SELECT name FROM firms WHERE credit_code = ?", code(1)).name, "甲公司（更名）")
  t.eq(years(1), "2024:250.0:NULL")
  t.eq(years(2), "2023:400.0:NULL 2024:500.0:600.0")
  t.eq(years(3), "2024:700.0:NULL")
  t.eq(conn:first("SELECT count(*) AS n FROM firms").n, 3)
  t.eq(conn:first("SELECT count(*) AS n FROM pragma_foreign_key_check").n, 0)
  t.eq(conn:first("SELECT count(*) AS n FROM temp.sqlite_master").n, 0, "no staging table left")
  conn:close()
  os.remove(csv); os.remove(db)
end)

local function register(db)
  local csv = os.tmpname()
  write(csv, HEADER
    -- 2024: above scale → award 200000; revenue grew 12000000 → bonus 1200000: larger wins
    .. code(1) .. ",甲公司,企业,甲区,C3311,,50,2024,,否,,,9000000,21000000,,\n"
    -- 2024: above scale, revenue fell → only the award
    .. code(2) .. ",乙公司,企业,乙县,C3311,,50,2024,,否,,,30000000,25000000,,\n"
    -- not above scale, revenue grew 100000 → bonus 10000
    .. code(3) .. ",丙公司,企业,乙县,C3311,,50,,,否,,,1000000,1100000,,\n"
    .. code(4) .. ",循环公司,企业,甲区,C3311,,5,,,否,,,1,1,,\n"
    .. code(5) .. ",负数公司,企业,甲区,C3311,,5,,,否,,,1,1,,\n"
    .. code(6) .. ",小数公司,企业,甲区,C3311,,5,,,否,,,1,1,,\n")
  local c, _, err = run({ "firms", "import", csv, "--db", db })
  assert(c == 0, err)
  os.remove(csv)
end

test("match: rows, exclusions resolved (larger), totals per benefit and county, rule errors named", function(t)
  local db = fresh_db()
  register(db)
  local c, out, err = run({ "match", "bene", "--year", "2024", "--db", db, "--format", "json" })
  t.eq(c, 1)                               -- rule errors make the job fail, after reporting the rest
  local rows = require("policytk.json").decode(out)
  local got = {}
  for _, r in ipairs(rows) do
    got[#got + 1] = string.format("%s %s %d", r.credit_code:sub(15), r.benefit, r.amount)
  end
  t.eq(got, { code(1):sub(15) .. " bonus 1200000", code(2):sub(15) .. " award 200000",
              code(3):sub(15) .. " bonus 10000" })
  t.eq(rows[1].note, "与“小升规奖励”不重复享受，按金额较大者")
  t.eq(rows[2].clause, "首次小升规奖励20万元")
  t.match(err, "policytk match: plugin bene: benefit loops: firm " .. code(4)
    .. ": instruction limit of 1000000 exceeded\n")
  t.match(err, "plugin bene: benefit negative: firm " .. code(5) .. ": amount must be a non%-negative number; got %-5")
  t.match(err, "plugin bene: benefit fraction: firm " .. code(6) .. ": amount in 元 must be an integer; got 1%.5")
  -- the C pass (policytk.scan, the default) hands the firms these Lua rules may pay to Lua;
  -- --engine lua judges every firm there: the same rows, errors and exit code
  local c3, out3, err3 = run({ "match", "bene", "--year", "2024", "--db", db, "--format", "json", "--engine", "lua" })
  t.eq({ c3, out3, err3 }, { c, out, err })
  local c2, csv_out, err2 = run({ "match", "bene", "--year", "2024", "--db", db, "--format", "csv" })
  t.eq(c2, 1)
  t.eq(err2, err)
  local lines = {}
  for line in csv_out:gmatch("([^\r\n]+)\r\n") do lines[#lines + 1] = line end
  t.eq(#lines, 4)
  t.eq(lines[1], "credit_code,name,region,benefit,benefit_name,amount,unit,doc,section,clause,note")
  t.match(lines[2], "^" .. code(1) .. ",.-,339901,bonus,增长奖励,1200000,元,d1,一、2,营业收入增长奖励,"
    .. "与“小升规奖励”不重复享受，按金额较大者$")
  c, out = run({ "match", "bene", "--year", "2024", "--db", db, "--benefit", "award" })
  t.eq(c, 0)
  t.match(out, "award%s+小升规奖励%s+2%s+400000")
  t.match(out, "甲区%s+200000\n乙县%s+200000")
  -- the rule's end: award_amount ends 2024-12-31, so nothing is paid for 2025
  c, out = run({ "match", "bene", "--year", "2025", "--db", db, "--benefit", "award", "--format", "csv" })
  t.eq(c, 0)
  t.eq(select(2, out:gsub("\r\n", "")), 1, "only the header: " .. out)
  os.remove(db)
end)

test("explain: the failed condition with the firm's value and the threshold", function(t)
  local db = fresh_db()
  register(db)
  local c, out = run({ "explain", code(2), "--year", "2024", "--db", db, "--format", "csv" })
  t.eq(c, 0)
  t.match(out, "award,小升规奖励,享受,200000,元,")
  t.match(out, "bonus,增长奖励,不享受,0,元,营业收入 2024 未增长: 25000000 ≤ 30000000")
  t.eq(out:sub(1, 13), "benefit,name,", "csv: the header first, no heading line")
  c, out = run({ "explain", code(3), "--year", "2025", "--db", db, "--format", "csv" })
  t.eq(c, 0)
  t.match(out, "award,小升规奖励,不享受,0,元,首次规上年份为无，不是2025年")
  c = run({ "explain", "914403001922038216", "--db", db })
  t.eq(c, 1)
  local err
  c, out, err = run({ "explain", code(2), "--city", "bnee", "--db", db })
  t.eq(out, "")
  t.eq(c, 1)
  t.eq(err, 'policytk explain: no plugin named "bnee" (did you mean "bene"?)\n')
  os.remove(db)
end)

test("firms generate: valid codes, marked synthetic, imports cleanly; --size counts every firm", function(t)
  local db, csv = fresh_db(), os.tmpname()
  local c, _, err = run({ "firms", "generate", "300", "--city", "bene", "--seed", "7", "-o", csv, "--db", db })
  t.eq(c, 0, err)
  local n, synthetic = 0, 0
  for line in io.lines(csv) do
    n = n + 1
    if n > 1 then
      t.ok(credit_code.valid(line:match("^[^,]+")), line)
      if line:find("（合成数据）", 1, true) then synthetic = synthetic + 1 end
    end
  end
  t.eq(n, 301)
  t.eq(synthetic, 300)
  c, _, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 0, err)
  local out
  c, out = run({ "firms", "--size", "--year", "2025", "--db", db, "--format", "json" })
  t.eq(c, 0)
  local total = 0
  for _, r in ipairs(require("policytk.json").decode(out)) do total = total + r.firms end
  t.eq(total, 300)
  os.remove(csv); os.remove(db)
end)

test("extra columns are typed for rules: 是/否, numbers, JSON, NAME_YYYY per year", function(t)
  local db, csv = fresh_db(), os.tmpname()
  write(csv, "credit_code,name,region,loan_requested,service_institution,park_operator,"
    .. "taxable_income_2024,taxable_income_2025,projects,license,previously_above_scale\n"
    .. code(1) .. ",甲公司,甲区,5000000,是,否,1200000,1300000.5,\"[{\"\"year\"\":2024,\"\"amount\"\":30000}]\",A-1,\n")
  local c, _, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 0, err)
  local conn = require("policytk.data.store").open(db)
  local firm
  require("policytk.benefits.firms").each(conn, {}, function(f) firm = f end)
  conn:close()
  t.eq(firm.extra, { loan_requested = 5000000, service_institution = true, park_operator = false,
    taxable_income = { [2024] = 1200000, [2025] = 1300000.5 }, projects = { { year = 2024, amount = 30000 } },
    license = "A-1" })
  t.eq(firm.extra.previously_above_scale, nil, "an empty cell is an absent field")
  os.remove(csv); os.remove(db)
end)

test("extra columns: rows with the same cells share their JSON, other cells get their own", function(t)
  local db, csv = fresh_db(), os.tmpname()
  write(csv, "credit_code,name,region,flag,size_2024\n"
    .. code(1) .. ",甲公司,甲区,是,10\n" .. code(2) .. ",乙公司,甲区,是,10\n"
    .. code(3) .. ",丙公司,甲区,否,10\n" .. code(4) .. ",丁公司,甲区,是,\n" .. code(5) .. ",戊公司,甲区,,\n")
  local c, _, err = run({ "firms", "import", csv, "--db", db })
  t.eq(c, 0, err)
  local conn = require("policytk.data.store").open(db)
  local extra = {}
  require("policytk.benefits.firms").each(conn, {}, function(f) extra[f.name] = f.extra end)
  conn:close()
  t.eq(extra["甲公司"], { flag = true, size = { [2024] = 10 } })
  t.eq(extra["乙公司"], { flag = true, size = { [2024] = 10 } })
  t.eq(extra["丙公司"], { flag = false, size = { [2024] = 10 } })
  t.eq(extra["丁公司"], { flag = true })
  t.eq(extra["戊公司"], {})
  os.remove(csv); os.remove(db)
end)

test("firms generate without a database: says to run load first and creates nothing", function(t)
  local home = testing.tmp_path()
  assert(require("policytk.fs").mkdirs(home))
  local c, out, err = testing.policytk({ "firms", "generate", "5", "--city", "wenzhou" },
    { env = { HOME = home, XDG_DATA_HOME = "", POLICYTK_DB = "" } })
  t.eq(c, 1)
  t.eq(out, "")
  t.match(err, "不存在：请先运行 policytk load")
  t.eq(require("policytk.fs").stat(home .. "/.local"), nil)
end)
