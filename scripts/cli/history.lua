-- policytk history: the batches (imports, records, undos) and the revisions of a figure —
-- who entered what, when (北京时间), from which file (policytk.data.batches).

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local batches = require "policytk.data.batches"
local basis = require "policytk.data.basis"

local KIND = { import = "导入", record = "录入", undo = "撤销" }

local BATCH_COLUMNS = {
  { key = "id", title = "批次" }, { key = "kind_label", title = "类型" }, { key = "by_user", title = "录入人" },
  { key = "at_local", title = "时间（北京时间）" }, { key = "file", title = "文件" }, { key = "rows", title = "条数" },
  { key = "state", title = "状态" },
}
local BATCH_KEYS = { "id", "kind", "by_user", "at", "file", "sha256", "rows", "description", "undoes", "undone_by" }

local FIGURE_COLUMNS = {
  { key = "region_name", title = "地区" }, { key = "period_text", title = "期间" }, { key = "value", title = "数值" },
  { key = "basis_label", title = "口径" }, { key = "batch", title = "批次" }, { key = "at_local", title = "时间（北京时间）" },
  { key = "state", title = "说明" },
}
local FIGURE_KEYS = { "indicator", "region", "region_name", "period", "value", "basis", "batch", "reported_at",
                      "current", "replaced_by" }

-- An indicator given by code, name or alias → its code; a region by code or name → its code.
local function indicator_code(conn, given)
  local r = conn:first([[SELECT code FROM indicators WHERE code = ?1 OR name = ?1
    OR ('\n' || ifnull(aliases, '') || '\n') LIKE '%' || char(10) || ?1 || char(10) || '%' LIMIT 1]], given)
  if not r then cli.fail("未知指标 %q（policytk indicators 列出全部指标）", given) end
  return r.code
end

local function region_code(conn, given)
  local r = conn:first("SELECT code FROM regions WHERE code = ?1 OR name = ?1 UNION "
    .. "SELECT code FROM cities WHERE code = ?1 OR name = ?1 OR id = ?1 LIMIT 1", given)
  if not r then cli.fail("未知地区 %q（policytk regions 列出全部地区）", given) end
  return r.code
end

local function region_names(conn)
  local names = {}
  for _, r in ipairs(store.all(conn, "SELECT code, name FROM regions UNION SELECT code, name FROM cities")) do
    names[r.code] = r.name
  end
  return names
end

local function batch_rows(list)
  for _, b in ipairs(list) do
    b.kind_label = KIND[b.kind] or b.kind
    b.at_local = store.beijing(b.at)
    b.state = b.undone_by and string.format("已由批次 %d 撤销", b.undone_by)
      or b.undoes and string.format("撤销批次 %d", b.undoes) or ""
  end
  return list
end

-- One row per value a figure has had: now, then each older one, newest first.
local function figure_rows(indicator, history, names)
  local rows = {}
  for _, f in ipairs(history) do
    local name = names[f.region] or f.region
    rows[#rows + 1] = { indicator = indicator, region = f.region, region_name = name, period = f.period,
      period_text = store.period_text(f.period), value = f.value, basis = f.basis, basis_label = basis.label(f.basis or ""), batch = f.batch,
      reported_at = f.reported_at, at_local = store.beijing(f.reported_at), current = true, state = "现值" }
    for _, r in ipairs(f.revisions) do
      rows[#rows + 1] = { indicator = indicator, region = f.region, region_name = name, period = f.period,
        period_text = store.period_text(f.period), value = r.value, basis = r.basis, basis_label = basis.label(r.basis or ""), batch = r.batch,
        reported_at = r.reported_at, at_local = store.beijing(r.reported_at), current = false,
        replaced_by = r.replaced_by,
        state = r.replaced_by and string.format("被批次 %d 替换", r.replaced_by) or "已被替换" }
    end
  end
  return rows
end

local function keyed(keys) local c = {} for i, k in ipairs(keys) do c[i] = { key = k } end return c end

return {
  summary = "列出批次（导入、录入、撤销）及某项数据的修订记录",
  usage = "policytk history [--indicator I] [--region R] [--limit N] [--format table|json|csv] [--db PATH]",
  description = "不带 --indicator：列出全部批次，最新的在前——录入人、时间（北京时间）、文件、条数，\n"
    .. "以及是否已被撤销。带 --indicator（指标代码、名称或别名）：列出该指标的每项数据（--region 所给地区，\n"
    .. "或全部地区）的现值和此前的每个值，各附写入它的批次。JSON 键（批次）："
    .. table.concat(BATCH_KEYS, ", ") .. "；（数据）：" .. table.concat(FIGURE_KEYS, ", ") .. "。",
  options = {
    { "--indicator", arg = "I", help = "列出此指标的数据及其修订记录" },
    { "--region", arg = "R", help = "只列此地区（代码或名称）" },
    { "--limit", arg = "N", help = "最多列出 N 个批次" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "输出格式" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if #args > 0 then cli.usage_error("多余的参数 %q", args[1]) end
    local conn = store.open(opts.db)
    local region = opts.region and region_code(conn, opts.region) or nil
    local table_format = opts.format == "table"
    if opts.indicator then
      local code = indicator_code(conn, opts.indicator)
      local rows = figure_rows(code, batches.figure_history(conn, code, region), region_names(conn))
      conn:close()
      if #rows == 0 and table_format then io.stdout:write("（没有数据）\n") return 0 end
      tabular.write(io.stdout, opts.format, table_format and FIGURE_COLUMNS or keyed(FIGURE_KEYS), rows)
      return 0
    end
    local limit = opts.limit and math.tointeger(tonumber(opts.limit))
    if opts.limit and (not limit or limit < 1) then cli.usage_error("--limit 应为不小于 1 的整数") end
    local list = batch_rows(batches.list(conn, { region = region, limit = limit }))
    conn:close()
    if #list == 0 and table_format then io.stdout:write("（还没有批次）\n") return 0 end
    tabular.write(io.stdout, opts.format, table_format and BATCH_COLUMNS or keyed(BATCH_KEYS), list)
    return 0
  end,
}
