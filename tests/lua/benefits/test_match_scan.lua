-- Tests of the C pass of `policytk match` (policytk.scan, planned by policytk.benefits.match_plan):
-- the rows it writes itself are the rows of the Lua path (quoting, --region, --benefit, a
-- year the rules have ended), a bad output file leaves nothing behind, and a malformed plan
-- is refused with a named error.

local testing = require "policytk.testing"
local csv = require "policytk.data.csv"
local json = require "policytk.json"
local tabular = require "policytk.data.tabular"

local function run(args) return testing.policytk(args) end

-- A database with the Wenzhou plugin and 300 synthetic firms, three of them renamed with the
-- characters CSV must quote, and the next two moved to a Hangzhou district (outside the city:
-- never matched).
local OUTSIDE = "330106"

local function register(t)
  local db, firms = os.tmpname(), os.tmpname()
  os.remove(db)
  for _, args in ipairs({
    { "load", "--db", db, "wenzhou" },
    { "firms", "generate", "300", "--city", "wenzhou", "--seed", "11", "--db", db, "-o", firms },
    { "firms", "import", firms, "--db", db },
  }) do
    local c, _, err = run(args)
    t.eq(c, 0, err)
  end
  os.remove(firms)
  local conn = require("policytk.data.store").open(db)
  local names = { '逗号,公司', '引号"公司"', "换行\n公司" }
  local i = 0
  for r in conn:rows("SELECT credit_code FROM firms ORDER BY credit_code LIMIT 5") do
    i = i + 1
    if names[i] then conn:run("UPDATE firms SET name = ? WHERE credit_code = ?", names[i], r.credit_code)
    else conn:run("UPDATE firms SET region = ? WHERE credit_code = ?", OUTSIDE, r.credit_code) end
  end
  conn:close()
  return db
end

