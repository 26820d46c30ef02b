-- The cached `policytk plugins` summary (policytk.plugins.summary) is validated again when any
-- module of the host's Lua library changes — not only the modules of the plugins folder: the
-- cross-references check a benefit's `when` with policytk.benefits.conditions, which a list of
-- validator modules kept by hand once missed. The run uses a copy of the tool's scripts/ and
-- plugins/ as its root (POLICYTK_HOME) so that the change touches nothing of the checkout.

local core = require "policytk.core"
local fs = require "policytk.fs"
local testing = require "policytk.testing"

local q = testing.shell_quote

local function copy_root()
  local root = testing.tmp_path()
  assert(os.execute("mkdir -p " .. q(root) .. " && cp -R " .. q(core.root .. "/scripts") .. " "
    .. q(core.root .. "/plugins") .. " " .. q(root)))
  return root
end

local function plugins_verb(root)
  return testing.policytk({ "plugins" }, {
    env = { POLICYTK_HOME = root, XDG_CACHE_HOME = root .. "/cache", POLICYTK_PLUGIN_PATH = "",
            POLICYTK_DEFAULT_PLUGINS = "1" },
    cwd = root,
  })
end

-- Append lines before the module's final `return M`.
local function patch_module(path, lines)
  local f = assert(io.open(path, "rb"))
  local src = f:read("a")
  f:close()
  local n
  src, n = src:gsub("\nreturn M%s*$", "\n" .. lines .. "\nreturn M\n")
  assert(n == 1, path .. ": no final `return M`")
  testing.write_file(path, src)
end

test("a changed conditions module re-validates the cached plugin summary", function(t)
  local root = copy_root()
  local code, out, err = plugins_verb(root)
  t.eq(code, 0, err)
  t.match(out, "wenzhou%s+温州市.-正常")
  t.ok(fs.stat(root .. "/cache/policytk/plugins.json"), "the summary was cached")
  code, out = plugins_verb(root)                 -- from the cache: still ok
  t.eq(code, 0)
  t.match(out, "wenzhou%s+温州市.-正常")

  -- a stricter `when` check: every benefit that declares conditions now has a problem
  patch_module(root .. "/scripts/policytk/benefits/conditions.lua", [[
local check_list = M.check
function M.check(list, param_ids)
  local problems = check_list(list, param_ids)
  if #list > 0 then problems[#problems + 1] = { "when", "changed by the summary cache test" } end
  return problems
end]])
  code, out, err = plugins_verb(root)
  t.eq(code, 1, out)
  t.ok(not out:match("wenzhou%s+温州市[^\n]-%s正常%s"), "wenzhou still shown 正常 after the change:\n" .. out)
  t.match(err, "changed by the summary cache test")
  os.execute("rm -rf " .. q(root))
end)
