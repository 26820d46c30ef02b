-- policytk.data.shares: county shares of targets (分解下达) — declared by a plugin
-- (target{ shares = … }, kept in step by policytk.data.load) or assigned by staff
-- (`policytk assign`, one at a time or a CSV/XLSX file of them). For one county a staff share
-- overrides the plugin's. Rows are never deleted: a new value supersedes the old one, which
-- stays as history (migrations/0008_target_shares.sql).
--
--   shares.effective(conn, { city =, doc = }) → { ["city|doc|tid"] = { share, … } }   -- by region
--   shares.sync_plugin(conn, target, declared, by, now)      -- policytk.data.load
--   shares.assign(conn, target, region, value, { by =, note =, file = }) → "added" | "updated" | "unchanged"
--   shares.city(conn, given) / shares.target(conn, city, given) / shares.region(conn, city, given)
--   shares.value(raw, target)      -- each: the thing, or nil, error code, Chinese message
--   shares.listing(conn, target) → rows;  shares.history(conn, target) → rows, newest first
--   shares.import(conn, city, path, { by =, sheet =, encoding = }) → { added =, updated =, unchanged = }
--
-- A share: { region =, value =, source = "plugin" | "staff", by_user =, at =, note =,
-- overrides = the plugin share it replaces (staff only) }. A share of a cumulative_new or level
-- target is the county's part of the city's total; of any other kind (growth_rate, share …) it
-- is the county's own target value (its own rate), never summed.
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local core = require "policytk.core"
local importer = require "policytk.data.importer"
local schema = require "policytk.plugins.schema"
local store = require "policytk.data.store"
local values = require "policytk.data.values"
local NULL = require("policytk.db").NULL

local M = {}

M.SOURCE_LABEL = { plugin = "文件下达", staff = "人工录入" }
M.PARTS = { cumulative_new = true, level = true }     -- kinds whose shares are parts of the total

--- Now, ISO 8601 UTC ($POLICYTK_NOW for tests).
function M.now()
  local given = os.getenv("POLICYTK_NOW")
  if given and given:match("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%dZ$") then return given end
  return store.now()
end

--- A UTC ISO time as staff read it (store.beijing): "2025年7月3日 14:05".
M.beijing = store.beijing

local function same(a, b)
  return math.abs(a - b) <= 1e-9 * math.max(1, math.abs(a))
end

local function key(city, doc, tid) return city .. "|" .. doc .. "|" .. tid end
M.key = key

local CURRENT = [[SELECT * FROM target_shares WHERE superseded_at IS NULL
  AND (?1 IS NULL OR city = ?1) AND (?2 IS NULL OR doc = ?2) AND (?3 IS NULL OR tid = ?3)
  ORDER BY city, doc, tid, region, source]]

--- The shares in force, per target ("city|doc|tid"), each list sorted by region: a staff share
--- wins over the plugin's for the same county (kept as its .overrides).
function M.effective(conn, filter)
  filter = filter or {}
  local out, by_region = {}, {}
  for _, r in ipairs(store.all(conn, CURRENT, filter.city or NULL, filter.doc or NULL,
      filter.tid or NULL)) do
    local k = key(r.city, r.doc, r.tid)
    local list, seen = out[k] or {}, by_region[k] or {}
    out[k], by_region[k] = list, seen
    local old = seen[r.region]
    if not old then
      list[#list + 1] = r
      seen[r.region] = #list
    else                                   -- 'plugin' sorts before 'staff': r is the staff share
      r.overrides = list[old]
      list[old] = r
    end
  end
  return out
end

local function current(conn, t, region, source)
  return store.clean(conn:first([[SELECT * FROM target_shares WHERE city = ? AND doc = ? AND tid = ? AND region = ?
    AND source = ? AND superseded_at IS NULL]], t.city, t.doc, t.tid, region, source))
end

-- Write a new current share, superseding old (a row, or nil). Returns the new row's id.
local function put(conn, t, s, old, now)
  if old then conn:run("UPDATE target_shares SET superseded_at = ? WHERE id = ?", now, old.id) end
  local _, id = conn:run([[INSERT INTO target_shares (city, doc, tid, region, value, source, by_user, at, note, file)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)]], t.city, t.doc, t.tid, s.region, s.value, s.source, s.by_user, now,
    s.note or NULL, s.file or NULL)
  if old then conn:run("UPDATE target_shares SET superseded_by = ? WHERE id = ?", id, old.id) end
  return id
