-- policytk.plugins.contract: the contract between the host and a city plugin.
--
-- Two halves, both data. The declarations: one schema per constructor (plugin{}, region{},
-- unit{}, document{}, measure{}, target{}, indicator{}, param{}, benefit{}, report{},
-- panel{}, source{}, test{}), every field typed and documented. The runtime: M.runtime, the members of
-- the ctx each runtime hook receives (benefit rules, report builders, plugin tests). Both are
-- generated into docs/plugins.md (`policytk contract`, `make docs`). Schemas are checked by
-- policytk.plugins.schema; cross-references between declarations by
-- policytk.plugins.crossref after loading; the ctx the host builds against M.runtime by
-- tests/lua/plugins/test_runtime_contract.lua.
--
-- Capability: the plugin contract and loading (entry policytk.plugins; map in docs/architecture.md).

local S = require "policytk.plugins.schema"

local M = {}

--- The contract version this host implements. A plugin names the one it targets.
M.VERSION = 1

local ID = "^[a-z][a-z0-9_]*$"
local LOCAL_ID = "^[A-Za-z0-9][A-Za-z0-9_.%-]*$"

M.comparators = { ">=", "<=", "~", "=" }
M.kinds = { "cumulative_new", "level", "growth_rate", "share", "duration", "other" }
M.statuses = { "draft", "in_force", "expired" }
--- Base units (no 万/亿 multiplier). Ask for an addition rather than abusing another.
M.units = {
  "家", "户", "个", "元", "美元", "%", "个百分点", "平方米", "亩", "人", "人次", "名",
  "台", "台次", "批次", "笔", "件", "场", "项", "次", "家次", "单次", "个工作日", "天", "小时",
  "年", "倍", "所", "条", "座", "套", "张", "吨", "千瓦", "只", "支", "位", "期",
}
M.frequencies = { "monthly", "quarterly", "semiannual", "annual", "periodic", "adhoc" }
M.benefit_kinds = { "award", "subsidy", "credit_line", "loan", "fee_cap", "interest", "tax_relief",
                    "service", "other" }
M.source_kinds = { "hanweb_jcms", "jpaas", "generic" }

local region = S.record({
  { "code", S.string{ required = true, pattern = "^%d%d%d%d%d%d$", form = "6 digits (GB/T 2260)",
                      desc = "GB/T 2260 division code, e.g. \"330302\"" } },
  { "name", S.string{ required = true, desc = "Chinese name, e.g. 鹿城区" } },
  { "parent", S.string{ pattern = "^%d%d%d%d%d%d$", form = "6 digits (GB/T 2260)",
                        desc = "code of the enclosing division; default the city" } },
  { "since", S.date{ desc = "first day the division exists in this form (redistricting)" } },
  { "until", S.date{ desc = "last day it exists in this form" } },
  { "shared_with", S.string{ pattern = ID, form = "a plugin id",
      desc = "the other city (plugin id) that also declares this division: the only way to declare a "
        .. "code outside the city's own prefix (330300 → 3303xx) or one another plugin declares; "
        .. "the row stays with the city whose prefix holds the code" } },
}, { desc = "A county-level division of the city (区, 县, 县级市, 功能区); its code lies in the city's "
  .. "GB/T 2260 prefix (the first four digits of the city's code) unless shared_with names the other city." })

local unit = S.record({
  { "short", S.string{ required = true, desc = "the short name as the documents write it: 市经信局" } },
  { "name", S.string{ required = true, desc = "full name: 温州市经济和信息化局" } },
  { "aliases", S.list(S.string(), { desc = "other spellings the documents use (市经信委 before 2019 …)" }) },
  { "kind", S.enum({ "government", "party", "central", "financial", "county", "other" },
                   { desc = "government department, party organ, central/vertical agency, financial regulator or bank, county governments, other" }) },
}, { desc = "A government unit named by a document." })

