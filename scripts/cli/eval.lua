-- policytk eval 'CODE': run a line of Lua and print what it returns.

local cli = require "policytk.cli"

local function show(...)
  local parts = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    parts[i] = type(v) == "table" and require("policytk.json").pretty(v) or tostring(v)
  end
  return table.concat(parts, "\t")
end

return {
  summary = "运行一行 Lua 表达式或语句并输出结果",
  usage = "policytk eval 'CODE' [args...]",
  description = "CODE 先按表达式求值（eval '1+1' 输出 2），不行再按语句执行。",
  stop_at_args = true,
  show = show,
  run = function(_, args)
    local code = args[1]
    if not code then cli.usage_error("which code? policytk eval 'CODE'") end
    local chunk = load("return " .. code, "=eval", "t")
    if not chunk then
      local err
      chunk, err = load(code, "=eval", "t")
      if not chunk then cli.fail("%s", err) end
    end
    _G.arg = { [0] = "eval", table.unpack(args, 2) }
    local res = table.pack(xpcall(chunk, debug.traceback))
    if not res[1] then cli.fail("%s", tostring(res[2])) end
    if res.n > 1 then io.stdout:write(show(table.unpack(res, 2, res.n)), "\n") end
    return 0
  end,
}
