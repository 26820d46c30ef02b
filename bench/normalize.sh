#!/bin/bash
# bench/normalize.sh: normalize + extract over the four source texts concatenated REPEAT
# times (default 100). Runs `policytk normalize` and `policytk extract` RUNS times each
# (default 3) on the whole input and prints every wall-clock time, the median and the
# fastest as MB/s, and the CPU time (user + sys) of each run — the machine is shared, so
# wall time swings when other work runs. extract (normalize + extract) is compared with
# the goal of 20 MB/s on its median. The Python baseline (bench/normalize_py.py, OpenCC
# command line) runs once for the same normalization, with the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
REPEAT=${REPEAT:-100}
RUNS=${RUNS:-3}
SEEDS=${POLICYTK_SEEDS:-../shared/seeds}
export POLICYTK_HOME=$PWD
compgen -G "$SEEDS/*.txt" >/dev/null || { echo "bench/normalize.sh: no source texts in $SEEDS (POLICYTK_SEEDS=… make bench)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for _ in $(seq "$REPEAT"); do cat "$SEEDS"/*.txt; done > "$tmp/in.txt"
mb=$(awk -v b="$(stat -c %s "$tmp/in.txt")" 'BEGIN { printf "%.2f", b / 1048576 }')
# one run: "wall cpu" in seconds (bash's time: real, user + sys of the command)
run() {
  local TIMEFORMAT="%R %U %S"
  { time "$@" >/dev/null 2>&1; } 2> "$tmp/time"
  awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$tmp/time"
}
rate() { awk -v m="$mb" -v t="$1" 'BEGIN { printf "%.1f", (t > 0 ? m / t : 0) }'; }
# bench NAME CMD...: RUNS runs; prints one line, sets MEDIAN and BEST (wall seconds)
bench() {
  local name=$1; shift
  local walls=() cpus=() r
  for _ in $(seq "$RUNS"); do
    r=$(run "$@"); walls+=("${r% *}"); cpus+=("${r#* }")
  done
  MEDIAN=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  BEST=$(printf '%s\n' "${walls[@]}" | sort -n | head -1)
  printf '%-34s: median %s s %5s MB/s, best %s s %5s MB/s  (wall %s; cpu %s)\n' "$name" \
    "$MEDIAN" "$(rate "$MEDIAN")" "$BEST" "$(rate "$BEST")" "${walls[*]}" "${cpus[*]}"
}
echo "input: $mb MB (four source texts x $REPEAT), $RUNS runs each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$REPEAT" -lt 100 ]; then echo "note: REPEAT=$REPEAT; the issue's figure is for REPEAT=100 (the default)"; fi
bench "policytk normalize" "$BUILD/policytk" normalize "$tmp/in.txt" -q -o "$tmp/out.txt"
tn=$MEDIAN
bench "policytk extract (incl. normalize)" "$BUILD/policytk" extract "$tmp/in.txt" -o "$tmp/out.json"
echo "extract goal 20 MB/s: median $(rate "$MEDIAN") MB/s, ratio $(awk -v r="$(rate "$MEDIAN")" 'BEGIN { printf "%.2f", r / 20 }'); best $(rate "$BEST") MB/s, ratio $(awk -v r="$(rate "$BEST")" 'BEGIN { printf "%.2f", r / 20 }')"
if [ -x /usr/bin/time ]; then
  peak=$(/usr/bin/time -f %M "$BUILD/policytk" normalize "$tmp/in.txt" -q -o /dev/null 2>&1 >/dev/null | tail -1)
  echo "policytk normalize peak RSS : $((peak / 1024)) MB for $mb MB of input (pieces of 4 MiB; tests/lua/extract/test_normalize_stream.lua checks 100 MB)"
fi
if command -v opencc >/dev/null && command -v python3 >/dev/null; then
  r=$(run python3 bench/normalize_py.py "$tmp/in.txt" "$tmp/out_py.txt"); tp=${r% *}
  echo "python normalize (opencc CLI)      : $tp s $(rate "$tp") MB/s (one run)   policytk normalize (median) / python = $(awk -v a="$tp" -v b="$tn" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')x faster"
else
  echo "python baseline skipped: opencc command line not installed (Debian package opencc)"
fi
