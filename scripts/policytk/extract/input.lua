-- policytk.extract.input: read a policy text file for normalize/extract — named errors for
-- what is not a text (missing, binary), a warning for an empty file, and normalization of
-- large inputs in pieces cut at line breaks so memory stays bounded per piece.
--
-- Capability: text and extract: reading policy documents (entry policytk.extract; map in docs/architecture.md).

local text = require "policytk.text"
local cli = require "policytk.cli"

local M = {}

M.PIECE = 4 * 1024 * 1024   -- bytes normalized at a time (cut at a line break)

--- Open FILE ("-" = stdin) and check its first bytes. Returns the file handle and size.
function M.open(path)
  local f, err
  if path == "-" then f = io.stdin else f, err = io.open(path, "rb") end
  if not f then cli.fail("无法打开文件 %s: %s", path, tostring(err)) end
  local head = f:read(65536) or ""
  local nul = select(2, head:gsub("%z", ""))
  if #head > 0 and nul * 100 > #head then
    cli.fail("%s 是二进制文件,不是文本 (binary file: %d NUL bytes in the first %d)", path, nul, #head)
  end
  return f, head
end

-- The line breaks in s (a plain find per break: gsub would build a copy of s).
local function count_lines(s)
  local n, k = 0, 1
  while true do
    local p = s:find("\n", k, true)
    if not p then return n end
    n, k = n + 1, p + 1
  end
end

--- Normalize the whole file piece by piece; calls emit(normalized_piece) and returns the
--- merged report { pieces=, replaced=, mojibake=, pinyin=, width=, joined_numbers=, t2s=,
--- unrepairable = {…} (line numbers of the file), inferred = n, charset = }.
function M.normalize(f, head, emit)
  local total = { pieces = 0, replaced = 0, mojibake = 0, pinyin = 0, width = 0, joined_numbers = 0,
                  t2s = false, unrepairable = {}, inferred = 0, bytes = 0 }
  local buf, line0 = head, 0
  local function flush(piece)
    if piece == "" then return end
    total.pieces = total.pieces + 1
    total.bytes = total.bytes + #piece
    local out, r = text.normalize(piece)
    total.charset = total.charset or r.charset
    for _, k in ipairs({ "replaced", "mojibake", "pinyin", "width", "joined_numbers" }) do
      total[k] = total[k] + (r[k] or 0)
    end
    total.t2s = total.t2s or r.t2s
    for _, u in ipairs(r.unrepairable or {}) do
      if #total.unrepairable < 1000 then
        total.unrepairable[#total.unrepairable + 1] = { line = (u.line or 0) + line0, text = u.text, reason = u.reason }
      end
    end
    total.inferred = total.inferred + #(r.inferred or {})
    line0 = line0 + count_lines(piece)
    emit(out)
  end
  while true do
    local more = f:read(M.PIECE)
    if more then buf = buf .. more end
    if #buf >= M.PIECE or not more then
      if not more then flush(buf); break end
      -- the last line break: searched backwards (a pattern would try every line of the piece)
      local cut = #buf
      while cut > 0 and buf:byte(cut) ~= 10 do cut = cut - 1 end
      if cut == 0 then
        -- a line longer than a piece: cut at a UTF-8 character boundary
        cut = #buf
        while cut > 1 and (buf:byte(cut + 1) or 0) & 0xC0 == 0x80 do cut = cut - 1 end
      end
      flush(buf:sub(1, cut))
      buf = buf:sub(cut + 1)
      -- each piece leaves several strings of its size behind (one per pass): free them now,
      -- so memory stays a few pieces whatever the file size
      collectgarbage()
    end
  end
  return total
end

--- The report as lines for stderr (Chinese for staff).
function M.report_lines(path, r)
  local out = {}
  out[#out + 1] = string.format("%s: %d 字节, 编码 %s", path, r.bytes, r.charset or "?")
  out[#out + 1] = string.format("  乱码修复 %d 处, 推断字符 %d 个, 拼音删除 %d 处, 繁转简 %s, 全角折叠 %d 处, 数字连接 %d 处, 无效字节替换 %d 个",
    r.mojibake, r.inferred, r.pinyin, r.t2s and "是" or "否", r.width, r.joined_numbers, r.replaced)
  if #r.unrepairable > 0 then
    out[#out + 1] = string.format("  无法修复 %d 处:", #r.unrepairable)
    for _, u in ipairs(r.unrepairable) do
      out[#out + 1] = string.format("    第 %d 行: %s (%s)", u.line, u.text or "", u.reason or "")
    end
  end
  return out
end

return M
