-- policytk show: one stored version of a fetched document (policytk fetch).

local fetched = require "policytk.fetch.stored"
local store = require "policytk.data.store"

return {
  summary = "显示抓取文件的文本（最新版本，或 --version N）",
  usage = "policytk show DOC [--version N] [--db PATH]",
  description = "显示一个抓取文件的详细信息及其某个已存版本的文本。\n"
    .. "DOC 为 `policytk docs --fetched` 所示的编号，或文件的网址。",
  options = {
    { "--version", arg = "N", integer = true, help = "要显示的版本（默认最新版本）" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    if #args ~= 1 then require("policytk.cli").usage_error("用法：policytk show 文件（编号或网址）") end
    local conn = store.open(opts.db)
    local doc = fetched.find(conn, args[1])
    local v = fetched.version(conn, doc, opts.version)
    local total = conn:first("SELECT count(*) AS n FROM fetched_versions WHERE document = ?", doc.id).n
    conn:close()
    local out = io.stdout
    out:write("标题：", v.title, "\n")
    out:write("网址：", doc.url, "\n")
    if doc.doc_number then out:write("文号：", doc.doc_number, "\n") end
    if doc.issuer then out:write("发布机构：", doc.issuer, "\n") end
    if doc.published then out:write("发布日期：", doc.published, "\n") end
    out:write(string.format("版本：第 %d 版（共 %d 版），抓取于 %s\n", v.version, total, v.fetched_at))
    if (v.replaced or 0) > 0 then
      out:write(string.format("注意：解码（%s）时替换了 %d 处无效字节\n", v.charset or "?", v.replaced))
    end
    out:write("\n", v.text, "\n")
    return 0
  end,
}
