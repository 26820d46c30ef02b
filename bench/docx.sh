#!/usr/bin/env bash
# bench/docx.sh — `policytk report wenzhou quarterly --format docx -o FILE` (the quarterly
# material as the Word document leaders receive) on the data set of bench/report.sh (3 cities ×
# 13 regions × 10 years of monthly figures on 200 indicators, ~300k observations): the whole
# process timed by hyperfine. Goal: median < 0.5 s. Prints what it measured and whether the goal
# is met; exits 0 either way (a benchmark reports, it does not gate).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
command -v hyperfine >/dev/null || { echo "docx: hyperfine is not installed (make deps)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DB="$tmp/r.db"
"$BIN" init --db "$DB" >/dev/null
"$BIN" load --db "$DB" >/dev/null
# the generator of bench/report.sh, the same data set
cat > "$tmp/gen.lua" <<'LUA'
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
LUA
rows=$("$BIN" run "$tmp/gen.lua" "$DB")
echo "docx: data set of $rows observations (3 cities x 13 regions x 120 months, 200 indicators)"

CMD="$BIN report wenzhou quarterly --period 2025-Q4 --format docx -o $tmp/q.docx --db $DB"
$CMD 2>/dev/null
size=$(stat -c %s "$tmp/q.docx")
hyperfine -N -w 3 -r 20 --export-json "$tmp/d.json" "$CMD" >/dev/null 2>&1

lua5.4 - "$tmp/d.json" "$size" <<'LUA'
local cjson = require "cjson"
local f = io.open(arg[1]); local r = cjson.decode(f:read("a")).results[1]; f:close()
print(string.format("docx: policytk report wenzhou quarterly --format docx: median %.1f ms, mean %.1f ms, max %.1f ms "
  .. "(%d runs; goal < 500 ms) %s", r.median * 1000, r.mean * 1000, r.max * 1000, #r.times,
  r.median < 0.5 and "MET" or "NOT MET"))
print(string.format("docx: document of %d bytes", tonumber(arg[2])))
LUA
