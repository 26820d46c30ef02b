-- Tests of `policytk help` (issue 18.20): the list reads each verb's summary from its file
-- without running it (cli.summary), and what it shows is, for every verb, the `summary` field
-- of the verb's own table — the verb file stays the one place a summary is written.

local testing = require "policytk.testing"
local cli = require "policytk.cli"

test("every verb's summary in `policytk help` is its module's summary field", function(t)
  local c, out, err = testing.policytk({ "help" })
  t.eq(c, 0, err)
  local verbs = cli.verbs()
  t.ok(#verbs > 20, #verbs .. " verbs")
  for _, name in ipairs(verbs) do
    local verb = cli.load_verb(name)
    t.ok(type(verb) == "table" and type(verb.summary) == "string" and verb.summary ~= "", name .. " has a summary")
    t.eq(cli.summary(name), verb.summary, name)
    local line = string.format("  %-12s %s", name, verb.summary)
    t.ok(out:find("\n" .. line .. "\n", 1, true), name .. ": `help` shows " .. line)
  end
end)

test("cli.summary reads the summary line without running the verb; nil for no verb", function(t)
  local c, out, err = testing.policytk({ "eval",
    'local s = require("policytk.cli").summary("match") return s, package.loaded["policytk.benefits.match"] == nil' })
  t.eq(c, 0, err)
  t.eq(out, "按惠企条款匹配企业应享政策（免申即享）\ttrue\n")
  t.eq(cli.summary("no-such-verb"), nil)
  t.eq(cli.summary("../etc"), nil)
end)
