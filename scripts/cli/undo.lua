-- policytk undo BATCH: reverse one batch exactly, in one transaction (policytk.data.batches.undo):
-- the figures it added go, the figures it changed get their earlier value back.

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local batches = require "policytk.data.batches"

return {
  summary = "准确撤销一个批次（一次导入或录入）",
  usage = "policytk undo BATCH [--force] [--by NAME] [--db PATH]",
  description = "Reverses batch BATCH (its number in policytk history) in one transaction: figures it added\n"
    .. "are removed, figures it changed get the value they had before it (that revision is removed\n"
    .. "from their history). Refused when a later batch has changed some of the same figures, naming\n"
    .. "those batches; --force then reverses the rest and leaves those figures at the later value\n"
    .. "(only this batch's value leaves their history). The undo is itself a batch.",
  options = {
    { "--force", help = "reverse even when a later batch changed some of the same figures" },
    { "--by", arg = "NAME", help = "who undoes it (default $USER)" },
    { "--db", arg = "PATH", help = "the database file" },
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
