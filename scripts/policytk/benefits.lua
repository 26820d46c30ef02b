-- policytk.benefits: evaluate a plugin's benefit rules for one firm and year.
--
-- Rules run in the sandbox with the plugin's budgets and a read-only firm record. The ctx
-- a rule receives: ctx.param(id [, date]) → the value in force on the date (default the
-- last day of the year) or nil; ctx.size(firm, year) → "large"|"medium"|"small"|"micro"|nil;
-- ctx.year; ctx.log; ctx.http → a policytk.http client reaching only the manifest's hosts
-- (policytk.plugin_http; made on first use).

local sandbox = require "policytk.sandbox"
local readonly = require "policytk.readonly"
local log = require "policytk.log"
local plugin_http = require "policytk.plugin_http"

local M = {}

--- The enterprise record fields, with their defaults (docs/plugins.md documents them).
M.firm_defaults = {
  credit_code = "", name = "", kind = "enterprise", region = "", industry = "",
  founded = nil, employees = 0, revenue = {}, assets = {}, above_scale_since = nil,
  high_tech_until = nil, tech_sme = false, specialized = nil, awards = {}, extra = {},
}

--- A firm record with defaults filled for missing fields.
function M.firm(fields)
  local f = {}
  for k, v in pairs(M.firm_defaults) do
    if type(v) == "table" then f[k] = {} else f[k] = v end
  end
  for k, v in pairs(fields or {}) do
    if M.firm_defaults[k] == nil and not ({ founded = 1, above_scale_since = 1, high_tech_until = 1,
      specialized = 1 })[k] then
      error(string.format("firm: unknown field %q", tostring(k)), 2)
    end
    f[k] = v
  end
  return f
end

--- The value of a param on a date (YYYY-MM-DD), or nil when none is in force.
function M.param_value(param, date)
  for _, v in ipairs(param.values) do
    if date >= v.from and (v.to == nil or date <= v.to) then return v.value end
  end
  return nil
end

local sme = require "policytk.sme"
local size_cache = setmetatable({}, { __mode = "k" })   -- firm → { [year] = class }

-- The national size class of a firm in a year, computed once per firm and year.
local function size_of(firm, year)
  local per = size_cache[firm]
  if not per then per = {}; size_cache[firm] = per end
  local c = per[year]
  if c == nil then
    c = sme.classify(readonly.unwrap(firm), year) or false
    per[year] = c
  end
  return c or nil
end

local function make_ctx(plugin, benefit, year)
  local own = {}
  for _, p in ipairs(benefit.params or {}) do own[p.id] = p end
  return plugin_http.attach({
    year = year,
    log = log.named("plugin " .. plugin.id .. ": benefit " .. tostring(benefit.id)),
    param = function(id, date)
      local p = own[id] or (plugin.param_by_id or {})[id]
      if not p then error(string.format("ctx.param: unknown param %q", tostring(id)), 2) end
      return M.param_value(p, date or string.format("%04d-12-31", year))
    end,
    size = size_of,
  }, plugin)
end

-- One rule for one firm, inside the caller's budgeted call: an entry { benefit, amount,
-- reason } or { benefit, error }.
local function judge(b, view, year, ctx)
  local entry = { benefit = b, amount = 0 }
  local ok, eligible, reason = pcall(b.eligible, view, year, ctx)
  if not ok then
    entry.error = tostring(eligible)
  elseif not eligible then
    entry.reason = reason or "不符合条件"
  elseif type(b.amount) == "string" then
    local a = ctx.param(b.amount)
    if a == nil then entry.reason = string.format("%d年无有效标准（参数 %s 不在有效期内）", year, b.amount)
    else entry.amount, entry.reason = a, reason end
  else
    local aok, a, why = pcall(b.amount, view, year, ctx)
    if not aok then entry.error = tostring(a)
    elseif a == nil or a == 0 then entry.reason = why or "金额为零"
    else entry.amount, entry.reason = a, reason or why end
  end
  return entry
end

-- An amount must be a non-negative number, and a whole number of yuan for 元.
local function check_amount(e)
  local a = e.amount
  if type(a) ~= "number" or a < 0 or a ~= a then
    e.error = "amount must be a non-negative number; got " .. tostring(a)
  elseif e.benefit.params[1].unit == "元" and math.type(a) ~= "integer" then
    if a == math.floor(a) then e.amount = math.tointeger(a)
    else e.error = "amount in 元 must be an integer; got " .. tostring(a) end
  end
end

--- Evaluate every benefit of `list` for one firm in ONE budgeted call (the plugin's
--- limits cover the whole firm). Returns a list of { benefit =, amount =, reason =, error = }
--- in list order; a rule that raises gives an entry with `error` naming plugin, rule and firm,
--- and the other rules still run. When a budget runs out, each rule is evaluated again under
--- its own budget, so that the error names the rule.
function M.evaluate_all(plugin, list, firm, year)
  local view = readonly.view(firm)
  local who = tostring(firm.credit_code ~= "" and firm.credit_code or firm.name)
  plugin.ctx_cache = plugin.ctx_cache or {}
  local ctxs = plugin.ctx_cache[year]
  if not ctxs then ctxs = {}; plugin.ctx_cache[year] = ctxs end
  local function run()
    local out = {}
    for i, b in ipairs(list) do
      local ctx = ctxs[b]
      if not ctx then ctx = make_ctx(plugin, b, year); ctxs[b] = ctx end
      out[i] = judge(b, view, year, ctx)
    end
    return out
  end
  local label = #list == 1 and string.format("plugin %s: benefit %s: firm %s", plugin.id, list[1].id, who)
    or string.format("plugin %s: benefits: firm %s", plugin.id, who)
  local ok, out = sandbox.call(label, plugin.limits, run)
  if not ok and #list == 1 then
    out = { { benefit = list[1], amount = 0, error = tostring(out), named = true } }
  elseif not ok then
    out = {}
    for i, b in ipairs(list) do out[i] = M.evaluate_all(plugin, { b }, firm, year)[1] end
  end
  for _, e in ipairs(out) do
    if not e.error then check_amount(e) end
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

--- Evaluate one benefit: returns amount (0 when not paid), reason. Raises an error naming
--- the plugin, the rule and the firm when the rule fails or returns a bad amount.
function M.evaluate(plugin, benefit, firm, year)
  local e = M.evaluate_all(plugin, { benefit }, firm, year)[1]
  if e.error then error(e.error, 0) end
  return e.amount, e.reason
end

return M