-- The host's caps (include/policytk.h PTK_MAX_*): a manifest cannot go past them.
local core = require "policytk.core"
local limits = S.record({
  { "instructions", S.integer{ min = 1000, max = core.max_instructions,
      desc = "Lua instructions (and pattern-matching steps) per call (default 10^9, at most 10^10)" } },
  { "memory", S.integer{ min = 1048576, max = core.max_memory,
      desc = "bytes per call (default 256 MiB, at most 2 GiB)" } },
  { "seconds", S.number{ min = 0.001, max = core.max_seconds,
      desc = "wall-clock seconds per call (default 10, at most 300)" } },
}, { desc = "Budgets for every call into the plugin's code: loading a file, a hook, a test." })

M.plugin = S.record({
  { "id", S.string{ required = true, pattern = ID, form = "lower-case letters, digits, _",
                    desc = "plugin id, the same as its folder name: wenzhou" } },
  { "name", S.string{ required = true, desc = "Chinese name: 温州市" } },
  { "code", S.string{ required = true, pattern = "^%d%d%d%d%d%d$", form = "6 digits (GB/T 2260)",
                      desc = "GB/T 2260 code of the city: 330300" } },
  { "version", S.string{ required = true, pattern = "^%d+%.%d+%.%d+$", form = "MAJOR.MINOR.PATCH",
                         desc = "the plugin's own version" } },
  { "contract", S.integer{ required = true, desc = "contract version targeted (this host: 1)" } },
  { "description", S.string{ desc = "one line about the plugin" } },
  { "regions", S.list(region, { required = true, min = 1, desc = "county-level divisions: region{}" }) },
  { "units", S.list(unit, { required = true, min = 1, desc = "government units: unit{}" }) },
  { "hosts", S.list(S.string{ pattern = "^[%w%.%-]+$", form = "a host name" },
                    { desc = "HTTP hosts the plugin's hooks may reach" }) },
  { "limits", limits },
  { "progress", S.record({
      { "lagging_points", S.number{ desc = "gap (序时进度 − 完成率, points) above which a target is lagging (default 0)" } },
      { "behind_points", S.number{ desc = "gap at or above which it is behind (default 10)" } },
      { "approx_tolerance", S.number{ min = 0, max = 1, desc = "a ~ (左右) target counts as achieved this fraction below (default 0.05)" } },
      { "substantial", S.number{ desc = "SDG growth ratio R at or above → substantial progress (default 0.95)" } },
      { "moderate", S.number{ desc = "R at or above → moderate progress (default 0.60)" } },
    }, { desc = "progress thresholds overriding the defaults (docs/reports.md)" }) },
}, { desc = "The manifest, returned by plugin.lua." })

local group = S.record({
  { "id", S.string{ required = true, pattern = LOCAL_ID, desc = "group id, unique in the document" } },
  { "name", S.string{ required = true, desc = "the group's name as the document writes it" } },
  { "section", S.string{ desc = "its number in the document: 二、(一)" } },
}, { desc = "A grouping of measures: a 七大体系 system or a 总体任务." })

local contact = S.record({
  { "name", S.string{ required = true } },
  { "phone", S.string{ required = true } },
}, { desc = "A contact person (联系人)." })

M.measure = S.record({
  { "id", S.string{ required = true, pattern = LOCAL_ID, desc = "unique in the document: M01" } },
  { "section", S.string{ required = true, desc = "number as the document gives it: 二、(一) 1" } },
  { "group", S.string{ desc = "id of the document's group this measure belongs to" } },
  { "title", S.string{ required = true, desc = "the measure's title (the sentence before the first 。 where it has none)" } },
  { "text", S.string{ required = true, desc = "the full text of the measure, repaired (simplified, no pinyin)" } },
  { "lead_units", S.list(S.string(), { desc = "short names of the lead unit(s)" }) },
  { "responsible_units", S.list(S.string(), { desc = "short names of all responsible units, in document order (leads included)" }) },
  { "key_work", S.string{ desc = "重点工作: the provincial task text (Wenzhou table)" } },
  { "city_target", S.string{ desc = "温州市目标 column text, once (Wenzhou table)" } },
  { "actions", S.list(S.string(), { desc = "numbered 落实举措, one string each (Wenzhou table)" }) },
  { "phase", S.string{ desc = "实施阶段 as written" } },
  { "contact", contact },
  { "contacts", S.list(contact, { desc = "further contacts where a row names more than one" }) },
}, { desc = "A numbered task of a document." })

