-- 示例：把一张小表写成 Excel 文件（加粗表头、千分位、百分比、冻结首行、筛选），再读回来打印。
-- Example: write a small report as .xlsx with policytk.xlsx, then read it back.
--   policytk run scripts/examples/xlsx_report.lua [OUT.xlsx]      (default: a temporary file)

local xlsx = require "policytk.xlsx"

local out = arg[1] or (os.tmpname() .. ".xlsx")
local rows = {
  { "新增中小微企业数", 100000, 87654 },
  { "规上工业企业数", 12000, 12500 },
}

local wb = xlsx.writer(out)
local head = wb:format { bold = true, bg_color = "#DDEBF7", align = "center", border = true }
local count = wb:format { num_format = "#,##0" }
local pct = wb:format { num_format = "0.0%" }
local ws = wb:sheet("指标完成情况")
ws:write_row(0, { "指标", "目标值", "完成值", "完成率" }, head)
for i, r in ipairs(rows) do
  ws:write(i, 0, r[1])
  ws:write(i, 1, r[2], count)
  ws:write(i, 2, r[3], count)
  ws:write(i, 3, r[3] / r[2], pct)
end
ws:set_column(0, 0, 20)
ws:freeze(1, 0)
ws:autofilter(0, 0, #rows, 3)
wb:close()

local reader <close> = xlsx.open(out)
for n, cells in reader:rows("指标完成情况") do
  local shown = {}
  for c = 1, cells.n do
    local v = cells[c]
    shown[c] = math.type(v) == "float" and string.format("%.1f%%", v * 100) or tostring(v)
  end
  print(n, table.concat(shown, "\t"))
end
if not arg[1] then os.remove(out) end
return 0
