-- policytk.cli: runs one command-line verb — option parsing, --help, errors, exit codes.
--
-- A verb is scripts/cli/NAME.lua returning a table:
--   return {
--     summary = "one line for `policytk help`",
--     usage = "policytk NAME [options] ARG...",
--     description = "longer text for `policytk NAME --help`",
--     options = { { "--format", arg = "FORMAT", values = {"table","json"}, default = "table",
--                   help = "output format" }, { "--verbose", "-v", help = "..." } },
--     stop_at_args = true,     -- options end at the first positional argument (run, eval)
--     run = function(opts, args) ... return exit_code end,
--   }
-- Exit codes: 0 ok, 1 the job failed, 2 usage error.

local core = require "policytk.core"
local fs = require "policytk.fs"

require("policytk.moved").install()   -- staff scripts may still require the old module names

local M = {}

M.OK, M.FAIL, M.USAGE = 0, 1, 2

local Failure = { __name = "policytk.failure" }
Failure.__tostring = function(e) return e.error and (e.error .. ": " .. e.message) or e.message end

--- A message "name_of_error: text" (a machine code with an underscore first) → the code and
--- the text for staff; any other message → nil and the message.
function M.split_code(message)
  local code, text = message:match("^([a-z]+_[a-z_]+): (.*)$")
  if code then return code, text end
  return nil, message
end

local function failure(exit, fmt, ...)
  local code, text = M.split_code(string.format(fmt, ...))
  error(setmetatable({ message = text, error = code, code = exit }, Failure), 0)
end

--- Raise a job failure (exit 1) as M.fail does, carrying `details` (any value) for a caller
--- that shows the problems one by one (the web form puts each beside its field).
function M.fail_with(details, fmt, ...)
  local code, text = M.split_code(string.format(fmt, ...))
  error(setmetatable({ message = text, error = code, code = M.FAIL, details = details }, Failure), 0)
end

--- Raise a usage error (exit 2) with a message for the user. A message may start with a
--- machine code ("bad_period: 报告期 …"): it is shown only with --format json (see M.run).
function M.usage_error(fmt, ...)
  failure(M.USAGE, fmt, ...)
end

--- Raise a job failure (exit 1) with a message for the user (no traceback); a leading machine
--- code as in usage_error.
function M.fail(fmt, ...)
  failure(M.FAIL, fmt, ...)
end

--- fn(...)'s results; a library's refusal (an error value that is not already a failure,
--- e.g. a plain Chinese string) becomes a job failure for the user, a failure passes through.
function M.attempt(fn, ...)
  local r = table.pack(pcall(fn, ...))
  if r[1] then return table.unpack(r, 2, r.n) end
  if M.is_failure(r[2]) then error(r[2], 0) end
  M.fail("%s", tostring(r[2]))
end

--- The stream a verb writes its output to: the file at `path` opened for writing ("wb"), or
--- io.stdout when path is nil. A file that cannot be opened is a failure naming it
--- ("无法写入 PATH: reason"). Give the stream back with cli.close_output.
function M.output(path)
  if path == nil then return io.stdout end
  local out, err = io.open(path, "wb")
  if not out then M.fail("无法写入 %s: %s", path, tostring(err)) end
  return out
end

--- Close a stream from cli.output (io.stdout is left open).
function M.close_output(out)
  if out ~= io.stdout then out:close() end
end

function M.is_failure(e)
  return getmetatable(e) == Failure
end

--- Names of every verb: the files in scripts/cli.
function M.verbs()
  local names = {}
  for _, f in ipairs(fs.list(core.root .. "/scripts/cli") or {}) do
    local n = f:match("^([a-z][a-z0-9%-]*)%.lua$")
    if n then names[#names + 1] = n end
  end
  return names
end

--- Load a verb's table by name, or nil.
function M.load_verb(name)
  if not core.valid_verb(name) then return nil end
  local path = core.root .. "/scripts/cli/" .. name .. ".lua"
  local chunk = loadfile(path, "t")
  if not chunk then return nil end
  return chunk()
end

-- A verb's table states its summary on a line of its own, `  summary = "…",` (the first
-- such line of the file), also where another module builds the table (docs, targets, … pass
-- it to policytk.data.exports.verb).
local SUMMARY_LINE = '^  summary = "([^"\\]*)",?%s*$'

local function verb_path(name)
  return core.root .. "/scripts/cli/" .. name .. ".lua"
end

-- The summary on the verb file's summary line, or nil (no such line, or no such file).
local function summary_line(name)
  local f = io.open(verb_path(name), "rb")
  if not f then return nil end
  for line in f:lines() do
    local s = line:match(SUMMARY_LINE)
    if s then f:close() return s end
  end
  f:close()
  return nil
end

--- A verb's one-line summary, without running its file when it has a summary line; a verb
--- without one is loaded for it. nil for an unknown verb.
function M.summary(name)
  if not core.valid_verb(name) then return nil end
  local s = summary_line(name)
  if s then return s end
  local verb = M.load_verb(name)
  return verb and verb.summary
end

