-- policytk.plugins.path: where plugins are found — $POLICYTK_PLUGIN_PATH (colon-separated),
-- then ./plugins, then the tool's own plugins folder; $POLICYTK_DEFAULT_PLUGINS=0 keeps only
-- the first. Kept apart from policytk.plugins so that listing cached summaries stays light.
--
-- Capability: the plugin contract and loading (entry policytk.plugins; map in docs/architecture.md).

local core = require "policytk.core"
local fs = require "policytk.fs"

local M = {}

local cwd_prefix
local function display_path(path)
  if cwd_prefix == nil then
    cwd_prefix = (fs.realpath(".") or "") .. "/"
  end
  if path:sub(1, #cwd_prefix) == cwd_prefix then return path:sub(#cwd_prefix + 1) end
  return path
end
M.display_path = display_path

--- The folders searched for plugins, in order: list of { dir =, from = }, and problems
--- (a $POLICYTK_PLUGIN_PATH entry that is not a folder).
function M.search_path()
  local dirs, problems, seen = {}, {}, {}
  local function add(dir, from, must_exist)
    local st = fs.stat(dir)
    if not st or st.type ~= "dir" then
      if must_exist then
        problems[#problems + 1] = string.format("POLICYTK_PLUGIN_PATH: %s: no such folder", dir)
      end
      return
    end
    local real = fs.realpath(dir)
    if seen[real] then return end
    seen[real] = true
    dirs[#dirs + 1] = { dir = real, from = from }
  end
  for entry in (os.getenv("POLICYTK_PLUGIN_PATH") or ""):gmatch("[^:]+") do
    add(entry, "POLICYTK_PLUGIN_PATH", true)
  end
  if os.getenv("POLICYTK_DEFAULT_PLUGINS") ~= "0" then
    add("plugins", "./plugins", false)
    add(core.root .. "/plugins", "bundled", false)
  end
  return dirs, problems
end

--- Candidate plugin folders: list of { id =, dir = }, shadowed ones and problems.
function M.discover()
  local dirs, problems = M.search_path()
  local found, by_id, shadowed = {}, {}, {}
  for _, d in ipairs(dirs) do
    for _, name in ipairs(fs.list(d.dir) or {}) do
      local path = d.dir .. "/" .. name
      local st = fs.stat(path)
      if st and st.type == "dir" and not name:match("^%.") then
        if by_id[name] then
          shadowed[#shadowed + 1] = { id = name, dir = path, by = by_id[name].dir }
        else
          local c = { id = name, dir = path, from = d.from }
          by_id[name] = c
          found[#found + 1] = c
        end
      end
    end
  end
  return found, shadowed, problems
end

return M
