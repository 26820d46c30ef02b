-- policytk import FILE…: observed figures from CSV or XLSX files or a folder of them (see
-- policytk.data.import, docs/data.md), each file on its own; a returned round workbook (its
-- 报送信息 sheet) goes to policytk.round (docs/rounds.md). policytk import template CITY: the
-- sheet a unit fills (policytk.data.template).

local cli = require "policytk.cli"
local fs = require "policytk.fs"
local round = require "policytk.round"
local store = require "policytk.data.store"
local import = require "policytk.data.import"
local template = require "policytk.data.template"
local values = require "policytk.data.values"

-- The month before today: "2025-06" on any day of July 2025.
local function last_month()
  local y, m = tonumber(os.date("%Y")), tonumber(os.date("%m")) - 1
  if m == 0 then y, m = y - 1, 12 end
  return string.format("%04d-%02d", y, m)
end

local function write_template(opts, args)
  if #args ~= 2 then cli.usage_error("用法：policytk import template 城市 [--unit 单位] [--period 期间] [-o 文件]") end
  local period = last_month()
  if opts.period then
    local p, why = values.read_period(opts.period, { today = "9999-12-31" })
    if not p then cli.usage_error("--period: %s", why) end
    period = p
  end
  local conn, path = store.open(opts.db)
  store.require_loaded(conn, path)
  local out = opts.o or string.format("报送表-%s-%s%s.xlsx", args[2], opts.unit and (opts.unit .. "-") or "", period)
  local ok, n = pcall(template.write, conn, out, { city = args[2], unit = opts.unit, period = period })
  conn:close()
  if not ok then cli.fail("%s", tostring(n)) end
  io.stdout:write(string.format("%s: %d 个指标，期间 %s\n", out, n, template.period_text(period)))
  return 0
end

-- One plain (non-round) file, as policytk import has always imported it.
local function import_plain(conn, path, file, opts)
  local c = store.guard(path, import.file, conn, file, { encoding = opts.encoding, sheet = opts.sheet, city = opts.city,
    by = opts.by, allow_revisions = opts.allow_revisions })
  io.stdout:write(string.format("%s: 导入 %d 条数据（新增 %d，更新 %d，未变 %d），批次 %d\n",
    file, c.added + c.updated, c.added, c.updated, c.unchanged, c.batch))
  if (c.not_reported or 0) > 0 then
    io.stdout:write(string.format("  %d 行数值为空或“暂无”（未报送），未导入\n", c.not_reported))
  end
  for _, name in ipairs(c.skipped or {}) do
    io.stdout:write(string.format("  工作表“%s”中找不到表头，未导入\n", type(name) == "table" and name.name or name))
  end
end

-- A returned round workbook (policytk.round): its figures and task texts, one batch.
local function import_return(conn, path, file, opts)
  local c = store.guard(path, round.import_return, conn, file, { by = opts.by })
  local t = c.texts
  io.stdout:write(string.format("%s: %s 报回%s第%d轮：导入 %d 条数据（新增 %d，更新 %d，未变 %d），"
    .. "工作进展 %d 项（新增 %d，更新 %d，未变 %d），已填 %d/%d 格，批次 %d\n", file, c.unit,
    template.period_text(c.period), c.round, c.added + c.updated, c.added, c.updated, c.unchanged,
    t.added + t.updated + t.unchanged, t.added, t.updated, t.unchanged, c.filled, c.total, c.batch))
  if c.not_reported > 0 then
    io.stdout:write(string.format("  %d 行数值为空或“暂无”（未报送），未导入\n", c.not_reported))
  end
end

