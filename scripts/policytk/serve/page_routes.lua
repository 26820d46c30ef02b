-- policytk.serve.page_routes: the read-only pages of a city for a signed-in user, each behind
-- its right (policytk.serve.rights): GET /city/:city/ (驾驶舱, with the plugin's panels),
-- /city/:city/target/:id, /city/:city/task/:id, /city/:city/downloads and the downloads
-- /city/:city/report/:file (RULE.FORMAT: html, xlsx, docx, csv, json; ?period=).
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local auth = require "policytk.serve.auth"
local respond = require "policytk.serve.respond"

local function page(module, action, extra)
  return function(req, ctx)
    local viewer, res = auth.viewer(req, ctx)
    if not viewer then return res end
    local params = { city = req.params.city, id = req.params.id, as_of = req.query.as_of }
    local denied = auth.may(req, ctx, viewer, action, { city = params.city })
    if denied then return denied end
    local html, status, message = require("policytk.serve.pages." .. module).render(ctx.db, params, viewer)
    if not html then return respond.error(status or 500, message) end
    if extra then html = extra(ctx, params, html) end
    return respond.html(html)
  end
end

-- The plugin's panels, placed at the end of the dashboard's main part.
local function with_panels(ctx, params, html)
  local city = ctx.db:first("SELECT id, name FROM cities WHERE id = ?", params.city)
  local as_of = params.as_of and params.as_of ~= "" and params.as_of or require("policytk.progress.cli").today()
  local panels = require("policytk.serve.pages.panels").html(ctx.db, city, as_of)
  if panels == "" then return html end
  local at = html:find("</main>", 1, true)
  if not at then return html .. panels end
  return html:sub(1, at - 1) .. "<h2>专项面板</h2>\n" .. panels .. "\n" .. html:sub(at)
end

local function report(req, ctx)
  local viewer, res = auth.viewer(req, ctx)
  if not viewer then return res end
  local city = req.params.city
  local denied = auth.may(req, ctx, viewer, "download_report", { city = city })
  if denied then return denied end
  local rule, fmt = req.params.file:match("^(.+)%.(%w+)$")
  if not rule then return respond.error(404, "报告地址应为 规则.格式（如 monthly.xlsx）") end
  local downloads = require "policytk.serve.pages.downloads"
  local bytes, ctype, filename = downloads.report_file(ctx.db, city, rule, fmt,
    { period = req.query.period ~= "" and req.query.period or nil })
  if not bytes then return respond.error(ctype or 500, filename) end
  return respond.download(bytes, filename, ctype)
end

return {
  { method = "GET", path = "/city/:city/", handler = page("dashboard", "read_dashboard", with_panels) },
  { method = "GET", path = "/city/:city", handler = page("dashboard", "read_dashboard", with_panels) },
  { method = "GET", path = "/city/:city/target/:id", handler = page("target", "read_target") },
  { method = "GET", path = "/city/:city/task/:id", handler = page("task", "read_task") },
  { method = "GET", path = "/city/:city/downloads", handler = page("downloads", "read_dashboard") },
  { method = "GET", path = "/city/:city/report/:file", handler = report },
}
