-- Batches (policytk.data.batches; issue 15 item 4): `policytk record` for one figure through the
-- import's checks, `policytk history` of batches and of a figure's revisions, and `policytk
-- undo` reversing one batch exactly (the database afterwards equals the one before the batch,
-- revisions included), refused when a later batch changed the same figures unless --force.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"
local store = require "policytk.data.store"

local ENV = { POLICYTK_PLUGIN_PATH = core.root .. "/tests/fixtures/plugins/good", POLICYTK_DEFAULT_PLUGINS = "0",
              POLICYTK_TODAY = "2025-07-31", USER = "测试员" }
local TMP = testing.tmp_path()
local n = 0

local function tmp(ext)
  n = n + 1
  return string.format("%s-%d.%s", TMP, n, ext)
end

local function run(args) return testing.policytk(args, { env = ENV, cwd = core.root }) end

local function fresh_db()
  local path = tmp("db")
  local code, _, err = run({ "load", "--db", path })
  assert(code == 0, err)
  return path
end

local function import(db, text, ...)
  local path = tmp("csv")
  testing.write_file(path, text)
  return run({ "import", path, "--db", db, "--city", "good", ... })
end

-- Everything the figures tables hold, as text, in a stable order (ids left out of revisions'
-- order only where they tie).
local function state(db)
  local conn = store.open(db)
  local out = {}
  for _, r in ipairs(store.all(conn, [[SELECT id, indicator, region, period, value, unit, basis, batch, source,
      note, reported_at FROM observations ORDER BY id]])) do
    out[#out + 1] = table.concat({ "o", r.id, r.indicator, r.region, r.period, r.value, tostring(r.unit),
      tostring(r.basis), tostring(r.batch), tostring(r.source), tostring(r.note), r.reported_at }, "|")
  end
  for _, r in ipairs(store.all(conn, [[SELECT observation, value, basis, batch, replaced_by, reported_at
      FROM observation_revisions ORDER BY id]])) do
    out[#out + 1] = table.concat({ "r", r.observation, r.value, tostring(r.basis), tostring(r.batch),
      tostring(r.replaced_by), r.reported_at }, "|")
  end
  conn:close()
  return table.concat(out, "\n")
end

local function t01_actual(db)
  local code, out, err = run({ "progress", "--db", db, "--format", "json", "--as-of", "2025-07-31" })
  assert(code == 0, err)
  for _, r in ipairs(json.decode(out)) do if r.id == "T01" then return r.actual end end
end

test("record: the 1—N月累计 series phoned in month by month gives 1650", function(t)
  local db = fresh_db()
  local months = { 300, 600, 900, 1200, 1500, 1650 }
  for m, v in ipairs(months) do
    local code, out, err = run({ "record", "新增中小微企业数", tostring(v), "--period", "2025年1-" .. m .. "月",
      "--city", "good", "--db", db })
    t.eq(code, 0, err)
    t.match(out, "^已记录（新增），批次 " .. m .. "\n$")
  end
  t.eq(t01_actual(db), 1650)
  local code, out = run({ "record", "new_smes", "1.2万", "--period", "2025-06", "--basis", "当月", "--city", "good",
    "--db", db, "--by", "王五" })
  t.eq(code, 0)
  t.match(out, "更新，原值已存为修订")
  local conn = store.open(db)
  local b = conn:first("SELECT kind, by_user, rows FROM batches ORDER BY id DESC LIMIT 1")
  local o = conn:first("SELECT value, basis FROM observations WHERE period = '2025-06'")
  conn:close()
  t.eq({ b.kind, b.by_user, b.rows, o.value, o.basis }, { "record", "王五", 1, 12000.0, "flow" })
end)

test("record: the import's checks and messages; not reported is refused; a falling 累计 too", function(t)
  local db = fresh_db()
  local code, _, err = run({ "record", "new_smes", "abc", "--period", "2025年6月", "--city", "good", "--db", db })
  t.eq(code, 1)
  t.match(err, "录入:2: value: 数值 \"abc\" 无法识别")
  code, _, err = run({ "record", "new_smes", "暂无", "--period", "2025年6月", "--city", "good", "--db", db })
  t.eq(code, 2)
  t.match(err, "表示未报送")
  code, _, err = run({ "record", "new_smes", "5", "--city", "good", "--db", db })
  t.eq(code, 2)
  t.match(err, "需要 %-%-period")
  t.eq(run({ "record", "new_smes", "900", "--period", "2025年1-3月", "--city", "good", "--db", db }), 0)
  code, _, err = run({ "record", "new_smes", "800", "--period", "2025年1-4月", "--city", "good", "--db", db })
  t.eq(code, 1)
  t.match(err, "累计数 800（2025%-04，第2行）小于此前 2025%-03 的累计数 900（库中已有数据（批次 1））")
  t.eq(run({ "record", "new_smes", "800", "--period", "2025年1-4月", "--city", "good", "--db", db,
             "--allow-revisions" }), 0)
  local conn = store.open(db)
  t.eq(conn:first("SELECT count(*) AS n FROM batches").n, 2)   -- refused ones leave no batch
  conn:close()
end)

