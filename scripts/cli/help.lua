-- policytk help [VERB]: the list of verbs, or one verb's --help.

local cli = require "policytk.cli"

return {
  summary = "list the verbs, or show how to use one",
  usage = "policytk help [VERB]",
  description = "Without VERB: every verb with its summary. With VERB: the same as 'policytk VERB --help'.",
  run = function(_, args)
    if args[1] then
      local verb = cli.load_verb(args[1])
      if not verb then return cli.unknown(args[1]) end
      io.stdout:write(cli.help_text(args[1], verb))
      return cli.OK
    end
    local lines = {
      "policytk — policies for small and micro enterprises: targets, figures, reports.",
      "",
      "Usage: policytk VERB [options] [args]      policytk VERB --help",
      "",
      "Verbs:",
    }
    for _, name in ipairs(cli.verbs()) do
      local verb = cli.load_verb(name)
      lines[#lines + 1] = string.format("  %-12s %s", name, verb and verb.summary or "")
    end
    lines[#lines + 1] = ""
    lines[#lines + 1] = "Exit codes: 0 ok, 1 the job failed, 2 usage error."
    io.stdout:write(table.concat(lines, "\n"), "\n")
    return cli.OK
  end,
}
