-- policytk.serve.pages.target: one target of a city (/city/<city>/target/<id>) — its text as
-- the document states it, the document's title, lead units, its status and reason (the one
-- progress computation, policytk.progress.data), the series chart (the reports' sparkline),
-- its counties against their shares (policytk.progress.rollup.counties, the shares of
-- policytk.data.shares), and its figures per region and period with their basis 口径, the
-- batch that wrote each, who entered it and when in 北京时间 (policytk.data.batches).
--
-- Render contract (docs/pages.md):
--   target.render(conn, params, viewer) → html | nil, status, message_in_chinese
--   params: { city =, id = "T01" (or "doc:T01" when two documents of the city use the id),
--   as_of = optional }; 404: unknown city or target.
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local basis = require "policytk.data.basis"
local batches = require "policytk.data.batches"
local common = require "policytk.reports.common"
local dates = require "policytk.progress.dates"
local format_html = require "policytk.reports.format_html"
local guard = require "policytk.serve.pages.guard"
local layout = require "policytk.serve.pages.layout"
local pages_city = require "policytk.serve.pages.city"
local rollup = require "policytk.progress.rollup"
local shares = require "policytk.data.shares"
local store = require "policytk.data.store"

local esc = layout.escape
local M = {}

M.SHOWN = 36     -- figures shown per region, the latest first

--- The target of set named by id ("T01" or "doc:T01"); nil, 404, message when there is none
--- or the id is used by two documents.
function M.find(set, city, id)
  id = tostring(id or "")
  local doc, tid = id:match("^(.-):(.+)$")
  tid = tid or id
  local found = {}
  for _, t in ipairs(set.targets) do
    if t.tid == tid and (not doc or t.doc == doc) then found[#found + 1] = t end
  end
  if #found == 1 then return found[1] end
  if #found == 0 then return nil, 404, string.format("%s没有目标“%s”", city.name, id) end
  return nil, 404, string.format("%s有 %d 个文件用编号“%s”，请写成“文件:编号”（如 %s:%s）", city.name, #found, id,
    found[1].doc, tid)
end

local function facts(rows)
  local out = { '<dl class="facts">' }
  for _, kv in ipairs(rows) do
    out[#out + 1] = "<dt>" .. esc(kv[1]) .. "</dt><dd>" .. (kv.html or esc(kv[2])) .. "</dd>"
  end
  out[#out + 1] = "</dl>"
  return table.concat(out)
end

-- The figures of the target's indicator in the city and its counties, each with its batch.
local function figures(conn, set, city, t)
  local mine = { [city.code] = true }
  for _, r in ipairs(set.regions[city.id] or {}) do mine[r.code] = true end
  local by_region, order, batch_of = {}, {}, {}
  for _, o in ipairs(batches.figure_history(conn, t.indicator, nil)) do
    if mine[o.region] then
      if not by_region[o.region] then by_region[o.region] = {}; order[#order + 1] = o.region end
      local list = by_region[o.region]
      list[#list + 1] = o
      if o.batch and batch_of[o.batch] == nil then batch_of[o.batch] = batches.get(conn, o.batch) or false end
      for _, rv in ipairs(o.revisions) do
        if rv.batch and batch_of[rv.batch] == nil then batch_of[rv.batch] = batches.get(conn, rv.batch) or false end
      end
    end
  end
  table.sort(order, function(a, b)
    if (a == city.code) ~= (b == city.code) then return a == city.code end
    return a < b
  end)
  return by_region, order, batch_of
end

local function batch_text(batch_of, id)
  local b = id and batch_of[id]
  if not b then return "—", "—", "—" end
  return string.format("批次 %d%s", b.id, b.file and ("（" .. b.file:match("[^/]*$") .. "）") or ""), b.by_user,
    layout.beijing(b.at)
end

local function figures_html(conn, set, city, t)
  local by_region, order, batch_of = figures(conn, set, city, t)
  if #order == 0 then return '<p class="empty">尚无该指标的数据</p>' end
  local out = {}
  for _, region in ipairs(order) do
    local list = dates.annotate(by_region[region])
    table.sort(list, function(a, b) if a.e ~= b.e then return a.e > b.e end return a.g > b.g end)
    local shown = table.move(list, 1, math.min(#list, M.SHOWN), 1, {})
    out[#out + 1] = string.format('<h3 data-region="%s">%s</h3>', esc(region), esc(set.region_names[region] or region))
    out[#out + 1] = layout.table({
      { title = "期间", html = function(o) return esc(store.period_text(o.period)) end },
      { title = "数值", num = true, html = function(o) return esc(common.number(o.value, o.unit or t.ind_unit)) end },
      { title = "口径", html = function(o) return esc(o.basis and basis.label(o.basis) or "—") end },
      { title = "批次", html = function(o) return esc((batch_text(batch_of, o.batch))) end },
      { title = "录入人", html = function(o) return esc(select(2, batch_text(batch_of, o.batch))) end },
      { title = "录入时间", html = function(o) return esc(select(3, batch_text(batch_of, o.batch))) end },
      { title = "来源", key = "source" },
      { title = "此前数值", html = function(o)
          local prev = {}
          for _, rv in ipairs(o.revisions) do
            local b, who = batch_text(batch_of, rv.batch)
            prev[#prev + 1] = string.format("%s（%s，%s）", common.number(rv.value, rv.unit or t.ind_unit), b, who)
          end
          return esc(#prev > 0 and table.concat(prev, "；") or "—")
        end },
    }, shown, nil, function(o)
      return string.format(' data-period="%s" data-batch="%s"', esc(o.period), esc(o.batch or ""))
    end)
    if #list > #shown then
      out[#out + 1] = string.format('<p class="muted">仅列最近 %d 期，共 %d 期（policytk history 可查全部）</p>', #shown, #list)
    end
  end
  return table.concat(out, "\n")
end

local function counties_html(conn, set, t, as_of)
  local c = rollup.counties(set, t, as_of)
  local listing = shares.listing(conn, t)
  local share_of = {}
  for _, s in ipairs(listing) do share_of[s.region] = s end
  if #c.rows == 0 then return '<p class="empty">未分解到县（市、区），各县（市、区）也无该指标数据</p>' end
  local html = layout.table({
    { title = "县（市、区）", key = "region_name" },
    { title = "分解目标", num = true, html = function(r) return esc(r.share and common.number(r.share, r.unit) or "未分解") end },
    { title = "来源", html = function(r)
        local s = share_of[r.region]
        return esc(s and (s.source_text .. (s.by and ("，" .. s.by) or "") .. (s.at and ("，" .. layout.beijing(s.at)) or ""))
          or "—")
      end },
    { title = "实际", num = true, html = function(r) return esc(common.number(r.actual, r.unit)) end },
    { title = "完成率", num = true, html = function(r) return esc(common.percent(r.completion)) end },
    { title = "状态", html = function(r) return layout.badge(r.status) end },
    { title = "说明", key = "reason" },
  }, c.rows, nil, function(r)
    return string.format(' data-region="%s" data-status="%s"', esc(r.region), esc(r.status))
  end)
  if c.sum and c.city_actual then
    html = html .. string.format('<p class="muted">各县合计 %s，全市 %s%s</p>', esc(common.number(c.sum, t.unit)),
      esc(common.number(c.city_actual, t.unit)), c.consistent and "，一致" or "，不一致（请核对）")
  end
  return html
end

local function body(conn, set, city, t, as_of)
  local r = set:evaluate(t, as_of)
  local pts = common.chart_points(set:series(t.indicator, t.region), as_of, nil,
    r.kind == "cumulative_new" and r.start or nil)
  local task = t.measure and layout.link(layout.path.task(city.id, t.doc .. ":" .. t.measure),
    t.measure .. (t.measure_title and ("　" .. t.measure_title) or "")) or nil
  return table.concat({
    string.format("<h1>%s</h1>", esc(t.indicator_name)),
    '<section class="box">',
    facts({
      { "目标原文", t.quote }, { "文件", t.doc_title }, { "条款", t.section },
      { "编号", t.tid }, { "牵头单位", #t.lead_units > 0 and table.concat(t.lead_units, "、") or "（未指定）" },
      { "联系人", t.contact or "—" }, { "任务", "—", html = task },
      { "目标值", (t.comparator ~= ">=" and t.comparator or "") .. common.number(t.value, t.unit) },
      { "期限", store.day_text(r.deadline) }, { "计算方法", r.method },
    }),
    "</section>",
    '<section class="box" id="status"><h2>进展</h2>',
    facts({
      { "状态", "", html = '<span data-status="' .. esc(r.status) .. '">' .. layout.badge(r.status) .. "</span>" },
      { "说明", r.reason },
      { "实际", common.number(r.actual, r.kind == "growth_rate" and "%" or r.unit) },
      { "完成率", common.percent(r.completion) }, { "序时进度", common.percent(r.schedule) },
      { "进度", "", html = format_html.status_bar(r.completion, r.schedule, r.status) },
      { "走势", "", html = #pts > 1 and format_html.sparkline(pts) or "—" },
      { "最近一期", r.last_period and store.period_text(r.last_period) or "—" },
    }),
    "</section>",
    '<section class="box" id="counties"><h2>分解到县（市、区）</h2>', counties_html(conn, set, t, as_of), "</section>",
    '<section class="box" id="figures"><h2>数据及其来源</h2>', figures_html(conn, set, city, t), "</section>",
  }, "\n"), r
end

M.render = guard.wrap(function(conn, params, viewer)
  local city, as_of, message = pages_city.resolve(conn, params)
  if not city then return nil, as_of, message end
  local set = pages_city.dataset(conn, city)
  local ok, html, status, msg = pcall(function()
    local t, st, m = M.find(set, city, params.id)
    if not t then return nil, st, m end
    local b = body(conn, set, city, t, as_of)
    return layout.page({ title = t.indicator_name .. " · " .. city.name, city = city, viewer = viewer, body = b,
                         as_of = as_of, updated = set:updated() })
  end)
  set:close()
  if not ok then error(html, 0) end
  return html, status, msg
end, "target")

return M
