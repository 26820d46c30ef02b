-- policytk.round.returns: importing a returned round workbook — its 报送信息 checked against
-- an open round, its 工作进展 rows checked (each task one the unit leads or shares, each text
-- at most 2,000 characters), then in one transaction the 指标 sheet through the observations
-- import (policytk.data.import, one batch), the texts into task_progress with that batch, and
-- the unit marked returned. All or nothing per file; every problem is named.
--
--   returns.record(conn, round, round_unit, import_counts, texts, { unit =, by =, at =, file = })
--     → the same counts, or nil when nothing was filled (shared with the web form)
--   returns.import(conn, path, { by =, display =, unit = }) → { unit =, round =, period =, city =,
--     batch =, added =, updated =, unchanged =, not_reported =, texts = { added =, updated =,
--     unchanged = }, filled =, total = }
--
-- opts.unit: the unit the caller acts for (the web page's signed-in unit): a workbook of
-- another unit is refused before anything is read further.
--
-- Capability: the 月度报送 round (entry policytk.round; map in docs/architecture.md).

local bad_rows = require "policytk.data.bad_rows"
local batches = require "policytk.data.batches"
local cli = require "policytk.cli"
local import = require "policytk.data.import"
local meta = require "policytk.round.meta"
local rounds = require "policytk.round.rounds"
local row_source = require "policytk.data.row_source"
local shares = require "policytk.data.shares"
local sheet = require "policytk.round.sheet"
local store = require "policytk.data.store"
local template = require "policytk.data.template"
local texts = require "policytk.round.texts"
local values = require "policytk.data.values"

local M = {}

local function city_name(conn, id)
  local c = conn:first("SELECT name FROM cities WHERE id = ?", id)
  return c and c.name or id
end

-- The open round the file's 报送信息 names, and the unit's row in it; else a named refusal.
local function check_round(conn, info, shown)
  local r = rounds.get(conn, info.round)
  local said = string.format("%s%s %s", city_name(conn, info.city), template.period_text(info.period), info.unit)
  if not r then
    cli.fail("%s: 报送信息写的是第%d轮（%s），库中没有这一轮报送：此表不是本库开启的报送轮次生成的", shown, info.round, said)
  end
  local theirs = string.format("%s%s", city_name(conn, r.city), template.period_text(r.period))
  if r.city ~= info.city then
    cli.fail("%s: 报送信息写的城市是 %s，而第%d轮是%s的报送：城市不符", shown, city_name(conn, info.city), r.id, theirs)
  end
  if r.period ~= info.period then
    cli.fail("%s: 报送信息写的期间是 %s，而第%d轮是%s的报送：期间不符", shown,
      template.period_text(info.period), r.id, theirs)
  end
  if r.status ~= "open" then cli.fail("%s: 第%d轮（%s）已结束，不再接收报送", shown, r.id, theirs) end
  local ru = rounds.unit(conn, r.id, info.unit)
  if not ru then
    cli.fail("%s: 报送信息写的单位是 %s，但第%d轮（%s）没有发给这个单位：单位不符", shown, info.unit, r.id, theirs)
  end
  return r, ru
end

-- The unit's tasks ("doc/mid" → { title, role }) and the city's ("doc/mid" → title).
local function tasks_of(conn, city, unit)
  local mine, all = {}, {}
  for _, t in ipairs(store.all(conn, [[SELECT d.doc, m.mid, m.title,
      (SELECT max(is_lead) FROM measure_units mu WHERE mu.measure = m.id AND mu.unit = ?2) AS lead
      FROM measures m JOIN documents d ON d.id = m.document
      WHERE d.city = ?1 AND m.status = 'active' AND d.withdrawn = 0]], city, unit)) do
    local key = t.doc .. "/" .. t.mid
    all[key] = t
    if t.lead then mine[key] = t end
  end
  return mine, all
end

-- The columns of the header row (title → index) of 工作进展.
local function header_columns(fields)
  local pos = {}
  for i, f in ipairs(fields) do pos[values.trim(f)] = i end
  return pos
end

-- One text cell (texts.check): the text, or nil (empty, or a problem reported).
local function text_cell(raw, title, task, bad, index)
  local s, problem = texts.check(raw, title, task)
  if problem then bad(title, problem, index) end
  return s
end

-- Check one data row of 工作进展; returns the task's texts, or nil (nothing, or problems).
local function progress_row(fields, pos, ctx, bad)
  local id = values.trim(fields[pos["任务编号"]] or "")
  local cells = {}
  for _, c in ipairs(sheet.COLUMNS) do
    if c.fill then cells[c.key] = fields[pos[c.title]] or "" end
  end
  if id == "" then
    if values.trim(cells.progress .. cells.problems .. cells.next_steps) ~= "" then
      bad("任务编号", "没有任务编号：请勿删改任务编号列", pos["任务编号"])
    end
    return nil
  end
  local task = ctx.mine[id]
  if not task then
    local other = ctx.all[id]
    bad("任务编号", other and string.format("任务 %s（%s）不是 %s 牵头或配合的任务", id, other.title, ctx.unit)
      or string.format("%s没有任务 %s（%s 的任务见本表原有的任务编号）", ctx.city_name, id, ctx.unit), pos["任务编号"])
    return nil
  end
  if ctx.seen[id] then bad("任务编号", string.format("任务 %s 重复出现（第%d行已填）", id, ctx.seen[id]), pos["任务编号"]) end
  ctx.seen[id] = ctx.problems.line
  local task_info = { key = id, title = task.title }
  local out = { doc = task.doc, mid = task.mid }
  for _, c in ipairs(sheet.COLUMNS) do
    if c.fill then out[c.key] = text_cell(cells[c.key], c.title, task_info, bad, pos[c.title]) end
  end
  return out
end

-- The rows of 工作进展, checked; raises the list of problems.
local function read_progress(path, shown, ctx)
  local problems = bad_rows.new(shown)
  problems.sheet = "工作进展"
  ctx.problems, ctx.seen = problems, {}
  local bad = function(col, problem, index) problems:add(col, problem, index) end
  local book = row_source.workbook(path)
  local ok, err = pcall(function()
    local rows, _ <close> = book:rows("工作进展")
    local pos
    for fields, line in rows do
      problems.line = line
      if not pos then
        if values.trim(fields[1] or "") == "任务编号" then pos = header_columns(fields) end
      else
        ctx.list[#ctx.list + 1] = progress_row(fields, pos, ctx, bad)
      end
    end
    if not pos then problems.line = sheet.HEADER_ROW; bad("表头", "找不到“任务编号”表头行：请勿删改表头") end
  end)
  book:close()
  if not ok then cli.fail("%s: 无法读取工作表“工作进展”：%s", shown, tostring(err)) end
  if problems.total > 0 then problems:fail() end
end

-- Record the texts of the checked rows; returns the counts.
local function put_texts(conn, list, base)
  local counts, filled = { added = 0, updated = 0, unchanged = 0 }, 0
  for _, r in ipairs(list) do
    if r.progress or r.problems or r.next_steps then
      for k, v in pairs(base) do r[k] = v end
      local what = texts.put(conn, r)
      counts[what] = counts[what] + 1
    end
    if r.progress then filled = filled + 1 end
  end
  return counts, filled
end

--- Record a return once its figures are imported (c: the counts of the observations import,
--- one batch) — the checked texts with that batch, the unit marked returned with the cells it
--- filled — inside the caller's transaction. Returns the counts of returns.import, or nil when
--- nothing at all was filled (the caller refuses, in its own words). The web form's save
--- (policytk.round.form) records the same way.
---   o = { unit =, by =, at =, file = }
function M.record(conn, round, ru, c, list, o)
  local tc, filled = put_texts(conn, list, { city = round.city, period = round.period, unit = o.unit,
    by_user = o.by, at = o.at, batch = c.batch, round = round.id })
  local figures = c.added + c.updated + c.unchanged
  if figures == 0 and tc.added + tc.updated + tc.unchanged == 0 then return nil end
  filled = math.min(filled + figures, ru.cells_total)
  rounds.returned(conn, round.id, o.unit, { at = o.at, file = o.file, batch = c.batch, filled = filled })
  return { unit = o.unit, round = round.id, period = round.period, city = round.city, batch = c.batch, added = c.added,
           updated = c.updated, unchanged = c.unchanged, not_reported = c.not_reported or 0, texts = tc,
           filled = filled, total = ru.cells_total }
end

--- Import the returned workbook at path (see the header).
function M.import(conn, path, opts)
  opts = opts or {}
  local shown = opts.display or path
  local info = meta.read(path, shown)
  if opts.unit and info.unit ~= opts.unit then
    cli.fail("%s: 这是 %s 的报送表，您的单位是 %s：只能上传本单位的报送表", shown, info.unit, opts.unit)
  end
  local r, ru = check_round(conn, info, shown)
  local mine, all = tasks_of(conn, r.city, info.unit)
  local ctx = { mine = mine, all = all, unit = info.unit, city_name = city_name(conn, r.city), list = {} }
  read_progress(path, shown, ctx)
  local at, by = shares.now(), batches.who(opts.by)
  local out
  conn:transaction(function()
    local c = import.file(conn, path, { sheet = "指标", city = r.city, by = by, display = shown })
    out = M.record(conn, r, ru, c, ctx.list, { unit = info.unit, by = by, at = at, file = shown })
    if not out then
      cli.fail("%s: 报送表中没有填写任何数值或工作进展，未导入（%s 仍为未报）", shown, info.unit)
    end
  end)
  return out
end

return M
