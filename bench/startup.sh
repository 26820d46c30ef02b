#!/usr/bin/env bash
# bench/startup.sh — start-up cost: `policytk plugins` on the bundled plugins against
# `lua5.4 -e ''`, measured side by side with hyperfine. Goal: median ≤ 3× lua5.4.
# Prints both medians and the ratio; exits 0 either way (a benchmark reports, it does not gate).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
command -v hyperfine >/dev/null || { echo "startup: hyperfine is not installed (make deps)"; exit 1; }
"$BIN" plugins >/dev/null 2>&1 || true          # warm the plugin summary cache
out=$(mktemp)
hyperfine -N -w 5 -r 50 --export-json "$out" "lua5.4 -e ''" "$BIN plugins" >/dev/null 2>&1 || \
  hyperfine -N -i -w 5 -r 50 --export-json "$out" "lua5.4 -e ''" "$BIN plugins" >/dev/null
lua5.4 - "$out" <<'LUA'
local f = assert(io.open(arg[1])); local text = f:read("a"); f:close()
local json = require "cjson"
local r = json.decode(text).results
local a, b = r[1].median * 1000, r[2].median * 1000
print(string.format("startup: lua5.4 -e ''  median %.2f ms", a))
print(string.format("startup: policytk plugins median %.2f ms", b))
print(string.format("startup: ratio %.2fx (goal <= 3x) %s", b / a, b / a <= 3 and "MET" or "NOT MET"))
LUA
rm -f "$out"
