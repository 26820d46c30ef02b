-- Problems of a plugin's manifest name its real line: `return plugin{…}` is a tail call, whose
-- caller's line Lua no longer has (it showed as -1); and a failing contract case of
-- `policytk check` shows the plugin's file, never policytk's own scripts (issue 18.13).

local core = require "policytk.core"
local testing = require "policytk.testing"
local fs = require "policytk.fs"

-- A copy of the fixture plugin "good" under a fresh folder, its manifest with two problems.
local function broken_plugin()
  local root = testing.tmp_path()
  assert(fs.mkdirs(root))
  assert(os.execute("cp -R " .. testing.shell_quote(core.root .. "/tests/fixtures/plugins/good/good") .. " "
    .. testing.shell_quote(root .. "/good")))
  local path = root .. "/good/plugin.lua"
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  text = text:gsub('version = "0.0.1", contract = 1,', 'version = 5, contract = 1, colour = 1,')
  testing.write_file(path, text)
  local line = 0
  for l in text:gmatch("[^\n]*\n") do
    line = line + 1
    if l:find("^return plugin{") then break end
  end
  return root, path, line
end

test("manifest problems name the line of `return plugin{`, and no internal path", function(t)
  local root, path, line = broken_plugin()
  local env = { POLICYTK_PLUGIN_PATH = root, POLICYTK_DEFAULT_PLUGINS = "0" }
  local code, out = testing.policytk({ "check" }, { env = env })
  t.eq(code, 1)
  local at = path:gsub("%p", "%%%0") .. ":" .. line .. ": "
  t.match(out, at .. "colour: unknown field")
  t.match(out, at .. "version: expected a string; got 5")
  t.eq(out:find(":-1:", 1, true), nil, out)
  t.eq(out:find(core.root .. "/scripts/", 1, true), nil, out)
  local c2, _, err2 = testing.policytk({ "plugins" }, { env = env })
  t.ok(c2 ~= nil)
  t.eq(err2:find(":-1:", 1, true), nil, err2)
end)
