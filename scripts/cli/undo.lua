-- policytk undo BATCH: reverse one batch exactly, in one transaction (policytk.data.batches.undo):
-- the figures it added go, the figures it changed get their earlier value back.

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local batches = require "policytk.data.batches"

return {
  summary = "准确撤销一个批次（一次导入或录入）",
  usage = "policytk undo BATCH [--force] [--by NAME] [--db PATH]",
  description = "在一个事务中撤销批次 BATCH（policytk history 中的批次号）：该批次新增的数据被删除，\n"
    .. "该批次改过的数据恢复为改动前的值（相应的修订记录从历史中删除）。之后的批次改过其中部分数据时，\n"
    .. "拒绝撤销并列出这些批次；加 --force 则撤销其余数据，这些数据保留之后批次的值（只从其历史中删去\n"
    .. "本批次的值）。撤销本身也是一个批次。",
  options = {
    { "--force", help = "之后的批次改过其中部分数据时，也撤销其余数据" },
    { "--by", arg = "NAME", help = "操作人（默认 $USER）" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if #args ~= 1 then cli.usage_error("应给出一个批次号（policytk history 列出全部批次）") end
    local id = math.tointeger(tonumber(args[1]))
    if not id then cli.usage_error("批次号应为数字，而不是 %q", args[1]) end
    local conn = store.open(opts.db)
    local ok, undo_id, counts = pcall(batches.undo, conn, id, { force = opts.force, by = opts.by })
    conn:close()
    if not ok then cli.fail("%s", tostring(undo_id)) end
    io.stdout:write(string.format("批次 %d 已撤销（撤销批次 %d）：删除 %d 条，恢复原值 %d 条%s\n", id, undo_id,
      counts.removed, counts.restored,
      counts.kept_later > 0 and string.format("，%d 条保留之后批次的数值", counts.kept_later) or ""))
    return 0
  end,
}
