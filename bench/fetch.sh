#!/usr/bin/env bash
# bench/fetch.sh — policytk.http.fetch_all against curl on loopback: 1,000 fixture articles
# (/bench/art_N.html, 27.9 KB of UTF-8 each) with concurrency 16, side by side with
# `curl --parallel --parallel-max 16` over the same URL list in the same run (goal ≥ 0.9× curl),
# then a re-fetch where every page answers 304 to If-None-Match (goal ≥ 2× faster than the
# first fetch).
#
# The server: bench/bench_server.c (built as $BUILD/bench/bench_server), the same pages as the
# test portal (same bytes and ETags, written by tests/fixtures/portal/bench_server.py --write)
# served from memory by one epoll loop, so that the server is not what is measured.
# SERVER=asyncio uses the Python asyncio server instead, SERVER=portal the threaded test portal.
#
# Each of ROUNDS rounds (default 7) runs, one after the other against the same server:
#   curl      one process, the URL list, every page to /dev/null            (wall clock)
#   first     one policytk process: fetch_all of the URL list, every page
#             checked (200, whole, decoded as UTF-8), the ETags saved      (wall clock)
#   again     one policytk process: fetch_all with those ETags, all 304     (wall clock)
#   both      one policytk process: a warm-up request, then the first fetch and the re-fetch
#             with its ETags, each after a full garbage collection, each fetch_all call timed
#             with a monotonic clock (http.clock)
# The curl ratio compares the wall clocks of the curl and first processes (both include
# starting the process and loading libcurl). The 304 goal is judged on `both`: the two
# fetch_all calls of one process, process start, loading libcurl and the warm-up excluded from
# both; the wall clocks of `first` and `again` are printed beside it. Medians are reported, with
# the range of the per-round ratios. The server's own counters check each pass: N pages sent
# with 200 to curl and to each first fetch, N answered 304 to each re-fetch. Reports; never
# fails the build.
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

if [ "$SERVER" = bench ] && ! make -s -C "$ROOT" BUILD="$BUILD" "$BUILD/bench/bench_server" >&2; then
  echo "fetch bench: cannot build $BUILD/bench/bench_server; using the asyncio server"; SERVER=asyncio
fi
if [ "$SERVER" = portal ]; then
  python3 "$ROOT/tests/fixtures/portal/server.py" --lifetime 900 > "$TMP/port" 2>/dev/null &
elif [ "$SERVER" = asyncio ]; then
  python3 "$ROOT/tests/fixtures/portal/bench_server.py" --pages "$N" --lifetime 900 > "$TMP/port" 2>/dev/null &
else
  python3 "$ROOT/tests/fixtures/portal/bench_server.py" --pages "$N" --write "$TMP/pages" ||
    { echo "fetch bench: cannot write the pages"; exit 0; }
  "$ROOT/$BUILD/bench/bench_server" "$TMP/pages" --lifetime 900 > "$TMP/port" 2>/dev/null &
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
local urls = {}
for i = 1, $N do urls[i] = "$BASE/bench/art_" .. i .. ".html" end
local opts = { concurrency = 16, per_host = 16 }
local mode = ...

-- a page counts when it came whole and was decoded: 200, the announced length, UTF-8 text
-- ending with the page's last tag (checked at the end: a scan of 28 MB is not fetching)
local function whole(r)
  return r.status == 200 and #r.raw == tonumber(r.headers["content-length"]) and r.body == r.raw
    and r.charset == "utf-8" and r.replaced == 0 and r.body:sub(-7) == "</html>"
end

local function first()
  local t0 = http.clock()
  local res = http.fetch_all(urls, opts)
  local t = http.clock() - t0
  local ok, bytes, etags = 0, 0, {}
  for k, r in ipairs(res) do
    if whole(r) then
      ok = ok + 1
      bytes = bytes + #r.body
    end
    etags[k] = r.headers and r.headers.etag or ""
  end
  return t, ok, bytes, etags
end

local function again(etags)
  local reqs = {}
  for k, u in ipairs(urls) do reqs[k] = { url = u, etag = etags[k] } end
  local t0 = http.clock()
  local res = http.fetch_all(reqs, opts)
  local t = http.clock() - t0
  local n304 = 0
  for _, r in ipairs(res) do if r.status == 304 and r.body == "" then n304 = n304 + 1 end end
  return t, n304
end

local function put(name, ...)
  local f = assert(io.open("$TMP/" .. name, "w"))
  f:write(table.concat({ ... }, " "), "\n")
  f:close()
end

if mode == "first" then
  local t, ok, bytes, etags = first()
  put("etags", table.concat(etags, "\n"))
  put("first.out", ok, bytes, t)
