-- The documentation stays current: docs/plugins.md ends with the contract tables that
-- `policytk contract` generates from policytk.plugins.contract — the constructor schemas and
-- the runtime ctx of each hook (regenerate with `make docs`) — and every example script in
-- scripts/examples runs.

local core = require "policytk.core"
local testing = require "policytk.testing"

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

test("docs/plugins.md holds the current contract tables", function(t)
  local doc = read(core.root .. "/docs/plugins.md")
  local at = doc:find("## Constructors", 1, true)
  t.ok(at, "docs/plugins.md has no '## Constructors' section")
  local generated = dofile(core.root .. "/scripts/cli/contract.lua").markdown() .. "\n"
  t.ok(doc:sub(at) == generated, "docs/plugins.md is out of date with the contract: run `make docs`")
end)

test("the generated part covers the runtime ctx of every hook, member by member", function(t)
  local contract = require "policytk.plugins.contract"
  local generated = dofile(core.root .. "/scripts/cli/contract.lua").markdown()
  local at = generated:find("\n## Runtime: the ctx of each hook", 1, true)
  t.ok(at, "`policytk contract` prints no '## Runtime' section")
  local runtime = generated:sub(at)
  for _, hook in ipairs(contract.runtime_order) do
    local from = runtime:find("\n### runtime." .. hook .. "\n", 1, true)
    t.ok(from, "no table for runtime." .. hook)
    local part = runtime:sub(from + 1):match("^(.-)\n### ") or runtime:sub(from + 1)
    for _, m in ipairs(contract.runtime[hook].members) do
      t.ok(part:find("| `" .. m.name .. "` |", 1, true), "runtime." .. hook .. " has no row for " .. m.name)
    end
  end
end)

test("every example script runs", function(t)
  local fs = require "policytk.fs"
  local dir = core.root .. "/scripts/examples"
  local n = 0
  for _, name in ipairs(fs.list(dir) or {}) do
    if name:match("%.lua$") then
      n = n + 1
      local code, out, err = testing.policytk({ "run", dir .. "/" .. name }, { cwd = core.root })
      t.eq(code, 0, name .. ": " .. err)
      t.ok(#out > 0, name .. " printed nothing")
    end
  end
  t.ok(n >= 1, "no examples found")
end)
