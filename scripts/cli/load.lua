-- policytk load [CITY...]: copy the plugins' declarations into the database.

local cli = require "policytk.cli"
local plugins = require "policytk.plugins"
local store = require "policytk.data.store"
local load = require "policytk.data.load"

return {
  summary = "将插件载入数据库（可重复运行）",
  usage = "policytk load [--db PATH] [CITY...]",
  description = "把找到的全部插件（或指定的插件）加载到数据库，每个城市一个事务。只写入有变化的行；\n"
    .. "已有的数据保留；插件不再声明的文件、措施和目标标记为已撤回，不删除。按文件输出措施和目标的\n"
    .. "新增 / 更新 / 撤回 / 未变 数目。有问题的插件列出其名称并跳过，其余照常加载（退出码 1）。",
  options = {
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    local all = plugins.load_all(args)
    local conn, path = store.open(opts.db)
    local failed = false
    for _, msg in ipairs(all.problems) do
      failed = true
      io.stderr:write("policytk load: ", msg, "\n")
    end
    store.guard(path, load.catalog, conn)
    for _, p in ipairs(all.list) do
      if #p.problems > 0 then
        failed = true
        io.stderr:write(string.format("policytk load: 插件 %s 有 %d 个问题，已跳过：\n", p.id, #p.problems))
        for _, prob in ipairs(p.problems) do io.stderr:write("  ", plugins.format_problem(prob), "\n") end
      else
        local ok, res = pcall(load.city, conn, p)
        if not ok then
          failed = true
          io.stderr:write(string.format("policytk load: 插件 %s 未载入：%s\n", p.id, store.explain(path, res)))
        else
          for _, c in ipairs(res.docs) do
            io.stdout:write(string.format("%s/%s：新增 %d，更新 %d，撤回 %d，未变 %d%s\n",
              p.id, c.doc, c.added, c.updated, c.withdrawn, c.unchanged, c.note and ("（" .. c.note .. "）") or ""))
          end
          if #res.docs == 0 then io.stdout:write(p.id, "：没有文件\n") end
        end
      end
    end
    conn:close()
    return failed and cli.FAIL or cli.OK
  end,
}
