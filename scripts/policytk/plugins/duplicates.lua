-- policytk.plugins.duplicates: one commitment is one target. Two targets of one document with
-- the same indicator, value and unit whose quotes overlap (a common run of at least 4
-- characters, blanks removed, full-width （），；： read as half-width) are the same commitment
-- encoded twice — a table row and its page-break repeat, two columns of one row, a goal
-- restated in a task. The deadline is not compared: the pairs found in the bundled plugins were
-- one commitment stated with two years (2023年 and 每年; 年底前 and none), so a duplicate can
-- hide behind a deadline. Run by policytk.plugins.crossref for every plugin.
--
--   duplicates.check(plugin, bad)   -- bad(decl, path, fmt, …) records a problem at decl
--
-- Capability: the plugin contract and loading (entry policytk.plugins; map in docs/architecture.md).

local M = {}

M.MIN_RUN = 4

local FULL = { ["，"] = ",", ["（"] = "(", ["）"] = ")", ["："] = ":", ["；"] = ";" }

-- The characters of a quote, blanks removed, full-width punctuation folded.
local function chars(s)
  local out = {}
  local ok = pcall(function()
    for _, c in utf8.codes((s:gsub("%s+", ""))) do
      local ch = utf8.char(c)
      out[#out + 1] = FULL[ch] or ch
    end
  end)
  return ok and out or {}
end

-- The longest run of characters a and b share, and the run itself.
local function common_run(a, b)
  local best, at, prev = 0, 0, {}
  for i = 1, #a do
    local cur = {}
    for j = 1, #b do
      if a[i] == b[j] then
        local n = (prev[j - 1] or 0) + 1
        cur[j] = n
        if n > best then best, at = n, i end
      end
    end
    prev = cur
  end
  return best, table.concat(a, "", at - best + 1, at)
end

--- Record a problem on the second target of every pair that encodes one commitment twice.
function M.check(plugin, bad)
  for _, d in ipairs(plugin.declared.document or {}) do
    local ts = type(d.targets) == "table" and d.targets or {}
    for i = 1, #ts do
      for j = i + 1, #ts do
        local a, b = ts[i], ts[j]
        if type(a) == "table" and type(b) == "table" and a.indicator == b.indicator and a.value == b.value
            and a.unit == b.unit and type(a.quote) == "string" and type(b.quote) == "string" then
          local n, run = common_run(chars(a.quote), chars(b.quote))
          if n >= M.MIN_RUN then
            bad(b, string.format("targets[%d](%s)", j, tostring(b.id)),
              "the same commitment as %s (same indicator, value and unit; both quotes say %q): one commitment "
              .. "is one target", tostring(a.id), run)
          end
        end
      end
    end
  end
end

return M
