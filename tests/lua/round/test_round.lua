-- The monthly reporting round (policytk.round; issue 16 items 1–3): a whole round on the
-- Wenzhou plugin with the sample figures — open, two units fill their sheets (openpyxl, on
-- the files the round wrote), both imported, status and 催报 — and each refusal by name: a
-- sheet whose round, city, period or unit does not match, a task the unit does not carry, a
-- text over 2,000 characters, a round opened twice; --reopen keeps what was returned.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"
local store = require "policytk.data.store"

local ENV = { POLICYTK_TODAY = "2025-07-03", POLICYTK_NOW = "2025-07-03T06:05:00Z", USER = "tester" }
local TMP = testing.tmp_path()
local n = 0
local function tmp(ext) n = n + 1; return string.format("%s-%d%s", TMP, n, ext) end
local function run(args, env) return testing.policytk(args, { env = env or ENV, cwd = core.root }) end

-- Run Python (openpyxl) on the workbook at path (as `wb`); returns what it prints.
local function py(path, body)
  local script = tmp(".py")
  testing.write_file(script, "import openpyxl, json, sys\nwb = openpyxl.load_workbook(sys.argv[1])\n" .. body)
  local p = io.popen("/usr/bin/python3 " .. testing.shell_quote(script) .. " " .. testing.shell_quote(path) .. " 2>&1")
  local out = p:read("a")
  p:close()
  return out
end

-- Fill the unit's workbook: every 数值 cell, every 本月进展 (and 存在问题); saved to `to`.
-- extra: more Python run before saving (wb, ws = 工作进展).
local function fill(from, to, extra)
  return py(from, string.format([[
ws = wb["指标"]
for r in range(4, ws.max_row + 1):
    ws.cell(r, 4).value = 12.5 if ws.cell(r, 5).value == "%%" else 100 + r
ws = wb["工作进展"]
for r in range(4, ws.max_row + 1):
    ws.cell(r, 6).value = "本月召开推进会%%d次" %% r
    ws.cell(r, 7).value = "要素保障不足"
%s
wb.save(%q)
print("ok")
]], extra or "", to))
end

-- Change a key of the 报送信息 sheet of `from`, saved to `to`.
local function retag(from, to, key, value)
  return py(from, string.format([[
ws = wb["报送信息"]
for r in range(1, ws.max_row + 1):
    if ws.cell(r, 1).value == %q:
        ws.cell(r, 2).value = %q
wb.save(%q)
print("ok")
]], key, value, to))
end

local DB = tmp(".db")
assert(run({ "demo", "--db", DB }) == 0)
local DIR = tmp("")

local function status_json(db)
  local code, out, err = run({ "round", "status", "wenzhou", "--period", "2025-06", "--format", "json", "--db", db or DB })
  assert(code == 0, err)
  return json.decode(out)
end

