-- policytk.plugins.check: what `policytk check` runs for each plugin — the contract
-- (schemas and cross-references), the quotes of every target against its normalized
-- source text, and the plugin's own tests — all as cases of one policytk.testing runner.
--
-- Capability: the plugin contract and loading (entry policytk.plugins; map in docs/architecture.md).

local plugins = require "policytk.plugins"
local testing = require "policytk.testing"
local benefits = require "policytk.benefits"
local sandbox = require "policytk.plugins.sandbox"

local M = {}

local normalized_cache = {}

--- The normalized text of a seed file (policytk.text.normalize), cached.
function M.source_text(file)
  if normalized_cache[file] then return normalized_cache[file] end
  local text = require("policytk.text")
  local s = text.normalize(testing.seed_text(file))
  normalized_cache[file] = s
  return s
end

-- Quotes are compared with every blank removed on both sides: source texts flattened from
-- PDF tables break a phrase over lines (and pages) wherever a cell wrapped.
local function squash(s)
  return (s:gsub("%s+", ""))
end

local squashed_cache = {}
local function squashed_source(file)
  if not squashed_cache[file] then squashed_cache[file] = squash(M.source_text(file)) end
  return squashed_cache[file]
end

local function normalize_quote(q)
  return squash((require("policytk.text").normalize(q)))
end

-- The t API extensions for plugin tests.
local function plugin_api(plugin)
  local api = {}
  api.plugin = plugin
  function api.doc(id)
    local d = plugin.doc_by_id and plugin.doc_by_id[id]
    if not d then error(string.format("t.doc: no document %q in plugin %s", tostring(id), plugin.id), 2) end
    return d
  end
  api.firm = benefits.firm
  function api.pay(id, firm, year)
    local b = plugin.benefit_by_id and plugin.benefit_by_id[id]
    if not b then error(string.format("t.pay: no benefit %q in plugin %s", tostring(id), plugin.id), 2) end
    return benefits.evaluate(plugin, b, firm, year)
  end
  api.source_text = M.source_text
  -- the entry of a list (or of a map keyed by id) with this id; a missing one fails the test
  function api.by_id(list, id)
    for k, v in pairs(list or {}) do
      if k == id or (type(v) == "table" and v.id == id) then return v end
    end
    error(string.format("t.by_id: no entry %q", tostring(id)), 2)
  end
  -- the number of entries of a list or a map
  function api.count(list)
    local n = 0
    for _ in pairs(list or {}) do n = n + 1 end
    return n
  end
  return api
end

-- Answer keys (tests/fixtures/answer_keys/<doc>.lua under POLICYTK_HOME, written by hand from
-- the texts): where one exists for the document, a line of its recall figures (value, unit,
-- comparator, deadline year, lead unit; tests/fixtures/answer_keys/score.lua). The thresholds
-- are enforced by tests/lua/plugins/test_answer_keys.lua, not here.
function M.add_answer_key(runner, plugin, doc)
  local dir = require("policytk.core").root .. "/tests/fixtures/answer_keys"
  local f = io.open(dir .. "/" .. doc.id .. ".lua", "rb")
  if not f then return end
  f:close()
  local answer = dofile(dir .. "/" .. doc.id .. ".lua")
  if answer.city ~= plugin.id then return end
  runner:add(plugin.id .. ": answer key of " .. doc.id, function()
    local score = dofile(dir .. "/score.lua")
    runner.out(string.format("answer key %s/%s: %s", plugin.id, doc.id, score.line(score.score(doc, answer))))
  end, dir .. "/" .. doc.id .. ".lua")
end

--- Add the cases of one loaded plugin to runner.
function M.add_cases(runner, plugin)
  runner:add(plugin.id .. ": contract", function(t)
    if #plugin.problems > 0 then
      local lines = {}
      for i, p in ipairs(plugin.problems) do lines[i] = plugins.format_problem(p) end
      t.fail(#lines .. " problem(s):\n         " .. table.concat(lines, "\n         "))
    end
  end, plugin.dir .. "/plugin.lua")
  if plugin.status ~= "ok" then return end

  for _, doc in ipairs(plugin.documents) do
    runner:add(plugin.id .. ": quotes of " .. doc.id .. " are in " .. doc.source, function(t)
      local src = squashed_source(doc.source)
      local missing = {}
      local function check(kind, item, quote)
        if type(quote) == "string" and not src:find(normalize_quote(quote), 1, true) then
          missing[#missing + 1] = string.format("%s %s: %q", kind, tostring(item.id), quote)
        end
      end
      for _, tg in ipairs(doc.targets or {}) do check("target", tg, tg.quote) end
      for _, b in ipairs(plugin.benefits) do
        if b.doc == doc.id then
          check("benefit", b, b.quote)
          for _, p in ipairs(b.params) do check("param", p, p.clause) end
        end
      end
      for _, r in ipairs(plugin.reports) do
        if r.doc == doc.id then check("report", r, r.quote) end
      end
      if #missing > 0 then
        t.fail(#missing .. " quote(s) not found in the normalized source:\n         "
          .. table.concat(missing, "\n         "))
      end
    end, plugin.dir)
    M.add_answer_key(runner, plugin, doc)
  end

  plugins.load_tests(plugin)
  if #plugin.problems > 0 then
    runner:add(plugin.id .. ": tests load", function(t)
      local lines = {}
      for i, p in ipairs(plugin.problems) do lines[i] = plugins.format_problem(p) end
      t.fail(table.concat(lines, "\n         "))
    end, plugin.dir .. "/tests")
  end
  local api = plugin_api(plugin)
  for _, tc in ipairs(plugin.declared.test) do
    if type(tc.name) == "string" and type(tc.run) == "function" then
      local o = require("policytk.plugins.schema").origin(tc) or {}
      runner:add(plugin.id .. ": " .. tc.name, function(t)
        testing.absent = nil
        local ok, err = sandbox.call("plugin " .. plugin.id .. ": test " .. tc.name, plugin.limits, tc.run, t)
        if not ok and testing.absent then testing.skip(testing.absent) end   -- a source text is absent
        if not ok then error(err, 0) end
      end, (o.file or "?") .. ":" .. tostring(o.line), api)
    end
  end
end

return M
