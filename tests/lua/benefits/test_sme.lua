-- The national SME classification (工信部联企业〔2011〕300号) at the thresholds.

local sme = require "policytk.benefits.sme"

local function class(industry, x, y_wan, z_wan)
  local g = sme.group(industry)
  return sme.classify_measures(g, { X = x, Y = y_wan, Z = z_wan })
end

test("industry: medium needs 300 staff AND 2000万; small 20 AND 300万", function(t)
  t.eq(class("C3311", 300, 2000), "medium")
  t.eq(class("C3311", 299, 2000), "small")
  t.eq(class("C3311", 300, 1999.99), "small")
  t.eq(class("C3311", 20, 300), "small")
  t.eq(class("C3311", 19, 300), "micro")
  t.eq(class("C3311", 20, 299), "micro")
  t.eq(class("C3311", 1000, 40000), "large")
  t.eq(class("C3311", 999, 50000), "medium")
  t.eq(class("B0610", 5, 10), "micro")
  t.eq(class("D4411", 1000, 40000), "large")
end)

test("retail, wholesale, software, catering", function(t)
  t.eq(class("F5211", 50, 500), "medium")
  t.eq(class("F5211", 10, 100), "small")
  t.eq(class("F5211", 9, 100), "micro")
  t.eq(class("F5211", 300, 20000), "large")
  t.eq(class("F5111", 20, 5000), "medium")
  t.eq(class("F5111", 5, 1000), "small")
  t.eq(class("F5111", 5, 999), "micro")
  t.eq(class("I6510", 10, 50), "small")
  t.eq(class("I6510", 10, 49), "micro")
  t.eq(class("H6210", 100, 2000), "medium")
end)

test("assets-based groups: construction, real estate, leasing", function(t)
  t.eq(sme.classify_measures(sme.group("E4710"), { Y = 6000, Z = 5000 }), "medium")
  t.eq(sme.classify_measures(sme.group("E4710"), { Y = 6000, Z = 299 }), "micro")
  t.eq(sme.classify_measures(sme.group("K7010"), { Y = 100, Z = 2000 }), "small")
  t.eq(sme.classify_measures(sme.group("K7010"), { Y = 200000, Z = 10000 }), "large")
  t.eq(sme.group("K7020").id, "property")
  t.eq(sme.classify_measures(sme.group("L7211"), { X = 100, Z = 8000 }), "medium")
  t.eq(sme.classify_measures(sme.group("L7211"), { X = 10, Z = 99 }), "micro")
end)

test("agriculture by revenue only; other by staff only; rail is other", function(t)
  t.eq(class("A0111", nil, 500), "medium")
  t.eq(class("A0111", nil, 49), "micro")
  t.eq(class("A0111", nil, 20000), "large")
  t.eq(class("M7310", 100), "medium")
  t.eq(class("M7310", 9), "micro")
  t.eq(sme.group("G5310").id, "other")
end)

test("classify reads revenue in yuan for the year, else the year before", function(t)
  local firm = { industry = "C3311", employees = 50, revenue = { [2023] = 5000000 }, assets = {} }
  t.eq(sme.classify(firm, 2023), "small")
  t.eq(sme.classify(firm, 2024), "small")
  local c, why = sme.classify({ industry = "C3311", employees = 50, revenue = {} }, 2024)
  t.eq(c, nil)
  t.match(why, "缺少划型所需指标")
  t.eq((sme.classify({ industry = "", employees = 5 }, 2024)), nil)
end)

-- Every threshold of every group, as 工信部联企业〔2011〕300号 states them: for each group a
-- firm exactly at the 中型 and 小型 lower bounds, one unit below each bound, and at the ceiling.
-- Each row: industry code, { measures at the medium bounds }, { at the small bounds },
-- { at the ceiling (大型) }. X staff, Y revenue 万元, Z assets 万元.
local CASES = {
  { "A0111", { Y = 500 },            { Y = 50 },             { Y = 20000 } },
  { "C3311", { X = 300, Y = 2000 },  { X = 20, Y = 300 },    { X = 1000, Y = 40000 } },
  { "E4710", { Y = 6000, Z = 5000 }, { Y = 300, Z = 300 },   { Y = 80000, Z = 80000 } },
  { "F5111", { X = 20, Y = 5000 },   { X = 5, Y = 1000 },    { X = 200, Y = 40000 } },
  { "F5211", { X = 50, Y = 500 },    { X = 10, Y = 100 },    { X = 300, Y = 20000 } },
  { "G5411", { X = 300, Y = 3000 },  { X = 20, Y = 200 },    { X = 1000, Y = 30000 } },
  { "G5910", { X = 100, Y = 1000 },  { X = 20, Y = 100 },    { X = 200, Y = 30000 } },
  { "G6010", { X = 300, Y = 2000 },  { X = 20, Y = 100 },    { X = 1000, Y = 30000 } },
  { "H6110", { X = 100, Y = 2000 },  { X = 10, Y = 100 },    { X = 300, Y = 10000 } },
  { "H6210", { X = 100, Y = 2000 },  { X = 10, Y = 100 },    { X = 300, Y = 10000 } },
  { "I6311", { X = 100, Y = 1000 },  { X = 10, Y = 100 },    { X = 2000, Y = 100000 } },
  { "I6510", { X = 100, Y = 1000 },  { X = 10, Y = 50 },     { X = 300, Y = 10000 } },
  { "K7010", { Y = 1000, Z = 5000 }, { Y = 100, Z = 2000 },  { Y = 200000, Z = 10000 } },
  { "K7020", { X = 300, Y = 1000 },  { X = 100, Y = 500 },   { X = 1000, Y = 5000 } },
  { "L7211", { X = 100, Z = 8000 },  { X = 10, Z = 100 },    { X = 300, Z = 120000 } },
  { "M7310", { X = 100 },            { X = 10 },             { X = 300 } },
}

local function below(m, key, amount)
  local c = {}
  for k, v in pairs(m) do c[k] = v end
  c[key] = c[key] - amount
  return c
end

test("every threshold of every industry group", function(t)
  local groups_seen = {}
  for _, case in ipairs(CASES) do
    local code, medium, small, large = case[1], case[2], case[3], case[4]
    local g = sme.group(code)
    groups_seen[g.id] = true
    t.eq(sme.classify_measures(g, medium), "medium", code .. " at the 中型 bounds")
    t.eq(sme.classify_measures(g, small), "small", code .. " at the 小型 bounds")
    t.eq(sme.classify_measures(g, large), "large", code .. " at the ceiling")
    for key in pairs(medium) do
      t.eq(sme.classify_measures(g, below(medium, key, 0.01)), "small", code .. " just under the 中型 " .. key)
    end
    for key in pairs(small) do
      t.eq(sme.classify_measures(g, below(small, key, 0.01)), "micro", code .. " just under the 小型 " .. key)
    end
    for key in pairs(large) do
      t.eq(sme.classify_measures(g, below(large, key, 0.01)), "medium", code .. " just under the ceiling " .. key)
    end
  end
  local n = 0
  for _ in pairs(groups_seen) do n = n + 1 end
  t.eq(n, #sme.groups, "every group has a case")
end)
