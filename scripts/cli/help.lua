-- policytk help [VERB]: the list of verbs, or one verb's --help.

local cli = require "policytk.cli"

return {
  summary = "列出全部动词，或显示某个动词的用法",
  usage = "policytk help [VERB]",
  description = "不带 VERB：列出全部动词及其简介。带 VERB：与 'policytk VERB --help' 相同。",
  run = function(_, args)
    if args[1] then
      local verb = cli.load_verb(args[1])
      if not verb then return cli.unknown(args[1]) end
      io.stdout:write(cli.help_text(args[1], verb))
      return cli.OK
    end
    local lines = {
      "policytk — 中小微企业政策：目标、数据、报告。",
      "",
      "用法：policytk 动词 [选项] [参数]      policytk 动词 --help",
      "",
      "动词：",
    }
    for _, e in ipairs(cli.summaries()) do   -- read from the files, the verbs not run
      lines[#lines + 1] = string.format("  %-12s %s", e[1], e[2])
    end
    lines[#lines + 1] = ""
    lines[#lines + 1] = "退出码：0 成功，1 执行失败，2 用法错误。"
    io.stdout:write(table.concat(lines, "\n"), "\n")
    return cli.OK
  end,
}
