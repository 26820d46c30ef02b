-- policytk.round.form: a unit's 报送 on a web page — what the form shows (the same rows as the
-- unit's workbook: sheet 指标 through policytk.data.template, the tasks of sheet 工作进展) and
-- saving what the form sends back: the figures through the observations import
-- (policytk.data.import.records: the same checks and the same messages as a returned file),
-- the texts through texts.check, in one transaction with the unit marked returned. On any
-- problem nothing is saved, and each problem comes back with the form field it belongs to.
--
--   form.view(conn, round_id, unit) → view, or nil and a message (no such round or unit)
--     view = { round = rounds row, city = { id, name, code }, unit = units.list entry,
--       returned = round_units row, rows = { row, … }, tasks = { task, … } }
--     row = { index =, indicator =, region =, period =, value =, unit =, basis =, last =,
--             share =, code =, region_code = }   (value: the figure already held for the period, or "";
--             indicator and region as staff read them, code and region_code as the database keeps them)
--     task = { key = "doc/mid", title =, role =, targets =, last =, progress =, problems =,
--              next_steps = }              (the texts already held for the period)
--   form.field(kind, id) → the field's name: "value.3", "basis.3", "note.3" (row index),
--     "progress.D/M", "problems.D/M", "next_steps.D/M" (task key)
--   form.save(conn, round_id, unit, fields, { by =, view = }) → counts   (view: form.view's, when
--     the caller already has it — it must be read in the same transaction as the save)
--     { batch =, added =, updated =, unchanged =, not_reported =, texts = { added =, updated =,
--       unchanged = }, filled =, total = }
--     fields: name → text as the form sent it (indicator, region, period and unit are never
--     taken from the form: they come from the view). A problem raises a cli failure (the
--     import's message) whose details list { field =, message = } (field nil: the form itself).
--
-- Capability: the 月度报送 round (entry policytk.round; map in docs/architecture.md).

local cli = require "policytk.cli"
local import = require "policytk.data.import"
local returns = require "policytk.round.returns"
local rounds = require "policytk.round.rounds"
local sheet = require "policytk.round.sheet"
local shares = require "policytk.data.shares"
local batches = require "policytk.data.batches"
local template = require "policytk.data.template"
local texts = require "policytk.round.texts"
local units = require "policytk.round.units"

local M = {}

local HEADER = { "指标", "地区", "期间", "数值", "单位", "口径", "备注" }
local COLUMN_FIELD = { value = "value", basis = "basis", note = "note" }   -- import column → form field
local LABEL = { indicator = "指标", region = "地区", period = "期间", value = "数值", unit = "单位", basis = "口径",
                note = "备注", row = "本行" }

function M.field(kind, id) return kind .. "." .. tostring(id) end

-- The unit's entry in the city's round list, or nil.
local function unit_entry(conn, city, short)
  for _, u in ipairs(units.list(conn, city)) do
    if u.short == short then return u end
  end
end

local function task_view(task, last, now)
  now = now or {}
  return { key = task.key, doc = task.doc, mid = task.mid, title = task.title, role = task.role,
           targets = task.targets, last = sheet.last_text(last),
           progress = now.progress or "", problems = now.problems or "", next_steps = now.next_steps or "" }
end

--- What the form of `unit` in round `round_id` shows (see the header).
function M.view(conn, round_id, unit)
  local r = rounds.get(conn, round_id)
  if not r then return nil, string.format("没有第%s轮报送", tostring(round_id)) end
  local returned = rounds.unit(conn, r.id, unit)
  if not returned then return nil, string.format("第%d轮报送没有发给 %s", r.id, tostring(unit)) end
  local city = units.city(conn, r.city)
  local u = unit_entry(conn, city, unit)
  if not u then return nil, string.format("%s的报送单位中没有 %s", city.name, tostring(unit)) end
  local ctx = units.context(conn, city)
  local t = template.rows(conn, { city = city.id, unit = u.short, period = r.period, current = true,
    indicators = units.indicators(u, ctx), regions = u.regions, shares = u.county and units.share_text(ctx) or nil })
  local rows = {}
  for i, c in ipairs(t.rows) do
    rows[i] = { index = i, indicator = c[1], region = c[2], period = c[3], value = c[4], unit = c[5], basis = c[6],
                last = c[7], share = c[9], code = c.code, region_code = c.region_code }
  end
  local last = texts.last_before(conn, city.id, u.short, r.period)
  local now = texts.current(conn, city.id, u.short, r.period)
  local tasks = {}
  for i, task in ipairs(u.tasks) do tasks[i] = task_view(task, last[task.key], now[task.key]) end
  return { round = r, city = city, unit = u, returned = returned, rows = rows, tasks = tasks }
end

-- The records for import.records: the header, then one row per form row (line = index + 1).
local function records_of(view, fields)
  local records = { HEADER }
  for i, row in ipairs(view.rows) do
    records[i + 1] = { row.indicator, row.region, row.period, fields[M.field("value", i)] or "", row.unit,
                       fields[M.field("basis", i)] or row.basis, fields[M.field("note", i)] or "" }
  end
  return records
end

-- The import's problems (bad_rows items) as form problems.
local function figure_problems(view, items, out)
  for _, it in ipairs(items) do
    local i = it.line - 1
    local row = view.rows[i]
    if row then
      local kind = COLUMN_FIELD[it.column] or "value"
      local label = COLUMN_FIELD[it.column] and "" or ((LABEL[it.column] or it.column) .. "：")
      out[#out + 1] = { field = M.field(kind, i), message = label .. it.problem }
    else
      out[#out + 1] = { message = it.problem }
    end
  end
end

-- The tasks' texts, checked: the list to record, problems into out.
local function task_texts(view, fields, out)
  local list = {}
  for _, task in ipairs(view.tasks) do
    local r = { doc = task.doc, mid = task.mid }
    for _, c in ipairs(sheet.COLUMNS) do
      if c.fill then
        local name = M.field(c.key, task.key)
        local s, problem = texts.check(fields[name], c.title, task)
        if problem then out[#out + 1] = { field = name, message = problem } end
        r[c.key] = s
      end
    end
    if r.progress or r.problems or r.next_steps then list[#list + 1] = r end
  end
  return list
end

local function fail(view, problems)
  local lines = {}
  for _, p in ipairs(problems) do lines[#lines + 1] = (p.field and (p.field .. ": ") or "") .. p.message end
  cli.fail_with(problems, "%s %s 的报送未保存，共 %d 处问题：\n%s", view.city.name, view.unit.short, #problems,
    table.concat(lines, "\n"))
end

--- Save what the form sent (see the header): all or nothing.
function M.save(conn, round_id, unit, fields, opts)
  opts = opts or {}
  local view, why = opts.view, nil
  if not view then view, why = M.view(conn, round_id, unit) end
  if not view then cli.fail("%s", why) end
  local r = view.round
  if r.status ~= "open" then cli.fail("第%d轮（%s%s）已结束，不再接收报送", r.id, view.city.name,
    template.period_text(r.period)) end
  local problems = {}
  local list = task_texts(view, fields, problems)
  local at, by = shares.now(), batches.who(opts.by)
  local out
  local ok, err = pcall(conn.transaction, conn, function()
    local c = import.records(conn, records_of(view, fields), { city = r.city, by = by,
      display = string.format("网页报送（%s）", unit) })
    if #problems > 0 then error(problems, 0) end      -- texts refused: roll the figures back
    out = returns.record(conn, r, view.returned, c, list, { unit = unit, by = by, at = at, file = "网页报送" })
    if not out then
      problems[#problems + 1] = { message = "没有填写任何数值或工作进展，未保存" }
      error(problems, 0)
    end
  end)
  if ok then return out end
  if err == problems then fail(view, problems) end
  if cli.is_failure(err) and err.details then
    figure_problems(view, err.details, problems)
    fail(view, problems)
  end
  error(err, 0)
end

return M
