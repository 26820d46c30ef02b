-- policytk assign: county shares of a target (分解下达) — assign one, import a file of them, or
-- list a target's shares (policytk.data.shares, docs/reports.md "County shares (分解下达)").

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local shares = require "policytk.data.shares"
local tabular = require "policytk.data.tabular"
local common = require "policytk.reports.common"

-- What a lookup found (a, b), or the usage error it names (nil, code, message; exit 2).
local function need(a, b, c)
  if a == nil then cli.usage_error("%s: %s", b, c) end
  return a, b
end

local LIST_TABLE = {
  { key = "region_name", title = "地区名称" }, { key = "value_text", title = "分解目标" },
  { key = "source_text", title = "来源" }, { key = "by", title = "录入人" }, { key = "at_text", title = "时间（北京时间）" },
  { key = "note", title = "备注" },
}
local LIST_KEYS = { "region", "region_name", "value", "unit", "source", "by", "at", "note", "file" }
local HISTORY_TABLE = { LIST_TABLE[1], LIST_TABLE[2], LIST_TABLE[3], LIST_TABLE[4], LIST_TABLE[5],
                        { key = "superseded", title = "被替换于" }, LIST_TABLE[6] }

local function title(t, city)
  return string.format("%s %s/%s %s（全市目标 %s%s，%s）\n", city.name, t.doc, t.tid, t.quote,
    t.comparator ~= ">=" and t.comparator or "", common.number(t.value, t.unit), t.kind)
end

