-- policytk.extract.quality: measure policytk.extract against the targets and leads a city
-- plugin encodes — recall and precision for targets (value + unit + deadline exact) and for
-- lead units (per measure section and per target). Used by tests/lua/extract/test_extract_quality.lua.
--
-- Capability: text and extract: reading policy documents (entry policytk.extract; map in docs/architecture.md).

local extract = require "policytk.extract"
local plugins = require "policytk.plugins"

local M = {}

M.TEXTS = {
  { city = "wenzhou", doc = "friendly2023", file = "wenzhou_sme_friendly_city_2023.txt" },
  { city = "wenzhou", doc = "private32", file = "wenzhou_private_economy_tasks_2023.txt" },
  { city = "taizhou", doc = "growth2018", file = "taizhou_sme_growth_plan_2018_2020.txt" },
  { city = "hangzhou", doc = "growth2021", file = "hangzhou_sme_growth_plan_2021_2023_draft.txt" },
}
M.GOAL = 0.90

local function num(v) return string.format("%.6g", v) end

local function tkey(t) return num(t.value) .. "|" .. t.unit .. "|" .. tostring(t.deadline) end

-- multiset match: returns matched count, unmatched of a, unmatched of b
local function match(a, b, key)
  local pool = {}
  for _, x in ipairs(b) do local k = key(x); pool[k] = (pool[k] or 0) + 1 end
  local hit, miss = 0, {}
  local used = {}
  for _, x in ipairs(a) do
    local k = key(x)
    if (pool[k] or 0) > 0 then pool[k] = pool[k] - 1; hit = hit + 1; used[k] = (used[k] or 0) + 1
    else miss[#miss + 1] = x end
  end
  local extra = {}
  for _, x in ipairs(b) do
    local k = key(x)
    if (used[k] or 0) > 0 then used[k] = used[k] - 1 else extra[#extra + 1] = x end
  end
  return hit, miss, extra
end

local function leads_of(measures, targets)
  local out = {}
  for _, m in ipairs(measures or {}) do
    for _, u in ipairs(m.lead_units or {}) do out[#out + 1] = { k = "M " .. (m.section or "?"):gsub("%s+", " ") .. " " .. u } end
  end
  for _, t in ipairs(targets or {}) do
    if t.lead_unit then out[#out + 1] = { k = "T " .. tkey(t) .. " " .. t.lead_unit } end
  end
  return out
end

local function ratio(hit, n) if n == 0 then return nil end return hit / n end

--- Measure one text: { targets = {recall=, precision=, ref=, got=, hit=, missed=, extra=}, leads = {…} }.
--- raw: the bytes of the source text; plugin_doc: the document{} the plugin declares.
function M.measure(raw, plugin_doc)
  local draft = extract.extract(raw)
  local ref = plugin_doc.targets or {}
  local hit, missed, extra = match(ref, draft.targets, tkey)
  local lref = leads_of(plugin_doc.measures, ref)
  local lgot = leads_of(draft.measures, draft.targets)
  local lhit, lmiss, lextra = match(lref, lgot, function(x) return x.k end)
  return {
    targets = { ref = #ref, got = #draft.targets, hit = hit, recall = ratio(hit, #ref),
                precision = ratio(hit, #draft.targets), missed = missed, extra = extra },
    leads = { ref = #lref, got = #lgot, hit = lhit, recall = ratio(lhit, #lref),
              precision = ratio(lhit, #lgot), missed = lmiss, extra = lextra },
    draft = draft,
  }
end

--- The plugin's document{} by city and id (loads the plugin).
function M.plugin_doc(city, id)
  local all = plugins.load_all({ city })
  local p = all.by_id[city]
  assert(p, "no plugin " .. city)
  for _, d in ipairs(p.documents or {}) do if d.id == id then return d end end
  error("plugin " .. city .. " has no document " .. id)
end

local function pct(x) return x and string.format("%5.1f%%", x * 100) or "  n/a" end

--- One line of results.
function M.line(name, r)
  return string.format("%-14s targets recall %s precision %s (%d/%d ref, %d found) | leads recall %s precision %s (%d/%d ref, %d found)",
    name, pct(r.targets.recall), pct(r.targets.precision), r.targets.hit, r.targets.ref, r.targets.got,
    pct(r.leads.recall), pct(r.leads.precision), r.leads.hit, r.leads.ref, r.leads.got)
end

--- True when every measured ratio reaches the goal (n/a when the reference and the
--- extraction are both empty counts as reached; an empty reference with extractions does not).
function M.passes(r)
  for _, part in ipairs({ r.targets, r.leads }) do
    if part.ref == 0 and part.got == 0 then goto continue end
    if (part.recall or 0) < M.GOAL or (part.precision or 0) < M.GOAL then return false end
    ::continue::
  end
  return true
end

return M
