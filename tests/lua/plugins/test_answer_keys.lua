-- The plugins against answer keys written by hand from the source texts
-- (tests/fixtures/answer_keys/<doc>.lua; each header says how its sample was chosen). A key is
-- matched to a target by quote overlap and value, not by id (tests/fixtures/answer_keys/score.lua).
-- Figures printed per document and in total: value, unit, comparator, deadline year, exact (all
-- four) and lead unit; the total and every document must reach ≥ 98% exact and ≥ 95% of the
-- lead units the text gives.

local core = require "policytk.core"
local plugins = require "policytk.plugins"

local DIR = core.root .. "/tests/fixtures/answer_keys"
local score = dofile(DIR .. "/score.lua")

local DOCS = {
  { city = "taizhou", doc = "growth2018" },
  { city = "hangzhou", doc = "growth2021" },
  { city = "wenzhou", doc = "friendly2023" },
  { city = "wenzhou", doc = "private32" },
}

test("answer keys: at least 40 targets over the four documents, well formed", function(t)
  local n = 0
  for _, d in ipairs(DOCS) do
    local answer = dofile(DIR .. "/" .. d.doc .. ".lua")
    t.eq(answer.doc, d.doc)
    t.eq(answer.city, d.city)
    for i, k in ipairs(answer.keys) do
      local where = d.doc .. " key " .. i
      t.ok(type(k.quote) == "string" and #k.quote > 0, where .. ": quote")
      t.ok(type(k.value) == "number", where .. ": value")
      t.ok(type(k.unit) == "string", where .. ": unit")
      t.ok(k.comparator == ">=" or k.comparator == "<=" or k.comparator == "~" or k.comparator == "=",
        where .. ": comparator")
      t.match(k.deadline, "^%d%d%d%d%-%d%d%-%d%d$", where .. ": deadline")
    end
    n = n + #answer.keys
  end
  t.ok(n >= 40, "only " .. n .. " keys")
end)

test("answer keys: the plugins reach the thresholds (figures printed)", function(t)
  local loaded = plugins.load_all({ "taizhou", "hangzhou", "wenzhou" })
  local total = { n = 0, value = 0, unit = 0, comparator = 0, deadline = 0, exact = 0, lead_n = 0, lead = 0 }
  local failures = {}
  for _, d in ipairs(DOCS) do
    local p = loaded.by_id[d.city]
    t.ok(p and p.status == "ok", d.city .. " does not load")
    local doc = p.doc_by_id[d.doc]
    t.ok(doc, d.city .. " has no document " .. d.doc)
    local r = score.score(doc, dofile(DIR .. "/" .. d.doc .. ".lua"))
    io.stdout:write(string.format("    answer key %-12s %s\n", d.doc, score.line(r)))
    for k in pairs(total) do total[k] = total[k] + r[k] end
    if not score.passes(r) then
      failures[#failures + 1] = d.doc .. ": " .. score.line(r) .. "\n      " .. table.concat(r.misses, "\n      ")
    end
  end
  io.stdout:write(string.format("    answer key %-12s %s\n", "total", score.line(total)))
  t.ok(score.passes(total), "total below the thresholds: " .. score.line(total))
  t.ok(#failures == 0, "below the thresholds (≥ 98% exact, ≥ 95% leads):\n    " .. table.concat(failures, "\n    "))
end)
