#!/bin/bash
# bench/normalize.sh: normalize + extract over the four source texts concatenated REPEAT
# times (default 100). Prints MB/s for `policytk normalize`, for `policytk extract`, and for
# normalize + extract together against the goal of 20 MB/s, and the Python baseline
# (bench/normalize_py.py, OpenCC command line) for the same normalization, with the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
REPEAT=${REPEAT:-100}
SEEDS=${POLICYTK_SEEDS:-../shared/seeds}
export POLICYTK_HOME=$PWD
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for _ in $(seq "$REPEAT"); do cat "$SEEDS"/*.txt; done > "$tmp/in.txt"
mb=$(awk -v b="$(stat -c %s "$tmp/in.txt")" 'BEGIN { printf "%.2f", b / 1048576 }')
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f", b - a }'; }
tn=$(secs "$BUILD/policytk" normalize "$tmp/in.txt" -q -o "$tmp/out.txt")
tx=$(secs "$BUILD/policytk" extract "$tmp/in.txt" -o "$tmp/out.json")
rate() { awk -v m="$mb" -v t="$1" 'BEGIN { printf "%.2f", (t > 0 ? m / t : 0) }'; }
echo "input: $mb MB (four source texts x $REPEAT)"
if [ "$REPEAT" -lt 100 ]; then echo "note: REPEAT=$REPEAT; the issue's figure is for REPEAT=100 (the default)"; fi
echo "policytk normalize          : $tn s  $(rate "$tn") MB/s"
echo "policytk extract (incl. normalize): $tx s  $(rate "$tx") MB/s   goal 20 MB/s, ratio $(awk -v r="$(rate "$tx")" 'BEGIN { printf "%.2f", r / 20 }')"
if [ -x /usr/bin/time ]; then
  peak=$(/usr/bin/time -f %M "$BUILD/policytk" normalize "$tmp/in.txt" -q -o /dev/null 2>&1 >/dev/null | tail -1)
  echo "policytk normalize peak RSS : $((peak / 1024)) MB for $mb MB of input (pieces of 4 MiB; tests/lua/test_normalize_stream.lua checks 100 MB)"
fi
if command -v opencc >/dev/null && command -v python3 >/dev/null; then
  tp=$(secs python3 bench/normalize_py.py "$tmp/in.txt" "$tmp/out_py.txt")
  echo "python normalize (opencc CLI): $tp s  $(rate "$tp") MB/s   policytk normalize / python = $(awk -v a="$tp" -v b="$tn" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')x"
else
  echo "python baseline skipped: opencc command line not installed (Debian package opencc)"
fi
