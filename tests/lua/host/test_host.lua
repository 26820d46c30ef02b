-- The Lua host: Debian's Lua 5.4 C modules load from package.cpath, scripts/ is on
-- package.path, policytk.log levels go to stderr, and an unexpected error prints a traceback
-- with file:line.

local testing = require "policytk.testing"

test("Debian's lua-cjson and lua-lpeg load; policytk.json is cjson configured", function(t)
  t.eq(type(require("lpeg").P), "function")
  t.eq(require("cjson").encode({ 1, 2 }), "[1,2]")
  local json = require "policytk.json"
  t.eq(json.encode({ b = 1, a = { 1, 2 }, c = json.array() }), '{"a":[1,2],"b":1,"c":[]}')
  t.eq(json.encode(1100000000000), "1100000000000")
end)

test("policytk.log: levels and named loggers", function(t)
  local log = require "policytk.log"
  local lines = {}
  local old = log.set_sink(function(l) lines[#lines + 1] = l end)
  log.set_level("warn")
  log.info("hidden")
  log.warn("%d rows skipped", 3)
  log.named("plugin wenzhou").error("bad")
  log.set_level("info")
  log.set_sink(old)
  t.eq(lines, { "policytk: warning: 3 rows skipped", "policytk: plugin wenzhou: error: bad" })
  t.raises(function() log.set_level("loud") end, "unknown level")
end)

test("an unexpected error in a verb prints a traceback with file:line", function(t)
  local tmp = os.tmpname()
  local f = assert(io.open(tmp, "w"))
  f:write("local function inner() local x = nil; return x.field end\ninner()\n")
  f:close()
  local code, _, err = testing.policytk({ "run", tmp })
  t.eq(code, 1)
  t.match(err, ":1: attempt to index a nil value")
  t.match(err, "stack traceback:")
  t.match(err, ":2: in ")
  os.remove(tmp)
end)

test("every loadable module opens from the libdir on first require", function(t)
  local core = require "policytk.core"
  t.ok(core.libdir, "policytk.core.libdir is set")
  for _, name in ipairs({ "db", "readline", "text", "http", "html", "xlsx", "httpd" }) do
    local ok, m = pcall(require, "policytk." .. name)
    t.ok(ok, name .. ": " .. tostring(m))
    t.eq(type(m), "table", name)
  end
end)
