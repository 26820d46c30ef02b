-- The house by capability (docs/architecture.md): at most 12 modules at the top of
-- scripts/policytk/, every other module in a capability folder whose files name their module
-- and their capability's entry in their header; no C file of core/ over 1,000 lines but the
-- one-concern lua_db.c.

local core = require "policytk.core"
local fs = require "policytk.fs"

local LIB = core.root .. "/scripts/policytk"

local function lua_files(dir, rel, out)
  for _, name in ipairs(fs.list(dir) or {}) do
    local path = dir .. "/" .. name
    local st = fs.stat(path)
    if st and st.type == "dir" then lua_files(path, rel .. name .. "/", out)
    elseif name:match("%.lua$") then out[#out + 1] = rel .. name end
  end
  return out
end

local function head(path, n)
  local f = assert(io.open(path, "rb"))
  local lines = {}
  for l in f:lines() do
    lines[#lines + 1] = l
    if #lines >= n then break end
  end
  f:close()
  return lines
end

test("at most 12 modules at the top of scripts/policytk", function(t)
  local top = {}
  for _, name in ipairs(fs.list(LIB)) do
    if name:match("%.lua$") then top[#top + 1] = name end
  end
  t.ok(#top <= 12, #top .. " modules: " .. table.concat(top, " "))
end)

test("every module's header names it, and a folder's modules name their capability's entry", function(t)
  local bad = {}
  for _, rel in ipairs(lua_files(LIB, "", {})) do
    local module = "policytk." .. rel:gsub("%.lua$", ""):gsub("/", ".")
    local lines = head(LIB .. "/" .. rel, 80)
    if not (lines[1] or ""):find("-- " .. module .. ":", 1, true) then
      bad[#bad + 1] = rel .. ": the first line does not name " .. module
    end
    if rel:find("/", 1, true) then
      local found
      for _, l in ipairs(lines) do
        local entry = l:match("^%-%- Capability: .-%(entry ([%w_.]+);")
        if entry then found = entry end
      end
      if not found then
        bad[#bad + 1] = rel .. ": no `-- Capability: … (entry …)` line in its header"
      elseif not package.searchpath(found, core.root .. "/scripts/?.lua") then
        bad[#bad + 1] = rel .. ": its entry " .. found .. " is not a module"
      end
    end
  end
  t.eq(#bad, 0, table.concat(bad, "\n"))
end)

test("no C file of core/ over 1,000 lines (lua_db.c holds one concern)", function(t)
  local long = {}
  for _, name in ipairs(fs.list(core.root .. "/core")) do
    if name:match("%.c$") and name ~= "lua_db.c" then
      local n = 0
      for _ in io.lines(core.root .. "/core/" .. name) do n = n + 1 end
      if n > 1000 then long[#long + 1] = name .. " " .. n end
    end
  end
  t.eq(long, {})
end)
