-- policytk.reports.demo: the last step of `policytk demo` — the Wenzhou quarterly report
-- (季度例会 material) as HTML and as DOCX (the format leaders receive) beside the demo database.
-- Returns { { label =, path = } … }, or nil and why.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local store = require "policytk.data.store"
local common = require "policytk.reports.common"
local engine = require "policytk.reports.engine"

return function(db_path, all)
  local p = all.by_id.wenzhou
  if not p or p.status ~= "ok" then return nil, "the wenzhou plugin did not load" end
  local rule
  for _, r in ipairs(p.reports or {}) do if r.id == "quarterly" then rule = r end end
  if not rule then return nil, "the wenzhou plugin declares no quarterly rule" end
  local base = (db_path:gsub("%.db$", "")) .. "-wenzhou-quarterly"
  local files = {}
  for _, f in ipairs(engine.FORMATS) do
    if f == "html" or f == "docx" then files[#files + 1] = { label = f:upper(), format = f, path = base .. "." .. f } end
  end
  local conn = store.open(db_path)
  local ok, err = pcall(function()
    local doc = engine.document(conn, "wenzhou", rule.doc)
    local period = common.default_period(rule, doc, require("policytk.progress.dates").today())
    local report = engine.build(conn, p, rule, period)
    for _, f in ipairs(files) do engine.write(report, f.format, f.path) end
  end)
  conn:close()
  if not ok then return nil, tostring(err) end
  return files
end