local base = S.record({
  { "year", S.integer{ required = true, min = 1949, max = 2100 } },
  { "value", S.number{ required = true } },
}, { desc = "The base-year value the document gives for a growth target." })

local share = S.record({
  { "region", S.string{ required = true, pattern = "^%d%d%d%d%d%d$" } },
  { "value", S.number{ required = true } },
}, { desc = "A county's share of a target." })

M.target = S.record({
  { "id", S.string{ required = true, pattern = LOCAL_ID, desc = "unique in the document: T01" } },
  { "section", S.string{ required = true, desc = "where the target stands: 一、(三)" } },
  { "indicator", S.string{ required = true, pattern = ID, desc = "indicator code (common catalog or the plugin's own)" } },
  { "quote", S.string{ required = true, desc = "the exact phrase from the document (repaired text)" } },
  { "value", S.number{ required = true, desc = "the number in base units: 10万家 → 100000" } },
  { "unit", S.enum(M.units, { required = true, desc = "base unit, without 万/亿" }) },
  { "comparator", S.enum(M.comparators, { required = true,
      desc = "以上/超过/突破/不低于/达到 → \">=\"; 以下/不超过/控制在/以内 → \"<=\"; 左右 → \"~\"; exact → \"=\"" }) },
  { "kind", S.enum(M.kinds, { required = true, desc = "how progress is measured" }) },
  { "start", S.date{ desc = "first day counted; default the document's period_start" } },
  { "deadline", S.date{ required = true, desc = "到2025年 → 2025-12-31; the plan's end where no year is named" } },
  { "year", S.integer{ min = 1949, max = 2100, desc = "for a target stated for one year only" } },
  { "every", S.enum({ "year", "quarter", "month" }, { desc = "a recurring target (每年 …)" }) },
  { "lead_unit", S.string{ desc = "short name of the unit the text names for this target" } },
  { "measure", S.string{ desc = "id of the measure the target belongs to" } },
  { "group", S.string{ desc = "id of the document group" } },
  { "region", S.string{ pattern = "^%d%d%d%d%d%d$", desc = "region code when the target is for one county" } },
  { "base", base },
  { "shares", S.list(share, { desc = "county shares of the target" }) },
  { "note", S.string{ desc = "reviewer's note (an interpretation the text forces)" } },
}, { desc = "A quantitative target." })

M.document = S.record({
  { "id", S.string{ required = true, pattern = ID, desc = "unique in the plugin: friendly2023" } },
  { "title", S.string{ required = true, desc = "full title" } },
  { "doc_number", S.string{ desc = "文号: 台政办发〔2018〕42号" } },
  { "issuer", S.string{ required = true, desc = "issuing body" } },
  { "issued", S.date{ desc = "issue (成文) date" } },
  { "period_start", S.date{ required = true, desc = "first day of the period the document covers" } },
  { "period_end", S.date{ required = true, desc = "last day of that period" } },
  { "status", S.enum(M.statuses, { required = true, desc = "draft (征求意见稿), in_force, expired" }) },
  { "source", S.string{ required = true, desc = "file name of the source text in shared/seeds" } },
  { "url", S.string{ pattern = "^https?://", desc = "where the text was published" } },
  { "supersedes", S.string{ pattern = ID, desc = "id of the document this one replaces" } },
  { "lead_rule", S.enum({ "first_listed", "starred", "explicit" }, {
      desc = "how the text marks leads: 列第一位的为牵头单位, * in a table, or named per task" }) },
  { "lead_rule_quote", S.string{ desc = "the sentence that states the lead rule" } },
  { "groups", S.list(group, { desc = "measure groups (七大体系, 总体任务)" }) },
  { "measures", S.list(M.measure, { desc = "measure{} entries, in document order" }) },
  { "targets", S.list(M.target, { desc = "target{} entries, in document order" }) },
  { "note", S.string{ desc = "reviewer's note about the source text" } },
}, { desc = "A policy document." })

