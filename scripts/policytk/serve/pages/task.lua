-- policytk.serve.pages.task: one task (measure) of a city (/city/<city>/task/<id>) — its text
-- as the document states it, the document's title, lead and responsible units
-- (policytk.data.queries.measure_units, the one lead rule), its targets with their status (the
-- one progress computation), and its progress texts over time (policytk.round.texts
-- .history: 本月进展, 存在问题, 下步打算 per period and unit, superseded ones marked) with who
-- entered each and when in 北京时间.
--
-- Render contract (docs/pages.md):
--   task.render(conn, params, viewer) → html | nil, status, message_in_chinese
--   params: { city =, id = "M05" (or "doc:M05" when two documents of the city use the id),
--   as_of = optional }; 404: unknown city or task.
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local common = require "policytk.reports.common"
local data = require "policytk.serve.pages.dashboard_data"
local guard = require "policytk.serve.pages.guard"
local layout = require "policytk.serve.pages.layout"
local pages_city = require "policytk.serve.pages.city"
local queries = require "policytk.data.queries"
local store = require "policytk.data.store"
local texts = require "policytk.round.texts"

local esc = layout.escape
local M = {}

-- The measure row with its text (queries.measures lists measures without their text).
local MEASURE = [[
SELECT m.id AS row_, d.doc, d.title AS doc_title, m.mid, m.section, m.title, m.text, m.phase, m.contact_name,
  m.contact_phone, m.key_work, m.city_target, m.actions
FROM measures m JOIN documents d ON d.id = m.document
WHERE d.city = ?1 AND m.mid = ?2 AND (?3 IS NULL OR d.doc = ?3) AND m.status = 'active' AND d.withdrawn = 0
ORDER BY d.id]]

--- The task of a city named by id ("M05" or "doc:M05"); nil, 404, message when there is none
--- or two documents use the id.
function M.find(conn, city, id)
  id = tostring(id or "")
  local doc, mid = id:match("^(.-):(.+)$")
  mid = mid or id
  local found = store.all(conn, MEASURE, city.id, mid, doc or store.NULL)
  if #found == 1 then
    local m = found[1]
    m.lead_units, m.units = queries.measure_units(conn, m.row_)
    return m
  end
  if #found == 0 then return nil, 404, string.format("%s没有任务“%s”", city.name, id) end
  return nil, 404, string.format("%s有 %d 个文件用编号“%s”，请写成“文件:编号”（如 %s:%s）", city.name, #found, id,
    found[1].doc, mid)
end

local function facts(rows)
  local out = { '<dl class="facts">' }
  for _, kv in ipairs(rows) do
    if kv[2] and kv[2] ~= "" then
      out[#out + 1] = "<dt>" .. esc(kv[1]) .. '</dt><dd class="pre">' .. esc(kv[2]) .. "</dd>"
    end
  end
  out[#out + 1] = "</dl>"
  return table.concat(out)
end

local function targets_html(conn, city, m, as_of)
  local set = pages_city.dataset(conn, city)
  local ok, html = pcall(function()
    local ids = data.link_ids(set.targets, "tid")
    local records = {}
    for _, t in ipairs(set.targets) do
      if t.doc == m.doc and t.measure == m.mid then records[#records + 1] = set:evaluate(t, as_of) end
    end
    return layout.table({
      { title = "状态", html = function(r) return layout.badge(r.status) end },
      { title = "指标", html = function(r)
          return layout.link(layout.path.target(city.id, ids[r.doc .. "/" .. r.tid] or r.tid), r.indicator_name)
        end },
      { title = "目标原文", key = "quote" },
      { title = "完成率", num = true, html = function(r) return esc(common.percent(r.completion)) end },
      { title = "序时进度", num = true, html = function(r) return esc(common.percent(r.schedule)) end },
      { title = "说明", key = "reason" },
    }, records, "该任务没有量化目标", function(r)
      return string.format(' data-target="%s" data-status="%s"', esc(r.doc .. "/" .. r.tid), esc(r.status))
    end)
  end)
  set:close()
  if not ok then error(html, 0) end
  return html
end

local function texts_html(conn, city, m)
  local rows = texts.history(conn, { city = city.id, doc = m.doc, mid = m.mid })
  table.sort(rows, function(a, b)          -- the latest period first; in a period, current before superseded
    if a.period ~= b.period then return a.period > b.period end
    if (a.superseded_at == nil) ~= (b.superseded_at == nil) then return a.superseded_at == nil end
    if a.unit ~= b.unit then return a.unit < b.unit end
    return a.id > b.id
  end)
  return layout.table({
    { title = "期间", html = function(r) return esc(store.period_text(r.period)) end },
    { title = "单位", key = "unit" },
    { title = "本月进展", html = function(r) return '<span class="pre">' .. esc(r.progress) .. "</span>" end },
    { title = "存在问题", html = function(r) return '<span class="pre">' .. esc(r.problems or "") .. "</span>" end },
    { title = "下步打算", html = function(r) return '<span class="pre">' .. esc(r.next_steps or "") .. "</span>" end },
    { title = "录入人", key = "by_user" },
    { title = "录入时间", html = function(r) return esc(layout.beijing(r.at)) end },
    { title = "批次", html = function(r) return esc(r.batch and ("批次 " .. r.batch) or "—") end },
    { title = "", html = function(r)
        return r.superseded_at and ('<span class="muted">已被更新（' .. esc(layout.beijing(r.superseded_at)) .. "）</span>")
          or "当前"
      end },
  }, rows, "尚无工作进展", function(r)
    return string.format(' data-period="%s" data-unit="%s"', esc(r.period), esc(r.unit))
  end)
end

local function body(conn, city, m, as_of)
  local contact = table.concat({ m.contact_name or "", m.contact_phone or "" }, " "):gsub("^ ", ""):gsub(" $", "")
  return table.concat({
    string.format("<h1>%s</h1>", esc(m.title)),
    '<section class="box">',
    facts({
      { "文件", m.doc_title }, { "条款", m.section }, { "编号", m.mid },
      { "牵头单位", #m.lead_units > 0 and table.concat(m.lead_units, "、") or "（未指定）" },
      { "责任单位", table.concat(m.units, "、") }, { "联系人", contact }, { "时限", m.phase },
      { "任务原文", m.text }, { "重点工作", m.key_work }, { "市级目标", m.city_target }, { "落实举措", m.actions },
    }),
    "</section>",
    '<section class="box" id="targets"><h2>量化目标</h2>', targets_html(conn, city, m, as_of), "</section>",
    '<section class="box" id="texts"><h2>工作进展</h2>', texts_html(conn, city, m), "</section>",
  }, "\n")
end

M.render = guard.wrap(function(conn, params, viewer)
  local city, as_of, message = pages_city.resolve(conn, params)
  if not city then return nil, as_of, message end
  local m, status, msg = M.find(conn, city, params.id)
  if not m then return nil, status, msg end
  return layout.page({ title = m.title .. " · " .. city.name, city = city, viewer = viewer,
                       body = body(conn, city, m, as_of), as_of = as_of })
end, "task")

return M
