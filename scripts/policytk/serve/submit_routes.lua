-- policytk.serve.submit_routes: the writes of the 报送 page, each behind a session, its CSRF
-- token and its right, each in the audit trail with the change it made, in the same
-- transaction (policytk.serve.audit):
--   GET  /city/:city/submit          the page (policytk.serve.pages.submit)
--   POST /city/:city/submit          a unit's form: policytk.round.form.save — the import's
--                                    checks and messages, each beside its field (422), all or
--                                    nothing; then back to the page with 已保存
--   POST /city/:city/submit/upload   a returned workbook (multipart, field "file", .xlsx only,
--                                    the server's body limit): policytk.round.import_return
--                                    with the signed-in unit (another unit's workbook refused)
--   POST /city/:city/round/open      the office opens the month's round (period, due)
-- Every figure and text a unit may write is checked with rights.may before anything is saved:
-- a unit never writes another unit's indicator or task (403, logged).
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local audit = require "policytk.serve.audit"
local auth = require "policytk.serve.auth"
local cli = require "policytk.cli"
local core = require "policytk.core"
local form = require "policytk.round.form"
local fs = require "policytk.fs"
local respond = require "policytk.serve.respond"
local rounds = require "policytk.round.rounds"
local store = require "policytk.data.store"
local submit_page = require "policytk.serve.pages.submit"

local M = {}

local uploaded_rights

-- A city's name for staff (its id when it is not loaded).
local function city_name(ctx, id)
  local c = ctx.db:first("SELECT name FROM cities WHERE id = ?", id)
  return c and c.name or tostring(id)
end

local function page(ctx, viewer, params, status)
  local html, st, message = submit_page.render(ctx.db, params, viewer)
  if not html then return respond.error(st or 500, message) end
  return respond.html(html, status or 200)
end

local function get_submit(req, ctx)
  local viewer, res = auth.viewer(req, ctx)
  if not viewer then return res end
  local denied = auth.may(req, ctx, viewer, "read_dashboard", { city = req.params.city })
  if denied then return denied end
  return page(ctx, viewer, { city = req.params.city, notice = req.query.saved and "已保存，谢谢！" or nil }, 200)
end

-- Signed in, CSRF checked: the viewer, or nil and the answer.
local function writer(req, ctx)
  local viewer, res = auth.viewer(req, ctx)
  if not viewer then return nil, res end
  local bad = auth.check_csrf(req, viewer)
  if bad then return nil, bad end
  return viewer
end

-- Whether the unit may write everything the form holds: nil, or the 403 answer.
local function check_rights(req, ctx, viewer, view)
  local city = view.city.id
  for _, r in ipairs(view.rows) do
    local v = req.form[form.field("value", r.index)]
    if v and v ~= "" then
      local denied = auth.may(req, ctx, viewer, "write_figure", { city = city, indicator = r.code,
        region = r.region_code, period = view.round.period })
      if denied then return denied end
    end
  end
  for _, t in ipairs(view.tasks) do
    local denied = auth.may(req, ctx, viewer, "write_task_progress", { city = city, task = t.key })
    if denied then return denied end
  end
end

-- What the fields sent held before the save (the audit's "before"): name → the figure or text.
local function held_before(view, f)
  local out = {}
  for _, r in ipairs(view.rows) do
    local name = form.field("value", r.index)
    if f[name] ~= nil then out[name] = r.value end
  end
  for _, t in ipairs(view.tasks) do
    for _, k in ipairs({ "progress", "problems", "next_steps" }) do
      local name = form.field(k, t.key)
      if f[name] ~= nil then out[name] = t[k] end
    end
  end
  return out
end

-- The form's fields the page shows again after a refusal (csrf and round left out).
local function sent_values(f)
  local out = {}
  for k, v in pairs(f) do if k ~= "csrf" and k ~= "round" then out[k] = v end end
  return out
end

local function post_submit(req, ctx)
  local viewer, res = writer(req, ctx)
  if not viewer then return res end
  local city = req.params.city
  local denied = auth.may(req, ctx, viewer, "read_dashboard", { city = city })   -- another city's form: never shown
  if denied then return denied end
  if viewer.role ~= "unit" then
    return auth.may(req, ctx, viewer, "write_figure", { city = city, indicator = "-", region = "-", period = "-" })
      or respond.error(403)
  end
  local r = rounds.latest(ctx.db, city)
  if not r or tostring(r.id) ~= tostring(req.form.round) then
    return page(ctx, viewer, { city = city, error = "报送轮次已变更或已结束，请刷新页面后重新填写" }, 409)
  end
  -- the form, the rights and the save read and write in one transaction: what was checked is
  -- what is saved
  local ok, out = pcall(ctx.db.transaction, ctx.db, function()
    local view, why = form.view(ctx.db, r.id, viewer.unit)
    if not view then error({ refused = page(ctx, viewer, { city = city, error = why }, 403) }, 0) end
    local refused = check_rights(req, ctx, viewer, view)
    if refused then error({ refused = refused }, 0) end
    local counts = form.save(ctx.db, r.id, viewer.unit, req.form, { by = viewer.name, view = view })
    audit.record(ctx.db, { user = viewer.name, address = auth.address(req), action = "write_figure",
      object = { city = city, round = r.id, unit = viewer.unit }, before = held_before(view, req.form),
      after = { batch = counts.batch, added = counts.added, updated = counts.updated, texts = counts.texts,
                fields = sent_values(req.form) } })
    return counts
  end)
  if not ok and type(out) == "table" and out.refused then return out.refused end
  if ok then return respond.redirect("/city/" .. city .. "/submit?saved=1") end
  if cli.is_failure(out) then
    return page(ctx, viewer, { city = city, values = sent_values(req.form), problems = out.details,
      error = not out.details and out.message or nil }, 422)
  end
  error(out, 0)
end

-- Every figure an uploaded workbook wrote (its batch) is one the unit may write, for the round's
-- period: nil, or the 403 answer (the caller rolls the whole upload back).
uploaded_rights = function(req, ctx, viewer, city, counts)
  local r = rounds.get(ctx.db, counts.round)
  for o in ctx.db:rows("SELECT indicator, region, period FROM observations WHERE batch = ?", counts.batch) do
    if o.period ~= r.period then
      local ind = ctx.db:first("SELECT name FROM indicators WHERE code = ? ORDER BY city IS NULL LIMIT 1", o.indicator)
      return respond.error(403, string.format("报送表中有%s的数（%s），本轮只收%s的数", store.period_text(o.period),
        ind and ind.name or o.indicator, store.period_text(r.period)))
    end
    local denied = auth.may(req, ctx, viewer, "write_figure", { city = city, indicator = o.indicator,
      region = o.region, period = o.period })
    if denied then return denied end
  end
end

local function post_upload(req, ctx)
  local viewer, res = writer(req, ctx)
  if not viewer then return res end
  local city = req.params.city
  local denied = auth.may(req, ctx, viewer, "upload_return", { city = city, unit = viewer.unit or "-" })
  if denied then return denied end
  if req.form_malformed then
    return page(ctx, viewer, { city = city, error = "上传内容不完整（连接中断或表单格式有误），请重新上传" }, 400)
  end
  local file = req.files and req.files.file
  if not file or file.data == "" then
    return page(ctx, viewer, { city = city, error = "没有收到文件：请选择填好的报送表（.xlsx）后再上传" }, 400)
  end
  if file.data:sub(1, 4) ~= "PK\3\4" or not file.filename:lower():find("%.xlsx$") then
    return page(ctx, viewer, { city = city, error = string.format("“%s”不是 Excel 报送表（.xlsx）", file.filename) }, 415)
  end
  local base = os.tmpname()                     -- made (empty) by os.tmpname: removed with the copy
  local path = base .. ".xlsx"
  local f = assert(io.open(path, "wb"))
  f:write(file.data)
  f:close()
  -- whose workbook it is, before anything is read further: another unit's is refused (403)
  local mok, info = pcall(require("policytk.round.meta").read, path, file.filename)
  if mok and (info.unit ~= viewer.unit or info.city ~= city) then
    fs.remove(path)
    fs.remove(base)
    return auth.may(req, ctx, viewer, "upload_return", { city = info.city, unit = info.unit })
      or respond.error(403, string.format("这是%s的报送表，不能上传到%s的报送页", city_name(ctx, info.city),
        city_name(ctx, city)))
  end
  local ok, out = pcall(function()
    local counts
    ctx.db:transaction(function()
      counts = require("policytk.round").import_return(ctx.db, path, { by = viewer.name, display = file.filename,
        unit = viewer.unit })
      local refused = uploaded_rights(req, ctx, viewer, city, counts)   -- each figure written, as the form checks it
      if refused then error({ refused = refused }, 0) end
      audit.record(ctx.db, { user = viewer.name, address = auth.address(req), action = "upload_return",
        object = { city = city, round = counts.round, unit = viewer.unit, file = file.filename },
        after = { batch = counts.batch, added = counts.added, updated = counts.updated, texts = counts.texts } })
    end)
    return counts
  end)
  fs.remove(path)
  fs.remove(base)
  if not ok and type(out) == "table" and out.refused then return out.refused end
  if ok then return respond.redirect("/city/" .. city .. "/submit?saved=1") end
  if cli.is_failure(out) then return page(ctx, viewer, { city = city, error = out.message }, 422) end
  error(out, 0)
end

local function post_open(req, ctx)
  local viewer, res = writer(req, ctx)
  if not viewer then return res end
  local city = req.params.city
  local denied = auth.may(req, ctx, viewer, "open_round", { city = city })
  if denied then return denied end
  local period = (req.form.period or ""):match("^%s*(%d%d%d%d%-%d%d)%s*$")
  local due = (req.form.due or ""):match("^%s*(%d%d%d%d%-%d%d%-%d%d)%s*$")
  local month = period and tonumber(period:sub(6, 7))
  if not period or month < 1 or month > 12 then
    return page(ctx, viewer, { city = city, error = "期间应写作 2025-06（月份 01—12）" }, 422)
  end
  if due and not core.is_iso_date(due) then due = nil end
  if (req.form.due or ""):find("%S") and not due then
    return page(ctx, viewer, { city = city, error = "截止日期应写作 2025-07-05" }, 422)
  end
  local dir = (ctx.args.db:match("^(.*)/[^/]*$") or ".") .. "/月度报送-" .. city .. "-" .. period
  local ok, out = pcall(function()
    local opened
    ctx.db:transaction(function()
      opened = require("policytk.round").open(ctx.db, { city = city, period = period, due = due, dir = dir,
        by = viewer.name })
      audit.record(ctx.db, { user = viewer.name, address = auth.address(req), action = "open_round",
        object = { city = city, period = period }, after = { round = opened.round, units = #opened.files } })
    end)
    return opened
  end)
  if ok then return respond.redirect("/city/" .. city .. "/submit") end
  -- round.open refuses in Chinese (a failure, or a plain message such as 已经开启); anything
  -- else is an internal error: logged with its traceback by the app, never shown
  if cli.is_failure(out) then return page(ctx, viewer, { city = city, error = out.message }, 422) end
  if type(out) == "string" and not out:find("%.lua:%d+:") then
    return page(ctx, viewer, { city = city, error = out }, 422)
  end
  error(out, 0)
end

M.routes = {
  { method = "GET", path = "/city/:city/submit", handler = get_submit },
  { method = "POST", path = "/city/:city/submit", handler = post_submit },
  { method = "POST", path = "/city/:city/submit/upload", handler = post_upload },
  { method = "POST", path = "/city/:city/round/open", handler = post_open },
}

return M.routes
