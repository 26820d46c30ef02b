-- policytk serve's command line (issue 19, part 1): a non-loopback --listen without TLS is
-- refused with a named error, a missing or unmigrated database says what to run first, and
-- with --cert/--key (a self-signed certificate made here by openssl) it serves HTTPS.

local core = require "policytk.core"
local db = require "policytk.db"
local testing = require "policytk.testing"
local fixture = dofile(core.root .. "/tests/fixtures/serve/fixture.lua")
local q = testing.shell_quote

test("--listen on a non-loopback address without TLS is refused (exit 2, named)", function(t)
  local path = testing.tmp_path()
  for _, addr in ipairs({ "0.0.0.0:0", "192.168.1.10:8080", "[::]:0" }) do
    local code, out, err = testing.policytk({ "serve", "--db", path, "--listen", addr })
    t.eq(code, 2, addr .. ": " .. out .. err)
    t.match(err, "insecure_listen")
    t.match(err, "%-%-cert")
    t.eq(out, "", "nothing printed: it did not start")
  end
  local code, _, err = testing.policytk({ "serve", "--db", path, "--listen", "localhost" })
  t.eq(code, 2)
  t.match(err, "无效")
  code, _, err = testing.policytk({ "serve", "--db", path, "--listen", "127.0.0.1:0", "--cert", "x.pem" })
  t.eq(code, 2)
  t.match(err, "%-%-cert 和 %-%-key 须同时给出")
end)

test("a missing database, or one not loaded, says what to run first", function(t)
  local path = testing.tmp_path()
  local code, _, err = testing.policytk({ "serve", "--db", path, "--listen", "127.0.0.1:0" })
  t.eq(code, 1)
  t.match(err, "不存在：请先运行 policytk load")
  t.ok(not io.open(path, "rb"), "no database left behind")
  local conn = db.open(path)
  conn:close()
  code, _, err = testing.policytk({ "serve", "--db", path, "--listen", "127.0.0.1:0" })
  t.eq(code, 1)
  t.match(err, "请先运行 policytk init")
  os.remove(path)
end)

test("with --cert and --key it serves HTTPS (a self-signed certificate from openssl)", function(t)
  local _, dir = fixture.database()
  if not os.execute("command -v openssl >/dev/null 2>&1") then t.fail("openssl is not installed (make deps)") end
  local cert, key = dir .. "/cert.pem", dir .. "/key.pem"
  t.ok(os.execute(string.format("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
    .. "-addext subjectAltName=IP:127.0.0.1 -keyout %s -out %s >/dev/null 2>&1", q(key), q(cert))), "openssl req")
  local srv = fixture.start{ db = dir .. "/policytk.db", dir = dir,
                             args = { "--listen", "127.0.0.1:0", "--cert", cert, "--key", key } }
  t.match(srv.url, "^https://127%.0%.0%.1:%d+/$")
  local r = srv:curl("/healthz", { "--cacert", cert })
  t.eq(r.status, 200)
  t.match(r.body, '"ok":true')
  local plain = srv:curl((srv.url:gsub("^https", "http")) .. "healthz")
  t.ok(plain.status ~= 200, "plain HTTP on the TLS port is not served")
  t.eq(srv:stop("TERM"), 0, srv:log())
end)
