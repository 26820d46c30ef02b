-- policytk.serve.pages.layout: the frame every read-only page shares — one HTML escape for
-- every dynamic string, the inline stylesheet (no external assets, no web fonts, no
-- JavaScript; fits a 1366×768 office screen and prints on A4 landscape), the navigation
-- (驾驶舱 / 报送 / 下载 / 退出 with the viewer's name and unit), status badges 红/黄/绿/灰 that say
-- their status in words (never colour alone), tables, and the 北京时间 footer "数据截至 …".
--
-- The render contract of every page module (docs/pages.md):
--   page.render(conn, params, viewer) → html_string
--                                     | nil, status, message_in_chinese   (404 unknown city/target/task)
--   conn: an open policytk database connection (policytk.data.store); params: the decoded path
--   and query parameters; viewer: { name =, unit =, role = 'unit'|'office'|'leader'|'admin',
--   csrf = } or nil.
--
--   local layout = require "policytk.serve.pages.layout"
--   layout.escape(s)                           -- & < > " ' escaped; nil → ""
--   layout.page{ title =, city =, viewer =, body =, as_of =, updated =, active = }
--   layout.badge(status)                       -- <span class="badge red">红 明显滞后</span>
--   layout.table(columns, rows [, empty, attrs]) -- columns: { title =, key = | html = fn(row), num = }
--   layout.path.dashboard(city) …              -- the URLs the pages link to (one place)
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local progress = require "policytk.progress"
local store = require "policytk.data.store"

local M = {}

--- The one HTML escape of the server (policytk.serve.respond.escape): text and attribute values
--- alike. nil → "".
M.escape = require("policytk.serve.respond").escape
local esc = M.escape

-- A path segment percent-encoded (RFC 3986 unreserved characters kept).
local function segment(s) return require("policytk.serve.respond").percent(s) end
M.segment = segment

--- The URLs the pages link to, in one place (the server's routes answer them).
M.path = {
  dashboard = function(city) return "/city/" .. segment(city) .. "/" end,
  submit = function(city) return "/city/" .. segment(city) .. "/submit" end,
  downloads = function(city) return "/city/" .. segment(city) .. "/downloads" end,
  target = function(city, id) return "/city/" .. segment(city) .. "/target/" .. segment(id) end,
  task = function(city, id) return "/city/" .. segment(city) .. "/task/" .. segment(id) end,
  report = function(city, rule, fmt) return "/city/" .. segment(city) .. "/report/" .. segment(rule) .. "." .. fmt end,
  logout = function() return "/logout" end,
  login = function() return "/login" end,
}

--- The colour word of a status (红/黄/绿/灰) and the badge class behind it.
M.CLASS = { ["红"] = "red", ["黄"] = "yellow", ["绿"] = "green", ["灰"] = "grey" }
M.COLORS = { "红", "黄", "绿", "灰" }

--- A status badge: colour word and label, e.g. 红 明显滞后 (text, not colour alone).
function M.badge(status)
  local color = progress.COLOR[status] or "灰"
  return string.format('<span class="badge %s">%s %s</span>', M.CLASS[color], esc(color),
    esc(progress.LABEL[status] or status))
end

--- A badge of a colour word with a text beside it (counts, round states).
function M.color_badge(color, text)
  return string.format('<span class="badge %s">%s</span>', M.CLASS[color] or "grey", esc(text))
end

--- A link; href is built by M.path (already a URL), text escaped.
function M.link(href, text)
  return '<a href="' .. esc(href) .. '">' .. esc(text) .. "</a>"
end

--- A table. columns: { title =, key = (its value escaped) | html = function(row) → markup the
--- function escaped itself, num = true (right-aligned) }. empty: the text when rows is empty;
--- attrs: function(row) → attributes of its <tr> (escaped by the function), optional.
function M.table(columns, rows, empty, attrs)
  if #rows == 0 then return '<p class="empty">' .. esc(empty or "（无）") .. "</p>" end
  local out = { "<table><thead><tr>" }
  for _, c in ipairs(columns) do out[#out + 1] = "<th>" .. esc(c.title) .. "</th>" end
  out[#out + 1] = "</tr></thead><tbody>"
  for _, row in ipairs(rows) do
    local cells = {}
    for i, c in ipairs(columns) do
      local v = c.html and c.html(row) or esc(row[c.key])
      cells[i] = (c.num and '<td class="n">' or "<td>") .. v .. "</td>"
    end
    out[#out + 1] = "<tr" .. (attrs and attrs(row) or "") .. ">" .. table.concat(cells) .. "</tr>"
  end
  out[#out + 1] = "</tbody></table>"
  return table.concat(out)
end

--- A time the store wrote (UTC ISO 8601) in 北京时间: "2025年7月3日 14:05（北京时间）"; nil → "—".
function M.beijing(iso)
  if iso == nil then return "—" end
  local text = store.beijing(iso)
  if text == tostring(iso) then return text end
  return text .. "（北京时间）"
end

M.CSS = [[
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 14px; color: #212121; margin: 0; background: #f5f5f5; }
header.top { background: #0d47a1; color: #ffffff; padding: 6px 16px; display: flex; align-items: center;
  flex-wrap: wrap; gap: 16px; }
header.top .brand { font-weight: bold; font-size: 16px; }
header.top nav a, header.top nav button { color: #ffffff; margin-right: 14px; text-decoration: none;
  font-size: 14px; background: none; border: 0; padding: 0; cursor: pointer; font-family: inherit; }
header.top nav a.on { border-bottom: 2px solid #ffffff; }
header.top nav form { display: inline; }
header.top .who { margin-left: auto; font-size: 13px; }
main { padding: 10px 16px; max-width: 1366px; }
h1 { font-size: 20px; margin: 6px 0 8px 0; }
h2 { font-size: 16px; border-bottom: 2px solid #1565c0; padding-bottom: 2px; margin: 18px 0 6px 0; }
h3 { font-size: 14px; margin: 10px 0 4px 0; }
section.box { background: #ffffff; border: 1px solid #e0e0e0; padding: 6px 10px; margin-bottom: 10px; }
.grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; }
.grid2 { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0; background: #ffffff; }
th, td { border: 1px solid #bdbdbd; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #e3f2fd; }
td.n { text-align: right; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: 9em 1fr; gap: 2px 10px; margin: 4px 0; }
dl.facts dt { color: #555555; } dl.facts dd { margin: 0; }
.badge { display: inline-block; white-space: nowrap; padding: 0 6px; border-radius: 3px; font-weight: bold;
  border: 1px solid transparent; }
.badge.red { background: #ffebee; color: #b71c1c; border-color: #c62828; }
.badge.yellow { background: #fff8e1; color: #7a5a00; border-color: #f9a825; }
.badge.green { background: #e8f5e9; color: #1b5e20; border-color: #2e7d32; }
.badge.grey { background: #eeeeee; color: #424242; border-color: #9e9e9e; }
.counts { display: flex; gap: 10px; flex-wrap: wrap; margin: 4px 0 8px 0; }
.count { border: 1px solid #bdbdbd; background: #ffffff; padding: 6px 14px; min-width: 130px; }
.count .k { font-size: 15px; } .count .v { font-size: 28px; font-weight: bold; }
.count.red { border-left: 8px solid #c62828; } .count.yellow { border-left: 8px solid #f9a825; }
.count.green { border-left: 8px solid #2e7d32; } .count.grey { border-left: 8px solid #9e9e9e; }
.muted { color: #616161; font-size: 12px; }
.empty { color: #616161; }
.note { border-left: 4px solid #f9a825; background: #fffde7; padding: 4px 8px; }
.pre { white-space: pre-wrap; }
footer { padding: 8px 16px; font-size: 12px; color: #616161; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { background: #ffffff; font-size: 10.5px; }
  header.top nav, header.top form, .noprint { display: none; }
  header.top { background: #ffffff; color: #000000; border-bottom: 2px solid #000000; }
  main { max-width: none; padding: 0; }
  section.box { border: 0; padding: 0; break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .badge { border-color: #000000; }
}
]]

-- The navigation: 驾驶舱 / 报送 / 下载 / 退出 (a POST form carrying the CSRF token), and who is
-- signed in; without a viewer a 登录 link.
local function nav(city, viewer, active)
  local out = { "<nav>" }
  if city then
    for _, item in ipairs({ { "dashboard", "驾驶舱" }, { "submit", "报送" }, { "downloads", "下载" } }) do
      out[#out + 1] = string.format('<a href="%s"%s>%s</a>', esc(M.path[item[1]](city.id)),
        active == item[1] and ' class="on"' or "", esc(item[2]))
    end
  end
  if viewer then
    out[#out + 1] = string.format('<form method="post" action="%s"><input type="hidden" name="csrf" value="%s"/>'
      .. '<button type="submit">退出</button></form>', esc(M.path.logout()), esc(viewer.csrf))
  else
    out[#out + 1] = '<a href="' .. esc(M.path.login()) .. '">登录</a>'
  end
  out[#out + 1] = "</nav>"
  if viewer then
    out[#out + 1] = string.format('<span class="who">%s（%s）</span>', esc(viewer.name), esc(viewer.unit))
  end
  return table.concat(out)
end

--- The whole page. o: title, city ({ id, name } or nil), viewer, body (markup the page built
--- with M.escape), as_of (YYYY-MM-DD: 数据截至), updated (UTC ISO: the data's last update),
--- active ("dashboard" | "submit" | "downloads": the nav entry shown as current).
function M.page(o)
  local foot = {}
  if o.as_of then foot[#foot + 1] = "数据截至 " .. esc(store.day_text(o.as_of)) end
  if o.updated then foot[#foot + 1] = "数据最后更新 " .. esc(M.beijing(o.updated)) end
  foot[#foot + 1] = "页面生成于 " .. esc(M.beijing(store.now()))
  return table.concat({
    "<!DOCTYPE html>",
    '<html lang="zh-CN"><head><meta charset="UTF-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    "<title>" .. esc(o.title) .. "</title>",
    "<style>" .. M.CSS .. "</style></head><body>",
    '<header class="top"><span class="brand">' .. esc(o.city and o.city.name or "policytk") .. " 政策目标驾驶舱</span>"
      .. nav(o.city, o.viewer, o.active) .. "</header>",
    "<main>",
    o.body,
    "</main>",
    "<footer>" .. table.concat(foot, " · ") .. " · policytk</footer>",
    "</body></html>",
  }, "\n") .. "\n"
end

return M
