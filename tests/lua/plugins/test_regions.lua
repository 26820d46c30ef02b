-- One city's regions are not another's (issue 18.7): a region code lies in its city's
-- GB/T 2260 prefix unless declared shared_with the other city; two plugins declaring one code
-- is a named error at check / plugins / load, and load never moves a region between cities.
-- Fixtures: tests/fixtures/plugins/regions/{owner,grabber,sharer,twin}.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"

local FIXTURES = core.root .. "/tests/fixtures/plugins/regions"

-- policytk VERB with the named fixture plugins of regions/ (all when ids is nil) on the path
local function run(args, ids)
  local path = FIXTURES
  if ids then
    local dir = testing.tmp_path()
    os.execute("mkdir -p " .. testing.shell_quote(dir))
    for _, id in ipairs(ids) do
      os.execute("cp -R " .. testing.shell_quote(FIXTURES .. "/" .. id) .. " " .. testing.shell_quote(dir .. "/" .. id))
    end
    path = dir
  end
  return testing.policytk(args, { cwd = core.root, env = { POLICYTK_PLUGIN_PATH = path,
    POLICYTK_DEFAULT_PLUGINS = "0", XDG_CACHE_HOME = testing.tmp_path() } })
end

test("bundled plugins: every region in its city's prefix", function(t)
  local code, out = testing.policytk({ "check", "wenzhou", "taizhou", "hangzhou" }, { cwd = core.root })
  t.eq(code, 0, out)
end)

test("check: a code outside the city's prefix, not shared, is named", function(t)
  local code, out = run({ "check", "grabber" }, { "grabber" })
  t.eq(code, 1)
  t.match(out, "regions%[2%]%.code: region 339901 lies outside city 339800 %(3398xx%)")
end)

test("check and plugins: two plugins declaring one region clash; shared_with is accepted", function(t)
  local code, out = run({ "check" }, { "owner", "twin", "sharer" })
  t.eq(code, 1)
  t.match(out, "region 339901 is also declared by plugin owner")
  t.match(out, "region 339901 is also declared by plugin twin")
  t.ok(not out:find("339902", 1, true), out)
  code, out = run({ "plugins", "--format", "json" }, { "owner", "twin", "sharer" })
  t.eq(code, 1)
  local status = {}
  for _, r in ipairs(json.decode(out)) do status[r.id] = r.status end
  t.eq(status, { owner = "error", twin = "error", sharer = "ok" })
  code = run({ "check" }, { "owner", "sharer" })
  t.eq(code, 0)
end)

test("load never moves a region to another city", function(t)
  local db = testing.tmp_path() .. ".db"
  local code, _, err = run({ "load", "--db", db, "owner" }, { "owner" })
  t.eq(code, 0, err)
  code, _, err = run({ "load", "--db", db, "twin" }, { "twin" })
  t.eq(code, 1)
  t.match(err, "插件 twin 未载入：.*region 339901 belongs to city owner: plugin twin cannot take it over")
  code, _, err = run({ "load", "--db", db, "sharer" }, { "sharer" })
  t.eq(code, 0, err)
  local out
  code, out = run({ "regions", "--db", db, "--format", "json" }, { "owner" })
  t.eq(code, 0, out)
  local rows = {}
  for _, r in ipairs(json.decode(out)) do rows[#rows + 1] = r.code .. "=" .. r.city end
  table.sort(rows)
  t.eq(rows, { "339701=sharer", "339901=owner", "339902=owner" })
end)
