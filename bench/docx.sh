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
# the data set of bench/report.sh (bench/gen_report_set.lua)
rows=$("$BIN" run bench/gen_report_set.lua "$DB")
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
