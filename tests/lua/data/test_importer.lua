-- policytk.data.importer, the import driver, on a spec of its own (a two-column table): the
-- header checks, blank and # rows, the field count, all or nothing, the page cache put back.

local db = require "policytk.db"
local testing = require "policytk.testing"
local importer = require "policytk.data.importer"

local tmp = testing.tmp_path

local DBS = {}

local function conn_with_table()
  local path = tmp() .. ".db"
  DBS[#DBS + 1] = path
  local conn = db.open(path)
  conn:exec("CREATE TABLE t (a TEXT NOT NULL, b TEXT)")
  return conn
end

-- A spec writing column a (required) and b into t; a row with a = "bad" is a problem.
local function spec(extra)
  local s = {
    columns = { "a", "b" }, required = { a = true },
    writer = function(job, header)
      local ins = job.conn:prepare("INSERT INTO t (a, b) VALUES (?, ?)")
      local n = 0
      local function row(fields)
        local a, b = fields[header.pos.a], header.pos.b and fields[header.pos.b] or nil
        if a == "bad" then job.bad("a", "bad value") return end
        ins:bind(a, b or db.NULL):step()
        n = n + 1
      end
      return { row = row, finish = function() return { added = n } end, close = function() ins:close() end }
    end,
  }
  for k, v in pairs(extra or {}) do s[k] = v end
  return s
end

local function import(conn, text, s)
  local path = tmp() .. ".csv"
  testing.write_file(path, text)
  local ok, r = pcall(importer.run, conn, path, s, { display = "f.csv" })
  os.remove(path)
  if ok then return r end
  return nil, type(r) == "table" and r.message or r
end

local function count(conn) return conn:first("SELECT count(*) AS n FROM t").n end

-- Import text and check that it is refused with exactly these "LINE: column: problem"s.
local function refused(t, conn, text, s, problems)
  local r, err = import(conn, text, s)
  t.eq(r, nil)
  local lines = {}
  for i, p in ipairs(problems) do lines[i] = "f.csv:" .. p end
  t.eq(err, string.format("f.csv: 未导入任何数据，共 %d 处问题：\n%s", #lines, table.concat(lines, "\n")))
end

test("rows written in one go; blank rows passed over; # rows only where the spec allows", function(t)
  local conn = conn_with_table()
  t.eq(import(conn, "a,b\n1,2\n\n3,4\n", spec()), { added = 2 })
  t.eq(import(conn, "a,b\n# note,x\n5,6\n", spec({ comment_rows = true })), { added = 1 })
  t.eq(import(conn, "a,b\n# note,x\n", spec()), { added = 1 }, "without comment_rows a # row is data")
  t.eq(count(conn), 4)
  conn:close()
end)

test("header: unknown, twice, missing; the other hook takes names it knows", function(t)
  local conn = conn_with_table()
  refused(t, conn, "b,c,b\n", spec(), { '1: header: 未知列 "c"', '1: header: 列 "b" 出现两次',
    '1: header: 缺少列 "a"' })
  local roles = {}
  local s = spec({ fold = string.lower, missing_hint = " (see the template)",
    other = function(_, name, _, i) roles[i] = name; return name end })
  refused(t, conn, "B,Note\n", s, { '1: header: 缺少列 "a" (see the template)' })
  t.eq(roles, { [2] = "note" })
  refused(t, conn, "", spec(), { "1: header: 文件为空" })
  t.eq(count(conn), 0)
  conn:close()
end)

test("all or nothing: a bad row or a value past the header rolls back the good ones", function(t)
  local conn = conn_with_table()
  -- a short row is padded (written, then rolled back); a value past the header is a problem
  refused(t, conn, "a,b\n1,2\n3\n4,5,x\nbad,5\n", spec(),
    { '4: C列: 没有表头，应为空；此处为 "x"', "5: a: bad value" })
  t.eq(count(conn), 0)
  conn:close()
end)

test("the page cache is the spec's during the import and put back after it, whatever happens", function(t)
  local conn = conn_with_table()
  conn:exec("PRAGMA cache_size = -3000")
  local seen
  local s = spec({ cache_kib = 12345 })
  local writer = s.writer
  s.writer = function(job, header)
    seen = job.conn:first("PRAGMA cache_size").cache_size
    return writer(job, header)
  end
  import(conn, "a\n1\n", s)
  t.eq(seen, -12345)
  t.eq(conn:first("PRAGMA cache_size").cache_size, -3000)
  import(conn, "a\nbad\n", s)
  t.eq(conn:first("PRAGMA cache_size").cache_size, -3000)
  conn:close()
end)

test("cleanup: the temporary databases", function(t)
  for _, p in ipairs(DBS) do
    for _, suffix in ipairs({ "", "-wal", "-shm", "-journal" }) do os.remove(p .. suffix) end
  end
  t.ok(not io.open(DBS[1], "rb"))
end)
