-- bench/pages_render.lua: the 驾驶舱 page (policytk.serve.pages.dashboard.render) of each city on a
-- database, in-process: cold (the data-version cache emptied before each render: what the first
-- request after a write costs) and warm (the cache hit every other request gets), medians of N
-- runs in CPU milliseconds (os.clock), and where a cold render of the first city spends its time.
--   policytk run bench/pages_render.lua DB AS_OF [N]
local store = require "policytk.data.store"
local cache = require "policytk.serve.pages.cache"
local common = require "policytk.reports.common"
local dashboard = require "policytk.serve.pages.dashboard"
local pages_city = require "policytk.serve.pages.city"
local progress = require "policytk.progress"
local queries = require "policytk.data.queries"

local db, as_of, n = arg[1], arg[2], tonumber(arg[3] or "9")
local conn = store.open(db)

local function median(xs)
  table.sort(xs)
  return xs[(#xs + 1) // 2]
end

local function time(fn)
  local t0 = os.clock()
  fn()
  return (os.clock() - t0) * 1000
end

for _, city in ipairs({ "wenzhou", "taizhou", "hangzhou" }) do
  local params = { city = city, as_of = as_of }
  local cold, warm, bytes = {}, {}, 0
  for i = 1, n do
    cache.clear()
    cold[i] = time(function() bytes = #assert(dashboard.render(conn, params, nil)) end)
  end
  for i = 1, n * 20 do warm[i] = time(function() assert(dashboard.render(conn, params, nil)) end) end
  local m = dashboard.model(conn, params)
  print(string.format("pages: %s 驾驶舱 (%d targets, %d bytes): cold median %.1f ms, warm (cached) median %.3f ms",
    city, #m.records, bytes, median(cold), median(warm)))
end

-- where a cold render of Wenzhou's page goes
local city = queries.city(conn, "wenzhou")
local th, set, recs
local parts = {
  { "thresholds (plugin manifests)", function() th = pages_city.thresholds(city) end },
  { "dataset (targets)", function() set = progress.dataset(conn, { city = city.id, thresholds = th }) end },
  { "evaluate_all (reads the series)", function() recs = set:evaluate_all(as_of) end },
  { "chart points (reports.common.chart_points)", function()
      for _, r in ipairs(recs) do
        common.chart_points(set:series(r.indicator, r.region), as_of, nil, r.kind == "cumulative_new" and r.start or nil)
      end
    end },
}
local shown = {}
for _, p in ipairs(parts) do shown[#shown + 1] = string.format("%s %.1f ms", p[1], time(p[2])) end
set:close()
print("pages: wenzhou cold render, parts: " .. table.concat(shown, "; "))
conn:close()
