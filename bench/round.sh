#!/usr/bin/env bash
# bench/round.sh — the 月度报送 round for Wenzhou: `policytk round open` writing every unit's
# workbook (goal < 1 s), then `policytk import` of 30 returned workbooks, filled by
# bench/fill_round.lua, from a folder (goal < 2 s). Prints what was measured against the goals.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
N=${N:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BIN" load --db "$tmp/p.db" >/dev/null

t0=$(date +%s.%N)
"$BIN" round open wenzhou --period 2025-06 -o "$tmp/sent" --db "$tmp/p.db" >"$tmp/open.txt"
t1=$(date +%s.%N)
units=$(ls "$tmp/sent" | wc -l)
filled=$("$BIN" run bench/fill_round.lua "$tmp/sent" "$tmp/back" "$N")
t2=$(date +%s.%N)
USER=bench "$BIN" import "$tmp/back" --db "$tmp/p.db" >"$tmp/import.txt"
t3=$(date +%s.%N)
figures=$(sqlite3 "$tmp/p.db" "SELECT count(*) FROM observations")
texts=$(sqlite3 "$tmp/p.db" "SELECT count(*) FROM task_progress")
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v u="$units" -v f="$filled" -v o="$figures" -v x="$texts" 'BEGIN {
  printf "round open: %d workbooks (every unit of wenzhou) in %.3f s (goal < 1 s) %s\n", u, b - a, (b - a < 1) ? "MET" : "NOT MET";
  printf "round import: %d returned workbooks (%d figures, %d task texts) in %.3f s (goal < 2 s) %s\n", f, o, x, d - c,
    (d - c < 2) ? "MET" : "NOT MET" }'
