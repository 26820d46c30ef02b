-- policytk repl keeps Chinese characters: through a pipe and through a pseudo-terminal
-- (script(1) from util-linux), in a UTF-8 locale and in the C locale. libedit drops every byte
-- above 127 unless LC_CTYPE is set (issue 18.16): `#"温州"` was 0 and "1.2万" read as 1.2.

local testing = require "policytk.testing"

local q = testing.shell_quote
local INPUT = 'return #"温州"\nreturn require("policytk.extract.quantity").number("1.2万")\n'

-- Run the repl under script(1): its stdin and stdout a terminal. Returns the transcript.
local function through_pty(env)
  local exe = os.getenv("POLICYTK_EXE") or "policytk"
  local input = testing.tmp_path()
  testing.write_file(input, INPUT)
  local cmd = string.format("%s script -qec %s /dev/null <%s 2>&1", env, q(q(exe) .. " repl"), q(input))
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  p:close()
  os.remove(input)
  return out
end

local function has_script()
  local ok = os.execute("command -v script >/dev/null 2>&1")
  return ok
end

for _, locale in ipairs({ "C.UTF-8", "C" }) do
  test("repl through a pipe keeps Chinese characters (LC_ALL=" .. locale .. ")", function(t)
    local c, out, err = testing.policytk({ "repl" }, { env = { LC_ALL = locale }, stdin = INPUT })
    t.eq(c, 0, err)
    t.eq(out, "6\n12000\n")
  end)

  test("repl through a pseudo-terminal keeps Chinese characters (LC_ALL=" .. locale .. ")", function(t)
    if not has_script() then t.fail("script(1) (util-linux) is needed for this test") end
    local out = through_pty("LC_ALL=" .. locale)
    t.match(out, "\n6\r?\n")
    t.match(out, "\n12000\r?\n")
  end)
end
