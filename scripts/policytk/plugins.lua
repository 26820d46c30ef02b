-- policytk.plugins: find, load and validate city plugins.
--
-- Plugins are folders found on $POLICYTK_PLUGIN_PATH (colon-separated), then ./plugins,
-- then the tool's own plugins folder (ROOT/plugins; PREFIX/share/policytk/plugins when
-- installed). $POLICYTK_DEFAULT_PLUGINS=0 searches only $POLICYTK_PLUGIN_PATH.
-- Loading runs plugin.lua and every other .lua file of the folder (tests/ excepted) in the
-- sandbox with the constructors of policytk.plugins.contract, validates each declaration against
-- its schema, then checks cross-references. Every problem is collected as
-- "FILE:LINE: path: problem"; a broken plugin is reported and the others still load.

local fs = require "policytk.fs"
-- loaded on first use, so that listing cached summaries stays light
local schema, contract, sandbox
local function load_validators()
  schema = schema or require "policytk.plugins.schema"
  contract = contract or require "policytk.plugins.contract"
  sandbox = sandbox or require "policytk.plugins.sandbox"
end

local M = {}

local TOP_LEVEL = { plugin = true, document = true, indicator = true, benefit = true,
                    report = true, panel = true, source = true, test = true }

local plugin_path = require "policytk.plugins.path"
local display_path = plugin_path.display_path
M.display_path = plugin_path.display_path
M.search_path = plugin_path.search_path
M.discover = plugin_path.discover

-- Files --------------------------------------------------------------------------------

