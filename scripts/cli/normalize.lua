-- policytk normalize FILE [-o OUT]: print the repaired text (policytk.text.normalize) and,
-- on stderr, a report of what was changed.

local cli = require "policytk.cli"
local input = require "policytk.extract.input"

return {
  summary = "修复政策文本：编码、乱码、拼音、繁转简、全半角",
  usage = "policytk normalize FILE [-o OUT]",
  description = "Prints the normalized text (docs/text.md) to stdout or OUT; on stderr, the count of each\n"
    .. "repair and every span that could not be repaired, with its line number. FILE - reads stdin.\n"
    .. "Large files are normalized in pieces cut at line breaks.",
  options = {
    { "--output", "-o", arg = "OUT", help = "write the text to OUT instead of stdout" },
    { "--quiet", "-q", help = "no report on stderr" },
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
