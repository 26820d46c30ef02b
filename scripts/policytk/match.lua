-- policytk.match: which firm is owed what, and why — every benefit rule of a city over every
-- firm of the register for one year, with exclusions resolved as the plugin declares.
--
--   match.firm(plugin, benefits, firm, year) → entries (paid and not paid, with reasons)
--   match.run(conn, plugin, opts, on_row)    → totals; on_row(row) for each paying (firm, benefit)

local benefits_eval = require "policytk.benefits"
local firms = require "policytk.firms"

local M = {}

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
--- list order: { benefit, amount, reason, error, paid, excluded_by, choice }.
function M.firm(plugin, list, firm, year, excl)
  excl = excl or exclusions(list)
  local entries = benefits_eval.evaluate_all(plugin, list, firm, year)
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

--- Match every firm of the register (filter opts.region, the plugin's city) for opts.year.
--- on_row(row) receives each paying row: credit_code, name, region, benefit, benefit_name,
--- amount, unit, clause, doc, note. Returns { rows =, by_benefit =, by_region =, errors =, firms = }.
function M.run(conn, plugin, opts, on_row)
  local list = M.benefits(plugin, opts.benefit)
  local excl = exclusions(plugin.benefits or {})
  local totals = { rows = 0, firms = 0, by_benefit = {}, by_region = {}, errors = {} }
  firms.each(conn, { region = opts.region, city = plugin.id }, function(firm)
    totals.firms = totals.firms + 1
    for _, e in ipairs(M.firm(plugin, list, firm, opts.year, excl)) do
      if e.error then
        if #totals.errors < 100 then totals.errors[#totals.errors + 1] = e.error end
        totals.error_count = (totals.error_count or 0) + 1
      elseif e.paid then
        local b = e.benefit
        local unit = b.params[1].unit
        totals.rows = totals.rows + 1
        local tb = totals.by_benefit[b.id] or { benefit = b.id, name = b.name, unit = unit, firms = 0, amount = 0 }
        tb.firms, tb.amount = tb.firms + 1, tb.amount + (unit == "元" and e.amount or 0)
        totals.by_benefit[b.id] = tb
        if unit == "元" then
          totals.by_region[firm.region] = (totals.by_region[firm.region] or 0) + e.amount
        end
        if on_row then
          on_row({ credit_code = firm.credit_code, name = firm.name, region = firm.region, benefit = b.id,
                   benefit_name = b.name, amount = e.amount, unit = unit, clause = b.quote, doc = b.doc,
                   section = b.section, note = e.choice })
        end
      end
    end
  end)
  return totals
end

return M
