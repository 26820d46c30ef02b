-- Lead units (牵头单位) are the same in every answer: for every target of the four bundled
-- documents, `policytk targets`, `policytk progress` and the report data (the reports engine's
-- JSON: the target rows and the roll-ups by unit) give the same lead units — the one rule of
-- policytk.data.queries.lead_units (the target's own lead_unit, else its measure's lead units).
-- The targets left with none are counted, document by document, with the reason for each.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"

local ENV = { POLICYTK_PLUGIN_PATH = "", POLICYTK_DEFAULT_PLUGINS = "1", POLICYTK_TODAY = "2024-10-15",
              POLICYTK_NOW = "2024-10-15T08:00:00Z" }
local TMP = os.tmpname()
local DB = TMP .. ".db"
local NO_UNIT = require("policytk.progress.rollup").NO_UNIT

local function run(args, env)
  local a = { table.unpack(args) }
  a[#a + 1] = "--db"
  a[#a + 1] = DB
  local code, out, err = testing.policytk(a, { env = env or ENV, cwd = core.root })
  assert(code == 0, table.concat(args, " ") .. ": " .. tostring(err))
  return out
end

local function json_of(args) return json.decode(run(args)) end

run({ "load" })
-- the sample holds figures up to 2025: imported on a day after them (an import refuses a period
-- in the future of its today), read as of ENV's
local LATER = {}
for k, v in pairs(ENV) do LATER[k] = v end
LATER.POLICYTK_TODAY = "2026-01-15"
run({ "import", "scripts/policytk/data/sample/observations.csv" }, LATER)

-- Every target of the database, keyed city/doc/id, with its lead units as `targets` gives them.
local TARGETS = {}
for _, r in ipairs(json_of({ "targets", "--format", "json" })) do TARGETS[r.city .. "/" .. r.doc .. "/" .. r.id] = r end

-- The key of a report row (reports name the target id only): the one target of the city with
-- that id (the ids of a city's documents do not collide: T01 … and T001 …).
local function key_of(city, id)
  local found
  for k, r in pairs(TARGETS) do
    if r.city == city and r.id == id then
      assert(not found, "two targets " .. city .. " " .. id)
      found = k
    end
  end
  return found
end

local function section(report, id)
  for _, s in ipairs(report.sections) do if s.id == id then return s end end
  error("no section " .. id)
end

-- The report rules whose data hold every target of a city: the Wenzhou 月度报送表 (both
-- documents), and the Taizhou and Hangzhou ad-hoc rules (the shared status builder, which also
-- rolls the targets up by unit).
local REPORTS = {
  { "wenzhou", "monthly", "2024-09" }, { "taizhou", "member_data", "2020" }, { "hangzhou", "data", "2023" },
}

test("every target: targets, progress and report data give the same lead units", function(t)
  local progress = {}
  for _, r in ipairs(json_of({ "progress", "--as-of", "2024-09-30", "--format", "json" })) do
    progress[r.city .. "/" .. r.doc .. "/" .. r.id] = r
  end
  local reported = {}
  for _, g in ipairs(REPORTS) do
    local report = json_of({ "report", g[1], g[2], "--period", g[3], "--format", "json" })
    for _, row in ipairs(section(report, "targets").rows) do
      reported[key_of(g[1], row.id)] = row
    end
  end
  local n = 0
  for k, tr in pairs(TARGETS) do
    n = n + 1
    t.ok(progress[k], "progress lists " .. k)
    t.ok(reported[k], "a report lists " .. k)
    t.eq(progress[k].lead_units, tr.lead_units, k .. " progress")
    t.eq(reported[k].lead_units, tr.lead_units, k .. " report")
  end
  t.eq(n, 37 + 30 + 21 + 121)            -- growth2021, growth2018, friendly2023, private32
end)

test("a target's lead units: its own lead_unit, else its measure's", function(t)
  local measures = {}
  for _, m in ipairs(json_of({ "measures", "--format", "json" })) do measures[m.city .. "/" .. m.doc .. "/" .. m.id] = m end
  local tz = TARGETS["taizhou/growth2018/T01"]           -- （市市场监管局牵头）
  t.eq(tz.lead_units, { "市市场监管局" })
  local t30 = TARGETS["taizhou/growth2018/T30"]          -- no unit of its own: measure M07's lead
  t.eq({ t30.measure, t30.lead_units }, { "M07", measures["taizhou/growth2018/M07"].lead_units })
  t.eq(t30.lead_units, { "市发改委" })
  local p = TARGETS["wenzhou/private32/T003"]            -- R02: two starred units
  t.eq(p.lead_units, { "市财政局", "市国资委" })
  for k, r in pairs(TARGETS) do
    if r.measure ~= json.null and #r.lead_units == 0 then
      t.eq(measures[r.city .. "/" .. r.doc .. "/" .. r.measure].lead_units, {}, k)
    end
  end
end)

test("the Wenzhou 月度报送表: each task's lead units are the measures listing's", function(t)
  local measures = {}
  for _, m in ipairs(json_of({ "measures", "--city", "wenzhou", "--format", "json" })) do
    measures[m.doc .. "|" .. m.section] = m
  end
  local report = json_of({ "report", "wenzhou", "monthly", "--period", "2024-09", "--format", "json" })
  local rows = section(report, "tasks").rows
  t.eq(#rows, 30 + 32)
  for _, row in ipairs(rows) do
    t.eq(row.lead_units, measures[row.doc .. "|" .. row.section].lead_units, row.doc .. " " .. row.section)
  end
end)

-- The expected roll-up by unit: how many of a city's targets (of docs) each unit leads, and
-- the number of units.
local function unit_totals(city, docs)
  local want, n = {}, 0
  for _, r in pairs(TARGETS) do
    if r.city == city and docs[r.doc] then
      local units = #r.lead_units > 0 and r.lead_units or { NO_UNIT }
      for _, u in ipairs(units) do
        if not want[u] then n = n + 1 end
        want[u] = (want[u] or 0) + 1
      end
    end
  end
  return want, n
end

test("roll-ups by unit name the targets' lead units; （未指定牵头单位） only for targets with none", function(t)
  -- the status builder lists every unit; the quarterly one only the units with red or yellow targets
  for _, g in ipairs({ { "taizhou", "member_data", "2020", { growth2018 = true }, true },
                       { "hangzhou", "data", "2023", { growth2021 = true }, true },
                       { "wenzhou", "quarterly", "2024-Q3", { friendly2023 = true }, false } }) do
    local want, n = unit_totals(g[1], g[4])
    local report = json_of({ "report", g[1], g[2], "--period", g[3], "--format", "json" })
    local rows = section(report, "units").rows
    t.ok(#rows > 0, g[1] .. " " .. g[2] .. " has unit rows")
    for _, row in ipairs(rows) do t.eq(row.total, want[row.lead_unit], g[1] .. " " .. row.lead_unit) end
    if g[5] then t.eq(#rows, n, g[1] .. " " .. g[2] .. ": every unit") end
  end
  t.eq(unit_totals("taizhou", { growth2018 = true })[NO_UNIT], nil)
end)

test("the targets with no lead unit, and why", function(t)
  local none = {}
  for _, r in pairs(TARGETS) do
    if #r.lead_units == 0 then
      local d = r.city .. "/" .. r.doc
      none[d] = none[d] or {}
      table.insert(none[d], r.id)
    end
  end
  for _, list in pairs(none) do table.sort(list) end
  -- Hangzhou growth2021: the 34 goals of 二、工作目标 name no unit and are tied to no task (only
  -- T17, T34 and T37 restate a task's words and take its lead). The plan's last paragraph makes
  -- 市市场监管局 牵头组织实施 of the whole plan; the plugin does not encode it as the goals' lead.
  local hz = {}
  for i = 1, 36 do if i ~= 17 and i ~= 34 then hz[#hz + 1] = string.format("T%02d", i) end end
  t.eq(none["hangzhou/growth2021"], hz)
  -- Wenzhou friendly2023: the text names no 牵头 unit at all (lead_rule explicit, every measure's
  -- lead_units empty): T01-T18 are the goals of 一、总体要求 (no measure), T19-T21 sit in measures
  -- M16, M22, M28, which list responsible units but no lead.
  local fr = {}
  for i = 1, 21 do fr[i] = string.format("T%02d", i) end
  t.eq(none["wenzhou/friendly2023"], fr)
  -- Taizhou growth2018 gives each goal its （…牵头） unit, T30 takes its measure's; every row of
  -- the private32 table has a starred (or sole) unit.
  t.eq({ none["taizhou/growth2018"], none["wenzhou/private32"] }, { nil, nil })
  local n = 0
  for _, list in pairs(none) do n = n + #list end
  t.eq(n, 55)
end)

test("cleanup: the temporary database", function(t)
  for _, p in ipairs({ TMP, DB, DB .. "-wal", DB .. "-shm" }) do os.remove(p) end
  t.ok(not io.open(DB, "rb"))
end)
