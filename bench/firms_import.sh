#!/usr/bin/env bash
# bench/firms_import.sh — `policytk firms import` of a synthetic register (`policytk firms
# generate`, 100,000 and 1,000,000 firms by default: SIZES="N1 N2 …", smallest first), side by
# side in the same run with the sqlite3 shell building the same tables with the same indexes
# (scripts/policytk/data/migrations/0003_firms.sql and 0005_firm_years_by_year.sql): `.import`
# of the CSV into a staging table, then INSERT … SELECT into firms and firm_years, trimming and
# mapping the cells as policytk does but checking nothing. The sqlite3 side runs with the page
# cache policytk's import sets (256 MiB; with sqlite3's default 2 MiB it is slower still).
# Prints for each size rows/s of each, the ratio (goal: policytk >= 0.7x sqlite3 at 1M) and
# policytk's peak RSS; then the time per row at the largest size against the smallest for each
# (goal: flat, <= 1.25x from 100k to 1M). Reports; does not gate.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
SIZES=${SIZES:-"100000 1000000"}
CACHE_KIB=262144
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
MIG=scripts/policytk/data/migrations

largest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
"$BIN" load --db "$tmp/base.db" wenzhou >/dev/null
"$BIN" firms generate "$largest" --city wenzhou --seed 1 --db "$tmp/base.db" -o "$tmp/all.csv" 2>/dev/null

# The peer: staging by .import (every column TEXT, named by the header), then set-wise into
# the register's tables, cells trimmed and mapped to the stored values.
peer_sql() {
  cat <<SQL
PRAGMA cache_size = -$CACHE_KIB;
.import --csv $1 staging
BEGIN;
INSERT INTO firms (credit_code, name, kind, region, industry, founded, employees, above_scale_since,
  high_tech_until, tech_sme, specialized, awards, extra, source, imported_at)
SELECT upper(trim(credit_code)), trim(name),
  CASE trim(kind) WHEN '个体工商户' THEN 'individual_business' ELSE 'enterprise' END,
  trim(region), NULLIF(trim(industry), ''), NULLIF(trim(founded), ''),
  CAST(NULLIF(trim(employees), '') AS INTEGER), CAST(NULLIF(trim(above_scale_since), '') AS INTEGER),
  NULLIF(trim(high_tech_until), ''), trim(tech_sme) = '是',
  CASE trim(specialized) WHEN '创新型' THEN 'innovative' WHEN '省级' THEN 'provincial'
    WHEN '国家级小巨人' THEN 'little_giant' END,
  CASE WHEN trim(awards) = '' THEN '[]' ELSE json_array(json_object('level', 'municipal', 'name', trim(awards))) END,
  json_object('synthetic', CAST(synthetic AS INTEGER)), '$1', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM staging;
INSERT INTO firm_years (credit_code, year, revenue, assets)
SELECT upper(trim(credit_code)), y.year,
  CAST(NULLIF(trim(CASE y.year WHEN 2021 THEN revenue_2021 WHEN 2022 THEN revenue_2022
    WHEN 2023 THEN revenue_2023 WHEN 2024 THEN revenue_2024 ELSE revenue_2025 END), '') AS REAL),
  CAST(NULLIF(trim(CASE y.year WHEN 2024 THEN assets_2024 WHEN 2025 THEN assets_2025 END), '') AS REAL)
FROM staging, (SELECT 2021 AS year UNION ALL SELECT 2022 UNION ALL SELECT 2023
               UNION ALL SELECT 2024 UNION ALL SELECT 2025) y;
DROP TABLE staging;
COMMIT;
SQL
}

results=""
for n in $(echo "$SIZES" | tr ' ' '\n' | sort -n); do
  head -n $((n + 1)) "$tmp/all.csv" > "$tmp/f.csv"
  echo "firms import: $n firms, $(du -h "$tmp/f.csv" | cut -f1) CSV"
  cp "$tmp/base.db" "$tmp/p.db"
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$BIN" firms import "$tmp/f.csv" --db "$tmp/p.db" >/dev/null
  t1=$(date +%s.%N)
  rm -f "$tmp/s.db"
  cat "$MIG/0003_firms.sql" "$MIG/0005_firm_years_by_year.sql" | sqlite3 "$tmp/s.db"
  peer_sql "$tmp/f.csv" > "$tmp/peer.sql"
  t2=$(date +%s.%N)
  sqlite3 "$tmp/s.db" < "$tmp/peer.sql"
  t3=$(date +%s.%N)
  for db in p s; do   # both sides wrote the same rows
    sqlite3 "$tmp/$db.db" "SELECT count(*) FROM firms; SELECT count(*) FROM firm_years" | tr '\n' ' ' > "$tmp/count.$db"
  done
  if ! cmp -s "$tmp/count.p" "$tmp/count.s"; then
    echo "firms import: the two sides differ (firms, firm_years): policytk $(cat "$tmp/count.p"), sqlite3 $(cat "$tmp/count.s")"
  fi
  awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v rss="$(cat "$tmp/rss")" 'BEGIN {
    p = b - a; s = d - c
    printf "firms import: policytk %.0f rows/s (%.2f s, %.1f us/row, peak RSS %.0f MiB); sqlite3 %.0f rows/s (%.2f s, %.1f us/row)\n",
      n / p, p, 1e6 * p / n, rss / 1024, n / s, s, 1e6 * s / n
    printf "firms import: at %d firms policytk is %.2fx sqlite3 (goal >= 0.7x at 1,000,000) %s\n", n, s / p,
      (s / p >= 0.7) ? "MET" : "NOT MET" }'
  results="$results $n $(awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN { printf "%.3f %.3f", b - a, d - c }')"
done
echo "$results" | awk '{
  n0 = $1; p0 = $2 / n0; s0 = $3 / n0; k = NF - 2; n1 = $k; p1 = $(k + 1) / n1; s1 = $(k + 2) / n1
  if (n1 == n0) exit
  printf "firms import: time per row at %d vs %d firms: policytk %.2fx (goal <= 1.25x, flat) %s; sqlite3 %.2fx\n",
    n1, n0, p1 / p0, (p1 / p0 <= 1.25) ? "MET" : "NOT MET", s1 / s0 }'
