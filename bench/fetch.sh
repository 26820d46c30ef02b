#!/usr/bin/env bash
# bench/fetch.sh — policytk.http.fetch_all against curl on loopback: 1,000 fixture articles
# (/bench/art_N.html, 27.8 KB of UTF-8 each) with concurrency 16, side by side with
# `curl --parallel --parallel-max 16` over the same URL list in the same run (goal ≥ 0.9× curl),
# then a re-fetch where every page answers 304 to If-None-Match (goal ≥ 2× faster than the
# first fetch). Both clients hit the same server: tests/fixtures/portal/bench_server.py, the
# same pages as the test portal served statically by one asyncio loop, so that the server is
# not what is measured (SERVER=portal uses the threaded test portal server.py instead).
# ROUNDS rounds (default 7), each running curl, the first fetch and the re-fetch one after the
# other; medians are reported, with the range of the per-round ratios. The server's own
# counters check each pass: N pages sent with 200 to curl and to the first fetch, N answered
# 304 to the re-fetch. Reports; never fails the build.
set -u
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE="$ROOT/$BUILD/policytk"
N=${N:-1000}
ROUNDS=${ROUNDS:-7}
SERVER=${SERVER:-bench}
TMP=$(mktemp -d)
SRV=
trap '[ -n "$SRV" ] && kill "$SRV" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT

if [ "$SERVER" = portal ]; then
  python3 "$ROOT/tests/fixtures/portal/server.py" --lifetime 900 > "$TMP/port" 2>/dev/null &
else
  python3 "$ROOT/tests/fixtures/portal/bench_server.py" --pages "$N" --lifetime 900 > "$TMP/port" 2>/dev/null &
fi
SRV=$!
for _ in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
PORT=$(awk '{print $2}' "$TMP/port")
[ -n "$PORT" ] || { echo "fetch bench: the fixture portal did not start"; exit 0; }
BASE="http://127.0.0.1:$PORT"
for i in $(seq "$N"); do echo "url = \"$BASE/bench/art_$i.html\""; echo "output = /dev/null"; done > "$TMP/curl.cfg"

now() { date +%s.%N; }
# The bench server's counters "requests=R ok=A not_modified=B" (empty with SERVER=portal).
stats() { [ "$SERVER" = portal ] || curl -s "$BASE/__stats"; }

cat > "$TMP/bench.lua" <<LUA
local http = require "policytk.http"
local urls, etags = {}, {}
for i = 1, $N do urls[i] = "$BASE/bench/art_" .. i .. ".html" end
local mode = ...
if mode == "first" then
  local res = http.fetch_all(urls, { concurrency = 16, per_host = 16 })
  local out = assert(io.open("$TMP/etags", "w"))
  local ok, bytes = 0, 0
  for _, r in ipairs(res) do
    -- a page counts when it came whole and was decoded: 200, the announced length, UTF-8 text
    -- ending with the page's last tag (checked at the end: a scan of 28 MB is not fetching)
    if r.status == 200 and #r.raw == tonumber(r.headers["content-length"]) and r.body == r.raw
      and r.charset == "utf-8" and r.replaced == 0 and r.body:sub(-7) == "</html>" then
      ok = ok + 1
      bytes = bytes + #r.body
    end
    out:write(r.headers and r.headers.etag or "", "\n")
  end
  out:close()
  io.open("$TMP/first.out", "w"):write(ok, " ", bytes, "\n")
else
  local i = 0
  for line in io.lines("$TMP/etags") do i = i + 1; etags[i] = line end
  local reqs = {}
  for k, u in ipairs(urls) do reqs[k] = { url = u, etag = etags[k] } end
  local res = http.fetch_all(reqs, { concurrency = 16, per_host = 16 })
  local n304 = 0
  for _, r in ipairs(res) do if r.status == 304 and r.body == "" then n304 = n304 + 1 end end
  io.open("$TMP/again.out", "w"):write(n304, "\n")
end
LUA

# warm-up (python imports, page cache, the dynamic loader's caches)
curl -s -o /dev/null "$BASE/bench/art_1.html"
"$EXE" run "$TMP/bench.lua" first

checks=""
check() {   # what the server counted during one pass: check NAME BEFORE AFTER FIELD
  [ "$SERVER" = portal ] && return
  local got
  got=$(( $(echo "$3" | sed "s/.*$4=\([0-9]*\).*/\1/") - $(echo "$2" | sed "s/.*$4=\([0-9]*\).*/\1/") ))
  [ "$got" = "$N" ] || checks="$checks $1:$got/$N"
}
: > "$TMP/times"
for r in $(seq "$ROUNDS"); do
  s0=$(stats); t0=$(now); curl -s --parallel --parallel-max 16 -K "$TMP/curl.cfg" 2>/dev/null; t1=$(now)
  s1=$(stats); t2=$(now); "$EXE" run "$TMP/bench.lua" first; t3=$(now)
  s2=$(stats); t4=$(now); "$EXE" run "$TMP/bench.lua" again; t5=$(now)
  s3=$(stats)
  check curl "$s0" "$s1" ok; check first "$s1" "$s2" ok; check re-fetch "$s2" "$s3" not_modified
  read -r ok bytes < "$TMP/first.out"; read -r n304 < "$TMP/again.out"
  [ "$ok" = "$N" ] || checks="$checks first-decoded:$ok/$N"
  [ "$n304" = "$N" ] || checks="$checks re-fetch-304:$n304/$N"
  echo "$t0 $t1 $t2 $t3 $t4 $t5" | awk '{ printf "%.6f %.6f %.6f\n", $2 - $1, $4 - $3, $6 - $5 }' >> "$TMP/times"
done

awk -v n="$N" -v rounds="$ROUNDS" -v server="$SERVER" -v bytes="${bytes:-0}" -v checks="$checks" '
function median(a, k,   i, j, t) {
  for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
}
{ k++; c[k] = $1; p[k] = $2; r[k] = $3; rc[k] = $1 / $2; rp[k] = $2 / $3 }
END {
  mc = median(c, k); mp = median(p, k); mr = median(r, k); median(rc, k); median(rp, k)
  printf "fetch: %d fixture articles (%.1f MB), concurrency 16, loopback, %s server, median of %d rounds\n",
    n, bytes / 1e6, server == "portal" ? "threaded test portal" : "static asyncio bench", k
  printf "  curl --parallel-max 16   %7.3f s  %8.1f pages/s\n", mc, n / mc
  printf "  policytk http.fetch_all  %7.3f s  %8.1f pages/s   %.2fx curl (goal >= 0.9x; rounds %.2f-%.2f) %s\n",
    mp, n / mp, mc / mp, rc[1], rc[k], (mc / mp >= 0.9 ? "MET" : "NOT MET")
  printf "  re-fetch, all 304        %7.3f s  %8.1f pages/s   %.2fx faster than the first fetch (goal >= 2x; rounds %.2f-%.2f) %s\n",
    mr, n / mr, mp / mr, rp[1], rp[k], (mp / mr >= 2 ? "MET" : "NOT MET")
  if (server == "portal") print "  checks: policytk side only (the threaded portal keeps no counters)"
  else if (checks == "") printf "  checks: every round, the server sent %d pages with 200 to curl and to the first fetch (all decoded as UTF-8), and %d answers 304 to the re-fetch\n", n, n
  else printf "  checks FAILED:%s — the numbers above do not measure what they say\n", checks
}' "$TMP/times"
