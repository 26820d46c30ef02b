-- policytk.serve.api_routes: the office's own tools read what the verbs write, as JSON, with
-- the same rights as the pages (a session cookie; rights "api_read" / "download_report"):
--   GET /api/:city/targets              = policytk targets --city CITY --format json
--   GET /api/:city/progress[?as_of=&doc=] = policytk progress --city CITY --format json
--   GET /api/:city/round/status[?period=] = policytk round status CITY --format json
--   GET /api/:city/report/:file         = the report downloads (RULE.FORMAT, ?period=)
-- The rows and keys are the verbs' own (policytk.data.exports, policytk.progress.cli,
-- policytk.round.status): one vocabulary, documented per verb.
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local auth = require "policytk.serve.auth"
local cli = require "policytk.cli"
local core = require "policytk.core"
local log = require "policytk.log"
local respond = require "policytk.serve.respond"
local rights = require "policytk.serve.rights"
local tabular = require "policytk.data.tabular"

local function json_rows(columns, rows)
  local body = tabular.json(columns, rows)
  return { status = 200, headers = respond.headers({ ["Content-Type"] = "application/json; charset=utf-8" }),
           body = body }
end

local function api(fn)
  return function(req, ctx)
    local viewer, res = auth.viewer(req, ctx)
    if not viewer then return res end
    local city = req.params.city
    if not ctx.db:first("SELECT 1 AS x FROM cities WHERE id = ?", city) then
      return respond.json({ error = "unknown_city", message = "没有城市 " .. city }, 404)
    end
    local allowed, why = rights.may(ctx.db, viewer.user, "api_read", { city = city }, auth.rights_cache(ctx))
    if not allowed then
      log.warn("serve: 拒绝 %s %s %s：%s", viewer.name, req.method, req.path, tostring(why))
      return respond.json({ error = "forbidden", message = why }, 403)
    end
    local ok, out = pcall(fn, req, ctx, city)
    if ok then return out end
    if cli.is_failure(out) then return respond.json({ error = out.error or "failed", message = out.message }, 400) end
    error(out, 0)
  end
end

local function targets(_, ctx, city)
  local exports = require "policytk.data.exports"
  local rows = exports.rows(ctx.db, "targets", { city = city }, "json")
  return json_rows(exports.columns(exports.kinds.targets.keys, "json"), rows)
end

local function progress(req, ctx, city)
  local pcli = require "policytk.progress.cli"
  local as_of = req.query.as_of ~= nil and req.query.as_of ~= "" and req.query.as_of or pcli.today()
  if not core.is_iso_date(as_of) then cli.usage_error("bad_date: as_of 应为日期 YYYY-MM-DD") end
  local set = require("policytk.progress").dataset(ctx.db, { city = city, doc = req.query.doc ~= "" and req.query.doc
    or nil, thresholds = pcli.thresholds({ city }) })
  local records = set:evaluate_all(as_of)
  set:close()
  local rows = {}
  for i, r in ipairs(records) do rows[i] = pcli.row(r, "json") end
  return json_rows(pcli.columns(pcli.KEYS), rows)
end

local function round_status(req, ctx, city)
  local round = require "policytk.round"
  local status = require "policytk.round.status"
  local ok, r, rows = pcall(round.status, ctx.db, { city = city, period = req.query.period ~= "" and req.query.period
    or nil })
  if not ok then
    return respond.json({ error = "no_round", message = cli.is_failure(r) and r.message or tostring(r) }, 404)
  end
  local cols = {}
  for i, k in ipairs(status.KEYS) do cols[i] = { key = k } end
  for _, row in ipairs(rows) do           -- the workbook's name, not where it lies on the server
    if type(row.file) == "string" then row.file = row.file:match("[^/]*$") end
  end
  return json_rows(cols, rows)
end

local function report(req, ctx, city)
  local rule, fmt = req.params.file:match("^(.+)%.(%w+)$")
  if not rule then return respond.json({ error = "bad_path", message = "报告地址应为 规则.格式" }, 404) end
  local bytes, ctype, filename = require("policytk.serve.pages.downloads").report_file(ctx.db, city, rule, fmt,
    { period = req.query.period ~= "" and req.query.period or nil })
  if not bytes then return respond.json({ error = "report", message = filename }, ctype or 500) end
  return respond.download(bytes, filename, ctype)
end

return {
  { method = "GET", path = "/api/:city/targets", handler = api(targets) },
  { method = "GET", path = "/api/:city/progress", handler = api(progress) },
  { method = "GET", path = "/api/:city/round/status", handler = api(round_status) },
  { method = "GET", path = "/api/:city/report/:file", handler = api(report) },
}
