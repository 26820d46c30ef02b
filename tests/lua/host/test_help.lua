-- Tests of `policytk help` (issue 18.20): the list reads each verb's summary from its file
-- without running it (cli.summaries; the verbs whose table another module builds are loaded
-- once and cached), and what it shows is, for every verb, the `summary` field of the verb's
-- own table — the verb file stays the one place a summary is written; a stale cache is not
-- believed.

local testing = require "policytk.testing"
local cli = require "policytk.cli"

local function help(cache)
  return testing.policytk({ "help" }, { env = { XDG_CACHE_HOME = cache } })
end

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

test("every verb's summary in `policytk help` is its module's summary field, cache cold or warm", function(t)
  local cache = os.tmpname()
  os.remove(cache)
  local c, cold, err = help(cache)
  t.eq(c, 0, err)
  shows_each_summary(t, cold, "cold")
  t.ok(io.open(cache .. "/policytk/verbs.json", "rb"), "the summaries of the built verbs are cached")
  local warm
  c, warm, err = help(cache)
  t.eq(c, 0, err)
  t.eq(warm, cold, "warm")
  os.execute("rm -rf " .. testing.shell_quote(cache))
end)

test("a cached summary whose files changed is not believed", function(t)
  local json = require "policytk.json"
  local cache = os.tmpname()
  os.remove(cache)
  local c, want = help(cache)
  t.eq(c, 0)
  local path = cache .. "/policytk/verbs.json"
  local f = assert(io.open(path, "rb"))
  local data = json.decode(f:read("a"))
  f:close()
  local changed = 0
  for name in pairs(data.summaries) do data.summaries[name] = "旧的说明" end
  for file in pairs(data.files) do
    if file:find("exports%.lua$") then data.files[file], changed = "1:1", changed + 1 end
  end
  t.eq(changed, 1, "exports.lua is among the files the cache is keyed by")
  testing.write_file(path, json.encode(data))
  local got
  c, got = help(cache)
  t.eq(c, 0)
  t.eq(got, want)
  t.ok(not got:find("旧的说明", 1, true))
  os.execute("rm -rf " .. testing.shell_quote(cache))
end)

test("cli.summary reads the summary line without running the verb; nil for no verb", function(t)
  local c, out, err = testing.policytk({ "eval",
    'local s = require("policytk.cli").summary("match") return s, package.loaded["policytk.benefits.match"] == nil' })
  t.eq(c, 0, err)
  t.eq(out, "按惠企条款匹配企业应享政策（免申即享）\ttrue\n")
  t.eq(cli.summary("no-such-verb"), nil)
  t.eq(cli.summary("../etc"), nil)
end)
