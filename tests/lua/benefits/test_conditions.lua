-- Tests of policytk.benefits.conditions: the declarative `when` of a benefit rule — its checks, every
-- test and operand, the unset-value and mixed-type semantics, and the reasons it explains.

local C = require "policytk.benefits.conditions"

local PARAMS = {
  p = { id = "p", values = { { from = "2023-01-01", to = "2027-12-31", value = 25 } } },
}

local function size_small() return "small" end

-- The first failing index of `list` for firm in year (nil when all hold), and its reason.
local function run(list, firm, year, size_of)
  size_of = size_of or size_small
  local test = C.compile(list, PARAMS)
  local i, v, w = test(firm, year, size_of)
  return i, i and C.reason(list[i], year, v, w, firm, size_of)
end

local function firm(fields)
  local f = { kind = "enterprise", industry = "C3311", employees = 10, revenue = {}, assets = {}, awards = {}, extra = {} }
  for k, v in pairs(fields or {}) do f[k] = v end
  return f
end

test("check: a sound list has no problems", function(t)
  t.eq(C.check({
    { in_force = "p" }, { field = "kind", eq = "enterprise" }, { size = { "small", "micro" } },
    { field = "revenue", at = 0, gt = { field = "revenue", at = -1 } },
    { field = "high_tech_until", ge = { year_start = 0 } }, { field = "extra.x", at = -1, present = true },
    { any = { { field = "extra.a", eq = true }, { field = "extra.b", eq = true } } },
    { field = "awards", nonempty = true }, { field = "industry", not_prefix = { "F", "C16" } },
  }, { p = true }), {})
end)

