-- Quality of policytk extract, measured: on each of the four source texts, recall and
-- precision of targets (value + unit + deadline exact) and of lead units against what the
-- city plugins encode. Prints the numbers; fails below the goal (90% each, every text).

local Q = require "policytk.extract.quality"

for _, spec in ipairs(Q.TEXTS) do
  test("extract quality: " .. spec.doc, function(t)
    local r = Q.measure(t.seeds(spec.file), Q.plugin_doc(spec.city, spec.doc))
    io.stdout:write("       ", Q.line(spec.doc, r), "\n")
    t.ok(Q.passes(r), string.format("below the goal of %d%%: %s", Q.GOAL * 100, Q.line(spec.doc, r)))
  end)
end
