-- A benefit rule that declares the firm fields it reads (reads = { "awards" }): it sees only
-- those (reading another, or asking ctx.size, is an error naming the firm), and `match` judges
-- it once per distinct awards text in the C pass, with the same rows, totals and errors as the
-- all-Lua path. Fixture plugin: tests/fixtures/plugins/reads/medal.

local core = require "policytk.core"
local testing = require "policytk.testing"
local credit_code = require "policytk.benefits.credit_code"
local json = require "policytk.json"

local ENV = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/reads", POLICYTK_DEFAULT_PLUGINS = "0" }

local function run(args) return testing.policytk(args, { env = ENV }) end

local function code(serial)       -- a valid code in 东区 339801
  local first = "91339801" .. string.format("%09d", serial)
  return first .. credit_code.check_char(first)
end

-- Firms 1-4 share one awards text (national + provincial in 2025: 500000), 5 has another
-- (provincial 2025: 200000), 6 an award of 2024 only (pays nothing in 2025), 7 none; 8, 9, 10
-- and 11 an award that makes peek, sized, half and tiered fail.
local AWARDS = {
  "national:甲奖:2025;provincial:乙奖:2025", "national:甲奖:2025;provincial:乙奖:2025",
  "national:甲奖:2025;provincial:乙奖:2025", "national:甲奖:2025;provincial:乙奖:2025",
  "provincial:乙奖:2025", "national:甲奖:2024", "", "municipal:偷看:2025", "municipal:规模:2025",
  "municipal:半:2025", "municipal:分级:2025",
}

local function register()
  local db, csv = os.tmpname(), os.tmpname()
  os.remove(db)
  local c, _, err = run({ "load", "--db", db })
  assert(c == 0, err)
  local lines = { "credit_code,name,kind,region,industry,employees,awards,revenue_2025,assets_2025\n" }
  for i, a in ipairs(AWARDS) do
    lines[#lines + 1] = string.format("%s,公司%d,企业,东区,C3311,10,%s,1000000,1000000\n", code(i), i, a)
  end
  testing.write_file(csv, table.concat(lines))
  c, _, err = run({ "firms", "import", csv, "--db", db })
  assert(c == 0, err)
  os.remove(csv)
  return db
end

test("reads: the C pass and the Lua path pay the same, once per text, and name each firm's error", function(t)
  local db = register()
  local c, out, err = run({ "match", "medal", "--year", "2025", "--db", db, "--format", "json" })
  t.eq(c, 1)                              -- the four rules that break their reads fail the job
  local got = {}
  for _, r in ipairs(json.decode(out)) do got[#got + 1] = string.format("%s %s %d", r.credit_code:sub(9, 17), r.benefit, r.amount) end
  t.eq(got, { "000000001 medal 500000", "000000002 medal 500000", "000000003 medal 500000",
              "000000004 medal 500000", "000000005 medal 200000" })
  t.match(err, "plugin medal: benefit peek: firm " .. code(8)
    .. ": [^\n]*the rule reads firm%.name, which its reads = { awards } does not list\n")
  t.match(err, "plugin medal: benefit sized: firm " .. code(9)
    .. ": [^\n]*ctx%.size reads firm%.industry, employees, revenue, assets, which the rule.s reads = { awards } does not list\n")
  t.match(err, "plugin medal: benefit half: firm " .. code(10) .. ": amount in 元 must be an integer; got 1%.5\n")
  t.match(err, "plugin medal: benefit tiered: firm " .. code(11) .. ": [^\n]*ctx%.size reads firm%.industry")
  -- the all-Lua path: the same rows, errors and exit code
  t.eq({ run({ "match", "medal", "--year", "2025", "--db", db, "--format", "json", "--engine", "lua" }) },
       { c, out, err })
  -- CSV written by the C pass: the same rows, the amounts in the row
  local c2, csv_out, err2 = run({ "match", "medal", "--year", "2025", "--db", db, "--format", "csv" })
  t.eq({ c2, err2 }, { c, err })
  local lines = {}
  for line in csv_out:gmatch("([^\r\n]+)\r\n") do lines[#lines + 1] = line end
  t.eq(#lines, 6)
  t.match(lines[2], "^" .. code(1) .. ",公司1,339801,medal,获奖奖励,500000,元,m1,一、1,")
  t.match(lines[6], "^" .. code(5) .. ",公司5,339801,medal,获奖奖励,200000,元,")
  -- the totals of the table format count the firms and yuan the same way on both paths
  local c3, table_out = run({ "match", "medal", "--year", "2025", "--db", db })
  local c4, table_lua = run({ "match", "medal", "--year", "2025", "--db", db, "--engine", "lua" })
  t.eq({ c3, table_out }, { c4, table_lua })
  t.match(table_out, "medal%s+获奖奖励%s+5%s+2200000")
  os.remove(db)
end)

test("reads: explain shows the rule's reason and the named error for one firm", function(t)
  local db = register()
  local c, out = run({ "explain", code(6), "--year", "2025", "--db", db, "--format", "csv" })
  t.eq(c, 0)
  t.match(out, "medal,获奖奖励,不享受,0,元,当年无国家级、省级奖")
  c, out = run({ "explain", code(8), "--year", "2025", "--db", db, "--format", "csv" })
  t.eq(c, 0)                              -- explain shows a rule's error in its row
  t.match(out, "peek,偷看,[^\n]*reads firm%.name, which its reads = { awards } does not list")
  os.remove(db)
end)

test("reads: the contract refuses a field that is not a firm field", function(t)
  local contract = require "policytk.plugins.contract"
  local schema = require "policytk.plugins.schema"
  local b = { id = "x", name = "x", doc = "d", section = "1", quote = "x", kind = "other", beneficiary = "firm",
              amount = "a", params = { { id = "a", unit = "元", clause = "x", values = { { from = "2023-01-01", value = 1 } } } },
              reads = { "awards", "nickname" } }
  local problems = {}
  schema.validate(b, contract.benefit, function(path, problem) problems[#problems + 1] = path .. ": " .. problem end)
  t.eq(#problems, 1, table.concat(problems, "\n"))
  t.match(problems[1], "^reads%[2%]: .*nickname")
end)

test("reads: scan asks the rule once per benefit and distinct text; only the failing firms go to Lua", function(t)
  local db = register()
  local plugin = require("policytk.plugins").load("medal", core.root .. "/tests/fixtures/plugins/reads/medal")
  t.eq(#plugin.problems, 0)
  local scan = require "policytk.scan"
  local run_scan, calls = scan.run, { judge_text = 0, on_firm = 0 }
  scan.run = function(spec)
    for k in pairs(calls) do
      local f = spec[k]
      spec[k] = function(...) calls[k] = calls[k] + 1 return f(...) end
    end
    return run_scan(spec)
  end
  local out = io.tmpfile()
  local ok, totals = pcall(require("policytk.benefits.match").run_scan, db, plugin, { year = 2025 }, { file = out })
  scan.run = run_scan
  out:close()
  t.ok(ok, totals)
  -- 7 distinct non-empty awards texts × 5 rules; firms 8-11 (errors) are judged in Lua
  t.eq(calls, { judge_text = 35, on_firm = 4 })
  t.eq(totals.rows, 5)
  t.eq(totals.error_count, 4)
  os.remove(db)
end)
