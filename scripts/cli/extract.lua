-- policytk extract FILE: draft a plugin document (metadata, measures, targets) from a policy
-- text, as JSON or as Lua in the plugin contract (policytk.extract, policytk.extract.format).

local cli = require "policytk.cli"
local input = require "policytk.extract.input"
local extract = require "policytk.extract"
local fmt = require "policytk.extract.format"

return {
  summary = "从政策文本起草插件文件",
  usage = "policytk extract FILE [--city C] [--doc ID] [--format json|lua] [-o OUT] [-q]",
  description = "修复文本，识别其结构、措施、责任单位和牵头单位，以及每个量化目标（数值、单位、比较方式、\n"
    .. "类型、期限、牵头单位、引文、置信度），写出草稿供人审阅（docs/extract.md）。--format lua 写出带\n"
    .. "REVIEW 注释的 document{} 文件；json 的键与 `policytk targets --format json` 相同。\n"
    .. "标准错误输出审阅报告：每个目标的置信度及理由（使其成为目标的提示词、确定其期限和牵头单位的规则），\n"
    .. "置信度最低的在前。",
  options = {
    { "--city", arg = "C", help = "写入草稿的城市插件编号" },
    { "--doc", arg = "ID", help = "文件编号（默认取自文件名）" },
    { "--format", arg = "FORMAT", values = { "json", "lua" }, default = "json", help = "json 或 lua" },
    { "--output", "-o", arg = "OUT", help = "写入 OUT，而不是标准输出" },
    { "--quiet", "-q", help = "不在标准错误输出审阅报告（只输出一行摘要）" },
  },
  run = function(opts, args)
    local path = args[1]
    if not path then cli.usage_error("which file? policytk extract FILE") end
    local f, head = input.open(path)
    local rest = f:read("a") or ""
    if f ~= io.stdin then f:close() end
    local raw = head .. rest
    if raw == "" then io.stderr:write(path, ": 警告: 空文件 (empty file)\n") end
    -- a long text makes many short-lived strings and tables (one per line of a task table)
    -- around a few big ones that live to the end: the generational collector suits that
    collectgarbage("generational")
    local draft = extract.extract(raw)
    local docid = opts.doc or ((path:match("([^/]+)$") or "draft"):gsub("%.[^.]*$", ""):lower():gsub("[^a-z0-9_]", "_"))
    if not docid:match("^[a-z]") then docid = "d" .. docid end
    local source = path:match("([^/]+)$")
    local out = opts.format == "lua" and fmt.lua(draft, opts.city, docid, source) or fmt.json(draft, opts.city, docid)
    if opts.output then
      local w = cli.output(opts.output)
      w:write(out)
      cli.close_output(w)
    else
      io.stdout:write(out)
      if opts.format ~= "lua" then io.stdout:write("\n") end
    end
    if not opts.quiet and #draft.targets > 0 then io.stderr:write(fmt.report(draft)) end
    io.stderr:write(string.format("%s: %d 项措施, %d 个目标%s\n", path, #draft.measures, #draft.targets,
      #draft.warnings > 0 and (", " .. #draft.warnings .. " 条警告") or ""))
    return 0
  end,
}
