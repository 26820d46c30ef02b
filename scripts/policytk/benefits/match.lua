-- policytk.benefits.match: which firm is owed what, and why — every benefit rule of a city over every
-- firm of the register for one year, with exclusions resolved as the plugin declares.
--
--   match.firm(plugin, benefits, firm, year) → entries (paid and not paid, with reasons)
--   match.run(conn, plugin, opts, on_row)    → totals; on_row(row) for each paying (firm, benefit)
--   match.run_scan(db_path, plugin, opts, sink) → totals; the same, with the register read and
--                                                `when` tested in C (policytk.scan)
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local benefits_eval = require "policytk.benefits"
local firms = require "policytk.benefits.firms"
local match_plan = require "policytk.benefits.match_plan"
local tabular = require "policytk.data.tabular"

local M = {}

local NO_REASONS = { reasons = false }

-- Exclusion pairs: set[a][b] = resolve ("larger" | "first") when a and b exclude each other.
local function exclusions(list)
  local by_id, set = {}, {}
  for _, b in ipairs(list) do by_id[b.id] = b end
  for _, b in ipairs(list) do
    for _, other in ipairs(b.excludes or {}) do
      if by_id[other] then
        local o = by_id[other]
        local how = b.resolve or o.resolve
        set[b.id] = set[b.id] or {}
        set[o.id] = set[o.id] or {}
        set[b.id][o.id], set[o.id][b.id] = how, how
      end
    end
  end
  return set
end

--- Evaluate every benefit of `list` for a firm; resolve exclusions. Returns the entries in
--- list order: { benefit, amount, reason, error, paid, excluded_by, choice }. opts.reasons =
--- false: no reasons, and no entry for a benefit whose `when` failed (what match needs).
function M.firm(plugin, list, firm, year, excl, opts)
  excl = excl or exclusions(list)
  local entries = benefits_eval.evaluate_all(plugin, list, firm, year, opts)
  local order = {}
  for i, e in ipairs(entries) do
    order[e.benefit.id] = i
    e.paid = not e.error and e.amount > 0
  end
  for _, e in ipairs(entries) do
    if e.paid and excl[e.benefit.id] then
      for other_id, how in pairs(excl[e.benefit.id]) do
        local o = entries[order[other_id]]
        if o and o.paid and e.paid then
          local keep, drop
          if how == "larger" and o.amount ~= e.amount then
            if e.amount > o.amount then keep, drop = e, o else keep, drop = o, e end
          else                                    -- "first", or equal amounts: document order
            if order[e.benefit.id] < order[other_id] then keep, drop = e, o else keep, drop = o, e end
          end
          drop.paid = false
          drop.excluded_by = keep.benefit.id
          drop.reason = string.format("与“%s”不重复享受，按%s取“%s”", keep.benefit.name,
            how == "larger" and "金额较大者" or "先列者", keep.benefit.name)
          keep.choice = string.format("与“%s”不重复享受，按%s", drop.benefit.name,
            how == "larger" and "金额较大者" or "先列者")
        end
      end
    end
  end
  return entries
end

