#!/usr/bin/env bash
# bench/fetch.sh — policytk.http.fetch_all against curl on loopback: 1,000 fixture articles
# (tests/fixtures/portal/server.py) with concurrency 16, side by side with
# `curl --parallel --parallel-max 16` over the same URL list in the same run (goal ≥ 0.9× curl),
# then a re-fetch where every page answers 304 (goal ≥ 2× faster than the first fetch).
# Reports; never fails the build.
set -u
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE="$ROOT/$BUILD/policytk"
N=${N:-1000}
TMP=$(mktemp -d)
trap 'kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; rm -rf "$TMP"' EXIT

python3 "$ROOT/tests/fixtures/portal/server.py" --lifetime 300 > "$TMP/port" 2>/dev/null &
SRV=$!
for _ in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.1; done
PORT=$(awk '{print $2}' "$TMP/port")
[ -n "$PORT" ] || { echo "fetch bench: the fixture portal did not start"; exit 0; }
BASE="http://127.0.0.1:$PORT"
for i in $(seq "$N"); do echo "url = \"$BASE/bench/art_$i.html\""; echo "output = /dev/null"; done > "$TMP/curl.cfg"

now() { date +%s.%N; }

cat > "$TMP/bench.lua" <<LUA
local http = require "policytk.http"
local urls, etags = {}, {}
for i = 1, $N do urls[i] = "$BASE/bench/art_" .. i .. ".html" end
local mode = ...
if mode == "first" then
  local res = http.fetch_all(urls, { concurrency = 16, per_host = 16 })
  local out = assert(io.open("$TMP/etags", "w"))
  local ok = 0
  for i, r in ipairs(res) do
    if r.status == 200 then ok = ok + 1 end
    out:write(r.headers and r.headers.etag or "", "\n")
    assert(i)
  end
  out:close()
  io.stderr:write("policytk: ", ok, " pages with status 200\n")
else
  local i = 0
  for line in io.lines("$TMP/etags") do i = i + 1; etags[i] = line end
  local reqs = {}
  for k, u in ipairs(urls) do reqs[k] = { url = u, etag = etags[k] } end
  local res = http.fetch_all(reqs, { concurrency = 16, per_host = 16 })
  local n304 = 0
  for _, r in ipairs(res) do if r.status == 304 then n304 = n304 + 1 end end
  io.stderr:write("policytk: ", n304, " pages answered 304\n")
end
LUA

# warm-up (python imports, page cache)
curl -s -o /dev/null "$BASE/bench/art_1.html"

t0=$(now); curl -s --parallel --parallel-max 16 -K "$TMP/curl.cfg" 2>/dev/null; t1=$(now)
t2=$(now); "$EXE" run "$TMP/bench.lua" first; t3=$(now)
t4=$(now); "$EXE" run "$TMP/bench.lua" again; t5=$(now)

awk -v n="$N" -v c="$(echo "$t1 - $t0" | bc)" -v p="$(echo "$t3 - $t2" | bc)" -v r="$(echo "$t5 - $t4" | bc)" 'BEGIN {
  printf "fetch: %d fixture articles, concurrency 16, loopback\n", n
  printf "  curl --parallel-max 16   %7.2f s  %8.1f pages/s\n", c, n / c
  printf "  policytk http.fetch_all  %7.2f s  %8.1f pages/s   %.2fx curl (goal >= 0.9x)\n", p, n / p, c / p
  printf "  re-fetch, all 304        %7.2f s  %8.1f pages/s   %.2fx faster than the first fetch (goal >= 2x)\n", r, n / r, p / r
}'
