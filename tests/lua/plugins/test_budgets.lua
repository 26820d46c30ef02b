-- Budgets that hold whatever the code does (issue 18; docs/plugins.md, "Budgets"): each form
-- that used to run forever, in a plugin file (policytk check), a benefit rule (policytk eval
-- over policytk.benefits), a report builder's result and a `run --sandbox` script. Every
-- command runs under `timeout`: a test fails if the command has to be killed, and checks that
-- the error names the plugin (or script), the file or rule, and the budget that stopped it.

local core = require "policytk.core"

local FIXTURES = core.root .. "/tests/fixtures/plugins/"
local LIMIT = 30          -- seconds before a command counts as hung (ASan included)

local function q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

local function read_all(path)
  local f = io.open(path, "rb")
  if not f then return "" end
  local s = f:read("a")
  f:close()
  os.remove(path)
  return s
end

-- policytk ARGS with env, under timeout: code, stdout, stderr; code 124 = killed
local function run(args, env)
  local parts = { "cd", q(core.root), "&&", "env" }
  for k, v in pairs(env or {}) do parts[#parts + 1] = k .. "=" .. q(v) end
  parts[#parts + 1] = "timeout -k 5 " .. LIMIT
  parts[#parts + 1] = q(os.getenv("POLICYTK_EXE") or "policytk")
  for _, a in ipairs(args) do parts[#parts + 1] = q(a) end
  local out, err = os.tmpname(), os.tmpname()
  local _, _, code = os.execute(table.concat(parts, " ") .. " >" .. out .. " 2>" .. err .. " </dev/null")
  return code, read_all(out), read_all(err)
end

local function plugin_env(case, extra)
  local env = { POLICYTK_PLUGIN_PATH = FIXTURES .. case, POLICYTK_DEFAULT_PLUGINS = "0",
                POLICYTK_SEEDS = core.root .. "/tests/fixtures/seeds",
                POLICYTK_LIMIT_INSTRUCTIONS = "5000000" }
  for k, v in pairs(extra or {}) do env[k] = v end
  return env
end

local function check(t, case, extra)
  local code, out, err = run({ "check" }, plugin_env(case, extra))
  t.ok(code ~= 124, "policytk check on " .. case .. " did not end within " .. LIMIT .. " s")
  t.eq(code, 1, out .. err)
  return out .. err
end

-- Plugin files --------------------------------------------------------------------------

test("plugin: an xpcall whose message handler loops is stopped by the instruction budget", function(t)
  local out = check(t, "budget_xpcall")
  t.match(out, "bxpcall/docs/handler%.lua: plugin bxpcall: loading docs/handler%.lua: instruction limit of 5000000 exceeded")
end)

test("plugin: a __gc finaliser is refused (it would run after every budget)", function(t)
  local out = check(t, "budget_gc")
  t.match(out, "bgc/docs/finaliser%.lua:5: setmetatable: __gc %(finalisers%) is not available in the plugin sandbox")
end)

test("plugin: an exponentially backtracking pattern is stopped by the instruction budget", function(t)
  local out = check(t, "budget_pattern")
  t.match(out, "bpattern/docs/pattern%.lua: plugin bpattern: loading docs/pattern%.lua: instruction limit of 5000000 exceeded")
end)

test("plugin: the same pattern with the default budgets is stopped by the clock", function(t)
  local out = check(t, "budget_pattern", { POLICYTK_LIMIT_INSTRUCTIONS = "", POLICYTK_LIMIT_SECONDS = "1" })
  t.match(out, "bpattern/docs/pattern%.lua: plugin bpattern: loading docs/pattern%.lua: [a-z]+ limit of")
end)

test("plugin: an error object whose __tostring loops is converted under a budget of its own", function(t)
  local out = check(t, "budget_tostring")
  t.match(out, "btostring/docs/errobj%.lua: plugin btostring: loading docs/errobj%.lua: error object: "
    .. "instruction limit of 1000000 exceeded %(its __tostring, run to report the error%)")
end)

test("plugin: a declaration whose __index/__pairs/__len loop is validated raw", function(t)
  local out = check(t, "budget_index")
  t.match(out, "bindex/docs/d1%.lua:[-%d]+: title: required field is missing")
end)

test("plugin: a manifest cannot opt out of the budgets (caps; out-of-bounds values keep the defaults)", function(t)
  local out = check(t, "budget_optout")
  t.match(out, "boptout/plugin%.lua:[-%d]+: limits%.instructions: must be <= 10000000000; got 9223372036854775807")
  t.match(out, "boptout/plugin%.lua:[-%d]+: limits%.memory: must be <= 2147483648")
  t.match(out, "boptout/plugin%.lua:[-%d]+: limits%.seconds: must be a finite number")
  t.match(out, "boptout/docs/loop%.lua: plugin boptout: loading docs/loop%.lua: instruction limit of 5000000 exceeded")
end)

test("plugin: a loop under the default instruction budget is stopped by the time budget", function(t)
  local out = check(t, "loop", { POLICYTK_LIMIT_INSTRUCTIONS = "", POLICYTK_LIMIT_SECONDS = "1" })
  t.match(out, "loop/docs/loop%.lua: plugin loop: loading docs/loop%.lua: time limit of 1 seconds exceeded")
end)

-- Benefit rules -------------------------------------------------------------------------

local EVAL = 'local p = assert(require("policytk.plugins").load_valid("brules")) '
  .. 'local e = require("policytk.benefits").evaluate_all(p, p.benefits, { name = arg[1], credit_code = "" }, 2024)[1] '
  .. 'return "amount=" .. tostring(e.amount) .. " error=" .. tostring(e.error) .. " reason=" .. tostring(e.reason)'

local function rule(t, form)
  local code, out, err = run({ "eval", EVAL, form }, plugin_env("budget_rules"))
  t.ok(code ~= 124, "the rule form " .. form .. " did not end within " .. LIMIT .. " s")
  t.eq(code, 0, err)
  return out
end

test("benefit rule: each form ends, and the error names plugin, rule and budget", function(t)
  for _, form in ipairs({ "xpcall", "pattern", "tostring", "reason" }) do
    t.match(rule(t, form), "amount=0 error=plugin brules: benefit forms: firm " .. form
      .. ": instruction limit of 5000000 exceeded", form)
  end
  t.match(rule(t, "gc"), "error=plugin brules: benefit forms: firm gc: .-brules/benefits%.lua:%d+: setmetatable: __gc")
  -- an amount object with looping metamethods is made text inside the budget
  t.match(rule(t, "amount"), "error=plugin brules: benefit forms: firm amount: instruction limit of 5000000 exceeded")
end)

-- run --sandbox -------------------------------------------------------------------------

local SCRIPT = "tests/fixtures/plugins/budget_scripts/forms.lua"

local function script(t, form, env)
  local code, out, err = run({ "run", "--sandbox", SCRIPT, form },
    env or { POLICYTK_LIMIT_INSTRUCTIONS = "5000000" })
  t.ok(code ~= 124, "run --sandbox " .. form .. " did not end within " .. LIMIT .. " s")
  return code, out .. err
end

test("run --sandbox: each form ends, naming the script and the budget", function(t)
  for _, form in ipairs({ "xpcall", "pattern" }) do
    local code, out = script(t, form)
    t.eq(code, 1, out)
    t.match(out, "script " .. SCRIPT:gsub("%p", "%%%0") .. ": instruction limit of 5000000 exceeded", form)
  end
  local code, out = script(t, "gc")
  t.eq(code, 1, out)
  t.match(out, "forms%.lua:6: setmetatable: __gc %(finalisers%) is not available in the plugin sandbox")
  code, out = script(t, "tostring")
  t.eq(code, 1, out)
  t.match(out, "forms%.lua: error object: instruction limit of 1000000 exceeded")
  code, out = script(t, "result")
  t.eq(code, 0, out)
  code, out = script(t, "time", { POLICYTK_LIMIT_SECONDS = "1" })
  t.eq(code, 1, out)
  t.match(out, "forms%.lua: time limit of 1 seconds exceeded")
end)

-- The host's caps and the budgeted matcher --------------------------------------------

test("sandbox: limits are capped by the host and never none", function(t)
  local sandbox = require "policytk.plugins.sandbox"
  local l = sandbox.effective_limits({ instructions = math.maxinteger, memory = math.maxinteger, seconds = math.huge })
  t.eq(l.instructions, core.max_instructions)
  t.eq(l.memory, core.max_memory)
  t.eq(l.seconds, core.max_seconds)
  l = sandbox.effective_limits({ instructions = 0, memory = -1, seconds = 0 / 0 })
  t.ok(l.instructions > 0 and l.memory > 0 and l.seconds > 0)
end)

test("the budgeted matcher matches as Lua's does, and charges its steps", function(t)
  require "policytk.plugins.sandbox"        -- installs it
  t.eq(select("#", ("hello world"):find("o w")), 2)
  t.eq(table.pack(("key = value"):match("^(%w+)%s*=%s*(%w+)$"))[2], "value")
  t.eq((("a,b,,c"):gsub(",", ";")), "a;b;;c")
  t.eq(("x(a(b)c)y"):match("%b()"), "(a(b)c)")
  t.eq(("THE (quick) fox"):find("%f[%a]%a+", 5), 6)
  local words = {}
  for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
  t.eq(table.concat(words, "|"), "one|two|three")
  local ok, msg, stopped = core.limited_call({ instructions = 100000, label = "m" }, string.find,
    ("a"):rep(40), ("a-"):rep(10) .. "b")
  t.eq(ok, false)
  t.eq(stopped, "instructions")
  t.match(msg, "^m: instruction limit of 100000 exceeded")
end)
