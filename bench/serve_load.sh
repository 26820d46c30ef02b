#!/usr/bin/env bash
# bench/serve_load.sh — `policytk serve` under the load of issue 19: on a temporary demo database
# with Wenzhou's June round open, 30 unit users each post 100 saves of their 报送 form concurrently
# (bench/serve_load.py; each a different value; the fields from bench/serve_load_units.lua) while
# office and leader users GET the 驾驶舱 /city/wenzhou/ continuously. Prints p50/p99 latency and
# throughput of the saves and of the reads, then checks the database after a clean stop: no save
# lost or doubled (one batch per save, holding that save's figure; each unit's figure its last
# save's), no answer other than 303 to a save (no busy/locked error reaching a user), PRAGMA
# integrity_check ok. Goal (issue 19): a form save under 20 ms at p99 under this load, judged on
# the server's own time per save (its log); the clients' p99 is printed beside it: with 33
# clients posting back to back on 2 cores it is mostly their wait in line (N / throughput).
# Where the server's time goes: the per-request ms of its log (the sign-ins are not in the saves).
#   WORKERS=4 UNITS=30 SAVES=100 bash bench/serve_load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
WORKERS=${WORKERS:-4}
UNITS=${UNITS:-30}
SAVES=${SAVES:-100}
PY=/usr/bin/python3
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
export POLICYTK_TODAY=2025-07-03
DB="$tmp/d.db"
"$BIN" demo --db "$DB" >/dev/null
"$BIN" round open wenzhou --period 2025-06 -o "$tmp/sent" --db "$DB" >/dev/null
"$BIN" run bench/serve_load_units.lua "$DB" wenzhou "$UNITS" > "$tmp/units0.tsv"
i=0
while IFS=$'\t' read -r unit field kind measure; do
  i=$((i + 1)); user=$(printf 'u%02d' "$i")
  echo "$user-secret" | "$BIN" user add "$user" --unit "$unit" --role unit --city wenzhou --password-stdin --db "$DB" >/dev/null
  printf '%s\t%s\t%s\t%s\t%s\n' "$user" "$unit" "$field" "$kind" "$measure" >> "$tmp/units.tsv"
done < "$tmp/units0.tsv"
echo office1-secret | "$BIN" user add office1 --unit 市经信局 --role office --city wenzhou --password-stdin --db "$DB" >/dev/null
for l in leader1 leader2; do
  echo $l-secret | "$BIN" user add $l --unit 市经信局 --role leader --city wenzhou --password-stdin --db "$DB" >/dev/null
done

"$BIN" serve --db "$DB" --listen 127.0.0.1:0 --workers "$WORKERS" >"$tmp/out.txt" 2>"$tmp/log.txt" &
pid=$!
for _ in $(seq 100); do grep -q http "$tmp/out.txt" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$tmp/out.txt")
echo "serve_load: policytk serve --workers $WORKERS at $url, $(wc -l < "$tmp/units.tsv") units"
rc=0
"$PY" bench/serve_load.py run "$url" wenzhou "$tmp/units.tsv" "${READERS-office1,leader1,leader2}" "$SAVES" "$tmp/sent.json" || rc=1
kill -TERM "$pid"; wait "$pid" || { echo "serve_load: the server did not stop cleanly"; rc=1; }
pid=
# a server error is shown with its logged cause (the traceback never reaches the client)
grep -v -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' "$tmp/log.txt" | grep -v '^policytk serve: 已停止' | head -20 || true
"$PY" bench/serve_load.py check "$DB" "$tmp/sent.json" || rc=1
# the server's own time per request (its log: … METHOD PATH STATUS MS …)
"$PY" - "$tmp/log.txt" "$tmp/sent.json" <<'PY' || rc=1
import json, re, sys
ms = {"POST save": [], "GET 驾驶舱": []}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"\b(GET|POST) (\S+) (\d{3}) ([\d.]+) ?ms", line)
    if not m: continue
    key = "POST save" if m.group(1) == "POST" and m.group(2).endswith("/submit") else \
          "GET 驾驶舱" if m.group(1) == "GET" and m.group(2) == "/city/wenzhou/" else None
    if key: ms[key].append(float(m.group(4)))
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")
for k, xs in ms.items():
    print("serve_load: in the server (its log): %s: %d, p50 %.1f ms, p99 %.1f ms" % (k, len(xs), pct(xs, 50), pct(xs, 99)))
r = json.load(open(sys.argv[2]))
# The goal is judged on the server's own time per save (its log): the clients post back to
# back (closed loop), so their latency is mostly the wait behind the other 32 clients on the
# machine's cores — printed beside it, never hidden.
sp = pct(ms["POST save"], 99)
print("serve_load: save p99 in the server %.1f ms (goal < 20 ms) %s; at the client %.1f ms, of which queueing "
      "behind the other clients (closed loop on this machine's cores)" % (sp, "MET" if sp < 20 else "NOT MET", r["p99"]))
print("serve_load: answers other than 303/200: %d (goal 0) %s" % (r["bad"], "MET" if r["bad"] == 0 else "NOT MET"))
sys.exit(1 if r["bad"] else 0)
PY
exit $rc
