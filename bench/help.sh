#!/usr/bin/env bash
# bench/help.sh — `policytk help` (every verb with its summary) against `lua5.4 -e ''`, side by
# side with hyperfine (make deps installs it). Goal (issue 18.20): median <= 3x lua5.4, as the
# other verbs are; before, help loaded every verb's module for its summary: 25 ms, 16x.
# Also, for comparison, what help did before: every verb's file loaded (policytk eval).
# Prints the medians and the ratio; exits 0 either way (a benchmark reports, it does not gate).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BUILD:-build}/policytk
command -v hyperfine >/dev/null || { echo "help: hyperfine is not installed (make deps)"; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
old="$BIN eval 'local cli = require \"policytk.cli\" for _, n in ipairs(cli.verbs()) do cli.load_verb(n) end'"
hyperfine -N -w 5 -r 50 --export-json "$out" "lua5.4 -e ''" "$BIN help" "$old" >/dev/null 2>&1 || \
  hyperfine -N -i -w 5 -r 50 --export-json "$out" "lua5.4 -e ''" "$BIN help" "$old" >/dev/null
lua5.4 - "$out" <<'LUA'
local f = assert(io.open(arg[1])); local text = f:read("a"); f:close()
local json = require "cjson"
local r = json.decode(text).results
local a, b = r[1].median * 1000, r[2].median * 1000
print(string.format("help: lua5.4 -e ''     median %.2f ms", a))
print(string.format("help: policytk help    median %.2f ms", b))
print(string.format("help: ratio %.2fx (goal <= 3x) %s", b / a, b / a <= 3 and "MET" or "NOT MET"))
local c = r[3].median * 1000
print(string.format("help: every verb loaded, as help did before: median %.2f ms (%.1fx lua5.4)", c, c / a))
LUA
