-- panel{} (issue 19 item 2: a plugin's extra panels on the web pages): declared like the rest of
-- the contract and validated with file and line (no builder, unknown document, an id twice, an
-- unknown place); built by engine.build_panel in the sandbox under the plugin's budget (a
-- builder that never ends is stopped, the error naming plugin, panel and budget); Wenzhou's
-- 32条 panel agrees, unit by unit, with `policytk progress --format json`.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"
local plugins = require "policytk.plugins"
local engine = require "policytk.reports.engine"
local store = require "policytk.data.store"

local FIXTURES = core.root .. "/tests/fixtures/plugins/"
local ENV = { POLICYTK_DEFAULT_PLUGINS = "0", POLICYTK_SEEDS = core.root .. "/tests/fixtures/seeds" }
local TMP = testing.tmp_path()

local function env_for(case)
  local env = { POLICYTK_PLUGIN_PATH = FIXTURES .. case }
  for k, v in pairs(ENV) do env[k] = v end
  return env
end

test("panel{} problems are named with file, line and field", function(t)
  local code, out, err = testing.policytk({ "check" }, { env = env_for("panels_bad"), cwd = core.root })
  t.eq(code, 1, out .. err)
  local text = out .. err
  t.match(text, "panels_bad/panels%.lua:3: builder: required field is missing")
  t.match(text, "panels_bad/panels%.lua:5: doc: unknown document \"nodoc\"")
  t.match(text, "panels_bad/panels%.lua:8: id: duplicate panel id \"twice\"")
  t.match(text, "panels_bad/panels%.lua:10: place: expected one of \"dashboard\"; got \"sidebar\"")
end)

local DB = TMP .. "-fixture.db"
assert(testing.policytk({ "init", "--db", DB }, { env = env_for("panels"), cwd = core.root }) == 0)
local code0, _, err0 = testing.policytk({ "load", "--db", DB }, { env = env_for("panels"), cwd = core.root })
assert(code0 == 0, err0)

test("a panel is built by its builder over the plugin's data", function(t)
  local p = plugins.load("panels", FIXTURES .. "panels/panels")
  t.eq(p.status, "ok")
  t.eq(#p.panels, 2)
  local conn = store.open(DB)
  local r = engine.build_panel(conn, p, p.panels[1], "2025-06")
  conn:close()
  t.eq(r.title, "目标计数")
  t.eq(r.sections[1].rows[1], { "测试市", 1 })
end)

test("a panel builder that never ends is stopped by the budget, named", function(t)
  local p = plugins.load("panels", FIXTURES .. "panels/panels")
  p.limits.instructions = 2000000
  local conn = store.open(DB)
  local ok, e = pcall(engine.build_panel, conn, p, p.panels[2], "2025-06")
  conn:close()
  t.eq(ok, false)
  t.match(tostring(e), "插件 panels 的网页面板“死循环面板”的构建器出错")
  t.match(tostring(e), "instruction")
end)

test("Wenzhou's 32条 panel agrees with policytk progress, unit by unit", function(t)
  local db = TMP .. "-demo.db"
  local env = { POLICYTK_TODAY = "2025-07-03" }
  t.eq(testing.policytk({ "demo", "--db", db }, { env = env, cwd = core.root }), 0)
  local code, out, err = testing.policytk({ "progress", "--city", "wenzhou", "--doc", "private32", "--as-of",
    "2025-06-30", "--format", "json", "--db", db }, { env = env, cwd = core.root })
  t.eq(code, 0, err)
  local want = {}
  for _, r in ipairs(json.decode(out)) do
    local units = #r.lead_units > 0 and r.lead_units or { "（未指定牵头单位）" }
    for _, u in ipairs(units) do
      local w = want[u] or { total = 0, red = 0 }
      want[u] = w
      w.total = w.total + 1
      if r.status == "behind" or r.status == "missed" then w.red = w.red + 1 end
    end
  end
  local p = plugins.load_valid("wenzhou")
  local conn = store.open(db)
  local panel
  for _, x in ipairs(p.panels) do if x.id == "p32_units" then panel = x end end
  local r = engine.build_panel(conn, p, panel, "2025-06")
  conn:close()
  local got = {}
  for _, row in ipairs(r.sections[1].rows) do got[row[1]] = { total = row[2], red = row[3] } end
  t.eq(got, want)
end)