elseif mode == "again" then
  local etags = {}
  for line in io.lines("$TMP/etags") do etags[#etags + 1] = line end
  local t, n304 = again(etags)
  put("again.out", n304, t)
else   -- both: a warm-up request (not a page: the counters of pages stay exact), then both
  -- fetches, each after a full garbage collection (so that neither pays for the other's garbage)
  http.fetch_all({ "$BASE/__stats" }, opts)
  collectgarbage()
  local t1, ok, _, etags = first()
  collectgarbage()
  local t2, n304 = again(etags)
  put("both.out", ok, n304, t1, t2)
end
LUA

# warm-up (page cache, the dynamic loader's caches)
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
for _ in $(seq "$ROUNDS"); do
  s0=$(stats); t0=$(now); curl -s --parallel --parallel-max 16 -K "$TMP/curl.cfg" 2>/dev/null; t1=$(now)
  s1=$(stats); t2=$(now); "$EXE" run "$TMP/bench.lua" first; t3=$(now)
  s2=$(stats); t4=$(now); "$EXE" run "$TMP/bench.lua" again; t5=$(now)
  s3=$(stats); "$EXE" run "$TMP/bench.lua" both
  s4=$(stats)
  check curl "$s0" "$s1" ok; check first "$s1" "$s2" ok; check re-fetch "$s2" "$s3" not_modified
  check both-first "$s3" "$s4" ok; check both-re-fetch "$s3" "$s4" not_modified
  read -r ok bytes tf < "$TMP/first.out"; read -r n304 ta < "$TMP/again.out"
  read -r bok b304 bf ba < "$TMP/both.out"
  [ "$ok" = "$N" ] || checks="$checks first-decoded:$ok/$N"
  [ "$n304" = "$N" ] || checks="$checks re-fetch-304:$n304/$N"
  [ "$bok" = "$N" ] || checks="$checks both-first-decoded:$bok/$N"
  [ "$b304" = "$N" ] || checks="$checks both-re-fetch-304:$b304/$N"
  echo "$t0 $t1 $t2 $t3 $t4 $t5 $tf $ta $bf $ba" |
    awk '{ printf "%.6f %.6f %.6f %s %s %s %s\n", $2 - $1, $4 - $3, $6 - $5, $7, $8, $9, $10 }' >> "$TMP/times"
done

case "$SERVER" in
  portal) label="threaded test portal (server.py)" ;;
  asyncio) label="Python asyncio bench server" ;;
  *) label="C epoll bench server" ;;
esac
awk -v n="$N" -v server="$SERVER" -v label="$label" -v bytes="${bytes:-0}" -v checks="$checks" '
function median(a, k,   i, j, t) {
  for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
}
{ k++; c[k] = $1; p[k] = $2; r[k] = $3; pf[k] = $4; pa[k] = $5; bf[k] = $6; ba[k] = $7
  rc[k] = $1 / $2; rp[k] = $2 / $3; rb[k] = $6 / $7 }
END {
  mc = median(c, k); mp = median(p, k); mr = median(r, k); mpf = median(pf, k); mpa = median(pa, k)
  mbf = median(bf, k); mba = median(ba, k); median(rc, k); median(rp, k); median(rb, k)
  printf "fetch: %d fixture articles (%.1f MB), concurrency 16, loopback, %s, median of %d rounds\n",
    n, bytes / 1e6, label, k
  printf "  wall clock of each process (start, loading libcurl, the fetch; curl writes to /dev/null, policytk keeps and checks each page):\n"
  printf "  curl --parallel-max 16   %7.3f s  %8.1f pages/s\n", mc, n / mc
  printf "  policytk http.fetch_all  %7.3f s  %8.1f pages/s   %.2fx curl (goal >= 0.9x; rounds %.2f-%.2f) %s\n",
    mp, n / mp, mc / mp, rc[1], rc[k], (mc / mp >= 0.9 ? "MET" : "NOT MET")
  printf "  re-fetch, all 304        %7.3f s  %8.1f pages/s   %.2fx faster than the first fetch (rounds %.2f-%.2f)\n",
    mr, n / mr, mp / mr, rp[1], rp[k]
  printf "  (inside those two processes, fetch_all alone: first %.3f s, re-fetch %.3f s, %.2fx)\n", mpf, mpa, mpf / mpa
  printf "  one process, each fetch_all timed with a monotonic clock (process start, libcurl, a warm-up request and a full GC before each excluded):\n"
  printf "  first fetch              %7.3f s  %8.1f pages/s\n", mbf, n / mbf
  printf "  re-fetch, all 304        %7.3f s  %8.1f pages/s   %.2fx faster than the first fetch (goal >= 2x; rounds %.2f-%.2f) %s\n",
    mba, n / mba, mbf / mba, rb[1], rb[k], (mbf / mba >= 2 ? "MET" : "NOT MET")
  if (server == "portal") print "  checks: policytk side only (the threaded portal keeps no counters)"
  else if (checks == "") printf "  checks: every round, the server sent %d pages with 200 to curl and to each first fetch (all decoded as UTF-8), and %d answers 304 to each re-fetch\n", n, n
  else printf "  checks FAILED:%s — the numbers above do not measure what they say\n", checks
}' "$TMP/times"
