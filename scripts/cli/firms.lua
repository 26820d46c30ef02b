-- policytk firms: the enterprise register — template, import, list, size classes, and a
-- synthetic register generator.
--   policytk firms template                     the column template (CSV header with notes)
--   policytk firms import FILE [--city C]       CSV or XLSX, all or nothing
--   policytk firms list [--city C] [--region R] [--format table|json|csv]
--   policytk firms --size [--city C] [--year Y] the register by national size class
--   policytk firms generate N --city C [--seed S] [-o FILE]   synthetic firms (合成数据)

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local firms = require "policytk.benefits.firms"
local firm_import = require "policytk.benefits.firm_import"

-- Every subcommand needs a loaded database; a missing one is not created (it would be empty).
local function open(opts)
  local conn, path = store.open_existing(opts.db)
  store.require_loaded(conn, path)
  return conn, path
end

local KIND = { enterprise = "企业", individual_business = "个体工商户" }

--- The names of every region and city code (a firm's region shown by name in the table).
local function region_names(conn)
  local names = {}
  for r in conn:rows("SELECT code, name FROM regions UNION ALL SELECT code, name FROM cities") do names[r.code] = r.name end
  return names
end

local function city_regions(conn, city)
  local list = {}
  for r in conn:rows("SELECT code FROM regions WHERE city = ? ORDER BY code", city) do list[#list + 1] = r.code end
  return list
end

local sub = {}

function sub.template()
  io.stdout:write(require("policytk.benefits.firm_template").TEMPLATE)
  return 0
end

function sub.import(opts, args)
  if not args[1] then cli.usage_error("导入哪个文件？policytk firms import 文件") end
  local conn, path = open(opts)
  local c = store.guard(path, firm_import.import, conn, args[1], { city = opts.city, sheet = opts.sheet })
  conn:close()
  io.stdout:write(string.format("%s：导入 %d 家企业（新增 %d，替换 %d）\n", args[1],
    c.added + c.replaced, c.added, c.replaced))
  return 0
end

function sub.list(opts)
  local conn = open(opts)
  local rows, table_format = {}, opts.format == "table"
  local names = table_format and region_names(conn) or {}
  firms.each(conn, { region = opts.region, city = opts.city }, function(f)
    rows[#rows + 1] = { credit_code = f.credit_code, name = f.name, kind = f.kind, region = f.region,
                        industry = f.industry, employees = f.employees, above_scale_since = f.above_scale_since }
    if table_format then
      rows[#rows].kind, rows[#rows].region = KIND[f.kind] or f.kind, names[f.region] or f.region
    end
  end)
  conn:close()
  tabular.write(io.stdout, opts.format, {
    { key = "credit_code", title = "统一社会信用代码" }, { key = "name", title = "名称" },
    { key = "kind", title = "类型" }, { key = "region", title = "地区" }, { key = "industry", title = "行业" },
    { key = "employees", title = "从业人员" }, { key = "above_scale_since", title = "规上年份" } }, rows)
  return 0
end

function sub.size(opts)
  local sme = require "policytk.benefits.sme"
  local conn = open(opts)
  local year = opts.year or tonumber(os.date("!%Y")) - 1
  local counts, order = {}, { "large", "medium", "small", "micro", "unknown" }
  for _, k in ipairs(order) do counts[k] = 0 end
  local total = 0
  firms.each(conn, { region = opts.region, city = opts.city }, function(f)
    local class = sme.classify(f, year) or "unknown"
    counts[class] = counts[class] + 1
    total = total + 1
  end)
  conn:close()
  local rows = {}
  for _, k in ipairs(order) do
    rows[#rows + 1] = { class = k, name = sme.names[k] or "无法划型", firms = counts[k],
                        share = total > 0 and string.format("%.1f%%", 100 * counts[k] / total) or "-" }
  end
  if opts.format == "table" then               -- csv and json stay data alone
    io.stdout:write(string.format("%d年企业划型（工信部联企业〔2011〕300号），共 %d 家\n", year, total))
  end
  local cols = { { key = "name", title = "规模" }, { key = "firms", title = "企业数" }, { key = "share", title = "占比" } }
  if opts.format ~= "table" then table.insert(cols, 1, { key = "class" }) end
  tabular.write(io.stdout, opts.format, cols, rows)
  return 0
end

function sub.generate(opts, args)
  local n = math.tointeger(tonumber(args[1] or ""))
  if not n or n < 1 then cli.usage_error("生成多少家企业？policytk firms generate N --city 城市") end
  if not opts.city then cli.usage_error("需要 --city：企业分布在该市各县（市、区）") end
  local conn = open(opts)
  local regions = city_regions(conn, opts.city)
  conn:close()
  if #regions == 0 then cli.fail("数据库中城市 %q 没有地区（policytk load %s）", opts.city, opts.city) end
  local out = cli.output(opts.o)
  require("policytk.benefits.firm_gen").write(out, n, regions, opts.seed or 1)
  cli.close_output(out)
  if opts.o then
    io.stderr:write(string.format("policytk firms: 已将 %d 家合成企业（合成数据）写入 %s\n", n, opts.o))
  end
  return 0
end

return {
  summary = "企业名录：模板、导入、列出、规模划型、合成企业",
  usage = "policytk firms template | import FILE | list | --size | generate N --city C [options]",
  description = "template：输出列模板。  import FILE：把 CSV 或 XLSX 导入企业名录，全有或全无，\n"
    .. "错误格式为 FILE:行号: 列: 问题。  list：列出企业。  --size：按国家规模划型（大型/中型/小型/微型）\n"
    .. "统计名录。  generate N：为该城市各县生成 N 家合成企业（明确标注 合成数据），输出 CSV，\n"
    .. "用于演示、测试和性能测试。",
  options = {
    { "--city", arg = "CITY", help = "城市（插件编号）" },
    { "--region", arg = "CODE", help = "只列此县（市、区）" },
    { "--size", help = "按规模划型（大型/中型/小型/微型）统计企业名录" },
    { "--year", arg = "YEAR", integer = true, help = "--size 所用数据的年度（默认上一年）" },
    { "--sheet", arg = "NAME", help = "要导入的 XLSX 工作表（默认第一个）" },
    { "--seed", arg = "S", integer = true, help = "generate 的随机种子（默认 1）" },
    { "-o", arg = "FILE", help = "把 generate 生成的 CSV 写入 FILE" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "输出格式" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if opts.size then return sub.size(opts) end
    local name = table.remove(args, 1)
    if not name then cli.usage_error("做什么？template、import、list、generate 或 --size") end
    local fn = sub[name]
    if not fn or name == "size" then
      cli.usage_error("未知子命令 %q（template、import、list、generate、--size）", name)
    end
    return fn(opts, args)
  end,
}
