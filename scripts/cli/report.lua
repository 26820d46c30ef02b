-- policytk report CITY [RULE]: build a city's reporting rule (report{} of its plugin) as a
-- report in md, html, csv, json, xlsx or docx; without RULE, list the city's rules and next due dates.

local cli = require "policytk.cli"
local plugins = require "policytk.plugins"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local common = require "policytk.reports.common"

local today = require("policytk.progress.cli").today

local function load_plugin(city)
  local p, err = plugins.load_valid(city)
  if not p then cli.fail("%s", err) end
  return p
end

local function rule_ids(p)
  local ids = {}
  for i, r in ipairs(p.reports) do ids[i] = r.id end
  return ids
end

local function list_rules(conn, p, format)
  local engine = require "policytk.reports.engine"
  local rows = {}
  for _, r in ipairs(p.reports) do
    local doc = store.clean(conn:first("SELECT * FROM documents WHERE city = ? AND doc = ?", p.id, r.doc))
    local due, note = common.next_due(r, doc, today())
    local builder = engine.builder_for(r)
    rows[#rows + 1] = { id = r.id, name = r.name, doc = r.doc, doc_title = doc and doc.title or r.doc,
                        frequency = r.frequency, frequency_text = common.FREQUENCY[r.frequency] or r.frequency or "不定期",
                        builder = builder, builder_text = engine.BUILDER_NAMES[builder] or builder,
                        next_due = due or "—", due_note = due and ("报告期 " .. note) or note }
  end
  tabular.write(io.stdout, format == "json" and "json" or format == "csv" and "csv" or "table", {
    { key = "id", title = "规则" }, { key = "name", title = "名称" }, { key = "doc_title", title = "文件" },
    { key = "frequency_text", title = "频次" }, { key = "builder_text", title = "构建器" },
    { key = "next_due", title = "下次报送" }, { key = "due_note", title = "说明" },
  }, rows)
  return cli.OK
end

return {
  summary = "按城市的报送规则生成报告（md、html、csv、json、xlsx、docx）；列出报送规则",
  usage = "policytk report CITY [RULE] [--period 2024-Q3|2024-09|2024] [--format md|html|csv|json|xlsx|docx] [-o FILE]",
  description = "RULE 为城市插件声明的报送规则 report{}（policytk report CITY 列出全部规则及下次报送日期）。\n"
    .. "期间须与规则的频次一致（月度 YYYY-MM，季度 YYYY-Qn，年度 YYYY），且在文件的年限之内；\n"
    .. "默认取最近一个完整期间。报告按期间的最后一天计算。XLSX 和 DOCX（公文格式的 Word 文档）须给出 -o。\n"
    .. "输出文件要么完整写出，要么不写。详见 docs/reports.md。",
  options = {
    { "--period", arg = "PERIOD", help = "报告期：2024、2024-Q3 或 2024-09" },
    { "--format", arg = "FORMAT", values = require("policytk.reports.engine").FORMATS, default = "md",
      help = "输出格式" },
    { "--output", "-o", arg = "FILE", help = "写入 FILE，而不是标准输出" },
    { "--as-of", arg = "DATE", help = "按此日期计算，而不是按报告期末（YYYY-MM-DD）" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if #args < 1 or #args > 2 then cli.usage_error("用法：policytk report 城市 [规则]") end
    local city, rule_id = args[1], args[2]
    if opts.as_of and not require("policytk.core").is_iso_date(opts.as_of) then
      cli.usage_error("--as-of 应为日期 YYYY-MM-DD；实为 %q", opts.as_of)
    end
    local p = load_plugin(city)
    local conn, path = store.open(opts.db)
    store.require_loaded(conn, path)
    if not conn:first("SELECT 1 AS x FROM cities WHERE id = ?", city) then
      cli.fail("%s 中没有 %s：请先运行 policytk load", path, city)
    end
    if not rule_id then return list_rules(conn, p, opts.format) end
    local rule
    for _, r in ipairs(p.reports) do if r.id == rule_id then rule = r end end
    if not rule then
      local ids = rule_ids(p)
      cli.usage_error("unknown_rule: %s 没有报送规则 %q；其规则：%s", city, rule_id,
        #ids > 0 and table.concat(ids, ", ") or "（无）")
    end
    if (opts.format == "xlsx" or opts.format == "docx") and not opts.output then
      cli.usage_error("--format %s 写入文件：请给出 -o 文件.%s", opts.format, opts.format)
    end
    local engine = require "policytk.reports.engine"
    local doc = engine.document(conn, city, rule.doc)
    local period
    if opts.period then period = common.parse_period(rule, doc, opts.period)
    else period = common.default_period(rule, doc, today()) end
    local started = store.now()
    local ok, report = pcall(engine.build, conn, p, rule, period,
      { as_of = opts.as_of, generated = os.getenv("POLICYTK_NOW") })
    local function record(status, output)
      pcall(conn.run, conn, "INSERT INTO report_runs (city, report, period, started_at, finished_at, status, output) "
        .. "VALUES (?, ?, ?, ?, ?, ?, ?)", city, rule.id, period, started, store.now(), status, output)
    end
    if not ok then
      record("error", tostring(report))
      error(report, 0)
    end
    if opts.output then
      local wok, err = pcall(engine.write, report, opts.format, opts.output)
      if not wok then record("error", tostring(err)); error(err, 0) end
      record("ok", opts.output)
      io.stderr:write(string.format("policytk report: 已写入 %s（%s，%s %s）\n", opts.output, opts.format, rule.name, period))
    else
      io.stdout:write(engine.render(report, opts.format))
      record("ok", "-")
    end
    conn:close()
    return cli.OK
  end,
}