M.indicator = S.record({
  { "code", S.string{ required = true, pattern = ID, desc = "stable code: new_smes" } },
  { "name", S.string{ required = true, desc = "Chinese name: 新增中小微企业数" } },
  { "unit", S.enum(M.units, { required = true, desc = "base unit" }) },
  { "flow", S.boolean{ required = true, desc = "true: counted per period (新增…); false: a level at a date (余额)" } },
  { "basis", S.enum(require("policytk.data.basis").WORDS, { desc = "口径: how its figures are reported "
    .. "(当期 the flow of the period, 累计 1—N月累计, 期末 a stock, 比率 a rate); default 累计 for a flow, "
    .. "比率 for a % level, else 期末; an import row may state its own" } ) },
  { "aliases", S.list(S.string(), { desc = "other names, for matching imports" }) },
  { "description", S.string{ desc = "what exactly is counted" } },
}, { desc = "A measured quantity." })

local dated_value = S.record({
  { "from", S.date{ required = true, desc = "first day the value applies" } },
  { "to", S.date{ desc = "last day it applies (open-ended when absent)" } },
  { "value", S.number{ required = true, desc = "the amount (integer yuan for 元)" } },
}, { desc = "One dated value of a parameter." })

M.param = S.record({
  { "id", S.string{ required = true, pattern = ID, desc = "unique in the plugin" } },
  { "unit", S.enum(M.units, { required = true }) },
  { "values", S.list(dated_value, { required = true, min = 1, desc = "dated values, oldest first" }) },
  { "clause", S.string{ required = true, desc = "the clause quoted from the document" } },
  { "doc", S.string{ pattern = ID, desc = "document id (default: the benefit's)" } },
  { "section", S.string{ desc = "section of the clause" } },
}, { desc = "A dated parameter: an amount that may change over time." })

local amount_option = S.record({
  { "when", S.list(S.any{ desc = "a condition (docs/benefits.md)" }, { desc = "conditions for this amount" }) },
  { "param", S.string{ required = true, pattern = ID, desc = "the param it pays" } },
}, { desc = "One amount of a benefit whose amount depends on the firm." })

--- The fields of the enterprise record a benefit rule judges (docs/plugins.md).
M.firm_fields = { "credit_code", "name", "kind", "region", "industry", "founded", "employees", "above_scale_since",
  "high_tech_until", "tech_sme", "specialized", "awards", "extra", "revenue", "assets" }

M.benefit = S.record({
  { "id", S.string{ required = true, pattern = ID, desc = "unique in the plugin" } },
  { "name", S.string{ required = true, desc = "Chinese name: 小升规奖励" } },
  { "doc", S.string{ required = true, pattern = ID, desc = "document id" } },
  { "section", S.string{ required = true, desc = "section of the clause" } },
  { "quote", S.string{ required = true, desc = "the clause, quoted" } },
  { "kind", S.enum(M.benefit_kinds, { required = true }) },
  { "beneficiary", S.enum({ "firm", "individual_business", "park_operator", "financial_institution",
                            "guarantee_institution", "talent", "other" }, { required = true }) },
  { "when", S.list(S.any{ desc = "a condition (docs/benefits.md)" }, { desc = "declarative conditions that must "
      .. "all hold, checked before eligible (policytk.benefits.conditions); a rule may be when alone" }) },
  { "eligible", S.func{ desc = "eligible(firm, year, ctx) → true | false, reason (after when; give one or both); "
      .. "ctx: runtime.benefit" } },
  { "amount", S.oneof({ S.string{ pattern = ID }, S.func(), S.list(amount_option, { min = 1 }) }, { required = true,
      desc = "param id; amount(firm, year, ctx) → integer (unit of the benefit's params); or a list of "
        .. "{ when = { … }, param = id }: the first whose conditions hold pays its param" }) },
  { "params", S.list(M.param, { required = true, min = 1, desc = "param{} entries the rule uses" }) },
  { "reads", S.list(S.enum(M.firm_fields), { min = 1, desc = "the firm fields eligible and amount read: "
      .. "they can read no other (an error names it), and must depend on nothing else (no state kept between "
      .. "calls); a rule that reads one JSON field (awards or extra) is judged once per distinct value" }) },
  { "excludes", S.list(S.string{ pattern = ID }, { desc = "benefits a firm cannot also get (不重复享受)" }) },
  { "resolve", S.enum({ "larger", "first" }, { desc = "which one pays when excluded benefits both apply" }) },
  { "stacks_with", S.list(S.string{ pattern = ID }, { desc = "benefits the text says may be combined" }) },
  { "note", S.string{} },
}, { desc = "A benefit for firms, as an executable rule." })

