-- policytk round open|status|chase: the monthly reporting round (月度报送) — the sheets sent to
-- every responsible unit, where each unit stands, the 催报 list (policytk.round, docs/rounds.md).
-- Returns come back through policytk import.

local cli = require "policytk.cli"
local core = require "policytk.core"
local round = require "policytk.round"
local sheet = require "policytk.round.sheet"
local status = require "policytk.round.status"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local template = require "policytk.data.template"
local values = require "policytk.data.values"

local USAGE = "policytk round open CITY --period YYYY-MM [--due YYYY-MM-DD] [-o DIR] [--reopen] [--by NAME]\n"
  .. "       policytk round status CITY [--period YYYY-MM] [--format table|json|csv|xlsx] [-o FILE] [--chase]\n"
  .. "       policytk round chase CITY [--period YYYY-MM] [-o FILE]"

local attempt = cli.attempt

local function month(raw)
  if not raw then return nil end
  local p, why = values.read_period(raw, { today = "9999-12-31" })
  if not p then cli.usage_error("--period: %s", why) end
  if not p:match("^%d%d%d%d%-%d%d$") then cli.usage_error("--period: 月度报送的期间应为一个月（如 2025-06），而不是 %s", raw) end
  return p
end

local function open_round(opts, city)
  local period = month(opts.period) or cli.usage_error("round open: 需要 --period（如 --period 2025-06）")
  if opts.due and not core.is_iso_date(opts.due) then
    cli.usage_error("--due: 应为日期 YYYY-MM-DD（如 2025-07-05），而不是 %q", opts.due)
  end
  local conn, path = store.open(opts.db)
  store.require_loaded(conn, path)
  local out = attempt(round.open, conn, { city = city, period = period, due = opts.due, dir = opts.o,
                                          reopen = opts.reopen, by = opts.by })
  conn:close()
  io.stdout:write(string.format("%s%s月度报送（第%d轮%s，截止日期 %s）：%d 个单位的报送表已写入 %s\n", out.city.name,
    template.period_text(period), out.round, out.reopened and "，重新生成；已报回的内容保留" or "",
    sheet.due_text(out.due), #out.files, out.dir))
  for _, f in ipairs(out.files) do
    io.stdout:write(string.format("  %s：指标 %d 行，任务 %d 项\n", f.path, f.indicators, f.tasks))
  end
  return 0
end

local TABLE = {
  { key = "unit", title = "单位" }, { key = "status", title = "状态" },
  { key = "returned_at_text", title = "报送时间（北京时间）" }, { key = "cells_empty", title = "待填格数" },
  { key = "filled_text", title = "已填/应填" }, { key = "batch", title = "批次" },
}

local function write_xlsx(path, r, city, rows)
  local xlsx = require "policytk.xlsx"
  local wb <close> = xlsx.writer(path)
  local ws = wb:sheet("报送情况")
  ws:write(0, 0, string.format("%s%s月度报送情况（第%d轮，截止日期 %s）", city.name, template.period_text(r.period), r.id,
    sheet.due_text(r.due)), wb:format{ bold = true })
  local head = wb:format{ bold = true, bg_color = "#DDEBF7", border = true }
  local titles = { "单位", "单位全称", "状态", "报送时间（北京时间）", "应填格数", "已填格数", "待填格数", "批次" }
  ws:write_row(1, titles, head)
  for i, row in ipairs(rows) do
    ws:write_row(i + 1, { row.unit, row.unit_name, row.status, row.returned_at_text, row.cells_total, row.cells_filled,
      row.cells_empty, row.batch or "", n = 8 })
  end
  for c, w in ipairs({ 24, 36, 8, 22, 10, 10, 10, 8 }) do ws:set_column(c - 1, c - 1, w) end
  ws:freeze(2, 1)
end

local function show_status(opts, city)
  local conn, path = store.open(opts.db)
  store.require_loaded(conn, path)
  local r, rows, c = attempt(round.status, conn, { city = city, period = month(opts.period) })
  local chase = opts.chase and attempt(status.chase, conn, r, rows, c)   -- the rows just read, not again
  conn:close()
  if opts.format == "xlsx" then
    local file = opts.o or string.format("报送情况-%s-%s.xlsx", city, r.period)
    attempt(write_xlsx, file, r, c, rows)
    io.stdout:write(string.format("%s: %d 个单位（%s）\n", file, #rows, status.summary(rows)))
  else
    local out = cli.output(opts.o)
    if opts.format == "table" then
      out:write(string.format("%s%s月度报送（第%d轮，截止日期 %s）：%s\n", c.name, template.period_text(r.period), r.id,
        sheet.due_text(r.due), status.summary(rows)))
      for _, row in ipairs(rows) do row.filled_text = string.format("%d/%d", row.cells_filled, row.cells_total) end
      tabular.write(out, "table", TABLE, rows)
    else
      local cols = {}
      for i, k in ipairs(status.KEYS) do cols[i] = { key = k } end
      tabular.write(out, opts.format, cols, rows)
    end
    cli.close_output(out)
  end
  if chase then io.stdout:write("\n", chase) end
  return 0
end

local function chase_list(opts, city)
  local conn, path = store.open(opts.db)
  store.require_loaded(conn, path)
  local text = attempt(round.chase, conn, { city = city, period = month(opts.period) })
  conn:close()
  local out = cli.output(opts.o)
  out:write(text)
  cli.close_output(out)
  return 0
end

local SUB = { open = open_round, status = show_status, chase = chase_list }

return {
  summary = "月度报送：开启一轮报送（为各单位生成报送表）、查看报送情况、催报",
  usage = USAGE,
  description = "月度报送：每月向城市各责任单位发送报送表，收回后导入，查看报送情况并催报。\n\n"
    .. "round open CITY --period 2025-06：为城市有效任务的每个责任单位写一个 XLSX（单位简称-2025年6月.xlsx）：\n"
    .. "  工作表“指标”（本单位的指标，与 policytk import template 相同，上期数列在空白数值格旁；\n"
    .. "  县（市、区）政府按本县填报，附下达目标）和“工作进展”（本单位牵头或配合的任务：任务编号、任务、\n"
    .. "  牵头/配合、目标、上月进展，待填本月进展、存在问题、下步打算），以及隐藏的“报送信息”表。\n"
    .. "  同一城市同一期间只开一轮；--reopen 重新生成报送表，已报回的数据和进展保留并预填。\n"
    .. "  --due 截止日期（默认次月5日）；-o 输出文件夹（默认 月度报送-CITY-PERIOD）。\n"
    .. "报回的表用 policytk import FILE… 或 policytk import 文件夹 导入（每个文件一个批次，全有或全无）。\n\n"
    .. "round status CITY：每个单位的状态 已报 / 部分 / 未报 / 逾期（过截止日期未报全）、报送时间\n"
    .. "  （北京时间）、待填格数；--format table|json|csv|xlsx，-o 写入文件；--chase 同时列出催报名单。\n"
    .. "round chase CITY：催报名单——未报全的单位及其任务的联系人，可直接发送。\n"
    .. "不给 --period 时取该城市最近一期进行中的报送。",
  options = {
    { "--period", arg = "P", help = "报送月份（2025-06、2025年6月）" },
    { "--due", arg = "DATE", help = "open：截止日期 YYYY-MM-DD（默认次月5日）" },
    { "--reopen", help = "open：重新生成报送表，已报回的内容保留" },
    { "--by", arg = "NAME", help = "open：操作人（默认 $USER）" },
    { "--format", arg = "FORMAT", values = { "table", "json", "csv", "xlsx" }, default = "table",
      help = "status：输出格式" },
    { "--chase", help = "status：在报送情况之后列出催报名单" },
    { "-o", arg = "PATH", help = "open：报送表写入的文件夹；status、chase：写入的文件" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    local fn = SUB[args[1] or ""]
    if not fn then
      cli.usage_error("应给出子命令 open、status 或 chase%s",
        args[1] and string.format("，而不是 %q", args[1]) or "")
    end
    if #args ~= 2 then cli.usage_error("用法：policytk round %s 城市", args[1]) end
    return fn(opts, args[2])
  end,
}
