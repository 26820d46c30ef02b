-- policytk match CITY: every benefit rule of the city over every firm of the register for a
-- year — one row per (firm, benefit) that pays, then totals per benefit and per county.

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local plugins = require "policytk.plugins"
local match = require "policytk.benefits.match"
local term = require "policytk.term"

local COLUMNS = match.COLUMNS

local function load_plugin(city)
  local p, err = plugins.load_valid(city)
  if not p then cli.fail("%s", err) end
  return p
end

-- For staff (table, xlsx): a row's county and document by name, not code and id.
local function by_name(names, plugin)
  local titles = {}
  for _, d in ipairs(plugin.documents or {}) do titles[d.id] = d.title end
  return function(row)
    row.region = names[row.region] or row.region
    row.doc = titles[row.doc] or row.doc
  end
end

local function region_names(conn)
  local names = {}
  for r in conn:rows("SELECT code, name FROM regions UNION ALL SELECT code, name FROM cities") do names[r.code] = r.name end
  return names
end

-- The XLSX workbook as a writer: the rows' sheet filled as they come, the totals' sheets at
-- finish (the workbook itself is held by libxlsxwriter until it is closed).
local function xlsx_writer(path)
  local xlsx = require "policytk.xlsx"
  local wb = xlsx.writer(path)
  local head = wb:format{ bold = true, bg_color = "#DDEBF7", border = 1 }
  local money = wb:format{ num_format = "#,##0" }
  local ws = wb:sheet("应享清单")
  for c, col in ipairs(COLUMNS) do ws:write(0, c - 1, col.title, head) end
  ws:freeze(1, 0)
  local w = { n = 0 }
  function w.row(_, row)
    w.n = w.n + 1
    for c, col in ipairs(COLUMNS) do ws:write(w.n, c - 1, row[col.key], col.key == "amount" and money or nil) end
  end
  function w.finish(_, totals)
    local ts = wb:sheet("按条款合计")
    ts:write_row(0, { "条款", "名称", "企业数", "金额（元）" }, head)
    for i, t in ipairs(totals.benefit_rows) do ts:write_row(i, { t.benefit, t.name, t.firms, t.amount }) end
    local rs = wb:sheet("按地区合计")
    rs:write_row(0, { "地区", "金额（元）" }, head)
    for i, t in ipairs(totals.region_rows) do rs:write_row(i, { t.region_name or t.region, t.amount }) end
    wb:close()
    return w.n
  end
  function w.abort() pcall(wb.close, wb); os.remove(path) end
  return w
end

-- Where the rows go, written as they come: a writer (w:row, w:finish) — none for CSV from the
-- C pass, which writes the file itself. With -o, text goes to FILE.part, renamed when the
-- match is done, so that a failed match leaves no half file.
local function open_output(opts, names, plugin)
  local out, w = io.stdout
  if opts.format == "xlsx" then
    w = xlsx_writer(opts.o)
  else
    if opts.o then
      local err
      out, err = io.open(opts.o .. ".part", "wb")
      if not out then cli.fail("无法写入 %s", err) end
    end
    if opts.format == "csv" and opts.engine == "scan" then return out, nil end
    w = tabular.writer(out, opts.format, COLUMNS)
  end
  if opts.format == "table" or opts.format == "xlsx" then
    local show, row = by_name(names, plugin), w.row
    w.row = function(self, r) show(r); row(self, r) end
  end
  return out, w
end

local function close_output(opts, out, ok)
  if not opts.o or opts.format == "xlsx" then return end
  out:close()
  if not ok then os.remove(opts.o .. ".part"); return end
  local renamed, err = os.rename(opts.o .. ".part", opts.o)
  if not renamed then cli.fail("无法写入 %s：%s", opts.o, err) end
end