local A = "indicator,region,period,value,basis\n"
  .. "new_smes,测试市,2024,1000,当期\nnew_smes,测试区,2024,400,当期\nguarantee_fee_rate,测试市,2024,1.5,\n"
local B = "indicator,region,period,value,basis\n"
  .. "new_smes,测试市,2024,1100,当期\nguarantee_fee_rate,测试市,2024,1.5,\nnew_smes,测试市,2023,900,当期\n"

test("undo reverses a batch exactly: added figures go, changed ones get their value and history back", function(t)
  local db = fresh_db()
  t.eq(import(db, A), 0)
  local before = state(db)
  local code, out = import(db, B, "--by", "赵六")
  t.eq(code, 0)
  t.match(out, "（新增 1，更新 1，未变 1），批次 2")
  t.ok(state(db) ~= before)
  code, out = run({ "undo", "2", "--db", db })
  t.eq(code, 0, out)
  t.eq(out, "批次 2 已撤销（撤销批次 3）：删除 1 条，恢复原值 1 条\n")
  t.eq(state(db), before)
  local code2, _, err = run({ "undo", "2", "--db", db })
  t.eq(code2, 1)
  t.match(err, "批次 2 已于批次 3 撤销")
  _, _, err = run({ "undo", "3", "--db", db })
  t.match(err, "批次 3 本身是一次撤销，不能再撤销")
  _, _, err = run({ "undo", "99", "--db", db })
  t.match(err, "批次 99 不存在")
end)

test("undo refuses when a later batch changed the same figures; --force keeps the later value", function(t)
  local db = fresh_db()
  t.eq(import(db, A), 0)                                           -- batch 1
  t.eq(import(db, B), 0)                                           -- batch 2: 2024 → 1100, adds 2023
  t.eq(run({ "record", "new_smes", "1200", "--period", "2024", "--basis", "当期", "--city", "good",
             "--db", db }), 0)                                     -- batch 3: 2024 → 1200
  local code, _, err = run({ "undo", "2", "--db", db })
  t.eq(code, 1)
  t.match(err, "批次 2 的部分数据已被之后的批次 3 改写")
  code = run({ "undo", "2", "--db", db, "--force" })
  t.eq(code, 0)
  local conn = store.open(db)
  local o = conn:first("SELECT id, value, batch FROM observations WHERE region = '339900' AND period = '2024'")
  local revs = store.all(conn, "SELECT value, batch, replaced_by FROM observation_revisions WHERE observation = ? ORDER BY id", o.id)
  local added = conn:first("SELECT count(*) AS n FROM observations WHERE period = '2023'").n
  conn:close()
  t.eq({ o.value, o.batch }, { 1200.0, 3 })
  t.eq(#revs, 1)                                                   -- 1000 (batch 1), replaced by 3; 1100 gone
  t.eq({ revs[1].value, revs[1].batch, revs[1].replaced_by }, { 1000.0, 1, 3 })
  t.eq(added, 0)
end)

test("history: batches newest first with who and 北京时间; a figure's revisions", function(t)
  local db = fresh_db()
  t.eq(import(db, A), 0)
  t.eq(import(db, B), 0)
  local code, out, err = run({ "history", "--db", db })
  t.eq(code, 0, err)
  t.match(out, "批次%s+类型%s+录入人%s+时间（北京时间）")
  t.match(out, "\n2%s+导入%s+测试员%s+%d+年%d+月%d+日 %d%d:%d%d%s+%S+%.csv%s+2")
  code, out = run({ "history", "--db", db, "--format", "json" })
  local list = json.decode(out)
  t.eq(code, 0)
  t.eq({ list[1].id, list[1].kind, list[1].rows, list[2].id }, { 2, "import", 2, 1 })
  code, out = run({ "history", "--db", db, "--indicator", "新增中小微企业数", "--region", "测试市" })
  t.eq(code, 0)
  t.match(out, "测试市%s+2024年%s+1100%s+当期%s+2%s+.-现值")
  t.match(out, "测试市%s+2024年%s+1000%s+当期%s+1%s+.-被批次 2 替换")
  local _
  code, _, err = run({ "history", "--db", db, "--indicator", "没有这个指标" })
  t.eq(code, 1)
  t.match(err, "未知指标")
end)
