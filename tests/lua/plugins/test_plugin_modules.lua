-- A plugin's own modules (policytk.plugins: `require` inside the sandbox): a helper file runs
-- once whether the loader or a require reaches it first, and every file gets the same table;
-- loops, missing modules and names that leave the plugin's folder are named errors.

local testing = require "policytk.testing"
local core = require "policytk.core"

local FIXTURES = core.root .. "/tests/fixtures/plugins/"

local function with_fixture(case, args)
  return testing.policytk(args, { cwd = core.root, env = {
    POLICYTK_PLUGIN_PATH = FIXTURES .. case, POLICYTK_DEFAULT_PLUGINS = "0",
    POLICYTK_SEEDS = core.root .. "/tests/fixtures/seeds" } })
end

test("a helper module required by the manifest and a document runs once", function(t)
  local code, out, err = with_fixture("modules", { "plugins" })
  t.eq(code, 0, err)
  t.match(out, "modules%s+测试市%s+0%.0%.1%s+d1%s+1%s+0%s+正常")
end)

test("a require loop, a missing module and a name outside the plugin are named", function(t)
  local code, _, err = with_fixture("modloop", { "plugins" })
  t.eq(code, 1)
  t.match(err, "docs/b%.lua:2: require: \"docs%.a\" is still loading: a loop of requires leads back to it")
  t.match(err, "docs/c%.lua: require: plugin modloop has no module \"no_such_module\" %(no file no_such_module%.lua%)")
  t.match(err, "plugins may require only their own files by module name")
end)

test("the Wenzhou benefit files share one helper module", function(t)
  local f = assert(io.open(core.root .. "/plugins/wenzhou/benefits.lua", "rb"))
  local src = f:read("a")
  f:close()
  t.match(src, 'require "common"')
  t.eq(select(2, src:gsub("loan_requested%s*$", "")), 0)
  t.ok(not src:find("local asked = ", 1, true), "the 最高 loan amount is written in benefits.lua again")
end)
