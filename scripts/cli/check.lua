-- policytk check [PLUGIN...]: validate plugins against the contract, check every quote
-- against its source text, and run the plugins' tests.

local plugins = require "policytk.plugins"
local testing = require "policytk.testing"
local plugin_check = require "policytk.plugins.check"

return {
  summary = "检查插件并运行插件的测试",
  usage = "policytk check [--verbose] [PLUGIN...]",
  description = "检查找到的每个插件（或指定的插件）：各项声明是否符合约定（docs/plugins.md）、交叉引用、\n"
    .. "目标引文是否与共享 seeds 文件夹中规范化后的原文一致，然后运行插件的 tests/*.lua。\n"
    .. "最后输出 \"N passed, N failed\"。",
  options = {
    { "--verbose", "-v", help = "通过的用例也逐条列出" },
  },
  run = function(opts, args)
    local all = plugins.load_all(args)
    local runner = testing.new({ verbose = opts.verbose })
    for _, msg in ipairs(all.problems) do
      runner:add(msg, function(t) t.fail(msg) end, "policytk check")
    end
    local catalog = plugins.catalog()
    runner:add("common indicator catalog", function(t)
      if #catalog.problems > 0 then
        local lines = {}
        for i, p in ipairs(catalog.problems) do lines[i] = plugins.format_problem(p) end
        t.fail(table.concat(lines, "\n         "))
      end
    end, "scripts/policytk/plugins/indicators.lua")
    for _, p in ipairs(all.list) do plugin_check.add_cases(runner, p) end
    runner:run()
    runner:finish()
    return runner.failed == 0 and 0 or 1
  end,
}
