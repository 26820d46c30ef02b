-- policytk.serve.pages.downloads: every report rule of a city's plugin in every format
-- (/city/<city>/downloads: links /city/<city>/report/<rule>.<fmt> for html, xlsx, docx, csv,
-- json), and the download itself, made by the report engine exactly as `policytk report` makes
-- it (policytk.reports.engine build + render / write; the period by reports.common:
-- default_period, or parse_period for one given).
--
-- Render contract (docs/pages.md):
--   downloads.render(conn, params, viewer) → html | nil, status, message_in_chinese
--   params: { city = }; 404: unknown city.
--   downloads.report_file(conn, city, rule, fmt [, { period = "2025-Q2", as_of = }])
--     → bytes, content_type, filename | nil, status, message_in_chinese
--   404: unknown city, rule or format; 400: a period that does not fit the rule. filename: the
--   report's Chinese title and period ("温州市…季度例会（2025年第2季度）.docx"), raw — the
--   caller encodes it (RFC 5987, Content-Disposition filename*=UTF-8''…).
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local cache = require "policytk.serve.pages.cache"
local cli = require "policytk.cli"
local common = require "policytk.reports.common"
local fs = require "policytk.fs"
local guard = require "policytk.serve.pages.guard"
local layout = require "policytk.serve.pages.layout"
local pages_city = require "policytk.serve.pages.city"
local plugins = require "policytk.plugins"
local queries = require "policytk.data.queries"
local store = require "policytk.data.store"

local today = require("policytk.progress.cli").today

local esc = layout.escape
local M = {}

--- The formats offered, in order, with their content types.
M.FORMATS = { "html", "xlsx", "docx", "csv", "json" }
M.CONTENT_TYPE = {
  html = "text/html; charset=utf-8",
  xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv = "text/csv; charset=utf-8",
  json = "application/json; charset=utf-8",
}
M.LABEL = { html = "网页", xlsx = "Excel", docx = "Word", csv = "CSV", json = "JSON" }

-- The city's plugin, loaded once per data version (a `policytk load` writes the database).
local function plugin_of(conn, city)
  return cache.get(conn, "plugin|" .. city.id, function()
    local p = plugins.load_valid(city.id)
    if not p then
      return nil, 500, string.format("%s的插件无法载入，请管理员运行 policytk check %s 查看问题", city.name, city.id)
    end
    return p
  end)
end

local function rule_of(p, id)
  for _, r in ipairs(p.reports or {}) do if r.id == id then return r end end
end

-- A file name without path separators or control characters.
local function file_safe(s)
  return (s:gsub("[/\\%c]", "_"))
end

--- The download's file name: the report's title with its period as staff read it.
function M.filename(report, fmt)
  local title = report.title or report.rule_name or report.rule.id
  local suffix = "（" .. report.period .. "）"
  if title:sub(-#suffix) == suffix then title = title:sub(1, -#suffix - 1) end
  return file_safe(title .. "（" .. store.period_text(report.period) .. "）." .. fmt)
end

-- The bytes of a report in a format (xlsx, docx through a temporary file, removed after).
local function bytes_of(engine, report, fmt)
  if fmt ~= "xlsx" and fmt ~= "docx" then return engine.render(report, fmt) end
  local path = os.tmpname()
  local ok, err = pcall(function()
    engine.write(report, fmt, path)
    local f = assert(io.open(path, "rb"))
    local s = f:read("a")
    f:close()
    return s
  end)
  fs.remove(path)
  if not ok then error(err, 0) end
  return err
end

local function report_file(conn, city_id, rule_id, fmt, opts)
  opts = opts or {}
  local city = type(city_id) == "string" and queries.city(conn, city_id)
  if not city then return nil, 404, string.format("没有城市“%s”", tostring(city_id)) end
  if not M.CONTENT_TYPE[fmt] then
    return nil, 404, string.format("没有“%s”格式的报告；可选：%s", tostring(fmt), table.concat(M.FORMATS, "、"))
  end
  local p, status, message = plugin_of(conn, city)
  if not p then return nil, status, message end
  local rule = rule_of(p, rule_id)
  if not rule then return nil, 404, string.format("%s没有报送规则“%s”", city.name, tostring(rule_id)) end
  local engine = require "policytk.reports.engine"
  local ok, res = pcall(function()
    local doc = engine.document(conn, city.id, rule.doc)
    local period = opts.period and common.parse_period(rule, doc, opts.period) or common.default_period(rule, doc, today())
    local report = engine.build(conn, p, rule, period, { as_of = opts.as_of, generated = os.getenv("POLICYTK_NOW") })
    return { bytes = bytes_of(engine, report, fmt), filename = M.filename(report, fmt) }
  end)
  if not ok then
    if cli.is_failure(res) and res.code == cli.USAGE then return nil, 400, res.message end
    error(res, 0)
  end
  return res.bytes, M.CONTENT_TYPE[fmt], res.filename
end

M.report_file = guard.wrap(report_file, "report download")

local function body(conn, city, p)
  local rows = {}
  for _, r in ipairs(p.reports or {}) do
    local doc = queries.document(conn, city.id, r.doc)
    rows[#rows + 1] = { rule = r, doc = doc, period = doc and common.default_period(r, doc, today()) }
  end
  local html = layout.table({
    { title = "报送规则", html = function(x) return esc(x.rule.name or x.rule.id) end },
    { title = "文件", html = function(x) return esc(x.doc and x.doc.title or x.rule.doc) end },
    { title = "频次", html = function(x) return esc(common.FREQUENCY[x.rule.frequency] or x.rule.frequency or "不定期") end },
    { title = "报告期", html = function(x) return esc(x.period and store.period_text(x.period) or "—") end },
    { title = "下载", html = function(x)
        local links = {}
        for _, fmt in ipairs(M.FORMATS) do
          links[#links + 1] = layout.link(layout.path.report(city.id, x.rule.id, fmt), M.LABEL[fmt] .. "（" .. fmt .. "）")
        end
        return table.concat(links, " · ")
      end },
  }, rows, "本市插件没有报送规则", function(x) return ' data-rule="' .. esc(x.rule.id) .. '"' end)
  return table.concat({
    string.format("<h1>%s报告下载</h1>", esc(city.name)),
    '<p class="muted">每项报送规则按最近一个完整报告期生成，与 policytk report 所出相同。</p>',
    '<section class="box">', html, "</section>",
  }, "\n")
end

M.render = guard.wrap(function(conn, params, viewer)
  local city, as_of, message = pages_city.resolve(conn, params)
  if not city then return nil, as_of, message end
  local p, status, msg = plugin_of(conn, city)
  if not p then return nil, status, msg end
  return layout.page({ title = city.name .. "报告下载", city = city, viewer = viewer, body = body(conn, city, p),
                       active = "downloads" })
end, "downloads")

return M
