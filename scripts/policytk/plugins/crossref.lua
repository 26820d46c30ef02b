-- policytk.plugins.crossref: the checks between declarations of one plugin, after each has
-- passed its own schema: ids unique, references resolve (indicators, units, regions,
-- measures, groups, documents, params, benefits), dates in order, lead units consistent
-- with the document's lead rule, exclusions between benefits resolved, portal hosts
-- declared in the manifest.
--
-- Capability: the plugin contract and loading (entry policytk.plugins; map in docs/architecture.md).

local schema = require "policytk.plugins.schema"
local conditions = require "policytk.benefits.conditions"

local M = {}

local function origin(t)
  return schema.origin(t) or {}
end

-- A checker bound to one plugin's problem list.
local function reporter(plugin, add)
  return function(decl, path, fmt, ...)
    local o = origin(decl)
    add(plugin.problems, o.file, o.line, path, string.format(fmt, ...))
  end
end

local function label(list_name, i, item)
  local s = list_name .. "[" .. i .. "]"
  if type(item) == "table" and type(item.id) == "string" then s = s .. "(" .. item.id .. ")" end
  return s
end

local function set_of(list, key)
  local s = {}
  for _, x in ipairs(type(list) == "table" and list or {}) do
    if type(x) == "table" and x[key] ~= nil then s[x[key]] = x end
  end
  return s
end

local function is_list(v) return type(v) == "table" end

--- The GB/T 2260 prefix of a city code (its first four digits: 330300 → "3303"), or nil.
function M.prefix(code)
  return type(code) == "string" and code:match("^(%d%d%d%d)%d%d$") or nil
end

