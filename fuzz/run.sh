#!/bin/bash
# fuzz/run.sh BUILD SECONDS HARNESS…: run each libFuzzer harness BUILD/harness/fuzz_NAME (made by
# make fuzz) for SECONDS: first once on its kept inputs (fuzz/regressions/NAME, -runs=0), then
# fuzzing on BUILD/corpus_NAME (kept between runs) with its seeds: fuzz/seeds/NAME/ and those
# made at run time (BUILD/seeds/xlsx for xlsx, BUILD/seeds/text for the text harnesses). Prints
# one line per harness from libFuzzer's final stats (execs, execs/s, cov, ft, corpus); a crash,
# sanitizer report, leak, timeout or out-of-memory leaves its input in BUILD/crashes_NAME/ and
# makes the run fail once every harness has run. The whole log is BUILD/log_NAME.txt.
set -uo pipefail
build=${1:?build folder}; secs=${2:?seconds}; shift 2
export POLICYTK_HOME=${POLICYTK_HOME:-$PWD} POLICYTK_LOG=quiet
TEXT_HARNESSES=" quantity normalize structure csv credit plugin "
failed=()
printf '%-10s %12s %9s %7s %8s %8s\n' harness execs execs/s cov ft corpus
for h in "$@"; do
  bin=$build/harness/fuzz_$h log=$build/log_$h.txt crashes=$build/crashes_$h
  mkdir -p "$build/corpus_$h" "$crashes"
  : > "$log"
  if [ -d "fuzz/regressions/$h" ] && [ -n "$(ls -A "fuzz/regressions/$h")" ]; then
    if ! "$bin" -runs=0 -artifact_prefix="$crashes/" fuzz/regressions/"$h"/* >>"$log" 2>&1; then
      echo "fuzz_$h: a kept regression input fails again (fuzz/regressions/$h; $log)"
      failed+=("$h"); continue
    fi
  fi
  seeds=()
  [ -d "fuzz/seeds/$h" ] && seeds+=("fuzz/seeds/$h")
  [ "$h" = xlsx ] && seeds+=("$build/seeds/xlsx")
  [[ $TEXT_HARNESSES == *" $h "* ]] && seeds+=("$build/seeds/text")
  "$bin" -max_total_time="$secs" -max_len=65536 -rss_limit_mb=4096 -timeout=30 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "$build/corpus_$h" "${seeds[@]}" >>"$log" 2>&1
  rc=$?
  done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED).*cov:' "$log" | tail -1)
  field() { sed -nE "s/.* $1: ([0-9]+).*/\\1/p" <<<"$done_line"; }
  execs=$(sed -nE 's/^stat::number_of_executed_units:[[:space:]]+([0-9]+)/\1/p' "$log" | tail -1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec:[[:space:]]+([0-9]+)/\1/p' "$log" | tail -1)
  printf '%-10s %12s %9s %7s %8s %8s\n' "$h" "${execs:-?}" "${rate:-?}" "$(field cov)" "$(field ft)" "$(field corp)"
  findings=$(find "$crashes" -type f ! -name 'slow-unit-*' | sort)
  if [ "$rc" -ne 0 ] || [ -n "$findings" ]; then
    echo "fuzz_$h: FINDING (exit $rc) — inputs kept in $crashes/:"
    echo "$findings" | sed 's/^/  /'
    grep -E 'ERROR|SUMMARY|invariant|fuzz: ' "$log" | head -5 | sed 's/^/  /'
    failed+=("$h")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "make fuzz: findings in ${failed[*]} (fuzz/README.md: a crash file becomes a regression test)"
  exit 1
fi
echo "make fuzz: no findings in $# harness(es), $secs s each"