local index_component = S.record({
  { "indicator", S.string{ required = true, pattern = ID } },
  { "weight", S.number{ required = true, min = 0, max = 1 } },
})

local index = S.record({
  { "code", S.string{ required = true, pattern = ID } },
  { "name", S.string{ required = true } },
  { "base_year", S.integer{ required = true, min = 1949, max = 2100 } },
  { "components", S.list(index_component, { required = true, min = 1 }) },
  { "method", S.string{ desc = "the method as the report will state it" } },
}, { desc = "A composite index (成长指数)." })

M.report = S.record({
  { "id", S.string{ required = true, pattern = ID, desc = "rule id used on the command line: monthly" } },
  { "name", S.string{ required = true, desc = "Chinese name: 月度报送表" } },
  { "doc", S.string{ required = true, pattern = ID } },
  { "section", S.string{ required = true } },
  { "quote", S.string{ required = true, desc = "the sentence that asks for it" } },
  { "frequency", S.enum(M.frequencies, { required = true }) },
  { "due", S.string{ desc = "when it is due, as the text says it" } },
  { "due_day", S.integer{ min = 1, max = 31, desc = "day of the month after the period when it is due" } },
  { "from", S.list(S.string(), { required = true, min = 1, desc = "who reports (units or 各县(市、区))" }) },
  { "to", S.list(S.string(), { required = true, min = 1, desc = "to whom" }) },
  { "covers", S.record({
      { "targets", S.oneof({ S.enum({ "all" }), S.list(S.string()) }) },
      { "indicators", S.list(S.string{ pattern = ID }) },
      { "docs", S.list(S.string{ pattern = ID }) },
    }, { required = true }) },
  { "indices", S.list(index) },
  { "builder", S.func{ desc = "builder(ctx, period) → report data { sections = { { title =, columns =, rows = }, "
      .. "… }, title =, notes = } (title and notes optional); ctx: runtime.report" } },
}, { desc = "A reporting rule of a document's guarantee section." })

M.panel = S.record({
  { "id", S.string{ required = true, pattern = ID, desc = "panel id, unique in the plugin: p32_pace" } },
  { "title", S.string{ required = true, desc = "the panel's Chinese title on the page: 32条任务序时进度" } },
  { "place", S.enum({ "dashboard" }, { desc = "where the page shows it (default dashboard: the 驾驶舱)" }) },
  { "doc", S.string{ pattern = ID, desc = "the document it is about (default the plugin's first)" } },
  { "covers", S.record({
      { "targets", S.oneof({ S.enum({ "all" }), S.list(S.string()) }) },
      { "indicators", S.list(S.string{ pattern = ID }) },
      { "docs", S.list(S.string{ pattern = ID }) },
    }, { desc = "what ctx.targets and ctx.progress cover, as a report{}'s covers (default every document)" }) },
  { "builder", S.func{ required = true, desc = "builder(ctx, period) → { sections = { { title =, columns =, "
      .. "rows = }, … }, notes = } as a report builder's; ctx: runtime.report, period: the latest month "
      .. "with figures; run in the sandbox under the plugin's limits" } },
}, { desc = "An extra panel of the web pages (policytk serve), built by the plugin with the report helpers." })

