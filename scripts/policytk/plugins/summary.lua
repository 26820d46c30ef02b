-- policytk.plugins.summary: the rows `policytk plugins` prints, with each plugin's problems.
--
-- Loading and validating every plugin on each call would make start-up grow with the
-- plugins, so a summary is cached per plugin folder, keyed by the size and mtime of each of
-- its files and of the host modules that validate it (a changed contract re-validates everything).
-- The cache is $XDG_CACHE_HOME/policytk/plugins.json (default ~/.cache/policytk); when it
-- cannot be written the summaries are simply computed each time.
--
-- Capability: the plugin contract and loading (entry policytk.plugins; map in docs/architecture.md).

local core = require "policytk.core"
local fs = require "policytk.fs"
local json = require "policytk.json"
local plugin_path = require "policytk.plugins.path"

local M = {}

local function cache_path()
  local base = os.getenv("XDG_CACHE_HOME")
  if not base or base == "" then
    local home = os.getenv("HOME")
    if not home or home == "" then return nil end
    base = home .. "/.cache"
  end
  return base .. "/policytk", base .. "/policytk/plugins.json"
end

-- "rel:size:mtime;" for every file under dir, in name order
local function signature(dir, rel, parts)
  for _, name in ipairs(fs.list(dir) or {}) do
    local path = dir .. "/" .. name
    local st = fs.stat(path)
    local r = rel .. name
    if st and st.type == "dir" then signature(path, r .. "/", parts)
    elseif st then parts[#parts + 1] = r .. ":" .. st.size .. ":" .. st.mtime end
  end
  return parts
end

-- The host's Lua library (every module under scripts/policytk/): the modules that load and
-- validate a plugin (policytk.plugins and its folder) call into other capabilities too
-- (crossref checks a benefit's `when` with policytk.benefits.conditions), so a list kept by
-- hand goes stale; any change to the library re-validates.
local function host_signature()
  local parts = signature(core.root .. "/scripts/policytk", "", {})
  parts[#parts + 1] = core.version
  parts[#parts + 1] = os.getenv("POLICYTK_LIMIT_INSTRUCTIONS") or ""
  parts[#parts + 1] = os.getenv("POLICYTK_LIMIT_MEMORY") or ""
  parts[#parts + 1] = os.getenv("POLICYTK_LIMIT_SECONDS") or ""
  return table.concat(parts, ";")
end

local function read_cache(path)
  local f = path and io.open(path, "rb")
  if not f then return nil end
  local text = f:read("a")
  f:close()
  local ok, data = pcall(json.decode, text)
  if ok and type(data) == "table" then return data end
  return nil
end

local function write_cache(dir, path, data)
  if not path or not fs.mkdirs(dir) then return end
  local tmp = path .. ".tmp"
  local f = io.open(tmp, "wb")
  if not f then return end
  f:write(json.encode(data))
  f:close()
  fs.rename(tmp, path)
end

--- The summary row of a loaded plugin and its problems as text lines.
function M.of(p)
  local plugins = require "policytk.plugins"
  local docs = {}
  for _, d in ipairs(p.documents or {}) do docs[#docs + 1] = d.id end
  local lines = {}
  for i, prob in ipairs(p.problems) do lines[i] = plugins.format_problem(prob) end
  return {
    id = p.id, name = p.manifest and p.manifest.name or nil,
    version = p.manifest and p.manifest.version or nil,
    documents = docs, targets = plugins.count_targets(p),
    benefits = p.benefits and #p.benefits or 0,
    status = p.status, problems = #lines, path = plugins.display_path(p.dir),
  }, lines
end

local function plugins_format(p) return require("policytk.plugins").format_problem(p) end

--- Rows for every plugin found, their problems ({id, lines}), search problems and
--- shadowed folders.
function M.all()
  local found, shadowed, problems = plugin_path.discover()
  local cdir, cpath = cache_path()
  local cache = read_cache(cpath)
  local host = host_signature()
  if not cache or cache.host ~= host then cache = { host = host, plugins = {} } end
  local rows, plugin_problems, changed, cities = {}, {}, false, {}
  for _, c in ipairs(found) do
    local sig = table.concat(signature(c.dir, "", {}), ";")
    local entry = cache.plugins[c.dir]
    if not entry or entry.sig ~= sig then
      local p = require("policytk.plugins").load(c.id, c.dir)
      local row, lines = M.of(p)
      local regions = json.array(require("policytk.plugins.crossref").region_decls(p))
      entry = { sig = sig, row = row, lines = json.array(lines), regions = regions }
      cache.plugins[c.dir] = entry
      changed = true
    end
    entry.row.path = plugin_path.display_path(c.dir)
    rows[#rows + 1] = entry.row
    -- a plugin with problems of its own is not loaded anyway: it clashes with none
    cities[#cities + 1] = { id = c.id, regions = #entry.lines == 0 and entry.regions or {}, entry = entry }
  end
  if changed then write_cache(cdir, cpath, cache) end
  -- between plugins (not cached: it depends on which other plugins are found)
  local extra = {}
  for _, k in ipairs(require("policytk.plugins.crossref").region_clashes(cities)) do
    local list = extra[k.id] or {}
    extra[k.id] = list
    list[#list + 1] = plugins_format({ file = k.file, line = k.line, path = "regions", problem = k.problem })
  end
  for i, c in ipairs(cities) do
    local lines = c.entry.lines
    if extra[c.id] then
      local row = {}
      for key, v in pairs(rows[i]) do row[key] = v end
      lines = table.move(extra[c.id], 1, #extra[c.id], #lines + 1, table.move(lines, 1, #lines, 1, {}))
      row.status, row.problems = "error", #lines
      rows[i] = row
    end
    if #lines > 0 then plugin_problems[#plugin_problems + 1] = { id = c.id, lines = lines } end
  end
  return rows, plugin_problems, problems, shadowed
end

return M