--- Every verb's summary for `policytk help`, { { name, summary } … } in M.verbs() order, with
--- no verb run: read from each file's `  summary = "…",` line (a verb file without one is
--- loaded for it). The verb's table stays the one place a summary is written
--- (tests/lua/host/test_help.lua checks that what help shows is each loaded table's summary).
function M.summaries()
  local list = {}
  for _, name in ipairs(M.verbs()) do list[#list + 1] = { name, M.summary(name) or "" } end
  return list
end

local function option_names(verb)
  local names = { "--help" }
  for _, o in ipairs(verb.options or {}) do
    for _, n in ipairs(o) do names[#names + 1] = n end
  end
  return names
end

local function find_option(verb, name)
  for _, o in ipairs(verb.options or {}) do
    for _, n in ipairs(o) do if n == name then return o end end
  end
end

local function key_of(o)
  return (o[1]:gsub("^%-+", ""):gsub("%-", "_"))
end

--- Parse argv (array of strings) for a verb: returns opts (keyed by long name without
--- dashes, '-' → '_') and positional args. Raises usage errors.
function M.parse(verb, argv)
  local opts, args = {}, {}
  for _, o in ipairs(verb.options or {}) do
    if o.default ~= nil then opts[key_of(o)] = o.default end
    if o.many then opts[key_of(o)] = {} end
  end
  local i = 1
  while i <= #argv do
    local a = argv[i]
    if a == "--" then
      for j = i + 1, #argv do args[#args + 1] = argv[j] end
      break
    elseif a:sub(1, 1) == "-" and #a > 1 and not a:match("^%-%d") then
      local name, inline = a:match("^(%-%-[^=]+)=(.*)$")
      name = name or a
      if name == "--help" or name == "-h" then
        opts.help = true
      else
        local o = find_option(verb, name)
        if not o then
          local near = require("policytk.plugins.schema").nearest(name, option_names(verb))
          M.usage_error("未知选项 %s%s", name, near and ("（是否要用 " .. near .. "？）") or "")
        end
        local value = true
        if o.arg then
          if inline then value = inline
          else
            i = i + 1
            value = argv[i]
            if value == nil then M.usage_error("选项 %s 需要一个值（%s）", name, o.arg) end
          end
          if o.values then
            local ok = false
            for _, v in ipairs(o.values) do if v == value then ok = true end end
            if not ok then
              M.usage_error("选项 %s 应为 %s 之一；实为 %q", name, table.concat(o.values, ", "), value)
            end
          end
          if o.integer then
            local n = math.tointeger(tonumber(value))
            if not n then M.usage_error("选项 %s 应为整数；实为 %q", name, value) end
            value = n
          end
        elseif inline then
          M.usage_error("选项 %s 不带值", name)
        end
        if o.many then table.insert(opts[key_of(o)], value) else opts[key_of(o)] = value end
      end
    else
      args[#args + 1] = a
      if verb.stop_at_args then
        for j = i + 1, #argv do args[#args + 1] = argv[j] end
        break
      end
    end
    i = i + 1
  end
  return opts, args
end

--- The --help text of a verb.
function M.help_text(name, verb)
  local out = { "用法：" .. (verb.usage or ("policytk " .. name)), "" }
  out[#out + 1] = verb.description or verb.summary or ""
  local opts = verb.options or {}
  if #opts > 0 then
    out[#out + 1] = ""
    out[#out + 1] = "选项："
    for _, o in ipairs(opts) do
      local flag = table.concat(o, ", ") .. (o.arg and (" " .. o.arg) or "")
      local help = o.help or ""
      if o.default ~= nil and o.default ~= false then help = help .. "（默认：" .. tostring(o.default) .. "）" end
      out[#out + 1] = string.format("  %-26s %s", flag, help)
    end
  end
  out[#out + 1] = string.format("  %-26s %s", "--help, -h", "显示此帮助")
  return table.concat(out, "\n") .. "\n"
end

-- A failure on stderr: with --format json "policytk VERB: code: text" (the code for programs),
-- else "policytk VERB: text" (staff read the Chinese text only).
local function report_error(name, e, format)
  if M.is_failure(e) then
    local code = format == "json" and e.error and (e.error .. ": ") or ""
    io.stderr:write("policytk ", name, ": ", code, e.message, "\n")
    if e.code == M.USAGE then io.stderr:write("用法见 'policytk ", name, " --help'。\n") end
    return e.code
  end
  io.stderr:write("policytk ", name, ": ", tostring(e), "\n")
  return M.FAIL
end

--- Run verb `name` (its table) with argv; returns the exit code. Called by the C main.
function M.run(name, verb, argv)
  if type(verb) ~= "table" or type(verb.run) ~= "function" then
    io.stderr:write("policytk: scripts/cli/", name, ".lua 没有返回带 run() 的动词表\n")
    return M.FAIL
  end
  local format
  local ok, code = xpcall(function()
    local opts, args = M.parse(verb, argv)
    format = opts.format
    if opts.help then
      io.stdout:write(M.help_text(name, verb))
      return M.OK
    end
    return verb.run(opts, args)
  end, function(e)
    if M.is_failure(e) then return e end
    return debug.traceback(tostring(e), 2)
  end)
  if not ok then return report_error(name, code, format) end
  io.stdout:flush()
  return math.tointeger(code) or M.OK
end

--- Called by the C main for a verb that does not exist.
function M.unknown(name)
  local near = require("policytk.plugins.schema").nearest(name, M.verbs())
  io.stderr:write(string.format("policytk: 未知动词 '%s'%s\n运行 'policytk help' 列出全部动词。\n",
    name, near and ("；是否要用 '" .. near .. "'？") or ""))
  return M.USAGE
end

return M
