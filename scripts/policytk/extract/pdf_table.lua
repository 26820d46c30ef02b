-- policytk.extract.pdf_table: a task table (序号 / 总体任务 / 重点工作 / 目标 / 落实举措 / 实施阶段 /
-- 责任单位 / 联系人) that a PDF flattened to one cell fragment per line, read back into rows.
--
-- Repeated header rows, page numbers (— 9 —) and noise above the first header are dropped;
-- cell fragments are reassembled; a row continued on the next page (printed again with its
-- 序号, 重点工作 and 目标 repeated) is merged, so its target column is kept once.
--
-- Capability: text and extract: reading policy documents (entry policytk.extract; map in docs/architecture.md).

local textlib = require "policytk.text"

local M = {}

local function ulen(s) return utf8.len(s) or #s end

local HEADER = { ["序号"] = true, ["总体"] = true, ["任务"] = true, ["实施"] = true, ["阶段"] = true,
                 ["责任单位联系人"] = true, ["责任单位"] = true, ["联系人"] = true, ["重点工作"] = true,
                 ["总体任务"] = true, ["实施阶段"] = true }

local function is_header(l)
  -- the names are at most 21 bytes: a longer line is not looked up (nor hashed)
  return (#l <= 21 and HEADER[l]) or (l:find("重点工作", 1, true) and l:find("落实举措", 1, true)) ~= nil
end

--- True when the text looks like a flattened task table (a header row printed twice or more).
function M.is_table(text)
  local n = 0
  for _, header in ipairs({ "\n责任单位联系人\n", "\n序号\n" }) do
    local k = 1
    while n < 2 do
      local _, e = text:find(header, k, true)
      if not e then break end
      n = n + 1
      k = e + 1
    end
  end
  return n >= 2
end

local function is_phone(l) return l:match("^[%d%-]+$") and #l:gsub("%D", "") >= 7 end

local function phase_at(lines, i)
  local l = lines[i]
  if l:match("^长期") then
    local p = l
    if p ~= "长期实施" and lines[i + 1] and ("长期实施"):find(lines[i + 1], 1, true) then
      return "长期实施", i + 2
    end
    return "长期实施", i + 1
  end
  local a = l:match("^(%d%d%d%d)%-$")
  if a and lines[i + 1] then
    local b, rest = lines[i + 1]:match("^(%d%d%d%d)(.*)$")
    if b then
      if rest:sub(1, 3) == "年" then b, rest = b .. "年", rest:sub(4) end
      return a .. "-" .. b, i + 2, rest ~= "" and rest or nil
    end
  end
  local plain = l:gsub("年$", "")
  if plain:match("^%d%d%d%d%-%d%d%d%d$") or (plain ~= l and plain:match("^%d%d%d%d$")) then return l, i + 1 end
end

local UNIT_END_CHARS = {}
for _, c in utf8.codes("局委办部院行会司厅处室组团府心队所社联关网站)") do UNIT_END_CHARS[utf8.char(c)] = true end

local function last_char(s)
  local i = #s
  while i > 1 and (s:byte(i) & 0xC0) == 0x80 do i = i - 1 end
  return s:sub(i)
end

local function unit_complete(s) return UNIT_END_CHARS[last_char(s)] == true end

--- Rows of the table: list of { number =, group =, group_name =, key_num =, key_work =,
--- target = { {text=, line=}, … }, actions = { {text=, line=}, … } (one per fragment line),
--- phase =, units = {…}, leads = {…}, contacts = { {name=, phone=} … }, parts = n }.
--- Line numbers are those of `text`.
function M.rows(text)
  local lines, lno = textlib.lines(text)    -- the non-empty lines and their numbers
  local rows, by_number = {}, {}
  local i, last, group, group_name = 1, 0, nil, nil
  -- skip everything before the first header
  while i <= #lines and lines[i] ~= "序号" and not is_header(lines[i]) do i = i + 1 end
  while i <= #lines do
    local l = lines[i]
    if is_header(l) or l:match("^—%s*%d+%s*—$") then
      i = i + 1
    elseif l:match("^%d%d?$") and (tonumber(l) == last + 1 or tonumber(l) == last) then
      local num = tonumber(l)
      local row = by_number[num]
      local continued = row ~= nil
      if not row then
        row = { number = num, target = {}, actions = {}, units = {}, leads = {}, contacts = {}, parts = 0 }
        rows[#rows + 1] = row
        by_number[num] = row
      end
      row.parts = row.parts + 1
      last = num
      i = i + 1
      -- 总体任务: "一、" then short fragments, until the "(N)" of 重点工作
      if lines[i] and lines[i]:match("^[一二三四五六七八九十]+、$") then
        group = lines[i]; i = i + 1
        local name = {}
        while lines[i] and not lines[i]:match("^%([一二三四五六七八九十]+%)") and ulen(lines[i]) <= 4 do
          name[#name + 1] = lines[i]; i = i + 1
        end
        group_name = table.concat(name)
      end
      row.group, row.group_name = row.group or group, row.group_name or group_name
      -- 重点工作: "(N)…" then fragments of at most 5 characters
      local kw = {}
      if lines[i] and lines[i]:match("^%([一二三四五六七八九十]+%)") then
        kw[1] = lines[i]; i = i + 1
        while lines[i] and ulen(lines[i]) <= 5 and not phase_at(lines, i) do kw[#kw + 1] = lines[i]; i = i + 1 end
      end
      local key = table.concat(kw)
      if not continued then
        row.key_work = key
        row.key_num = key:match("^(%([一二三四五六七八九十]+%))")
      end
      -- body until the 实施阶段
      local body = {}
      local unit_rest
      while lines[i] do
        local ph, nxt, rest = phase_at(lines, i)
        if ph then
          if not continued or not row.phase then row.phase = ph end
          i = nxt; unit_rest = rest
          break
        end
        if is_header(lines[i]) then break end
        body[#body + 1] = { text = lines[i], line = lno[i] }
        i = i + 1
      end
      -- split the body into the 目标 cell and the 落实举措
      local split = #body + 1
      if continued then
        local want = #row.actions > 0 and row.last_item and (row.last_item + 1) or 1
        for k, b in ipairs(body) do
          -- the 目标 cell printed again: its lines are skipped, so its items are not actions
          if k <= #row.target and b.text == row.target[k].text then goto next_line end
          if b.text:match("^" .. want .. "%.%D") then split = k; break end
          ::next_line::
        end
        for k = split, #body do row.actions[#row.actions + 1] = body[k] end
      else
        local first_numbered = body[1] and body[1].text:match("^1%.%D")
        local wide = body[1] and ulen(body[1].text) > 22
        if wide then split = 1
        else
          local seen = first_numbered and 1 or 0
          for k, b in ipairs(body) do
            if b.text:match("^1%.%D") then
              seen = seen - 1
              if seen < 0 then split = k; break end
            end
          end
        end
        for k = 1, split - 1 do row.target[#row.target + 1] = body[k] end
        for k = split, #body do row.actions[#row.actions + 1] = body[k] end
      end
      for _, b in ipairs(row.actions) do
        local it = tonumber(b.text:match("^(%d%d?)%.%D") or "")
        if it then row.last_item = it end
      end
      -- units and contacts
      local tail = {}
      if unit_rest then tail[1] = unit_rest end
      while lines[i] and not is_header(lines[i])
          and not (lines[i]:match("^%d%d?$") and (tonumber(lines[i]) == last + 1
            or (tonumber(lines[i]) == last and lines[i + 1] and lines[i + 1]:match("^[一二三四五六七八九十]+、$")))) do
        tail[#tail + 1] = lines[i]; i = i + 1
      end
      if not continued then
        local units, starred = {}, {}
        local k = 1
        while k <= #tail do
          local t = tail[k]
          if tail[k + 1] and is_phone(tail[k + 1]) and not t:match("^%*") and not unit_complete(t) then
            row.contacts[#row.contacts + 1] = { name = t, phone = tail[k + 1] }
            k = k + 2
          elseif is_phone(t) or t:match("^—%s*%d+%s*—$") then
            k = k + 1
          else
            local star = t:match("^%*") ~= nil
            local name = t:gsub("^%*", "")
            local prev = units[#units]
            local opens = prev and select(2, prev:gsub("%(", "")) or 0
            local closes = prev and select(2, prev:gsub("%)", "")) or 0
            if prev and not star and (not unit_complete(prev) or name:match("^%(") or opens > closes
                or (ulen(name) <= 3 and not name:match("^市"))) then
              units[#units] = prev .. name
            else
              units[#units + 1] = name
              starred[#units] = star
            end
            k = k + 1
          end
        end
        for u, name in ipairs(units) do
          row.units[u] = name
          if starred[u] then row.leads[#row.leads + 1] = name end
        end
        if #row.leads == 0 and #row.units == 1 then row.leads[1] = row.units[1]; row.sole_lead = true end
      end
    else
      i = i + 1
    end
  end
  for _, r in ipairs(rows) do
    r.section = (r.group or "") .. (r.key_num or "") .. " " .. r.number
    r.title = (r.key_work or ""):gsub("^%([一二三四五六七八九十]+%)", "")
  end
  return rows
end

return M