M.source = S.record({
  { "id", S.string{ required = true, pattern = ID } },
  { "name", S.string{ required = true, desc = "the column's name on the portal" } },
  { "kind", S.enum(M.source_kinds, { required = true }) },
  { "url", S.string{ required = true, pattern = "^https?://[^/]+", form = "an http(s) URL" } },
  { "column", S.string{ desc = "column id (col{ID}) on Hanweb / jpaas sites" } },
  { "keywords", S.list(S.string(), { desc = "title keywords that select items" }) },
  { "since", S.date{} },
  { "xpath", S.record({
      { "items", S.string{ required = true } },
      { "title", S.string{ required = true } },
      { "link", S.string{ required = true } },
      { "date", S.string{} },
    }, { desc = "for kind generic" }) },
}, { desc = "A portal column that publishes the city's policies." })

M.test = S.record({
  { "name", S.string{ required = true } },
  { "run", S.func{ required = true, desc = "run(t); t: runtime.test" } },
}, { desc = "A plugin test case." })

M.region = region
M.unit = unit

-- The runtime -------------------------------------------------------------------------------

-- A member of a ctx: a function (args, returns) or a value of a type. type is a Lua type
-- ("table", "string", "integer" …) or "date" (a YYYY-MM-DD string).
local function fn(name, args, returns, desc)
  return { name = name, type = "function", args = args, returns = returns, desc = desc }
end
local function value(name, type, desc)
  return { name = name, type = type, desc = desc }
end

local HTTP = "a policytk.http client (get, post, request, fetch_all) reaching only the manifest's hosts; "
  .. "another host gives nil, err with err.category \"forbidden\" (policytk.plugins.http; made on first use)"

