-- policytk.data.csv: a streaming RFC 4180 CSV reader. It pulls one line at a time from a
-- function (never the whole file) and yields records: quoted fields may hold commas,
-- doubled quotes and line breaks. A UTF-8 byte order mark at the start is dropped.
--
--   for fields, line, problem in csv.records(next_line) do … end
--     fields: list of strings (nil when the record is broken; problem says why)
--     line:   the line number where the record starts
--   for fields, line, problem, bad in csv.file_records(f) do … end
--     the same records read by the C reader (policytk.csv_reader) straight from an open
--     file; bad: the number of the first field that is not valid UTF-8, or nil
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local M = {}

--- The records of an open file (from its current position), parsed in C; faster than
--- records(file_lines(f)), with the same fields, line numbers and problems. Also returns
--- the reader, whose close() frees its buffers (the file stays open).
function M.file_records(f)
  local reader = require("policytk.csv_reader").new(f)
  local read = reader.read
  return function() return read(reader) end, reader
end

--- Lines of an open file, with their line ends (for file:read("L")).
function M.file_lines(f)
  return function() return f:read("L") end
end

-- Parse from line text s at position i as many fields as the line holds. state carries a
-- field that continues from the previous line. Returns "done" | "more" (a quoted field
-- runs on) | nil, problem.
local function parse_line(s, i, fields, state)
  local n = #s
  while true do
    if state.quoted then
      local j = i
      while true do
        local q = s:find('"', j, true)
        if not q then
          state.buf[#state.buf + 1] = s:sub(i)
          return "more"
        end
        if s:sub(q + 1, q + 1) == '"' then
          state.buf[#state.buf + 1] = s:sub(i, q)
          j = q + 2
          i = j
        else
          state.buf[#state.buf + 1] = s:sub(i, q - 1)
          fields[#fields + 1] = table.concat(state.buf)
          state.quoted, state.buf = false, {}
          i = q + 1
          local c = s:sub(i, i)
          if c == "," then
            i = i + 1
            if i > n then fields[#fields + 1] = ""; return "done" end
          elseif c == "" then
            return "done"
          else
            return nil, "unexpected text after a closing quote in field " .. #fields
          end
          break
        end
      end
    else
      if s:sub(i, i) == '"' then
        state.quoted, state.buf = true, {}
        i = i + 1
      else
        local comma = s:find(",", i, true)
        local field = s:sub(i, (comma or n + 1) - 1)
        if field:find('"', 1, true) then
          return nil, "a quote inside an unquoted field " .. (#fields + 1) .. " (quote the whole field)"
        end
        fields[#fields + 1] = field
        if not comma then return "done" end
        i = comma + 1
        if i > n then fields[#fields + 1] = ""; return "done" end
      end
    end
  end
end

--- Iterate over the records of the lines given by next_line().
function M.records(next_line)
  local line_no = 0
  local first = true
  return function()
    local line = next_line()
    if line == nil then return nil end
    line_no = line_no + 1
    local start = line_no
    if first then
      first = false
      if line:sub(1, 3) == "\239\187\191" then line = line:sub(4) end
    end
    local fields, state = {}, { quoted = false, buf = {} }
    while true do
      local body, eol = line:match("^(.-)(\r?\n?)$")
      local status, problem = parse_line(body, 1, fields, state)
      if not status then
        -- skip the rest of a broken record's line; it may not even be quoted consistently
        return false, start, problem
      end
      if status == "done" then return fields, start end
      state.buf[#state.buf + 1] = eol
      line = next_line()
      if line == nil then
        return false, start, "unterminated quoted field (the quote opened on line " .. start .. " never closes)"
      end
      line_no = line_no + 1
    end
  end
end

return M
