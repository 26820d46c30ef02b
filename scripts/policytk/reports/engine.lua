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
--   local data = engine.build_panel(conn, plugin, panel, period)   -- a plugin's panel{} for the web pages
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
local not_reported_note   -- defined below M.build

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
    cli.fail("数据库中没有 %s 的文件 %s：请先运行 policytk load", city, doc)
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
  function ctx.task_texts(from, to)
    return queries.task_texts(conn, plugin.id, from or ctx.period_months[1], to or ctx.period_months[2])
  end
  function ctx.round_status()
    local r = queries.round_within(conn, plugin.id, ctx.period_months[1], ctx.period_months[2])
    if not r then return nil end
    local status = require "policytk.round.status"
    return { period = r.period, due = r.due, units = status.rows(conn, r, as_of) }
  end
end

-- The first and last month of a period as period texts: "2025-Q2" → "2025-04", "2025-06".
local function months_of(ps, pe)
  return { ps:sub(1, 7), pe:sub(1, 7) }
end

--- The ctx handed to builders: read-only data access for one city, rule and period, with the
--- members of contract.runtime.report (each described there); and the dataset behind it
--- (kept from plugins: it holds the connection).
function M.context(conn, plugin, rule, period, opts)
  opts = opts or {}
  local city = queries.city(conn, plugin.id)
  if not city then cli.fail("数据库中没有 %s：请先运行 policytk load", plugin.id) end
  local docs, tids = covered(rule)
  local set = dataset_of(conn, plugin, docs, tids)
  local ps, pe = dates.bounds(period)
  local ctx = {
    city = city, period = period, period_start = ps, period_end = pe, as_of = opts.as_of or pe,
    previous = dates.previous(period), docs = docs, rule = rule_view(rule), period_months = months_of(ps, pe),
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
    cli.fail("builder_error: %s 返回了 %s，不是报告表", label, type(r))
  end
  if type(r.sections) ~= "table" then
    cli.fail("builder_error: %s 返回的报告没有 sections", label)
  end
  for i, s in ipairs(r.sections) do
    if type(s) ~= "table" or type(s.title) ~= "string" then
      cli.fail("builder_error: %s：第 %d 节没有 title", label, i)
    end
    if s.rows and type(s.columns) ~= "table" then
      cli.fail("builder_error: %s：第 %q 节有 rows 但没有 columns", label, s.title)
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

--- The shared builders as staff read them (the report's footer), by builder name.
M.BUILDER_NAMES = { monthly = "月度报送表", quarterly = "季度例会材料", inspection = "督促检查",
                    monitoring = "监测分析", index = "指数报告", status = "目标进展", plugin = "插件自带" }

-- What a row of a unit-list column is called in the appendix: its indicator, task or target.
local function row_label(row)
  return row.indicator_name or row.title or row.quote or row.region_name or row.id or "—"
end

--- The appendix of a report: every unit list its tables and metadata abbreviate
--- (common.units_short), in full; added as the last section when there is one.
function M.add_units_appendix(report)
  local lists = {}
  for _, k in ipairs({ { "报送单位", "from" }, { "报送对象", "to" } }) do
    lists[#lists + 1] = { label = k[1], units = report.rule[k[2]] or {} }
  end
  for _, s in ipairs(report.sections) do
    for _, c in ipairs(s.columns or {}) do
      if common.is_units_column(c) then
        for _, row in ipairs(s.rows or {}) do
          local v = row[c.key]
          if type(v) == "table" then
            lists[#lists + 1] = { label = s.title .. "：" .. row_label(row) .. "（" .. c.title .. "）", units = v }
          end
        end
      end
    end
  end
  local appendix = common.units_appendix(lists)
  if appendix then report.sections[#report.sections + 1] = appendix end
  return report
end

-- The names beside the ids (report.rule.doc_title, builder_name) and the times in 北京时间.
local function add_names(conn, report, plugin, rule, name)
  local doc = queries.document(conn, plugin.id, rule.doc)
  report.rule.doc_title = doc and doc.title or rule.doc
  report.doc_title = report.rule.doc_title
  report.rule_name = rule.name
  report.builder_name = M.BUILDER_NAMES[name] or name
  report.generated_text = common.beijing(report.generated)
  report.data_updated_text = common.beijing(report.data_updated)
end

--- Build the report data of a rule for a period. opts.as_of overrides the period's end.
function M.build(conn, plugin, rule, period, opts)
  opts = opts or {}
  local name, fn = M.builder_for(rule)
  local ctx, set = M.context(conn, plugin, rule, period, opts)
  local label = string.format("插件 %s 的%s“%s”", plugin.id, opts.kind_label or "报送规则", rule.name or rule.id)
  local report
  if name == "plugin" then
    local sandbox = require "policytk.plugins.sandbox"
    -- plain() inside the budget: the host reads only a plain copy of what the builder returns
    -- (a __pairs or __index of the plugin's runs under the budget, never after it)
    local ok, result, stopped = sandbox.call(label .. ": builder", plugin.limits,
      function(c, p) return plain(fn(c, p)) end, readonly.view(ctx), period)
    if not ok then
      if cli.is_failure(result) then error(result, 0) end
      cli.fail("builder_error: %s的构建器出错%s：%s", label,
        stopped and ("（" .. stopped .. " 预算用尽）") or "", tostring(result))
    end
    report = check_report(result, label)
  else
    local ok, result = pcall(fn, ctx, period)
    if not ok then
      if cli.is_failure(result) then error(result, 0) end
      cli.fail("builder_error: 共用构建器 %s 生成%s时出错：%s", name, label, tostring(result))
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
  not_reported_note(report, ctx)
  if report.sample then
    table.insert(report.notes, 1, "本报告所用数字含示例数据（非官方数据），仅供演示，不得作为统计数据引用。")
  end
  set:close()
  add_names(conn, report, plugin, rule, name)
  return M.add_units_appendix(report)
end

-- Every report says which units had not reported (the latest 月度报送 round of its period)
-- when it was made.
not_reported_note = function(report, ctx)
  local round = ctx.round_status()              -- an error here is the report's error, never hidden
  if not round then return end
  local late = {}
  for _, u in ipairs(round.units) do
    if u.status ~= "已报" then late[#late + 1] = u.unit .. (u.status == "部分" and "（部分）" or "") end
  end
  local text
  local when = require("policytk.data.template").period_text(round.period)
  if #late == 0 then
    text = string.format("%s月度报送：各单位均已报送。", when)
  else
    text = string.format("截至本报告生成时，%s月度报送尚有%d个单位未报或未报全：%s。", when, #late,
      table.concat(late, "、"))
  end
  report.notes[#report.notes + 1] = text
  report.not_reported = late
end

--- The rule a panel{} is built as: the panel's builder over its covers (default every
--- document of the plugin), named by its title.
function M.panel_rule(plugin, panel)
  local covers = panel.covers or {}
  local docs = covers.docs
  if not docs or #docs == 0 then
    docs = {}
    if panel.doc then docs[1] = panel.doc
    else for i, d in ipairs(plugin.documents or {}) do docs[i] = d.id end end
  end
  return { id = panel.id, name = panel.title, doc = panel.doc or docs[1], section = "", quote = "",
           frequency = "adhoc", from = {}, to = {}, builder = panel.builder,
           covers = { docs = docs, targets = covers.targets, indicators = covers.indicators } }
end

--- Build a plugin's panel{} for period (its builder in the sandbox, under the plugin's limits,
--- exactly as a report builder): the report data, titled with the panel's title.
function M.build_panel(conn, plugin, panel, period, opts)
  opts = opts or {}
  opts.kind_label = "网页面板"
  local report = M.build(conn, plugin, M.panel_rule(plugin, panel), period, opts)
  report.title = panel.title
  report.panel = panel.id
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
