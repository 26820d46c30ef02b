-- 示例：列出一个城市插件中的全部量化目标（文件、编号、指标、目标值、期限、牵头单位）。
-- Example: every quantitative target a city plugin encodes, with its lead units as every verb
-- gives them (the target's own, else its measure's: policytk.data.queries.lead_units).
--   policytk run scripts/examples/targets_of_city.lua [CITY]      (default: wenzhou)
-- With your own database, use store.open() instead of the temporary one below.

local store = require "policytk.data.store"
local load = require "policytk.data.load"
local exports = require "policytk.data.exports"
local plugins = require "policytk.plugins"
local tabular = require "policytk.data.tabular"

local city = arg[1] or "wenzhou"
local plugin = plugins.load_all({ city }).by_id[city]
if not plugin then
  io.stderr:write("没有找到插件 ", city, "\n")
  return 1
end

-- a temporary database with the city's plugin
local path = os.tmpname()
local conn = store.open(path)
load.catalog(conn)
load.city(conn, plugin)
local rows = exports.rows(conn, "targets", { city = city }, "table")
conn:close()
for _, p in ipairs({ path, path .. "-wal", path .. "-shm" }) do os.remove(p) end

tabular.write(io.stdout, "table", {
  { key = "doc", title = "文件" }, { key = "id", title = "编号" }, { key = "quote", title = "原文" },
  { key = "comparator", title = "" }, { key = "value", title = "目标值" }, { key = "unit", title = "单位" },
  { key = "deadline", title = "期限" }, { key = "lead_units", title = "牵头单位" },
}, rows)
print(string.format("共 %d 项目标", #rows))
return 0
