#!/usr/bin/env bash
# bench/match.sh — `policytk match wenzhou` over N synthetic firms (default 1,000,000) for one
# year: firms/s and peak memory, side by side in the same run with bench/match_pandas.py, which
# implements the same Wenzhou rules with pandas over the same SQLite file.
# Goals: >= 10x pandas, under 5 s, peak memory under 1 GiB. Reports; does not gate.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
N=${N:-1000000}
YEAR=${YEAR:-2025}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BIN" load --db "$tmp/m.db" wenzhou >/dev/null
"$BIN" firms generate "$N" --city wenzhou --seed 1 --db "$tmp/m.db" -o "$tmp/firms.csv" 2>/dev/null
"$BIN" firms import "$tmp/firms.csv" --db "$tmp/m.db" >/dev/null
echo "match: $N synthetic firms, year $YEAR, $("$BIN" eval 'local p = require("policytk.plugins").load_all({"wenzhou"}).by_id.wenzhou return #p.benefits') Wenzhou rules"

t0=$(date +%s.%N)
rc=0
/usr/bin/time -f "%M" -o "$tmp/rss" "$BIN" match wenzhou --year "$YEAR" --db "$tmp/m.db" --format csv -o "$tmp/out.csv" || rc=$?
t1=$(date +%s.%N)
if [ "$rc" -ne 0 ]; then echo "match: policytk match exited $rc (rule errors, or it failed): the timing below is not of a clean run"; fi
rows=$(($(wc -l < "$tmp/out.csv") - 1))
awk -v n="$N" -v a="$t0" -v b="$t1" -v rss="$(cat "$tmp/rss")" -v rows="$rows" 'BEGIN {
  printf "match: policytk %.0f firms/s (%.2f s, %d paying rows), peak RSS %.0f MiB\n", n / (b - a), b - a, rows, rss / 1024;
  if (n != 1000000) { printf "match: the 5 s and 1 GiB goals are for 1,000,000 firms (N=%d here)\n", n; exit }
  printf "match: under 5 s: %s; under 1 GiB: %s\n", (b - a < 5) ? "MET" : "NOT MET", (rss < 1048576) ? "MET" : "NOT MET" }'
t2=$(date +%s.%N)
/usr/bin/python3 bench/match_pandas.py "$tmp/m.db" "$YEAR" > "$tmp/pandas.csv"
t3=$(date +%s.%N)
awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {
  printf "match: pandas %.0f firms/s (%.2f s)\n", n / (d - c), d - c;
  r = (d - c) / (b - a); printf "match: policytk is %.2fx pandas (goal >= 10x) %s\n", r, (r >= 10) ? "MET" : "NOT MET" }'
