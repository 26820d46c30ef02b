-- policytk.benefits.sme: the national SME size classification (中小企业划型标准规定,
-- 工信部联企业〔2011〕300号), encoded as data: for each industry group, the bounds on
-- employees (X, 从业人员), revenue (Y, 营业收入, 万元) and assets (Z, 资产总额, 万元).
--
-- A firm is 中小微 when it is below the group's ceiling on ANY of the ceiling measures
-- (the document's "或"); it is 中型 when it reaches EVERY lower bound of 中型 ("须同时满足"),
-- else 小型 when it reaches every lower bound of 小型, else 微型.
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local M = {}

-- ceiling: the firm is an SME when any listed measure is below it.
-- medium / small: lower bounds that must all be reached.
M.groups = {
  { id = "agriculture", name = "农、林、牧、渔业", ceiling = { Y = 20000 }, medium = { Y = 500 }, small = { Y = 50 } },
  { id = "industry", name = "工业", ceiling = { X = 1000, Y = 40000 }, medium = { X = 300, Y = 2000 }, small = { X = 20, Y = 300 } },
  { id = "construction", name = "建筑业", ceiling = { Y = 80000, Z = 80000 }, medium = { Y = 6000, Z = 5000 }, small = { Y = 300, Z = 300 } },
  { id = "wholesale", name = "批发业", ceiling = { X = 200, Y = 40000 }, medium = { X = 20, Y = 5000 }, small = { X = 5, Y = 1000 } },
  { id = "retail", name = "零售业", ceiling = { X = 300, Y = 20000 }, medium = { X = 50, Y = 500 }, small = { X = 10, Y = 100 } },
  { id = "transport", name = "交通运输业（不含铁路运输业）", ceiling = { X = 1000, Y = 30000 }, medium = { X = 300, Y = 3000 }, small = { X = 20, Y = 200 } },
  { id = "warehousing", name = "仓储业", ceiling = { X = 200, Y = 30000 }, medium = { X = 100, Y = 1000 }, small = { X = 20, Y = 100 } },
  { id = "postal", name = "邮政业", ceiling = { X = 1000, Y = 30000 }, medium = { X = 300, Y = 2000 }, small = { X = 20, Y = 100 } },
  { id = "accommodation", name = "住宿业", ceiling = { X = 300, Y = 10000 }, medium = { X = 100, Y = 2000 }, small = { X = 10, Y = 100 } },
  { id = "catering", name = "餐饮业", ceiling = { X = 300, Y = 10000 }, medium = { X = 100, Y = 2000 }, small = { X = 10, Y = 100 } },
  { id = "telecom", name = "信息传输业", ceiling = { X = 2000, Y = 100000 }, medium = { X = 100, Y = 1000 }, small = { X = 10, Y = 100 } },
  { id = "software", name = "软件和信息技术服务业", ceiling = { X = 300, Y = 10000 }, medium = { X = 100, Y = 1000 }, small = { X = 10, Y = 50 } },
  { id = "real_estate", name = "房地产开发经营", ceiling = { Y = 200000, Z = 10000 }, medium = { Y = 1000, Z = 5000 }, small = { Y = 100, Z = 2000 } },
  { id = "property", name = "物业管理", ceiling = { X = 1000, Y = 5000 }, medium = { X = 300, Y = 1000 }, small = { X = 100, Y = 500 } },
  { id = "leasing", name = "租赁和商务服务业", ceiling = { X = 300, Z = 120000 }, medium = { X = 100, Z = 8000 }, small = { X = 10, Z = 100 } },
  { id = "other", name = "其他未列明行业", ceiling = { X = 300 }, medium = { X = 100 }, small = { X = 10 } },
}

local by_id = {}
for _, g in ipairs(M.groups) do by_id[g.id] = g end

-- GB/T 4754-2011 division (2 digits) → group id; the ranges the 2011 rule names.
local function group_of_division(d, code)
  if d >= 1 and d <= 5 then return "agriculture" end
  if d >= 6 and d <= 46 then return "industry" end
  if d >= 47 and d <= 50 then return "construction" end
  if d == 51 then return "wholesale" end
  if d == 52 then return "retail" end
  if d >= 54 and d <= 58 then return "transport" end
  if d == 59 then return "warehousing" end
  if d == 60 then return "postal" end
  if d == 61 then return "accommodation" end
  if d == 62 then return "catering" end
  if d == 63 or d == 64 then return "telecom" end
  if d == 65 then return "software" end
  if d == 70 then
    local class = code:match("^70(%d%d)")
    if class == "10" then return "real_estate" end
    if class == "20" then return "property" end
    return "other"
  end
  if d == 71 or d == 72 then return "leasing" end
  return "other"
end

--- The group of a GB/T 4754 industry code ("C3311", "3311", "C33"), or nil.
function M.group(industry)
  if type(industry) ~= "string" then return nil end
  local digits = industry:gsub("^%a", "")
  local d = tonumber(digits:sub(1, 2))
  if not d or #digits < 2 then return nil end
  return by_id[group_of_division(d, digits)]
end

local function reaches(bounds, m)
  for k, v in pairs(bounds) do
    if m[k] == nil or m[k] < v then return false end
  end
  return true
end

--- Classify measures {X = employees, Y = revenue 万元, Z = assets 万元} in a group:
--- "large" | "medium" | "small" | "micro", or nil when a needed measure is missing.
function M.classify_measures(group, m)
  for k in pairs(group.ceiling) do if m[k] == nil then return nil end end
  for k in pairs(group.small) do if m[k] == nil then return nil end end
  local sme = false
  for k, v in pairs(group.ceiling) do if m[k] < v then sme = true end end
  if not sme then return "large" end
  if reaches(group.medium, m) then return "medium" end
  if reaches(group.small, m) then return "small" end
  return "micro"
end

local function year_value(t, year)
  if type(t) ~= "table" then return nil end
  return t[year] or t[tostring(year)] or t[year - 1] or t[tostring(year - 1)]
end

--- Class of an enterprise record in a year (revenue and assets of that year, else of the
--- year before), or nil with a reason when the record lacks what the group needs.
function M.classify(firm, year)
  local g = M.group(firm.industry)
  if not g then return nil, "行业代码缺失或无法识别" end
  local y, z = year_value(firm.revenue, year), year_value(firm.assets, year)
  local m = { X = firm.employees, Y = y and y / 10000, Z = z and z / 10000 }
  local class = M.classify_measures(g, m)
  if not class then return nil, "缺少划型所需指标（" .. g.name .. "）" end
  return class
end

M.names = { large = "大型", medium = "中型", small = "小型", micro = "微型" }

return M
