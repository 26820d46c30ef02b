-- policytk.benefits.firms: the enterprise register — the template, importing it (CSV or XLSX, all
-- or nothing, line-numbered errors) and reading firm records back for benefit rules.
--
-- Columns: credit_code,name,kind,region,industry,founded,employees,above_scale_since,
-- high_tech_until,tech_sme,specialized,awards, then revenue_YYYY and assets_YYYY (yuan) for
-- as many years as the file has; any other column is kept as-is in the record's `extra`.

local core = require "policytk.core"
local row_source = require "policytk.data.row_source"
local json = require "policytk.json"
local store = require "policytk.data.store"
local values = require "policytk.data.values"
local credit_code = require "policytk.benefits.credit_code"
local NULL = require("policytk.db").NULL
local bad_rows = require "policytk.data.bad_rows"

local M = {}

M.COLUMNS = { "credit_code", "name", "kind", "region", "industry", "founded", "employees",
              "above_scale_since", "high_tech_until", "tech_sme", "specialized", "awards" }
M.REQUIRED = { credit_code = true, name = true, region = true }

M.TEMPLATE = [[
# policytk 企业名录模板 (policytk firms import FILE)
# 列名 column          含义
# credit_code          统一社会信用代码，18位，按GB 32100-2015校验
# name                 企业名称
# kind                 企业 / 个体工商户（enterprise / individual_business；空 = 企业）
# region               所在县（市、区）：GB/T 2260代码或名称
# industry             国民经济行业代码 GB/T 4754，如 C3311
# founded              成立日期 YYYY-MM-DD
# employees            从业人员（人）
# above_scale_since    首次纳入规上（规模以上）统计的年份，如 2024；空 = 规下
# high_tech_until      高新技术企业证书有效期至 YYYY-MM-DD；空 = 不是
# tech_sme             科技型中小企业：是/否
# specialized          专精特新：创新型 / 省级 / 国家级小巨人（或 innovative / provincial / little_giant）；空 = 无
# awards               获奖：级别:名称:年份，多项用;分隔，如 national:中国质量奖:2024;municipal:市长质量奖:2023
#                      （级别 national/provincial/municipal 或 国家级/省级/市级）
# revenue_YYYY         该年营业收入（元），每年一列，如 revenue_2023,revenue_2024
# assets_YYYY          该年资产总额（元）
# 其他列                供插件使用：是/否 → 布尔，数字 → 数值，JSON 列表/对象原样解析，空格 = 无；
#                      名为 NAME_YYYY 的列按年份汇总为 extra.NAME[YYYY]（如 taxable_income_2024）
credit_code,name,kind,region,industry,founded,employees,above_scale_since,high_tech_until,tech_sme,specialized,awards,revenue_2023,revenue_2024,assets_2024
]]

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

-- JSON object keys are strings: give per-year tables ({"2024": …}) their integer years back.
local function year_keys(t)
  if type(t) ~= "table" then return t end
  local out = {}
  for k, v in pairs(t) do
    local y = type(k) == "string" and k:match("^%d%d%d%d$") and tonumber(k) or k
    out[y] = year_keys(v)
  end
  return out
end

