-- policytk.serve.pages.dashboard: the 驾驶舱 of a city (/city/<city>/) — status counts 红/黄/绿/灰
-- with the reports' summary bar, red targets by lead unit, by county and by document (its
-- title), every target with its status, 完成率, 序时进度, the reports' status bar and sparkline
-- (policytk.reports.format_html: the same SVG, not redrawn), and the open round's reporting
-- status (已报/部分/未报/逾期 per unit) or "当前无进行中的报送轮次".
--
-- Render contract (docs/pages.md):
--   dashboard.render(conn, params, viewer) → html | nil, status, message_in_chinese
--   params: { city = "wenzhou", as_of = "YYYY-MM-DD" (optional; default today as `policytk
--   progress` takes it) }; viewer: { name =, unit =, role =, csrf = } or nil. 404: unknown city.
--   dashboard.model(conn, params) → the figures (policytk.serve.pages.dashboard_data) or nil, status, message
--
-- The figures and the page body are computed once per change of the data (policytk.serve.pages
-- .cache, keyed on the database's data version); only the frame (who is signed in) is per request.
-- Every target row carries data-target="doc/id" data-status="status" (tests, staff scripts).
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local cache = require "policytk.serve.pages.cache"
local common = require "policytk.reports.common"
local data = require "policytk.serve.pages.dashboard_data"
local format_html = require "policytk.reports.format_html"
local guard = require "policytk.serve.pages.guard"
local layout = require "policytk.serve.pages.layout"
local pages_city = require "policytk.serve.pages.city"
local progress = require "policytk.progress"
local store = require "policytk.data.store"

local esc = layout.escape
local M = {}

-- What each colour counts, in words.
local PARTS = {
  ["红"] = { "behind", "missed" }, ["黄"] = { "lagging" }, ["绿"] = { "achieved", "on_track" }, ["灰"] = { "no_data" },
}

local function counts_html(m)
  local out = { '<div class="counts">' }
  for _, color in ipairs(layout.COLORS) do
    local parts = {}
    for _, s in ipairs(PARTS[color]) do parts[#parts + 1] = progress.LABEL[s] .. " " .. (m.counts[s] or 0) end
    out[#out + 1] = string.format('<div class="count %s" data-color="%s"><div class="k">%s</div><div class="v">%d</div>'
      .. '<div class="muted">%s</div></div>', layout.CLASS[color], esc(color), esc(color), m.colors[color],
      esc(table.concat(parts, "、")))
  end
  out[#out + 1] = "</div>"
  out[#out + 1] = '<div class="noprint-bar">' .. format_html.summary_bar(m.summary) .. "</div>"
  return table.concat(out)
end

local function target_link(m, r, text)
  return layout.link(layout.path.target(m.city.id, m.ids[r.doc .. "/" .. r.tid] or r.tid), text)
end

-- One column of red groups: each group's name, its red count and its red targets.
local function groups_html(m, title, groups, kind, empty)
  local out = { '<section class="box"><h3>' .. esc(title) .. "</h3>" }
  if #groups == 0 then
    out[#out + 1] = '<p class="empty">' .. esc(empty) .. "</p>"
  end
  for _, g in ipairs(groups) do
    out[#out + 1] = string.format('<div data-%s="%s"><strong>%s</strong>（红 %d）<ul>', kind, esc(g.key), esc(g.name), g.red)
    for _, r in ipairs(g.red_targets) do
      out[#out + 1] = string.format('<li data-target="%s">%s %s %s</li>', esc(r.doc .. "/" .. r.tid),
        layout.badge(r.status), target_link(m, r, r.indicator_name), esc(r.share and
          ("（分解目标 " .. common.number(r.share, r.unit) .. "，完成率 " .. common.percent(r.completion) .. "）") or ""))
    end
    out[#out + 1] = "</ul></div>"
  end
  out[#out + 1] = "</section>"
  return table.concat(out)
end

local ROUND_COLOR = { ["已报"] = "绿", ["部分"] = "黄", ["未报"] = "灰", ["逾期"] = "红" }
local ROUND_SHOWN = { "逾期", "未报", "部分", "已报" }      -- the ones to chase first

-- One unit of the round: its name, and for a return when and how much it filled.
local function round_unit(r)
  local extra = ""
  if r.returned_at then
    extra = string.format("（%s报回，已填 %d/%d）", store.beijing(r.returned_at), r.cells_filled, r.cells_total)
  end
  return string.format('<span class="unit" data-unit="%s" data-round-status="%s">%s%s</span>', esc(r.unit),
    esc(r.status), esc(r.unit), esc(extra))
end

local function round_html(m)
  local out = { '<section class="box" id="round"><h2>报送情况</h2>' }
  local rd = m.round
  if not rd then
    out[#out + 1] = '<p class="empty">当前无进行中的报送轮次</p></section>'
    return table.concat(out)
  end
  out[#out + 1] = string.format("<p>%s月度报送（第%d轮，截止日期 %s）：%s</p>", esc(store.period_text(rd.row.period)),
    rd.row.id, esc(rd.row.due and store.day_text(rd.row.due) or "未定"), esc(rd.summary))
  for _, st in ipairs(ROUND_SHOWN) do
    local list = {}
    for _, r in ipairs(rd.rows) do if r.status == st then list[#list + 1] = round_unit(r) end end
    if #list > 0 then
      out[#out + 1] = string.format('<p class="round">%s %s</p>', layout.color_badge(ROUND_COLOR[st],
        st .. " " .. #list), table.concat(list, "、"))
    end
  end
  out[#out + 1] = "</section>"
  return table.concat(out)
end

local function targets_html(m)
  local cols = {
    { title = "状态", html = function(r) return layout.badge(r.status) end },
    { title = "指标", html = function(r) return target_link(m, r, r.indicator_name) end },
    { title = "文件", key = "doc_title" },
    { title = "牵头单位", html = function(r) return esc((common.units_short(r.lead_units))) end },
    { title = "目标", num = true, html = function(r)
        return esc((r.comparator ~= ">=" and r.comparator or "") .. common.number(r.value, r.unit))
      end },
    { title = "实际", num = true, html = function(r)
        return esc(common.number(r.actual, r.kind == "growth_rate" and "%" or r.unit))
      end },
    { title = "完成率", num = true, html = function(r) return esc(common.percent(r.completion)) end },
    { title = "序时进度", num = true, html = function(r) return esc(common.percent(r.schedule)) end },
    { title = "进度（■完成率 ┃序时进度）", html = function(r)
        return format_html.status_bar(r.completion, r.schedule, r.status)
      end },
    { title = "走势", html = function(r)
        local pts = m.points[r]
        return #pts > 1 and format_html.sparkline(pts) or '<span class="muted">—</span>'
      end },
    { title = "说明", key = "reason" },
  }
  local html = layout.table(cols, m.records, "本市没有目标", function(r)   -- each row names its target and status
    return string.format(' data-target="%s" data-status="%s"', esc(r.doc .. "/" .. r.tid), esc(r.status))
  end)
  return '<section class="box" id="targets"><h2>全部目标（最差的在前）</h2>' .. html .. "</section>"
end

-- The page body for the model (the part kept in the cache).
local function body(m)
  return table.concat({
    string.format("<h1>%s驾驶舱</h1>", esc(m.city.name)),
    string.format('<p>截至%s，共 %d 项目标。<span class="muted">状态由 policytk progress 同一计算得出。</span></p>',
      esc(store.day_text(m.as_of)), m.counts.total),
    counts_html(m),
    '<h2>红色目标</h2><div class="grid">',
    groups_html(m, "按牵头单位", m.by_unit, "unit", "没有红色目标"),
    groups_html(m, "按县（市、区）", m.by_county, "county", "没有分解到县（市、区）的红色目标"),
    groups_html(m, "按文件", m.by_doc, "doc", "没有红色目标"),
    "</div>",
    round_html(m),
    targets_html(m),
  }, "\n")
end

-- The model and body of a city as of a date, once per data version.
local function cached(conn, params)
  local city, as_of, message = pages_city.resolve(conn, params)
  if not city then return nil, as_of, message end
  return cache.get(conn, "dashboard|" .. city.id .. "|" .. as_of, function()
    local m = data.build(conn, city, as_of)
    return { model = m, body = body(m) }
  end)
end

M.model = guard.wrap(function(conn, params)
  local c, status, message = cached(conn, params)
  if not c then return nil, status, message end
  return c.model
end, "dashboard")

M.render = guard.wrap(function(conn, params, viewer)
  local c, status, message = cached(conn, params)
  if not c then return nil, status, message end
  return layout.page({ title = c.model.city.name .. "驾驶舱", city = c.model.city, viewer = viewer, body = c.body,
                       as_of = c.model.as_of, updated = c.model.updated, active = "dashboard" })
end, "dashboard")

return M
