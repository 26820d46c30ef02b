-- policytk.serve.audit (issue 19, accounts and rights): an entry written in the caller's
-- transaction is kept with its change and lost with its rollback; before/after come back as
-- they went in (JSON, values with SQL or HTML kept verbatim); the filters; 北京时间; a missing
-- field raises and writes nothing.

local store = require "policytk.data.store"
local testing = require "policytk.testing"
local audit = require "policytk.serve.audit"

local conn = store.open(testing.tmp_path() .. ".db")

local function count() return conn:first("SELECT count(*) AS n FROM audit").n end

test("kept with the caller's transaction, lost with its rollback", function(t)
  conn:transaction(function()
    audit.record(conn, { user = "jxj", address = "10.0.0.1", action = "write_figure", object = "wenzhou/T104",
      before = { value = 10 }, after = { value = 12 }, now = "2025-07-03T06:05:00Z" })
  end)
  t.eq(count(), 1)
  local ok = pcall(conn.transaction, conn, function()
    audit.record(conn, { user = "jxj", address = "10.0.0.1", action = "write_figure", object = "wenzhou/T105",
      after = { value = 1 }, now = "2025-07-03T06:06:00Z" })
    error("the write failed")
  end)
  t.eq(ok, false)
  t.eq(count(), 1, "the entry went with the rollback")
end)

test("list: newest first, detail decoded, 北京时间, filters", function(t)
  local evil = "'); DROP TABLE audit; -- <script>alert(1)</script>"
  audit.record(conn, { user = "bgs", address = "10.0.0.2", action = "open_round", object = { city = "wenzhou", period = "2025-06" },
    after = { note = evil }, now = "2025-07-03T16:30:00Z" })
  local all = audit.list(conn)
  t.eq(#all, 2)
  t.eq(all[1].action, "open_round")
  t.eq(all[1].object, '{"city":"wenzhou","period":"2025-06"}')
  t.eq(all[1].detail, { after = { note = evil } })
  t.eq(all[1].at_local, "2025年7月4日 00:30", "北京时间 crosses midnight")
  t.eq(all[2].detail, { before = { value = 10 }, after = { value = 12 } })
  t.eq(#audit.list(conn, { user = "jxj" }), 1)
  t.eq(#audit.list(conn, { action = "open_round", user = "jxj" }), 0)
  t.eq(#audit.list(conn, { since = "2025-07-03T07:00:00Z" }), 1)
  t.eq(#audit.list(conn, { ["until"] = "2025-07-03T06:05:00Z" }), 1)
  t.eq(#audit.list(conn, { limit = 1 }), 1)
end)

test("a missing field raises and records nothing", function(t)
  local before = count()
  for _, field in ipairs({ "user", "address", "action", "object" }) do
    local e = { user = "u", address = "a", action = "x", object = "o" }
    e[field] = nil
    t.raises(function() audit.record(conn, e) end, field .. " %(text%) is required")
  end
  t.raises(function() audit.record(conn, { user = "u", address = "a", action = "x", object = "o", now = "yesterday" }) end,
    "UTC ISO 8601")
  t.eq(count(), before)
end)
