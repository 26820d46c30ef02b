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

local PERIOD = "2025-06"                -- the month of the latest sample figures

-- The 月度报送 round on the demo database: opened, two units' sheets filled and imported, then
-- where every unit stands and the 红黄绿 of Wenzhou's targets.
local function show_round(db)
  local conn = store.open(db)
  local dir = (db:gsub("%.db$", "")) .. "-round"
  local res = require("policytk.round.demo").run(conn, { city = "wenzhou", period = PERIOD, dir = dir,
    units = { "市经信局", "市财政局" }, due = "2025-07-05" })
  local opened = res.opened
  io.stdout:write(string.format("\n【月度报送】温州市2025年6月第%d轮：为 %d 个单位生成报送表，在 %s/\n", opened.round,
    #opened.files, dir))
  for _, f in ipairs(res.filled) do
    io.stdout:write(string.format("  %s 填报并报回：%s（数据 %d 项，工作进展 %d 项）\n", f.unit, f.path,
      (f.counts.added or 0) + (f.counts.updated or 0), (f.counts.texts.added or 0) + (f.counts.texts.updated or 0)))
  end
  local round = require "policytk.round"
  local status = require "policytk.round.status"
  local r = round.status(conn, { city = "wenzhou", period = PERIOD })
  local rows = status.rows(conn, r, "2025-07-03")  -- as the office sees it two days before the due date
  io.stdout:write("\n报送情况（按2025年7月3日看，截止日期2025年7月5日）：", status.summary(rows), "\n")
  local shown = {}
  for _, row in ipairs(rows) do
    if row.returned_at then shown[#shown + 1] = row end
  end
  tabular.write(io.stdout, "table", {
    { key = "unit", title = "单位" }, { key = "status", title = "状态" },
    { key = "returned_at_text", title = "报送时间（北京时间）" }, { key = "cells_empty", title = "待填格数" },
  }, shown)
  io.stdout:write(string.format("……其余 %d 个单位尚未报送（policytk round chase wenzhou 生成催报名单）\n",
    #rows - #shown))
  local progress = require "policytk.progress"
  local set = progress.dataset(conn, { city = "wenzhou" })
  local records = set:evaluate_all("2025-06-30")
  local c = progress.counts(records)
  set:close()
  conn:close()
  io.stdout:write(string.format("\n温州市目标（截至2025年6月30日，共%d项）：绿 %d（已完成 %d、序时推进 %d） · 黄 %d · 红 %d"
    .. "（明显滞后 %d、到期未完成 %d） · 灰 %d（暂无数据）\n", c.total, c.achieved + c.on_track, c.achieved,
    c.on_track, c.lagging, c.behind + c.missed, c.behind, c.missed, c.no_data))
end

return {
  summary = "新建演示数据库：内置插件和示例数据，并输出汇总",
  usage = "policytk demo --db PATH",
  description = "删除 --db 所指的文件，创建数据库，加载找到的全部插件，导入\n"
    .. "scripts/policytk/data/sample/observations.csv 中的示例数据（示例数据，非官方数据），\n"
    .. "然后按城市和文件列出：目标、措施和示例数据。",
  options = {
    { "--db", arg = "PATH", help = "数据库文件（会先被删除）" },
    { "--round", help = "接着演示月度报送：用示例数据为温州市开启一轮，填好并导入两个单位的报送表，"
      .. "显示报送情况和红黄绿汇总（make demo）" },
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
    if opts.round then
      local ok, err = pcall(show_round, opts.db)
      if not ok then failed = true; io.stderr:write("policytk demo: 月度报送演示失败：", tostring(err), "\n") end
    end
    local files, why = require("policytk.reports.demo")(opts.db, all)
    if files then
      for _, f in ipairs(files) do io.stdout:write(string.format("\n温州市季度例会材料（%s）：%s", f.label, f.path)) end
      io.stdout:write("\n")
    else failed = true; io.stderr:write("policytk demo: 季度例会材料未生成：", why, "\n") end
    return failed and cli.FAIL or cli.OK
  end,
}
