-- 示例：按牵头单位统计各城市文件中的任务数，看哪个单位牵头的任务最多。
-- Example: how many measures each unit leads, over every plugin.
--   policytk run scripts/examples/measures_by_lead_unit.lua

local plugins = require "policytk.plugins"

local counts = {}
for _, plugin in ipairs(plugins.load_all().list) do
  for _, doc in ipairs(plugin.documents or {}) do
    for _, m in ipairs(doc.measures or {}) do
      for _, unit in ipairs(m.lead_units or {}) do
        local key = plugin.id .. " " .. unit
        counts[key] = (counts[key] or 0) + 1
      end
    end
  end
end

local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys, function(a, b)
  if counts[a] ~= counts[b] then return counts[a] > counts[b] end
  return a < b
end)
for _, k in ipairs(keys) do print(string.format("%-28s %d 项", k, counts[k])) end
print(string.format("共 %d 个牵头单位", #keys))
return 0
