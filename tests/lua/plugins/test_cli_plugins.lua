-- CLI tests: the built binary on fixture plugins (tests/fixtures/plugins/CASE/ID). Each bad
-- input must give its named error and exit code, and never stop the other plugins.

local testing = require "policytk.testing"
local core = require "policytk.core"

local FIXTURES = core.root .. "/tests/fixtures/plugins/"

-- policytk VERB with only the fixture CASE on the plugin path
local function with_fixture(case, args, extra_env)
  local env = { POLICYTK_PLUGIN_PATH = FIXTURES .. case, POLICYTK_DEFAULT_PLUGINS = "0",
                POLICYTK_SEEDS = core.root .. "/tests/fixtures/seeds" }
  for k, v in pairs(extra_env or {}) do env[k] = v end
  return testing.policytk(args, { env = env, cwd = core.root })
end

test("good plugin: listed ok, check passes", function(t)
  local code, out, err = with_fixture("good", { "plugins" })
  t.eq(code, 0, err)
  t.match(out, "good%s+测试市%s+0%.0%.1%s+d1%s+1%s+0%s+正常")
  code, out = with_fixture("good", { "check" })
  t.eq(code, 0, out)
  t.match(out, "^4 passed, 0 failed\n$")
end)

test("syntax error: file and line", function(t)
  local code, _, err = with_fixture("syntax", { "plugins" })
  t.eq(code, 1)
  t.match(err, "tests/fixtures/plugins/syntax/syntax/docs/broken%.lua:3: syntax error: unexpected symbol near '='")
end)

test("plugin.lua returning a non-table", function(t)
  local code, _, err = with_fixture("nontable", { "plugins" })
  t.eq(code, 1)
  t.match(err, "nontable/plugin%.lua: plugin%.lua must return the manifest table %(return plugin{ … }%); got \"温州\"")
end)

test("wrong type: path, field, expected and got", function(t)
  local code, _, err = with_fixture("wrongtype", { "plugins" })
  t.eq(code, 1)
  t.match(err, "wrongtype/docs/d1%.lua:%d+: targets%[1%]%(T01%)%.value: expected a number; got \"十万\"")
end)

test("unknown field is an error naming it, with a suggestion", function(t)
  local code, _, err = with_fixture("unknownfield", { "plugins" })
  t.eq(code, 1)
  t.match(err, "targets%[1%]%(T01%)%.comparatr: unknown field %(did you mean \"comparator\"%?%)")
  t.match(err, "targets%[1%]%(T01%)%.comparator: required field is missing")
end)

test("several errors in one file: all reported", function(t)
  local code, _, err = with_fixture("several", { "plugins" })
  t.eq(code, 1)
  t.match(err, "有 4 个问题")
  t.match(err, "d1%.lua:8: targets%[1%]%(T01%)%.unit: expected one of")
  t.match(err, "d1%.lua:8: targets%[1%]%(T01%)%.comparator: expected one of \">=\", \"<=\", \"~\", \"=\"; got \"≥\"")
  t.match(err, "d1%.lua:8: targets%[1%]%(T01%)%.deadline: expected an ISO date YYYY%-MM%-DD; got \"2025%-13%-01\"")
  t.match(err, "d1%.lua:8: targets%[1%]%(T01%)%.indicator: unknown indicator \"no_such_indicator\"")
end)

test("duplicate target id", function(t)
  local code, _, err = with_fixture("dupids", { "plugins" })
  t.eq(code, 1)
  t.match(err, "dupids/docs/d1%.lua:10: targets%[2%]%(T01%)%.id: duplicate target id \"T01\" in document d1")
end)

test("a loop that never ends is stopped by the instruction budget", function(t)
  local code, _, err = with_fixture("loop", { "plugins" }, { POLICYTK_LIMIT_INSTRUCTIONS = "2000000" })
  t.eq(code, 1)
  t.match(err, "loop/docs/loop%.lua: plugin loop: loading docs/loop%.lua: instruction limit of 2000000 exceeded")
end)

test("allocating without bound is stopped by the memory budget", function(t)
  local code, _, err = with_fixture("bomb", { "plugins" }, { POLICYTK_LIMIT_MEMORY = "16777216" })
  t.eq(code, 1)
  t.match(err, "bomb/docs/bomb%.lua: plugin bomb: loading docs/bomb%.lua: memory limit of 16777216 bytes exceeded")
end)

test("os.execute and io.open are not available to plugins", function(t)
  os.remove("/tmp/policytk-sandbox-escaped")
  local code, _, err = with_fixture("osexec", { "plugins" })
  t.eq(code, 1)
  t.match(err, "escape%.lua:2: plugin osexec: 'os' is not available in the plugin sandbox")
  code, _, err = with_fixture("ioopen", { "plugins" })
  t.eq(code, 1)
  t.match(err, "escape%.lua:2: plugin ioopen: 'io' is not available in the plugin sandbox")
  t.eq(io.open("/tmp/policytk-sandbox-escaped"), nil, "the sandbox was escaped")
end)

test("missing manifest", function(t)
  local code, _, err = with_fixture("nomanifest", { "plugins" })
  t.eq(code, 1)
  t.match(err, "nomanifest/nomanifest: missing manifest plugin%.lua")
end)

test("a broken plugin is named and the others still load", function(t)
  local code, out, err = with_fixture("mixed", { "plugins" })
  t.eq(code, 1)
  t.match(out, "good%s+测试市.-正常")
  t.match(out, "syntax%s+测试市.-有问题")
  t.match(err, "插件 syntax 有 1 个问题")
  code, out = with_fixture("mixed", { "check", "good" })
  t.eq(code, 0, out)
end)

