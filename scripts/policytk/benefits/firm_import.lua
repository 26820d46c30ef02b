-- policytk.benefits.firm_import: the enterprise register's import — what a register row
-- means (its columns, their checks, the firms and firm_years rows it writes), as a spec run
-- by policytk.data.importer (CSV or XLSX, all or nothing, FILE:LINE: column: problem).
--
-- Columns: credit_code,name,kind,region,industry,founded,employees,above_scale_since,
-- high_tech_until,tech_sme,specialized,awards, then revenue_YYYY and assets_YYYY (yuan) for
-- as many years as the file has; any other column is kept, typed, in the record's `extra`
-- (see policytk.benefits.firm_template).
--
--   firm_import.import(conn, path, { city =, sheet =, today =, display = }) → { added =, replaced = }
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local importer = require "policytk.data.importer"     -- runs the import; this module is its spec
local credit_code = require "policytk.benefits.credit_code"
local core = require "policytk.core"
local json = require "policytk.json"
local values = require "policytk.data.values"
local NULL = require("policytk.db").NULL

local M = {}

M.COLUMNS = { "credit_code", "name", "kind", "region", "industry", "founded", "employees",
              "above_scale_since", "high_tech_until", "tech_sme", "specialized", "awards" }
M.REQUIRED = { credit_code = true, name = true, region = true }

local KIND = { ["企业"] = "enterprise", enterprise = "enterprise", ["个体工商户"] = "individual_business",
               individual_business = "individual_business", [""] = "enterprise" }
local SPECIALIZED = { ["创新型"] = "innovative", innovative = "innovative", ["创新型中小企业"] = "innovative",
                      ["省级"] = "provincial", provincial = "provincial", ["省级专精特新"] = "provincial",
                      ["国家级小巨人"] = "little_giant", little_giant = "little_giant",
                      ["小巨人"] = "little_giant" }
local LEVEL = { national = "national", provincial = "provincial", municipal = "municipal",
                ["国家级"] = "national", ["省级"] = "provincial", ["市级"] = "municipal" }
local YES = { ["是"] = true, ["1"] = true, ["true"] = true, y = true, yes = true, Y = true }
local NO = { ["否"] = true, ["0"] = true, ["false"] = true, n = true, no = true, N = true, [""] = true }

local trim = values.trim

local TRUE = { ["是"] = true, ["true"] = true, yes = true, Y = true, y = true }
local FALSE = { ["否"] = true, ["false"] = true, no = true, N = true, n = true }

--- An extra column's cell as a Lua value: empty → nil; 是/否 (true/false/yes/no) → boolean;
--- a plain number → number; a JSON list or object → its value; anything else → the text.
function M.typed(cell)
  local s = trim(cell)
  if s == "" then return nil end
  if TRUE[s] then return true end
  if FALSE[s] then return false end
  if s:match("^%-?%d+%.?%d*$") then return math.tointeger(tonumber(s)) or tonumber(s) end
  local c = s:sub(1, 1)
  if c == "[" or c == "{" then
    local ok, v = pcall(json.decode, s)
    if ok then return v end
  end
  return s
end

-- The importer's hook for a header name that is not one of M.COLUMNS: revenue_YYYY and
-- assets_YYYY are { what, year } (not a year to come), any other name an extra column.
local function year_or_extra(job, name)
  local what, year = name:match("^(revenue)_(%d%d%d%d)$")
  if not what then what, year = name:match("^(assets)_(%d%d%d%d)$") end
  if not what then return name ~= "" and name or true end          -- true: a blank name, ignored
  year = tonumber(year)
  if year > job.opts.today_year then
    job.bad("header", string.format("列 %s 对应 %d 年，是将来的年份", name, year))
  end
  return { what, year }
end

