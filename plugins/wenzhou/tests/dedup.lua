-- No double counts: one commitment stated twice (a table row and its page-break repeat, two
-- columns of one row, a goal restated in a task) is one target. Fails on any two targets of one
-- document with the same indicator, value and unit whose quotes overlap (a common run of at
-- least 4 characters, blanks removed, full-width （），；： read as half-width: the same
-- indicator and value already say "the same quantity", so a short shared phrase such as
-- 重点产业 is enough). The deadline is not compared: the pairs found so far were one
-- commitment stated with two years (2023年 and 每年; 年底前 and none), so a duplicate can
-- hide behind a deadline; a shared deadline is reported when there is one.

local FULL = { ["，"] = ",", ["（"] = "(", ["）"] = ")", ["："] = ":", ["；"] = ";" }

local function chars(s)
  local out = {}
  for _, c in utf8.codes((s:gsub("%s+", ""))) do
    local ch = utf8.char(c)
    out[#out + 1] = FULL[ch] or ch
  end
  return out
end

local function common_run(a, b)
  local best, prev = 0, {}
  for i = 1, #a do
    local cur = {}
    for j = 1, #b do
      if a[i] == b[j] then
        local n = (prev[j - 1] or 0) + 1
        cur[j] = n
        if n > best then best = n end
      end
    end
    prev = cur
  end
  return best
end

local function overlap(q1, q2)
  return common_run(chars(q1), chars(q2)) >= 4
end

test("no target is encoded twice (same indicator, value, unit; overlapping quotes)", function(t)
  local pairs_found = {}
  for _, d in ipairs(t.plugin.documents) do
    local ts = d.targets or {}
    for i = 1, #ts do
      for j = i + 1, #ts do
        local a, b = ts[i], ts[j]
        if a.indicator == b.indicator and a.value == b.value and a.unit == b.unit and overlap(a.quote, b.quote) then
          pairs_found[#pairs_found + 1] = string.format("%s: %s %q (%s) and %s %q (%s)%s", d.id,
            a.id, a.quote, a.deadline, b.id, b.quote, b.deadline, a.deadline == b.deadline and ", same deadline" or "")
        end
      end
    end
  end
  t.ok(#pairs_found == 0, "one commitment encoded twice:\n         " .. table.concat(pairs_found, "\n         "))
end)
