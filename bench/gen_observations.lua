-- bench/gen_observations.lua: write N synthetic observation rows (CSV, the import format)
-- for the Wenzhou plugin's indicators and regions, every (indicator, region, period) unique.
-- The values are arbitrary, so a flow indicator's rows say 口径 当期 (as flows they may rise and
-- fall; read as 1—N月累计, the default, they would be refused for falling within a year).
--   policytk run bench/gen_observations.lua N OUT.csv

local plugins = require "policytk.plugins"

local n, out = math.tointeger(tonumber(arg[1] or "")), arg[2]
if not n or not out then
  io.stderr:write("usage: policytk run bench/gen_observations.lua N OUT.csv\n")
  return 2
end
local p = plugins.load_all({ "wenzhou" }).by_id.wenzhou
local codes, basis = {}, {}
for _, list in ipairs({ plugins.catalog().list, p.indicators }) do
  for _, ind in ipairs(list) do
    codes[#codes + 1] = ind.code
    basis[ind.code] = ind.flow and "当期" or ""
  end
end
local regions = { p.manifest.code }
for _, r in ipairs(p.manifest.regions) do regions[#regions + 1] = r.code end
local periods = {}
for y = 1950, 2025 do
  periods[#periods + 1] = tostring(y)
  for q = 1, 4 do periods[#periods + 1] = string.format("%d-Q%d", y, q) end
  for m = 1, 12 do periods[#periods + 1] = string.format("%d-%02d", y, m) end
end
local f = assert(io.open(out, "wb"))
f:write("indicator,region,period,value,unit,basis,source,note\n")
local written, buf = 0, {}
for _, period in ipairs(periods) do
  for _, code in ipairs(codes) do
    for _, region in ipairs(regions) do
      if written >= n then goto done end
      written = written + 1
      buf[#buf + 1] = string.format("%s,%s,%s,%d,,%s,bench,\n", code, region, period, (written * 7919) % 100000,
        basis[code])
      if #buf == 4096 then f:write(table.concat(buf)); buf = {} end
    end
  end
end
::done::
f:write(table.concat(buf))
f:close()
if written < n then io.stderr:write(string.format("only %d unique rows possible\n", written)) end
print(written)
return 0