-- Header → { columns = {index → name}, years = {index → {kind, year}}, extra = {index → name} }
local function read_header(fields, today_year, bad)
  local h = { columns = {}, years = {}, extra = {}, n = #fields }
  local seen = {}
  local known = {}
  for _, c in ipairs(M.COLUMNS) do known[c] = true end
  for i, raw in ipairs(fields) do
    local name = trim(raw)                         -- (the readers drop a BOM)
    if seen[name] then bad("header", string.format("column %q appears twice", name)) end
    seen[name] = true
    local what, year = name:match("^(revenue)_(%d%d%d%d)$")
    if not what then what, year = name:match("^(assets)_(%d%d%d%d)$") end
    if what then
      year = tonumber(year)
      if year > today_year then
        bad("header", string.format("column %s is for %d, a year in the future", name, year))
      end
      h.years[i] = { what, year }
    elseif known[name] then
      h.columns[i] = name
    elseif name ~= "" then
      h.extra[i] = name
    end
  end
  for _, c in ipairs(M.COLUMNS) do               -- in column order, the same every run
    if M.REQUIRED[c] and not seen[c] then
      bad("header", string.format("missing column %q (see `policytk firms template`)", c))
    end
  end
  return h
end

local function parse_awards(s, bad)
  local list = json.array()
  if s == "" then return list end
  s = s:gsub("；", ";"):gsub("：", ":")
  for item in s:gmatch("[^;]+") do
    local level, name, year = item:match("^%s*([^:]+):([^:]+):%s*(%d%d%d%d)%s*$")
    if not level or not LEVEL[trim(level)] then
      bad("awards", string.format("%q: expected level:name:year, level national/provincial/municipal", item))
      return nil
    end
    list[#list + 1] = { level = LEVEL[trim(level)], name = trim(name), year = tonumber(year) }
  end
  return list
end

-- The name of the header's column i, for a message.
local function column_name(h, i)
  local y = h.years[i]
  return h.columns[i] or h.extra[i] or (y and y[1] .. "_" .. y[2]) or ("field " .. i)
end

-- One data row → firm table (DB columns) + years, or nil after reporting problems.
-- utf8_ok: the reader has checked every field already.
local function read_row(fields, h, lk, opts, bad, utf8_ok)
  if not utf8_ok then
    for i = 1, #fields do                        -- in column order: the first bad field is named
      local at = core.utf8_check(fields[i])
      if at then bad(column_name(h, i), string.format("invalid UTF-8 (byte %d of the field)", at)); return nil end
    end
  end
  local rec = {}
  for i, name in pairs(h.columns) do rec[name] = trim(fields[i] or "") end
  local ok = true
  local function fail(col, msg) bad(col, msg); ok = false end

  local f = { extra = {} }
  local code = (rec.credit_code or ""):upper()
  local valid, why = credit_code.valid(code)
  if not valid then fail("credit_code", string.format("%q: %s", rec.credit_code or "", why)) end
  f.credit_code = code
  f.name = rec.name or ""
  if f.name == "" then fail("name", "empty") end
  f.kind = KIND[rec.kind or ""]
  if not f.kind then fail("kind", string.format("%q: expected 企业 or 个体工商户", rec.kind)) end
  local region = rec.region or ""
  f.region = lk.regions[region]
  if not f.region then
    fail("region", string.format("unknown region %q%s", region,
      opts.city and (" in " .. opts.city) or ""))
  end
  f.industry = rec.industry ~= "" and rec.industry or nil
  if f.industry and not f.industry:match("^%u?%d%d%d?%d?$") then
    fail("industry", string.format("%q is not a GB/T 4754 code (e.g. C3311)", f.industry))
  end
  if rec.founded and rec.founded ~= "" then
    if not core.is_iso_date(rec.founded) then fail("founded", string.format("%q is not a date YYYY-MM-DD", rec.founded))
    elseif rec.founded > opts.today then fail("founded", rec.founded .. " is in the future")
    else f.founded = rec.founded end
  end
  if rec.employees and rec.employees ~= "" then
    local n = math.tointeger(tonumber(rec.employees))
    if not n or n < 0 then fail("employees", string.format("%q is not a number of people", rec.employees))
    else f.employees = n end
  end
  if rec.above_scale_since and rec.above_scale_since ~= "" then
    local y = math.tointeger(tonumber(rec.above_scale_since))
    if not y or y < 1949 or y > opts.today_year then
      fail("above_scale_since", string.format("%q is not a past year", rec.above_scale_since))
    else f.above_scale_since = y end
  end
  if rec.high_tech_until and rec.high_tech_until ~= "" then
    if not core.is_iso_date(rec.high_tech_until) then
      fail("high_tech_until", string.format("%q is not a date YYYY-MM-DD", rec.high_tech_until))
    else f.high_tech_until = rec.high_tech_until end
  end
  local ts = rec.tech_sme or ""
  if YES[ts] then f.tech_sme = 1 elseif NO[ts] then f.tech_sme = 0
  else fail("tech_sme", string.format("%q: expected 是 or 否", ts)) end
  local sp = rec.specialized or ""
  if sp ~= "" then
    f.specialized = SPECIALIZED[sp]
    if not f.specialized then fail("specialized", string.format("%q: expected 创新型, 省级 or 国家级小巨人", sp)) end
  end
  local awards = parse_awards(rec.awards or "", function(c, m) fail(c, m) end)
  f.awards = awards and json.encode(awards) or "[]"

  f.years = {}
  for i, y in pairs(h.years) do
    local raw = trim(fields[i] or "")
    if raw ~= "" then
      local v, pct = values.number(raw)
      local col = y[1] .. "_" .. y[2]
      if not v or pct then fail(col, string.format("%q is not an amount in yuan", raw))
      elseif v < 0 then fail(col, string.format("%s is negative", raw))
      else
        f.years[y[2]] = f.years[y[2]] or {}
        f.years[y[2]][y[1]] = v
      end
    end
  end
  for i, name in pairs(h.extra) do
    local v = M.typed(fields[i] or "")
    local base, year = name:match("^(.+)_(%d%d%d%d)$")
    if v ~= nil and base then                             -- an empty cell: the field is absent
      f.extra[base] = type(f.extra[base]) == "table" and f.extra[base] or {}
      f.extra[base][tonumber(year)] = v
    elseif v ~= nil then
      f.extra[name] = v
    end
  end
  f.extra = json.encode(f.extra)
  return ok and f or nil
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

--- Import the register at path (CSV or .xlsx). opts: city, sheet, today (YYYY-MM-DD),
--- display. All or nothing: any bad row raises cli.fail listing up to 50 problems as
--- FILE:LINE: column: problem. Returns { added =, replaced = }.
function M.import(conn, path, opts)
  opts = opts or {}
  opts.today = opts.today or os.date("!%Y-%m-%d")
  opts.today_year = tonumber(opts.today:sub(1, 4))
  local shown = opts.display or path
  local lk = region_lookup(conn, opts.city)
  local problems = bad_rows.new(shown)
  local function bad(col, problem) problems:add(col, problem) end
  local next_record, close, encoding = row_source.open(path, { sheet = opts.sheet, encoding = opts.encoding })
  local checked = encoding == "utf-8"            -- the C reader has checked the UTF-8 of each field
  local counts = { added = 0, replaced = 0 }
  local now = store.now()
  -- room for the pages the inserts touch: firm_years_by_year takes the years in (year, code)
  -- order, not the file's, and with the default 2 MiB a large import waits on the disk cache
  -- (1M firms: 155 s; 116 s with this; what it holds is freed with the connection or below)
  local cache_size = conn:first("PRAGMA cache_size").cache_size
  conn:exec("PRAGMA cache_size = -262144")
  local ok, e = pcall(conn.transaction, conn, function()
    local ins <close> = conn:prepare([[INSERT INTO firms (credit_code, name, kind, region, industry, founded,
      employees, above_scale_since, high_tech_until, tech_sme, specialized, awards, extra, source, imported_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
        region = excluded.region, industry = excluded.industry, founded = excluded.founded,
        employees = excluded.employees, above_scale_since = excluded.above_scale_since,
        high_tech_until = excluded.high_tech_until, tech_sme = excluded.tech_sme,
        specialized = excluded.specialized, awards = excluded.awards, extra = excluded.extra,
        source = excluded.source, imported_at = excluded.imported_at]])
    local exists <close> = conn:prepare("SELECT imported_at FROM firms WHERE credit_code = ?")
    local del_years <close> = conn:prepare("DELETE FROM firm_years WHERE credit_code = ?")
    local ins_year <close> = conn:prepare("INSERT INTO firm_years (credit_code, year, revenue, assets) VALUES (?, ?, ?, ?)")
    local header, seen = nil, {}
    for fields, line, problem, bad_utf8 in next_record do
      problems.line = line
      if not fields then
        bad(header and "row" or "header", problem)
      elseif not header then
        header = read_header(fields, opts.today_year, bad)
        if problems.total > 0 then break end
      elseif not (#fields == 1 and fields[1] == "") and not (fields[1] or ""):match("^#") then
        if #fields ~= header.n then
          bad("row", string.format("%d fields; the header has %d", #fields, header.n))
        else
          local f = read_row(fields, header, lk, opts, bad, checked and not bad_utf8)
          if f and seen[f.credit_code] then
            bad("credit_code", string.format("%s appears twice in the file (first on line %d)", f.credit_code,
              seen[f.credit_code]))
          elseif f then
            seen[f.credit_code] = line
            if problems.total == 0 then
              local old = exists:bind(f.credit_code):step()
              exists:reset()
              ins:bind(f.credit_code, f.name, f.kind, f.region, f.industry or NULL, f.founded or NULL,
                f.employees or NULL, f.above_scale_since or NULL, f.high_tech_until or NULL, f.tech_sme,
                f.specialized or NULL, f.awards, f.extra, shown, now):step()
              del_years:bind(f.credit_code):step()
              for year, v in pairs(f.years) do
                ins_year:bind(f.credit_code, year, v.revenue or NULL, v.assets or NULL):step()
              end
              if old then counts.replaced = counts.replaced + 1 else counts.added = counts.added + 1 end
            end
          end
        end
      end
    end
    if not header and problems.total == 0 then problems.line = 1; bad("header", "the file is empty") end
    if problems.total > 0 then error("bad rows", 0) end
  end)
  close()
  conn:exec("PRAGMA cache_size = " .. math.tointeger(cache_size))
  if not ok then
    if problems.total > 0 then problems:fail() end
    error(e, 0)
  end
  return counts
end

-- JSON texts decoded once per iteration: a register repeats the same awards and extra texts
-- (most firms have none, many share a few flags), and the records only read them. At most
-- DECODED_MAX distinct texts are kept; past that, each record decodes its own.
local DECODED_MAX = 4096

local function decoder(convert)
  local cache, n = {}, 0
  return function(text)
    local v = cache[text]
    if v == nil then
      v = convert(json.decode(text))
      if n < DECODED_MAX then cache[text], n = v, n + 1 end
    end
    return v
  end
end

local function award_years(list)
  for _, a in ipairs(list) do a.year = math.tointeger(a.year) or a.year end
  return list
end

-- The JSON columns decoded once per distinct text (shared: treat them as read-only): awards a
-- list of { level, name, year }, extra with NAME_YYYY columns as { [year] = value }.
local decode_awards, decode_extra = decoder(award_years), decoder(year_keys)

--- The decoded text of the JSON column `column` ("awards" or "extra"), decoded once per
--- distinct text (shared: treat it as read-only).
function M.decode(column, text)
  return (column == "awards" and decode_awards or decode_extra)(text)
end

--- A record builder: build(code, name, kind, region, industry, founded, employees,
--- above_scale_since, high_tech_until, tech_sme, specialized, awards, extra) → the firm record
--- (nil for NULL; revenue and assets empty, to be filled by year). The JSON columns are decoded
--- once per distinct text for the builder's life, so records share them: treat records as
--- read-only.
function M.record_builder()
  local awards_of = decoder(award_years)
  local extra_of = decoder(year_keys)
  return function(code, name, kind, region, industry, founded, employees, above, ht, tech_sme, specialized,
                  awards, extra)
    return {
      credit_code = code, name = name, kind = kind, region = region,
      industry = industry or "", founded = founded, employees = employees or 0,
      above_scale_since = above, high_tech_until = ht, tech_sme = tech_sme == 1,
      specialized = specialized,
      awards = awards == "[]" and {} or awards_of(awards),
      extra = extra == "{}" and {} or extra_of(extra), revenue = {}, assets = {},
    }
  end
end

--- The region codes of a city (?1): its districts and counties, and the city's own code.
M.CITY_REGIONS_SQL = "SELECT code FROM regions WHERE city = ?1 UNION ALL SELECT code FROM cities WHERE id = ?1"

--- The register query (13 columns, in record_builder's order) and the firm-years query (code,
--- year, revenue, assets), both in credit-code order, for a filter { region =, city =,
--- credit_code = }; and the values to bind to both (nil for none). The years query reads every
--- firm's years unless a region or a code is given: a merge by code (as M.each does) skips the
--- others, and that costs less than joining each year to its firm. one_year: the years query
--- gives (code, revenue, assets) of the year bound as ?4 only (the register query leaves ?4
--- unused), read through the index firm_years_by_year rather than past every other year.
function M.queries(filter, one_year)
  filter = filter or {}
  local where = [[
    WHERE (?1 IS NULL OR f.region = ?1)
      AND (?2 IS NULL OR f.region IN (]] .. M.CITY_REGIONS_SQL:gsub("%?1", "?2") .. [[))
      AND (?3 IS NULL OR f.credit_code = ?3)]]
  -- every query names ?1 … ?3, so that one list of values binds them all
  local years = "SELECT y.credit_code, y.year, y.revenue, y.assets FROM firm_years y"
  if filter.credit_code then
    years = years .. " WHERE y.credit_code = ?3 AND coalesce(?1, ?2, 1) IS NOT NULL"
  elseif filter.region then
    years = years .. " JOIN firms f ON f.credit_code = y.credit_code" .. where
  else
    years = years .. " WHERE coalesce(?1, ?2, ?3, 1) IS NOT NULL"
  end
  local binds = { filter.region, filter.city, filter.credit_code }
  if one_year then
    years = years:gsub("y%.year, ", "", 1) .. " AND y.year = ?4"     -- the year is known
  end
  return [[SELECT f.credit_code, f.name, f.kind, f.region, f.industry, f.founded, f.employees,
      f.above_scale_since, f.high_tech_until, f.tech_sme, f.specialized, f.awards, f.extra FROM firms f]]
      .. where .. " ORDER BY f.credit_code",
    years .. " ORDER BY y.credit_code, y.year", binds
end

--- Iterate over firm records (the enterprise record of docs/plugins.md), in credit-code
--- order. filter: { region = code, city = id, credit_code = code }. Records that share the
--- same awards or extra text share one decoded table: treat records as read-only.
function M.each(conn, filter, fn)
  local firms_sql, years_sql, args = M.queries(filter)
  local a1, a2, a3 = args[1] or NULL, args[2] or NULL, args[3] or NULL
  local firms_q <close> = conn:prepare(firms_sql)
  local years_q <close> = conn:prepare(years_sql)
  firms_q:bind(a1, a2, a3)
  years_q:bind(a1, a2, a3)
  local build = M.record_builder()
  local ycode, year, revenue, assets = years_q:values()
  local function n(v) if v == NULL then return nil end return v end
  while true do
    local code, name, kind, region, industry, founded, employees, above, ht, tech_sme, specialized, awards, extra
      = firms_q:values()
    if code == nil then break end
    local rec = build(code, name, kind, region, n(industry), n(founded), n(employees), n(above), n(ht), tech_sme,
                      n(specialized), awards, extra)
    while ycode and ycode < code do ycode, year, revenue, assets = years_q:values() end
    local rev, ass = rec.revenue, rec.assets
    while ycode == code do
      if revenue ~= NULL then rev[year] = math.tointeger(revenue) or revenue end
      if assets ~= NULL then ass[year] = math.tointeger(assets) or assets end
      ycode, year, revenue, assets = years_q:values()
    end
    fn(rec)
  end
end

return M
