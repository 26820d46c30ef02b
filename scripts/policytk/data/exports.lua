-- policytk.data.exports: the listing verbs docs, measures, targets, indicators, units and regions,
-- read from the database. Each kind has its query, its columns (the JSON keys, documented in
-- docs/data.md, CSV has the same) and a row shaper; exports.verb(kind) builds the verb table.
-- Lead units come from policytk.data.queries (the one rule: a target's own lead_unit, else its
-- measure's); a target's region is its own, else its city's, with the name beside the code.
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local cli = require "policytk.cli"
local json = require "policytk.json"
local store = require "policytk.data.store"
local queries = require "policytk.data.queries"
local tabular = require "policytk.data.tabular"
local common = require "policytk.reports.common"

local M = {}

local function arr(t) return json.array(t or {}) end

local function split_units(conn, measure_id)
  local leads, all = queries.measure_units(conn, measure_id)
  return arr(leads), arr(all)
end

-- The name of a region code: a county's, else a city's.
local REGION_NAME = [[COALESCE((SELECT rn.name FROM regions rn WHERE rn.code = %s),
  (SELECT cn.name FROM cities cn WHERE cn.code = %s))]]
local function region_name(code) return REGION_NAME:format(code, code) end

local kinds = {}

-- The table for staff: a Chinese header per key, and words instead of codes and booleans.
M.TITLES = {
  city = "城市", city_name = "城市", id = "编号", title = "标题", doc_number = "文号", issuer = "发布机关", issued = "发布日期",
  period_start = "起始日期", period_end = "截止日期", status = "状态", status_text = "状态", source = "来源", doc = "文件",
  section = "条目", indicator = "指标代码", indicator_name = "指标", quote = "原文", comparator = "比较",
  value = "目标值", unit = "单位", kind = "类型", kind_text = "类型", deadline = "期限", measure = "任务",
  lead_units = "牵头单位", responsible_units = "责任单位", region = "地区代码", region_name = "地区",
  withdrawn = "已撤回", withdrawn_text = "已撤回", phase = "阶段", contact = "联系人", code = "代码", name = "名称",
  flow = "流量/存量", flow_text = "流量/存量", short = "简称", parent = "上级代码", parent_name = "上级",
}

M.DOC_STATUS = { draft = "征求意见稿", in_force = "现行有效", expired = "已到期", withdrawn = "已撤回", active = "现行有效" }
M.UNIT_KIND = { government = "政府部门", party = "党委部门", central = "中央驻地单位", financial = "金融机构",
                county = "县（市、区）", other = "其他" }
M.COMPARATOR = { [">="] = "不少于", ["<="] = "不超过", ["~"] = "约", ["="] = "等于" }

-- The words of a row for the table (keys ending in _text; the JSON and CSV keys are untouched).
local TABLE_TEXT = {
  docs = function(r) r.status_text = M.DOC_STATUS[r.status] or r.status end,
  targets = function(r)
    r.withdrawn_text = r.withdrawn and "是" or ""
    r.comparator = M.COMPARATOR[r.comparator] or r.comparator
    r.lead_units = (common.units_short(r.lead_units))
  end,
  measures = function(r) r.lead_units = (common.units_short(r.lead_units)) end,
  indicators = function(r)
    r.flow_text = r.flow and "流量" or "存量"
    r.city_name = r.city_name or "通用"
  end,
  units = function(r) r.kind_text = M.UNIT_KIND[r.kind] or r.kind end,
}

kinds.docs = {
  doc_filter = "d.doc",
  sql = [[SELECT d.city, (SELECT cn.name FROM cities cn WHERE cn.id = d.city) AS city_name, d.doc AS id, d.title,
            d.doc_number, d.issuer, d.issued, d.period_start, d.period_end,
            CASE WHEN d.withdrawn = 1 THEN 'withdrawn' ELSE d.status END AS status, d.source
          FROM documents d WHERE 1 = 1 %s ORDER BY d.city, d.doc]],
  keys = { "city", "id", "title", "doc_number", "issuer", "issued", "period_start", "period_end", "status", "source" },
  table_keys = { "city_name", "id", "title", "doc_number", "issued", "period_end", "status_text" },
}

kinds.targets = {
  doc_filter = "d.doc",
  sql = [[SELECT t.id AS rowid_, d.city, c.name AS city_name, d.doc, t.tid AS id, t.section, t.indicator,
            (SELECT i.name FROM indicators i WHERE i.code = t.indicator AND (i.city = d.city OR i.city IS NULL)
              ORDER BY i.city IS NULL LIMIT 1) AS indicator_name,
            t.quote, t.comparator, t.value, t.unit, t.kind, t.deadline, t.measure,
            COALESCE(t.region, c.code) AS region, ]] .. region_name("COALESCE(t.region, c.code)") .. [[ AS region_name,
            t.status
          FROM targets t JOIN documents d ON d.id = t.document JOIN cities c ON c.id = d.city WHERE 1 = 1 %s
          ORDER BY d.city, d.doc, t.position]],
  keys = { "city", "doc", "id", "section", "indicator", "indicator_name", "quote", "comparator", "value", "unit",
           "kind", "deadline", "measure", "lead_units", "region", "region_name", "withdrawn" },
  table_keys = { "city_name", "doc", "id", "indicator_name", "comparator", "value", "unit", "deadline", "lead_units",
                 "region_name", "withdrawn_text" },
  prepare = function(conn, filter) return queries.lead_units(conn, filter) end,
  shape = function(_, r, _, leads)
    r.lead_units = arr(leads[r.rowid_])
    r.withdrawn = r.status == "withdrawn"
    return r
  end,
}

kinds.measures = {
  doc_filter = "d.doc",
  sql = [[SELECT m.id AS rowid_, d.city, (SELECT cn.name FROM cities cn WHERE cn.id = d.city) AS city_name, d.doc,
            m.mid AS id, m.section, m.title, m.phase,
            m.contact_name, m.contact_phone, m.status
          FROM measures m JOIN documents d ON d.id = m.document WHERE 1 = 1 %s
          ORDER BY d.city, d.doc, m.position]],
  keys = { "city", "doc", "id", "section", "title", "lead_units", "responsible_units", "phase", "contact",
           "withdrawn" },
  table_keys = { "city_name", "doc", "id", "section", "title", "lead_units", "phase", "contact" },
  shape = function(conn, r, format)
    r.lead_units, r.responsible_units = split_units(conn, r.rowid_)
    if r.contact_name then
      r.contact = format == "json" and { name = r.contact_name, phone = r.contact_phone or json.null }
        or (r.contact_name .. " " .. (r.contact_phone or ""))
    end
    r.withdrawn = r.status == "withdrawn"
    return r
  end,
}

kinds.indicators = {
  sql = [[SELECT c.city, (SELECT cn.name FROM cities cn WHERE cn.id = c.city) AS city_name, c.code, c.name, c.unit,
            c.flow FROM indicators c WHERE 1 = 1 %s
          ORDER BY c.city IS NOT NULL, c.city, c.code]],
  city_column = "c.city",
  keys = { "city", "code", "name", "unit", "flow" },
  table_keys = { "city_name", "code", "name", "unit", "flow_text" },
  shape = function(_, r) r.flow = r.flow == 1; return r end,
}

kinds.units = {
  sql = [[SELECT u.city, (SELECT cn.name FROM cities cn WHERE cn.id = u.city) AS city_name, u.short, u.name, u.kind
          FROM units u WHERE 1 = 1 %s ORDER BY u.city, u.rowid]],
  city_column = "u.city",
  keys = { "city", "short", "name", "kind" },
  table_keys = { "city_name", "short", "name", "kind_text" },
}

kinds.regions = {
  sql = "SELECT r.city, (SELECT cn.name FROM cities cn WHERE cn.id = r.city) AS city_name, r.code, r.name, r.parent, "
    .. region_name("r.parent")
    .. " AS parent_name FROM regions r WHERE 1 = 1 %s ORDER BY r.city, r.code",
  city_column = "r.city",
  keys = { "city", "code", "name", "parent", "parent_name" },
  table_keys = { "city_name", "code", "name", "parent_name" },
}

M.kinds = kinds

--- Rows of kind for { city =, doc = } filters, shaped for format ("json" | "table" | "csv").
function M.rows(conn, kind, filter, format)
  local k = kinds[kind]
  local where, args = {}, {}
  if filter.city then
    where[#where + 1] = "AND " .. (k.city_column or "d.city") .. " = ?"
    args[#args + 1] = filter.city
  end
  if filter.doc then
    where[#where + 1] = "AND " .. k.doc_filter .. " = ?"
    args[#args + 1] = filter.doc
  end
  local rows = store.all(conn, k.sql:format(table.concat(where, " ")), table.unpack(args))
  local extra = k.prepare and k.prepare(conn, filter)
  if k.shape then
    for i, r in ipairs(rows) do rows[i] = k.shape(conn, r, format, extra) end
  end
  if format == "table" and TABLE_TEXT[kind] then
    for _, r in ipairs(rows) do TABLE_TEXT[kind](r) end
  end
  return rows
end

--- Columns of keys; for the table (format "table") with the Chinese titles of M.TITLES.
function M.columns(keys, format)
  local cols = {}
  for i, key in ipairs(keys) do cols[i] = { key = key, title = format == "table" and M.TITLES[key] or nil } end
  return cols
end

--- The verb table for kind; own.summary: its one-line summary, written in the verb's file (on
--- a line `  summary = "…",` that `policytk help` reads without running the file).
function M.verb(kind, own)
  local k, summary = kinds[kind], own.summary
  local options = {
    { "--city", arg = "CITY", help = "只列此城市（插件编号）" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "输出格式" },
    { "--db", arg = "PATH", help = "数据库文件" },
  }
  if k.doc_filter then table.insert(options, 2, { "--doc", arg = "DOC", help = "只列此文件（文件编号）" }) end
  return {
    summary = summary,
    usage = "policytk " .. kind .. " [--city C]" .. (k.doc_filter and " [--doc D]" or "")
      .. " [--format table|json|csv] [--db PATH]",
    description = summary .. "。\n请先运行 policytk load。JSON 键：" .. table.concat(k.keys, ", ")
      .. "（docs/data.md）。",
    options = options,
    run = function(opts)
      local conn, path = store.open(opts.db)
      store.require_loaded(conn, path)
      if opts.city and not conn:first("SELECT 1 AS x FROM cities WHERE id = ?", opts.city) then
        local names = {}
        for r in conn:rows("SELECT id FROM cities ORDER BY id") do names[#names + 1] = r.id end
        cli.fail("数据库中没有城市 %q（已载入：%s）", opts.city, table.concat(names, ", "))
      end
      local rows = M.rows(conn, kind, { city = opts.city, doc = opts.doc }, opts.format)
      conn:close()
      local keys = opts.format == "table" and k.table_keys or k.keys
      tabular.write(io.stdout, opts.format, M.columns(keys, opts.format), rows)
      return 0
    end,
  }
end

return M
