-- policytk.reports.format_json: a report's data as JSON (for other tools): metadata, summary,
-- notes and every section with its columns, rows and chart points. Rows keep the ids (id, doc,
-- region) the md/html/xlsx/csv tables replace by names.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local json = require "policytk.json"

local M = {}

local function arr(t) return json.array(t or {}) end

-- Ids a row keeps in JSON even when its table shows a name instead (target, document, region).
local IDS = { "id", "doc", "region" }

function M.render(r)
  local sections = {}
  for i, s in ipairs(r.sections) do
    local rows = {}
    for j, row in ipairs(s.rows or {}) do
      local o = {}
      for _, c in ipairs(s.columns or {}) do
        local v = row[c.key]
        if v == nil then v = json.null
        elseif type(v) == "table" and next(v) == nil then v = json.array() end   -- an empty list
        o[c.key] = v
      end
      for _, k in ipairs(IDS) do                   -- the ids the tables show by name
        if o[k] == nil and type(row[k]) == "string" then o[k] = row[k] end
      end
      rows[j] = o
    end
    local cols = {}
    for j, c in ipairs(s.columns or {}) do cols[j] = { key = c.key, title = c.title, type = c.type } end
    local charts = {}
    for j, ch in ipairs(s.charts or {}) do charts[j] = { title = ch.title, unit = ch.unit, points = arr(ch.points) } end
    sections[i] = { id = s.id or json.null, title = s.title, text = s.text or json.null, columns = arr(cols),
                    rows = arr(rows), charts = arr(charts) }
  end
  local doc = {
    title = r.title, city = r.city, city_name = r.city_name, rule = r.rule, period = r.period, as_of = r.as_of,
    data_updated = r.data_updated or json.null, sample = r.sample, generated = r.generated, builder = r.builder,
    notes = arr(r.notes), summary = arr(r.summary), method = r.method or json.null, sections = arr(sections),
  }
  return json.pretty(doc) .. "\n"
end

return M
