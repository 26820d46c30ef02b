-- The runtime half of the plugin contract: the ctx the host builds for each hook has exactly
-- the members policytk.plugins.contract declares in `runtime` (nothing undeclared, nothing
-- declared missing), functions where it says function and values of the declared type. Real
-- ctxs from the bundled Wenzhou plugin: a benefit rule's (as evaluate hands it), a report
-- builder's (as build hands a plugin builder, read-only, and as shared builders get it) on a
-- fresh database, and a plugin test's t (as `policytk check` runs it).

local core = require "policytk.core"
local testing = require "policytk.testing"
local contract = require "policytk.plugins.contract"
local plugins = require "policytk.plugins"
local benefits = require "policytk.benefits"

local TYPES = { ["function"] = true, table = true, string = true, integer = true, number = true, boolean = true,
                date = true }

local function wenzhou()
  local p = plugins.load("wenzhou", core.root .. "/plugins/wenzhou")
  assert(p.status == "ok", p.problems[1] and plugins.format_problem(p.problems[1]))
  return p
end

-- Whether v is of a declared type (contract.runtime: a Lua type, "integer" or "date").
local function of_type(v, ty)
  if ty == "integer" then return math.type(v) == "integer" end
  if ty == "date" then return type(v) == "string" and v:match("^%d%d%d%d%-%d%d%-%d%d$") ~= nil end
  return type(v) == ty
end