local function lua_files(dir, rel, out)
  for _, name in ipairs(fs.list(dir) or {}) do
    local path = dir .. "/" .. name
    local st = fs.stat(path)
    local r = rel == "" and name or (rel .. "/" .. name)
    if st and st.type == "dir" and not name:match("^%.") and r ~= "tests" then
      lua_files(path, r, out)
    elseif st and st.type == "file" and name:match("%.lua$") and r ~= "plugin.lua" then
      out[#out + 1] = r
    end
  end
  return out
end

-- Errors ---------------------------------------------------------------------------------

local function new_problems()
  return {}
end

local function add_problem(list, file, line, path, problem)
  list[#list + 1] = { file = file, line = line, path = path, problem = problem }
end

--- "FILE:LINE: path: problem"
function M.format_problem(p)
  local loc = p.file or "?"
  if p.line then loc = loc .. ":" .. p.line end
  if p.path and p.path ~= "" then return loc .. ": " .. p.path .. ": " .. p.problem end
  return loc .. ": " .. p.problem
end

-- Lua error text "FILE:LINE: message" → file, line, message
local function split_lua_error(msg, default_file)
  msg = tostring(msg)
  local file, line, rest = msg:match("^(.-):(%d+): (.*)$")
  if file and not file:find("\n") then return file, tonumber(line), rest end
  return default_file, nil, msg
end

-- Loading ---------------------------------------------------------------------------------

local catalog_cache

--- The common indicator catalog: { list =, by_code =, problems = }.
function M.catalog()
  if catalog_cache then return catalog_cache end
  load_validators()
  local list = require "policytk.plugins.indicators"
  local by_code, problems = {}, {}
  local file = "scripts/policytk/plugins/indicators.lua"
  for i, ind in ipairs(list) do
    schema.validate(ind, contract.indicator, function(path, problem)
      add_problem(problems, file, nil, path, problem)
    end, "[" .. i .. "](" .. tostring(ind.code) .. ")")
    if by_code[ind.code] then add_problem(problems, file, nil, ind.code, "duplicate indicator code") end
    by_code[ind.code] = ind
  end
  catalog_cache = { list = list, by_code = by_code, problems = problems }
  return catalog_cache
end

-- The line of `return KIND{` in the file being run: a constructor called as `return plugin{…}`
-- is a tail call, whose caller's frame (and line) is gone from the stack. nil when not found.
local function tail_call_line(plugin, kind)
  local f = plugin.current_path and io.open(plugin.current_path, "rb")
  if not f then return nil end
  local n, found = 0, nil
  for line in f:lines() do
    n = n + 1
    if line:find("^%s*return%s+" .. kind .. "%s*[{(]") then found = n; break end
  end
  f:close()
  return found
end

-- Where a constructor was called: file and line (the caller's, or for a tail call the line of
-- `return KIND{` in the file being run).
local function call_site(plugin, kind)
  local info = debug.getinfo(3, "Sl")
  local file = info and info.source:match("^@(.*)")
  local line = info and info.currentline
  if not file or not line or line < 0 then
    return plugin.current_display or "?", tail_call_line(plugin, kind)
  end
  return file, line
end

-- The constructors given to one plugin's files. Each records where it was called.
local function make_constructors(plugin)
  local env_fns = {}
  for _, kind in ipairs(contract.constructors) do
    env_fns[kind] = function(t, fn)
      if kind == "test" and type(t) == "string" then      -- test("name", function(t) … end)
        t = { name = t, run = fn }
      end
      if type(t) ~= "table" then
        error(string.format("%s{} expects a table; got %s", kind, type(t)), 2)
      end
      local file, line = call_site(plugin, kind)
      schema.set_origin(t, file, line, kind)
      if TOP_LEVEL[kind] and kind ~= "plugin" then
        local list = plugin.declared[kind]
        list[#list + 1] = t
      end
      return t
    end
  end
  return env_fns
end

-- A plugin's own modules, by path relative to its folder: each file runs once, whether the
-- loader reaches it first (every .lua file of the folder is run) or a `require` does, so a
-- helper module (`require "common"` → common.lua) is one table for every file that uses it.
local LOADING = {}

local function plugin_require(plugin)
  return function(name)
    if type(name) ~= "string" or not name:match("^[%w_]+[%w_%.]*$") or name:find("..", 1, true) then
      error("require: plugins may require only their own files by module name", 2)
    end
    local rel = name:gsub("%.", "/") .. ".lua"
    local have = plugin.modules[rel]
    if have == LOADING then error(string.format("require: %q is still loading: a loop of requires leads back to it", name), 2) end
    if have ~= nil then return have end
    local path = plugin.dir .. "/" .. rel
    if not fs.stat(path) then
      error(string.format("require: plugin %s has no module %q (no file %s)", plugin.id, name, rel), 2)
    end
    local chunk, err = sandbox.loadfile(path, display_path(path), plugin.env)
    if not chunk then error("require: " .. err, 2) end
    plugin.modules[rel] = LOADING            -- runs inside the caller's budgeted call
    local ok, v = pcall(chunk)
    if not ok then plugin.modules[rel] = nil; error(v, 0) end
    if v == nil then v = true end
    plugin.modules[rel] = v
    return v
  end
end

local function run_file(plugin, rel)
  local have = plugin.modules[rel]
  if have ~= nil and have ~= LOADING then return have, true end   -- required by a file before it
  local path = plugin.dir .. "/" .. rel
  local shown = display_path(path)
  plugin.current_display, plugin.current_path = shown, path
  local chunk, err = sandbox.loadfile(path, shown, plugin.env)
  if not chunk then
    local file, line, msg = split_lua_error(err, shown)
    add_problem(plugin.problems, file, line, nil, "syntax error: " .. msg)
    return nil, false
  end
  plugin.modules[rel] = LOADING
  local ok, result, stopped = sandbox.call("plugin " .. plugin.id .. ": loading " .. rel, plugin.limits, chunk)
  if not ok then
    plugin.modules[rel] = nil
    local file, line, msg = split_lua_error(result, shown)
    if stopped then file, line, msg = shown, nil, result end
    add_problem(plugin.problems, file, line, nil, msg)
    return nil, false
  end
  plugin.modules[rel] = result == nil and true or result
  return result, true
end

-- The host's copy of a declaration (schema.snapshot: raw, no metatables), so that validation
-- and everything after it read plain tables the plugin holds no reference to; nil and a
-- problem when it cannot be copied.
local function snapshot(plugin, decl)
  local ok, copy = pcall(schema.snapshot, decl, plugin.snap_memo)
  if ok then return copy end
  local o = schema.origin(decl) or {}
  add_problem(plugin.problems, o.file, o.line, nil, "declaration " .. tostring(copy))
  return nil
end

-- Replace each declaration of plugin.declared[kind] by its snapshot (dropping those that
-- cannot be copied).
local function snapshot_list(plugin, kind)
  local list, out = plugin.declared[kind], {}
  for _, d in ipairs(list) do
    local c = snapshot(plugin, d)
    if c then out[#out + 1] = c end
  end
  plugin.declared[kind] = out
end

-- A manifest budget within its bounds (min .. sandbox.MAX[k]), else nil: an out-of-bounds value
-- (reported by validation) leaves the default in force.
local LIMIT_MIN = { instructions = 1000, memory = 1048576, seconds = 0.001 }
local function manifest_limit(limits, k)
  local v = rawget(limits, k)
  if type(v) ~= "number" or v ~= v or v < LIMIT_MIN[k] or v > sandbox.MAX[k] then return nil end
  if k ~= "seconds" then return math.tointeger(v) end
  return v
end

local function validate_decl(plugin, decl, descriptor, label)
  local o = schema.origin(decl)
  schema.validate(decl, descriptor, function(path, problem, where)
    where = where or o or {}
    add_problem(plugin.problems, where.file, where.line, path, problem)
  end, label or "")
end

--- Load one plugin folder. Returns the plugin table; plugin.problems lists every problem
--- (empty when it is valid) and plugin.status is "ok" or "error". opts.manifest_only: run and
--- check plugin.lua alone (for what only the manifest says, e.g. progress thresholds).
function M.load(id, dir, opts)
  load_validators()
  local plugin = {
    id = id, dir = dir, problems = new_problems(),
    declared = { document = {}, indicator = {}, benefit = {}, report = {}, panel = {}, source = {}, test = {} },
    limits = sandbox.default_limits(), modules = {}, snap_memo = {},
  }
  local constructors = make_constructors(plugin)
  plugin.env = sandbox.env("plugin " .. id, constructors, { require = plugin_require(plugin) })

  local manifest_path = dir .. "/plugin.lua"
  local st = fs.stat(manifest_path)
  if not st then
    add_problem(plugin.problems, display_path(dir), nil, nil, "missing manifest plugin.lua")
    plugin.status = "error"
    return plugin
  end
  local manifest, ok = run_file(plugin, "plugin.lua")
  if ok and type(manifest) == "table" then
    manifest = snapshot(plugin, manifest)
    ok = manifest ~= nil
  end
  if ok and type(manifest) ~= "table" then
    add_problem(plugin.problems, display_path(manifest_path), nil, nil,
      "plugin.lua must return the manifest table (return plugin{ … }); got " .. schema.show(manifest))
  elseif ok then
    validate_decl(plugin, manifest, contract.plugin)
    if manifest.id ~= nil and manifest.id ~= id then
      local o = schema.origin(manifest) or {}
      add_problem(plugin.problems, o.file or display_path(manifest_path), o.line, "id",
        string.format("must be the folder name %q; got %s", id, schema.show(manifest.id)))
    end
    if manifest.contract ~= nil and manifest.contract ~= contract.VERSION then
      local o = schema.origin(manifest) or {}
      add_problem(plugin.problems, o.file, o.line, "contract",
        string.format("this host implements contract %d; the plugin targets %s", contract.VERSION,
          schema.show(manifest.contract)))
    end
    plugin.manifest = manifest
    if type(manifest.limits) == "table" then
      plugin.limits = {
        instructions = manifest_limit(manifest.limits, "instructions") or plugin.limits.instructions,
        memory = manifest_limit(manifest.limits, "memory") or plugin.limits.memory,
        seconds = manifest_limit(manifest.limits, "seconds") or plugin.limits.seconds,
      }
    end
  end
  if not plugin.manifest or (opts and opts.manifest_only) then
    plugin.snap_memo = nil
    plugin.status = plugin.manifest and #plugin.problems == 0 and "ok" or "error"
    return plugin
  end

  plugin.files = lua_files(dir, "", {})
  for _, rel in ipairs(plugin.files) do run_file(plugin, rel) end
  for kind in pairs(plugin.declared) do snapshot_list(plugin, kind) end
  plugin.snap_memo = nil

  for _, d in ipairs(plugin.declared.document) do validate_decl(plugin, d, contract.document) end
  for _, d in ipairs(plugin.declared.indicator) do validate_decl(plugin, d, contract.indicator) end
  for _, d in ipairs(plugin.declared.benefit) do validate_decl(plugin, d, contract.benefit) end
  for _, d in ipairs(plugin.declared.report) do validate_decl(plugin, d, contract.report) end
  for _, d in ipairs(plugin.declared.panel) do validate_decl(plugin, d, contract.panel) end
  for _, d in ipairs(plugin.declared.source) do validate_decl(plugin, d, contract.source) end

  require("policytk.plugins.crossref").check(plugin, M.catalog(), add_problem)

  plugin.documents = plugin.declared.document
  plugin.indicators = plugin.declared.indicator
  plugin.benefits = plugin.declared.benefit
  plugin.reports = plugin.declared.report
  plugin.panels = plugin.declared.panel
  plugin.sources = plugin.declared.source
  plugin.status = #plugin.problems == 0 and "ok" or "error"
  return plugin
end

--- Run the plugin's tests/*.lua files; their test{} / test("name", fn) declarations
--- collect in plugin.declared.test. Problems go to plugin.problems.
function M.load_tests(plugin)
  local dir = plugin.dir .. "/tests"
  for _, name in ipairs(fs.list(dir) or {}) do
    if name:match("%.lua$") then run_file(plugin, "tests/" .. name) end
  end
  for _, t in ipairs(plugin.declared.test) do validate_decl(plugin, t, contract.test) end
  return plugin.declared.test
end

--- Load every plugin found (or only `ids`; opts as M.load's). Returns { list =, by_id =,
--- problems = }, where problems are those outside any one plugin (search path, unknown ids).
function M.load_all(ids, opts)
  local found, shadowed, problems = M.discover()
  local result = { list = {}, by_id = {}, problems = problems, shadowed = shadowed }
  local wanted
  if ids and #ids > 0 then
    wanted = {}
    for _, id in ipairs(ids) do wanted[id] = true end
  end
  for _, c in ipairs(found) do
    if not wanted or wanted[c.id] then
      local p = M.load(c.id, c.dir, opts)
      p.from = c.from
      result.list[#result.list + 1] = p
      result.by_id[c.id] = p
    end
  end
  -- between plugins: one city's regions are not another's (policytk.plugins.crossref)
  local crossref = require "policytk.plugins.crossref"
  local cities = {}
  for _, p in ipairs(result.list) do   -- a plugin with problems of its own is not loaded anyway
    if p.status == "ok" then cities[#cities + 1] = { id = p.id, regions = crossref.region_decls(p) } end
  end
  for _, c in ipairs(crossref.region_clashes(cities)) do
    local p = result.by_id[c.id]
    add_problem(p.problems, c.file, c.line, "regions", c.problem)
    p.status = "error"
  end
  if wanted then
    local names = {}
    for _, c in ipairs(found) do names[#names + 1] = c.id end
    for _, id in ipairs(ids) do
      if not result.by_id[id] then
        load_validators()
        local near = schema.nearest(id, names)
        result.problems[#result.problems + 1] = string.format("no plugin named %q%s", id,
          near and string.format(" (did you mean %q?)", near) or "")
      end
    end
  end
  return result
end

--- The plugin `id`, loaded and valid; or nil and one message for the user: which plugin is
--- missing (with a suggestion) or its first problems as FILE:LINE: path: problem.
function M.load_valid(id)
  local all = M.load_all({ id })
  local p = all.by_id[id]
  if not p then return nil, all.problems[1] or ("no plugin named " .. tostring(id)) end
  if p.status ~= "ok" then
    local lines = {}
    for i = 1, math.min(#p.problems, 5) do lines[i] = "  " .. M.format_problem(p.problems[i]) end
    return nil, string.format("plugin %s has %d problem(s) (policytk check %s):\n%s", id, #p.problems, id,
      table.concat(lines, "\n"))
  end
  return p
end

--- Count of targets over a plugin's documents.
function M.count_targets(plugin)
  local n = 0
  for _, d in ipairs(plugin.documents or {}) do
    if type(d.targets) == "table" then n = n + #d.targets end
  end
  return n
end

return M
