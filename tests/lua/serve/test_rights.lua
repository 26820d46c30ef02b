-- policytk.serve.rights (issue 19, accounts and rights), table-driven: every role (and a
-- disabled unit) against every write action, on an object of its own and one of another unit
-- or city, with the expected answer written out; then the reads; a county government's own
-- county against another; a unit of one city against another city's object; the reasons in
-- Chinese. Objects come from the Wenzhou plugin: 市经信局 leads 专精特新"小巨人" (T104) and
-- carries task friendly2023/M01; 市金融办 leads 新增小微企业贷款 (T014) and carries
-- friendly2023/M19; 瓯海区政府 reports for 瓯海区 (330304).

local core = require "policytk.core"
local testing = require "policytk.testing"
local store = require "policytk.data.store"
local rights = require "policytk.serve.rights"

local DB = testing.tmp_path() .. ".db"
assert(testing.policytk({ "load", "--db", DB }, { cwd = core.root }) == 0)
local conn = store.open(DB)

local USERS = {
  unit = { name = "jxj", role = "unit", unit = "市经信局", city = "wenzhou" },
  office = { name = "bgs", role = "office", city = "wenzhou" },
  leader = { name = "ld", role = "leader", city = "wenzhou" },
  admin = { name = "root", role = "admin" },
  disabled = { name = "old", role = "unit", unit = "市经信局", city = "wenzhou", disabled_at = "2025-07-01T00:00:00Z" },
}

