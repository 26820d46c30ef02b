-- policytk.testing: the small test runner used by `policytk test` (the project's own
-- tests), `policytk check` (plugin tests) and staff who test their scripts.
--
--   test("name", function(t) t.eq(1 + 1, 2) end)
--
-- Assertions: t.eq (deep), t.ok, t.near, t.raises, t.match. t.seeds(file) reads a source
-- text from the shared seeds folder. When it is absent the case is skipped (a fresh clone has
-- no ../shared/seeds), and under CI=true it fails. The run ends with the line
-- "N passed, N failed" (", N skipped" following when some were), after one line saying how to
-- run the skipped ones (Runner:skip_note).

local M = {}

local Runner = {}
Runner.__index = Runner

--- A new runner. opts.out: a function(line) for output (default io.stdout).
function M.new(opts)
  opts = opts or {}
  return setmetatable({
    cases = {}, passed = 0, failed = 0, skipped = 0, absent = {},
    out = opts.out or function(line) io.stdout:write(line, "\n") end,
    verbose = opts.verbose,
  }, Runner)
end

--- Register a case. `where` is "file:line" for failure messages.
function Runner:add(name, fn, where, extra)
  self.cases[#self.cases + 1] = { name = name, fn = fn, where = where, extra = extra }
end

-- Failures are tables so that the runner can tell them from errors in the test itself.
local Fail = { __name = "policytk.test.failure" }
Fail.__tostring = function(f) return f.msg end

-- A case skipped because a source text is absent: also a table, carrying the path.
local Skip = { __name = "policytk.test.skip" }
Skip.__tostring = function(s) return s.msg end

--- Skip the running case: the source text at path is absent.
function M.skip(path)
  error(setmetatable({ msg = "source text absent: " .. path, path = path }, Skip), 0)
end

--- Whether an error value is a skip.
function M.is_skip(e) return getmetatable(e) == Skip end

--- Whether a missing source text fails (CI=true) rather than skips.
function M.strict() return os.getenv("CI") == "true" end

local function caller_line(level)
  local info = debug.getinfo(level + 1, "Sl")
  if not info then return "?" end
  return (info.source:match("^@(.*)") or info.short_src) .. ":" .. (info.currentline or 0)
end

local function fail(msg, level)
  error(setmetatable({ msg = msg, where = caller_line((level or 1) + 2) }, Fail), 0)
end

local function show(v, depth)
  depth = depth or 0
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" or depth > 2 then return tostring(v) end
  local parts, n = {}, 0
  for k, x in pairs(v) do
    n = n + 1
    if n > 8 then parts[#parts + 1] = "…"; break end
    parts[#parts + 1] = (type(k) == "string" and k or "[" .. tostring(k) .. "]") .. "=" .. show(x, depth + 1)
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end
M.show = show

-- Deep equality; returns nil or the path where a and b differ.
local function diff(a, b, path)
  if a == b then return nil end
  if type(a) ~= "table" or type(b) ~= "table" then
    if type(a) == "number" and type(b) == "number" and a == b then return nil end
    return path
  end
  for k, v in pairs(a) do
    local d = diff(v, b[k], path .. "." .. tostring(k))
    if d then return d end
  end
  for k in pairs(b) do
    if a[k] == nil then return path .. "." .. tostring(k) end
  end
  return nil
end

local function get_path(v, path)
  for k in path:gmatch("[^.]+") do
    if type(v) ~= "table" then return v end
    v = v[k] ~= nil and v[k] or v[tonumber(k)]
  end
  return v
end

--- The assertion object handed to each case.
function M.assertions(extra)
  local t = {}
  function t.eq(actual, expected, msg)
    local d = diff(actual, expected, "")
    if d then
      local where = d == "" and "" or (" at " .. d:sub(2))
      fail(string.format("%sexpected %s%s, got %s", msg and (msg .. ": ") or "",
        show(d == "" and expected or get_path(expected, d:sub(2))), where,
        show(d == "" and actual or get_path(actual, d:sub(2)))))
    end
  end
  function t.ok(v, msg)
    if not v then fail(msg or ("expected a true value, got " .. show(v))) end
    return v
  end
  function t.near(actual, expected, eps, msg)
    eps = eps or 1e-9
    if type(actual) ~= "number" or math.abs(actual - expected) > eps then
      fail(string.format("%sexpected %s ± %s, got %s", msg and (msg .. ": ") or "", tostring(expected),
        tostring(eps), show(actual)))
    end
  end
  function t.match(s, pattern, msg)
    if type(s) ~= "string" or not s:find(pattern) then
      fail(string.format("%sexpected a string matching %q, got %s", msg and (msg .. ": ") or "", pattern, show(s)))
    end
  end
  function t.raises(fn, pattern, msg)
    local ok, err = pcall(fn)
    if ok then fail((msg and (msg .. ": ") or "") .. "expected an error, none was raised") end
    if pattern and not tostring(err):find(pattern) then
      fail(string.format("%sexpected an error matching %q, got %s", msg and (msg .. ": ") or "", pattern,
        show(tostring(err))))
    end
    return err
  end
  function t.fail(msg) fail(msg) end
  function t.seeds(file) return M.seed_text(file) end
  for k, v in pairs(extra or {}) do t[k] = v end
  return t
end

--- A fresh path in the temporary folder, with no file at it yet.
function M.tmp_path()
  local p = os.tmpname()
  os.remove(p)
  return p
end

--- Write text to path (binary), raising when it cannot.
function M.write_file(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

--- Folder of the shared source texts: $POLICYTK_SEEDS, else ROOT/../shared/seeds.
function M.seeds_dir()
  local env = os.getenv("POLICYTK_SEEDS")
  if env and env ~= "" then return env end
  return require("policytk.core").root .. "/../shared/seeds"
end

--- The bytes of a seed text. When it is absent the running case is skipped (M.skip), or under
--- CI=true fails with a plain message naming it. M.absent is the last absent path (for callers
--- whose errors pass through a sandbox that turns them into strings).
function M.seed_text(file)
  local path = M.seeds_dir() .. "/" .. file
  local f = io.open(path, "rb")
  if not f then
    if M.strict() then
      error(string.format("source text %s is absent: the shared seeds folder is needed for this test"
        .. " (CI=true: this is a failure)", path), 0)
    end
    M.absent = path
    M.skip(path)
  end
  local s = f:read("a")
  f:close()
  return s
end

-- Where a failure is shown: the line of t.fail/t.eq, unless that is inside policytk's own
-- scripts (a case policytk check builds, failing through t.fail) — then the case's place (the
-- plugin's file), so that no internal path reaches the person reading it.
local function shown_where(err, c)
  local where = err.where or c.where or "?"
  local root = require("policytk.core").root .. "/scripts/"
  if where:sub(1, #root) == root then return c.where or "?" end
  return where
end

--- Run every case registered since the last run; returns passed, failed (all runs).
function Runner:run()
  local first = (self.ran or 0) + 1
  self.ran = #self.cases
  for i = first, #self.cases do
    local c = self.cases[i]
    local t = M.assertions(c.extra)
    local ok, err = xpcall(c.fn, function(e)
      if getmetatable(e) == Fail or getmetatable(e) == Skip then return e end
      return { msg = debug.traceback(tostring(e), 2), where = c.where }
    end, t)
    if ok then
      self.passed = self.passed + 1
      if self.verbose then self.out("ok     " .. c.name) end
    elseif getmetatable(err) == Skip then
      self.skipped = self.skipped + 1
      self.absent[err.path] = true
      if self.verbose then self.out("skip   " .. c.name .. ": " .. err.msg) end
    else
      self.failed = self.failed + 1
      self.out(string.format("FAIL   %s\n       %s: %s", c.name, shown_where(err, c), err.msg))
    end
  end
  return self.passed, self.failed
end

--- The closing line every runner prints.
function Runner:summary()
  local line = string.format("%d passed, %d failed", self.passed, self.failed)
  if self.skipped > 0 then line = line .. string.format(", %d skipped", self.skipped) end
  return line
end

--- The line before the summary when cases were skipped: how many, and how to run them. nil
--- when none was.
function Runner:skip_note()
  if self.skipped == 0 then return nil end
  local n = 0
  for _ in pairs(self.absent) do n = n + 1 end
  return string.format("跳过 %d 个测试：缺少 %d 个源文本（%s）；要运行它们：POLICYTK_SEEDS=源文本所在文件夹 make test",
    self.skipped, n, M.seeds_dir())
end

--- Print the skip note (when any) and the closing line through runner.out.
function Runner:finish()
  local note = self:skip_note()
  if note then self.out(note) end
  self.out(self:summary())
end

-- Helpers for tests of the command line ------------------------------------------------

local function shell_quote(s)
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end
M.shell_quote = shell_quote

local function read_all(path)
  local f = io.open(path, "rb")
  if not f then return "" end
  local s = f:read("a")
  f:close()
  return s
end

--- Run the policytk binary (the one running now) with args (a list).
--- opts: env = { NAME = value }, cwd = folder, stdin = text. Returns code, stdout, stderr.
function M.policytk(args, opts)
  opts = opts or {}
  local exe = os.getenv("POLICYTK_EXE") or "policytk"
  local parts = {}
  for k, v in pairs(opts.env or {}) do parts[#parts + 1] = k .. "=" .. shell_quote(v) end
  parts[#parts + 1] = shell_quote(exe)
  for _, a in ipairs(args) do parts[#parts + 1] = shell_quote(a) end
  local out, err = os.tmpname(), os.tmpname()
  local cmd = table.concat(parts, " ") .. " >" .. out .. " 2>" .. err
  if opts.stdin then
    local inp = os.tmpname()
    local f = assert(io.open(inp, "wb"))
    f:write(opts.stdin)
    f:close()
    cmd = cmd .. " <" .. inp
  else
    cmd = cmd .. " </dev/null"
  end
  if opts.cwd then cmd = "cd " .. shell_quote(opts.cwd) .. " && env " .. cmd end
  local _, _, code = os.execute(cmd)
  local so, se = read_all(out), read_all(err)
  os.remove(out)
  os.remove(err)
  return code, so, se
end

return M
