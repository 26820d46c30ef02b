#!/usr/bin/env bash
# bench/fetch.sh — the path of `policytk fetch` against curl on loopback: 1,000 fixture
# articles (/bench/art_N.html, 27.9 KB of UTF-8 each) with concurrency 16, side by side with
# `curl --parallel --parallel-max 16` over the same URL list in the same run, curl writing each
# page to its own file ($TMP/curl/art_N.html) and policytk storing each article in a database
# (goal >= 0.8x curl); then a re-fetch where every page answers 304 to If-None-Match (goal >= 2x
# faster than the first fetch).
#
# policytk's side is policytk.fetch.source, what `policytk fetch` runs for each source: the
# articles in batches of twice the concurrency through fetch_all, each parsed (title, 发文字号
# …), its text normalized and hashed, and stored (fetched_documents, fetched_versions,
# http_cache) as soon as its batch is in; only the source's listing is replaced by the URL list
# curl is given, and the politeness delay is 0 (curl has none).
#
# The server: bench/bench_server.c (built as $BUILD/bench/bench_server), the same pages as the
# test portal (same bytes and ETags, written by tests/fixtures/portal/bench_server.py --write)
# served from memory by one epoll loop, so that the server is not what is measured.
# SERVER=asyncio uses the Python asyncio server instead, SERVER=portal the threaded test portal.
#
# Each of ROUNDS rounds (default 7) runs, one after the other against the same server:
#   curl      one process, the URL list, every page to its own file           (wall clock)
#   first     one policytk process: the fetch into a database with the schema
#             and nothing fetched, every article stored new                  (wall clock)
#   again     one policytk process: the fetch again on that database, all 304  (wall clock)
#   both      one policytk process on another such database: a warm-up request, then the
#             first fetch and the re-fetch, each after a full garbage collection, each timed
#             with a monotonic clock (http.clock)
# The curl ratio compares the wall clocks of the curl and first processes (both include
# starting the process and loading libcurl). The 304 goal is judged on `both`: the two
# fetches of one process, process start, loading libcurl and the warm-up excluded from both;
# the wall clocks of `first` and `again` are printed beside it. Medians are reported, with the
# range of the per-round ratios. Checked each pass: the server's own counters (N pages sent with
# 200 to curl and to each first fetch, N answered 304 to each re-fetch), N files from curl, N
# articles stored new by each first fetch and N unchanged by each re-fetch. Reports; never
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
mkdir -p "$TMP/curl"
for i in $(seq "$N"); do echo "url = \"$BASE/bench/art_$i.html\""; echo "output = \"$TMP/curl/art_$i.html\""; done > "$TMP/curl.cfg"

now() { date +%s.%N; }
# The bench server's counters "requests=R ok=A not_modified=B" (empty with SERVER=portal).
stats() { [ "$SERVER" = portal ] || curl -s "$BASE/__stats"; }

cat > "$TMP/bench.lua" <<LUA
-- policytk's side: the path of \`policytk fetch\` (policytk.fetch.source: batches of twice the
-- concurrency through fetch_all, each article parsed, normalized and stored in the database
-- as soon as its batch is in), over a source whose listing is the URL list (the listing is
-- the only part replaced: curl is given the same list). No politeness delay (curl has none).
local http = require "policytk.http"
local fetch = require "policytk.fetch"
local store = require "policytk.data.store"
local mode, db = ...
local items = {}
for i = 1, $N do items[i] = { title = "bench " .. i, url = "$BASE/bench/art_" .. i .. ".html" } end
package.preload["policytk.fetch.portal.bench_list"] = function()
  return { list = function() return items end }
end
local plugin = { id = "bench", manifest = { hosts = { "127.0.0.1" } },
                 sources = { { id = "bench", kind = "bench_list", url = "$BASE/bench/" } } }
local opts = { concurrency = 16, per_host = 16, delay = 0 }

local function put(name, ...)
  local f = assert(io.open("$TMP/" .. name, "w"))
  f:write(table.concat({ ... }, " "), "\n")
  f:close()
end

local conn = store.open(db)
if mode == "init" then conn:close() return end
-- one fetch of the source: seconds (monotonic), articles stored new, answered 304 (unchanged)
local function pass()
  local t0 = http.clock()
  local row = fetch.source(conn, plugin, plugin.sources[1], opts)
  return http.clock() - t0, row.new, row.unchanged, row.failed, row.failures[1] and row.failures[1].reason or ""
end
if mode == "first" or mode == "again" then
  local t, new, unchanged, failed = pass()
  put(mode .. ".out", mode == "first" and new or unchanged, failed, t)
else   -- both: a warm-up request (not a page: the counters of pages stay exact), then both
  -- passes in one process, each after a full garbage collection
  http.fetch_all({ "$BASE/__stats" }, opts)
  collectgarbage()
  local t1, new = pass()
  collectgarbage()
  local t2, _, unchanged = pass()
  put("both.out", new, unchanged, t1, t2)
