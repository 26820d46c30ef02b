-- policytk.reports.engine: turns a plugin's report{} rule into report data — picks the
-- builder (the plugin's own builder(ctx, period), run in the sandbox, else a shared builder
-- chosen by the rule's id, else by its frequency), gives it a read-only ctx onto the data, and
-- stamps what every report states: as-of date, the data's last update, whether figures are
-- samples. Renderers (reports/format_*.lua) turn the data into md, html, csv, json, xlsx, docx.
-- The ctx's members are declared in policytk.plugins.contract (runtime.report); the queries
-- behind it are the data layer's (policytk.data.queries, policytk.progress.data).
--
--   local engine = require "policytk.reports.engine"
--   local report = engine.build(conn, plugin, rule, period, { today = })
--   local text = engine.render(report, "html")          -- xlsx, docx: engine.write(report, "xlsx", path)
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local queries = require "policytk.data.queries"
local readonly = require "policytk.benefits.readonly"
local progress = require "policytk.progress"
local dates = require "policytk.progress.dates"
local data = require "policytk.progress.data"
local rollup = require "policytk.progress.rollup"
local common = require "policytk.reports.common"

local M = {}

--- Shared builders by rule id, then by frequency (reports/NAME.lua).
M.BY_ID = { monthly = "monthly", quarterly = "quarterly", inspection = "inspection", monitoring = "monitoring",
            index = "index" }
M.BY_FREQUENCY = { monthly = "monthly", quarterly = "quarterly" }
M.FALLBACK = "status"
M.FORMATS = { "md", "html", "csv", "json", "xlsx", "docx" }

--- The builder of a rule: "plugin" and the function, or the shared builder's name and function.
function M.builder_for(rule)
  if type(rule.builder) == "function" then return "plugin", rule.builder end
  local name = M.BY_ID[rule.id] or M.BY_FREQUENCY[rule.frequency] or M.FALLBACK
  return name, require("policytk.reports." .. name)
end

--- The shared builders, by name (a plugin builder may call them: ctx.builders.quarterly(ctx, period)).
function M.shared()
  local out = {}
  for _, name in ipairs({ "monthly", "quarterly", "inspection", "monitoring", "index", "status" }) do
    out[name] = require("policytk.reports." .. name)
  end
  return out
end

local function covered(rule)
  local c = rule.covers or {}
  local docs = c.docs and #c.docs > 0 and c.docs or { rule.doc }
  local tids
  if type(c.targets) == "table" then
    tids = {}
    for _, id in ipairs(c.targets) do tids[id] = true end
  end
  return docs, tids
end

local function copy_list(t)
  local out = {}
  for i, v in ipairs(t or {}) do out[i] = v end
  return out
end

--- The document row of a rule (fails when the document is not in the database).
function M.document(conn, city, doc)
  local row = queries.document(conn, city, doc)
  if not row then
    cli.fail("document %s of %s is not in the database: run policytk load first", doc, city)
  end
  return row
end

-- The rule's declaration as the ctx shows it (no builder; lists copied).
local function rule_view(rule)
  return { id = rule.id, name = rule.name, doc = rule.doc, section = rule.section, quote = rule.quote,
           frequency = rule.frequency, due = rule.due, due_day = rule.due_day, from = copy_list(rule.from),
           to = copy_list(rule.to), covers = rule.covers, indices = rule.indices }
end

-- The dataset of a rule: the covered documents' targets (only those listed in covers.targets).
local function dataset_of(conn, plugin, docs, tids)
  local th = plugin.manifest and plugin.manifest.progress
  local set = data.dataset(conn, { city = plugin.id, docs = docs, thresholds = { [plugin.id] = th } })
  if tids then
    local kept = {}
    for _, t in ipairs(set.targets) do if tids[t.tid] then kept[#kept + 1] = t end end
    set.targets = kept
  end
  return set
end

-- The functions of the ctx (contract.runtime.report), reading set and, for documents and
-- measures, the data layer; dates default to ctx.as_of.
local function add_readers(ctx, conn, plugin, rule, set)
  local as_of, city, docs = ctx.as_of, ctx.city, ctx.docs
  function ctx.targets() return set.targets end
  function ctx.progress(at) return set:evaluate_all(at or as_of) end
  function ctx.evaluate(t, at, over) return set:evaluate(t, at or as_of, over) end
  function ctx.series(indicator, region) return set:series(indicator, region or city.code) end
  function ctx.counties(t, at) return rollup.counties(set, t, at or as_of) end
  function ctx.rollup(records, key) return rollup.by(records, key) end
  function ctx.regions() return set.regions[plugin.id] or {} end
  function ctx.indicator(code) return set:indicator(plugin.id, code) end
  function ctx.region_name(code) return set.region_names[code] or code end
  function ctx.document(doc) return M.document(conn, plugin.id, doc or rule.doc) end
  function ctx.measures()
    local out = {}
    for _, doc in ipairs(docs) do
      for _, m in ipairs(queries.measures(conn, plugin.id, doc)) do out[#out + 1] = m end
    end
    return out
  end
end

--- The ctx handed to builders: read-only data access for one city, rule and period, with the
--- members of contract.runtime.report (each described there); and the dataset behind it
--- (kept from plugins: it holds the connection).
function M.context(conn, plugin, rule, period, opts)
  opts = opts or {}
  local city = queries.city(conn, plugin.id)
  if not city then cli.fail("%s is not in the database: run policytk load first", plugin.id) end
  local docs, tids = covered(rule)
  local set = dataset_of(conn, plugin, docs, tids)
  local ps, pe = dates.bounds(period)
  local ctx = {
    city = city, period = period, period_start = ps, period_end = pe, as_of = opts.as_of or pe,
    previous = dates.previous(period), docs = docs, rule = rule_view(rule),
    thresholds = set:thresholds(plugin.id),
    common = common, statuses = progress.STATUSES, colors = progress.COLOR, labels = progress.LABEL,
    builders = M.shared(),
  }
  add_readers(ctx, conn, plugin, rule, set)
  require("policytk.plugins.http").attach(ctx, plugin)   -- ctx.http: the manifest's hosts only
  return ctx, set
end

local function check_report(r, label)
  if type(r) ~= "table" then
    cli.fail("builder_error: %s returned %s, not a report table", label, type(r))
  end
  if type(r.sections) ~= "table" then
    cli.fail("builder_error: %s returned a report without sections", label)
  end
  for i, s in ipairs(r.sections) do
    if type(s) ~= "table" or type(s.title) ~= "string" then
      cli.fail("builder_error: %s: section %d has no title", label, i)
    end
    if s.rows and type(s.columns) ~= "table" then
      cli.fail("builder_error: %s: section %q has rows but no columns", label, s.title)
    end
  end
  return r
end

-- A plain copy of what a plugin builder returned (tables only as data, no metatables).
local function plain(v, depth)
  depth = depth or 0
  if depth > 20 then error("report data nested too deep", 0) end
  if type(v) ~= "table" then
    if type(v) == "function" or type(v) == "userdata" or type(v) == "thread" then return nil end
    return v
  end
  local out = {}
  for k, x in pairs(readonly.unwrap(v)) do out[k] = plain(x, depth + 1) end
  return out
end

--- Build the report data of a rule for a period. opts.as_of overrides the period's end.
function M.build(conn, plugin, rule, period, opts)
  opts = opts or {}
  local name, fn = M.builder_for(rule)
  local ctx, set = M.context(conn, plugin, rule, period, opts)
  local label = string.format("plugin %s, rule %s", plugin.id, rule.id)
  local report
  if name == "plugin" then
    local sandbox = require "policytk.plugins.sandbox"
    local ok, result, stopped = sandbox.call(label .. ": builder", plugin.limits, fn, readonly.view(ctx), period)
    if not ok then
      if cli.is_failure(result) then error(result, 0) end
      cli.fail("builder_error: the builder of %s raised an error%s: %s", label,
        stopped and (" (" .. stopped .. " budget ran out)") or "", tostring(result))
    end
    report = check_report(plain(result), label)
  else
    local ok, result = pcall(fn, ctx, period)
    if not ok then
      if cli.is_failure(result) then error(result, 0) end
      cli.fail("builder_error: the shared builder %s failed for %s: %s", name, label, tostring(result))
    end
    report = check_report(result, label)
  end
  report.builder = name
  report.city = plugin.id
  report.city_name = ctx.city.name
  report.rule = { id = rule.id, name = rule.name, doc = rule.doc, section = rule.section, quote = rule.quote,
                  frequency = rule.frequency, due = rule.due, from = copy_list(rule.from), to = copy_list(rule.to) }
  report.period = period
  report.as_of = ctx.as_of
  local prefix = rule.name:sub(1, #ctx.city.name) == ctx.city.name and "" or ctx.city.name
  report.title = report.title or string.format("%s%s（%s）", prefix, rule.name, period)
  report.data_updated = set:updated()
  report.sample = set:has_samples()
  report.generated = opts.generated or store.now()
  report.notes = report.notes or {}
  if report.sample then
    table.insert(report.notes, 1, "本报告所用数字含示例数据（非官方数据），仅供演示，不得作为统计数据引用。")
  end
  set:close()
  return report
end

local RENDERERS = { md = "format_md", html = "format_html", csv = "format_csv", json = "format_json" }

--- The report as text in format md | html | csv | json.
function M.render(report, format)
  local mod = RENDERERS[format]
  if not mod then error("engine.render: no text renderer for " .. tostring(format), 2) end
  return require("policytk.reports." .. mod).render(report)
end

--- Write the report to path in format (all formats, xlsx and docx included); nothing is left
--- behind when it fails.
function M.write(report, format, path)
  if format == "xlsx" then
    return require("policytk.reports.format_xlsx").write(report, path)
  end
  if format == "docx" then
    return require("policytk.reports.format_docx").write(report, path)
  end
  common.write_atomic(path, M.render(report, format))
end

return M
