-- policytk contract: the plugin contract as Markdown tables, written from
-- policytk.plugins.contract: the fields of every constructor (its schemas) and the members
-- of the ctx each runtime hook receives (its runtime declarations). docs/plugins.md ends with
-- this output (`make docs`; tests/lua/plugins/test_docs.lua checks it is current).

local contract = require "policytk.plugins.contract"

local function type_of(d)
  if d.type == "list" then return "list of " .. type_of(d.item) end
  if d.type == "record" then return "table" end
  if d.type == "enum" then
    local v = {}
    for i, x in ipairs(d.values) do v[i] = "`" .. x .. "`" end
    if d.values == contract.units then return "one of the base units (see below)" end
    return table.concat(v, " ")
  end
  if d.type == "oneof" then
    local v = {}
    for i, a in ipairs(d.alternatives) do v[i] = type_of(a) end
    return table.concat(v, " or ")
  end
  local s = d.type
  if d.pattern then s = s .. " (" .. (d.form or ("`" .. d.pattern .. "`")) .. ")" end
  if d.min and d.type ~= "list" then s = s .. " ≥ " .. d.min end
  return s
end

local function table_of(name, d, out, seen)
  out[#out + 1] = "### " .. name
  out[#out + 1] = ""
  out[#out + 1] = d.desc or ""
  out[#out + 1] = ""
  out[#out + 1] = "| field | type | required | meaning |"
  out[#out + 1] = "|---|---|---|---|"
  local nested = {}
  for _, f in ipairs(d.fields) do
    local fd = f[2]
    out[#out + 1] = string.format("| `%s` | %s | %s | %s |", f[1], type_of(fd):gsub("|", "\\|"),
      fd.required and "yes" or "", (fd.desc or ""):gsub("|", "\\|"):gsub("\n", " "))
    local inner = fd.type == "list" and fd.item or fd
    if inner.type == "record" and not seen[inner] then nested[#nested + 1] = { f[1], inner } end
  end
  out[#out + 1] = ""
  for _, n in ipairs(nested) do
    seen[n[2]] = true
    table_of(name .. "." .. n[1], n[2], out, seen)
  end
end

local function cell(s)
  return ((s or ""):gsub("|", "\\|"):gsub("\n", " "))
end

-- The table of one hook's ctx: member | arguments | returns | meaning.
local function runtime_table(name, hook, out)
  out[#out + 1] = "### runtime." .. name
  out[#out + 1] = ""
  out[#out + 1] = string.format("%s Passed to %s; built by %s.", hook.desc, hook.hooks, hook.built)
  out[#out + 1] = ""
  out[#out + 1] = "| member | arguments | returns | meaning |"
  out[#out + 1] = "|---|---|---|---|"
  for _, m in ipairs(hook.members) do
    local args, returns = "(value)", m.type
    if m.type == "function" then args, returns = "(" .. m.args .. ")", m.returns end
    out[#out + 1] = string.format("| `%s` | %s | %s | %s |", m.name, cell(args), cell(returns), cell(m.desc))
  end
  out[#out + 1] = ""
end

local function constructors(out)
  out[#out + 1] = "## Constructors (contract version " .. contract.VERSION .. ")"
  out[#out + 1] = ""
  local seen = {}
  for _, name in ipairs(contract.constructors) do seen[contract[name]] = true end
  for _, name in ipairs(contract.constructors) do table_of(name .. "{}", contract[name], out, seen) end
  out[#out + 1] = "### Base units"
  out[#out + 1] = ""
  out[#out + 1] = table.concat(contract.units, " ")
  out[#out + 1] = ""
end

local function runtime(out)
  out[#out + 1] = "## Runtime: the ctx of each hook (contract version " .. contract.VERSION .. ")"
  out[#out + 1] = ""
  out[#out + 1] = "A ctx holds these members and no others. `[x]`: an optional argument."
  out[#out + 1] = ""
  for _, name in ipairs(contract.runtime_order) do runtime_table(name, contract.runtime[name], out) end
end

local function markdown()
  local out = {}
  constructors(out)
  runtime(out)
  return table.concat(out, "\n")
end

return {
  summary = "以 Markdown 输出插件契约（各构造器字段、各钩子的 ctx）",
  usage = "policytk contract",
  description = "这些表由 policytk.plugins.contract 生成：宿主校验插件所用的模式，"
    .. "以及各运行时钩子收到的 ctx 成员。",
  markdown = markdown,
  run = function()
    io.stdout:write(markdown(), "\n")
    return 0
  end,
}
