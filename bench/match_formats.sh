#!/usr/bin/env bash
# bench/match_formats.sh — `policytk match wenzhou` over N synthetic firms (default 1,000,000)
# in the csv, json and table formats, side by side in one run: time and peak RSS of each.
# Goals (issue 18.19): json and table stream their rows — peak RSS under 64 MiB, time within
# 2x csv (the C pass writing the file itself). Before: at 1M firms table 3.15 GiB, json
# 5.48 GiB (40-61 s), csv 7.5 MiB, 1.9 s. DB=path reuses a register made earlier (N must then
# say how many firms it holds). Reports; does not gate.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
N=${N:-1000000}
YEAR=${YEAR:-2025}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=${DB:-}
if [ -z "$db" ]; then
  db="$tmp/m.db"
  "$BIN" load --db "$db" wenzhou >/dev/null
  "$BIN" firms generate "$N" --city wenzhou --seed 1 --db "$db" -o "$tmp/firms.csv" 2>/dev/null
  "$BIN" firms import "$tmp/firms.csv" --db "$db" >/dev/null
  rm -f "$tmp/firms.csv"
fi
echo "match_formats: $N synthetic firms, year $YEAR"
for f in csv json table; do
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/rss.$f" "$BIN" match wenzhou --year "$YEAR" --db "$db" --format "$f" \
    -o "$tmp/out.$f" || echo "match_formats: $f exited $? (rule errors, or it failed)"
  t1=$(date +%s.%N)
  echo "$f $(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }') $(cat "$tmp/rss.$f") $(wc -c < "$tmp/out.$f")" >> "$tmp/runs"
  rm -f "$tmp/out.$f"
done
awk -v n="$N" '
  { fmt[NR] = $1; t[$1] = $2; rss[$1] = $3 / 1024; bytes[$1] = $4 }
  END {
    for (i = 1; i <= NR; i++) {
      f = fmt[i]; r = t[f] / t["csv"]
      printf "match_formats: %-5s %6.2f s (%.2fx csv), peak RSS %5.1f MiB, %6.1f MiB written", f, t[f], r, rss[f], bytes[f] / 1048576
      if (f != "csv") printf " — RSS < 64 MiB: %s; within 2x csv: %s", (rss[f] < 64) ? "MET" : "NOT MET", (r <= 2) ? "MET" : "NOT MET"
      printf "\n"
    }
    if (n != 1000000) printf "match_formats: the goals are for 1,000,000 firms (N=%d here); time grows with the rows (%.1fx to 1M), RSS does not (no row is held)\n", n, 1000000 / n
  }' "$tmp/runs"
