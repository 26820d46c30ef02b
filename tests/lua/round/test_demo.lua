-- `make demo` (policytk demo --round): the job in the terminal — a round opened on the sample
-- data, two units' sheets filled and imported, the round status and the 红黄绿 summary of the
-- Wenzhou targets, the quarterly material written as HTML and DOCX.

local core = require "policytk.core"
local fs = require "policytk.fs"
local testing = require "policytk.testing"

test("policytk demo --round shows the round and writes the quarterly material", function(t)
  local dir = testing.tmp_path()
  assert(fs.mkdirs(dir))
  local db = dir .. "/demo.db"
  local code, out, err = testing.policytk({ "demo", "--db", db, "--round" }, { cwd = core.root })
  t.eq(code, 0, err)
  t.match(out, "【月度报送】温州市2025年6月第1轮：为 %d+ 个单位生成报送表")
  t.match(out, "市经信局 填报并报回：")
  t.match(out, "报送情况（按2025年7月3日看，截止日期2025年7月5日）：已报 2，部分 0，未报 %d+，逾期 0")
  t.match(out, "温州市目标（截至2025年6月30日，共%d+项）：绿 %d+")
  t.match(out, "温州市季度例会材料（HTML）：" .. dir .. "/demo%-wenzhou%-quarterly%.html")
  t.ok(fs.stat(dir .. "/demo-wenzhou-quarterly.html"), "no HTML written")
  t.ok(fs.stat(dir .. "/demo-round/市经信局-2025年6月.xlsx"), "no sheet for 市经信局")
  t.match(out, "温州市季度例会材料（DOCX）：" .. dir .. "/demo%-wenzhou%-quarterly%.docx")
  t.ok(fs.stat(dir .. "/demo-wenzhou-quarterly.docx"), "no DOCX written")
  os.execute("rm -rf " .. testing.shell_quote(dir))
end)