--- The region declarations of a plugin for M.region_clashes: { {code=, shared_with=, file=, line=} }.
function M.region_decls(plugin)
  local out = {}
  local m = plugin.manifest
  for _, r in ipairs(m and is_list(m.regions) and m.regions or {}) do
    if type(r) == "table" and type(r.code) == "string" then
      local o = origin(r)
      out[#out + 1] = { code = r.code, shared_with = r.shared_with, file = o.file, line = o.line }
    end
  end
  return out
end

--- Regions two plugins both declare without either naming the other in shared_with. cities
--- is a list of { id =, regions = M.region_decls(p) }; returns { {id=, code=, other=, file=,
--- line=, problem=} }, one per declaration in the clash (each plugin gets its own).
function M.region_clashes(cities)
  local by_code = {}
  for _, c in ipairs(cities) do
    for _, r in ipairs(c.regions or {}) do
      local list = by_code[r.code] or {}
      by_code[r.code] = list
      list[#list + 1] = { id = c.id, decl = r }
    end
  end
  local out = {}
  for code, list in pairs(by_code) do
    for i, a in ipairs(list) do
      for j, b in ipairs(list) do
        if i ~= j and a.id ~= b.id and a.decl.shared_with ~= b.id and b.decl.shared_with ~= a.id then
          out[#out + 1] = { id = a.id, code = code, other = b.id, file = a.decl.file, line = a.decl.line,
            problem = string.format("region %s is also declared by plugin %s: a region belongs to one city "
              .. "unless one declaration says shared_with = %q", code, b.id, a.id) }
        end
      end
    end
  end
  table.sort(out, function(x, y)
    if x.id ~= y.id then return x.id < y.id end
    if x.code ~= y.code then return x.code < y.code end
    return x.other < y.other
  end)
  return out
end

local function check_manifest(plugin, bad)
  local m = plugin.manifest
  local regions, units = {}, {}
  for i, r in ipairs(is_list(m.regions) and m.regions or {}) do
    if type(r) == "table" and r.code then
      if regions[r.code] then bad(r, "regions[" .. i .. "].code", "duplicate region code %s", r.code) end
      regions[r.code] = r
    end
  end
  local prefix = M.prefix(m.code)
  for i, r in ipairs(is_list(m.regions) and m.regions or {}) do
    if type(r) == "table" and type(r.code) == "string" and prefix and r.code:sub(1, 4) ~= prefix
        and not r.shared_with then
      bad(r, "regions[" .. i .. "].code", "region %s lies outside city %s (%sxx): declare it "
        .. "shared_with = \"<the other city's plugin id>\" or use a %sxx code", r.code, m.code, prefix, prefix)
    end
    if type(r) == "table" and r.shared_with == plugin.id then
      bad(r, "regions[" .. i .. "].shared_with", "region %s is shared with the plugin itself", tostring(r.code))
    end
  end
  for i, r in ipairs(is_list(m.regions) and m.regions or {}) do
    if type(r) == "table" and r.parent and r.parent ~= m.code and not regions[r.parent] then
      bad(r, "regions[" .. i .. "].parent", "unknown region %s", r.parent)
    end
  end
  for i, u in ipairs(is_list(m.units) and m.units or {}) do
    if type(u) == "table" and type(u.short) == "string" then
      local names = { u.short }
      for _, a in ipairs(is_list(u.aliases) and u.aliases or {}) do names[#names + 1] = a end
      for _, n in ipairs(names) do
        if units[n] and units[n] ~= u then bad(u, "units[" .. i .. "]", "unit name %q is declared twice", n) end
        units[n] = u
      end
    end
  end
  plugin.region_by_code, plugin.unit_by_name = regions, units
end

local function unit_names(plugin)
  local names = {}
  for n in pairs(plugin.unit_by_name) do names[#names + 1] = n end
  table.sort(names)
  return names
end

local function check_unit(plugin, bad, decl, path, name)
  if type(name) ~= "string" then return end
  if not plugin.unit_by_name[name] then
    local near = schema.nearest(name, unit_names(plugin))
    bad(decl, path, "unknown unit %q (declare it in plugin.lua units)%s", name,
      near and string.format("; did you mean %q?", near) or "")
  end
end

local function check_measures(plugin, bad, doc, groups)
  local ids = {}
  for i, m in ipairs(is_list(doc.measures) and doc.measures or {}) do
    if type(m) == "table" then
      local p = label("measures", i, m)
      if m.id then
        if ids[m.id] then bad(m, p .. ".id", "duplicate measure id %q in document %s", m.id, doc.id) end
        ids[m.id] = m
      end
      if m.group and not groups[m.group] then bad(m, p .. ".group", "unknown group %q", m.group) end
      local resp = is_list(m.responsible_units) and m.responsible_units or {}
      local in_resp = {}
      for j, u in ipairs(resp) do
        check_unit(plugin, bad, m, p .. ".responsible_units[" .. j .. "]", u)
        in_resp[u] = true
      end
      local leads = is_list(m.lead_units) and m.lead_units or {}
      for j, u in ipairs(leads) do
        check_unit(plugin, bad, m, p .. ".lead_units[" .. j .. "]", u)
        if #resp > 0 and not in_resp[u] then
          bad(m, p .. ".lead_units[" .. j .. "]", "lead unit %q is not among responsible_units", u)
        end
      end
      if doc.lead_rule == "first_listed" and #resp > 0 and (leads[1] ~= resp[1] or #leads ~= 1) then
        bad(m, p .. ".lead_units", "the document's lead rule is first_listed: expected { %q }", resp[1])
      end
      if doc.lead_rule == "starred" and #resp > 0 and #leads == 0 then
        bad(m, p .. ".lead_units", "the document marks leads with *: at least one lead unit expected")
      end
    end
  end
  return ids
end

local function check_targets(plugin, bad, doc, measures, groups, indicator_of)
  local ids = {}
  for i, t in ipairs(is_list(doc.targets) and doc.targets or {}) do
    if type(t) == "table" then
      local p = label("targets", i, t)
      if t.id then
        if ids[t.id] then bad(t, p .. ".id", "duplicate target id %q in document %s", t.id, doc.id) end
        ids[t.id] = t
      end
      local ind = type(t.indicator) == "string" and indicator_of(t.indicator)
      if type(t.indicator) == "string" and not ind then
        bad(t, p .. ".indicator", "unknown indicator %q (not in the common catalog nor the plugin)", t.indicator)
      elseif ind and t.unit and ind.unit and t.kind ~= "growth_rate" and t.unit ~= ind.unit then
        bad(t, p .. ".unit", "%q differs from the unit of indicator %s (%q)", t.unit, ind.code, ind.unit)
      end
      if t.kind == "growth_rate" and t.unit and t.unit ~= "%" then
        bad(t, p .. ".unit", "a growth_rate target is in %%; got %q", t.unit)
      end
      check_unit(plugin, bad, t, p .. ".lead_unit", t.lead_unit)
      if t.measure and not measures[t.measure] then bad(t, p .. ".measure", "unknown measure %q", t.measure) end
      if t.group and not groups[t.group] then bad(t, p .. ".group", "unknown group %q", t.group) end
      if t.region and not plugin.region_by_code[t.region] then bad(t, p .. ".region", "unknown region %s", t.region) end
      for j, s in ipairs(is_list(t.shares) and t.shares or {}) do
        if type(s) == "table" and s.region and not plugin.region_by_code[s.region] then
          bad(t, p .. ".shares[" .. j .. "].region", "unknown region %s", s.region)
        end
      end
      local start = t.start or doc.period_start
      if type(start) == "string" and type(t.deadline) == "string" and t.deadline <= start then
        bad(t, p .. ".deadline", "%s is not after the start %s", t.deadline, start)
      end
      if t.year and type(t.deadline) == "string" and tonumber(t.deadline:sub(1, 4)) ~= t.year then
        bad(t, p .. ".year", "%d does not match the deadline %s", t.year, t.deadline)
      end
    end
  end
end

local function check_documents(plugin, bad, indicator_of)
  local docs = {}
  for _, doc in ipairs(plugin.declared.document) do
    if type(doc.id) == "string" then
      if docs[doc.id] then bad(doc, "id", "duplicate document id %q", doc.id) end
      docs[doc.id] = doc
    end
    if type(doc.period_start) == "string" and type(doc.period_end) == "string"
      and doc.period_end < doc.period_start then
      bad(doc, "period_end", "%s is before period_start %s", doc.period_end, doc.period_start)
    end
    local groups = set_of(doc.groups, "id")
    local measures = check_measures(plugin, bad, doc, groups)
    check_targets(plugin, bad, doc, measures, groups, indicator_of)
  end
  for _, doc in ipairs(plugin.declared.document) do
    if doc.supersedes and not docs[doc.supersedes] then
      bad(doc, "supersedes", "unknown document %q", doc.supersedes)
    end
  end
  plugin.doc_by_id = docs
end

local function check_indicators(plugin, bad, catalog)
  local own = {}
  for _, ind in ipairs(plugin.declared.indicator) do
    if type(ind.code) == "string" then
      if catalog.by_code[ind.code] then
        bad(ind, "code", "%q is already in the common catalog: use it, do not redeclare it", ind.code)
      elseif own[ind.code] then
        bad(ind, "code", "duplicate indicator code %q", ind.code)
      end
      own[ind.code] = ind
    end
  end
  plugin.indicator_by_code = own
  return function(code) return own[code] or catalog.by_code[code] end
end

local function check_benefits(plugin, bad)
  local by_id, params = {}, {}
  for _, b in ipairs(plugin.declared.benefit) do
    if type(b.id) == "string" then
      if by_id[b.id] then bad(b, "id", "duplicate benefit id %q", b.id) end
      by_id[b.id] = b
    end
    if type(b.doc) == "string" and not plugin.doc_by_id[b.doc] then bad(b, "doc", "unknown document %q", b.doc) end
    local own = {}
    for i, prm in ipairs(is_list(b.params) and b.params or {}) do
      if type(prm) == "table" and type(prm.id) == "string" then
        local p = label("params", i, prm)
        if params[prm.id] then bad(prm, p .. ".id", "duplicate param id %q in the plugin", prm.id) end
        params[prm.id], own[prm.id] = prm, prm
        local prev_to
        for j, v in ipairs(is_list(prm.values) and prm.values or {}) do
          if type(v) == "table" then
            if prm.unit == "元" and math.type(v.value) ~= "integer" then
              bad(prm, p .. ".values[" .. j .. "].value", "an amount in 元 must be an integer; got %s", schema.show(v.value))
            end
            if v.to and v.from and v.to < v.from then
              bad(prm, p .. ".values[" .. j .. "].to", "%s is before from %s", v.to, v.from)
            end
            if prev_to and v.from and v.from <= prev_to then
              bad(prm, p .. ".values[" .. j .. "].from", "overlaps the previous value (ends %s)", prev_to)
            end
            prev_to = v.to or "9999-12-31"
          end
        end
        if prm.doc and not plugin.doc_by_id[prm.doc] then bad(prm, p .. ".doc", "unknown document %q", prm.doc) end
      end
    end
    if type(b.amount) == "string" and not own[b.amount] then
      bad(b, "amount", "unknown param %q (declare it in this benefit's params)", b.amount)
    end
    if b.eligible == nil and b.when == nil then
      bad(b, "eligible", "a benefit needs eligible(firm, year, ctx), when = { … } conditions, or both")
    end
    if is_list(b.when) then
      for _, p in ipairs(conditions.check(b.when, own)) do bad(b, p[1], "%s", p[2]) end
    end
    if type(b.amount) == "table" then
      for i, opt in ipairs(b.amount) do
        if type(opt) == "table" then
          local at = "amount[" .. i .. "]"
          if type(opt.param) == "string" and not own[opt.param] then
            bad(b, at .. ".param", "unknown param %q (declare it in this benefit's params)", opt.param)
          end
          for _, p in ipairs(conditions.check(is_list(opt.when) and opt.when or {}, own)) do
            bad(b, at .. "." .. p[1], "%s", p[2])
          end
        end
      end
    end
  end
  -- exclusions: every excluding pair must say which one pays, and both sides must agree
  for _, b in ipairs(plugin.declared.benefit) do
    for i, other in ipairs(is_list(b.excludes) and b.excludes or {}) do
      local o = by_id[other]
      if not o then
        bad(b, "excludes[" .. i .. "]", "unknown benefit %q", other)
      elseif other == b.id then
        bad(b, "excludes[" .. i .. "]", "a benefit cannot exclude itself")
      else
        local rb, ro = b.resolve, o.resolve
        if not rb and not ro then
          bad(b, "excludes[" .. i .. "]", "%s and %s exclude each other but neither says which one pays "
            .. "(resolve = \"larger\" or \"first\")", b.id, other)
        elseif rb and ro and rb ~= ro then
          bad(b, "resolve", "%s resolves its exclusion with %s as %q but %s says %q", b.id, other, rb, other, ro)
        end
      end
    end
    for i, other in ipairs(is_list(b.stacks_with) and b.stacks_with or {}) do
      if not by_id[other] then bad(b, "stacks_with[" .. i .. "]", "unknown benefit %q", other) end
    end
    if b.resolve and not (is_list(b.excludes) and #b.excludes > 0) then
      bad(b, "resolve", "given without excludes")
    end
  end
  plugin.benefit_by_id, plugin.param_by_id = by_id, params
end

-- Reports and panels: ids unique (per kind), documents, targets and indicators known.
local function check_reports(plugin, bad, indicator_of, kind)
  local ids = {}
  for _, r in ipairs(plugin.declared[kind]) do
    if type(r.id) == "string" then
      if ids[r.id] then bad(r, "id", "duplicate %s id %q", kind, r.id) end
      ids[r.id] = r
    end
    if type(r.doc) == "string" and not plugin.doc_by_id[r.doc] then bad(r, "doc", "unknown document %q", r.doc) end
    local covers = type(r.covers) == "table" and r.covers or {}
    local docs = {}
    for _, d in ipairs(is_list(covers.docs) and covers.docs or {}) do
      if not plugin.doc_by_id[d] then bad(r, "covers.docs", "unknown document %q", d) end
      docs[#docs + 1] = plugin.doc_by_id[d]
    end
    if #docs == 0 and kind == "panel" and r.doc == nil then docs = plugin.declared.document end
    if #docs == 0 then docs[1] = plugin.doc_by_id[r.doc] end
    if type(covers.targets) == "table" then
      for i, tid in ipairs(covers.targets) do
        local found = false
        for _, d in ipairs(docs) do
          for _, t in ipairs(is_list(d.targets) and d.targets or {}) do
            if t.id == tid then found = true end
          end
        end
        if not found then bad(r, "covers.targets[" .. i .. "]", "unknown target %q", tostring(tid)) end
      end
    end
    for i, code in ipairs(is_list(covers.indicators) and covers.indicators or {}) do
      if not indicator_of(code) then bad(r, "covers.indicators[" .. i .. "]", "unknown indicator %q", code) end
    end
    for i, idx in ipairs(is_list(r.indices) and r.indices or {}) do
      local sum = 0
      for j, c in ipairs(is_list(idx.components) and idx.components or {}) do
        if type(c) == "table" then
          if type(c.indicator) == "string" and not indicator_of(c.indicator) then
            bad(r, "indices[" .. i .. "].components[" .. j .. "].indicator", "unknown indicator %q", c.indicator)
          end
          sum = sum + (tonumber(c.weight) or 0)
        end
      end
      if math.abs(sum - 1) > 1e-6 then
        bad(r, "indices[" .. i .. "].components", "weights add up to %s, not 1", tostring(sum))
      end
    end
  end
  plugin[kind .. "_by_id"] = ids
end

local function check_sources(plugin, bad)
  local ids, hosts = {}, {}
  for _, h in ipairs(is_list(plugin.manifest.hosts) and plugin.manifest.hosts or {}) do hosts[h] = true end
  for _, s in ipairs(plugin.declared.source) do
    if type(s.id) == "string" then
      if ids[s.id] then bad(s, "id", "duplicate source id %q", s.id) end
      ids[s.id] = s
    end
    local host = type(s.url) == "string" and s.url:match("^https?://([^/:]+)")
    if host and not hosts[host] then
      bad(s, "url", "host %s is not in the manifest's hosts", host)
    end
  end
  plugin.source_by_id = ids
end

--- Run every cross-reference check of a loaded plugin; add(list, file, line, path, problem)
--- records a problem.
function M.check(plugin, catalog, add)
  local bad = reporter(plugin, add)
  check_manifest(plugin, bad)
  local indicator_of = check_indicators(plugin, bad, catalog)
  plugin.indicator_of = indicator_of
  check_documents(plugin, bad, indicator_of)
  require("policytk.plugins.duplicates").check(plugin, bad)
  check_benefits(plugin, bad)
  check_reports(plugin, bad, indicator_of, "report")
  check_reports(plugin, bad, indicator_of, "panel")
  check_sources(plugin, bad)
end

return M
