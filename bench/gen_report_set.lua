-- bench/gen_report_set.lua: the data set of bench/report.sh and bench/docx.sh, written into a
-- loaded database: ~300k observations (3 cities x 13 regions x 120 months, 200 indicators).
--   policytk run bench/gen_report_set.lua DB   (prints the number of observations)
-- the data set: per city, its targets' indicators first, then catalog and made-up codes up to
-- 200 indicators over the three cities; the city and 12 counties; 2016-01 .. 2025-12 monthly.
local db = require "policytk.db"
local conn = db.open(arg[1])
local cities = {}
for r in conn:rows("SELECT id, code FROM cities ORDER BY id") do cities[#cities + 1] = { id = r.id, code = r.code } end
local used, total = {}, 0
local per_city = {}
for _, c in ipairs(cities) do
  local list = {}
  for r in conn:rows([[SELECT DISTINCT t.indicator FROM targets t JOIN documents d ON d.id = t.document
      WHERE d.city = ? ORDER BY t.indicator]], c.id) do
    if not used[r.indicator] then used[r.indicator] = true; list[#list + 1] = r.indicator; total = total + 1 end
  end
  per_city[c.id] = list
end
local filler = 0
while total < 200 do
  for _, c in ipairs(cities) do
    if total < 200 then
      filler = filler + 1
      local l = per_city[c.id]
      l[#l + 1] = string.format("bench_indicator_%03d", filler)
      total = total + 1
    end
  end
end
-- balance: every city gets ~200/3 indicators (a city with many targets keeps them all)
local n = 0
conn:exec("BEGIN")
local ins = conn:prepare("INSERT INTO observations (indicator, region, period, value, source, reported_at) "
  .. "VALUES (?, ?, ?, ?, 'bench', '2026-01-05T00:00:00Z')")
for _, c in ipairs(cities) do
  local regions = { c.code }
  for r in conn:rows("SELECT code FROM regions WHERE city = ? ORDER BY code", c.id) do
    if #regions < 13 then regions[#regions + 1] = r.code end
  end
  while #regions < 13 do regions[#regions + 1] = string.format("%s%02d", c.code:sub(1, 4), 80 + #regions) end
  for k, code in ipairs(per_city[c.id]) do
    for _, region in ipairs(regions) do
      for y = 2016, 2025 do
        for m = 1, 12 do
          n = n + 1
          ins:bind(code, region, string.format("%04d-%02d", y, m), 50 + (n * 7919 + k * 31) % 1000):step()
        end
      end
    end
  end
end
ins:close()
conn:exec("COMMIT")
conn:exec("ANALYZE")
conn:close()
print(n)