local function csv_rows(text)
  local rows, header = {}, nil
  local lines = {}
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line .. "\n" end
  local i = 0
  for fields in csv.records(function() i = i + 1 return lines[i] end) do
    if not header then header = fields
    elseif not (#fields == 1 and fields[1] == "") then
      local r = {}
      for k, name in ipairs(header) do r[name] = fields[k] end
      rows[#rows + 1] = r
    end
  end
  return rows
end

-- match with extra arguments: CSV written by the C pass, JSON from rows the C pass hands to
-- Lua, and JSON with --engine lua (every firm judged in Lua): the same rows, in the same order.
local function same_both_ways(t, db, extra)
  local function match(format, engine)
    local args = { "match", "wenzhou", "--db", db, "--format", format, "--engine", engine }
    for _, a in ipairs(extra) do args[#args + 1] = a end
    local c, out, err = run(args)
    t.eq(c, 0, err)
    return out
  end
  local a = csv_rows((match("csv", "scan"):gsub("\r\n", "\n")))
  local what = table.concat(extra, " ")
  for _, engine in ipairs({ "scan", "lua" }) do
    local b = json.decode(match("json", engine))
    t.eq(#a, #b, what .. ", json " .. engine)
    for i, r in ipairs(b) do
      t.eq({ a[i].credit_code, a[i].name, a[i].region, a[i].benefit, a[i].amount, a[i].unit, a[i].clause },
           { r.credit_code, r.name, r.region, r.benefit, tabular.cell(r.amount), r.unit, r.clause },
           what .. ", json " .. engine .. ", row " .. i)
    end
  end
  return a
end

test("the C pass writes the rows of the Lua path: quoting, --region, --benefit, an ended rule", function(t)
  local db = register(t)
  local all = same_both_ways(t, db, { "--year", "2025" })
  t.ok(#all > 250, #all .. " rows")
  local quoted = 0
  for _, r in ipairs(all) do
    if r.name == '逗号,公司' or r.name == '引号"公司"' or r.name == "换行\n公司" then quoted = quoted + 1 end
  end
  t.ok(quoted >= 2, "renamed firms pay and come back whole: " .. quoted)
  for _, r in ipairs(all) do t.ok(r.region ~= OUTSIDE, r.credit_code .. " is outside Wenzhou") end
  local region = same_both_ways(t, db, { "--year", "2025", "--region", all[1].region })
  t.ok(#region > 0 and #region < #all, "--region keeps " .. #region .. " of " .. #all)
  for _, r in ipairs(region) do t.eq(r.region, all[1].region) end
  local one = same_both_ways(t, db, { "--year", "2025", "--benefit", "p32_loan_contract_stamp" })
  for _, r in ipairs(one) do t.eq(r.benefit, "p32_loan_contract_stamp") end
  local ended = same_both_ways(t, db, { "--year", "2028" })       -- private32 ends 2027-12-31
  for _, r in ipairs(ended) do t.ok(r.benefit:sub(1, 4) ~= "p32_" or r.benefit == "p32_rd_super_deduction"
    or r.benefit == "p32_fx_hedge_guarantee" or r.benefit == "p32_ib_to_firm_bookkeeping"
    or r.benefit == "p32_key_project_limit", r.benefit .. " pays in 2028") end
  os.remove(db)
end)

test("-o into a missing folder: a named error, and no file is left", function(t)
  local db = register(t)
  local c, _, err = run({ "match", "wenzhou", "--year", "2025", "--db", db, "--format", "csv",
                          "-o", "/nonexistent-dir/out.csv" })
  t.eq(c, 1)
  t.match(err, "无法写入 /nonexistent%-dir/out%.csv%.part")
  local out = os.tmpname()
  c = run({ "match", "wenzhou", "--year", "2025", "--db", db, "--format", "csv", "-o", out })
  t.eq(c, 0)
  t.eq(io.open(out .. ".part", "rb"), nil, "the .part file is renamed")
  local f = assert(io.open(out, "rb"))
  t.match(f:read("l"), "^credit_code,name,region,benefit")
  f:close()
  os.remove(out)
  os.remove(db)
end)

test("scan.run refuses a malformed plan with a named error, and frees what it holds", function(t)
  local scan = require "policytk.scan"
  local out = io.tmpfile()
  local good = {
    db = ":memory:", out = out, year = 2025, firms_sql = "SELECT 1", years_sql = "SELECT 1, 2, ?4",
    years = { from = 2024, to = 2025 }, firm_years_sql = "SELECT 1, 2, 3, ?1", binds = {}, benefits = {},
    extra_slots = 0, awards_slots = 0,
    groups = {}, group_of = function() end, slot_values = function() return {} end,
  }
  local function with(changes)
    local s = {}
    for k, v in pairs(good) do s[k] = v end
    for k, v in pairs(changes) do s[k] = v end
    return s
  end
  t.raises(function() scan.run(with({ db = 5 })) end, "scan: spec%.db must be a string")
  t.raises(function() scan.run(with({})) end, "firms_sql must give 13 columns")
  t.raises(function() scan.run(with({ firms_sql = "SELECT nope FROM nowhere" })) end,
    "scan: firms_sql: no such table: nowhere")
  t.raises(function() scan.run(with({ years_sql = "SELECT 1, 2, 3, ?4" })) end,
    "scan: years_sql must give credit_code, revenue, assets of the year %?4")
  t.raises(function() scan.run(with({ years_sql = "SELECT 1, 2, 3" })) end, "of the year %?4")
  t.raises(function() scan.run(with({ years = { from = 2025, to = 2024 } })) end,
    "scan: spec%.years must be 1 … 64 years")
  t.raises(function() scan.run(with({ years = { from = 1900, to = 2025 } })) end,
    "scan: spec%.years must be 1 … 64 years")
  t.raises(function() scan.run(with({ years = { from = 2025 } })) end, "scan: spec%.years%.to must be an integer")
  t.raises(function() scan.run(with({ regions_sql = "SELECT code FROM nowhere", city = "x" })) end,
    "scan: regions_sql: no such table: nowhere")
  t.raises(function() scan.run(with({ regions_sql = "SELECT ?1" })) end, "scan: spec%.city must be a string")
  t.raises(function() scan.run(with({ out = "out.csv" })) end, "scan: spec%.out must be a file")
  t.raises(function() scan.run(with({ on_row = print })) end, "scan: give spec%.out %(a file%) or spec%.on_row")
  local neither = with({})
  neither.out = nil
  t.raises(function() scan.run(neither) end, "scan: give spec%.out %(a file%) or spec%.on_row")
  t.raises(function() scan.run(with({ benefits = { { lua = true, conds = { { op = "between" } } } } })) end,
    "scan: condition.op: unknown value 'between'")
  t.raises(function() scan.run(with({ benefits = { { conds = {}, options = { { amount = 1.5, tail = "" } } } } })) end,
    "scan: benefits%[1%]%.options%[1%]%.amount must be an integer")
  t.raises(function() scan.run(with({ benefits = { { conds = {} } } })) end, "scan: benefit%.options must be a table")
  t.raises(function() scan.run(with({ benefits = { { lua = true, conds = { { op = "eq", a = { src = "slot", index = 3 },
    b = { src = "const", value = 1 } } } } } })) end, "scan: a slot index is out of range")
  local closed = io.tmpfile()
  closed:close()
  t.raises(function() scan.run(with({ out = closed })) end, "scan: spec%.out is a closed file")
  collectgarbage()
  out:close()
end)