-- The files the arguments name: a file as given, a folder's .xlsx and .csv files in name
-- order (Excel's ~$ lock files left out).
local function expand(args)
  local files = {}
  for _, a in ipairs(args) do
    local st = fs.stat(a)
    if st and st.type == "dir" then
      local names = fs.list(a) or {}
      table.sort(names)
      for _, n in ipairs(names) do
        local lower = n:lower()
        if (lower:match("%.xlsx$") or lower:match("%.csv$")) and not n:match("^~%$") then
          files[#files + 1] = a:gsub("/+$", "") .. "/" .. n
        end
      end
    else
      files[#files + 1] = a
    end
  end
  return files
end

-- Several files (or one round workbook): each on its own, all or nothing per file; a file
-- refused is named and the others go on; any refused → exit 1 at the end.
local function import_each(conn, path, files, opts)
  local failed = {}
  for _, file in ipairs(files) do
    local ok, err = pcall(function()
      if round.is_round_file(file) then import_return(conn, path, file, opts)
      else import_plain(conn, path, file, opts) end
    end)
    if not ok then
      if #files == 1 then error(err, 0) end
      failed[#failed + 1] = file
      io.stderr:write("policytk import: ", cli.is_failure(err) and err.message or tostring(err), "\n")
    end
  end
  if #failed > 0 then
    cli.fail("%d 个文件中有 %d 个未导入：%s", #files, #failed, table.concat(failed, "、"))
  end
end

return {
  summary = "导入各单位报送的数据（CSV 或 XLSX，含月度报送表），或生成报送模板（import template）",
  usage = "policytk import FILE… | FOLDER [--encoding utf-8|gbk] [--sheet S] [--city C] [--by NAME] [--allow-revisions]"
    .. " [--db PATH]\n       policytk import template CITY [--unit U] [--period P] [-o FILE.xlsx] [--db PATH]",
  description = "从 CSV（RFC 4180；UTF-8，带或不带 BOM，或 Excel、WPS 保存的 GBK/GB18030：自动识别，\n"
    .. "或用 --encoding 指定）或 XLSX（所有含表格的工作表，在一个事务中；或用 --sheet 指定）读取数据。\n"
    .. "各单位发来的文件可直接导入：表头可在标题行和填报单位行之下（前 20 行之内；其上各行保存为本次导入\n"
    .. "的说明），空行和末尾的空列被跳过。\n"
    .. "列（英文或中文表头）：indicator 指标（代码、名称或别名）、region 地区/县（市、区）（代码或名称；\n"
    .. "默认为全市）、period 期间/报告期（2024、2024-Q3、2024-09）、value 数值/本期数/累计数（1234、\n"
    .. "1,234、1.2万、3亿、15%），以及可选的 unit 单位、basis 口径、source 来源、note 备注。整个文件\n"
    .. "一个事务：有一行出错则全部不导入；最多列出 50 个问题，格式为 FILE:行号: 列: 问题（XLSX：\n"
    .. "FILE:工作表!C12: 列: 问题）。同一指标、地区、期间的新值替换旧值，旧值保留为修订记录。\n\n"
    .. "policytk import template CITY 生成单位填报的报送表：该单位牵头的每个指标一行（--unit 单位简称，\n"
    .. "如 市经信局；不给则列出该城市目标的全部指标），预填计量单位和口径、期间（--period，默认上月）\n"
    .. "和城市，空白的数值格旁列出上期数，口径和地区有下拉列表。填好后可原样导入。\n\n"
    .. "多个文件或一个文件夹（其中的 .xlsx 和 .csv 文件）逐个导入，每个文件全有或全无、各成一个批次；\n"
    .. "某个文件被拒绝时列出其名称，其余照常导入。policytk round open 生成的报送表（月度报送）按其\n"
    .. "“报送信息”工作表识别：其中的数据（工作表“指标”）和任务进展（工作表“工作进展”）记入该表的单位、\n"
    .. "期间和报送轮次，无需任何选项（docs/rounds.md）。",
  options = {
    { "--encoding", arg = "E", help = "CSV 编码：utf-8、gbk 或 gb18030（默认自动识别）" },
    { "--sheet", arg = "S", help = "XLSX 工作表（名称或序号；默认所有含表格的工作表）" },
    { "--city", arg = "CITY", help = "城市（插件编号）：作为默认地区，且只认此城市的指标" },
    { "--by", arg = "NAME", help = "录入人，随批次记录（默认 $USER）" },
    { "--allow-revisions", help = "累计数小于本年此前的累计数时，视为更正并接受" },
    { "--unit", arg = "U", help = "template：列出哪个单位的指标（单位简称，如 市经信局）" },
    { "--period", arg = "P", help = "template：报送期间（2025-06、2025年6月 …；默认上月）" },
    { "-o", arg = "FILE", help = "template：写入的 XLSX 文件（默认 报送表-CITY-PERIOD.xlsx）" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if args[1] == "template" then return write_template(opts, args) end
    if #args == 0 then cli.usage_error("请给出要导入的文件（可多个，或一个文件夹）") end
    local files = expand(args)
    if #files == 0 then cli.fail("%s: 没有可导入的 .xlsx 或 .csv 文件", table.concat(args, "、")) end
    local conn, path = store.open(opts.db)
    store.require_loaded(conn, path)
    if opts.city and not conn:first("SELECT 1 AS x FROM cities WHERE id = ?", opts.city) then
      cli.fail("数据库中没有城市 %q（先运行 policytk load）", opts.city)
    end
    if #files == 1 and not (round.is_round_file(files[1])) then
      import_plain(conn, path, files[1], opts)              -- one plain file: as before
    else
      import_each(conn, path, files, opts)
    end
    conn:close()
    return 0
  end,
}
