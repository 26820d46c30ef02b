-- policytk.reports.format_xlsx: a report as an XLSX workbook through policytk.xlsx
-- (libxlsxwriter) — a 概况 sheet (metadata, status summary, notes), then a sheet per section:
-- bold shaded header row, frozen; numbers as numbers with 万/亿 display formats; percentages
-- as 0.0%; status cells coloured 绿/黄/红/灰. Written beside the target and renamed, so a
-- failure leaves no half-written file.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"

local M = {}

M.STATUS_STYLE = {
  achieved = { bg = "#C6EFCE", fg = "#006100" }, on_track = { bg = "#C6EFCE", fg = "#006100" },
  lagging = { bg = "#FFEB9C", fg = "#9C5700" }, behind = { bg = "#FFC7CE", fg = "#9C0006" },
  missed = { bg = "#FFC7CE", fg = "#9C0006" }, no_data = { bg = "#D9D9D9", fg = "#404040" },
}

--- The display format of a number of magnitude v in unit: 万 / 亿 scaled, or plain.
function M.num_format(v, unit)
  local u = (unit or ""):gsub('"', "")
  if u == "%" then return '0.00"%"' end
  local a = math.abs(v)
  if a >= 1e8 then return '0!.00,,"亿' .. u .. '"' end
  if a >= 1e4 then return '0!.0,"万' .. u .. '"' end
  if v == math.floor(v) then return '0"' .. u .. '"' end
  return '0.00"' .. u .. '"'
end

-- Sheet names: at most 31 characters, none of []:*?/\, unique.
local function sheet_name(title, used)
  local name = title:gsub("[%[%]:%*%?/\\]", " ")
  local chars = {}
  for _, c in utf8.codes(name) do
    if #chars >= 28 then break end
    chars[#chars + 1] = utf8.char(c)
  end
  name = table.concat(chars)
  local base, n = name, 1
  while used[name] do n = n + 1; name = base .. n end
  used[name] = true
  return name
end

local function build(report, path)
  local xlsx = require "policytk.xlsx"
  local wb = xlsx.writer(path)
  local ok, err = pcall(function()
    local formats = {}
    local function fmt(key, spec)
      if not formats[key] then formats[key] = wb:format(spec) end
      return formats[key]
    end
    local header = fmt("header", { bold = true, bg_color = "#DDEBF7", border = true, wrap = true })
    local wrap = fmt("wrap", { wrap = true, border = true })
    local bold = fmt("bold", { bold = true })
    local pct = fmt("pct", { num_format = "0.0%", border = true })
    local pts = fmt("pts", { num_format = "0.0", border = true })
    local function status_fmt(s)
      local st = M.STATUS_STYLE[s]
      if not st then return wrap end
      return fmt("st_" .. s, { bg_color = st.bg, font_color = st.fg, bold = true, border = true })
    end
    local used = {}
    local ws = wb:sheet(sheet_name("概况", used))
    ws:set_column(0, 0, 16)
    ws:set_column(1, 1, 80, wrap)
    ws:write(0, 0, report.title, bold)
    local row = 2
    for _, kv in ipairs(common.meta_lines(report)) do
      ws:write(row, 0, kv[1], header)
      ws:write(row, 1, kv[2], wrap)
      row = row + 1
    end
    row = row + 1
    ws:write(row, 0, "状态", header)
    ws:write(row, 1, "目标数", header)
    row = row + 1
    for _, s in ipairs(report.summary or {}) do
      ws:write(row, 0, s.color .. " " .. s.label, status_fmt(s.status))
      ws:write(row, 1, s.n)
      row = row + 1
    end
    row = row + 1
    for _, n in ipairs(report.notes or {}) do
      ws:write(row, 0, "说明", header)
      ws:write(row, 1, n, wrap)
      row = row + 1
    end
    if report.method then
      ws:write(row, 0, "方法", header)
      ws:write(row, 1, report.method, wrap)
    end
    for _, s in ipairs(report.sections) do
      local sh = wb:sheet(sheet_name(s.title, used))
      local cols = s.columns or {}
      local r0 = 0
      for i, c in ipairs(cols) do
        sh:write(r0, i - 1, c.title, header)
        local width = (c.key == "quote" or c.key == "reason" or c.key == "title" or c.key == "red_targets") and 40
          or (c.type == "text" and 16 or 13)
        sh:set_column(i - 1, i - 1, width)
      end
      if #cols > 0 then sh:freeze(1, 0) end
      for j, rw in ipairs(s.rows or {}) do
        for i, c in ipairs(cols) do
          local v = rw[c.key]
          if type(v) == "table" then v = common.cell_text(c, rw) end          -- a list: 、-joined
          if v ~= nil and v ~= "" then
            if c.type == "status" then
              sh:write(j, i - 1, common.cell_text(c, rw), status_fmt(v))
            elseif type(v) == "number" and c.type == "percent" then
              sh:write(j, i - 1, v, pct)
            elseif type(v) == "number" and c.type == "points" then
              sh:write(j, i - 1, v, pts)
            elseif type(v) == "number" then
              local nf = M.num_format(v, c.unit or rw.unit)
              sh:write(j, i - 1, v, fmt("n" .. nf, { num_format = nf, border = true }))
            else
              sh:write(j, i - 1, tostring(v), wrap)
            end
          end
        end
      end
      if s.text then sh:write(#(s.rows or {}) + 2, 0, s.text) end
    end
  end)
  local cok, cerr = pcall(wb.close, wb)
  if not ok then error(err, 0) end
  if not cok then error(cerr, 0) end
end

--- Write the report as XLSX to path (whole or not at all).
function M.write(report, path)
  common.replace_atomic(path, function(tmp) build(report, tmp) end)
end

return M
