-- policytk.benefits: evaluate a plugin's benefit rules for one firm and year.
--
-- Rules run in the sandbox with the plugin's budgets and a read-only firm record. Rule code
-- cannot change what another rule sees or what it pays: each call of eligible / amount gets
-- fresh views of the firm and of ctx (rawset only reaches a proxy that is then thrown away),
-- a param amount is read from the host's validated copy (never through the rule's ctx), and
-- every param or option amount is checked against its declaration before it is paid
-- (M.check_amount). The ctx a rule receives (M.context) is declared, member by member, in
-- policytk.plugins.contract (runtime.benefit) and documented in docs/plugins.md ("Runtime");
-- tests/lua/plugins/test_runtime_contract.lua checks that the two agree.

local sandbox = require "policytk.plugins.sandbox"
local readonly = require "policytk.benefits.readonly"
local log = require "policytk.log"
local plugin_http = require "policytk.plugins.http"
local conditions = require "policytk.benefits.conditions"

local M = {}

--- The enterprise record fields, with their defaults (docs/plugins.md documents them).
M.firm_defaults = {
  credit_code = "", name = "", kind = "enterprise", region = "", industry = "",
  employees = 0, revenue = {}, assets = {}, tech_sme = false, awards = {}, extra = {},
}
-- every field of the record (those missing from firm_defaults default to nothing)
local FIELDS = {}
for _, f in ipairs(require("policytk.plugins.contract").firm_fields) do FIELDS[f] = true end

--- A firm record with defaults filled for missing fields.
function M.firm(fields)
  local f = {}
  for k, v in pairs(M.firm_defaults) do
    if type(v) == "table" then f[k] = {} else f[k] = v end
  end
  for k, v in pairs(fields or {}) do
    if not FIELDS[k] then
      error(string.format("firm: unknown field %q", tostring(k)), 2)
    end
    f[k] = v
  end
  return f
end

--- The value of a param on a date (YYYY-MM-DD), or nil when none is in force.
M.param_value = conditions.param_value
local year_end = conditions.year_end

local params_cache = setmetatable({}, { __mode = "k" })

--- The params of a benefit by id (made once per benefit).
function M.params_of(b)
  local own = params_cache[b]
  if not own then
    own = {}
    for _, p in ipairs(b.params or {}) do own[p.id] = p end
    params_cache[b] = own
  end
  return own
end

-- The reason a benefit pays nothing when its amount param has no value for the year.
local function no_standard(year, id)
  return string.format("%d年无有效标准（参数 %s 不在有效期内）", year, id)
end

local sme = require "policytk.benefits.sme"
-- The size classes of the firm judged last ({ [year] = class }): rules judge one firm at a
-- time, so one entry serves them all without a table that grows with the register.
local size_firm, size_per = nil, {}

--- The national size class of a firm in a year (its record or a read-only view of it),
--- computed once per firm and year.
local function size_of(firm, year)
  firm = readonly.unwrap(firm)
  if firm ~= size_firm then size_firm, size_per = firm, {} end
  local c = size_per[year]
  if c == nil then
    c = sme.classify(firm, year) or false
    size_per[year] = c
  end
  return c or nil
end

-- The fields ctx.size reads.
local SIZE_FIELDS = { "industry", "employees", "revenue", "assets" }

-- A benefit's reads (the firm fields its Lua functions may read) as a set, or nil.
local reads_sets = setmetatable({}, { __mode = "k" })

local function reads_of(b)
  if not b.reads then return nil end
  local set = reads_sets[b]
  if not set then
    set = {}
    for _, f in ipairs(b.reads) do set[f] = true end
    reads_sets[b] = set
  end
  return set
end

