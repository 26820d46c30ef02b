-- policytk.serve.pages.submit: the 报送 page (/city/<city>/submit) — for a unit, the form of the
-- open round (policytk.round.form: its indicators by region with the last figure beside each
-- 数值, its tasks' 本月进展/存在问题/下步打算), each refused field's message beside it, and the
-- upload of a returned workbook; for the office, every unit's status and the form that opens a
-- round; for a leader, the status only.
--
-- Render contract (docs/pages.md):
--   submit.render(conn, params, viewer) → html | nil, status, message_in_chinese
--   params: { city =, values = { field → text as sent } (a refused form shown again),
--     problems = { { field =, message = } … }, notice = text (after a save), error = text }
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local basis = require "policytk.data.basis"
local form = require "policytk.round.form"
local guard = require "policytk.serve.pages.guard"
local layout = require "policytk.serve.pages.layout"
local pages_city = require "policytk.serve.pages.city"
local rounds = require "policytk.round.rounds"
local status = require "policytk.round.status"
local template = require "policytk.data.template"

local esc = layout.escape
local M = {}

-- The problems by field, and those of the form as a whole.
local function by_field(problems)
  local out, general = {}, {}
  for _, p in ipairs(problems or {}) do
    if p.field then out[p.field] = (out[p.field] and out[p.field] .. "；" or "") .. p.message
    else general[#general + 1] = p.message end
  end
  return out, general
end

-- A field's message beside it (an element the page and the browser test find by its id).
local function message(name, problems)
  local m = problems[name]
  if not m then return "" end
  return string.format('<div class="err" id="err-%s" role="alert">%s</div>', esc(name), esc(m))
end

local function input(name, value, problems, attrs)
  return string.format('<input type="text" name="%s" id="f-%s" value="%s"%s%s/>%s', esc(name), esc(name),
    esc(value), problems[name] and ' aria-invalid="true" class="bad"' or "", attrs or "", message(name, problems))
end

local function select_basis(name, value, problems)
  local out = { string.format('<select name="%s" id="f-%s">', esc(name), esc(name)) }
  for _, w in ipairs(basis.WORDS) do
    out[#out + 1] = string.format('<option%s>%s</option>', w == value and " selected" or "", esc(w))
  end
  out[#out + 1] = "</select>" .. message(name, problems)
  return table.concat(out)
end

local function textarea(name, value, problems)
  return string.format('<textarea name="%s" id="f-%s" rows="3"%s>%s</textarea>%s', esc(name), esc(name),
    problems[name] and ' aria-invalid="true" class="bad"' or "", esc(value), message(name, problems))
end

-- The value a field shows: what was sent (a refused form), else what is held.
local function shown(values, name, held)
  if values and values[name] ~= nil then return values[name] end
  return held == nil and "" or tostring(held)
end

local function figures_table(view, values, problems)
  local out = { "<table><thead><tr><th>指标</th><th>地区</th><th>期间</th><th>数值</th><th>单位</th><th>口径</th>"
    .. "<th>上期数</th><th>下达目标</th><th>备注</th></tr></thead><tbody>" }
  for _, r in ipairs(view.rows) do
    local v, b, n = form.field("value", r.index), form.field("basis", r.index), form.field("note", r.index)
    out[#out + 1] = string.format("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
      .. "<td>%s</td><td>%s</td><td>%s</td></tr>", esc(r.indicator), esc(r.region), esc(r.period),
      input(v, shown(values, v, r.value), problems, ' inputmode="decimal" size="10"'), esc(r.unit),
      select_basis(b, shown(values, b, r.basis), problems), esc(r.last), esc(r.share or ""),
      input(n, shown(values, n, ""), problems, ' size="12"'))
  end
  out[#out + 1] = "</tbody></table>"
  return table.concat(out, "\n")
end

local function tasks_table(view, values, problems)
  if #view.tasks == 0 then return '<p class="empty">本单位在本轮没有牵头或配合的任务。</p>' end
  local out = { "<table><thead><tr><th>任务</th><th>牵头/配合</th><th>上月进展</th><th>本月进展</th>"
    .. "<th>存在问题</th><th>下步打算</th></tr></thead><tbody>" }
  for _, t in ipairs(view.tasks) do
    local cells = {}
    for _, k in ipairs({ "progress", "problems", "next_steps" }) do
      local name = form.field(k, t.key)
      cells[#cells + 1] = "<td>" .. textarea(name, shown(values, name, t[k]), problems) .. "</td>"
    end
    out[#out + 1] = string.format('<tr><td><a href="%s">%s</a> %s</td><td>%s</td><td class="pre">%s</td>%s</tr>',
      esc(layout.path.task(view.city.id, t.doc .. ":" .. t.mid)), esc(t.mid), esc(t.title), esc(t.role), esc(t.last),
      table.concat(cells))
  end
  out[#out + 1] = "</tbody></table>"
  return table.concat(out, "\n")
end

local FORM_CSS = [[<style>
.err { color: #b71c1c; font-size: 12px; font-weight: bold; }
input.bad, textarea.bad { border: 2px solid #c62828; background: #ffebee; }
textarea { width: 100%; min-width: 14em; font-family: inherit; }
.ok { border-left: 4px solid #2e7d32; background: #e8f5e9; padding: 4px 8px; }
.problems { border-left: 4px solid #c62828; background: #ffebee; padding: 4px 8px; }
</style>]]

-- The unit's form of round r.
local function unit_form(conn, city, r, viewer, params)
  local view, why = form.view(conn, r.id, viewer.unit)
  if not view then
    return (params.error and ('<div class="problems" id="problems">' .. esc(params.error) .. "</div>") or "")
      .. string.format('<p class="empty">%s。</p>', esc(why))
  end
  local problems, general = by_field(params.problems)
  local head = {}
  local ru = view.returned
  head[#head + 1] = string.format('<p>第%d轮 %s%s月度报送，截止日期 %s。本单位：%s；%s。</p>', r.id, esc(city.name),
    esc(template.period_text(r.period)), esc(r.due and require("policytk.data.store").day_text(r.due) or "未定"),
    esc(viewer.unit), ru.returned_at and ("已于 " .. esc(layout.beijing(ru.returned_at)) .. " 报送，可修改后再次保存")
      or "尚未报送")
  if params.notice then head[#head + 1] = '<p class="ok" id="notice">' .. esc(params.notice) .. "</p>" end
  if params.error or #general > 0 or next(problems) then
    local list = {}
    if params.error then list[#list + 1] = "<li>" .. esc(params.error) .. "</li>" end
    for _, g in ipairs(general) do list[#list + 1] = "<li>" .. esc(g) .. "</li>" end
    head[#head + 1] = '<div class="problems" id="problems">未保存：请按提示修改标红的格子后再保存。<ul>'
      .. table.concat(list) .. "</ul></div>"
  end
  return table.concat({
    table.concat(head, "\n"),
    string.format('<form method="post" action="%s" id="submit-form">', esc(layout.path.submit(city.id))),
    string.format('<input type="hidden" name="csrf" value="%s"/><input type="hidden" name="round" value="%d"/>',
      esc(viewer.csrf), r.id),
    "<h2>指标（数值留空表示暂无数据，不会记为0）</h2>", figures_table(view, params.values, problems),
    "<h2>工作进展（每格不超过2000字）</h2>", tasks_table(view, params.values, problems),
    '<p><button type="submit" id="save">保存报送</button></p></form>',
    "<h2>或上传填好的报送表（Excel）</h2>",
    string.format('<form method="post" action="%s/upload" enctype="multipart/form-data">', esc(layout.path.submit(city.id))),
    string.format('<input type="hidden" name="csrf" value="%s"/>', esc(viewer.csrf)),
    '<input type="file" name="file" accept=".xlsx"/> <button type="submit">上传</button></form>',
  }, "\n")
end

-- Every unit's status in round r (the office and leaders).
local function status_table(conn, r)
  local rows = status.rows(conn, r, status.today())
  return '<p id="round-summary">' .. esc(status.summary(rows)) .. "</p>" .. layout.table({
    { title = "单位", key = "unit" },
    { title = "状态", html = function(x) return '<span class="st">' .. esc(x.status) .. "</span>" end },
    { title = "报送时间", html = function(x) return esc(x.returned_at and layout.beijing(x.returned_at) or "—") end },
    { title = "已填/应填", html = function(x) return esc(string.format("%s/%s", x.cells_filled or 0, x.cells_total or 0)) end,
      num = true },
  }, rows, "本轮没有单位。", function(x) return ' data-unit="' .. esc(x.unit) .. '"' end)
end

local function open_form(city, viewer)
  return table.concat({
    "<h2>开启月度报送</h2>",
    string.format('<form method="post" action="/city/%s/round/open">', layout.segment(city.id)),
    string.format('<input type="hidden" name="csrf" value="%s"/>', esc(viewer.csrf)),
    '期间 <input type="text" name="period" placeholder="2025-06" size="8"/> 截止日期 '
      .. '<input type="text" name="due" placeholder="2025-07-05" size="10"/> <button type="submit">开启</button></form>',
  }, "\n")
end

M.render = guard.wrap(function(conn, params, viewer)
  local city, as_of, why = pages_city.resolve(conn, params)
  if not city then return nil, as_of, why end
  local r = rounds.latest(conn, city.id)
  local body = { "<h1>" .. esc(city.name) .. " 月度报送</h1>", FORM_CSS }   -- r: the open round, or nil
  if params.notice and not (viewer and viewer.role == "unit") then
    body[#body + 1] = '<p class="ok" id="notice">' .. esc(params.notice) .. "</p>"
  end
  if params.error and not (viewer and viewer.role == "unit" and r) then
    body[#body + 1] = '<div class="problems" id="problems">' .. esc(params.error) .. "</div>"
  end
  if not r then
    body[#body + 1] = '<p class="empty">当前无进行中的报送轮次。</p>'
  elseif viewer and viewer.role == "unit" then
    body[#body + 1] = unit_form(conn, city, r, viewer, params)
  else
    body[#body + 1] = string.format("<h2>第%d轮 %s报送情况</h2>", r.id, esc(template.period_text(r.period)))
    body[#body + 1] = status_table(conn, r)
  end
  if viewer and viewer.role == "office" then body[#body + 1] = open_form(city, viewer) end
  return layout.page{ title = city.name .. " 月度报送", city = city, viewer = viewer, body = table.concat(body, "\n"),
                      as_of = as_of, active = "submit" }
end, "submit page")

return M
