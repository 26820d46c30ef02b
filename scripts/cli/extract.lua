-- policytk extract FILE: draft a plugin document (metadata, measures, targets) from a policy
-- text, as JSON or as Lua in the plugin contract (policytk.extract, policytk.extract.format).

local cli = require "policytk.cli"
local input = require "policytk.extract.input"
local extract = require "policytk.extract"
local fmt = require "policytk.extract.format"

return {
  summary = "从政策文本起草插件文件",
  usage = "policytk extract FILE [--city C] [--doc ID] [--format json|lua] [-o OUT] [-q]",
  description = "Repairs the text, finds its structure, measures, responsible and lead units and every\n"
    .. "quantitative target (value, unit, comparator, kind, deadline, lead unit, quote, confidence),\n"
    .. "and writes a draft for a person to review (docs/extract.md). --format lua writes a document{}\n"
    .. "file with REVIEW comments; json uses the keys of `policytk targets --format json`.\n"
    .. "On stderr, a review report: per target its confidence and why (the cue that made it a\n"
    .. "target, the rule that gave its deadline and its lead), the least confident first.",
  options = {
    { "--city", arg = "C", help = "city plugin id written into the draft" },
    { "--doc", arg = "ID", help = "document id (default: from the file name)" },
    { "--format", arg = "FORMAT", values = { "json", "lua" }, default = "json", help = "json or lua (default: json)" },
    { "--output", "-o", arg = "OUT", help = "write to OUT instead of stdout" },
    { "--quiet", "-q", help = "no review report on stderr (the one-line summary only)" },
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