--- The benefits of a plugin to match, optionally only one id.
function M.benefits(plugin, only)
  local list = {}
  for _, b in ipairs(plugin.benefits or {}) do
    if not only or b.id == only then list[#list + 1] = b end
  end
  return list
end

--- The columns of match's rows (the CSV, JSON, table and XLSX outputs).
M.COLUMNS = {
  { key = "credit_code", title = "统一社会信用代码" }, { key = "name", title = "企业" },
  { key = "region", title = "地区" }, { key = "benefit", title = "条款" }, { key = "benefit_name", title = "名称" },
  { key = "amount", title = "金额" }, { key = "unit", title = "单位" }, { key = "doc", title = "文件" },
  { key = "section", title = "条目" }, { key = "clause", title = "原文" }, { key = "note", title = "说明" },
}

local function new_totals()
  return { rows = 0, firms = 0, by_benefit = {}, by_region = {}, errors = {} }
end

local function benefit_total(totals, b)
  local tb = totals.by_benefit[b.id]
  if not tb then
    tb = { benefit = b.id, name = b.name, unit = b.params[1].unit, firms = 0, amount = 0 }
    totals.by_benefit[b.id] = tb
  end
  return tb
end

-- Count one entry of a firm in the totals; the row when it pays, else nil.
local function account(totals, firm, e)
  if e.error then
    if #totals.errors < 100 then totals.errors[#totals.errors + 1] = e.error end
    totals.error_count = (totals.error_count or 0) + 1
    return nil
  end
  if not e.paid then return nil end
  local b = e.benefit
  local unit = b.params[1].unit
  totals.rows = totals.rows + 1
  local tb = benefit_total(totals, b)
  tb.firms, tb.amount = tb.firms + 1, tb.amount + (unit == "元" and e.amount or 0)
  if unit == "元" then
    totals.by_region[firm.region] = (totals.by_region[firm.region] or 0) + e.amount
  end
  return { credit_code = firm.credit_code, name = firm.name, region = firm.region, benefit = b.id,
           benefit_name = b.name, amount = e.amount, unit = unit, clause = b.quote, doc = b.doc,
           section = b.section, note = e.choice }
end

--- Match every firm of the register (filter opts.region, the plugin's city) for opts.year.
--- on_row(row) receives each paying row: credit_code, name, region, benefit, benefit_name,
--- amount, unit, clause, doc, note. Returns { rows =, by_benefit =, by_region =, errors =, firms = }.
function M.run(conn, plugin, opts, on_row)
  local list = M.benefits(plugin, opts.benefit)
  local excl = exclusions(plugin.benefits or {})
  local totals = new_totals()
  firms.each(conn, { region = opts.region, city = plugin.id }, function(firm)
    totals.firms = totals.firms + 1
    for _, e in ipairs(M.firm(plugin, list, firm, opts.year, excl, NO_REASONS)) do
      local row = account(totals, firm, e)
      if row and on_row then on_row(row) end
    end
  end)
  return totals
end

--- As run, through policytk.scan: the register is read and the rules' `when` conditions and
--- amount options are tested in C; only the firms that a rule's Lua function must judge become
--- Lua records. The same rows, in the same order, and the same totals as run. db_path: the
--- database file (scan opens it read-only). sink: { file = f } writes the rows as CSV
--- (M.COLUMNS, with the header) to the file, { row = fn } calls fn(row) per row.
--- progress(n): called every 65,536 firms.
function M.run_scan(db_path, plugin, opts, sink, progress)
  local scan = require "policytk.scan"
  local list = M.benefits(plugin, opts.benefit)
  local excl = exclusions(plugin.benefits or {})
  local plan = match_plan.build(list, opts.year, M.COLUMNS, excl)
  local totals = new_totals()
  -- the city's regions are tested in scan (regions_sql), not in firms_sql
  local firms_sql, years_sql, binds = firms.queries({ region = opts.region }, true)
  local build = firms.record_builder()
  local out, emit = sink.file, sink.row
  if out then
    out:write(tabular.csv_header(M.COLUMNS))
    emit = function(row) out:write(tabular.csv_line(M.COLUMNS, row)) end
  end
  local counted = scan.run({
    db = db_path, out = out, year = opts.year, firms_sql = firms_sql, years_sql = years_sql, binds = binds,
    years = { from = plan.years[1], to = plan.years[2] }, regions_sql = firms.CITY_REGIONS_SQL, city = plugin.id,
    firm_years_sql = "SELECT credit_code, year, revenue, assets FROM firm_years WHERE credit_code = ?1 ORDER BY year",
    benefits = plan.benefits, extra_slots = plan.extra_slots, awards_slots = plan.awards_slots,
    groups = plan.groups, group_of = plan.group_of, slot_values = plan.slot_values, progress = progress,
    on_row = not out and function(code, name, region, i, k, amount)
      local b = plan.benefits[i].benefit
      if k > 0 then amount = plan.benefits[i].options[k].value end
      emit({ credit_code = code, name = name, region = region, benefit = b.id, benefit_name = b.name,
             amount = amount, unit = b.params[1].unit, clause = b.quote, doc = b.doc, section = b.section })
    end or nil,
    -- a rule that reads one JSON column, judged on one distinct text of it: what it pays,
    -- nothing (nil), or false when it fails (the firms then go to on_firm, which names the error)
    judge_text = function(i, text)
      local b, column = plan.benefits[i].benefit, plan.benefits[i].by_text
      local value = firms.decode(column, text)
      local a = benefits_eval.judge_field(plugin, b, column, value, opts.year)
      if a == nil then return false end
      if a == 0 then return nil end
      return a, plan.tail(b, a), b.params[1].unit == "元"
    end,
    on_firm = function(code, name, kind, region, industry, founded, employees, above, ht, tech_sme, specialized,
                       awards, extra, years, candidates)
      local firm = build(code, name, kind, region, industry, founded, employees, above, ht, tech_sme, specialized,
                         awards, extra)
      for i = 1, #years, 3 do
        local y, r, a = years[i], years[i + 1], years[i + 2]
        if r then firm.revenue[y] = math.tointeger(r) or r end
        if a then firm.assets[y] = math.tointeger(a) or a end
      end
      -- only the benefits whose `when` held in scan can pay; they are judged again here, whole
      local judged = {}
      for i, k in ipairs(candidates) do judged[i] = plan.benefits[k].benefit end
      for _, e in ipairs(M.firm(plugin, judged, firm, opts.year, excl, NO_REASONS)) do
        local row = account(totals, firm, e)
        if row then emit(row) end
      end
    end,
  })
  totals.firms = counted.firms
  for i, c in ipairs(counted.by_benefit) do
    if c.firms > 0 then
      local tb = benefit_total(totals, plan.benefits[i].benefit)
      tb.firms, tb.amount = tb.firms + c.firms, tb.amount + c.amount
      totals.rows = totals.rows + c.firms
    end
  end
  for region, amount in pairs(counted.by_region) do
    totals.by_region[region] = (totals.by_region[region] or 0) + amount
  end
  return totals
end

return M
