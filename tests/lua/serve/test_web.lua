-- The pages and writes of policytk serve over HTTP (issue 19 items 2–4 and its list of bad
-- input): signing in (wrong password, the cookie's attributes), pages behind a session, the
-- 报送 form (a value import refuses: its message beside the field, 422, nothing saved; a good
-- one saved with who and from where in the audit trail), CSRF missing or wrong, HTML and SQL in
-- a field shown escaped, every role against every write route (a table), another unit's
-- workbook (403, logged), uploads that are not XLSX or too large, a session after `user
-- disable`, and the API's JSON equal to the verbs'.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"
local fixture = dofile(core.root .. "/tests/fixtures/serve/fixture.lua")
local q = testing.shell_quote

local ENV = { POLICYTK_TODAY = "2025-07-03" }
local DIR = testing.tmp_path()
assert(os.execute("mkdir -p " .. q(DIR)))
local DB = DIR .. "/policytk.db"
local function pt(args, stdin)
  return testing.policytk(args, { env = ENV, cwd = core.root, stdin = stdin })
end
assert(pt({ "demo", "--db", DB }) == 0)
assert(pt({ "round", "open", "wenzhou", "--period", "2025-06", "-o", DIR .. "/round", "--db", DB }) == 0)
local PASSWORD = "correct-horse-42"
local USERS = {
  { "jx", "市经信局", "unit" }, { "cz", "市财政局", "unit" }, { "off", "市经信局", "office" },
  { "ld", "市经信局", "leader" }, { "adm", "市经信局", "admin" }, { "gone", "市经信局", "unit" },
  { "hz", "市经信局", "unit", "hangzhou" },
}
for _, u in ipairs(USERS) do
  local code, out, err = pt({ "user", "add", u[1], "--unit", u[2], "--role", u[3], "--city", u[4] or "wenzhou",
    "--password-stdin", "--db", DB }, PASSWORD .. "\n")
  assert(code == 0, out .. err)
end

local srv = fixture.start{ db = DB, dir = DIR, args = { "--listen", "127.0.0.1:0", "--workers", "2",
  "--max-body", "300000" } }

local function sql(query)
  local p = io.popen("sqlite3 -json " .. q(DB) .. " " .. q(query))
  local out = p:read("a")
  p:close()
  return out == "" and {} or json.decode(out)
end
local function count(query) return sql(query)[1].n end

-- Sign in as name (password given or PASSWORD); returns the cookie jar and the answer.
local function login(name, password)
  local jar = DIR .. "/jar-" .. name
  os.remove(jar)
  srv:curl("/login", { "-c", jar, "-b", jar })
  local pre = (fixture.read(jar) or ""):match("policytk_pre%s+(%S+)")
  local r = srv:curl("/login", { "-c", jar, "-b", jar, "--data-urlencode", "csrf=" .. (pre or ""),
    "--data-urlencode", "name=" .. name, "--data-urlencode", "password=" .. (password or PASSWORD) })
  return jar, r
end

local JAR = {}
local function as(name)
  if not JAR[name] then JAR[name] = login(name) end
  return JAR[name]
end

-- The 报送 page of user name: the answer, its csrf and round.
local function submit_page(name)
  local r = srv:get("/city/wenzhou/submit", { "-b", as(name) })
  return r, r.body:match('name="csrf" value="([^"]+)"'), r.body:match('name="round" value="(%d+)"')
end

local function post(name, path, fields, extra)
  local args = { "-b", as(name) }
  for k, v in pairs(fields) do args[#args + 1] = "--data-urlencode"; args[#args + 1] = k .. "=" .. v end
  for _, a in ipairs(extra or {}) do args[#args + 1] = a end
  return srv:curl(path, args)
end

test("sign in: a wrong password is refused in Chinese; a good one sets an HttpOnly, SameSite cookie", function(t)
  local _, r = login("jx", "wrong")
  t.eq(r.status, 403)
  t.match(r.body, "用户名或密码不正确")
  local jar
  jar, r = login("jx")
  t.eq(r.status, 303)
  t.match(r.headers["location"], "/city/wenzhou/$")
  t.match(r.headers["set-cookie"], "HttpOnly")
  t.match(r.headers["set-cookie"], "SameSite=Strict")
  JAR.jx = jar
end)

test("pages need a session: without one a GET goes to /login and a POST is 401", function(t)
  local r = srv:get("/city/wenzhou/")
  t.eq(r.status, 303)
  t.match(r.headers["location"], "^/login%?next=/city/wenzhou/")
  r = srv:curl("/city/wenzhou/submit", { "--data", "x=1" })
  t.eq(r.status, 401)
end)

test("a value import refuses: the import's message beside the field, 422, nothing saved", function(t)
  local before = count("SELECT count(*) AS n FROM batches")
  local page, csrf, round = submit_page("jx")
  t.eq(page.status, 200)
  t.ok(csrf and round, "the form carries csrf and round")
  local r = post("jx", "/city/wenzhou/submit", { csrf = csrf, round = round, ["value.1"] = "abc" })
  t.eq(r.status, 422)
  local beside = r.body:match('id="err%-value%.1" role="alert">([^<]*)<')
  t.ok(beside and beside:find("abc", 1, true), "message beside value.1: " .. tostring(beside))
  t.match(r.body, 'value="abc"', "the value sent is shown again")
  -- the same message as `policytk record` gives for the same figure
  local _, _, err = pt({ "record", "--db", DB, "--city", "wenzhou", "new_smes", "abc", "--period", "2025-06" })
  t.ok(err:find(beside:gsub("&quot;", '"'), 1, true), "record says: " .. err)
  t.eq(count("SELECT count(*) AS n FROM batches"), before, "nothing saved")
end)

test("HTML and SQL in a field are shown escaped, never run", function(t)
  local _, csrf, round = submit_page("jx")
  local evil = "<script>alert(1)</script>' OR 1=1 --"
  local r = post("jx", "/city/wenzhou/submit", { csrf = csrf, round = round, ["value.1"] = evil })
  t.eq(r.status, 422)
  t.ok(not r.body:find("<script>alert(1)", 1, true), "no raw script in the page")
  t.match(r.body, "&lt;script&gt;alert%(1%)&lt;/script&gt;&#39; OR 1=1 %-%-")
end)

test("a good form is saved: 303, the figure with who entered it, the audit trail with the address", function(t)
  local _, csrf, round = submit_page("jx")
  local note = "<b>备注</b>'; DROP TABLE observations; --"
  local r = post("jx", "/city/wenzhou/submit", { csrf = csrf, round = round, ["value.1"] = "4321",
    ["note.1"] = note })
  t.eq(r.status, 303, r.body)
  t.eq(r.headers["location"], "/city/wenzhou/submit?saved=1")
  local b = sql("SELECT id, by_user FROM batches ORDER BY id DESC LIMIT 1")[1]
  t.eq(b.by_user, "jx")
  t.eq(sql("SELECT note FROM observations WHERE batch = " .. b.id)[1].note, note, "stored verbatim")
  local a = sql("SELECT user, address, action FROM audit WHERE action = 'write_figure' ORDER BY id DESC LIMIT 1")[1]
  t.eq(a, { user = "jx", address = "127.0.0.1", action = "write_figure" })
  local detail = json.decode(sql("SELECT detail FROM audit WHERE action = 'write_figure' ORDER BY id DESC LIMIT 1")[1].detail)
  t.eq(detail.after.fields["value.1"], "4321", "what was sent")
  t.ok(detail.before["value.1"] ~= nil, "what it replaced")
  t.match(srv:get("/city/wenzhou/submit?saved=1", { "-b", as("jx") }).body, 'id="notice">已保存')
end)

test("CSRF: a missing or wrong token is 403 and saves nothing", function(t)
  local _, _, round = submit_page("jx")
  local before = count("SELECT count(*) AS n FROM batches")
  t.eq(post("jx", "/city/wenzhou/submit", { round = round, ["value.1"] = "5" }).status, 403)
  t.eq(post("jx", "/city/wenzhou/submit", { csrf = "wrong", round = round, ["value.1"] = "5" }).status, 403)
  t.eq(count("SELECT count(*) AS n FROM batches"), before)
  t.match(srv:log(), "CSRF token missing")
end)

-- Every role against every write route: the status each gets (a unit's save of its own form
-- 303; the office opens rounds; nobody else writes).
test("rights: every role against every write route", function(t)
  local WANT = {
    --            submit  open   upload(not xlsx: 415 means it got past the rights check)
    jx =  { submit = 303, open = 403, upload = 415 },
    cz =  { submit = 303, open = 403, upload = 415 },
    off = { submit = 403, open = 303, upload = 403 },
    ld =  { submit = 403, open = 403, upload = 403 },
    adm = { submit = 403, open = 403, upload = 403 },
  }
  for _, name in ipairs({ "jx", "cz", "off", "ld", "adm" }) do
    local page, csrf, round = submit_page(name)
    csrf = csrf or page.body:match('name="csrf" value="([^"]+)"') or "none"   -- admin reads no page
    local got = {}
    got.submit = post(name, "/city/wenzhou/submit", { csrf = csrf, round = round or "1", ["value.1"] = "77" }).status
    got.open = post(name, "/city/wenzhou/round/open", { csrf = csrf, period = "2025-05" }).status
    local junk = DIR .. "/junk.txt"
    testing.write_file(junk, "not a workbook")
    got.upload = srv:curl("/city/wenzhou/submit/upload", { "-b", as(name), "-F", "csrf=" .. csrf,
      "-F", "file=@" .. junk .. ";filename=报送.xlsx" }).status
    t.eq(got, WANT[name], name)
  end
  t.match(srv:log(), "拒绝 ld")
end)

test("another unit's workbook is 403 and logged; a file over the limit is 413", function(t)
  local _, csrf = submit_page("cz")
  local theirs = DIR .. "/round/市经信局-2025年6月.xlsx"
  local r = srv:curl("/city/wenzhou/submit/upload", { "-b", as("cz"), "-F", "csrf=" .. csrf, "-F", "file=@" .. theirs })
  t.eq(r.status, 403)
  t.match(srv:log(), "拒绝 cz")
  local big = DIR .. "/big.xlsx"
  testing.write_file(big, "PK\3\4" .. string.rep("x", 400000))
  r = srv:curl("/city/wenzhou/submit/upload", { "-b", as("cz"), "-F", "csrf=" .. csrf, "-F", "file=@" .. big })
  t.eq(r.status, 413)
end)

test("a unit uploads its own filled workbook: imported, the unit marked returned", function(t)
  local mine = DIR .. "/round/市财政局-2025年6月.xlsx"
  local filled = DIR .. "/cz-filled.xlsx"
  local py = DIR .. "/fill.py"
  testing.write_file(py, "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb['指标']\n"
    .. "ws.cell(4, 4).value = 88\nwb.save(sys.argv[2])\n")
  assert(os.execute("/usr/bin/python3 " .. q(py) .. " " .. q(mine) .. " " .. q(filled)))
  local _, csrf = submit_page("cz")
  local r = srv:curl("/city/wenzhou/submit/upload", { "-b", as("cz"), "-F", "csrf=" .. csrf, "-F", "file=@" .. filled })
  t.eq(r.status, 303, r.body)
  t.ok(sql("SELECT returned_at FROM round_units WHERE unit = '市财政局'")[1].returned_at, "returned")
  t.eq(sql("SELECT action FROM audit ORDER BY id DESC LIMIT 1")[1].action, "upload_return")
end)

test("an XLSX that is not a round workbook is refused by name (422), nothing saved", function(t)
  local plain = DIR .. "/plain.xlsx"
  local py = DIR .. "/plain.py"
  testing.write_file(py, "import openpyxl, sys\nwb = openpyxl.Workbook()\nwb.active['A1'] = '指标'\nwb.save(sys.argv[1])\n")
  assert(os.execute("/usr/bin/python3 " .. q(py) .. " " .. q(plain)))
  local before = count("SELECT count(*) AS n FROM batches")
  local _, csrf = submit_page("cz")
  local r = srv:curl("/city/wenzhou/submit/upload", { "-b", as("cz"), "-F", "csrf=" .. csrf, "-F", "file=@" .. plain })
  t.eq(r.status, 422, r.body:sub(1, 300))
  t.match(r.body, "plain%.xlsx")
  t.eq(count("SELECT count(*) AS n FROM batches"), before)
end)

-- Fill the workbook `from` (openpyxl): its first 数值 with value, and extra rows (indicator,
-- region, value) appended to 指标; saved to `to`.
local function fill(from, to, value, extra)
  local py = DIR .. "/fill2.py"
  local rows = {}
  for _, e in ipairs(extra or {}) do rows[#rows + 1] = string.format("ws.append([%q, %q, '2025年6月', %s])", e[1], e[2], e[3]) end
  testing.write_file(py, "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb['指标']\n"
    .. "ws.cell(4, 4).value = " .. value .. "\n" .. table.concat(rows, "\n") .. "\nwb.save(sys.argv[2])\n")
  assert(os.execute("/usr/bin/python3 " .. q(py) .. " " .. q(from) .. " " .. q(to)))
end

local function first_row(path)
  local py = DIR .. "/row.py"
  testing.write_file(py, "import openpyxl, sys\nws = openpyxl.load_workbook(sys.argv[1])['指标']\n"
    .. "print(ws.cell(4, 1).value); print(ws.cell(4, 2).value)\n")
  local p = io.popen("/usr/bin/python3 " .. q(py) .. " " .. q(path))
  local ind, region = p:read("l"), p:read("l")
  p:close()
  return ind, region
end

-- The session's CSRF token of a user, from a page of its own city (the 退出 form carries it).
local function csrf_of(name, city)
  return srv:get("/city/" .. city .. "/submit", { "-b", as(name) }).body:match('name="csrf" value="([^"]+)"')
end

test("another city's unit of the same name: neither its form nor its round", function(t)
  local before = count("SELECT count(*) AS n FROM batches")
  local csrf = csrf_of("hz", "hangzhou")
  t.ok(csrf, "hz's token")
  local r = post("hz", "/city/wenzhou/submit", { csrf = csrf, round = "999", ["value.1"] = "5" })
  t.eq(r.status, 403)
  t.ok(not r.body:find('name="value.1"', 1, true), "no form of another city")
  local theirs = DIR .. "/wz-filled.xlsx"
  fill(DIR .. "/round/市经信局-2025年6月.xlsx", theirs, 777)
  r = srv:curl("/city/hangzhou/submit/upload", { "-b", as("hz"), "-F", "csrf=" .. csrf, "-F", "file=@" .. theirs })
  t.eq(r.status, 403, "a Wenzhou workbook uploaded to Hangzhou")
  t.eq(count("SELECT count(*) AS n FROM batches"), before, "nothing saved")
  t.match(srv:log(), "拒绝 hz", "refused by the rights, logged (not by the CSRF check)")
end)

test("an uploaded workbook with a row of another unit's indicator is 403 and saves nothing", function(t)
  local ind, region = first_row(DIR .. "/round/市财政局-2025年6月.xlsx")
  t.ok(ind, "市财政局 has an indicator row")
  local mine = DIR .. "/jx-extra.xlsx"
  fill(DIR .. "/round/市经信局-2025年6月.xlsx", mine, 55, { { ind, region, 999 } })
  local before = count("SELECT count(*) AS n FROM batches")
  local _, csrf = submit_page("jx")
  local r = srv:curl("/city/wenzhou/submit/upload", { "-b", as("jx"), "-F", "csrf=" .. csrf, "-F", "file=@" .. mine })
  t.eq(r.status, 403, r.body:sub(1, 200))
  t.match(r.body, "不负责", "the reason: not the unit's indicator")
  t.eq(count("SELECT count(*) AS n FROM batches"), before, "the whole upload rolled back")
end)

test("opening a round with a period that is no month is refused in Chinese, no internal text", function(t)
  local _, csrf = submit_page("off")
  local r = post("off", "/city/wenzhou/round/open", { csrf = csrf, period = "2025-13" })
  t.eq(r.status, 422)
  t.match(r.body, "月份 01—12")
  t.ok(not r.body:find(".lua", 1, true), "no Lua path")
end)

test("a unit's refused upload says why even when its city has no round", function(t)
  local csrf = csrf_of("hz", "hangzhou")
  local junk = DIR .. "/junk2.txt"
  testing.write_file(junk, "not a workbook")
  local r = srv:curl("/city/hangzhou/submit/upload", { "-b", as("hz"), "-F", "csrf=" .. csrf,
    "-F", "file=@" .. junk .. ";filename=报送.xlsx" })
  t.eq(r.status, 415)
  t.match(r.body, "不是 Excel 报送表")
end)

test("a session after `user disable` is refused", function(t)
  local jar = as("gone")
  t.eq(srv:get("/city/wenzhou/", { "-b", jar }).status, 200)
  assert(pt({ "user", "disable", "gone", "--db", DB }) == 0)
  local r = srv:get("/city/wenzhou/", { "-b", jar })
  t.eq(r.status, 303)
  t.match(r.headers["location"], "^/login")
end)

test("the API answers the verbs' JSON, with the same rights", function(t)
  local r = srv:get("/api/wenzhou/progress?as_of=2025-06-30", { "-b", as("ld") })
  t.eq(r.status, 200)
  local _, out = pt({ "progress", "--city", "wenzhou", "--as-of", "2025-06-30", "--format", "json", "--db", DB })
  t.eq(json.decode(r.body), json.decode(out))
  r = srv:get("/api/wenzhou/targets", { "-b", as("ld") })
  _, out = pt({ "targets", "--city", "wenzhou", "--format", "json", "--db", DB })
  t.eq(json.decode(r.body), json.decode(out))
  t.eq(srv:get("/api/wenzhou/targets", { "-b", as("adm") }).status, 403)
  t.eq(srv:get("/api/wenzhou/targets").status, 303)
end)

test("the 驾驶舱 shows the plugin's panel; the server stops cleanly", function(t)
  local r = srv:get("/city/wenzhou/", { "-b", as("ld") })
  t.eq(r.status, 200)
  t.match(r.body, 'id="panel%-p32_units"')
  t.match(r.body, "民营经济32条：各牵头单位目标进度")
  t.eq(srv:stop("TERM"), 0)
end)
