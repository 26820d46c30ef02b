-- policytk test [PATH...]: run Lua test files (test_*.lua in folders) with the runner of
-- policytk.testing; ends with "N passed, N failed" (", N skipped" when source texts are
-- absent) and exits 1 when any failed.

local cli = require "policytk.cli"
local fs = require "policytk.fs"
local testing = require "policytk.testing"

local function collect(path, out)
  local st = fs.stat(path)
  if not st then cli.usage_error("%s: no such file or folder", path) end
  if st.type == "dir" then
    for _, name in ipairs(fs.list(path)) do
      local p = path .. "/" .. name
      local s = fs.stat(p)
      if s and s.type == "dir" and name ~= "fixtures" then collect(p, out)
      elseif name:match("^test_.*%.lua$") then out[#out + 1] = p end
    end
  else
    out[#out + 1] = path
  end
  return out
end

return {
  summary = "运行 Lua 测试文件（项目自带或自己写的）",
  usage = "policytk test [--verbose] [PATH...]",
  description = "每个文件调用 test(\"name\", function(t) … end)。文件夹中查找 test_*.lua。",
  options = {
    { "--verbose", "-v", help = "通过的用例也逐条列出" },
    { "--filter", arg = "TEXT", help = "只运行名称含 TEXT 的用例" },
  },
  run = function(opts, args)
    if #args == 0 then args = { "tests/lua" } end
    local files = {}
    for _, a in ipairs(args) do collect(a, files) end
    local runner = testing.new({ verbose = opts.verbose })
    for _, file in ipairs(files) do
      local chunk, err = loadfile(file, "t")
      if not chunk then
        runner:add(file, function(t) t.fail(err) end, file)
      else
        _G.test = function(name, fn)
          if opts.filter and not name:find(opts.filter, 1, true) then return end
          local info = debug.getinfo(2, "Sl")
          runner:add(name, fn, (info.source:match("^@(.*)") or file) .. ":" .. info.currentline)
        end
        local ok, lerr = xpcall(chunk, function(e)
          if testing.is_skip(e) then return e end    -- a source text read as the file loads
          return debug.traceback(e, 2)
        end)
        if not ok and testing.is_skip(lerr) then runner:add(file, function() error(lerr, 0) end, file)
        elseif not ok then runner:add(file, function(t) t.fail(lerr) end, file) end
        _G.test = nil
      end
      runner:run()           -- each file's cases right after it loads: what it starts (a server) is fresh
    end
    runner:finish()
    return runner.failed == 0 and 0 or 1
  end,
}
