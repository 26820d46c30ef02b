-- policytk diff: what changed between two stored versions of a fetched document — a line diff
-- with the changed numbers marked, and the list of changed numbers.

local cli = require "policytk.cli"
local fetched = require "policytk.fetch.stored"
local store = require "policytk.data.store"

return {
  summary = "显示抓取文件两个版本之间的变化",
  usage = "policytk diff DOC [V1 V2] [--color auto|always|never] [--db PATH]",
  description = "逐行比较一个抓取文件的两个已存版本（默认最近两个），标出改动的数字（[-旧-] {+新+}，\n"
    .. "在终端上用颜色），然后列出改动的数字。DOC 为 `policytk docs --fetched` 所示的编号，或文件的网址。",
  options = {
    { "--color", arg = "WHEN", values = { "auto", "always", "never" }, default = "auto",
      help = "用颜色标出改动" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if #args ~= 1 and #args ~= 3 then cli.usage_error("用法：policytk diff 文件 [版本1 版本2]") end
    local v1, v2
    if #args == 3 then
      v1, v2 = math.tointeger(tonumber(args[2])), math.tointeger(tonumber(args[3]))
      if not v1 or not v2 then cli.usage_error("版本应为整数；实为 %q %q", args[2], args[3]) end
    end
    local conn = store.open(opts.db)
    local doc = fetched.find(conn, args[1])
    if not v1 then
      local last = fetched.version(conn, doc, nil).version
      if last < 2 then
        conn:close()
        cli.fail("抓取文件 %d 只有一个版本：没有可比较的", doc.id)
      end
      v1, v2 = last - 1, last
    end
    local a, b = fetched.version(conn, doc, v1), fetched.version(conn, doc, v2)
    conn:close()
    local color = opts.color == "always" or (opts.color == "auto" and require("policytk.term").isatty("stdout"))
    local out = io.stdout
    out:write(string.format("--- %s 第 %d 版（%s）\n+++ %s 第 %d 版（%s）\n", doc.title, a.version, a.fetched_at,
      doc.title, b.version, b.fetched_at))
    if a.hash == b.hash then
      out:write("两个版本的文本相同。\n")
      return 0
    end
    local ops = fetched.diff(a.text, b.text)
    fetched.write_diff(out, ops, color)
    local nums = fetched.changed_numbers(ops)
    if #nums > 0 then out:write("\n变化的数字：", table.concat(nums, "；"), "\n") end
    return 0
  end,
}