-- Totals in the order shown: benefits in the plugin's order, counties by code.
local function order_totals(totals, plugin, names)
  totals.benefit_rows, totals.region_rows = {}, {}
  for _, b in ipairs(plugin.benefits) do
    if totals.by_benefit[b.id] then totals.benefit_rows[#totals.benefit_rows + 1] = totals.by_benefit[b.id] end
  end
  local regions = {}
  for code in pairs(totals.by_region) do regions[#regions + 1] = code end
  table.sort(regions)
  for _, code in ipairs(regions) do
    totals.region_rows[#totals.region_rows + 1] = { region = code, region_name = names[code] or code,
                                                    amount = totals.by_region[code] }
  end
end

local function write_totals(out, year, plugin, totals, nrows)
  out:write(string.format("\n%d年 %s：%d 家企业，%d 条应享记录\n", year, plugin.manifest.name, totals.firms, nrows))
  tabular.write(out, "table", { { key = "benefit", title = "条款" }, { key = "name", title = "名称" },
    { key = "firms", title = "企业数" }, { key = "amount", title = "金额（元）" } }, totals.benefit_rows)
  out:write("\n")
  tabular.write(out, "table", { { key = "region_name", title = "地区" }, { key = "amount", title = "金额（元）" } },
    totals.region_rows)
end

-- Match with the engine asked for, each row to `emit`; → totals.
local function run_match(opts, conn, path, plugin, match_opts, out, emit)
  local progress = term.isatty("stderr")
  if opts.engine == "lua" then
    local n = 0
    return match.run(conn, plugin, match_opts, function(row)
      n = n + 1
      if progress and n % 1000 == 0 then io.stderr:write(string.format("\r已匹配 %d 条", n)) end
      emit(row)
    end)
  end
  local sink = emit and { row = emit } or { file = out }
  return match.run_scan(path, plugin, match_opts, sink,
    progress and function(n) io.stderr:write(string.format("\r已匹配 %d 家企业", n)) end or nil)
end

return {
  summary = "按惠企条款匹配企业应享政策（免申即享）",
  usage = "policytk match CITY [--year Y] [--benefit B] [--region R] [--format table|csv|json|xlsx] [-o FILE]"
    .. " [--engine scan|lua]",
  description = "对企业名录中的每家企业，按 CITY 的每条惠企条款判定当年是否应享。\n"
    .. "每行为一家企业应享的一条条款，附引用的条款原文和文件；之后按条款、按县（市、区）合计（即需安排的\n"
    .. "预算）。规则在沙箱中运行；某条规则出错时，列出插件、规则和企业，其余规则照常运行。互斥的条款按插件\n"
    .. "的声明取舍，并显示所作选择。默认在 C 中读取名录并检验规则的 `when` 条件；--engine lua 改为在 Lua\n"
    .. "中逐家判定（较慢，结果相同，用于核对）。",
  options = {
    { "--year", arg = "YEAR", integer = true, help = "年度（默认今年）" },
    { "--benefit", arg = "ID", help = "只匹配此条款（条款编号）" },
    { "--region", arg = "CODE", help = "只匹配此县（市、区）的企业" },
    { "--format", arg = "FORMAT", values = { "table", "csv", "json", "xlsx" }, default = "table", help = "输出格式" },
    { "--engine", arg = "ENGINE", values = { "scan", "lua" }, default = "scan",
      help = "scan：在 C 中读取名录并检验 `when` 条件；lua：在 Lua 中逐家判定（较慢，用于核对）" },
    { "-o", arg = "FILE", help = "写入 FILE（xlsx 格式必须给出）" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    local city = args[1]
    if not city or args[2] then cli.usage_error("用法：policytk match 城市") end
    if opts.format == "xlsx" and not opts.o then cli.usage_error("--format xlsx 需要 -o 文件") end
    local plugin = load_plugin(city)
    if opts.benefit and not plugin.benefit_by_id[opts.benefit] then
      local ids = {}
      for _, b in ipairs(plugin.benefits) do ids[#ids + 1] = b.id end
      cli.usage_error("%s 没有惠企条款 %q；其条款：%s", city, opts.benefit, table.concat(ids, ", "))
    end
    local year = opts.year or tonumber(os.date("!%Y"))
    local conn, path = store.open(opts.db)
    store.require_loaded(conn, path)
    local names = region_names(conn)
    local out, w = open_output(opts, names, plugin)
    local match_opts = { year = year, benefit = opts.benefit, region = opts.region }
    local ok, totals = pcall(run_match, opts, conn, path, plugin, match_opts, out,
      w and function(row) w:row(row) end)
    conn:close()
    if term.isatty("stderr") then io.stderr:write("\r") end
    if not ok then
      if w and w.abort then w.abort() end
      close_output(opts, out, false)
      error(totals, 0)
    end
    order_totals(totals, plugin, names)
    local nrows = w and w:finish(totals)
    if opts.format == "table" then write_totals(out, year, plugin, totals, nrows) end
    close_output(opts, out, true)
    if opts.format == "xlsx" then io.stdout:write(string.format("%s：已写入 %d 行\n", opts.o, nrows)) end
    for _, e in ipairs(totals.errors) do io.stderr:write("policytk match: ", e, "\n") end
    if (totals.error_count or 0) > #totals.errors then
      io.stderr:write(string.format("policytk match: ……另有 %d 处条款错误\n", totals.error_count - #totals.errors))
    end
    return (totals.error_count or 0) > 0 and cli.FAIL or cli.OK
  end,
}
