-- policytk.moved: the module names of version 1, before the libraries moved into capability
-- folders (policytk.quantity is now policytk.extract.quantity, …). Staff scripts written
-- against the old names keep working: a searcher added to package.searchers loads the new
-- module under the old name and says once, on stderr, what to write instead. The project's own
-- code uses only the new names (tests/lua/host/test_moved.lua checks it).

local M = {}

--- old module name → new module name
M.NAMES = {
  ["policytk.contract"] = "policytk.plugins.contract",
  ["policytk.schema"] = "policytk.plugins.schema",
  ["policytk.crossref"] = "policytk.plugins.crossref",
  ["policytk.sandbox"] = "policytk.plugins.sandbox",
  ["policytk.plugin_path"] = "policytk.plugins.path",
  ["policytk.plugin_summary"] = "policytk.plugins.summary",
  ["policytk.plugin_check"] = "policytk.plugins.check",
  ["policytk.plugin_http"] = "policytk.plugins.http",
  ["policytk.indicators"] = "policytk.plugins.indicators",
  ["policytk.store"] = "policytk.data.store",
  ["policytk.load"] = "policytk.data.load",
  ["policytk.exports"] = "policytk.data.exports",
  ["policytk.import"] = "policytk.data.import",
  ["policytk.values"] = "policytk.data.values",
  ["policytk.csv"] = "policytk.data.csv",
  ["policytk.tabular"] = "policytk.data.tabular",
  ["policytk.row_source"] = "policytk.data.row_source",
  ["policytk.bad_rows"] = "policytk.data.bad_rows",
  ["policytk.progress_dates"] = "policytk.progress.dates",
  ["policytk.progress_data"] = "policytk.progress.data",
  ["policytk.progress_cli"] = "policytk.progress.cli",
  ["policytk.rollup"] = "policytk.progress.rollup",
  ["policytk.firms"] = "policytk.benefits.firms",
  ["policytk.sme"] = "policytk.benefits.sme",
  ["policytk.credit_code"] = "policytk.benefits.credit_code",
  ["policytk.conditions"] = "policytk.benefits.conditions",
  ["policytk.match_plan"] = "policytk.benefits.match_plan",
  ["policytk.match"] = "policytk.benefits.match",
  ["policytk.readonly"] = "policytk.benefits.readonly",
  ["policytk.firm_gen"] = "policytk.benefits.firm_gen",
  ["policytk.fetched"] = "policytk.fetch.stored",
  ["policytk.structure"] = "policytk.extract.structure",
  ["policytk.quantity"] = "policytk.extract.quantity",
  ["policytk.deadline"] = "policytk.extract.deadline",
  ["policytk.pdf_table"] = "policytk.extract.pdf_table",
  ["policytk.extract_format"] = "policytk.extract.format",
  ["policytk.extract_quality"] = "policytk.extract.quality",
  ["policytk.text_input"] = "policytk.extract.input",
  ["policytk.portal.article"] = "policytk.fetch.portal.article",
  ["policytk.portal.common"] = "policytk.fetch.portal.common",
  ["policytk.portal.generic"] = "policytk.fetch.portal.generic",
  ["policytk.portal.hanweb_jcms"] = "policytk.fetch.portal.hanweb_jcms",
  ["policytk.portal.jpaas"] = "policytk.fetch.portal.jpaas",
}

local warned = {}

local function searcher(name)
  local new = M.NAMES[name]
  if not new then return nil end
  return function()
    if not warned[name] then
      warned[name] = true
      io.stderr:write(string.format("提示: 模块 %s 已更名为 %s，请在脚本中改用新名称\n", name, new))
    end
    return require(new)
  end, new
end

--- Add the searcher once (after Lua's own, so that a module of the old name on the path wins).
function M.install()
  for _, s in ipairs(package.searchers) do
    if s == searcher then return end
  end
  package.searchers[#package.searchers + 1] = searcher
end

return M
