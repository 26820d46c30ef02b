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

--- Raise a rule's error with the label in front (once: limit errors carry it already).
function M.raise(label, msg)
  msg = tostring(msg)
  if msg:sub(1, #label) == label then error(msg, 0) end
  error(label .. ": " .. msg, 0)
end

--- Evaluate one benefit: returns amount (0 when not paid), reason. Raises an error naming
--- the plugin, the rule and the firm when the rule fails or returns a bad amount.
function M.evaluate(plugin, benefit, firm, year)
  local ctx = make_ctx(plugin, benefit, year)
  local view = readonly.view(firm)
  local label = string.format("plugin %s: benefit %s: firm %s", plugin.id, benefit.id,
    tostring(firm.credit_code ~= "" and firm.credit_code or firm.name))
  local ok, eligible, reason = sandbox.call(label, plugin.limits, benefit.eligible, view, year, ctx)
  if not ok then M.raise(label, eligible) end
  if not eligible then return 0, reason or "不符合条件" end
  local amount
  if type(benefit.amount) == "string" then
    amount = ctx.param(benefit.amount)
    if amount == nil then return 0, string.format("%d年无有效标准（参数 %s 不在有效期内）", year, benefit.amount) end
  else
    local aok, a, why = sandbox.call(label, plugin.limits, benefit.amount, view, year, ctx)
    if not aok then M.raise(label, a) end
    if a == nil or a == 0 then return 0, why or "金额为零" end
    amount = a
  end
  if type(amount) ~= "number" or amount < 0 or amount ~= amount then
    error(string.format("%s: amount must be a non-negative number; got %s", label, tostring(amount)), 0)
  end
  local unit = benefit.params and benefit.params[1] and benefit.params[1].unit
  if unit == "元" and math.type(amount) ~= "integer" then
    if amount == math.floor(amount) then amount = math.tointeger(amount)
    else error(string.format("%s: amount in 元 must be an integer; got %s", label, tostring(amount)), 0) end
  end
  return amount, reason
end

--- Evaluate every benefit of `list` for one firm in ONE budgeted call (the plugin's
--- limits cover the whole firm). Returns a list of { benefit =, amount =, reason =, error = }
--- in list order; a rule that raises gives an entry with `error` naming plugin, rule and firm,
--- and the other rules still run.
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
      local ok, eligible, reason = pcall(b.eligible, view, year, ctx)
      local entry = { benefit = b, amount = 0 }
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
      out[i] = entry
    end
    return out
  end
  local label = string.format("plugin %s: benefits: firm %s", plugin.id, who)
  local ok, out = sandbox.call(label, plugin.limits, run)
  if not ok then
    -- a budget ran out: evaluate rule by rule, each under its own budget, to name the rule
    out = {}
    for i, b in ipairs(list) do
      local eok, amount, reason = pcall(M.evaluate, plugin, b, firm, year)
      out[i] = eok and { benefit = b, amount = amount, reason = reason }
        or { benefit = b, amount = 0, error = tostring(amount), named = true }
    end
  end
  for _, e in ipairs(out) do
    local a = e.amount
    if not e.error and (type(a) ~= "number" or a < 0 or a ~= a) then
      e.error, e.amount = "amount must be a non-negative number; got " .. tostring(a), 0
    elseif not e.error and e.benefit.params[1].unit == "元" and math.type(a) ~= "integer" then
      if a == math.floor(a) then e.amount = math.tointeger(a)
      else e.error, e.amount = "amount in 元 must be an integer; got " .. tostring(a), 0 end
    end
    if e.error then
      if not e.named then
        e.error = string.format("plugin %s: benefit %s: firm %s: %s", plugin.id, e.benefit.id, who, e.error)
      end
      e.amount = 0
    end
  end
  return out
end

return M