test("POLICYTK_PLUGIN_PATH naming a folder that does not exist", function(t)
  local code, out, err = testing.policytk({ "plugins" }, {
    env = { POLICYTK_PLUGIN_PATH = "/nonexistent/plugins:" .. FIXTURES .. "good", POLICYTK_DEFAULT_PLUGINS = "0" } })
  t.eq(code, 1)
  t.match(err, "POLICYTK_PLUGIN_PATH: /nonexistent/plugins: no such folder")
  t.match(out, "good%s+测试市")
end)

test("check names an unknown plugin and suggests the nearest", function(t)
  local code, out = with_fixture("mixed", { "check", "god" })
  t.eq(code, 1)
  t.match(out, "no plugin named \"god\" %(did you mean \"good\"%?%)")
end)

test("a verb that does not exist suggests the nearest (exit 2)", function(t)
  local code, _, err = testing.policytk({ "plugns" })
  t.eq(code, 2)
  t.match(err, "未知动词 'plugns'；是否要用 'plugins'？")
end)

test("an unknown option is a usage error (exit 2)", function(t)
  local code, _, err = testing.policytk({ "plugins", "--fromat", "json" })
  t.eq(code, 2)
  t.match(err, "未知选项 %-%-fromat（是否要用 %-%-format？）")
end)

test("every verb answers --help with its usage (exit 0)", function(t)
  local cli = require "policytk.cli"
  local verbs = cli.verbs()
  t.ok(#verbs >= 8)
  for _, v in ipairs(verbs) do
    local code, out = testing.policytk({ v, "--help" })
    t.eq(code, 0, v .. " --help")
    t.match(out, "^用法：policytk " .. v:gsub("%-", "%%-"), v .. " --help")
  end
end)

test("--version and help", function(t)
  local code, out = testing.policytk({ "--version" })
  t.eq(code, 0)
  t.match(out, "^policytk %d+%.%d+%.%d+ %(Lua 5%.4")
  code, out = testing.policytk({})
  t.eq(code, 0)
  t.match(out, "动词：")
end)

test("run: arg as in lua, exit code from the script, errors with file:line", function(t)
  local tmp = os.tmpname()
  local f = assert(io.open(tmp, "w"))
  f:write('print(arg[0] ~= nil, arg[1], arg[2], #arg)\nif arg[1] == "fail" then error("boom") end\nreturn 3\n')
  f:close()
  local code, out = testing.policytk({ "run", tmp, "a", "b" })
  t.eq(code, 3)
  t.eq(out, "true\ta\tb\t2\n")
  local code2, _, err = testing.policytk({ "run", tmp, "fail" })
  t.eq(code2, 1)
  t.match(err, ":2: boom")
  os.remove(tmp)
end)

test("run --sandbox: no os/io, and the limits apply", function(t)
  local tmp = os.tmpname()
  local f = assert(io.open(tmp, "w"))
  f:write('local n = tonumber(arg[1])\nif n == 1 then os.execute("true") end\nwhile n == 2 do end\nreturn 0\n')
  f:close()
  local code, _, err = testing.policytk({ "run", "--sandbox", tmp, "1" })
  t.eq(code, 1)
  t.match(err, ":2: script .-: 'os' is not available in the plugin sandbox")
  code, _, err = testing.policytk({ "run", "--sandbox", tmp, "2" }, { env = { POLICYTK_LIMIT_INSTRUCTIONS = "100000" } })
  t.eq(code, 1)
  t.match(err, "instruction limit of 100000 exceeded")
  code = testing.policytk({ "run", "--sandbox", tmp, "3" })
  t.eq(code, 0)
  os.remove(tmp)
end)

test("eval prints values; errors exit 1", function(t)
  local code, out = testing.policytk({ "eval", "1 + 1" })
  t.eq(code, 0)
  t.eq(out, "2\n")
  code, out = testing.policytk({ "eval", "require('policytk.json').encode({a = 1})" })
  t.eq(code, 0)
  t.eq(out, '{"a":1}\n')
  local code2, _, err = testing.policytk({ "eval", "error('x')" })
  t.eq(code2, 1)
  t.match(err, "x")
end)

test("repl reads lines, prints values, continues incomplete input", function(t)
  local code, out = testing.policytk({ "repl" }, { stdin = "1 + 2\nfor i = 1, 2 do\nprint(i)\nend\n" })
  t.eq(code, 0)
  t.match(out, "3\n")
  t.match(out, "1\n2\n")
end)

test("benefit conditions: every bad `when` named with file, line and path; a rule needs a test", function(t)
  local code, _, err = with_fixture("badwhen", { "plugins" })
  t.eq(code, 1)
  t.match(err, "插件 badwhen 有 5 个问题")
  local f = "badwhen/badwhen/benefits%.lua:"
  t.match(err, f .. "6: when%[1%]%.field: unknown field \"revnue\"")
  t.match(err, f .. "6: when%[2%]%.at: revenue is per year")
  t.match(err, f .. "6: when%[3%]%.in_force: unknown param \"elsewhere\"")
  t.match(err, f .. "6: when%[4%]: has more than one test: eq, ne")
  t.match(err, f .. "18: eligible: a benefit needs eligible%(firm, year, ctx%), when = { … } conditions, or both")
end)

test("one commitment encoded twice is a named problem (policytk.plugins.duplicates)", function(t)
  local code, _, err = with_fixture("dupcommit", { "plugins" })
  t.eq(code, 1)
  t.match(err, "dupcommit/docs/d1%.lua:%d+: targets%[2%]%(T02%): the same commitment as T01 %(same indicator, "
    .. "value and unit; both quotes say \"新增中小微企业10万家\"%): one commitment is one target")
end)
