-- policytk demo --db PATH: a fresh database with the bundled plugins and the sample figures
-- (示例数据), then a summary per city and document. `make demo` runs it.

local cli = require "policytk.cli"
local core = require "policytk.core"
local fs = require "policytk.fs"
local plugins = require "policytk.plugins"
local store = require "policytk.data.store"
local load = require "policytk.data.load"
local import = require "policytk.data.import"
local tabular = require "policytk.data.tabular"

local SAMPLE = core.root .. "/scripts/policytk/data/sample/observations.csv"

local SUMMARY = [[
SELECT c.id AS city, c.name AS city_name, d.doc, d.title,
  (SELECT count(*) FROM targets t WHERE t.document = d.id AND t.status = 'active') AS targets,
  (SELECT count(*) FROM measures m WHERE m.document = d.id AND m.status = 'active') AS measures,
  (SELECT count(*) FROM observations o
     WHERE o.indicator IN (SELECT indicator FROM targets t WHERE t.document = d.id)
       AND (o.region = c.code OR o.region IN (SELECT code FROM regions r WHERE r.city = c.id))) AS observations
FROM cities c JOIN documents d ON d.city = c.id AND d.withdrawn = 0
ORDER BY c.id, d.doc]]

return {
  summary = "新建演示数据库：内置插件和示例数据，并输出汇总",
  usage = "policytk demo --db PATH",
  description = "Deletes the file at --db, creates the database, loads every plugin found, imports the\n"
    .. "sample figures of scripts/policytk/data/sample/observations.csv (示例数据, not official data)\n"
    .. "and prints per city and document: targets, measures and sample observations.",
  options = {
    { "--db", arg = "PATH", help = "the database file (deleted first)" },
  },
  run = function(opts)
    if not opts.db then cli.usage_error("需要 --db 路径（该文件会先被删除）") end
    for _, suffix in ipairs({ "", "-wal", "-shm" }) do
      if fs.stat(opts.db .. suffix) then
        local ok, err = fs.remove(opts.db .. suffix)
        if not ok then cli.fail("%s", err) end
      end
    end
    local conn, path, version = store.open(opts.db)
    io.stdout:write(string.format("%s：新建数据库，版本 %d\n", path, version))
    local all = plugins.load_all()
    store.guard(path, load.catalog, conn)
    local failed = #all.problems > 0
    for _, p in ipairs(all.list) do
      if #p.problems > 0 then
        failed = true
        io.stderr:write(string.format("policytk demo: 插件 %s 有 %d 个问题，已跳过\n", p.id, #p.problems))
      else
        store.guard(path, load.city, conn, p)
      end
    end
    local c = store.guard(path, import.file, conn, SAMPLE, { display = "sample/observations.csv" })
    io.stdout:write(string.format("已载入 %d 个插件；导入示例观测 %d 条\n\n", #all.list, c.added))
    local rows = store.all(conn, SUMMARY)
    conn:close()
    tabular.write(io.stdout, "table", {
      { key = "city_name", title = "城市" }, { key = "title", title = "文件" },
      { key = "targets", title = "目标数" }, { key = "measures", title = "任务数" },
      { key = "observations", title = "示例观测数" },
    }, rows)
    io.stdout:write("\n注意：观测数字均为示例数据（非官方数据），仅供演示，不得作为统计数据引用。\n")
    local html, why = require("policytk.reports.demo")(opts.db, all)
    if html then io.stdout:write("\n温州市季度例会材料（HTML）：", html, "\n")
    else failed = true; io.stderr:write("policytk demo: 季度例会材料未生成：", why, "\n") end
    return failed and cli.FAIL or cli.OK
  end,
}
