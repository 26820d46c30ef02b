-- The module names of version 1 (policytk.moved): a staff script's `require "policytk.quantity"`
-- still loads the module that moved (policytk.extract.quantity) and says once what to write
-- instead; the project's own code, plugins and docs use only the new names.

local core = require "policytk.core"
local testing = require "policytk.testing"
local moved = require "policytk.moved"

test("an old module name loads the moved module and names the new one once", function(t)
  local script = testing.tmp_path() .. ".lua"
  testing.write_file(script, [[
local a = require "policytk.quantity"
local b = require "policytk.quantity"
local c = require "policytk.extract.quantity"
assert(a == c and b == c, "not the same module")
print(a.number("1.2万"))
]])
  local code, out, err = testing.policytk({ "run", script })
  os.remove(script)
  t.eq(code, 0, err)
  t.eq(out, "12000\n")
  local _, n = err:gsub("policytk%.quantity 已更名为 policytk%.extract%.quantity", "")
  t.eq(n, 1, err)
end)

test("every new name in the table is a module that exists", function(t)
  for old, new in pairs(moved.NAMES) do
    local path = core.root .. "/scripts/" .. new:gsub("%.", "/") .. ".lua"
    local f = io.open(path, "rb")
    t.ok(f, old .. " → " .. new .. ": no file " .. path)
    if f then f:close() end
    local gone = io.open(core.root .. "/scripts/" .. old:gsub("%.", "/") .. ".lua", "rb")
    t.ok(not gone, old .. " still has a file of its own")
    if gone then gone:close() end
  end
end)

test("the project's own code, plugins, tests and docs use only the new names", function(t)
  local olds = {}
  for old in pairs(moved.NAMES) do olds[#olds + 1] = old end
  local found = {}
  local cmd = "cd " .. testing.shell_quote(core.root)
    .. " && grep -rnoE --include='*.lua' --include='*.md' --include='*.c' --include='*.sh' "
    .. "'policytk\\.[a-z_.]+[a-z_]' scripts plugins tests docs bench fuzz core README.md"
  local p = assert(io.popen(cmd))
  for line in p:lines() do
    local file, name = line:match("^([^:]+):%d+:(.*)$")
    if file and not file:match("moved%.lua$") and not file:match("test_moved%.lua$") then
      -- longest match: policytk.portal.common.x must not pass as a new name
      for _, old in ipairs(olds) do
        if name == old or name:sub(1, #old + 1) == old .. "." then
          found[#found + 1] = line
          break
        end
      end
    end
  end
  p:close()
  t.eq(#found, 0, "old module names in use:\n" .. table.concat(found, "\n"))
end)
