#!/bin/bash
# fuzz/seed_corpus.sh SEEDS OUT: build a seed corpus at run time from the source texts in
# SEEDS (each text, and pieces of 40 lines of it), into OUT/. Nothing is kept in the repo.
set -euo pipefail
seeds=${1:?seeds folder}; out=${2:?output folder}
mkdir -p "$out"
if ! compgen -G "$seeds/*.txt" >/dev/null; then
  # a fresh clone has no ../shared/seeds: the corpus is the short pieces below alone
  [ "${CI:-}" = true ] && { echo "seed_corpus: no source texts in $seeds (CI=true: a failure)" >&2; exit 1; }
  echo "seed_corpus: no source texts in $seeds; the corpus is the built-in pieces (POLICYTK_SEEDS=… make fuzz)" >&2
fi
for f in "$seeds"/*.txt; do
  [ -f "$f" ] || continue
  b=$(basename "$f" .txt)
  cp "$f" "$out/$b.full"
  split -l 40 -d -a 3 "$f" "$out/$b.part."
done
printf '超1.1万亿元' > "$out/q1"; printf '1..2万' > "$out/q2"; printf '亿亿' > "$out/q3"
printf '到2023年底,新增10—20家(市市场监管局牵头)' > "$out/q4"
