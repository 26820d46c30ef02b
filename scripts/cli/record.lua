-- policytk record INDICATOR VALUE --period P: one figure, as a unit phones it in — checked
-- exactly as an import row (policytk.data.import.records), kept as a batch of its own.

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local import = require "policytk.data.import"
local values = require "policytk.data.values"

return {
  summary = "录入一项数据（如单位电话报送的数字），单独成一个批次",
  usage = "policytk record INDICATOR VALUE --period P [--region R] [--basis B] [--unit U] [--note TEXT]"
    .. " [--city C] [--by NAME] [--allow-revisions] [--db PATH]",
  description = "录入一项数据，检查与导入的一行相同：INDICATOR 为指标代码、名称或别名（新增科技型中小企业数），\n"
    .. "VALUE 按平常写法（1650、1.2万、3.5万户、12.5%），--period 可用任一写法（2025年6月、2025年1-6月、\n"
    .. "2025-06、2025Q2 …）。--basis 为口径（当期、累计、期末、比率；默认按期间的写法确定，否则用指标的口径）。\n"
    .. "这项数据单独成一个批次（policytk history 可列出；policytk undo BATCH 可撤销）。同一指标、地区、\n"
    .. "期间已有数据时，新值替换旧值，旧值保留为修订记录。",
  options = {
    { "--period", arg = "P", help = "期间（2025年6月、2025年1-6月、2025-Q2、2025 …）" },
    { "--region", arg = "R", help = "地区代码或名称（默认为全市）" },
    { "--basis", arg = "B", help = "口径：当期、累计、期末或比率" },
    { "--unit", arg = "U", help = "VALUE 中未写单位时所用的计量单位（万元、亿元 …）" },
    { "--note", arg = "TEXT", help = "随数据保存的备注" },
    { "--source", arg = "TEXT", help = "数据来源" },
    { "--city", arg = "CITY", help = "城市（插件编号）：作为默认地区，且只认此城市的指标" },
    { "--by", arg = "NAME", help = "录入人（默认 $USER）" },
    { "--allow-revisions", help = "累计数小于本年此前的累计数时，视为更正并接受" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if #args ~= 2 then cli.usage_error("应给出 指标 数值 两个参数；实有 %d 个", #args) end
    if not opts.period then cli.usage_error("需要 --period（如 2025年6月、2025年1-6月、2025-Q2）") end
    local v, problem = values.read_value(args[2])
    if v == nil and problem == nil then
      cli.usage_error("数值 %q 表示未报送，没有可记录的数（要记为 0 请写 0）", args[2])
    end
    local conn, path = store.open(opts.db)
    store.require_loaded(conn, path)
    if opts.city and not conn:first("SELECT 1 AS x FROM cities WHERE id = ?", opts.city) then
      cli.fail("数据库中没有城市 %q", opts.city)
    end
    local records = {
      { "indicator", "region", "period", "value", "unit", "basis", "source", "note" },
      { args[1], opts.region or "", opts.period, args[2], opts.unit or "", opts.basis or "", opts.source or "",
        opts.note or "" },
    }
    local c = store.guard(path, import.records, conn, records, { city = opts.city, by = opts.by,
      allow_revisions = opts.allow_revisions, display = "录入" })
    conn:close()
    io.stdout:write(string.format("已记录（%s），批次 %d\n",
      c.added > 0 and "新增" or c.updated > 0 and "更新，原值已存为修订" or "与已有数值相同", c.batch))
    return 0
  end,
}
