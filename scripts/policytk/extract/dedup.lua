-- policytk.extract.dedup: one commitment, one target. Two targets of one part (a table row) are
-- one commitment when they have the same value and unit, stand in different numbered items or
-- cells, and their contexts (the words around the number, the number left out) share a run of 4
-- characters: a goal restated in another item (全市新增高校毕业生12万人 = 高校毕业生群体数量新增
-- 12万人以上) or in the 落实举措 column. Never by the number alone: "信用管理示范小微企业:10家;
-- 省AAA级…小微企业:10家" in one list are two. The one kept is the one whose clause carries its
-- deadline: a 每年 commitment first, then a date of its own sentence or clause, then the first.
--
-- Capability: text and extract: reading policy documents (entry policytk.extract; map in docs/architecture.md).

local M = {}

M.RUN = 4

local function chars(s)
  local out = {}
  for _, c in utf8.codes(s) do out[#out + 1] = utf8.char(c) end
  return out
end

-- A character that counts in a run: not a digit, letter, blank, bracket, mark or the "|" cut.
local function counts(ch)
  return #ch >= 3 and not ("，。、；：“”（）《》"):find(ch, 1, true)
end

--- The longest run of counting characters common to a and b.
function M.common_run(a, b)
  local x, y = chars(a or ""), chars(b or "")
  local best, prev = 0, {}
  for i = 1, #x do
    local cur = {}
    if counts(x[i]) then
      for j = 1, #y do
        if x[i] == y[j] then
          cur[j] = (prev[j - 1] or 0) + 1
          if cur[j] > best then best = cur[j] end
        end
      end
    end
    prev = cur
  end
  return best
end

--- True when targets a and b are one commitment (see the header).
function M.same(a, b)
  if a.value ~= b.value or a.unit ~= b.unit or a.twin or b.twin then return false end
  if a.item == b.item then return false end
  return M.common_run(a.context, b.context) >= M.RUN
end

local RANK = { sentence = 2, clause = 2, item = 1 }
local function rank(t)
  if t.every then return 3 end
  return RANK[t.deadline_rule] or 0
end

--- Merge a part's targets: returns the kept list (in order) and the dropped ones, each dropped
--- target with `kept` = the target it restates.
function M.merge(list)
  local kept, dropped = {}, {}
  for _, t in ipairs(list) do
    local twin_of
    for k, u in ipairs(kept) do
      if M.same(u, t) then twin_of = k; break end
    end
    if not twin_of then
      kept[#kept + 1] = t
    else
      local u = kept[twin_of]
      if rank(t) > rank(u) then
        kept[twin_of] = t
        u.kept = t
        dropped[#dropped + 1] = u
      else
        t.kept = u
        dropped[#dropped + 1] = t
      end
    end
  end
  return kept, dropped
end

return M
