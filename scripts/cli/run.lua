-- policytk run FILE.lua [args]: run a staff script with the full Lua library and the
-- policytk modules; `arg` is set as the stand-alone lua interpreter sets it.

local cli = require "policytk.cli"
local sandbox = require "policytk.plugins.sandbox"

return {
  summary = "运行 Lua 脚本（arg 与 lua 解释器相同）",
  usage = "policytk run [--sandbox] FILE.lua [args...]",
  description = "运行 FILE.lua，可使用标准库和 require \"policytk.*\"。\n"
    .. "--sandbox 在插件的限制下运行（不能用 io/os，有指令数和内存预算）。",
  options = {
    { "--sandbox", help = "在插件沙箱中运行，受沙箱限制" },
  },
  stop_at_args = true,
  run = function(opts, args)
    local file = args[1]
    if not file then cli.usage_error("which script? policytk run FILE.lua [args]") end
    local script_arg = { [0] = file }
    for i = 2, #args do script_arg[i - 1] = args[i] end
    local chunk, err
    if opts.sandbox then
      local env = sandbox.env("script " .. file, { arg = script_arg })
      chunk, err = sandbox.loadfile(file, file, env)
    else
      chunk, err = loadfile(file, "t")
      _G.arg = script_arg
    end
    if not chunk then cli.fail("%s", err) end
    local results
    if opts.sandbox then
      results = table.pack(sandbox.call("script " .. file, nil, chunk, table.unpack(script_arg)))
      if not results[1] then cli.fail("%s", tostring(results[2])) end
      return math.tointeger(results[2]) or 0
    end
    local ok, code = xpcall(chunk, debug.traceback, table.unpack(script_arg))
    if not ok then
      if cli.is_failure(code) then error(code, 0) end
      cli.fail("%s", code)
    end
    return math.tointeger(code) or 0
  end,
}
