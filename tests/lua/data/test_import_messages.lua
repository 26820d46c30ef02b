-- What an import tells staff when a file is wrong (issue 18.13, 18.14): XLSX problems as
-- FILE:SHEET!CELL: column: problem, never prefixed with the database's name; invalid UTF-8
-- (without --encoding) by line and column; a header of thousands of unknown or repeated
-- columns as one problem; an XLSX of millions of empty rows refused at the reader's bound
-- (a named error) instead of read to its end. The workbooks are zipped by hand at test time
-- (/usr/bin/python3 zipfile).

local core = require "policytk.core"
local testing = require "policytk.testing"

local ENV = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/good", POLICYTK_DEFAULT_PLUGINS = "0" }
local tmp, write = testing.tmp_path, testing.write_file

local function run(args) return testing.policytk(args, { env = ENV, cwd = core.root }) end

local DB = tmp() .. ".db"
assert(run({ "load", "--db", DB }) == 0)

-- A one-sheet workbook ("数据") whose sheetData is rows_xml, written by python's zipfile.
-- rows_xml is Python expression text (so that millions of rows cost no Lua memory).
local function workbook(path, rows_expr)
  local script = tmp() .. ".py"
  write(script, [[
import sys, zipfile
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
PR = 'http://schemas.openxmlformats.org/package/2006/relationships'
OD = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
def c(ref, text): return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)
HEAD = '<row r="1">' + c("A1", "indicator") + c("B1", "period") + c("C1", "value") + '</row>'
rows = ]] .. rows_expr .. [[

CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
def rels(kind, target):
    return ('<?xml version="1.0"?><Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/%s" '
            'Target="%s"/></Relationships>' % (PR, OD, kind, target))
WB = ('<?xml version="1.0"?><workbook %s %s><sheets><sheet name="数据" sheetId="1" r:id="rId1"/>'
      '</sheets></workbook>' % (NS, R))
SHEET = '<?xml version="1.0"?><worksheet %s><sheetData>%s</sheetData></worksheet>'
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CT)
    z.writestr("_rels/.rels", rels("officeDocument", "xl/workbook.xml"))
    z.writestr("xl/workbook.xml", WB)
    z.writestr("xl/_rels/workbook.xml.rels", rels("worksheet", "worksheets/sheet1.xml"))
    z.writestr("xl/worksheets/sheet1.xml", SHEET % (NS, rows))
]])
  local ok = os.execute("/usr/bin/python3 " .. testing.shell_quote(script) .. " " .. testing.shell_quote(path))
  os.remove(script)
  assert(ok, "python3 could not write " .. path)
end

test("an XLSX that is not one: the reader's message, not prefixed with the database", function(t)
  local f = tmp() .. ".xlsx"
  write(f, "not a zip")
  local code, _, err = run({ "import", f, "--db", DB })
  t.eq(code, 1)
  t.eq(err:find(DB, 1, true), nil, err)
  t.eq(err:find("%.lua:%d+:"), nil, err)
  t.match(err, "^policytk import: " .. f:gsub("%p", "%%%0") .. ": not an xlsx file")
end)

test("a bad cell in an XLSX: FILE:SHEET!CELL: column: problem", function(t)
  local f = tmp() .. ".xlsx"
  workbook(f, [[HEAD + '<row r="2">' + c("A2", "new_smes") + c("B2", "2024") + '<c r="C2" t="s"><v>7</v></c></row>']])
  local code, _, err = run({ "import", f, "--db", DB, "--city", "good" })
  t.eq(code, 1)
  t.eq(err:find(DB, 1, true), nil, err)
  t.match(err, "\n" .. f:gsub("%p", "%%%0") .. ":数据!C2: value: shared string index out of range\n")
end)

test("3 million empty rows: refused at the reader's bound with a named error, quickly", function(t)
  local f = tmp() .. ".xlsx"
  workbook(f, [[HEAD + '<row><c t="inlineStr"><is><t> </t></is></c></row>' * 1100000]])
  local start = os.clock()
  local code, _, err = run({ "import", f, "--db", DB, "--city", "good" })
  t.eq(code, 1)
  t.match(err, f:gsub("%p", "%%%0") .. ":数据!A1048577: indicator: 行数过多：每个工作表最多读取 1048576 行\n")
  t.ok(os.clock() - start < 1, "the parent's own CPU")        -- (the child's is bounded by the rows)
end)

test("the XLSX reader's bounds: max_rows and max_cells, named errors", function(t)
  local f = tmp() .. ".xlsx"
  workbook(f, [[HEAD + ''.join('<row r="%d">' % i + c("A%d" % i, "x") + c("B%d" % i, "y") + '</row>' for i in range(2, 30))]])
  local xlsx = require "policytk.xlsx"
  local r = xlsx.open(f)
  local function count(opts)
    local n = 0
    for _ in r:rows(1, opts) do n = n + 1 end
    return n
  end
  t.eq(count(), 29)
  t.raises(function() count({ max_rows = 10 }) end, "数据: cell A11: too many rows: a sheet is read up to 10 rows")
  t.raises(function() count({ max_cells = 20 }) end, "cell B10: too many cells: a sheet is read up to 20 cells")
  t.raises(function() count({ max_rows = 0 }) end, "option max_rows must be an integer from 1 to 1048576")
  r:close()
end)

test("invalid UTF-8 without --encoding: the line and the character, not a decoding error", function(t)
  local f = tmp() .. ".csv"
  write(f, "indicator,period,value\nnew_smes,2024,1\n新增\xff\xfe,2024,2\n")
  local code, _, err = run({ "import", f, "--db", DB, "--city", "good" })
  t.eq(code, 1)
  t.eq(err, "policytk import: " .. f .. ":3: 第 3 个字符处不是有效的 UTF-8（也不是 GB18030）："
    .. "请将文件另存为 UTF-8，或用 --encoding 指明编码\n")
end)

test("a header of thousands of unknown or repeated columns: one problem each", function(t)
  local f = tmp() .. ".csv"
  local unnamed = {}
  for i = 1, 16384 do unnamed[i] = "Unnamed: " .. i end
  write(f, "indicator,period,value," .. table.concat(unnamed, ",") .. "\nnew_smes,2024,1\n")
  local code, _, err = run({ "import", f, "--db", DB, "--city", "good" })
  t.eq(code, 1)
  t.match(err, "共 1 处问题：\n" .. f:gsub("%p", "%%%0") .. ":1: header: 未知列 \"Unnamed: 1\"[^\n]*（另有 16383 列同样的问题）\n$")
  write(f, "credit_code,name,region" .. (",x"):rep(5000) .. "\n")
  local c2, _, err2 = run({ "firms", "import", f, "--db", DB })
  t.eq(c2, 1)
  t.match(err2, "共 1 处问题：\n[^\n]*:1: header: 列 \"x\" 出现两次（另有 4998 列同样的问题）\n$")
end)
