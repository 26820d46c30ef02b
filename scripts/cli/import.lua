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
  description = "Reads observations from CSV (RFC 4180, UTF-8 with or without BOM, or GBK/GB18030 as\n"
    .. "Excel and WPS save them: detected, or given with --encoding) or from XLSX (every sheet\n"
    .. "with a table, in one transaction; or --sheet). Files as bureaus send them: the header may\n"
    .. "sit below title and 填报单位 rows (within the first 20 rows; the rows above are kept as\n"
    .. "the import's description), blank rows and empty trailing columns are passed over.\n"
    .. "Columns (English or Chinese headers): indicator 指标 (code, name or alias), region 地区/\n"
    .. "县（市、区） (code or name; default the city), period 期间/报告期 (2024, 2024-Q3, 2024-09),\n"
    .. "value 数值/本期数/累计数 (1234, 1,234, 1.2万, 3亿, 15%), and optional unit 单位, basis 口径,\n"
    .. "source 来源, note 备注. The whole file is one transaction: any bad row and nothing is\n"
    .. "imported; up to 50 problems are listed as FILE:LINE: column: problem (XLSX:\n"
    .. "FILE:SHEET!C12: column: problem). A new value for the same indicator, region and period\n"
    .. "replaces the old one, which is kept as a revision.\n\n"
    .. "policytk import template CITY writes the sheet a unit fills: one row per indicator the unit\n"
    .. "leads (--unit, a unit's short name such as 市经信局; every indicator of the city's targets\n"
    .. "without it), its unit and 口径 filled in, the period (--period, default last month) and the\n"
    .. "city prefilled, the last figure beside the empty 数值 cell, drop-down lists for 口径 and 地区.\n"
    .. "Filled in, it imports back as it is.\n\n"
    .. "Several files, or a folder (its .xlsx and .csv files), import one after another, each file\n"
    .. "all or nothing and its own batch; a file refused is named and the rest go on. A workbook\n"
    .. "written by policytk round open (月度报送) is recognised by its 报送信息 sheet: its figures\n"
    .. "(sheet 指标) and the progress of its tasks (sheet 工作进展) are recorded for its unit,\n"
    .. "period and round, needing no options (docs/rounds.md).",
  options = {
    { "--encoding", arg = "E", help = "utf-8, gbk or gb18030 (default: detected)" },
    { "--sheet", arg = "S", help = "the XLSX sheet (name or number; default every sheet with a table)" },
    { "--city", arg = "CITY", help = "the city (plugin id): default region, and its indicators only" },
    { "--by", arg = "NAME", help = "who imports (recorded with the batch; default $USER)" },
    { "--allow-revisions", help = "take a 累计 figure below an earlier one of the year as a correction" },
    { "--unit", arg = "U", help = "template: the unit whose indicators to list" },
    { "--period", arg = "P", help = "template: the period to report (2025-06, 2025年6月 …; default last month)" },
    { "-o", arg = "FILE", help = "template: the XLSX file to write (default 报送表-CITY-PERIOD.xlsx)" },
    { "--db", arg = "PATH", help = "the database file" },
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
