-- policytk plugins: the plugins found, with their documents, targets and status.

local cli = require "policytk.cli"
local summary = require "policytk.plugins.summary"
local tabular = require "policytk.data.tabular"

local STATUS = { ok = "正常", error = "有问题" }

return {
  summary = "列出找到的插件：编号、名称、文件、目标数、状态",
  usage = "policytk plugins [--format table|json|csv]",
  description = "插件的查找顺序：$POLICYTK_PLUGIN_PATH，然后 ./plugins，然后本工具自带的插件。\n"
    .. "有问题的插件以状态 'error' 列出，其问题输出到标准错误（退出码 1）；其余照常加载并列出。",
  options = {
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "输出格式" },
  },
  run = function(opts)
    local rows, plugin_problems, problems, shadowed = summary.all()
    local columns = {
      { key = "id", title = "插件" }, { key = "name", title = "名称" },
      { key = "version", title = "版本" }, { key = "documents", title = "文件" },
      { key = "targets", title = "目标数" }, { key = "benefits", title = "惠企条款" },
      { key = "status", title = "状态" }, { key = "path", title = "位置" },
    }
    if opts.format == "json" then columns[#columns + 1] = { key = "problems" } end
    if opts.format == "table" then
      for _, r in ipairs(rows) do r.status = STATUS[r.status] or r.status end
    end
    tabular.write(io.stdout, opts.format, columns, rows)
    for _, msg in ipairs(problems) do io.stderr:write("policytk plugins: ", msg, "\n") end
    for _, s in ipairs(shadowed) do
      local shown = require("policytk.plugins.path").display_path
      io.stderr:write(string.format("policytk plugins: %s 中的 %s 被 %s 遮蔽\n", shown(s.dir), s.id, shown(s.by)))
    end
    for _, p in ipairs(plugin_problems) do
      io.stderr:write(string.format("policytk plugins: 插件 %s 有 %d 个问题：\n", p.id, #p.lines))
      for _, line in ipairs(p.lines) do io.stderr:write("  ", line, "\n") end
    end
    return (#problems > 0 or #plugin_problems > 0) and cli.FAIL or cli.OK
  end,
}
