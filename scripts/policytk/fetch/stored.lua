-- policytk.fetch.stored: reading what `policytk fetch` stored — the list of fetched documents
-- (policytk docs --fetched), one version's text (policytk show) and a line diff of two
-- versions with the changed numbers marked (policytk diff).
--
-- Capability: fetch: watching the portals (entry policytk.fetch; map in docs/architecture.md).

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"

local M = {}

M.KEYS = { "id", "city", "source", "title", "doc_number", "issuer", "published", "versions", "last_checked",
           "last_status", "url" }
M.TABLE_KEYS = { "id", "city", "source", "title", "doc_number", "published", "versions", "last_status_text" }

--- The table's titles and the words of last_status (the JSON and CSV keep the codes).
M.TITLES = { id = "编号", city = "城市", source = "栏目", title = "标题", doc_number = "文号", published = "发布日期",
             versions = "版本数", last_status_text = "最近检查" }
M.STATUS = { new = "新增", changed = "有变更", unchanged = "未变", failed = "失败", not_modified = "未变" }

--- last_status as staff read it: 新增, 有变更, 未变, 失败：reason.
function M.status_text(status)
  if status == nil then return "" end
  local reason = status:match("^failed: (.*)$")
  if reason then return "失败：" .. reason end
  return M.STATUS[status] or status
end

--- Rows of the fetched documents (opts.city filters).
function M.list(conn, opts)
  local sql = [[SELECT d.id, d.city, d.source, d.title, d.doc_number, d.issuer, d.published, d.last_checked,
                  d.last_status, d.url, (SELECT count(*) FROM fetched_versions v WHERE v.document = d.id) AS versions
                FROM fetched_documents d %s ORDER BY d.city, d.source, d.published DESC, d.id]]
  if opts and opts.city then
    return store.all(conn, string.format(sql, "WHERE d.city = ?"), opts.city)
  end
  return store.all(conn, string.format(sql, ""))
end

