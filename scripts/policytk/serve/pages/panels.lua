-- policytk.serve.pages.panels: the city plugin's own panels (panel{} in the contract;
-- docs/plugins.md) on the 驾驶舱 — each built by policytk.reports.engine.build_panel (the
-- plugin's builder in the sandbox under its budget) for the month of the page's date, its
-- sections shown as tables; a panel that fails shows that it failed and the rest of the page
-- stands. Built once per data version (policytk.serve.pages.cache).
--
--   panels.html(conn, city, as_of) → the panels' markup ("" when the plugin declares none)
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local cache = require "policytk.serve.pages.cache"
local cli = require "policytk.cli"
local layout = require "policytk.serve.pages.layout"
local log = require "policytk.log"
local plugins = require "policytk.plugins"

local esc = layout.escape
local M = {}

local function section_html(s)
  local out = { "<h3>" .. esc(s.title) .. "</h3>" }
  if s.columns and s.rows then
    local cols = {}
    for i, c in ipairs(s.columns) do
      local title = type(c) == "table" and (c.title or c.key) or c
      local key = type(c) == "table" and c.key or i
      cols[i] = { title = tostring(title), html = function(row) return esc(row[key]) end }
    end
    out[#out + 1] = layout.table(cols, s.rows, "（无）")
  end
  if s.text then out[#out + 1] = '<p class="pre">' .. esc(s.text) .. "</p>" end
  return table.concat(out, "\n")
end

local function one(conn, p, panel, period)
  local engine = require "policytk.reports.engine"
  local ok, r = pcall(engine.build_panel, conn, p, panel, period)
  local body
  if ok then
    local parts = {}
    for _, s in ipairs(r.sections or {}) do parts[#parts + 1] = section_html(s) end
    for _, n in ipairs(r.notes or {}) do parts[#parts + 1] = '<p class="muted">' .. esc(n) .. "</p>" end
    body = table.concat(parts, "\n")
  else
    local msg = cli.is_failure(r) and r.message or tostring(r)
    log.error("serve: panel %s/%s: %s", p.id, panel.id, msg)
    body = '<p class="note">此面板生成出错，详情已记入服务器日志。</p>'
  end
  return string.format('<section class="box panel" id="panel-%s"><h2>%s</h2>\n%s</section>', esc(panel.id),
    esc(panel.title), body)
end

function M.html(conn, city, as_of)
  return cache.get(conn, "panels|" .. city.id .. "|" .. as_of, function()
    local p = plugins.load_valid(city.id)
    if not p or not p.panels or #p.panels == 0 then return "" end
    local out = {}
    for _, panel in ipairs(p.panels) do
      if (panel.place or "dashboard") == "dashboard" then out[#out + 1] = one(conn, p, panel, as_of:sub(1, 7)) end
    end
    return table.concat(out, "\n")
  end)
end

return M