-- action → { own object (the 市经信局's, in Wenzhou), another's object }
local OBJECTS = {
  write_figure = {
    { city = "wenzhou", indicator = "little_giants_national", region = "330300", period = "2025-06" },
    { city = "wenzhou", indicator = "small_micro_loans_new", region = "330300", period = "2025-06" } },
  write_share = {
    { city = "wenzhou", doc = "private32", tid = "T104", region = "330304" },
    { city = "wenzhou", doc = "private32", tid = "T014", region = "330304" } },
  write_task_progress = {
    { city = "wenzhou", task = "friendly2023/M01" },
    { city = "wenzhou", task = "friendly2023/M19" } },
  upload_return = { { city = "wenzhou", unit = "市经信局" }, { city = "wenzhou", unit = "市金融办" } },
  open_round = { { city = "wenzhou" }, { city = "taizhou" } },
  manage_users = { {}, {} },
}

-- role → action → { own, other }
local EXPECTED = {
  unit = { write_figure = { true, false }, write_share = { true, false }, write_task_progress = { true, false },
           upload_return = { true, false }, open_round = { false, false }, manage_users = { false, false } },
  office = { write_figure = { false, false }, write_share = { false, false }, write_task_progress = { false, false },
             upload_return = { false, false }, open_round = { true, false }, manage_users = { false, false } },
  leader = { write_figure = { false, false }, write_share = { false, false }, write_task_progress = { false, false },
             upload_return = { false, false }, open_round = { false, false }, manage_users = { false, false } },
  admin = { write_figure = { false, false }, write_share = { false, false }, write_task_progress = { false, false },
            upload_return = { false, false }, open_round = { false, false }, manage_users = { true, true } },
  disabled = { write_figure = { false, false }, write_share = { false, false }, write_task_progress = { false, false },
               upload_return = { false, false }, open_round = { false, false }, manage_users = { false, false } },
}

test("every role × every write action × own and other object", function(t)
  local cache, bad, n = {}, {}, 0
  for _, action in ipairs(rights.WRITES) do
    for role, user in pairs(USERS) do
      for i, which in ipairs({ "own", "other" }) do
        local ok, reason = rights.may(conn, user, action, OBJECTS[action][i], cache)
        n = n + 1
        if ok ~= EXPECTED[role][action][i] then
          bad[#bad + 1] = string.format("%s %s %s: %s (%s)", role, action, which, tostring(ok), tostring(reason))
        end
        if not ok and (type(reason) ~= "string" or not reason:find("[\228-\233]")) then
          bad[#bad + 1] = string.format("%s %s %s: no Chinese reason (%s)", role, action, which, tostring(reason))
        end
      end
    end
  end
  t.eq(n, 6 * 5 * 2)
  t.eq(bad, {})
end)

test("the table covers every role and action, and the write list every write", function(t)
  for role in pairs(rights.RULES) do
    for action in pairs(rights.ACTIONS) do
      t.ok(rights.RULES[role][action] ~= nil, role .. " has no rule for " .. action)
    end
  end
  local writes = {}
  for _, a in ipairs(rights.WRITES) do writes[a] = true end
  for action in pairs(rights.ACTIONS) do
    if not action:find("^read_") and action ~= "download_report" and action ~= "api_read" then
      t.ok(writes[action], action .. " missing from rights.WRITES")
    end
  end
end)

test("reads: units, office and leaders read their own city; a user without a city every city; the admin none", function(t)
  local office_all = { name = "bgs2", role = "office" }
  for _, action in ipairs({ "read_dashboard", "read_target", "read_task", "download_report", "api_read" }) do
    for _, role in ipairs({ "unit", "office", "leader" }) do
      t.eq(rights.may(conn, USERS[role], action, { city = "wenzhou" }), true, role .. " " .. action)
      local ok, reason = rights.may(conn, USERS[role], action, { city = "taizhou" })
      t.eq(ok, false, role .. " " .. action .. " taizhou")
      t.match(reason, "属于温州市，无权.*（台州市）")
    end
    t.eq(rights.may(conn, office_all, action, { city = "taizhou" }), true)
    t.eq(rights.may(conn, USERS.admin, action, { city = "wenzhou" }), false)
    t.eq(rights.may(conn, USERS.disabled, action, { city = "wenzhou" }), false)
  end
end)

test("a unit writes its indicator only for its own region; a county government for its county", function(t)
  local jxj = USERS.unit
  local ok, reason = rights.may(conn, jxj, "write_figure",
    { city = "wenzhou", indicator = "little_giants_national", region = "330304", period = "2025-06" })
  t.eq({ ok, reason }, { false, "单位 市经信局 不填报瓯海区的数据" })
  ok, reason = rights.may(conn, jxj, "write_figure",
    { city = "wenzhou", indicator = "small_micro_loans_new", region = "330300", period = "2025-06" })
  t.eq(ok, false)
  t.match(reason, "^单位 市经信局 不负责指标“[^%w]+”$", "the indicator by its name, not small_micro_loans_new")
  local ohq = { name = "ohq", role = "unit", unit = "瓯海区政府", city = "wenzhou" }
  local fig = { city = "wenzhou", indicator = "wz_p32_registered_fund_size", period = "2025-06" }
  fig.region = "330304"
  t.eq(rights.may(conn, ohq, "write_figure", fig), true)
  fig.region = "330302"
  t.eq(rights.may(conn, ohq, "write_figure", fig), false, "another county")
  fig.region = "330300"
  t.eq(rights.may(conn, ohq, "write_figure", fig), false, "the city as a whole")
  -- shares: its own county's share of any target, not another county's
  t.eq(rights.may(conn, ohq, "write_share", { city = "wenzhou", doc = "private32", tid = "T014", region = "330304" }), true)
  t.eq(rights.may(conn, ohq, "write_share", { city = "wenzhou", doc = "private32", tid = "T014", region = "330302" }), false)
  -- the lead unit assigns its target's share to any county
  t.eq(rights.may(conn, jxj, "write_share", { city = "wenzhou", doc = "private32", tid = "T104", region = "330302" }), true)
  -- a unit of Wenzhou on a Taizhou object, even one whose names match
  ok, reason = rights.may(conn, jxj, "write_task_progress", { city = "taizhou", task = "growth2018/M01" })
  t.eq(ok, false)
  t.match(reason, "属于温州市")
end)

test("unknown actions and roles raise; a missing object field raises; no user is refused", function(t)
  t.raises(function() rights.may(conn, USERS.unit, "delete_everything", {}) end, "unknown action")
  t.raises(function() rights.may(conn, { name = "x", role = "boss" }, "read_task", { city = "wenzhou" }) end, "unknown role")
  t.raises(function() rights.may(conn, USERS.unit, "write_figure", { city = "wenzhou", indicator = "x" }) end,
    "needs object.region")
  t.eq({ rights.may(conn, nil, "read_dashboard", { city = "wenzhou" }) }, { false, "请先登录" })
  t.eq({ rights.may(conn, USERS.disabled, "read_dashboard", { city = "wenzhou" }) }, { false, "账号已停用" })
end)
