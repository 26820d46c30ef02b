-- Benefit rules cannot change what other rules see or what they pay (issue 18.8): rawset on
-- the firm view or a nested view stays in that rule's call, ctx is not shared between rules or
-- firms, a param amount pays the host's validated value, and an amount outside the declared
-- params / options is a named error. Fixture plugin: tests/fixtures/plugins/tamper/tamper.

local core = require "policytk.core"
local plugins = require "policytk.plugins"
local benefits = require "policytk.benefits"

local function tamper()
  local p = plugins.load("tamper", core.root .. "/tests/fixtures/plugins/tamper/tamper")
  assert(p.status == "ok", p.problems[1] and plugins.format_problem(p.problems[1]))
  return p
end

local function by_id(p, list)
  local out = {}
  for _, id in ipairs(list) do
    for _, b in ipairs(p.benefits) do if b.id == id then out[#out + 1] = b end end
  end
  return out
end

local function firm(name)
  return benefits.firm{ name = name, employees = 10, revenue = { [2024] = 500 } }
end

test("rawset on the firm and on firm.revenue does not reach the next rule", function(t)
  local p = tamper()
  local f = firm("甲公司")
  local out = benefits.evaluate_all(p, by_id(p, { "spoil", "see" }), f, 2024)
  t.eq(out[2].reason, "employees=10 revenue=500")
  t.eq({ f.employees, f.revenue[2024] }, { 10, 500 })
end)

test("a rule cannot change the param it pays: validated at 100, paid 100", function(t)
  local p = tamper()
  local out = benefits.evaluate_all(p, by_id(p, { "inflate", "inflate_options", "see" }), firm("甲公司"), 2024)
  t.eq(out[1].error, nil)
  t.eq(out[1].amount, 100)
  t.eq(out[2].error, nil)
  t.eq(out[2].amount, 100)
  -- and the next firm's ctx is clean
  local again = benefits.evaluate_all(p, by_id(p, { "inflate" }), firm("乙公司"), 2024)
  t.eq(again[1].amount, 100)
end)

test("ctx is not shared across firms", function(t)
  local p = tamper()
  local rules = by_id(p, { "mark" })
  t.eq(benefits.evaluate_all(p, rules, firm("甲公司"), 2024)[1].reason, "mark=nil")
  t.eq(benefits.evaluate_all(p, rules, firm("乙公司"), 2024)[1].reason, "mark=nil")
end)

test("an amount above its param or outside its options is a named error for the firm", function(t)
  local p = tamper()
  local b = by_id(p, { "inflate" })[1]
  local e = { benefit = b, amount = 987654321987 }
  benefits.check_amount(e, 2024)
  t.match(e.error or "", "amount 987654321987 is above param inflate_amount %(100 in 2024%)")
  local o = by_id(p, { "inflate_options" })[1]
  e = { benefit = o, amount = 99 }
  benefits.check_amount(e, 2024)
  t.match(e.error or "", "amount 99 is none of the options")
  e = { benefit = o, amount = 100 }
  benefits.check_amount(e, 2024)
  t.eq(e.error, nil)
end)