local function units_in_round(db)
  local conn = store.open(db or DB)
  local list = {}
  for r in conn:rows([[SELECT DISTINCT mu.unit FROM measure_units mu JOIN measures m ON m.id = mu.measure
      JOIN documents d ON d.id = m.document WHERE d.city = 'wenzhou' AND m.status = 'active']]) do
    list[#list + 1] = r.unit
  end
  conn:close()
  return list
end

test("round open: one workbook per responsible unit, with 指标, 工作进展 and the hidden 报送信息", function(t)
  local code, out, err = run({ "round", "open", "wenzhou", "--period", "2025-06", "--due", "2025-07-05",
    "-o", DIR, "--db", DB })
  t.eq(code, 0, err)
  local units = units_in_round()
  t.match(out, "^温州市2025年6月月度报送（第1轮，截止日期 2025年7月5日）：" .. #units .. " 个单位的报送表已写入")
  local path = DIR .. "/市经信局-2025年6月.xlsx"
  local text = py(path, [[
print("|".join(ws.title + ":" + ws.sheet_state for ws in wb.worksheets))
ws = wb["工作进展"]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
print(rows[0][0]); print("|".join(rows[2]))
print(len(rows) - 3)
print(rows[3][0], rows[3][2])
info = {r[0]: r[1] for r in wb["报送信息"].iter_rows(values_only=True) if r[0]}
print(info["城市"], info["单位"], info["期间"], info["轮次"], info["截止日期"])
ws = wb["指标"]
print(ws.cell(1, 1).value); print(ws.cell(3, 1).value, ws.max_row - 3)
]])
  t.match(text, "^指标:visible|工作进展:visible|报送信息:hidden\n")
  t.match(text, "\n2025年6月市经信局重点任务工作进展表（温州市月度报送 第1轮）\n")
  t.match(text, "\n任务编号|任务|牵头/配合|目标|上月进展|本月进展|存在问题|下步打算\n26\n")
  t.ok(text:find("\n%w+/%w+ 牵头\n") or text:find("\n%w+/%w+ 配合\n"), text)
  t.match(text, "\nwenzhou 市经信局 2025%-06 1 2025%-07%-05\n")
  t.match(text, "\n2025年6月温州市小微企业主要指标报送表（月度报送 第1轮）\n指标 %d+\n")
  -- a county government reports for its county
  local county = py(DIR .. "/瓯海区政府-2025年6月.xlsx", [[
ws = wb["指标"]
print(ws.cell(3, 9).value, ws.cell(4, 2).value)
]])
  t.match(county, "^下达目标 瓯海区\n")
end)

test("a round opened twice is refused, naming the round", function(t)
  local code, _, err = run({ "round", "open", "wenzhou", "--period", "2025-06", "-o", tmp(""), "--db", DB })
  t.eq(code, 1)
  t.match(err, "温州市2025年6月的月度报送已经开启（第1轮，2025年7月3日 14:05由 tester 开启）；如需重新生成报送表，请加 %-%-reopen")
end)

local RETURNED = {}

test("two units return their sheets; status: 2 已报, the rest 未报; the texts are kept", function(t)
  for _, unit in ipairs({ "市经信局", "市财政局" }) do
    local to = tmp("-" .. unit .. ".xlsx")
    t.eq(fill(DIR .. "/" .. unit .. "-2025年6月.xlsx", to), "ok\n")
    RETURNED[unit] = to
  end
  local folder = tmp("")                        -- a folder of returns: each file its own batch
  os.execute("mkdir -p " .. testing.shell_quote(folder) .. " && cp " .. testing.shell_quote(RETURNED["市经信局"]) .. " "
    .. testing.shell_quote(RETURNED["市财政局"]) .. " " .. testing.shell_quote(folder))
  local code, out, err = run({ "import", folder, "--db", DB, "--by", "李四" })
  t.eq(code, 0, err)
  t.match(out, "市经信局 报回2025年6月第1轮：导入 %d+ 条数据（新增 %d+，更新 0，未变 0），工作进展 26 项（新增 26，")
  t.match(out, "市财政局 报回2025年6月第1轮：")
  local rows = status_json()
  local counts, by = {}, {}
  for _, r in ipairs(rows) do counts[r.status] = (counts[r.status] or 0) + 1; by[r.unit] = r end
  t.eq(counts["已报"], 2)
  t.eq(counts["未报"], #rows - 2)
  t.eq(by["市经信局"].returned_at_text, "2025年7月3日 14:05")
  t.eq(by["市经信局"].cells_empty, 0)
  t.eq(by["市人力社保局"].returned_at, json.null)
  local conn = store.open(DB)
  local tp = conn:first([[SELECT count(*) AS n, min(progress) AS p, min(problems) AS q, min(by_user) AS by
    FROM task_progress WHERE unit = '市经信局' AND period = '2025-06' AND superseded_at IS NULL]])
  local batch = conn:first("SELECT kind, by_user, rows FROM batches WHERE id = ?", by["市经信局"].batch)
  conn:close()
  t.eq(tp.n, 26)
  t.match(tp.p, "^本月召开推进会%d+次$")
  t.eq(tp.q, "要素保障不足")
  t.eq(tp.by, "李四")
  t.eq(batch.kind, "import")
  t.ok(batch.rows > 0)
end)

test("status as a table, CSV and XLSX; the counts line", function(t)
  local code, out = run({ "round", "status", "wenzhou", "--db", DB })
  t.eq(code, 0)
  t.match(out, "^温州市2025年6月月度报送（第1轮，截止日期 2025年7月5日）：已报 2，部分 0，未报 %d+，逾期 0\n")
  t.match(out, "市经信局 +已报 +2025年7月3日 14:05")
  code, out = run({ "round", "status", "wenzhou", "--period", "2025-06", "--format", "csv", "--db", DB })
  t.eq(code, 0)
  t.match(out, "^round,city,period,due,unit,unit_name,status,returned_at,returned_at_text,cells_total,cells_filled,")
  local x = tmp(".xlsx")
  code, out = run({ "round", "status", "wenzhou", "--format", "xlsx", "-o", x, "--db", DB })
  t.eq(code, 0)
  t.match(out, "%d+ 个单位（已报 2，")
  t.match(py(x, "ws = wb.active\nprint(ws.cell(2, 3).value, ws.cell(3, 1).value)\n"), "^状态 市经信局\n")
  -- after the due date the units not complete are 逾期
  local late = { POLICYTK_TODAY = "2025-07-06", POLICYTK_NOW = ENV.POLICYTK_NOW }
  code, out = run({ "round", "status", "wenzhou", "--db", DB }, late)
  t.eq(code, 0)
  t.match(out, "已报 2，部分 0，未报 0，逾期 %d+")
end)

test("chase: the units not complete with the contacts of their tasks, in Chinese", function(t)
  local code, out, err = run({ "round", "chase", "wenzhou", "--db", DB })
  t.eq(code, 0, err)
  t.match(out, "^【催报】温州市2025年6月月度报送（第1轮，截止日期 2025年7月5日）\n共 %d+ 个单位，已报 2 个，尚有 %d+ 个单位未完成报送：\n")
  t.match(out, "\n%d+%. 市人力社保局（未报，%d+ 格待填）\n   联系人：[^\n]*%d%d%d%d[^\n]*（任务 private32/R%d+")
  t.match(out, "联系人：任务未载明联系人")
  t.ok(not out:find("%d+%. 市经信局（"), "a unit that has reported is not chased")
  local _, also = run({ "round", "status", "wenzhou", "--chase", "--db", DB })
  t.match(also, "\n【催报】温州市")
end)

test("a sheet whose round, city, period or unit does not match an open round is refused by name", function(t)
  local src = RETURNED["市经信局"]
  local cases = {
    { "期间", "2025-05", "报送信息写的期间是 2025年5月，而第1轮是温州市2025年6月的报送：期间不符" },
    { "轮次", "99", "报送信息写的是第99轮（温州市2025年6月 市经信局），库中没有这一轮报送" },
    { "单位", "市不存在局", "报送信息写的单位是 市不存在局，但第1轮（温州市2025年6月）没有发给这个单位：单位不符" },
    { "城市", "hangzhou", "报送信息写的城市是 杭州市，而第1轮是温州市2025年6月的报送：城市不符" },
  }
  for _, c in ipairs(cases) do
    local to = tmp(".xlsx")
    t.eq(retag(src, to, c[1], c[2]), "ok\n")
    local code, _, err = run({ "import", to, "--db", DB })
    t.eq(code, 1, c[1])
    t.match(err, c[3]:gsub("[%-%(%)%.%%]", "%%%0"))
  end
  -- a sheet of another round: the 2025-05 round's 市经信局 sheet is good for that round only
  local other = tmp("")
  t.eq(run({ "round", "open", "wenzhou", "--period", "2025-05", "-o", other, "--db", DB }), 0)
  local to = tmp(".xlsx")
  t.eq(retag(other .. "/市经信局-2025年5月.xlsx", to, "期间", "2025-06"), "ok\n")
  local code, _, err = run({ "import", to, "--db", DB })
  t.eq(code, 1)
  t.match(err, "而第2轮是温州市2025年5月的报送：期间不符")
end)

test("a sheet returned with nothing filled is refused; several files go on past a refused one", function(t)
  local code, out, err = run({ "import", DIR .. "/市人力社保局-2025年6月.xlsx", RETURNED["市经信局"], "--db", DB })
  t.eq(code, 1)
  t.match(err, "市人力社保局%-2025年6月%.xlsx: 报送表中没有填写任何数值或工作进展，未导入")
  t.match(err, "2 个文件中有 1 个未导入")
  t.match(out, "市经信局 报回2025年6月第1轮：")
  local rows = status_json()
  for _, r in ipairs(rows) do
    if r.unit == "市人力社保局" then t.eq(r.status, "未报") end
  end
end)

test("a task the unit neither leads nor shares is refused, naming the task and the unit", function(t)
  local conn = store.open(DB)
  local other = conn:first([[SELECT d.doc || '/' || m.mid AS id, m.title FROM measures m JOIN documents d ON d.id = m.document
    WHERE d.city = 'wenzhou' AND m.id NOT IN (SELECT measure FROM measure_units WHERE unit = '市经信局') LIMIT 1]])
  conn:close()
  local to = tmp(".xlsx")
  t.eq(py(RETURNED["市经信局"], string.format("wb['工作进展'].cell(5, 1).value = %q\nwb.save(%q)\nprint('ok')\n",
    other.id, to)), "ok\n")
  local code, _, err = run({ "import", to, "--db", DB })
  t.eq(code, 1)
  t.match(err, "未导入任何数据")
  t.match(err, ":工作进展!A5: 任务编号: 任务 " .. other.id:gsub("%p", "%%%0") .. "（" .. other.title:gsub("%p", "%%%0")
    .. "）不是 市经信局 牵头或配合的任务")
end)

test("a progress text over 2,000 characters is refused, naming the task", function(t)
  local to = tmp(".xlsx")
  t.eq(py(RETURNED["市财政局"], string.format("wb['工作进展'].cell(4, 6).value = '进' * 2001\nwb.save(%q)\nprint('ok')\n", to)),
    "ok\n")
  local code, _, err = run({ "import", to, "--db", DB })
  t.eq(code, 1)
  t.match(err, ":工作进展!F4: 本月进展: 任务 %w+/%w+（.-）的本月进展有 2001 字，超过 2000 字的上限")
  local conn = store.open(DB)
  local nb = conn:first("SELECT count(*) AS n FROM task_progress WHERE progress LIKE '进进进%'").n
  conn:close()
  t.eq(nb, 0)
end)

test("--reopen writes the sheets again and keeps the returns; a new text supersedes the old", function(t)
  local dir = tmp("")
  local code, out, err = run({ "round", "open", "wenzhou", "--period", "2025-06", "--reopen", "-o", dir, "--db", DB })
  t.eq(code, 0, err)
  t.match(out, "（第1轮，重新生成；已报回的内容保留，截止日期 2025年7月5日）")
  local rows = status_json()
  local done = 0
  for _, r in ipairs(rows) do if r.status == "已报" then done = done + 1 end end
  t.eq(done, 2)
  -- the regenerated sheet holds what was returned
  local shown = py(dir .. "/市经信局-2025年6月.xlsx", "print(wb['工作进展'].cell(4, 6).value)\nprint(wb['指标'].cell(4, 4).value)\n")
  t.match(shown, "^本月召开推进会4次\n%d+")
  -- a changed text replaces the current one; the old stays as history
  local to = tmp(".xlsx")
  t.eq(py(dir .. "/市经信局-2025年6月.xlsx", string.format(
    "wb['工作进展'].cell(4, 6).value = '已完成全年任务的60%%'\nwb.save(%q)\nprint('ok')\n", to)), "ok\n")
  code, out, err = run({ "import", to, "--db", DB })
  t.eq(code, 0, err)
  t.match(out, "工作进展 26 项（新增 0，更新 1，未变 25）")
  local conn = store.open(DB)
  local hist = {}
  for r in conn:rows([[SELECT p.progress, p.superseded_at IS NOT NULL AS old FROM task_progress p
      WHERE unit = '市经信局' AND period = '2025-06' AND progress IN ('已完成全年任务的60%', '本月召开推进会4次')
      ORDER BY id]]) do
    hist[#hist + 1] = r.progress .. (r.old == 1 and "（旧）" or "")
  end
  conn:close()
  t.eq(hist, { "本月召开推进会4次（旧）", "已完成全年任务的60%" })
end)

test("the next month's sheet shows 上月进展 and the month's figures as 上期数", function(t)
  local dir = tmp("")
  local later = { POLICYTK_TODAY = "2025-08-02", POLICYTK_NOW = "2025-08-02T01:00:00Z", USER = "tester" }
  t.eq(run({ "round", "open", "wenzhou", "--period", "2025-07", "-o", dir, "--db", DB }, later), 0)
  local shown = py(dir .. "/市经信局-2025年7月.xlsx", "print(wb['工作进展'].cell(4, 5).value)\nprint(wb['指标'].cell(4, 7).value)\n")
  t.match(shown, "^2025年6月：已完成全年任务的60%%\n%d+[^（\n]*（2025年6月，")
end)

test("a county government's sheet: its county's rows with the shares assigned to it (下达目标)", function(t)
  local db = tmp(".db")
  t.eq(run({ "load", "--db", db }), 0)
  local code, _, err = run({ "assign", "wenzhou", "friendly2023/T01", "--region", "瓯海区", "1200", "--db", db })
  t.eq(code, 0, err)
  local dir = tmp("")
  t.eq(run({ "round", "open", "wenzhou", "--period", "2025-06", "-o", dir, "--db", db }), 0)
  local rows = py(dir .. "/瓯海区政府-2025年6月.xlsx", [[
ws = wb["指标"]
for r in ws.iter_rows(min_row=4, values_only=True):
    if r[8]: print(r[0], r[1], r[8])
]])
  t.match(rows, "^%S+ 瓯海区 T01 1200家\n")
  -- a collective county unit reports a row per county
  local all = py(dir .. "/各县(市、区)政府-2025年6月.xlsx", [[
ws = wb["指标"]
print(len(set(r[1] for r in ws.iter_rows(min_row=4, values_only=True))))
]])
  t.eq(all, "12\n")
end)

test("undo of a return's batch takes its figures and texts away; the unit is 未报 again", function(t)
  local batch
  for _, r in ipairs(status_json()) do if r.unit == "市财政局" then batch = r.batch end end
  t.ok(batch)
  local code, _, err = run({ "undo", tostring(batch), "--db", DB })
  t.eq(code, 0, err)
  for _, r in ipairs(status_json()) do if r.unit == "市财政局" then t.eq(r.status, "未报") end end
  local conn = store.open(DB)
  local left = conn:first("SELECT count(*) AS n FROM task_progress WHERE unit = '市财政局' AND period = '2025-06'").n
  conn:close()
  t.eq(left, 0)
end)

test("reports: the month's 工作进展 and who wrote it; silent tasks; the units not yet reported", function(t)
  local code, out, err = run({ "report", "wenzhou", "monthly", "--period", "2025-06", "--format", "json", "--db", DB })
  t.eq(code, 0, err)
  local r = json.decode(out)
  local meeting, by_jx = 0, false
  for _, s in ipairs(r.sections) do
    if s.id == "tasks" then
      for _, row in ipairs(s.rows) do
        if row.progress:find("本月召开推进会%d+次") then meeting = meeting + 1 end
        for _, u in ipairs(row.reported_by) do if u == "市经信局" then by_jx = true end end
      end
    end
  end
  t.ok(meeting > 0 and by_jx, "no task shows the texts 市经信局 returned")
  local note
  for _, line in ipairs(r.notes) do if line:find("月度报送尚有", 1, true) then note = line end end
  local late = 0
  for _, u in ipairs(status_json()) do if u.status ~= "已报" then late = late + 1 end end
  t.ok(note, "no note on the units not reported")
  t.match(note, "2025年6月月度报送尚有" .. late .. "个单位未报或未报全：")
  t.ok(not note:find("市经信局、", 1, true) and not note:find("：市经信局", 1, true), note)
  code, out = run({ "report", "wenzhou", "quarterly", "--period", "2025-Q2", "--format", "json", "--db", DB })
  t.eq(code, 0)
  local q = json.decode(out)
  local silent
  for _, s in ipairs(q.sections) do if s.id == "silent" then silent = s end end
  local conn = store.open(DB)
  local tasks = conn:first([[SELECT count(*) AS n FROM measures m JOIN documents d ON d.id = m.document
    WHERE d.city = 'wenzhou' AND d.doc = 'friendly2023' AND m.status = 'active']]).n
  conn:close()
  t.ok(#silent.rows > 0 and #silent.rows < tasks, #silent.rows .. " of " .. tasks)
end)