end
local bytes = conn:first("SELECT count(*) AS n, coalesce(sum(length(text)), 0) AS b FROM fetched_versions")
put("stored.out", bytes.n, bytes.b)
conn:close()
LUA

# warm-up (page cache, the dynamic loader's caches)
curl -s -o /dev/null "$BASE/bench/art_1.html"
"$EXE" run "$TMP/bench.lua" init "$TMP/empty.db"      # a database with the schema, copied per pass
cp "$TMP/empty.db" "$TMP/w.db"; "$EXE" run "$TMP/bench.lua" first "$TMP/w.db"

checks=""
check() {   # what the server counted during one pass: check NAME BEFORE AFTER FIELD
  [ "$SERVER" = portal ] && return
  local got
  got=$(( $(echo "$3" | sed "s/.*$4=\([0-9]*\).*/\1/") - $(echo "$2" | sed "s/.*$4=\([0-9]*\).*/\1/") ))
  [ "$got" = "$N" ] || checks="$checks $1:$got/$N"
}
: > "$TMP/times"
for _ in $(seq "$ROUNDS"); do
  rm -f "$TMP"/curl/*; cp "$TMP/empty.db" "$TMP/p.db"; cp "$TMP/empty.db" "$TMP/b.db"; sync
  s0=$(stats); t0=$(now); curl -s --parallel --parallel-max 16 -K "$TMP/curl.cfg" 2>/dev/null; t1=$(now)
  files=$(find "$TMP/curl" -name 'art_*.html' -size +1k | wc -l)
  [ "$files" = "$N" ] || checks="$checks curl-files:$files/$N"
  s1=$(stats); t2=$(now); "$EXE" run "$TMP/bench.lua" first "$TMP/p.db"; t3=$(now)
  read -r nstored bytes < "$TMP/stored.out"
  [ "$nstored" = "$N" ] || checks="$checks first-stored:$nstored/$N"
  s2=$(stats); t4=$(now); "$EXE" run "$TMP/bench.lua" again "$TMP/p.db"; t5=$(now)
  s3=$(stats); "$EXE" run "$TMP/bench.lua" both "$TMP/b.db"
  s4=$(stats)
  check curl "$s0" "$s1" ok; check first "$s1" "$s2" ok; check re-fetch "$s2" "$s3" not_modified
  check both-first "$s3" "$s4" ok; check both-re-fetch "$s3" "$s4" not_modified
  read -r ok _ tf < "$TMP/first.out"; read -r n304 _ ta < "$TMP/again.out"
  read -r bok b304 bf ba < "$TMP/both.out"
  [ "$ok" = "$N" ] || checks="$checks first-new:$ok/$N"
  [ "$n304" = "$N" ] || checks="$checks re-fetch-304:$n304/$N"
  [ "$bok" = "$N" ] || checks="$checks both-first-new:$bok/$N"
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
  printf "fetch: %d fixture articles, concurrency 16, loopback, %s, median of %d rounds\n", n, label, k
  printf "  wall clock of each process (start, loading libcurl, the fetch; curl writes each page to its own file,\n"
  printf "  policytk fetches as policytk fetch does: parses, normalizes and stores each article, %.1f MB of text, in the database):\n", bytes / 1e6
  printf "  curl --parallel-max 16   %7.3f s  %8.1f pages/s\n", mc, n / mc
  printf "  policytk fetch (stored)  %7.3f s  %8.1f pages/s   %.2fx curl (goal >= 0.8x; rounds %.2f-%.2f) %s\n",
    mp, n / mp, mc / mp, rc[1], rc[k], (mc / mp >= 0.8 ? "MET" : "NOT MET")
  printf "  re-fetch, all 304        %7.3f s  %8.1f pages/s   %.2fx faster than the first fetch (rounds %.2f-%.2f)\n",
    mr, n / mr, mp / mr, rp[1], rp[k]
  printf "  (inside those two processes, the fetch alone: first %.3f s, re-fetch %.3f s, %.2fx)\n", mpf, mpa, mpf / mpa
  printf "  one process, each fetch timed with a monotonic clock (process start, libcurl, a warm-up request and a full GC before each excluded):\n"
  printf "  first fetch              %7.3f s  %8.1f pages/s\n", mbf, n / mbf
  printf "  re-fetch, all 304        %7.3f s  %8.1f pages/s   %.2fx faster than the first fetch (goal >= 2x; rounds %.2f-%.2f) %s\n",
    mba, n / mba, mbf / mba, rb[1], rb[k], (mbf / mba >= 2 ? "MET" : "NOT MET")
  if (server == "portal") print "  checks: policytk side only (the threaded portal keeps no counters)"
  else if (checks == "") printf "  checks: every round, the server sent %d pages with 200 to curl (%d files written) and to each first fetch (%d articles stored new), and %d answers 304 to each re-fetch (all unchanged)\n", n, n, n, n
  else printf "  checks FAILED:%s — the numbers above do not measure what they say\n", checks
}' "$TMP/times"
