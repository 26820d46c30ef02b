-- policytk.data.tabular: print rows as an aligned terminal table (CJK counts double width),
-- as CSV (RFC 4180) or as JSON — the three --format choices of every listing verb.
--
--   tabular.write(io.stdout, "table", columns, rows)
--   columns = { { key = "id", title = "ID" }, ... }; rows = array of tables.
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local core = require "policytk.core"

local M = {}

M.formats = { "table", "json", "csv" }

local function cell(v)
  if v == nil or (type(v) == "userdata" and v == require("policytk.json").null) then return "" end
  if type(v) == "table" then
    local parts = {}
    for i, x in ipairs(v) do parts[i] = tostring(x) end
    return table.concat(parts, "、")
  end
  if math.type(v) == "float" and v == math.floor(v) and math.abs(v) < 2^53 then
    return string.format("%d", v)
  end
  return tostring(v)
end
M.cell = cell

local function pad(s, width)
  return s .. string.rep(" ", width - core.width(s))
end

--- Aligned text table with a header and a rule.
function M.table(columns, rows)
  local widths, out = {}, {}
  for i, c in ipairs(columns) do widths[i] = core.width(c.title or c.key) end
  local cells = {}
  for r, row in ipairs(rows) do
    cells[r] = {}
    for i, c in ipairs(columns) do
      local s = cell(row[c.key]):gsub("[\r\n]+", " ")
      cells[r][i] = s
      local w = core.width(s)
      if w > widths[i] then widths[i] = w end
    end
  end
  local line, rule = {}, {}
  for i, c in ipairs(columns) do
    line[i] = pad(c.title or c.key, widths[i])
    rule[i] = string.rep("-", widths[i])
  end
  out[#out + 1] = table.concat(line, "  "):gsub("%s+$", "")
  out[#out + 1] = table.concat(rule, "  ")
  for _, r in ipairs(cells) do
    for i = 1, #columns do line[i] = pad(r[i], widths[i]) end
    out[#out + 1] = table.concat(line, "  "):gsub("%s+$", "")
  end
  return table.concat(out, "\n") .. "\n"
end

--- One CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break.
local function csv_field(s)
  if s:find('[",\r\n]') then return '"' .. s:gsub('"', '""') .. '"' end
  return s
end
M.csv_field = csv_field

--- One CSV line (CRLF included) of a row.
function M.csv_line(columns, row)
  local line = {}
  for i, c in ipairs(columns) do line[i] = csv_field(cell(row[c.key])) end
  return table.concat(line, ",") .. "\r\n"
end

--- The CSV header line: the columns' keys.
function M.csv_header(columns)
  local keys = {}
  for _, c in ipairs(columns) do keys[c.key] = c.key end
  return M.csv_line(columns, keys)
end

--- CSV text (header + rows, CRLF line ends as RFC 4180 asks).
function M.csv(columns, rows)
  local out = { M.csv_header(columns) }
  for i, row in ipairs(rows) do out[i + 1] = M.csv_line(columns, row) end
  return table.concat(out)
end

--- JSON array of objects with exactly the columns' keys (nil becomes null).
function M.json(columns, rows)
  local json = require "policytk.json"
  local list = json.array()
  for i, row in ipairs(rows) do
    local o = {}
    for _, c in ipairs(columns) do
      local v = row[c.key]
      if v == nil then v = json.null end
      o[c.key] = v
    end
    list[i] = o
  end
  return json.pretty(list) .. "\n"
end

local is_format = {}
for _, f in ipairs(M.formats) do is_format[f] = true end

--- Write rows to the file `out` in one of M.formats.
function M.write(out, format, columns, rows)
  if not is_format[format] then error("tabular: unknown format " .. tostring(format), 2) end
  out:write(M[format](columns, rows))
end

return M
