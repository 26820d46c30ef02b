-- policytk.round: the monthly reporting round (月度报送) — one workbook per responsible unit of
-- a city's active measures (its indicators to fill and the progress of its tasks), the returns
-- imported as they come back, where every unit stands, and the 催报 list (docs/rounds.md).
--
--   round.open(conn, { city =, period =, due =, dir =, reopen =, by = }) → { round =, reopened =,
--     city =, period =, due =, dir =, files = { { unit =, path =, indicators =, tasks = } … } }
--   round.is_round_file(path) → bool
--   round.import_return(conn, path, { by =, display = }) → counts (policytk.round.returns)
--   round.status(conn, { city =, period = }) → round, rows (policytk.round.status)
--   round.chase(conn, { city =, period = }) → the 催报 text, round, rows
--
-- The web form of a unit's 报送 (policytk.round.form: form.view, form.save) is used directly.
--
-- The parts: units (who reports what), sheet (the workbook), meta (its 报送信息 sheet),
-- rounds (the rounds and round_units rows), texts (task_progress), returns (importing a
-- return), status (status and 催报).

local batches = require "policytk.data.batches"
local fs = require "policytk.fs"
local meta = require "policytk.round.meta"
local returns = require "policytk.round.returns"
local rounds = require "policytk.round.rounds"
local shares = require "policytk.data.shares"
local sheet = require "policytk.round.sheet"
local status = require "policytk.round.status"
local template = require "policytk.data.template"
local units = require "policytk.round.units"

local M = {}

--- The due date when none is given: the 5th of the month after the period.
function M.default_due(period)
  local y, m = period:match("^(%d%d%d%d)%-(%d%d)$")
  y, m = tonumber(y), tonumber(m) + 1
  if m == 13 then y, m = y + 1, 1 end
  return string.format("%04d-%02d-05", y, m)
end

-- The file of a unit: "市经信局-2025年6月.xlsx" in dir.
local function file_of(dir, unit, period)
  return string.format("%s/%s-%s.xlsx", dir, (unit:gsub("[/\\]", "／")), template.period_text(period))
end

-- The round row to (re)write: a new one, or with reopen the one held; a second open refused.
local function claim(conn, city, opts, at)
  local held = rounds.find(conn, city.id, opts.period)
  if held and not opts.reopen then
    error(string.format("%s%s的月度报送已经开启（第%d轮，%s由 %s 开启）；如需重新生成报送表，请加 --reopen"
      .. "（已报回的内容保留）", city.name, template.period_text(opts.period), held.id,
      require("policytk.data.store").beijing(held.opened_at), held.opened_by), 0)
  end
  if held then
    rounds.reopened(conn, held.id, at)
    return held.id, held.due, true
  end
  local due = opts.due or M.default_due(opts.period)
  return rounds.create(conn, { city = city.id, period = opts.period, due = due, by = batches.who(opts.by), at = at }),
    due, false
end

--- Open the round of opts.city for opts.period (or write its sheets again with opts.reopen).
function M.open(conn, opts)
  local city = units.city(conn, opts.city)
  local at = shares.now()
  local dir = opts.dir or string.format("月度报送-%s-%s", city.id, opts.period)
  local ok, err = fs.mkdirs(dir)
  if not ok and not fs.stat(dir) then error(string.format("无法创建文件夹 %s：%s", dir, tostring(err)), 0) end
  local out = { city = city, period = opts.period, dir = dir, files = {} }
  conn:transaction(function()
    local id, due, reopened = claim(conn, city, opts, at)
    if reopened and opts.due then
      conn:run("UPDATE rounds SET due = ? WHERE id = ?", opts.due, id)
      due = opts.due
    end
    out.round, out.due, out.reopened = id, due, reopened
    local ctx = units.context(conn, city)
    local w = { city = city, period = opts.period, round = id, due = due, at = at, ctx = ctx,
                share = units.share_text(ctx), current = reopened }
    for _, u in ipairs(units.list(conn, city)) do
      w.unit = u
      local path = file_of(dir, u.short, opts.period)
      local total, n = sheet.write(conn, path, w)
      rounds.sent(conn, id, u.short, path, at, total)
      out.files[#out.files + 1] = { unit = u.short, path = path, indicators = n.indicators, tasks = n.tasks }
    end
  end)
  return out
end

M.is_round_file = meta.is_round_file

function M.import_return(conn, path, opts)
  return returns.import(conn, path, opts)
end

-- The round of opts.city for opts.period, or the latest open one; else a named refusal.
local function round_of(conn, opts)
  local city = units.city(conn, opts.city)
  local r = opts.period and rounds.find(conn, city.id, opts.period) or (not opts.period and rounds.latest(conn, city.id))
  if not r then
    error(opts.period and string.format("%s%s没有月度报送轮次（policytk round open %s --period %s 开启）", city.name,
      template.period_text(opts.period), city.id, opts.period)
      or string.format("%s没有进行中的月度报送轮次（policytk round open %s --period YYYY-MM 开启）", city.name, city.id), 0)
  end
  return r, city
end

function M.status(conn, opts)
  local r, city = round_of(conn, opts)
  return r, status.rows(conn, r), city
end

function M.chase(conn, opts)
  local r, rows, city = M.status(conn, opts)
  return status.chase(conn, r, rows, city), r, rows
end

return M
