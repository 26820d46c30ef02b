#!/usr/bin/env bash
# bench/pages.sh — the 驾驶舱 page of policytk serve (policytk.serve.pages.dashboard) rendered on the
# 300k-observation set of bench/report.sh (bench/gen_report_set.lua): cold (the first request after
# a write: the cache keyed on the data version emptied) and warm (every other request), in-process
# CPU time; side by side with bench/report_pandas.py (Python + pandas computing the same statuses
# from the same SQLite file, what a page computed per request by the peer would cost at least).
# Goal (issue 19): the page under 50 ms at p99 served, >= 10x the peer's throughput; a render here
# should be well under ~20 ms so that the server's share fits.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
DB="$tmp/r.db"
"$BIN" init --db "$DB" >/dev/null
"$BIN" load --db "$DB" >/dev/null
rows=$("$BIN" run bench/gen_report_set.lua "$DB")
echo "pages: data set of $rows observations (3 cities x 13 regions x 120 months, 200 indicators)"
AS_OF=2025-12-31
out=$("$BIN" run bench/pages_render.lua "$DB" $AS_OF)
echo "$out"
hyperfine -N -w 1 -r 5 --export-json "$tmp/b.json" \
  "/usr/bin/python3 bench/report_pandas.py $DB wenzhou friendly2023 $AS_OF" >/dev/null 2>&1
lua5.4 - "$tmp/b.json" "$out" <<'LUA'
local cjson = require "cjson"
local f = io.open(arg[1]); local b = cjson.decode(f:read("a")).results[1].median * 1000; f:close()
local cold = tonumber(arg[2]:match("wenzhou[^\n]-cold median ([%d.]+) ms"))
local warm = tonumber(arg[2]:match("wenzhou[^\n]-warm %(cached%) median ([%d.]+) ms"))
print(string.format("pages: python3 + pandas, the statuses of one document (wenzhou friendly2023): median %.1f ms", b))
print(string.format("pages: ratio peer / wenzhou page: cold %.1fx, warm %.0fx (goal >= 10x) %s", b / cold, b / warm,
  b / warm >= 10 and "MET when cached" or "NOT MET"))
print(string.format("pages: wenzhou cold render %.1f ms (goal ~20 ms) %s; warm %.3f ms %s", cold,
  cold <= 20 and "MET" or "NOT MET: the cache carries it", warm, warm <= 20 and "MET" or "NOT MET"))
LUA
