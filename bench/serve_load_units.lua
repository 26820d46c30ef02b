-- bench/serve_load_units.lua: the units bench/serve_load.sh signs in — N distinct units of the
-- city's open round, each with one field of its 报送 form that no other unit writes: the first
-- indicator row (value.I) whose indicator and region no other chosen unit holds; a unit whose form
-- has no indicator row (the demo's Wenzhou round has 20 with rows, 49 in all) fills the 本月进展 of
-- its first task instead (progress.DOC/MID). Each choice is tried once with policytk.round.form.save
-- in a transaction that is rolled back, so that the bench only sends what the import accepts.
-- One line per unit: unit TAB field TAB kind (value | text) TAB the row's unit of measure.
--   policytk run bench/serve_load_units.lua DB CITY N
local form = require "policytk.round.form"
local rounds = require "policytk.round.rounds"
local store = require "policytk.data.store"

local db, city, n = arg[1], arg[2], math.tointeger(tonumber(arg[3] or ""))
if not db or not city or not n then
  io.stderr:write("usage: policytk run bench/serve_load_units.lua DB CITY N\n")
  return 2
end
local conn = store.open(db)
local r = assert(rounds.latest(conn, city), "no open round")

-- A value the import takes for a row: a share or rate stays under 100, a count grows.
local function value_for(row, k)
  if (row.unit or ""):find("%%") then return string.format("%.3f", 50 + k / 1000) end
  return tostring(100000 + k)
end

-- Whether form.save accepts fields (tried, then rolled back).
local function accepted(unit, fields)
  local ok, err = pcall(conn.transaction, conn, function()
    form.save(conn, r.id, unit, fields, { by = "bench" })
    error("rollback", 0)
  end)
  return not ok and err == "rollback"
end

local held, with_rows, without = {}, {}, {}
for _, u in ipairs(store.all(conn, "SELECT unit FROM round_units WHERE round = ? ORDER BY rowid", r.id)) do
  local view = form.view(conn, r.id, u.unit)
  if view then
    local chosen
    for _, row in ipairs(view.rows) do
      local key = row.indicator .. "\0" .. row.region
      if not held[key] and accepted(u.unit, { [form.field("value", row.index)] = value_for(row, 1) }) then
        held[key] = true
        chosen = { u.unit, form.field("value", row.index), "value", row.unit or "" }
        break
      end
    end
    if chosen then with_rows[#with_rows + 1] = chosen
    elseif view.tasks[1] then
      local field = form.field("progress", view.tasks[1].key)
      if accepted(u.unit, { [field] = "第1次报送：按计划推进。" }) then
        without[#without + 1] = { u.unit, field, "text", "" }
      end
    end
  end
end
local out = {}
for _, c in ipairs(with_rows) do if #out < n then out[#out + 1] = c end end
for _, c in ipairs(without) do if #out < n then out[#out + 1] = c end end
if #out < n then
  io.stderr:write(string.format("serve_load_units: only %d units of %s's round can be used (%d asked)\n", #out, city, n))
  return 1
end
for _, c in ipairs(out) do print(table.concat(c, "\t")) end