test("check: every problem is named with its path", function(t)
  local problems = C.check({
    { field = "bogus", eq = 1 }, { eq = 1 }, { field = "revenue", gt = 1 }, { size = { "tiny" } },
    { in_force = "q" }, { field = "kind", eq = 1, ne = 2 }, { field = "kind" }, { field = "kind", at = 0, eq = 1 },
    { any = { { field = "kind", eq = 1 } } }, { field = "kind", eq = { year = "x" } }, { field = "kind", eq = { month = 1 } },
    { size = { "small" }, field = "kind" }, { field = "kind", present = 1 }, { field = "industry", prefix = { "" } },
    { field = "kind", eq = "enterprise", reasn = "x" },
  }, {})
  local got = {}
  for _, p in ipairs(problems) do got[#got + 1] = p[1] .. ": " .. p[2] end
  t.eq(got, {
    'when[1].field: unknown field "bogus" (a register field, revenue, assets or extra.NAME)',
    "when[2].field: a field name is required for this test",
    "when[3].at: revenue is per year: give at = 0 (the year), -1 (the year before) …",
    'when[4].size[1]: unknown size class "tiny" (large, medium, small, micro)',
    'when[5].in_force: unknown param "q" (declare it in this benefit\'s params)',
    "when[6]: has more than one test: eq, ne",
    "when[7]: has no test (eq, ne, lt, le, gt, ge, present, nonempty, one_of, prefix, not_prefix, size, in_force, any, all)",
    "when[8].at: kind has no per-year values",
    "when[9].any: must list at least two conditions",
    "when[10].eq.year: must be an integer year offset",
    "when[11].eq.month: unknown key (year, year_start, year_end, or field with at)",
    "when[11].eq: give one of year, year_start, year_end, or field",
    "when[12].field: not used by size",
    "when[13].present: must be true or false",
    "when[14].prefix: must be a string or a list of strings",
    'when[15].reasn: unknown key (did you mean "reason"?)',
  })
end)

test("compare: literals, the year, dates and another field", function(t)
  local f = firm({ above_scale_since = 2024, high_tech_until = "2025-06-30",
                   revenue = { [2024] = 100, [2025] = 120 } })
  t.eq(run({ { field = "above_scale_since", eq = { year = -1 } } }, f, 2025), nil)
  t.eq(run({ { field = "above_scale_since", eq = { year = 0 } } }, f, 2025), 1)
  t.eq(run({ { field = "high_tech_until", ge = { year_start = 0 } } }, f, 2025), nil)
  t.eq(run({ { field = "high_tech_until", ge = { year_end = 0 } } }, f, 2025), 1)
  t.eq(run({ { field = "revenue", at = 0, gt = { field = "revenue", at = -1 } } }, f, 2025), nil)
  t.eq(run({ { field = "revenue", at = 0, gt = { field = "revenue", at = -1 } } }, f, 2024), 1)   -- 2023 unset
  t.eq(run({ { field = "employees", le = 10 }, { field = "employees", lt = 11 }, { field = "employees", ge = 10 },
             { field = "employees", gt = 9 }, { field = "employees", ne = 9 } }, f, 2025), nil)
  t.eq(run({ { field = "employees", lt = 10 } }, f, 2025), 1)
end)

test("unset values fail every test but present = false and not_prefix; mixed types fail", function(t)
  local f = firm({ extra = { s = "text", y = { [2025] = 5 } } })
  t.eq(run({ { field = "extra.none", ne = true } }, f, 2025), 1)
  t.eq(run({ { field = "extra.none", lt = 1 } }, f, 2025), 1)
  t.eq(run({ { field = "extra.none", present = false } }, f, 2025), nil)
  t.eq(run({ { field = "extra.none", not_prefix = "C" } }, f, 2025), nil)
  t.eq(run({ { field = "extra.s", gt = 1 } }, f, 2025), 1)             -- text against a number
  t.eq(run({ { field = "extra.y", at = 0, eq = 5 }, { field = "extra.y", at = -1, present = false } }, f, 2025), nil)
  t.eq(run({ { field = "extra.s", at = 0, present = true } }, f, 2025), 1)  -- not a per-year table
end)

test("one_of, prefix, not_prefix, nonempty, size, in_force, any", function(t)
  local f = firm({ industry = "F5211", awards = { { level = "national", name = "质量奖", year = 2025 } },
                   extra = { a = false, b = true } })
  t.eq(run({ { field = "kind", one_of = { "enterprise", "individual_business" } } }, f, 2025), nil)
  t.eq(run({ { field = "industry", prefix = { "C", "F" } } }, f, 2025), nil)
  t.eq(run({ { field = "industry", prefix = "C" } }, f, 2025), 1)
  t.eq(run({ { field = "industry", not_prefix = { "C16", "F" } } }, f, 2025), 1)
  t.eq(run({ { field = "awards", nonempty = true } }, f, 2025), nil)
  t.eq(run({ { field = "awards", nonempty = true } }, firm(), 2025), 1)
  t.eq(run({ { size = { "small", "micro" } } }, f, 2025), nil)
  t.eq(run({ { size = { "micro" } } }, f, 2025), 1)
  t.eq(run({ { in_force = "p" } }, f, 2027), nil)
  t.eq(run({ { in_force = "p" } }, f, 2028), 1)
  t.eq(run({ { any = { { field = "extra.a", eq = true }, { field = "extra.b", eq = true } } } }, f, 2025), nil)
  t.eq(run({ { any = { { field = "extra.a", eq = true }, { field = "extra.c", eq = true } } } }, f, 2025), 1)
end)

test("the first failing condition is reported, and the later ones are not tested", function(t)
  local calls = 0
  local function size_of() calls = calls + 1 return "medium" end
  local list = { { field = "kind", eq = "individual_business" }, { size = { "small" } } }
  t.eq(run(list, firm(), 2025, size_of), 1)
  t.eq(calls, 0)
  t.eq(run({ { size = { "small" } } }, firm(), 2025, size_of), 1)
  t.eq(calls, 1)
end)

test("reasons: defaults in Chinese, templates with the values", function(t)
  local f = firm({ above_scale_since = 2021, revenue = { [2024] = 1900, [2025] = 1820 }, extra = {} })
  local _, r = run({ { field = "revenue", at = 0, gt = { field = "revenue", at = -1 } } }, f, 2025)
  t.eq(r, "2025年营业收入为1820, 不满足>1900")
  _, r = run({ { field = "revenue", at = 0, gt = { field = "revenue", at = -1 },
                 reason = "营业收入 {Y} 未增长: {value} ≤ {expected}" } }, f, 2025)
  t.eq(r, "营业收入 2025 未增长: 1820 ≤ 1900")
  _, r = run({ { field = "above_scale_since", ge = { year = -2 },
                 reason = "{year}年已超过“小升规”首年及后两年({value}—{value+2}年)" } }, f, 2025)
  t.eq(r, "2025年已超过“小升规”首年及后两年(2021—2023年)")
  _, r = run({ { field = "extra.flag", present = true } }, f, 2025)
  t.eq(r, "flag未设")
  _, r = run({ { field = "kind", eq = "individual_business" } }, f, 2025)
  t.eq(r, "企业类型为企业, 不满足=个体工商户")
  _, r = run({ { size = { "small", "micro" } } }, f, 2025, function() return "medium" end)
  t.eq(r, "2025年企业规模为中型, 不是小型、微型")
  _, r = run({ { in_force = "p" } }, f, 2030)
  t.eq(r, "2030年不在政策执行期内(参数 p)")
  _, r = run({ { any = { { field = "extra.a", eq = true }, { field = "kind", eq = "individual_business" } } } }, f, 2025)
  t.eq(r, "以下条件均不满足: a未设; 企业类型为企业, 不满足=个体工商户")
  _, r = run({ { field = "awards", nonempty = true } }, f, 2025)
  t.eq(r, "获奖为空")
end)

-- A benefit rule set in memory, as a plugin would declare it.
local function plugin_with(calls)
  local stamp_p = { id = "stamp_rate", unit = "%", values = { { from = "2023-01-01", to = "2027-12-31", value = 100 } } }
  local award_p = { id = "award_amount", unit = "元", values = { { from = "2023-01-01", value = 200000 } } }
  return { id = "mem", benefits = {
    { id = "stamp", name = "印花税", params = { stamp_p }, amount = "stamp_rate",
      when = { { in_force = "stamp_rate", reason = "{year}年不在政策执行期内" },
               { field = "kind", eq = "enterprise" }, { size = { "small", "micro" } } } },
    { id = "award", name = "小升规奖励", params = { award_p }, amount = "award_amount",
      when = { { field = "above_scale_since", eq = { year = 0 }, reason = "不是{year}年“小升规”企业" } },
      eligible = function(f)
        calls.n = calls.n + 1
        if f.extra.previously_above_scale then return false, "不是首次“小升规”" end
        return true
      end },
  } }
end

test("benefits: when is tested first; eligible runs only when it holds; when alone never enters Lua", function(t)
  local benefits = require "policytk.benefits"
  local calls = { n = 0 }
  local p = plugin_with(calls)
  local micro = benefits.firm({ credit_code = "A", industry = "C3311", employees = 5,
                                revenue = { [2025] = 1000000 }, above_scale_since = 2025 })
  local e = benefits.evaluate_all(p, p.benefits, micro, 2025)
  t.eq({ e[1].amount, e[1].reason, e[2].amount, e[2].reason }, { 100, nil, 200000, nil })
  t.eq(calls.n, 1)
  e = benefits.evaluate_all(p, p.benefits, micro, 2026)
  t.eq({ e[1].amount, e[2].amount, e[2].reason }, { 100, 0, "不是2026年“小升规”企业" })
  t.eq(calls.n, 1)                                                      -- eligible not called
  e = benefits.evaluate_all(p, p.benefits, micro, 2027)                 -- no revenue 2026-27: no class
  t.eq({ e[1].amount, e[1].reason }, { 0, "2027年企业规模为未知, 不是小型、微型" })
  e = benefits.evaluate_all(p, p.benefits, micro, 2028)
  t.eq(e[1].reason, "2028年不在政策执行期内")
  local ib = benefits.firm({ credit_code = "B", kind = "individual_business", industry = "C3311", employees = 5,
                             revenue = { [2025] = 1000000 } })
  e = benefits.evaluate_all(p, p.benefits, ib, 2025)
  t.eq(e[1].reason, "企业类型为个体工商户, 不满足=企业")
  -- match's mode: no reasons, and no entry for a rule whose `when` failed
  e = benefits.evaluate_all(p, p.benefits, ib, 2025, { reasons = false })
  t.eq(#e, 0)
  e = benefits.evaluate_all(p, p.benefits, micro, 2025, { reasons = false })
  t.eq({ #e, e[1].benefit.id, e[2].benefit.id }, { 2, "stamp", "award" })
  t.eq(calls.n, 2)
end)
