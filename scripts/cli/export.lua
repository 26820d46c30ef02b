-- policytk export observations: the observations table as CSV or JSON (re-importable).

local cli = require "policytk.cli"
local store = require "policytk.store"
local tabular = require "policytk.tabular"
local import = require "policytk.import"

return {
  summary = "export observations as CSV or JSON (the CSV re-imports with policytk import)",
  usage = "policytk export observations [--format csv|json] [--city C] [--db PATH]",
  description = "Writes every observation with the columns of `policytk import`: indicator, region,\n"
    .. "period, value (in the indicator's base unit), unit, source, note.",
  options = {
    { "--format", arg = "FORMAT", values = { "csv", "json" }, default = "csv", help = "output format" },
    { "--city", arg = "CITY", help = "only the regions of this city" },
    { "--db", arg = "PATH", help = "the database file" },
  },
  run = function(opts, args)
    if #args ~= 1 or args[1] ~= "observations" then
      cli.usage_error("expected: policytk export observations")
    end
    local conn = store.open(opts.db)
    local rows = store.all(conn, [[SELECT o.indicator, o.region, o.period, o.value, o.unit, o.source, o.note
        FROM observations o
        WHERE ?1 IS NULL OR o.region IN (SELECT code FROM regions WHERE city = ?1)
          OR o.region IN (SELECT code FROM cities WHERE id = ?1)
        ORDER BY o.indicator, o.region, o.period]], opts.city)
    conn:close()
    local cols = {}
    for i, c in ipairs(import.COLUMNS) do cols[i] = { key = c } end
    tabular.write(io.stdout, opts.format, cols, rows)
    return 0
  end,
}
