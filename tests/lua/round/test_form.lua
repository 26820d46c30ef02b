-- The unit's 报送 as a web form (policytk.round.form; issue 19 item 2): the form shows what the
-- unit's workbook holds; a value import would refuse is refused with the import's own message
-- beside its field and nothing saved (figures, texts, the unit's 已报); a text over 2,000
-- characters likewise; a good form is saved as one batch, the unit marked returned; a saved
-- form shows its figures and texts again; a workbook of another unit is refused on upload.

local core = require "policytk.core"
local testing = require "policytk.testing"
local store = require "policytk.data.store"
local form = require "policytk.round.form"
local round = require "policytk.round"

local ENV = { POLICYTK_TODAY = "2025-07-03", POLICYTK_NOW = "2025-07-03T06:05:00Z", USER = "tester" }
local TMP = testing.tmp_path()
local DB = TMP .. ".db"
assert(testing.policytk({ "demo", "--db", DB }, { env = ENV, cwd = core.root }) == 0)
local code, _, err = testing.policytk({ "round", "open", "wenzhou", "--period", "2025-06", "--due", "2025-07-05",
  "-o", TMP .. "-dir", "--db", DB }, { env = ENV, cwd = core.root })
assert(code == 0, err)

local conn = store.open(DB)
local R = require("policytk.round.rounds").find(conn, "wenzhou", "2025-06").id
local UNIT = "市经信局"

local function count(sql, ...) return conn:first(sql, ...).n end
local function saved_state()
  return { obs = count("SELECT count(*) AS n FROM observations"), texts = count("SELECT count(*) AS n FROM task_progress"),
           batches = count("SELECT count(*) AS n FROM batches"),
           returned = conn:first("SELECT returned_at FROM round_units WHERE round = ? AND unit = ?", R, UNIT).returned_at }
end

test("the form holds the unit's indicators and tasks, as its workbook does", function(t)
  local view = assert(form.view(conn, R, UNIT))
  t.ok(#view.rows > 0, "indicator rows")
  t.ok(#view.tasks > 0, "tasks")
  t.eq(view.rows[1].period, "2025年6月")
  local none, why = form.view(conn, R, "没有这个单位")
  t.eq(none, nil)
  t.ok(why:find("没有发给", 1, true), why)
end)

test("a value import refuses: its message beside the field, nothing saved", function(t)
  local view = assert(form.view(conn, R, UNIT))
  local before = saved_state()
  local fields = { [form.field("value", 1)] = "abc" }
  fields[form.field("progress", view.tasks[1].key)] = "本月召开推进会"
  local ok, e = pcall(form.save, conn, R, UNIT, fields, { by = "tester" })
  t.eq(ok, false)
  t.ok(type(e) == "table" and e.details, "a failure with details: " .. tostring(e))
  t.eq(e.details[1].field, "value.1")
  t.ok(e.details[1].message:find("abc", 1, true), e.details[1].message)
  -- the same message as a file import gives for the same cell
  local csv = TMP .. "-bad.csv"
  testing.write_file(csv, "指标,地区,期间,数值\n" .. view.rows[1].indicator .. "," .. view.rows[1].region .. ",2025-06,abc\n")
  local _, _, ferr = testing.policytk({ "import", "--db", DB, csv }, { env = ENV, cwd = core.root })
  t.ok(ferr:find(e.details[1].message, 1, true), "file import says: " .. ferr)
  t.eq(saved_state(), before)
end)

test("a text over 2,000 characters is refused beside its field; the good figures are not saved either", function(t)
  local view = assert(form.view(conn, R, UNIT))
  local before = saved_state()
  local key = view.tasks[1].key
  local fields = { [form.field("value", 1)] = "123", [form.field("progress", key)] = ("进"):rep(2001) }
  local ok, e = pcall(form.save, conn, R, UNIT, fields, { by = "tester" })
  t.eq(ok, false)
  t.eq(e.details[1].field, "progress." .. key)
  t.ok(e.details[1].message:find("2001", 1, true), e.details[1].message)
  t.eq(saved_state(), before)
end)

test("an empty form is refused", function(t)
  local ok, e = pcall(form.save, conn, R, UNIT, {}, { by = "tester" })
  t.eq(ok, false)
  t.ok(tostring(e.message):find("没有填写", 1, true), tostring(e.message))
end)

test("a good form is saved as one batch, the unit 已报, and shows again", function(t)
  local view = assert(form.view(conn, R, UNIT))
  local before = saved_state()
  local key = view.tasks[1].key
  local fields = { [form.field("value", 1)] = "1,234", [form.field("note", 1)] = "网页填报",
                   [form.field("progress", key)] = "完成年度任务的60%" }
  local c = form.save(conn, R, UNIT, fields, { by = "网页用户" })
  t.eq(c.added + c.updated, 1)
  t.eq(c.texts.added, 1)
  local after = saved_state()
  t.eq(after.batches, before.batches + 1)
  t.ok(after.returned ~= nil, "the unit is marked returned")
  t.eq(conn:first("SELECT by_user FROM batches WHERE id = ?", c.batch).by_user, "网页用户")
  local again = assert(form.view(conn, R, UNIT))
  t.eq(tostring(again.rows[1].value), "1234")
  t.eq(again.tasks[1].progress, "完成年度任务的60%")
end)

test("an uploaded workbook of another unit is refused", function(t)
  local dir = TMP .. "-dir"
  local other
  for _, f in ipairs(require("policytk.fs").list(dir)) do
    if f:find("%.xlsx$") and not f:find(UNIT, 1, true) then other = dir .. "/" .. f; break end
  end
  t.ok(other, "another unit's workbook")
  local ok, e = pcall(round.import_return, conn, other, { by = "x", unit = UNIT })
  t.eq(ok, false)
  t.ok(tostring(e.message):find("只能上传本单位的报送表", 1, true), tostring(e.message))
  conn:close()
end)
