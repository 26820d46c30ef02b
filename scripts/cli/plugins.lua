-- policytk plugins: the plugins found, with their documents, targets and status.

local cli = require "policytk.cli"
local plugins = require "policytk.plugins"
local tabular = require "policytk.tabular"

return {
  summary = "list the plugins found: id, name, documents, targets, status",
  usage = "policytk plugins [--format table|json|csv] [--errors]",
  description = "Plugins are searched on $POLICYTK_PLUGIN_PATH, then ./plugins, then the tool's own.\n"
    .. "A plugin with problems is listed with status 'error' and its problems are printed on\n"
    .. "stderr (exit 1); the others load and are listed as usual.",
  options = {
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "output format" },
  },
  run = function(opts)
    local all = plugins.load_all()
    local rows = {}
    for _, p in ipairs(all.list) do
      local docs = {}
      for _, d in ipairs(p.documents or {}) do docs[#docs + 1] = d.id end
      rows[#rows + 1] = {
        id = p.id, name = p.manifest and p.manifest.name or nil,
        version = p.manifest and p.manifest.version or nil,
        documents = docs, targets = plugins.count_targets(p),
        benefits = p.benefits and #p.benefits or 0,
        status = p.status, problems = #p.problems, path = plugins.display_path(p.dir),
      }
    end
    local columns = {
      { key = "id", title = "插件" }, { key = "name", title = "名称" },
      { key = "version", title = "版本" }, { key = "documents", title = "文件" },
      { key = "targets", title = "目标数" }, { key = "benefits", title = "惠企条款" },
      { key = "status", title = "状态" }, { key = "path", title = "位置" },
    }
    if opts.format == "json" then columns[#columns + 1] = { key = "problems" } end
    tabular.write(io.stdout, opts.format, columns, rows)
    local failed = #all.problems > 0
    for _, msg in ipairs(all.problems) do io.stderr:write("policytk plugins: ", msg, "\n") end
    for _, s in ipairs(all.shadowed) do
      io.stderr:write(string.format("policytk plugins: %s in %s is shadowed by %s\n",
        s.id, plugins.display_path(s.dir), plugins.display_path(s.by)))
    end
    for _, p in ipairs(all.list) do
      if #p.problems > 0 then
        failed = true
        io.stderr:write(string.format("policytk plugins: plugin %s has %d problem(s):\n", p.id, #p.problems))
        for _, prob in ipairs(p.problems) do io.stderr:write("  ", plugins.format_problem(prob), "\n") end
      end
    end
    return failed and cli.FAIL or cli.OK
  end,
}
