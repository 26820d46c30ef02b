-- policytk.benefits.firm_gen: a synthetic enterprise register with plausible distributions, for the
-- demo, the tests and the benchmarks. Every firm is marked 合成数据 (synthetic) in its name and
-- in the extra column `synthetic`. Credit codes pass the GB 32100-2015 check; their
-- organisation part is random, so the names, not the codes, say that the firms are invented.
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local credit_code = require "policytk.benefits.credit_code"

local M = {}

-- industry code, share of firms, median employees, revenue per employee (yuan)
local INDUSTRIES = {
  { "C3311", 0.20, 30, 600000 }, { "C3831", 0.12, 45, 700000 }, { "C2926", 0.08, 25, 500000 },
  { "C1951", 0.05, 60, 400000 }, { "F5211", 0.12, 8, 900000 },  { "F5137", 0.10, 6, 2500000 },
  { "I6510", 0.08, 20, 450000 }, { "L7212", 0.07, 12, 600000 }, { "E4790", 0.05, 40, 900000 },
  { "H6210", 0.05, 10, 300000 }, { "M7320", 0.04, 15, 350000 }, { "A0141", 0.04, 12, 300000 },
}

local ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"

local function pick_industry()
  local r, acc = math.random(), 0
  for _, ind in ipairs(INDUSTRIES) do
    acc = acc + ind[2]
    if r <= acc then return ind end
  end
  return INDUSTRIES[#INDUSTRIES]
end

-- log-normal-ish multiplier with median 1
local function spread(sigma)
  local u1, u2 = math.random(), math.random()
  local z = math.sqrt(-2 * math.log(u1 + 1e-12)) * math.cos(2 * math.pi * u2)
  return math.exp(sigma * z)
end

local function code_for(region)
  local parts = { "91", region }
  for _ = 1, 9 do
    local i = math.random(1, 31)
    parts[#parts + 1] = ALPHA:sub(i, i)
  end
  local first17 = table.concat(parts)
  return first17 .. credit_code.check_char(first17)
end

M.HEADER = "credit_code,name,kind,region,industry,founded,employees,above_scale_since,high_tech_until,"
  .. "tech_sme,specialized,awards,revenue_2021,revenue_2022,revenue_2023,revenue_2024,revenue_2025,"
  .. "assets_2024,assets_2025,synthetic"

--- Write n synthetic firms of the given regions (list of GB/T 2260 codes) to out (a file
--- handle), with the seed. Returns n.
function M.write(out, n, regions, seed)
  math.randomseed(seed)
  out:write(M.HEADER, "\n")
  local seen, buf = {}, {}
  for i = 1, n do
    local region = regions[math.random(1, #regions)]
    local code = code_for(region)
    while seen[code] do code = code_for(region) end
    seen[code] = true
    local ind = pick_industry()
    local employees = math.max(1, math.floor(ind[3] * spread(0.9)))
    local base = employees * ind[4] * spread(0.5)
    local growth = 0.03 + 0.12 * (math.random() - 0.35)
    local rev = {}
    for y = 2021, 2025 do rev[y] = math.floor(base * (1 + growth) ^ (y - 2021)) end
    local above = ""
    if rev[2025] >= 20000000 and ind[1]:sub(1, 1) == "C" then
      above = tostring(2021 + math.random(0, 4))
    end
    local high_tech = math.random() < 0.05 and string.format("%d-12-31", 2025 + math.random(0, 2)) or ""
    local tech_sme = (high_tech ~= "" or math.random() < 0.10) and "是" or "否"
    local r = math.random()
    local specialized = r < 0.005 and "国家级小巨人" or r < 0.025 and "省级" or r < 0.06 and "创新型" or ""
    local awards = math.random() < 0.004 and ("municipal:市长质量奖:" .. (2023 + math.random(0, 2))) or ""
    local kind = (employees <= 3 and math.random() < 0.3) and "个体工商户" or "企业"
    local founded = string.format("%d-%02d-%02d", 1995 + math.random(0, 29), math.random(1, 12), math.random(1, 28))
    buf[#buf + 1] = table.concat({
      code, string.format("示例企业%07d（合成数据）", i), kind, region, ind[1], founded, employees, above,
      high_tech, tech_sme, specialized, awards, rev[2021], rev[2022], rev[2023], rev[2024], rev[2025],
      math.floor(rev[2024] * 0.8), math.floor(rev[2025] * 0.8), "1" }, ",")
    if #buf == 2000 then out:write(table.concat(buf, "\n"), "\n"); buf = {} end
  end
  if #buf > 0 then out:write(table.concat(buf, "\n"), "\n") end
  return n
end

return M