--- Wrap the docs verb with --fetched (the fetched documents instead of the declared ones).
function M.with_fetched(verb)
  table.insert(verb.options, 1, { "--fetched", help = "列出从门户网站抓取的文件（policytk fetch）" })
  verb.usage = verb.usage:gsub("^policytk docs", "policytk docs [--fetched]")
  local run = verb.run
  verb.run = function(opts, args)
    if not opts.fetched then return run(opts, args) end
    local conn = store.open(opts.db)
    local rows = M.list(conn, { city = opts.city })
    conn:close()
    local cols, table_format = {}, opts.format == "table"
    for _, k in ipairs(table_format and M.TABLE_KEYS or M.KEYS) do
      cols[#cols + 1] = { key = k, title = table_format and M.TITLES[k] or nil }
    end
    for _, r in ipairs(rows) do r.last_status_text = M.status_text(r.last_status) end
    tabular.write(io.stdout, opts.format, cols, rows)
    return 0
  end
  return verb
end

--- The fetched document named by ref (its id, or its URL); fails plainly when absent.
function M.find(conn, ref)
  local id = math.tointeger(tonumber(ref))
  local d = id and conn:first("SELECT * FROM fetched_documents WHERE id = ?", id)
    or conn:first("SELECT * FROM fetched_documents WHERE url = ?", ref)
  if not d then cli.fail("没有抓取文件 %s（见 policytk docs --fetched）", ref) end
  return store.clean(d)
end

--- Version n of document id (the latest when n is nil); fails plainly when absent.
function M.version(conn, doc, n)
  local v
  if n then
    v = conn:first("SELECT * FROM fetched_versions WHERE document = ? AND version = ?", doc.id, n)
  else
    v = conn:first("SELECT * FROM fetched_versions WHERE document = ? ORDER BY version DESC LIMIT 1", doc.id)
  end
  if not v then
    local c = conn:first("SELECT count(*) AS n FROM fetched_versions WHERE document = ?", doc.id).n
    cli.fail("抓取文件 %d 没有%s（共 %d 个版本）", doc.id, n and ("第 " .. n .. " 版") or "已存版本", c)
  end
  return store.clean(v)
end

local function split_lines(s)
  local out = {}
  for line in (s .. "\n"):gmatch("(.-)\n") do out[#out + 1] = line end
  if out[#out] == "" then out[#out] = nil end
  return out
end

--- Line diff of a and b: a list of { op = "=" | "-" | "+", line = }. The common prefix and
--- suffix are taken off first, the middle goes through an LCS table.
function M.diff(a, b)
  local x, y = split_lines(a), split_lines(b)
  local ops = {}
  local p = 0
  while p < #x and p < #y and x[p + 1] == y[p + 1] do p = p + 1 end
  local s = 0
  while s < #x - p and s < #y - p and x[#x - s] == y[#y - s] do s = s + 1 end
  for i = 1, p do ops[#ops + 1] = { op = "=", line = x[i] } end
  local n, m = #x - p - s, #y - p - s
  -- lcs[i][j]: length of the LCS of x[p+i..] and y[p+j..]
  local lcs = {}
  for i = n + 1, 1, -1 do
    lcs[i] = {}
    for j = m + 1, 1, -1 do
      if i > n or j > m then lcs[i][j] = 0
      elseif x[p + i] == y[p + j] then lcs[i][j] = lcs[i + 1][j + 1] + 1
      else lcs[i][j] = math.max(lcs[i + 1][j], lcs[i][j + 1]) end
    end
  end
  local i, j = 1, 1
  while i <= n or j <= m do
    if i <= n and j <= m and x[p + i] == y[p + j] then
      ops[#ops + 1] = { op = "=", line = x[p + i] }; i = i + 1; j = j + 1
    elseif j <= m and (i > n or lcs[i][j + 1] >= lcs[i + 1][j]) then
      ops[#ops + 1] = { op = "+", line = y[p + j] }; j = j + 1
    else
      ops[#ops + 1] = { op = "-", line = x[p + i] }; i = i + 1
    end
  end
  for k = #x - s + 1, #x do ops[#ops + 1] = { op = "=", line = x[k] } end
  return ops
end

local NUMBER = "%d[%d%.]*"

local function numbers(line)
  local out = {}
  for num in line:gmatch(NUMBER) do out[num] = (out[num] or 0) + 1 end
  return out
end

--- line with the numbers that are not in other_nums marked by mark(num).
function M.mark_numbers(line, other_nums, mark)
  return (line:gsub(NUMBER, function(num)
    if other_nums[num] then return nil end
    return mark(num)
  end))
end

--- The numbers that changed between removed and added lines: list of "old → new" strings
--- (pairs in order of appearance; an unpaired number shows as "old → ∅" or "∅ → new").
function M.changed_numbers(ops)
  local out = {}
  local k = 1
  while k <= #ops do
    if ops[k].op ~= "=" then
      local minus, plus = {}, {}
      while k <= #ops and ops[k].op ~= "=" do
        local t = ops[k].op == "-" and minus or plus
        t[#t + 1] = ops[k].line
        k = k + 1
      end
      local a, b = table.concat(minus, "\n"), table.concat(plus, "\n")
      local na, nb = numbers(b), numbers(a)
      local olds, news = {}, {}
      for num in a:gmatch(NUMBER) do if not na[num] then olds[#olds + 1] = num end end
      for num in b:gmatch(NUMBER) do if not nb[num] then news[#news + 1] = num end end
      for i = 1, math.max(#olds, #news) do
        out[#out + 1] = (olds[i] or "∅") .. " → " .. (news[i] or "∅")
      end
    else
      k = k + 1
    end
  end
  return out
end

--- Write the diff to out. color: true for ANSI colors, else [-old-] / {+new+} marks.
function M.write_diff(out, ops, color)
  local k = 1
  while k <= #ops do
    local o = ops[k]
    if o.op == "=" then
      out:write("  ", o.line, "\n")
      k = k + 1
    else
      local minus, plus = {}, {}
      while k <= #ops and ops[k].op ~= "=" do
        local t = ops[k].op == "-" and minus or plus
        t[#t + 1] = ops[k].line
        k = k + 1
      end
      local na, nb = numbers(table.concat(plus, "\n")), numbers(table.concat(minus, "\n"))
      for _, line in ipairs(minus) do
        local marked = M.mark_numbers(line, na, function(n)
          return color and ("\27[1;31m" .. n .. "\27[0;31m") or ("[-" .. n .. "-]")
        end)
        out:write(color and "\27[31m- " or "- ", marked, color and "\27[0m\n" or "\n")
      end
      for _, line in ipairs(plus) do
        local marked = M.mark_numbers(line, nb, function(n)
          return color and ("\27[1;32m" .. n .. "\27[0;32m") or ("{+" .. n .. "+}")
        end)
        out:write(color and "\27[32m+ " or "+ ", marked, color and "\27[0m\n" or "\n")
      end
    end
  end
end

return M