end

--- Bring the plugin shares of target t ({ city =, doc =, tid = }) in step with what the plugin
--- declares now (a list of { region =, value = }, or nil): new and changed ones written,
--- ones no longer declared superseded. by: who declares them ("插件 taizhou 1.0.0").
function M.sync_plugin(conn, t, declared, by, now)
  local held = {}
  for _, r in ipairs(store.all(conn, [[SELECT * FROM target_shares WHERE city = ? AND doc = ? AND tid = ?
      AND source = 'plugin' AND superseded_at IS NULL]], t.city, t.doc, t.tid)) do
    held[r.region] = r
  end
  for _, s in ipairs(type(declared) == "table" and declared or {}) do
    local old = held[s.region]
    held[s.region] = nil
    if not old or not same(old.value, s.value) then
      put(conn, t, { region = s.region, value = s.value, source = "plugin", by_user = by }, old, now)
    end
  end
  for _, old in pairs(held) do
    conn:run("UPDATE target_shares SET superseded_at = ? WHERE id = ?", now, old.id)
  end
end

--- Assign a staff share: value for county region of target t (a row of M.target). A new value
--- (or note) supersedes the held one. opts: by, note, file. Call inside a transaction.
function M.assign(conn, t, region, value, opts)
  opts = opts or {}
  local old = current(conn, t, region, "staff")
  if old and same(old.value, value) and (opts.note == nil or opts.note == old.note) then return "unchanged" end
  local by = require("policytk.data.batches").who(opts.by)
  put(conn, t, { region = region, value = value, source = "staff", by_user = by, note = opts.note or (old and old.note),
                 file = opts.file }, old, opts.at or M.now())
  return old and "updated" or "added"
end

-- Lookups ----------------------------------------------------------------------------------

local function near_text(word, candidates)
  local near = schema.nearest(word, candidates)
  return near and string.format("（是否为 %q？）", near) or ""
end

