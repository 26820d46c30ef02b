-- Tests of `policytk match` in every text format, now that each streams its rows (issue 18.19):
-- tabular.writer writes the text of tabular.write without holding the rows; and on a few
-- thousand synthetic firms (three renamed with what CSV quotes and the table folds), the json
-- and table outputs, parsed back, hold the rows of the csv output, in the same order.

local testing = require "policytk.testing"
local core = require "policytk.core"
local csv = require "policytk.data.csv"
local json = require "policytk.json"
local tabular = require "policytk.data.tabular"
local match = require "policytk.benefits.match"

local function run(args) return testing.policytk(args) end

-- Rows as a writer writes them to a file, read back.
local function written(format, columns, rows)
  local path = os.tmpname()
  local out = assert(io.open(path, "wb"))
  local w = tabular.writer(out, format, columns)
  for _, r in ipairs(rows) do w:row(r) end
  local n = w:finish()
  out:close()
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  os.remove(path)
  return text, n
end

test("tabular.writer: the text of tabular.write, in every format, rows or none", function(t)
  local columns = { { key = "a", title = "甲" }, { key = "b", title = "B" }, { key = "c" } }
  local rows = {
    { a = "x\ny", b = 1.0, c = "尾 " }, { a = "长长长长", c = { "p", "q" } }, { a = 'q"u,o', b = 2.5 },
    { a = "控制\2字符\3\31", b = "" }, {},
  }
  -- the table's temporary file marks cells with \2, \3 and \31: in a cell they become spaces
  local shown = { table.unpack(rows) }
  shown[4] = { a = "控制 字符  ", b = "" }
  for _, format in ipairs(tabular.formats) do
    local text, n = written(format, columns, rows)
    t.eq(text, tabular[format](columns, format == "table" and shown or rows), format)
    t.eq(n, #rows, format .. ": rows counted")
    t.eq((written(format, columns, {})), tabular[format](columns, {}), format .. ", no rows")
  end
end)

test("tabular.writer table: more distinct texts than it keeps (the later ones measured each time)", function(t)
  local columns = { { key = "k", title = "键" }, { key = "v", title = "值" } }
  local rows = {}
  for i = 1, 5000 do rows[i] = { k = "企业" .. i, v = i % 7 == 0 and "长的说明文字" .. i or nil } end
  t.eq((written("table", columns, rows)), tabular.table(columns, rows))
end)

-- A register of 3,000 synthetic firms, three renamed with a comma, quotes and a line break.
local function register(t)
  local db, firms = os.tmpname(), os.tmpname()
  os.remove(db)
  for _, args in ipairs({
    { "load", "--db", db, "wenzhou" },
    { "firms", "generate", "3000", "--city", "wenzhou", "--seed", "7", "--db", db, "-o", firms },
    { "firms", "import", firms, "--db", db },
  }) do
    local c, _, err = run(args)
    t.eq(c, 0, err)
  end
  os.remove(firms)
  local conn = require("policytk.data.store").open(db)
  local names, i = { '逗号,公司', '引号"公司"', "换行\n公司" }, 0
  for r in conn:rows("SELECT credit_code FROM firms ORDER BY credit_code LIMIT 3") do
    i = i + 1
    conn:run("UPDATE firms SET name = ? WHERE credit_code = ?", names[i], r.credit_code)
  end
  local regions = {}
  for r in conn:rows("SELECT code, name FROM regions") do regions[r.code] = r.name end
  conn:close()
  return db, regions
end

local function csv_rows(text)
  local rows, header, lines, i = {}, nil, {}, 0
  for line in text:gmatch("[^\n]*\n") do lines[#lines + 1] = line end
  for fields in csv.records(function() i = i + 1 return lines[i] end) do
    if not header then header = fields
    else
      local r = {}
      for k, name in ipairs(header) do r[name] = fields[k] end
      rows[#rows + 1] = r
    end
  end
  return rows
end

-- The first `w` display columns of s (CJK counts two), and the rest.
local function cut(s, w)
  local at, used = 1, 0
  for p, c in utf8.codes(s) do
    if used >= w then at = p break end
    used = used + core.width(utf8.char(c))
    at = p + #utf8.char(c)
  end
  return s:sub(1, at - 1), s:sub(at)
end

-- The rows of the table, up to the blank line before the totals: the columns' widths read
-- from the rule under the header, cells trimmed of their padding.
local function table_rows(text)
  local lines = {}
  for line in text:gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  local widths = {}
  for dashes in lines[2]:gmatch("%-+") do widths[#widths + 1] = #dashes end
  local rows = {}
  for i = 3, #lines do
    if lines[i] == "" then break end
    local rest, r = lines[i], {}
    for k, col in ipairs(match.COLUMNS) do
      local c
      c, rest = cut(rest, widths[k])
      r[col.key] = c:gsub("%s+$", "")
      rest = rest:sub(3)
    end
    rows[#rows + 1] = r
  end
  return rows, text
end

test("match: json and table hold the rows of csv, in the same order", function(t)
  local db, regions = register(t)
  local titles = {}
  for _, d in ipairs(require("policytk.plugins").load_valid("wenzhou").documents or {}) do titles[d.id] = d.title end
  local function match_out(format)
    local c, out, err = run({ "match", "wenzhou", "--year", "2025", "--db", db, "--format", format })
    t.eq(c, 0, err)
    return out
  end
  local want = csv_rows((match_out("csv"):gsub("\r\n", "\n")))
  t.ok(#want > 2000, #want .. " rows")
  local got = json.decode(match_out("json"))
  t.eq(#got, #want, "json rows")
  for i, r in ipairs(got) do
    local row = {}
    for _, col in ipairs(match.COLUMNS) do
      local v = r[col.key]
      row[col.key] = v == json.null and "" or tabular.cell(v)
    end
    t.eq(row, want[i], "json row " .. i)
  end
  local rows, text = table_rows(match_out("table"))
  t.eq(#rows, #want, "table rows")
  t.match(text, "%d+ 家企业，" .. #want .. " 条应享记录")
  for i, r in ipairs(rows) do
    local w = {}
    for k, v in pairs(want[i]) do w[k] = v:gsub("[\r\n]+", " ") end
    w.region, w.doc = regions[w.region] or w.region, titles[w.doc] or w.doc
    t.eq(r, w, "table row " .. i)
  end
  local renamed = 0
  for _, r in ipairs(rows) do
    if r.name == "逗号,公司" or r.name == '引号"公司"' or r.name == "换行 公司" then renamed = renamed + 1 end
  end
  t.ok(renamed >= 1, "renamed firms in the table: " .. renamed)
  os.remove(db)
end)

test("match -o: json and table written whole, no .part left; a bad folder leaves nothing", function(t)
  local db = register(t)
  for _, format in ipairs({ "json", "table" }) do
    local out = os.tmpname()
    local c, _, err = run({ "match", "wenzhou", "--year", "2025", "--db", db, "--format", format, "-o", out })
    t.eq(c, 0, err)
    t.eq(io.open(out .. ".part", "rb"), nil, format .. ": the .part file is renamed")
    local f = assert(io.open(out, "rb"))
    local text = f:read("a")
    f:close()
    if format == "json" then t.ok(#json.decode(text) > 0) else t.match(text, "条应享记录") end
    os.remove(out)
    c, _, err = run({ "match", "wenzhou", "--year", "2025", "--db", db, "--format", format,
                      "-o", "/nonexistent-dir/out." .. format })
    t.eq(c, 1)
    t.match(err, "无法写入")
  end
  os.remove(db)
end)