-- ctx.size for a benefit: refused when the benefit declares reads without the size fields.
local function size_for(benefit)
  local reads = reads_of(benefit)
  if not reads then return size_of end
  local missing = {}
  for _, f in ipairs(SIZE_FIELDS) do
    if not reads[f] then missing[#missing + 1] = f end
  end
  if #missing == 0 then return size_of end
  local message = string.format("ctx.size reads firm.%s, which the rule's reads = { %s } does not list",
    table.concat(missing, ", "), table.concat(benefit.reads, ", "))
  return function() error(message, 2) end
end

--- The ctx of a benefit's eligible and amount for a year: the members of
--- contract.runtime.benefit (ctx.http made on first use).
function M.context(plugin, benefit, year)
  local own = M.params_of(benefit)
  return plugin_http.attach({
    year = year,
    log = log.named("plugin " .. plugin.id .. ": benefit " .. tostring(benefit.id)),
    param = function(id, date)
      local p = own[id] or (plugin.param_by_id or {})[id]
      if not p then error(string.format("ctx.param: unknown param %q", tostring(id)), 2) end
      return M.param_value(p, date or year_end(year))
    end,
    size = size_for(benefit),
  }, plugin)
end

-- The value of a benefit's amount param for a year, from the host's validated copy.
local function param_amount(b, year)
  local p = M.params_of(b)[b.amount]
  return p and M.param_value(p, year_end(year))
end

-- The compiled amount options of a benefit whose amount is a list of { when, param }.
local compiled_options = setmetatable({}, { __mode = "k" })

local function options_of(b)
  local list = compiled_options[b]
  if not list then
    local own = M.params_of(b)
    list = {}
    for i, opt in ipairs(b.amount) do
      list[i] = { test = conditions.compile(opt.when or {}, own), when = opt.when or {}, param = own[opt.param] }
    end
    compiled_options[b] = list
  end
  return list
end

-- The amount of a benefit with amount options: the param value of the first option whose
-- conditions hold; else nil and (when reasons are wanted) why the last one failed. size: the
-- size class the conditions ask (a Lua rule's own ctx.size, which keeps to its reads).
local function option_amount(b, firm, year, reasons, size)
  local why
  for _, opt in ipairs(options_of(b)) do
    local failed, v, w = opt.test(firm, year, size)
    if not failed then
      local a = M.param_value(opt.param, year_end(year))
      if a ~= nil then return a end
      why = reasons and no_standard(year, opt.param.id)
    elseif reasons then
      why = conditions.reason(opt.when[failed], year, v, w, firm, size)
    end
  end
  return nil, why
end

-- The read-only face of a ctx (one per call of rule code): reads and pairs go to ctx, writes
-- raise, and rawset only reaches this proxy, which the next call does not get.
local ctx_faces = setmetatable({}, { __mode = "k" })   -- ctx -> the metatable of its faces

local function refuse_ctx(_, k)
  error(string.format("attempt to change read-only field 'ctx.%s'", tostring(k)), 2)
end

local function face(ctx)
  local mt = ctx_faces[ctx]
  if not mt then
    mt = { __index = ctx, __newindex = refuse_ctx, __pairs = function() return next, ctx, nil end,
           __metatable = "read-only" }
    ctx_faces[ctx] = mt
  end
  local f = mt.face
  if f == nil or next(f) ~= nil then   -- made once, again only when rule code rawset into it
    f = setmetatable({}, mt)
    mt.face = f
  end
  return f
end

-- One rule for one firm, inside the caller's budgeted call: an entry { benefit, amount,
-- reason } or { benefit, error }. Each call of the rule's code gets a read-only view of the
-- firm from views (one per reads set, made afresh once rule code has rawset into it) and a
-- face of ctx (the host's, likewise).
local function view_of(firm, views, reads)
  local key = reads or true
  local v = views[key]
  if v == nil or not readonly.untouched(v) then
    v = reads and readonly.only(firm, reads, "the rule", "firm") or readonly.view(firm)
    views[key] = v
  end
  return v
end

local function judge(b, firm, views, year, ctx)
  local reads = reads_of(b)
  local entry = { benefit = b, amount = 0 }
  local ok, eligible, reason = true, true, nil
  if b.eligible then ok, eligible, reason = pcall(b.eligible, view_of(firm, views, reads), year, face(ctx)) end
  if not ok then
    entry.error = tostring(eligible)
  elseif not eligible then
    entry.reason = reason or "不符合条件"
  elseif type(b.amount) == "string" then
    local a = param_amount(b, year)         -- the host's copy, not the rule's ctx.param
    if a == nil then entry.reason = no_standard(year, b.amount)
    else entry.amount, entry.reason = a, reason end
  elseif type(b.amount) == "table" then
    -- the rule's own size: its reads hold for the options' conditions too, which may then raise
    local aok, a, why = pcall(option_amount, b, view_of(firm, views, reads), year, true, ctx.size)
    if not aok then entry.error = tostring(a)
    elseif a == nil then entry.reason = why
    else entry.amount, entry.reason = a, reason end
  else
    local aok, a, why = pcall(b.amount, view_of(firm, views, reads), year, face(ctx))
    if not aok then entry.error = tostring(a)
    elseif a == nil or a == 0 then entry.reason = why or "金额为零"
    else entry.amount, entry.reason = a, reason or why end
  end
  -- what leaves the budget is plain: a reason is text, an amount a number or text (a table's
  -- __tostring/__concat/__eq must not run in the host, outside the budget)
  if entry.reason ~= nil and type(entry.reason) ~= "string" then entry.reason = tostring(entry.reason) end
  local a = entry.amount
  if type(a) ~= "number" and type(a) ~= "string" and type(a) ~= "boolean" and a ~= nil then
    entry.amount = tostring(a)
  end
  return entry
end

--- Check the amount of an entry { benefit =, amount = } of a year before it is paid: a
--- non-negative number, a whole number of yuan for 元; a param amount no more than the
--- param's value for the year; an options amount one of the options' values (0 is not paid
--- and always passes). Sets e.error (e.amount normalised to an integer when whole).
function M.check_amount(e, year)
  local a, b = e.amount, e.benefit
  if type(a) ~= "number" or a < 0 or a ~= a then
    e.error = "amount must be a non-negative number; got " .. tostring(a)
    return
  elseif b.params[1].unit == "元" and math.type(a) ~= "integer" then
    if a == math.floor(a) then a = math.tointeger(a); e.amount = a
    else e.error = "amount in 元 must be an integer; got " .. tostring(a); return end
  end
  if a == 0 or not year then return end
  if type(b.amount) == "string" then
    local v = param_amount(b, year)
    if v == nil or a > v then
      e.error = string.format("amount %s is above param %s (%s in %d)", tostring(a), b.amount, tostring(v), year)
    end
  elseif type(b.amount) == "table" then
    local values = {}
    for _, opt in ipairs(options_of(b)) do
      local v = opt.param and M.param_value(opt.param, year_end(year))
      if v == a then return end
      values[#values + 1] = tostring(v)
    end
    e.error = string.format("amount %s is none of the options (%s in %d)", tostring(a), table.concat(values, ", "), year)
  end
end
local check_amount = M.check_amount

-- The compiled `when` of a benefit (false when it has none), made on first use.
local compiled = setmetatable({}, { __mode = "k" })

local function when_test(b)
  local t = compiled[b]
  if t == nil then
    t = false
    if b.when then t = conditions.compile(b.when, M.params_of(b)) end
    compiled[b] = t
  end
  return t
end


--- Evaluate every benefit of `list` for one firm. The `when` conditions are tested first, by
--- the host (no string is made unless a reason is wanted); a benefit that is `when` alone with
--- a param amount is settled there. The rules that need their Lua functions then run in ONE
--- budgeted sandbox call (the plugin's limits cover the whole firm). Returns a list of
--- { benefit =, amount =, reason =, error = } in list order; a rule that raises gives an entry
--- with `error` naming plugin, rule and firm, and the other rules still run. When a budget
--- runs out, each rule is evaluated again under its own budget, so that the error names the
--- rule. opts.reasons = false (match): no reasons, and no entry for a benefit whose `when`
--- failed.
function M.evaluate_all(plugin, list, firm, year, opts)
  local reasons = not (opts and opts.reasons == false)
  local who = tostring(firm.credit_code ~= "" and firm.credit_code or firm.name)
  local out, lua = {}, nil
  for _, b in ipairs(list) do
    local test = when_test(b)
    local failed, v, w
    if test then failed, v, w = test(firm, year, size_of) end
    if failed then
      if reasons then
        out[#out + 1] = { benefit = b, amount = 0,
                          reason = conditions.reason(b.when[failed], year, v, w, firm, size_of) }
      end
    elseif b.eligible == nil and type(b.amount) == "string" then
      local a = param_amount(b, year)
      local e = { benefit = b, amount = a or 0 }
      if a == nil and reasons then
        e.reason = no_standard(year, b.amount)
      end
      out[#out + 1] = e
    elseif b.eligible == nil and type(b.amount) == "table" then
      local a, why = option_amount(b, firm, year, reasons, size_of)
      out[#out + 1] = { benefit = b, amount = a or 0, reason = why }
    else
      lua = lua or {}
      out[#out + 1] = false
      lua[#lua + 1] = { b = b, at = #out }
    end
  end
  if lua then
    local judged = M.judge_lua(plugin, lua, firm, year, who)
    for i, x in ipairs(lua) do out[x.at] = judged[i] end
  end
  for _, e in ipairs(out) do
    if not e.error then check_amount(e, year) end
    if e.error then
      if not e.named then
        e.error = string.format("plugin %s: benefit %s: firm %s: %s", plugin.id, e.benefit.id, who, e.error)
        e.named = true
      end
      e.amount = 0
    end
  end
  return out
end

-- The rules of `items` ({ b = benefit }) whose `when` holds, judged with their Lua functions
-- in one budgeted call; when the budget runs out, each again under its own budget. A rule
-- that declares reads sees only those fields of the firm.
function M.judge_lua(plugin, items, firm, year, who)
  plugin.ctx_cache = plugin.ctx_cache or {}
  local ctxs = plugin.ctx_cache[year]
  if not ctxs then ctxs = {}; plugin.ctx_cache[year] = ctxs end
  local views = {}       -- reads set (or true) -> the view of firm rules get while untouched
  local function run()
    local out = {}
    for i, x in ipairs(items) do
      local b = x.b
      local ctx = ctxs[b]
      if not ctx then ctx = M.context(plugin, b, year); ctxs[b] = ctx end
      out[i] = judge(b, firm, views, year, ctx)
    end
    return out
  end
  local label = #items == 1 and string.format("plugin %s: benefit %s: firm %s", plugin.id, items[1].b.id, who)
    or string.format("plugin %s: benefits: firm %s", plugin.id, who)
  local ok, out = sandbox.call(label, plugin.limits, run)
  if not ok and #items == 1 then
    out = { { benefit = items[1].b, amount = 0, error = tostring(out), named = true } }
  elseif not ok then
    out = {}
    for i, x in ipairs(items) do out[i] = M.judge_lua(plugin, { x }, firm, year, who)[1] end
  end
  return out
end

--- Judge, with its Lua functions, a benefit whose rule reads one firm field only
--- (b.reads = { field }) on one value of that field, as for every firm that holds the value
--- and passes the rule's `when`: the amount (0: not paid), or nil and the error when the rule
--- fails or returns a bad amount.
function M.judge_field(plugin, b, field, value, year)
  assert(b.reads and #b.reads == 1 and b.reads[1] == field, "judge_field: the benefit must read only " .. field)
  local e = M.judge_lua(plugin, { { b = b } }, { [field] = value }, year, "(" .. field .. ")")[1]
  if not e.error then check_amount(e, year) end
  if e.error then return nil, e.error end
  return e.amount
end

--- Evaluate one benefit: returns amount (0 when not paid), reason. Raises an error naming
--- the plugin, the rule and the firm when the rule fails or returns a bad amount.
function M.evaluate(plugin, benefit, firm, year)
  local e = M.evaluate_all(plugin, { benefit }, firm, year)[1]
  if e.error then error(e.error, 0) end
  return e.amount, e.reason
end

return M
