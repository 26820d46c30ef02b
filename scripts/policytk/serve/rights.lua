-- policytk.serve.rights: who may do what — the rights of each role as data (rights.RULES:
-- role → action → rule) and rights.may, which applies them to a user and an object.
--
--   rights.may(conn, user, action, object [, cache]) → true | false, reason (Chinese)
--   rights.ACTIONS: the actions, each with what its object holds
--   rights.owned(conn, city, unit [, cache]) → { indicators =, regions =, tasks =, targets = } (sets)
--
-- Rules: false (never), "any" (anything, every city), "city" (the user's own city: a user
-- without a city has every city), "own_indicator", "own_share", "own_task", "own_unit" (the
-- user's unit's own, in its city; below). A disabled user may do nothing. An unknown action or
-- role is an error in the caller, and raises.
--
-- What a unit owns is what the round sends it (policytk.round.units, the same rule that fills
-- the unit's workbook): the indicators of its 指标 sheet (those of the targets it leads; for a
-- county government also those of its county's shares and of the targets of its tasks), for
-- its regions (a county government: its county, or every county for a collective one; any
-- other unit: the city as a whole); the tasks it leads or shares (牵头/配合); the shares
-- (分解下达) of the targets it leads, for any county, and — for a county government — its own
-- county's share of any target; the return (upload) of its own workbook.
--
-- cache: a table the caller keeps for one request (or longer while nothing is loaded), so
-- that ownership is computed once per unit, not once per object.
--
-- Capability: accounts and rights of the server (entry policytk.serve; map in docs/architecture.md).

local units = require "policytk.round.units"
local queries = require "policytk.data.queries"

local M = {}

--- The actions and the fields of their objects.
M.ACTIONS = {
  read_dashboard = { "city" }, read_target = { "city" }, read_task = { "city" },
  write_figure = { "city", "indicator", "region", "period" },
  write_share = { "city", "doc", "tid", "region" },
  write_task_progress = { "city", "task" },            -- task: "doc/mid"
  upload_return = { "city", "unit" },
  open_round = { "city" }, download_report = { "city" }, api_read = { "city" },
  manage_users = {},
}

M.WRITES = { "write_figure", "write_share", "write_task_progress", "upload_return", "open_round", "manage_users" }

--- role → action → rule (see the header). The office opens rounds and reads every figure of its
--- city; it writes none itself (figures come from the units, each write in its name; the office's
--- phoned-in figures keep going through policytk record on the server). The leaders read. The
--- admin manages the users and nothing else (a person who also reads has a second account).
M.RULES = {
  unit = {
    read_dashboard = "city", read_target = "city", read_task = "city", download_report = "city", api_read = "city",
    write_figure = "own_indicator", write_share = "own_share", write_task_progress = "own_task",
    upload_return = "own_unit", open_round = false, manage_users = false,
  },
  office = {
    read_dashboard = "city", read_target = "city", read_task = "city", download_report = "city", api_read = "city",
    write_figure = false, write_share = false, write_task_progress = false, upload_return = false,
    open_round = "city", manage_users = false,
  },
  leader = {
    read_dashboard = "city", read_target = "city", read_task = "city", download_report = "city", api_read = "city",
    write_figure = false, write_share = false, write_task_progress = false, upload_return = false,
    open_round = false, manage_users = false,
  },
  admin = {
    read_dashboard = false, read_target = false, read_task = false, download_report = false, api_read = false,
    write_figure = false, write_share = false, write_task_progress = false, upload_return = false,
    open_round = false, manage_users = "any",
  },
}

M.ACTION_NAMES = {
  read_dashboard = "查看驾驶舱", read_target = "查看目标", read_task = "查看任务", write_figure = "填报数据",
  write_share = "填报分解目标", write_task_progress = "填报工作进展", upload_return = "上传报送表",
  open_round = "开启报送", download_report = "下载报告", api_read = "读取接口数据", manage_users = "管理用户",
}

local ROLE_NAMES = { unit = "单位", office = "办公室", leader = "领导", admin = "管理员" }

local function field(object, action, key)
  local v = object[key]
  if v == nil then error(string.format("rights.may: %s needs object.%s", action, key), 3) end
  return v
end

--- What a unit owns in a city (see the header), computed once per cache.
function M.owned(conn, city, unit, cache)
  cache = cache or {}
  local key = city .. "\0" .. unit
  if cache[key] then return cache[key] end
  local c = queries.city(conn, city)
  local own = { indicators = {}, regions = {}, tasks = {}, targets = {}, county = false, known = false }
  if c then
    for _, u in ipairs(units.list(conn, c)) do
      if u.short == unit then
        own.known, own.county = true, u.county
        local ctx = units.context(conn, c)
        for _, code in ipairs(units.indicators(u, ctx)) do own.indicators[code] = true end
        if u.regions then
          for _, r in ipairs(u.regions) do own.regions[r.code] = true end
        else
          own.regions[c.code] = true
        end
        for _, t in ipairs(u.tasks) do own.tasks[t.key] = true end
        for _, t in ipairs(ctx.targets) do
          for _, lead in ipairs(ctx.leads[t.id] or {}) do
            if lead == unit then own.targets[t.doc .. "/" .. t.tid] = true end
          end
        end
      end
    end
  end
  cache[key] = own
  return own
end

local CHECKS = {}

-- Names for a refusal (staff read names, not codes): an indicator, a region or city code, a
-- city id, a task "doc/mid", a target "doc/tid". Each falls back to what it was given.
local NAME = {
  indicator = "SELECT name FROM indicators WHERE code = ?1 ORDER BY city IS NULL LIMIT 1",
  region = "SELECT name FROM regions WHERE code = ?1 UNION ALL SELECT name FROM cities WHERE code = ?1 LIMIT 1",
  city = "SELECT name FROM cities WHERE id = ?1",
  task = [[SELECT m.mid || '（' || m.title || '）' AS name FROM measures m JOIN documents d ON d.id = m.document
    WHERE d.doc || '/' || m.mid = ?1 LIMIT 1]],
  target = [[SELECT t.tid || '（' || coalesce(i.name, t.indicator) || '）' AS name FROM targets t
    JOIN documents d ON d.id = t.document LEFT JOIN indicators i ON i.code = t.indicator
    WHERE d.doc || '/' || t.tid = ?1 LIMIT 1]],
}
local function name(conn, kind, v)
  local row = conn:first(NAME[kind], v)
  return row and row.name or tostring(v)
end

function CHECKS.own_indicator(conn, user, object, cache)
  local code, region = field(object, "write_figure", "indicator"), field(object, "write_figure", "region")
  field(object, "write_figure", "period")
  local own = M.owned(conn, user.city, user.unit, cache)
  if not own.indicators[code] then
    return false, string.format("单位 %s 不负责指标“%s”", user.unit, name(conn, "indicator", code))
  end
  if not own.regions[region] then
    return false, string.format("单位 %s 不填报%s的数据", user.unit, name(conn, "region", region))
  end
  return true
end

function CHECKS.own_share(conn, user, object, cache)
  local target = field(object, "write_share", "doc") .. "/" .. field(object, "write_share", "tid")
  local region = field(object, "write_share", "region")
  local own = M.owned(conn, user.city, user.unit, cache)
  if own.targets[target] then return true end
  if own.county and own.regions[region] then return true end
  return false, string.format("单位 %s 既不牵头目标 %s，也不负责%s的分解目标", user.unit,
    name(conn, "target", target), name(conn, "region", region))
end

function CHECKS.own_task(conn, user, object, cache)
  local task = field(object, "write_task_progress", "task")
  if M.owned(conn, user.city, user.unit, cache).tasks[task] then return true end
  return false, string.format("单位 %s 不承担任务 %s", user.unit, name(conn, "task", task))
end

function CHECKS.own_unit(_, user, object)
  local unit = field(object, "upload_return", "unit")
  if unit == user.unit then return true end
  return false, string.format("单位 %s 不能代 %s 报送", user.unit, unit)
end

local function disabled(user)
  return user.disabled_at ~= nil and type(user.disabled_at) == "string"
end

--- May user do action on object? true, or false and the reason (see the header).
function M.may(conn, user, action, object, cache)
  if not M.ACTIONS[action] then error(string.format("rights.may: unknown action %q", tostring(action)), 2) end
  if type(user) ~= "table" then return false, "请先登录" end
  local rules = M.RULES[user.role]
  if not rules then error(string.format("rights.may: unknown role %q", tostring(user.role)), 2) end
  if disabled(user) then return false, "账号已停用" end
  local rule = rules[action]
  local what = M.ACTION_NAMES[action]
  if not rule then return false, string.format("%s（%s）无权%s", user.name, ROLE_NAMES[user.role], what) end
  if rule == "any" then return true end
  object = object or {}
  local city = field(object, action, "city")
  if user.city ~= nil and type(user.city) == "string" and city ~= user.city then
    return false, string.format("%s 属于%s，无权%s（%s）", user.name, name(conn, "city", user.city), what,
      name(conn, "city", city))
  end
  if rule == "city" then return true end
  if type(user.unit) ~= "string" or type(user.city) ~= "string" then
    return false, string.format("%s 没有所属单位和城市", user.name)
  end
  return CHECKS[rule](conn, user, object, cache)
end

return M
