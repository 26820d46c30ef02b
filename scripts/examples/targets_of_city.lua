-- 示例：列出一个城市插件中的全部量化目标（文件、编号、指标、目标值、期限、牵头单位）。
-- Example: every quantitative target a city plugin encodes.
--   policytk run scripts/examples/targets_of_city.lua [CITY]      (default: wenzhou)

local plugins = require "policytk.plugins"
local tabular = require "policytk.data.tabular"

local city = arg[1] or "wenzhou"
local plugin = plugins.load_all({ city }).by_id[city]
if not plugin then
  io.stderr:write("没有找到插件 ", city, "\n")
  return 1
end

local rows = {}
for _, doc in ipairs(plugin.documents or {}) do
  for _, t in ipairs(doc.targets or {}) do
    rows[#rows + 1] = { doc = doc.id, id = t.id, quote = t.quote, value = t.value, unit = t.unit,
                        comparator = t.comparator, deadline = t.deadline, lead = t.lead_unit }
  end
end
tabular.write(io.stdout, "table", {
  { key = "doc", title = "文件" }, { key = "id", title = "编号" }, { key = "quote", title = "原文" },
  { key = "comparator", title = "" }, { key = "value", title = "目标值" }, { key = "unit", title = "单位" },
  { key = "deadline", title = "期限" }, { key = "lead", title = "牵头单位" },
}, rows)
print(string.format("共 %d 项目标", #rows))
return 0
