#!/usr/bin/env bash
# bench/report.sh — `policytk report wenzhou quarterly --format html` on a generated data set
# (3 cities × 13 regions × 10 years of monthly figures on 200 indicators, ~300k observations;
# goal < 0.2 s), side by side with bench/report_pandas.py (Python + pandas computing the same
# statuses from the same SQLite file): both timed by hyperfine, the ratio (goal >= 10x), and a
# check that both give the same status for every target.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DB="$tmp/r.db"
"$BIN" init --db "$DB" >/dev/null
"$BIN" load --db "$DB" >/dev/null
rows=$("$BIN" run bench/gen_report_set.lua "$DB")
echo "report: data set of $rows observations (3 cities x 13 regions x 120 months, 200 indicators)"

AS_OF=2025-12-31
"$BIN" report wenzhou quarterly --period 2025-Q4 --format html -o "$tmp/q.html" --db "$DB" 2>/dev/null
hyperfine -N -w 3 -r 20 --export-json "$tmp/p.json" \
  "$BIN report wenzhou quarterly --period 2025-Q4 --format html -o $tmp/q.html --db $DB" >/dev/null 2>&1
hyperfine -N -w 1 -r 5 --export-json "$tmp/b.json" \
  "/usr/bin/python3 bench/report_pandas.py $DB wenzhou friendly2023 $AS_OF" >/dev/null 2>&1

# the same statuses?
"$BIN" progress --city wenzhou --doc friendly2023 --as-of $AS_OF --format csv --db "$DB" \
  | lua5.4 -e 'local first = true; for line in io.lines() do if not first then local f = {}; for x in (line .. ","):gmatch("([^,]*),") do f[#f + 1] = x end; print(f[3] .. "\t" .. f[13]) end; first = false end' \
  | sort > "$tmp/ours.txt"
/usr/bin/python3 bench/report_pandas.py "$DB" wenzhou friendly2023 $AS_OF | tr ' ' '\t' | sort > "$tmp/theirs.txt"
if diff -q "$tmp/ours.txt" "$tmp/theirs.txt" >/dev/null; then same="same statuses for all $(wc -l < "$tmp/ours.txt") targets"
else same="STATUSES DIFFER: $(diff "$tmp/ours.txt" "$tmp/theirs.txt" | head -5 | tr '\n' ' ')"; fi

lua5.4 - "$tmp/p.json" "$tmp/b.json" "$same" <<'LUA'
local cjson = require "cjson"
local function med(path) local f = io.open(path); local r = cjson.decode(f:read("a")).results[1]; f:close(); return r.median end
local p, b = med(arg[1]), med(arg[2])
print(string.format("report: policytk report wenzhou quarterly --format html: median %.1f ms (goal < 200 ms) %s",
  p * 1000, p < 0.2 and "MET" or "NOT MET"))
print(string.format("report: python3 + pandas, same statuses: median %.1f ms", b * 1000))
print(string.format("report: ratio %.1fx (goal >= 10x) %s", b / p, b / p >= 10 and "MET" or "NOT MET"))
print("report: check: " .. arg[3])
LUA