--- The city a plugin id, name (温州市) or code names: { id =, name =, code = }, or nil, code, message.
function M.city(conn, given)
  local r = store.clean(conn:first("SELECT id, name, code FROM cities WHERE id = ?1 OR name = ?1 OR code = ?1",
    given))
  if r then return r end
  local names = {}
  for _, c in ipairs(store.all(conn, "SELECT id, name FROM cities ORDER BY id")) do
    names[#names + 1] = string.format("%s（%s）", c.id, c.name)
  end
  return nil, "unknown_city", string.format("未知城市 %q；库中有：%s", given, table.concat(names, "、"))
end

local TARGETS = [[SELECT t.id AS row_, d.city, d.doc, t.tid, t.quote, t.value, t.unit, t.kind, t.comparator,
  t.indicator, t.region AS target_region, t.deadline
FROM targets t JOIN documents d ON d.id = t.document AND d.withdrawn = 0
WHERE d.city = ? AND t.status = 'active' ORDER BY d.doc, t.position]]

--- The active targets of a city (rows of M.target), document order.
function M.targets(conn, city)
  return store.all(conn, TARGETS, city.id)
end

-- The targets a given id names: "DOC/T01" exactly, "T01" in any document (case ignored).
local function matching(list, given)
  local doc, tid = given:match("^([^/]+)/(.+)$")
  local out = {}
  for _, t in ipairs(list) do
    if (doc and t.doc == doc and t.tid:upper() == tid:upper()) or (not doc and t.tid:upper() == given:upper()) then
      out[#out + 1] = t
    end
  end
  return out
end

--- The target given (as `policytk targets` shows its id: T01, or DOC/T01 when the id is in more
--- than one document of the city) → its row, or nil, code, message (the nearest id suggested).
function M.target(conn, city, given, list)
  list = list or M.targets(conn, city)
  given = values.trim(given or "")
  local found = matching(list, given)
  if #found == 1 then return found[1] end
  if #found > 1 then
    local ids = {}
    for i, t in ipairs(found) do ids[i] = t.doc .. "/" .. t.tid end
    return nil, "ambiguous_target", string.format("%s有多个文件含目标 %s：%s；请写作 文件/编号，如 %s",
      city.name, given, table.concat(ids, "、"), ids[1])
  end
  local ids = {}
  for _, t in ipairs(list) do ids[#ids + 1] = t.tid; ids[#ids + 1] = t.doc .. "/" .. t.tid end
  return nil, "unknown_target", string.format("%s没有目标 %q%s（policytk targets --city %s 列出全部目标）",
    city.name, given, near_text(given, ids), city.id)
end

--- The county a code or name gives (台州市椒江区 as well as 椒江区) → code, name; or nil,
--- code, message: the city itself, or a region that is not one of its counties.
function M.region(conn, city, given)
  local text = values.trim(given or "")
  local bare = text:sub(1, #city.name) == city.name and text:sub(#city.name + 1) or text
  if text == city.code or text == city.name or text == city.id then
    return nil, "not_a_county", string.format("%q 是全市；分解目标只下达到县（市、区）", text)
  end
  local r = store.clean(conn:first("SELECT code, name FROM regions WHERE city = ?1 AND (code = ?2 OR name = ?2)",
    city.id, bare ~= "" and bare or text))
  if r then return r.code, r.name end
  local names = {}
  for _, c in ipairs(store.all(conn, "SELECT name FROM regions WHERE city = ? ORDER BY code", city.id)) do
    names[#names + 1] = c.name
  end
  return nil, "region_not_in_city", string.format("地区 %q 不属于%s（%s的县（市、区）：%s）", text, city.name,
    city.name, table.concat(names, "、"))
end

--- The share a cell or argument gives, in the target's unit (1200, 1,200, 1.2万, 1.2万家, 15%),
--- or nil, code, message.
function M.value(raw, t)
  local v, unit, info = values.read_value(raw)
  local shown = type(raw) == "string" and values.trim(raw) or tostring(raw)
  if v == nil then return nil, "bad_value", string.format("分解目标 %q 不是数字", shown) end
  if info.pct and t.unit ~= "%" then
    return nil, "bad_value", string.format("分解目标 %q 是百分数，而该目标以 %s 计", shown, t.unit)
  end
  local converted, problem = values.convert(v, unit, t.unit)
  if not converted then return nil, "bad_value", string.format("分解目标 %q：%s", shown, problem) end
  if converted < 0 and t.kind ~= "growth_rate" then
    return nil, "bad_value", string.format("分解目标 %q 不能为负数", shown)
  end
  return converted
end

-- Listing ----------------------------------------------------------------------------------

local function region_names(conn, city)
  local names = {}
  for _, r in ipairs(store.all(conn, "SELECT code, name FROM regions WHERE city = ?", city)) do
    names[r.code] = r.name
  end
  return names
end

local function number(v, unit)
  return require("policytk.reports.common").number(v, unit)
end

-- A share as a listing row (Chinese texts, and the plain values for JSON / CSV).
local function listing_row(s, t, names)
  local source = M.SOURCE_LABEL[s.source]
  if s.overrides then
    source = string.format("%s（覆盖文件值 %s）", source, number(s.overrides.value, t.unit))
  end
  return {
    region = s.region, region_name = names[s.region] or s.region, value = s.value, unit = t.unit,
    source = s.source, by = s.by_user, at = s.at, note = s.note, file = s.file,
    value_text = number(s.value, t.unit), source_text = source, at_text = M.beijing(s.at),
  }
end

--- The shares in force of target t, as rows (region order).
function M.listing(conn, t)
  local list = M.effective(conn, { city = t.city, doc = t.doc, tid = t.tid })[key(t.city, t.doc, t.tid)] or {}
  local names, rows = region_names(conn, t.city), {}
  for i, s in ipairs(list) do rows[i] = listing_row(s, t, names) end
  return rows
end

--- Every share value target t ever had, newest first, each row also with superseded_at.
function M.history(conn, t)
  local names, rows = region_names(conn, t.city), {}
  for i, s in ipairs(store.all(conn, "SELECT * FROM target_shares WHERE city = ? AND doc = ? AND tid = ? "
      .. "ORDER BY at DESC, id DESC", t.city, t.doc, t.tid)) do
    rows[i] = listing_row(s, t, names)
    rows[i].superseded = s.superseded_at and M.beijing(s.superseded_at) or "当前"
  end
  return rows
end

-- Import -----------------------------------------------------------------------------------

M.COLUMNS = { "target", "region", "value", "note" }

-- One row's target, region and value, each checked (problems through bad); nil when any fails.
local function check_row(fields, pos, ctx, bad, utf8_ok)
  if not utf8_ok then
    for _, col in ipairs(M.COLUMNS) do
      local at = pos[col] and core.utf8_check(fields[pos[col]] or "")
      if at then bad(col, string.format("不是有效的 UTF-8（第 %d 字节）", at)); return nil end
    end
  end
  local t, _, problem = M.target(ctx.conn, ctx.city, fields[pos.target], ctx.list)
  if not t then bad("target", problem) end
  local region, _, rproblem = M.region(ctx.conn, ctx.city, fields[pos.region])
  if not region then bad("region", rproblem) end
  local value, vproblem
  if t then
    value, _, vproblem = M.value(fields[pos.value], t)
    if not value then bad("value", vproblem) end
  end
  if t and region and value then return t, region, value end
end

-- The writer of policytk.data.importer: each row checked, then assigned.
local function share_writer(job, header)
  local opts = job.opts
  local ctx = { conn = job.conn, city = opts.city_row, list = M.targets(job.conn, opts.city_row) }
  local counts, first = { added = 0, updated = 0, unchanged = 0 }, {}
  local function row(fields, line, utf8_ok)
    local t, region, value = check_row(fields, header.pos, ctx, job.bad, utf8_ok)
    if not t then return end
    local k = t.row_ .. "|" .. region
    if first[k] then
      job.bad("row", string.format("与第 %d 行重复（同一目标、同一地区）", first[k]))
      return
    end
    first[k] = line
    local note = header.pos.note and values.trim(fields[header.pos.note] or "") or ""
    local st = M.assign(job.conn, t, region, value, { by = opts.by, note = note ~= "" and note or nil,
                                                      file = opts.file })
    counts[st] = counts[st] + 1
  end
  return { row = row, finish = function() return counts end, close = function() end }
end

M.SPEC = {
  columns = M.COLUMNS,
  required = { target = true, region = true, value = true },
  fold = string.lower,
  aliases = {
    target = { "指标编号", "目标编号", "编号" },
    region = { "地区", "县（市、区）", "县(市、区)", "县市区", "区域" },
    value = { "分解目标", "分解数", "目标值" },
    note = { "备注" },
  },
  missing_hint = "（需要 指标编号、地区、分解目标 三列）",
  find_header = true,
  writer = share_writer,
}

--- Import the shares of a CSV or XLSX file for city (a row of M.city), all or nothing.
--- opts: by, sheet, encoding, display.
function M.import(conn, city, path, opts)
  opts = opts or {}
  return importer.run(conn, path, M.SPEC, { display = opts.display, sheet = opts.sheet, encoding = opts.encoding,
    by = opts.by, city_row = city, file = (path:match("[^/]+$")) })
end

return M