-- The header's layout: { columns = {index → name}, years = {index → {what, year}},
-- year_list = the years named, extra = {index → name}, extra_year = {index → {NAME, YYYY}}
-- for extra columns named NAME_YYYY }.
local function layout(h)
  local l = { columns = h.columns, years = {}, year_list = {}, extra = {}, extra_year = {} }
  local listed = {}
  for i, role in pairs(h.other) do
    if type(role) == "table" then
      l.years[i] = role
      if not listed[role[2]] then listed[role[2]], l.year_list[#l.year_list + 1] = true, role[2] end
    elseif type(role) == "string" then
      l.extra[i] = role
      local base, year = role:match("^(.+)_(%d%d%d%d)$")
      if base then l.extra_year[i] = { base, tonumber(year) } end
    end
  end
  table.sort(l.year_list)
  return l
end

local function parse_awards(s, bad)
  local list = json.array()
  if s == "" then return list end
  s = s:gsub("；", ";"):gsub("：", ":")
  for item in s:gmatch("[^;]+") do
    local level, name, year = item:match("^%s*([^:]+):([^:]+):%s*(%d%d%d%d)%s*$")
    if not level or not LEVEL[trim(level)] then
      bad("awards", string.format("%q：应为 级别:名称:年份，级别为 国家级/省级/市级", item))
      return nil
    end
    list[#list + 1] = { level = LEVEL[trim(level)], name = trim(name), year = tonumber(year) }
  end
  return list
end

-- The name of the layout's column i, for a message.
local function column_name(l, i)
  local y = l.years[i]
  return l.columns[i] or l.extra[i] or (y and y[1] .. "_" .. y[2]) or ("field " .. i)
end

-- Whether every field is UTF-8; else the first bad one is reported.
local function utf8_fields(fields, l, bad)
  for i = 1, #fields do                          -- in column order: the first bad field is named
    local at = core.utf8_check(fields[i])
    if at then bad(column_name(l, i), string.format("不是有效的 UTF-8（字段第 %d 字节）", at)); return false end
  end
  return true
end

-- credit_code, name, kind, region, industry of rec (the trimmed cells by column) into f.
local function identity(f, rec, lk, opts, bad)
  local code = (rec.credit_code or ""):upper()
  local valid, why = credit_code.valid(code)
  if not valid then bad("credit_code", string.format("%q: %s", rec.credit_code or "", why)) end
  f.credit_code = code
  f.name = rec.name or ""
  if f.name == "" then bad("name", "为空") end
  f.kind = KIND[rec.kind or ""]
  if not f.kind then bad("kind", string.format("%q：应为 企业 或 个体工商户", rec.kind)) end
  local region = rec.region or ""
  f.region = lk.regions[region]
  if not f.region then
    bad("region", string.format("未知地区 %q%s", region, opts.city and ("（" .. opts.city .. "）") or ""))
  end
  f.industry = rec.industry ~= "" and rec.industry or nil
  if f.industry and not f.industry:match("^%u?%d%d%d?%d?$") then
    bad("industry", string.format("%q 不是 GB/T 4754 行业代码（如 C3311）", f.industry))
  end
end

local function given(s) return s and s ~= "" end

-- founded, employees, above_scale_since, high_tech_until of rec into f.
local function dates_and_sizes(f, rec, opts, bad)
  if given(rec.founded) then
    if not core.is_iso_date(rec.founded) then bad("founded", string.format("%q 不是日期 YYYY-MM-DD", rec.founded))
    elseif rec.founded > opts.today then bad("founded", rec.founded .. " is in the future")
    else f.founded = rec.founded end
  end
  if given(rec.employees) then
    local n = math.tointeger(tonumber(rec.employees))
    if not n or n < 0 then bad("employees", string.format("%q 不是人数", rec.employees))
    else f.employees = n end
  end
  if given(rec.above_scale_since) then
    local y = math.tointeger(tonumber(rec.above_scale_since))
    if not y or y < 1949 or y > opts.today_year then
      bad("above_scale_since", string.format("%q 不是已过去的年份", rec.above_scale_since))
    else f.above_scale_since = y end
  end
  if given(rec.high_tech_until) then
    if not core.is_iso_date(rec.high_tech_until) then
      bad("high_tech_until", string.format("%q 不是日期 YYYY-MM-DD", rec.high_tech_until))
    else f.high_tech_until = rec.high_tech_until end
  end
end

-- tech_sme, specialized, awards of rec into f (awards as JSON text).
local function qualifications(f, rec, bad)
  local ts = rec.tech_sme or ""
  if YES[ts] then f.tech_sme = 1 elseif NO[ts] then f.tech_sme = 0
  else bad("tech_sme", string.format("%q：应为 是 或 否", ts)) end
  local sp = rec.specialized or ""
  if sp ~= "" then
    f.specialized = SPECIALIZED[sp]
    if not f.specialized then bad("specialized", string.format("%q：应为 创新型、省级 或 国家级小巨人", sp)) end
  end
  if (rec.awards or "") == "" then f.awards = "[]"; return end     -- the common case, without JSON
  local awards = parse_awards(rec.awards, bad)
  f.awards = awards and json.encode(awards) or "[]"
end

-- The revenue_YYYY and assets_YYYY cells → f.revenue[year], f.assets[year] (tables kept
-- from row to row: emptied here).
local function years(f, fields, l, bad)
  local revenue, assets = f.revenue, f.assets
  for k = 1, #l.year_list do revenue[l.year_list[k]], assets[l.year_list[k]] = nil, nil end
  for i, y in pairs(l.years) do
    local raw = trim(fields[i] or "")
    if raw ~= "" then
      local v, pct = values.number(raw)
      if not v or pct then bad(y[1] .. "_" .. y[2], string.format("%q 不是以元计的金额", raw))
      elseif v < 0 then bad(y[1] .. "_" .. y[2], string.format("%s 是负数", raw))
      else
        f[y[1]][y[2]] = v
      end
    end
  end
end

-- The extra cells, typed, as JSON text; NAME_YYYY columns as extra.NAME[YYYY].
local function extra_json(fields, l)
  local e = {}
  for i, name in pairs(l.extra) do
    local v = M.typed(fields[i] or "")
    local by_year = l.extra_year[i]
    if v ~= nil and by_year then                          -- an empty cell: the field is absent
      local base = by_year[1]
      e[base] = type(e[base]) == "table" and e[base] or {}
      e[base][by_year[2]] = v
    elseif v ~= nil then
      e[name] = v
    end
  end
  return json.encode(e)
end

local MEMO_MAX = 1000   -- extra cells that repeat (a flag, a category) are encoded once

-- f.extra: the JSON of the extra cells; the same cells as a row before give the same text
-- (kept for up to MEMO_MAX distinct rows of extra cells, l.memo).
local function extra(f, fields, l)
  local key
  local one = next(l.extra)
  if one == nil then f.extra = "{}"; return end
  if next(l.extra, one) == nil then key = fields[one] or ""
  else
    local parts = {}
    for i in pairs(l.extra) do parts[#parts + 1] = fields[i] or "" end
    key = table.concat(parts, "\0")
  end
  local memo = l.memo
  local text = memo[key]
  if not text then
    text = extra_json(fields, l)
    if memo.n < MEMO_MAX then memo[key], memo.n = text, memo.n + 1 end
  end
  f.extra = text
end

-- The fields of a checked firm besides revenue and assets (emptied before each row).
local FIRM_FIELDS = { "credit_code", "name", "kind", "region", "industry", "founded", "employees",
                      "above_scale_since", "high_tech_until", "tech_sme", "specialized", "awards", "extra" }

-- One data row → firm table (DB columns) + years, or nil after reporting its problems.
-- utf8_ok: the reader has checked every field already.
-- rec, f: tables kept from row to row (every field of rec is set again; f is emptied).
local function read_row(fields, l, lk, job, utf8_ok, rec, f)
  local bad, opts, before = job.bad, job.opts, job.problems.total
  if not utf8_ok and not utf8_fields(fields, l, bad) then return nil end
  for i, name in pairs(l.columns) do rec[name] = trim(fields[i] or "") end
  for k = 1, #FIRM_FIELDS do f[FIRM_FIELDS[k]] = nil end
  identity(f, rec, lk, opts, bad)
  dates_and_sizes(f, rec, opts, bad)
  qualifications(f, rec, bad)
  years(f, fields, l, bad)
  extra(f, fields, l)
  return job.problems.total == before and f or nil
end

local function region_lookup(conn, city)
  local regions = {}
  for r in conn:rows("SELECT code, name FROM regions WHERE ?1 IS NULL OR city = ?1", city or NULL) do
    regions[r.code], regions[r.name] = r.code, r.code
  end
  for r in conn:rows("SELECT id, code, name FROM cities WHERE ?1 IS NULL OR id = ?1", city or NULL) do
    if r.code ~= NULL then regions[r.code] = r.code; regions[r.name] = r.code end
  end
  return { regions = regions }
end

-- The rows are checked one by one but written set-wise, as the sqlite3 shell's
-- `.import` + INSERT … SELECT would: each good row goes to a TEMP staging table (its revenue
-- and assets by year as columns r<YYYY>, a<YYYY>: one statement a row), whose unique index on
-- the credit code also finds a code the file has twice (the Lua heap holds no table of a
-- million codes, which the garbage collector would walk again and again); once the file is
-- read the register takes the rows in one statement per table, in credit-code order — the
-- firms and both firm_years indexes are then filled front to back instead of at random
-- places, so the time per row stays near flat from 100k to 1M firms.
local UNSTAGE = "DROP TABLE IF EXISTS temp.firm_import_rows"
local TEMP_CACHE_KIB = 131072   -- the staging table's page cache: its unique index takes codes at random

-- The staging table and the statements of a file whose years are year_list.
local function staging_sql(year_list)
  local cols, marks = {}, {}
  for _, y in ipairs(year_list) do
    cols[#cols + 1] = string.format(", r%d REAL, a%d REAL", y, y)
    marks[#marks + 1] = ", ?, ?"
  end
  local selects = {}
  for _, y in ipairs(year_list) do
    selects[#selects + 1] = string.format([[SELECT credit_code, %d AS year, r%d AS revenue, a%d AS assets
        FROM temp.firm_import_rows WHERE r%d IS NOT NULL OR a%d IS NOT NULL]], y, y, y, y, y)
  end
  return {
    create = [[CREATE TEMP TABLE firm_import_rows (credit_code TEXT UNIQUE, line INTEGER, name TEXT,
        kind TEXT, region TEXT, industry TEXT, founded TEXT, employees INTEGER,
        above_scale_since INTEGER, high_tech_until TEXT, tech_sme INTEGER, specialized TEXT,
        awards TEXT, extra TEXT]] .. table.concat(cols) .. ")",
    stage = "INSERT INTO temp.firm_import_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
      .. table.concat(marks) .. ") ON CONFLICT (credit_code) DO NOTHING",
    first_line = "SELECT line FROM temp.firm_import_rows WHERE credit_code = ?",
    years = #selects > 0 and ([[INSERT INTO main.firm_years (credit_code, year, revenue, assets)
      SELECT credit_code, year, revenue, assets FROM (]] .. table.concat(selects, " UNION ALL ")
      .. ") ORDER BY credit_code, year") or nil,
  }
end

local MERGE = {
  -- how many staged firms the register holds already (replaced, not added)
  held = [[SELECT count(*) AS n FROM temp.firm_import_rows r JOIN main.firms f ON f.credit_code = r.credit_code]],
  -- a replaced firm's years are those of the file, not the ones held
  del_years = [[DELETE FROM main.firm_years WHERE credit_code IN
      (SELECT r.credit_code FROM temp.firm_import_rows r JOIN main.firms f ON f.credit_code = r.credit_code)]],
  firms = [[INSERT INTO main.firms (credit_code, name, kind, region, industry, founded, employees,
        above_scale_since, high_tech_until, tech_sme, specialized, awards, extra, source, imported_at)
      SELECT credit_code, name, kind, region, industry, founded, employees, above_scale_since,
        high_tech_until, tech_sme, specialized, awards, extra, ?1, ?2
      FROM temp.firm_import_rows WHERE true ORDER BY credit_code
      ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
        region = excluded.region, industry = excluded.industry, founded = excluded.founded,
        employees = excluded.employees, above_scale_since = excluded.above_scale_since,
        high_tech_until = excluded.high_tech_until, tech_sme = excluded.tech_sme,
        specialized = excluded.specialized, awards = excluded.awards, extra = excluded.extra,
        source = excluded.source, imported_at = excluded.imported_at]],
}

-- Stage firm f (checked) read at line, with its years when `with_years` (args: a list kept
-- from row to row). Returns the line where the file had its credit code first, when it had.
local function stage_firm(st, f, line, year_list, args, with_years)
  args[1], args[2], args[3], args[4], args[5] = f.credit_code, line, f.name, f.kind, f.region
  args[6], args[7], args[8] = f.industry or NULL, f.founded or NULL, f.employees or NULL
  args[9], args[10], args[11] = f.above_scale_since or NULL, f.high_tech_until or NULL, f.tech_sme
  args[12], args[13], args[14] = f.specialized or NULL, f.awards, f.extra
  local n = 14
  for k = 1, #year_list do
    local y = year_list[k]
    args[n + 1] = with_years and f.revenue[y] or NULL
    args[n + 2] = with_years and f.assets[y] or NULL
    n = n + 2
  end
  st.stage:bind(table.unpack(args, 1, n)):step()
  st.stage:reset()
  if st.conn:changes() == 1 then return nil end
  local first = st.first_line:bind(f.credit_code):step()
  st.first_line:reset()
  return first.line
end

-- The staged firms into the register (their years replacing those held); returns the counts.
local function merge(conn, sql, source, now)
  local staged = math.tointeger(conn:first("SELECT count(*) AS n FROM temp.firm_import_rows").n)
  local held = math.tointeger(conn:first(MERGE.held).n)
  if held > 0 then conn:run(MERGE.del_years) end
  conn:run(MERGE.firms, source, now)
  if sql.years then conn:run(sql.years) end
  return { added = staged - held, replaced = held }
end

-- The writer of policytk.data.importer: each row read, checked, and staged — when the
-- staging table has its credit code already, the row is the problem (the code twice); once
-- the file has a problem its rows are staged only to find codes given twice. finish writes
-- the staged rows into the register (all inside the importer's one transaction).
local function firm_writer(job, header)
  local l, lk = layout(header), region_lookup(job.conn, job.opts.city)
  local sql = staging_sql(l.year_list)
  job.conn:exec(UNSTAGE)
  local temp_cache = math.tointeger(job.conn:first("PRAGMA temp.cache_size").cache_size)
  job.conn:exec(string.format("PRAGMA temp.cache_size = -%d", TEMP_CACHE_KIB))
  job.conn:exec(sql.create)
  local st = { conn = job.conn, stage = job.conn:prepare(sql.stage), first_line = job.conn:prepare(sql.first_line) }
  local rec, firm, args = {}, { revenue = {}, assets = {} }, {}
  l.memo = { n = 0 }
  local function close()
    st.stage:close(); st.first_line:close()
    job.conn:exec("PRAGMA temp.cache_size = " .. temp_cache)
  end
  local function row(fields, line, utf8_ok)
    local f = read_row(fields, l, lk, job, utf8_ok, rec, firm)
    if not f then return end
    local first = stage_firm(st, f, line, l.year_list, args, job.problems.total == 0)
    if first then
      job.bad("credit_code", string.format("%s 在文件中出现两次（首次在第 %d 行）", f.credit_code, first))
    end
  end
  local function finish()
    close()
    local counts = merge(job.conn, sql, job.shown, job.now)
    job.conn:exec(UNSTAGE)
    return counts
  end
  return { row = row, finish = finish, close = close }
end

M.SPEC = {
  columns = M.COLUMNS, required = M.REQUIRED, other = year_or_extra,
  missing_hint = "（见 `policytk firms template`）",
  comment_rows = true,
  -- room for the pages the final INSERT … SELECTs touch and for their sorts: with the
  -- default 2 MiB a large import waits on the disk cache (what it holds is freed after)
  cache_kib = 262144,
  writer = firm_writer,
}

--- Import the register at path (CSV or .xlsx). opts: city, sheet, today (YYYY-MM-DD),
--- display. All or nothing: any bad row raises cli.fail listing up to 50 problems as
--- FILE:LINE: column: problem. Returns { added =, replaced = }.
function M.import(conn, path, opts)
  opts = opts or {}
  opts.today = opts.today or require("policytk.progress.dates").today()
  opts.today_year = tonumber(opts.today:sub(1, 4))
  return importer.run(conn, path, M.SPEC, opts)
end

return M
