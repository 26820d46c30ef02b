-- policytk normalize FILE [-o OUT]: print the repaired text (policytk.text.normalize) and,
-- on stderr, a report of what was changed.

local cli = require "policytk.cli"
local input = require "policytk.extract.input"

return {
  summary = "修复政策文本：编码、乱码、拼音、繁转简、全半角",
  usage = "policytk normalize FILE [-o OUT]",
  description = "把规范化后的文本（docs/text.md）输出到标准输出或 OUT；在标准错误输出中列出每种修复的\n"
    .. "次数，以及每个无法修复的片段及其行号。FILE 为 - 时读标准输入。大文件在换行处切分后分段规范化。",
  options = {
    { "--output", "-o", arg = "OUT", help = "把文本写入 OUT，而不是标准输出" },
    { "--quiet", "-q", help = "不在标准错误输出报告" },
  },
  run = function(opts, args)
    local path = args[1]
    if not path then cli.usage_error("which file? policytk normalize FILE") end
    local f, head = input.open(path)
    local out = cli.output(opts.output)
    local r = input.normalize(f, head, function(piece) out:write(piece, "\n") end)
    if f ~= io.stdin then f:close() end
    cli.close_output(out)
    if r.bytes == 0 then io.stderr:write(path, ": 警告: 空文件 (empty file)\n") return 0 end
    if not opts.quiet then
      for _, l in ipairs(input.report_lines(path, r)) do io.stderr:write(l, "\n") end
    end
    return 0
  end,
}