-- The problems of ctx against the declaration of hook, as "<label>: member x: problem" lines.
local function problems(hook, ctx, label)
  local out, declared = {}, {}
  for _, m in ipairs(contract.runtime[hook].members) do
    declared[m.name] = m
    local v = ctx[m.name]
    if v == nil then
      out[#out + 1] = string.format("%s: member %s is declared but missing", label, m.name)
    elseif not of_type(v, m.type) then
      out[#out + 1] = string.format("%s: member %s is a %s, declared %s", label, m.name, type(v), m.type)
    end
  end
  for k in pairs(ctx) do
    if not declared[k] then
      out[#out + 1] = string.format("%s: member %s is not declared in contract.runtime.%s", label, tostring(k), hook)
    end
  end
  table.sort(out)
  return out
end

-- ctx conforms to the declaration of hook; a failure lists every problem.
local function conforms(t, hook, ctx, label)
  local found = problems(hook, ctx, label)
  t.ok(#found == 0, #found .. " problem(s):\n         " .. table.concat(found, "\n         "))
end

-- Call each function member whose arguments are all optional; its result must be there
-- unless it is declared "or nil".
local function call_bare(t, hook, ctx, label)
  for _, m in ipairs(contract.runtime[hook].members) do
    if m.type == "function" and (m.args == "" or m.args:sub(1, 1) == "[") then
      local v = ctx[m.name]()
      t.ok(v ~= nil or m.returns:find("or nil", 1, true), string.format("%s: %s() returned nil", label, m.name))
    end
  end
end

test("contract.runtime: every hook and member is declared in full", function(t)
  t.eq(#contract.runtime_order, 3)
  for _, hook in ipairs(contract.runtime_order) do
    local h = contract.runtime[hook]
    t.ok(h, "runtime_order names " .. hook .. ", which contract.runtime lacks")
    for _, k in ipairs({ "hooks", "built", "desc" }) do
      t.ok(type(h[k]) == "string" and h[k] ~= "", hook .. ": no " .. k)
    end
    local seen = {}
    for i, m in ipairs(h.members) do
      local where = string.format("runtime.%s.members[%d](%s)", hook, i, tostring(m.name))
      t.ok(type(m.name) == "string" and m.name:match("^[a-z_]+$"), where .. ": name")
      t.ok(not seen[m.name], where .. ": duplicate name")
      seen[m.name] = true
      t.ok(TYPES[m.type], where .. ": type " .. tostring(m.type))
      t.ok(type(m.desc) == "string" and m.desc ~= "", where .. ": desc")
      local is_fn = m.type == "function"
      t.eq(type(m.args) == "string" and type(m.returns) == "string" and m.returns ~= "", is_fn,
        where .. ": args and returns are for functions, and only for them")
    end
  end
  local n = 0
  for _ in pairs(contract.runtime) do n = n + 1 end
  t.eq(n, #contract.runtime_order, "every hook of contract.runtime is in runtime_order")
end)

test("benefit ctx: M.context and the ctx a rule receives hold the declared members", function(t)
  local p = wenzhou()
  local b = p.benefits[1]
  local ctx = benefits.context(p, b, 2024)
  conforms(t, "benefit", ctx, "benefits.context")
  t.eq(ctx.year, 2024)
  local v = ctx.param(b.params[1].id, "2024-06-30")
  t.ok(v == nil or type(v) == "number", "ctx.param returned a " .. type(v))
  -- through evaluate: a copy of the rule whose eligible keeps its ctx
  local seen
  local probe = {}
  for k, x in pairs(b) do probe[k] = x end
  probe.when, probe.reads = nil, nil
  probe.eligible = function(_, _, c) seen = c; return false, "probe" end
  t.eq({ benefits.evaluate(p, probe, benefits.firm{ name = "甲公司" }, 2025) }, { 0, "probe" })
  t.ok(seen, "eligible was not called")
  conforms(t, "benefit", seen, "the ctx of eligible")
  t.eq(seen.year, 2025)
end)

-- A fresh database with the bundled Wenzhou plugin loaded.
local function database()
  local db = testing.tmp_path() .. ".db"
  local code, _, err = testing.policytk({ "load", "--db", db, "wenzhou" })
  assert(code == 0, err)
  return db
end

test("report ctx: engine.context and the ctx builders receive hold the declared members", function(t)
  local engine = require "policytk.reports.engine"
  local readonly = require "policytk.benefits.readonly"
  local path = database()
  local conn = require("policytk.db").open(path)
  local p = wenzhou()
  local rule = p.reports[1]
  t.ok(rule, "wenzhou declares no report")
  local ctx, set = engine.context(conn, p, rule, "2024-Q3")
  conforms(t, "report", ctx, "engine.context")
  conforms(t, "report", readonly.view(ctx), "the read-only view")
  call_bare(t, "report", ctx, "engine.context")
  t.eq({ ctx.period_start, ctx.period_end, ctx.as_of, ctx.previous }, { "2024-07-01", "2024-09-30", "2024-09-30", "2024-Q2" })
  set:close()
  -- through build: a copy of the rule with a plugin builder that keeps its ctx (sandboxed, read-only)
  local seen
  local probe = {}
  for k, v in pairs(rule) do probe[k] = v end
  probe.builder = function(c) seen = c; return { sections = {} } end
  local report = engine.build(conn, p, probe, "2024", { as_of = "2024-06-30" })
  t.eq(report.builder, "plugin")
  t.ok(seen, "the builder was not called")
  conforms(t, "report", seen, "the ctx of a plugin builder")
  t.eq(seen.as_of, "2024-06-30")
  conn:close()
  os.remove(path)
end)

test("test t: what a plugin test's run(t) receives holds the declared members", function(t)
  local check = require "policytk.plugins.check"
  local p = wenzhou()
  local seen
  p.declared.test[#p.declared.test + 1] = { name = "probe", run = function(x) seen = x end }
  local runner = testing.new({ out = function() end })
  check.add_cases(runner, p)
  local kept = {}
  for _, c in ipairs(runner.cases) do if c.name == "wenzhou: probe" then kept[#kept + 1] = c end end
  t.eq(#kept, 1, "the probe test was not added")
  runner.cases = kept
  t.eq({ runner:run() }, { 1, 0 })
  t.ok(seen, "run was not called")
  conforms(t, "test", seen, "the t of a plugin test")
end)
