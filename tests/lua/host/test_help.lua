-- Tests of `policytk help` (issue 18.20): the list reads each verb's summary from its file
-- without running it (cli.summaries; every verb file, also one whose table another module
-- builds, states it on a `  summary = "…",` line), and what it shows is, for every verb, the
-- `summary` field of the verb's own table — the verb file stays the one place a summary is
-- written.

local testing = require "policytk.testing"
local cli = require "policytk.cli"

-- Every verb's line in help's output is its loaded table's summary.
local function shows_each_summary(t, out, what)
  local verbs = cli.verbs()
  t.ok(#verbs > 20, #verbs .. " verbs")
  for _, name in ipairs(verbs) do
    local verb = cli.load_verb(name)
    t.ok(type(verb) == "table" and type(verb.summary) == "string" and verb.summary ~= "", name .. " has a summary")
    t.eq(cli.summary(name), verb.summary, name)
    local line = string.format("  %-12s %s", name, verb.summary)
    t.ok(out:find("\n" .. line .. "\n", 1, true), what .. ": `help` shows " .. line)
  end
end

test("every verb's summary in `policytk help` is its module's summary field", function(t)
  local c, out, err = testing.policytk({ "help" })
  t.eq(c, 0, err)
  shows_each_summary(t, out, "help")
end)

test("every verb file states its summary on a summary line (help runs no verb)", function(t)
  local c, out, err = testing.policytk({ "eval", [[
local cli = require "policytk.cli"
local before = {}
for k in pairs(package.loaded) do before[k] = true end
cli.summaries()
local loaded = {}
for k in pairs(package.loaded) do if not before[k] then loaded[#loaded + 1] = k end end
table.sort(loaded)
return table.concat(loaded, ",")]] })
  t.eq(c, 0, err)
  t.eq(out, "\n", "modules loaded to list the summaries: " .. out)
end)

test("cli.summary reads the summary line without running the verb; nil for no verb", function(t)
  local c, out, err = testing.policytk({ "eval",
    'local s = require("policytk.cli").summary("match") return s, package.loaded["policytk.benefits.match"] == nil' })
  t.eq(c, 0, err)
  t.eq(out, "按惠企条款匹配企业应享政策（免申即享）\ttrue\n")
  t.eq(cli.summary("no-such-verb"), nil)
  t.eq(cli.summary("../etc"), nil)
end)
