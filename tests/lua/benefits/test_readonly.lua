-- Tests of policytk.benefits.readonly: the read-only view of a firm record that plugin rules get.

local readonly = require "policytk.benefits.readonly"

test("a view reads through, refuses writes at every depth, and unwraps to its table", function(t)
  local firm = { name = "甲公司", revenue = { [2024] = 10 }, awards = { { level = "national" } } }
  local v = readonly.view(firm)
  t.eq(v.name, "甲公司")
  t.eq(v.revenue[2024], 10)
  t.eq(#v.awards, 1)
  t.raises(function() v.name = "乙" end, "attempt to change read%-only field 'name'")
  t.raises(function() v.revenue[2025] = 1 end, "attempt to change read%-only field '2025'")
  t.raises(function() v.awards[1].level = "municipal" end, "read%-only field 'level'")
  t.eq(firm.name, "甲公司")
  t.ok(readonly.unwrap(v) == firm)
  t.eq(readonly.view(5), 5)
end)

test("pairs gives the same nested views as indexing", function(t)
  local v = readonly.view({ a = { 1 }, b = 2 })
  local seen = {}
  for k, x in pairs(v) do
    seen[k] = true
    if k == "a" then t.ok(x == v.a, "pairs and v.a give one view") end
    if k == "b" then t.eq(x, 2) end
  end
  t.eq(seen, { a = true, b = true })
end)

test("only: the listed fields read through, any other raises naming it, pairs lists the allowed", function(t)
  local firm = { name = "甲公司", awards = { { level = "national" } }, kind = "enterprise" }
  local v = readonly.only(firm, { awards = true }, "benefit q", "firm")
  t.eq(v.awards[1].level, "national")
  t.raises(function() return v.name end, "benefit q reads firm%.name, which its reads = { awards } does not list")
  t.raises(function() return v.nope end, "reads firm%.nope")
  t.raises(function() v.awards = {} end, "attempt to change read%-only field 'awards'")
  t.raises(function() v.awards[1].level = "x" end, "read%-only field 'level'")
  local seen = {}
  for k, x in pairs(v) do seen[k] = x end
  t.ok(seen.awards == v.awards and seen.name == nil and seen.kind == nil)
  t.ok(readonly.unwrap(v) == firm)
end)

test("only: pairs keeps false values and skips allowed fields the table lacks", function(t)
  local v = readonly.only({ tech_sme = false, name = "甲" }, { tech_sme = true, awards = true }, "r", "firm")
  local seen, n = {}, 0
  for k, x in pairs(v) do seen[k] = x; n = n + 1 end
  t.eq(n, 1)
  t.eq(seen.tech_sme, false)
  t.eq(v.tech_sme, false)
  t.eq(v.awards, nil)
end)
