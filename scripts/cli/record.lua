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
  description = "Records one figure with the same checks as an import row: INDICATOR is a code, name or\n"
    .. "alias (新增科技型中小企业数), VALUE as staff write it (1650, 1.2万, 3.5万户, 12.5%), --period in any\n"
    .. "accepted form (2025年6月, 2025年1-6月, 2025-06, 2025Q2 …). --basis is the 口径 (当期, 累计, 期末,\n"
    .. "比率; default what the period says, else the indicator's). The figure is a batch of its own\n"
    .. "(policytk history lists it; policytk undo BATCH reverses it). A figure already held for the\n"
    .. "indicator, region and period is replaced and kept as a revision.",
  options = {
    { "--period", arg = "P", help = "the period (2025年6月, 2025年1-6月, 2025-Q2, 2025 …)" },
    { "--region", arg = "R", help = "region code or name (default: the city)" },
    { "--basis", arg = "B", help = "口径: 当期, 累计, 期末 or 比率" },
    { "--unit", arg = "U", help = "the unit of VALUE when not written in it (万元, 亿元 …)" },
    { "--note", arg = "TEXT", help = "a note kept with the figure" },
    { "--source", arg = "TEXT", help = "where the figure comes from" },
    { "--city", arg = "CITY", help = "the city (plugin id): default region, and its indicators only" },
    { "--by", arg = "NAME", help = "who records it (default $USER)" },
    { "--allow-revisions", help = "take a 累计 figure below an earlier one of the year as a correction" },
    { "--db", arg = "PATH", help = "the database file" },
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
