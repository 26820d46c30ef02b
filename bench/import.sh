#!/usr/bin/env bash
# bench/import.sh — `policytk import` of a generated observation CSV (default 1,000,000
# rows), side by side with `sqlite3 DB ".import --csv"` into an equivalent table in the
# same run: rows/s of each, the ratio (goal >= 0.8x sqlite3) and policytk's peak RSS
# (goal < 64 MiB). Also `policytk targets --format json` for all bundled cities (goal < 50 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
N=${N:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BIN" init --db "$tmp/p.db" >/dev/null
"$BIN" load --db "$tmp/p.db" >/dev/null
rows=$("$BIN" run bench/gen_observations.lua "$N" "$tmp/obs.csv")
echo "import: $rows rows, $(du -h "$tmp/obs.csv" | cut -f1) CSV"

t0=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$tmp/rss" "$BIN" import --db "$tmp/p.db" "$tmp/obs.csv" >/dev/null
t1=$(date +%s.%N)
# the equivalent table: the observations table of migrations/0001_init.sql, with its indexes and
# the data-epoch trigger of migrations/0011_data_epoch.sql (the same work per row in SQLite)
SCHEMA="PRAGMA journal_mode=WAL;
  CREATE TABLE data_epoch(id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO data_epoch VALUES (1, 0);
  CREATE TABLE obs(indicator TEXT NOT NULL, region TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL,
    unit TEXT, basis TEXT, source TEXT, note TEXT, UNIQUE(indicator, region, period));
  CREATE INDEX obs_region_period ON obs(region, period); CREATE INDEX obs_period ON obs(period);
  CREATE TRIGGER obs_epoch AFTER INSERT ON obs BEGIN UPDATE data_epoch SET n = n + 1; END;"
sqlite3 "$tmp/s.db" "$SCHEMA" >/dev/null
t2=$(date +%s.%N)
sqlite3 "$tmp/s.db" ".import --csv --skip 1 $tmp/obs.csv obs"
t3=$(date +%s.%N)
# for information: sqlite3 with the 16 MiB page cache policytk import sets (its default is ~2 MiB)
sqlite3 "$tmp/s2.db" "$SCHEMA" >/dev/null
t4=$(date +%s.%N)
sqlite3 -cmd "PRAGMA cache_size = -16384" "$tmp/s2.db" ".import --csv --skip 1 $tmp/obs.csv obs"
t5=$(date +%s.%N)
rss=$(cat "$tmp/rss")
awk -v n="$rows" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v f="$t5" -v rss="$rss" 'BEGIN {
  p = n / (b - a); s = n / (d - c); s2 = n / (f - e);
  printf "import: policytk %.0f rows/s (%.2f s); sqlite3 .import %.0f rows/s (%.2f s)\n", p, b - a, s, d - c;
  printf "import: ratio %.2fx of sqlite3 (goal >= 0.8x) %s\n", p / s, (p / s >= 0.8) ? "MET" : "NOT MET";
  printf "import: (information) sqlite3 .import with a 16 MiB page cache %.0f rows/s (%.2f s): policytk %.2fx of it\n", s2, f - e, p / s2;
  printf "import: policytk peak RSS %.1f MiB (goal < 64 MiB) %s\n", rss / 1024, (rss / 1024 < 64) ? "MET" : "NOT MET" }'

"$BIN" targets --db "$tmp/p.db" --format json >/dev/null
hyperfine -N -w 3 -r 20 --export-json "$tmp/t.json" "$BIN targets --db $tmp/p.db --format json" >/dev/null
lua5.4 - "$tmp/t.json" <<'LUA'
local f = io.open(arg[1]); local r = require("cjson").decode(f:read("a")).results[1]
print(string.format("targets json: median %.1f ms (goal < 50 ms) %s", r.median * 1000, r.median < 0.05 and "MET" or "NOT MET"))
LUA