-- The line under the listing: how many counties, and for parts of a total their sum.
local function footer(t, rows)
  if #rows == 0 then return "尚未分解到任何县（市、区）。\n" end
  if not shares.PARTS[t.kind] then
    return string.format("已分解到 %d 个县（市、区）；%s 类目标的分解目标是各县自身的目标值，不合计。\n", #rows, t.kind)
  end
  local sum = 0
  for _, r in ipairs(rows) do sum = sum + r.value end
  return string.format("已分解到 %d 个县（市、区），合计 %s（全市目标 %s）。\n", #rows, common.number(sum, t.unit),
    common.number(t.value, t.unit))
end

local function list(conn, t, city, opts)
  local rows = opts.history and shares.history(conn, t) or shares.listing(conn, t)
  if opts.format ~= "table" then
    local keys = { table.unpack(LIST_KEYS) }
    if opts.history then keys[#keys + 1] = "superseded" end
    local cols = {}
    for i, k in ipairs(keys) do cols[i] = { key = k } end
    tabular.write(io.stdout, opts.format, cols, rows)
    return
  end
  io.stdout:write(title(t, city))
  tabular.write(io.stdout, "table", opts.history and HISTORY_TABLE or LIST_TABLE, rows)
  if not opts.history then io.stdout:write(footer(t, rows)) end
end

local ACTION = { added = "已录入", updated = "已更新（原值保留为历史）", unchanged = "未变" }

local function assign_one(conn, path, t, city, opts, raw)
  local region, rname = need(shares.region(conn, city, opts.region))
  local value = need(shares.value(raw, t))
  local st = store.guard(path, conn.transaction, conn, function()
    return shares.assign(conn, t, region, value, { by = opts.by, note = opts.note })
  end)
  io.stdout:write(string.format("%s %s/%s %s：%s %s %s\n", city.name, t.doc, t.tid, t.quote, rname,
    common.number(value, t.unit), ACTION[st]))
  if not shares.PARTS[t.kind] then
    io.stdout:write(string.format("注：%s 类目标的分解目标是%s自身的目标值（如自身增速），不与其他县合计。\n", t.kind, rname))
  end
end

local function import_file(conn, path, city, opts, file)
  local c = store.guard(path, shares.import, conn, city, file, { by = opts.by, sheet = opts.sheet,
    encoding = opts.encoding })
  io.stdout:write(string.format("%s: 导入 %d 条分解目标（新增 %d，更新 %d，未变 %d）\n", file,
    c.added + c.updated, c.added, c.updated, c.unchanged))
end

return {
  summary = "目标分解下达到各县（市、区）：录入、从文件导入或列出",
  usage = "policytk assign CITY TARGET [--region R VALUE] [--by NAME] [--note TEXT] [--db PATH]\n"
    .. "       policytk assign CITY --file FILE.xlsx|csv [--sheet S] [--by NAME] [--db PATH]\n"
    .. "       policytk assign CITY TARGET [--history] [--format table|json|csv]",
  description = "把目标分解下达到各县（市、区）。\n"
    .. "  CITY    城市：插件 id（taizhou）、名称（台州市）或代码（331000）\n"
    .. "  TARGET  目标编号，与 policytk targets 所列相同（T01）；同一城市多个文件有同一编号时写作 文件/编号\n"
    .. "          （growth2018/T01）\n"
    .. "  R       县（市、区）的代码或名称（331002、椒江区、台州市椒江区）\n"
    .. "  VALUE   分解目标，以目标的单位计：1200、1,200、1.2万、1.2万家；比率类目标写 12 或 12%\n"
    .. "不带 --region：列出该目标各县的分解目标（地区名称、分解目标、来源、录入人、时间 北京时间）；\n"
    .. "--history 连同被替换的旧值。--file：一次导入多条，列 指标编号(target)、地区(region)、\n"
    .. "分解目标(value)、备注(note)（表头可在标题行之下）；整个文件一个事务，有错则全部不导入，\n"
    .. "逐条列出 FILE:行号 或 FILE:工作表!单元格。\n"
    .. "同一目标、同一县再次录入：新值替换旧值，旧值保留为历史。人工录入的分解目标优先于文件\n"
    .. "（插件）声明的同县分解目标。cumulative_new、level 目标的分解目标是全市目标的一部分；\n"
    .. "growth_rate 等比率类目标的分解目标是该县自身的目标值（如该县自身增速），不合计。\n"
    .. "policytk progress --region R 用该县的分解目标考核；未分解的目标显示为 灰 未分解。\n"
    .. "错误：unknown_city、unknown_target（提示最接近的编号）、ambiguous_target、region_not_in_city\n"
    .. "（地区 \"杭州市西湖区\" 不属于温州市）、not_a_county、bad_value（分解目标 \"abc\" 不是数字）。",
  options = {
    { "--region", arg = "R", help = "分解到的县（市、区），代码或名称" },
    { "--by", arg = "NAME", help = "录入人（默认 $USER）" },
    { "--note", arg = "TEXT", help = "随分解目标保存的备注（如下达分解目标的文件）" },
    { "--file", arg = "FILE", help = "从 CSV 或 XLSX 文件导入分解目标" },
    { "--sheet", arg = "S", help = "XLSX 工作表（名称或序号；默认所有含表格的工作表）" },
    { "--encoding", arg = "E", help = "CSV 编码：utf-8、gbk 或 gb18030（默认自动识别）" },
    { "--history", help = "列出时连同各县被替换的旧值" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "列出时的输出格式" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if #args < 1 then cli.usage_error("用法：policytk assign 城市 目标 [--region 地区 数值] | 城市 --file 文件") end
    local conn, path = store.open(opts.db)
    store.require_loaded(conn, path)
    local city = need(shares.city(conn, args[1]))
    if opts.file then
      if #args ~= 1 then cli.usage_error("--file 只需城市一个参数；实有 %d 个", #args) end
      import_file(conn, path, city, opts, opts.file)
    else
      if #args < 2 then cli.usage_error("用法：policytk assign 城市 目标 [--region 地区 数值]") end
      local t = need(shares.target(conn, city, args[2]))
      if opts.region then
        if #args ~= 3 then cli.usage_error("--region %s：目标之后应有一个数值；实有 %d 个", opts.region, #args - 2) end
        assign_one(conn, path, t, city, opts, args[3])
      else
        if #args > 2 then cli.usage_error("数值需要 --region 地区（分解到哪个县（市、区））") end
        list(conn, t, city, opts)
      end
    end
    conn:close()
    return cli.OK
  end,
}
