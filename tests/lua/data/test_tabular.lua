-- Tests of policytk.data.tabular's csv_line: one row as tabular.csv writes it (RFC 4180 quoting,
-- CRLF), so that rows written one at a time make the same file.

local tabular = require "policytk.data.tabular"

test("csv_line: the lines of tabular.csv, quoting commas, quotes and line breaks", function(t)
  local columns = { { key = "a" }, { key = "b" }, { key = "c" } }
  local rows = {
    { a = 1, b = "名称,带逗号\"引号\"", c = 2.0 }, { a = "x\ny", b = nil, c = { "甲", "乙" } }, { a = "", b = "plain" },
  }
  local header = { a = "a", b = "b", c = "c" }
  local lines = { tabular.csv_line(columns, header) }
  for _, r in ipairs(rows) do lines[#lines + 1] = tabular.csv_line(columns, r) end
  t.eq(table.concat(lines), tabular.csv(columns, rows))
  t.eq(lines[2], '1,"名称,带逗号""引号""",2\r\n')
  t.eq(lines[3], '"x\ny",,甲、乙\r\n')
end)
