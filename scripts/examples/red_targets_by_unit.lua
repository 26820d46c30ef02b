-- 示例：哪个牵头单位的红色目标最多？把示例数据导入临时数据库，按牵头单位汇总进度。
-- Example: which lead unit has the most red targets — progress rolled up by lead unit.
--   policytk run scripts/examples/red_targets_by_unit.lua [CITY] [AS_OF]   (default: wenzhou 2025-06-30)
-- With your own database, use store.open() instead of the temporary one below.

local core = require "policytk.core"
local store = require "policytk.data.store"
local load = require "policytk.data.load"
local plugins = require "policytk.plugins"
local import = require "policytk.data.import"
local progress = require "policytk.progress"
local rollup = require "policytk.progress.rollup"

local city, as_of = arg[1] or "wenzhou", arg[2] or "2025-06-30"

-- a temporary database with the bundled plugins and sample figures (示例数据)
local path = os.tmpname()
local conn = store.open(path)
load.catalog(conn)
for _, p in ipairs(plugins.load_all().list) do conn:transaction(function() load.city(conn, p) end) end
import.file(conn, core.root .. "/scripts/policytk/data/sample/observations.csv", {})
local plugin = plugins.load_all({ city }).by_id[city]

local records = progress.dataset(conn, { city = city }):evaluate_all(as_of)
for _, g in ipairs(rollup.by(records, "unit")) do
  local pad = string.rep(" ", math.max(0, 28 - core.width(g.key)))
  print(string.format("%s%s目标 %2d 项，红 %d，黄 %d，灰 %d", g.key, pad, g.total, g.red, g.yellow, g.counts.no_data))
  for _, r in ipairs(g.red_targets) do print("    红  " .. (r.quote or r.id) .. "：" .. (r.reason or "")) end
end
print(string.format("（%s，截至 %s，示例数据）", plugin.manifest.name, as_of))
conn:close()
os.remove(path)
return 0
