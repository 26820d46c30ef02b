-- bench/fill_round.lua: fill the sheets a round wrote, as units would: every 数值 cell of 指标
-- and every 本月进展 of 工作进展, copied with the project's XLSX reader and writer (the hidden
-- 报送信息 sheet kept hidden). The N largest workbooks of IN_DIR (the most cells), into OUT_DIR.
--   policytk run bench/fill_round.lua IN_DIR OUT_DIR N

local fs = require "policytk.fs"
local xlsx = require "policytk.xlsx"

local dir, out, n = arg[1], arg[2], math.tointeger(tonumber(arg[3] or ""))
if not dir or not out or not n then
  io.stderr:write("usage: policytk run bench/fill_round.lua IN_DIR OUT_DIR N\n")
  return 2
end
fs.mkdirs(out)

-- Copy one sheet, filling column `col` (1-based) below the header row 3 where column A holds a value.
local function copy(r, wb, name, col, value, hidden)
  local ws = wb:sheet(name, { hidden = hidden })
  for row, cells in r:rows(name) do
    for c = 1, cells.n or #cells do
      if cells[c] ~= nil then ws:write(row - 1, c - 1, cells[c]) end
    end
    if col and row > 3 and cells[1] ~= nil then ws:write(row - 1, col - 1, value(row)) end
  end
end

local names, size = {}, {}
for _, name in ipairs(fs.list(dir)) do
  if name:match("%.xlsx$") then names[#names + 1] = name; size[name] = fs.stat(dir .. "/" .. name).size end
end
table.sort(names, function(a, b) if size[a] ~= size[b] then return size[a] > size[b] end return a < b end)
local done = 0
for _, name in ipairs(names) do
  if done >= n then break end
  do
    local r <close> = xlsx.open(dir .. "/" .. name)
    local wb <close> = xlsx.writer(out .. "/" .. name)
    copy(r, wb, "指标", 4, function(row) return 100 + row end)
    copy(r, wb, "工作进展", 6, function(row) return string.format("本月完成第%d项工作，按计划推进。", row) end)
    copy(r, wb, "报送信息", nil, nil, true)
    done = done + 1
  end
end
print(done)
