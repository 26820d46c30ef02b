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
local function shown_by_name(rows, names, plugin)
  local titles = {}
  for _, d in ipairs(plugin.documents or {}) do titles[d.id] = d.title end
  for _, row in ipairs(rows) do
    row.region = names[row.region] or row.region
    row.doc = titles[row.doc] or row.doc
  end
end

local function write_xlsx(path, rows, totals)
  local xlsx = require "policytk.xlsx"
  local wb = xlsx.writer(path)
  local head = wb:format{ bold = true, bg_color = "#DDEBF7", border = 1 }
  local money = wb:format{ num_format = "#,##0" }
  local ws = wb:sheet("应享清单")
  for c, col in ipairs(COLUMNS) do ws:write(0, c - 1, col.title, head) end
  for r, row in ipairs(rows) do
    for c, col in ipairs(COLUMNS) do ws:write(r, c - 1, row[col.key], col.key == "amount" and money or nil) end
  end
  ws:freeze(1, 0)
  local ts = wb:sheet("按条款合计")
  ts:write_row(0, { "条款", "名称", "企业数", "金额（元）" }, head)
  for i, t in ipairs(totals.benefit_rows) do ts:write_row(i, { t.benefit, t.name, t.firms, t.amount }) end
  local rs = wb:sheet("按地区合计")
  rs:write_row(0, { "地区", "金额（元）" }, head)
  for i, t in ipairs(totals.region_rows) do rs:write_row(i, { t.region_name or t.region, t.amount }) end
  wb:close()
end

return {
  summary = "按惠企条款匹配企业应享政策（免申即享）",
  usage = "policytk match CITY [--year Y] [--benefit B] [--region R] [--format table|csv|json|xlsx] [-o FILE]"
    .. " [--engine scan|lua]",
  description = "Evaluates every benefit rule of CITY over every firm in the register for the year.\n"
    .. "Rows: one per (firm, benefit) that pays, with the clause quoted and the document; then totals\n"
    .. "per benefit and per county (the budget to plan). Rules run in the sandbox; a rule that raises\n"
    .. "is reported with the plugin, rule and firm, and the others still run. Benefits that exclude\n"
    .. "each other are resolved as the plugin declares, and the choice is shown. The register is read\n"
    .. "and the rules' `when` conditions tested in C; --engine lua judges every firm in Lua instead\n"
    .. "(slower, the same rows: a check).",
  options = {
    { "--year", arg = "YEAR", integer = true, help = "the year (default this year)" },
    { "--benefit", arg = "ID", help = "only this benefit" },
    { "--region", arg = "CODE", help = "only firms of this county" },
    { "--format", arg = "FORMAT", values = { "table", "csv", "json", "xlsx" }, default = "table", help = "output format" },
    { "--engine", arg = "ENGINE", values = { "scan", "lua" }, default = "scan",
      help = "scan: read the register and test `when` in C (default); lua: judge every firm in Lua (slow; to check)" },
    { "-o", arg = "FILE", help = "write to FILE (needed for xlsx)" },
    { "--db", arg = "PATH", help = "the database file" },
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
    local rows = {}
    local progress = term.isatty("stderr")
    local out = io.stdout
    local totals
    local match_opts = { year = year, benefit = opts.benefit, region = opts.region }
    local stream = opts.format == "csv" and opts.engine == "scan"
    if opts.engine == "lua" then
      totals = match.run(conn, plugin, match_opts, function(row)
        rows[#rows + 1] = row
        if progress and #rows % 1000 == 0 then io.stderr:write(string.format("\r已匹配 %d 条", #rows)) end
      end)
    else
      -- CSV is written as the register is read; to a file beside -o, renamed when the match is
      -- done, so that a failed match leaves no half file. The other formats need every row.
      if stream and opts.o then
        local err
        out, err = io.open(opts.o .. ".part", "wb")
        if not out then conn:close(); cli.fail("无法写入 %s", err) end
      end
      local sink = stream and { file = out } or { row = function(row) rows[#rows + 1] = row end }
      local ok, res = pcall(match.run_scan, path, plugin, match_opts, sink,
        progress and function(n) io.stderr:write(string.format("\r已匹配 %d 家企业", n)) end or nil)
      if not ok then
        if stream and opts.o then out:close(); os.remove(opts.o .. ".part") end
        conn:close()
        error(res, 0)
      end
      totals = res
    end
    local names = {}
    for r in conn:rows("SELECT code, name FROM regions UNION ALL SELECT code, name FROM cities") do names[r.code] = r.name end
    conn:close()
    if progress then io.stderr:write("\r") end
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

    if opts.format == "table" or opts.format == "xlsx" then shown_by_name(rows, names, plugin) end
    if stream then
      if opts.o then
        out:close()
        local ok, err = os.rename(opts.o .. ".part", opts.o)
        if not ok then cli.fail("无法写入 %s：%s", opts.o, err) end
      end
    elseif opts.format == "xlsx" then
      write_xlsx(opts.o, rows, totals)
      io.stdout:write(string.format("%s：已写入 %d 行\n", opts.o, #rows))
    else
      out = cli.output(opts.o)
      tabular.write(out, opts.format, COLUMNS, rows)
      if opts.format == "table" then
        out:write(string.format("\n%d年 %s：%d 家企业，%d 条应享记录\n", year, plugin.manifest.name, totals.firms, #rows))
        tabular.write(out, "table", { { key = "benefit", title = "条款" }, { key = "name", title = "名称" },
          { key = "firms", title = "企业数" }, { key = "amount", title = "金额（元）" } }, totals.benefit_rows)
        out:write("\n")
        tabular.write(out, "table", { { key = "region_name", title = "地区" }, { key = "amount", title = "金额（元）" } },
          totals.region_rows)
      end
      cli.close_output(out)
    end
    for _, e in ipairs(totals.errors) do io.stderr:write("policytk match: ", e, "\n") end
    if (totals.error_count or 0) > #totals.errors then
      io.stderr:write(string.format("policytk match: ……另有 %d 处条款错误\n", totals.error_count - #totals.errors))
    end
    return (totals.error_count or 0) > 0 and cli.FAIL or cli.OK
  end,
}
