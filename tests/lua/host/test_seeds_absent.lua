-- A fresh clone has no ../shared/seeds: the tests that read a source text are skipped, with
-- one line saying how many and how to run them, and the run passes; under CI=true a missing
-- text is a failure naming it (issue 18.17). Run here on an empty POLICYTK_SEEDS folder:
-- `policytk test` on a file that reads the texts, `policytk check`, and the C tests of
-- policytk.text (beside the binary: BUILD/tests/test_text).

local testing = require "policytk.testing"
local fs = require "policytk.fs"

local empty = testing.tmp_path()
assert(fs.mkdirs(empty))

local READS = require("policytk.core").root .. "/tests/lua/extract/test_structure.lua"
local SKIP_LINE = "跳过 %d+ 个测试：缺少 %d+ 个源文本（" .. empty:gsub("%p", "%%%0")
  .. "）；要运行它们：POLICYTK_SEEDS=源文本所在文件夹 make test\n"

local function last_line(out) return out:match("([^\n]*)\n$") end

local function run(args, ci)
  return testing.policytk(args, { env = { POLICYTK_SEEDS = empty, CI = ci and "true" or "" } })
end

test("policytk test without the source texts: skipped, one line, and the run passes", function(t)
  local c, out, err = run({ "test", READS })
  t.eq(c, 0, out .. err)
  t.match(out, SKIP_LINE)
  t.match(last_line(out), "^%d+ passed, 0 failed, %d+ skipped$")
end)

test("policytk test without the source texts under CI=true: fails naming the text", function(t)
  local c, out = run({ "test", READS }, true)
  t.eq(c, 1)
  t.match(out, "source text " .. empty:gsub("%p", "%%%0") .. "/[%w_]+%.txt is absent")
  t.match(last_line(out), "^%d+ passed, [1-9]%d* failed$")
end)

test("policytk check without the source texts: quotes and plugin tests skipped, the run passes", function(t)
  local c, out, err = run({ "check" })
  t.eq(c, 0, out .. err)
  t.match(out, SKIP_LINE)
  t.eq(out:find("stack traceback", 1, true), nil)
  t.match(last_line(out), "^%d+ passed, 0 failed, %d+ skipped$")
  local c2, out2 = run({ "check" }, true)
  t.eq(c2, 1)
  t.match(out2, "hangzhou_sme_growth_plan_2021_2023_draft%.txt is absent")
end)

test("C tests of policytk.text without the source texts: skipped with the line, CI=true fails", function(t)
  local exe = os.getenv("POLICYTK_EXE") or "policytk"
  local bin = (exe:match("^(.*)/[^/]*$") or ".") .. "/tests/test_text"
  if not fs.stat(bin) then t.fail(bin .. " is not built (make test-c builds it)") end
  local function c_run(ci)
    local p = assert(io.popen(string.format("POLICYTK_SEEDS=%s CI=%s %s 2>&1; echo \"rc=$?\"",
      testing.shell_quote(empty), ci and "true" or "", testing.shell_quote(bin))))
    local out = p:read("a")
    p:close()
    return out
  end
  local out = c_run(false)
  t.match(out, "rc=0\n$")
  t.match(out, "跳过 3 个测试：缺少源文本")
  local strict = c_run(true)
  t.match(strict, "rc=[1-9]%d*\n$")
  t.match(strict, "seed text missing: " .. empty:gsub("%p", "%%%0") .. "/")
end)
