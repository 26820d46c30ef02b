-- policytk.serve.pages.dashboard_data: the figures of a city's 驾驶舱, computed by the one
-- progress computation (policytk.progress.data evaluate_all, the roll-ups of
-- policytk.progress.rollup — what `policytk progress` and the reports use; nothing here
-- decides a status): status counts, red targets by lead unit, by county (each county against
-- its share, rollup.counties) and by document (its title), each target's chart points
-- (reports.common.chart_points, as the reports draw them), and the open round's reporting status
-- (policytk.round.status).
--
--   dashboard_data.build(conn, city, as_of) → model
--   model = { city, as_of, records (worst first), counts (progress.counts), colors = { 红 =, 黄 =, 绿 =, 灰 = },
--             summary (reports.common.summary), by_unit, by_county, by_doc (groups with red > 0:
--             { key =, name =, red_targets = { record … } }), points = { [record] = chart points },
--             updated, round = { row =, rows =, counts =, summary = } | nil, ids = { [doc/tid] = link id } }
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local common = require "policytk.reports.common"
local pages_city = require "policytk.serve.pages.city"
local progress = require "policytk.progress"
local rollup = require "policytk.progress.rollup"
local rounds = require "policytk.round.rounds"
local status = require "policytk.round.status"

local M = {}

--- The colour groups of the statuses, as the reports count them: 红 behind + missed, 黄
--- lagging, 绿 achieved + on_track, 灰 no_data.
function M.colors(counts)
  local out = { ["红"] = 0, ["黄"] = 0, ["绿"] = 0, ["灰"] = 0 }
  for _, s in ipairs(progress.STATUSES) do
    local c = progress.COLOR[s]
    out[c] = out[c] + (counts[s] or 0)
  end
  return out
end

-- Groups of rollup.by with red targets, each named (a document by its title).
local function red_groups(records, key, name_of)
  local out = {}
  for _, g in ipairs(rollup.by(records, key)) do
    if g.red > 0 then
      out[#out + 1] = { key = g.key, name = name_of and name_of(g) or g.key, red = g.red, total = g.total,
                        red_targets = g.red_targets }
    end
  end
  return out
end

-- Red targets by county: each target split to counties (shares) evaluated per county by
-- rollup.counties; a target of a county itself (its region a county) under that county.
local function by_county(set, records, city, as_of)
  local target_of = {}
  for _, t in ipairs(set.targets) do target_of[t.doc .. "/" .. t.tid] = t end
  local county_records = {}
  for _, r in ipairs(records) do
    local t = target_of[r.doc .. "/" .. r.tid]
    if r.region ~= city.code then county_records[#county_records + 1] = r end
    if t and #(t.shares or {}) > 0 then
      for _, cr in ipairs(rollup.counties(set, t, as_of).rows) do county_records[#county_records + 1] = cr end
    end
  end
  local groups = red_groups(county_records, function(r) return { r.region_name or r.region } end)
  table.sort(groups, function(a, b)
    if a.red ~= b.red then return a.red > b.red end
    return a.key < b.key
  end)
  return groups
end

-- The open round of the city and where each unit stands (as of the page's date), or nil.
local function round_of(conn, city, as_of)
  local r = rounds.latest(conn, city.id)
  if not r then return nil end
  local rows = status.rows(conn, r, as_of)
  local counts = {}
  for _, s in ipairs(status.ORDER) do counts[s] = 0 end
  for _, row in ipairs(rows) do counts[row.status] = (counts[row.status] or 0) + 1 end
  return { row = r, rows = rows, counts = counts, summary = status.summary(rows) }
end

-- The id a page links a target (task) by: its own id when no other document of the city uses
-- it, else "doc:id" (the target and task pages read both).
function M.link_ids(list, id_key)
  local n, out = {}, {}
  for _, x in ipairs(list) do n[x[id_key]] = (n[x[id_key]] or 0) + 1 end
  for _, x in ipairs(list) do
    out[x.doc .. "/" .. x[id_key]] = n[x[id_key]] > 1 and (x.doc .. ":" .. x[id_key]) or x[id_key]
  end
  return out
end

function M.build(conn, city, as_of)
  local set = pages_city.dataset(conn, city)
  local ok, model = pcall(function()
    local records = set:evaluate_all(as_of)
    local counts = progress.counts(records)
    local points = {}
    for _, r in ipairs(records) do
      points[r] = common.chart_points(set:series(r.indicator, r.region), as_of, nil,
        r.kind == "cumulative_new" and r.start or nil)
    end
    local titles = {}
    for _, r in ipairs(records) do titles[r.doc] = r.doc_title end
    return {
      city = city, as_of = as_of, records = records, counts = counts, colors = M.colors(counts),
      summary = common.summary(records), points = points,
      by_unit = red_groups(records, "unit"),
      by_doc = red_groups(records, "doc", function(g) return titles[g.key] or g.key end),
      by_county = by_county(set, records, city, as_of),
      updated = set:updated(), round = round_of(conn, city, as_of),
      ids = M.link_ids(set.targets, "tid"),
    }
  end)
  set:close()
  if not ok then error(model, 0) end
  return model
end

return M