--- The ctx of each runtime hook: what the host hands the plugin's functions, member by
--- member. hooks: the functions that receive it; built: the code that builds it (which must
--- agree: tests/lua/plugins/test_runtime_contract.lua); members: { name =, type =, args =,
--- returns =, desc = }, args and returns for functions only.
M.runtime = {
  benefit = {
    hooks = "benefit{}: eligible(firm, year, ctx), amount(firm, year, ctx)",
    built = "policytk.benefits (M.context), one per plugin, benefit and year",
    desc = "What a benefit rule may use besides the read-only firm record.",
    members = {
      value("year", "integer", "the year being judged (the same as the year argument)"),
      fn("param", "id [, date]", "number or nil",
        "the value of a param (the benefit's own, else the plugin's) in force on the date "
        .. "(YYYY-MM-DD; default 31 December of year), nil when none is; an unknown id is an error"),
      fn("size", "firm, year", "\"large\" \"medium\" \"small\" \"micro\" or nil",
        "the national SME size class (工信部联企业〔2011〕300号) of the firm in the year; an error when "
        .. "the rule's reads lacks industry, employees, revenue or assets"),
      value("log", "table", "debug / info / warn / error(fmt, …): lines on stderr that name the plugin "
        .. "and the benefit"),
      value("http", "table", HTTP),
    },
  },
  report = {
    hooks = "report{}: builder(ctx, period); panel{}: builder(ctx, period)",
    built = "policytk.reports.engine (M.context), one per rule (or panel) and period; plugin builders get a "
      .. "read-only view",
    desc = "Read-only access to one city's loaded data, for one reporting rule and period. "
      .. "Dates default to as_of.",
    members = {
      value("city", "table", "the city: { id =, name =, code = }"),
      value("period", "string", "the period asked: 2024, 2024-Q3 or 2024-09"),
      value("period_start", "date", "its first day"),
      value("period_end", "date", "its last day"),
      value("period_months", "table", "its first and last month as period texts: { \"2025-04\", \"2025-06\" }"),
      value("as_of", "date", "the date progress is evaluated at: period_end unless --as-of"),
      value("previous", "string", "the period of the same length just before"),
      value("docs", "table", "ids of the documents the rule covers (covers.docs, else the rule's doc)"),
      value("rule", "table", "the rule's declaration without its builder: id, name, doc, section, quote, "
        .. "frequency, due, due_day, from, to, covers, indices"),
      value("thresholds", "table", "the progress thresholds: the manifest's progress over the defaults"),
      value("common", "table", "policytk.reports.common: number, percent, target_row, chart_points, figure, "
        .. "summary … for building sections"),
      value("statuses", "table", "the status codes, worst first: missed behind lagging no_data on_track achieved"),
      value("colors", "table", "status → 红 / 黄 / 绿 / 灰"),
      value("labels", "table", "status → its Chinese label (序时推进 …)"),
      value("builders", "table", "the shared builders by name (monthly, quarterly, inspection, monitoring, "
        .. "index, status), each builder(ctx, period)"),
      fn("targets", "", "list of target rows", "the targets the rule covers, document order"),
      fn("progress", "[at]", "list of status records", "every covered target evaluated as of at, worst first"),
      fn("evaluate", "t [, at [, over]]", "status record",
        "one target evaluated; over = { region =, value = } evaluates a county's share"),
      fn("series", "indicator [, region]", "list of observations",
        "the figures of an indicator in a region (default the city), oldest first"),
      fn("counties", "t [, at]", "{ rows =, rate =, sum =, city_actual =, consistent = }",
        "a target's counties: each evaluated against its share, or listed with its figure"),
      fn("rollup", "records, key", "list of groups",
        "status records grouped by \"unit\", \"doc\", \"group\", \"city\" or a function(record) → keys; "
        .. "reddest first"),
      fn("regions", "", "list of { code =, city =, name = }", "the city's county-level divisions"),
      fn("indicator", "code", "{ code =, name =, unit =, flow = } or nil",
        "an indicator as the city sees it (its own, else the common catalog)"),
      fn("region_name", "code", "string", "the name of a region code (the code itself when unknown)"),
      fn("document", "[doc]", "documents row", "a covered document (default the rule's) as loaded: title, "
        .. "doc_number, period_start, period_end …; an error when it is not loaded"),
      fn("measures", "", "list of measures",
        "the active measures of the covered documents, document order, each with units and lead_units"),
      fn("task_texts", "[from, to]", "{ [\"doc/mid\"] = list of texts }",
        "the 工作进展 texts units reported for each task in the months from..to (default the report period), "
        .. "the current text of each unit, latest month first: unit, period, progress, problems, next_steps, by_user, at"),
      fn("round_status", "", "{ period =, due =, units = list } or nil",
        "the latest 月度报送 round of the report period: each unit's status (已报/部分/未报/逾期), "
        .. "returned_at, cells_empty …; nil when no round was opened"),
      value("http", "table", HTTP),
    },
  },
  test = {
    hooks = "test{}: run(t)",
    built = "policytk.testing (assertions) and policytk.plugins.check (the plugin's part), one per test",
    desc = "Assertions and the plugin under test. A failed assertion ends the test.",
    members = {
      fn("eq", "actual, expected [, msg]", "nothing", "deep equality; the failure names the first differing path"),
      fn("ok", "v [, msg]", "v", "v is true (not nil or false)"),
      fn("near", "actual, expected [, eps [, msg]]", "nothing", "numbers within eps (default 1e-9)"),
      fn("match", "s, pattern [, msg]", "nothing", "s is a string matching the Lua pattern"),
      fn("raises", "fn [, pattern [, msg]]", "the error", "fn raises an error (matching pattern)"),
      fn("fail", "msg", "nothing", "fail the test"),
      fn("seeds", "file", "string", "the raw bytes of a source text in the shared seeds folder"),
      fn("source_text", "file", "string", "the normalized text of a source text (policytk.text.normalize)"),
      value("plugin", "table", "the loaded plugin: documents, benefits, reports, manifest …"),
      fn("doc", "id", "document", "a document of the plugin; an error when there is none"),
      fn("firm", "fields", "firm record", "an enterprise record with defaults for the fields not given"),
      fn("pay", "id, firm, year", "amount, reason", "evaluate a benefit of the plugin: amount 0 when not paid"),
      fn("by_id", "list, id", "entry", "the entry of a list (or a map) with that id; an error when there is none"),
      fn("count", "list", "integer", "the number of entries of a list or a map"),
    },
  },
}

--- Hook names in the order docs/plugins.md lists them.
M.runtime_order = { "benefit", "report", "test" }

--- Constructor names in the order docs/plugins.md lists them.
M.constructors = { "plugin", "region", "unit", "document", "measure", "target", "indicator",
                   "param", "benefit", "report", "panel", "source", "test" }

return M
