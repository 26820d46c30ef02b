-- policytk repl: an interactive Lua prompt with line editing (libedit) and history.

local term = require "policytk.term"
local readline = require "policytk.readline"
local core = require "policytk.core"

return {
  summary = "交互式 Lua 命令行（可用 policytk 模块）",
  usage = "policytk repl",
  description = "输入 Lua；表达式会输出其值。按 Ctrl-D 退出。",
  run = function()
    local show = dofile(core.root .. "/scripts/cli/eval.lua").show
    if term.isatty("stdin") then
      io.stdout:write("policytk ", core.version, " — ", core.lua_version, ". Ctrl-D to leave.\n")
    end
    local buffer = ""
    while true do
      local line = readline.readline(buffer == "" and "> " or ">> ")
      if line == nil then break end
      buffer = buffer == "" and line or (buffer .. "\n" .. line)
      local chunk, err = load("return " .. buffer, "=repl", "t")
      if not chunk then chunk, err = load(buffer, "=repl", "t") end
      if not chunk and err:find("<eof>$") then
        goto continue                     -- incomplete statement: read more
      end
      readline.add_history(buffer)
      if not chunk then
        io.stderr:write(err, "\n")
      else
        local res = table.pack(xpcall(chunk, debug.traceback))
        if not res[1] then io.stderr:write(tostring(res[2]), "\n")
        elseif res.n > 1 then io.stdout:write(show(table.unpack(res, 2, res.n)), "\n") end
      end
      buffer = ""
      ::continue::
    end
    if term.isatty("stdin") then io.stdout:write("\n") end
    return 0
  end,
}
