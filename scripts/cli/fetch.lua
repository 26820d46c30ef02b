-- policytk fetch: find new and revised policy documents on the city portals (the plugins'
-- source{} declarations), store every version, and print a summary per source.

local cli = require "policytk.cli"
local core = require "policytk.core"
local fetch = require "policytk.fetch"
local plugins = require "policytk.plugins"
local store = require "policytk.data.store"
local tabular = require "policytk.data.tabular"
local log = require "policytk.log"

local COLUMNS = {
  { key = "city", title = "城市" }, { key = "source", title = "栏目" }, { key = "listed", title = "列出" },
  { key = "matched", title = "符合" }, { key = "new", title = "新增" }, { key = "changed", title = "变更" },
  { key = "unchanged", title = "未变" }, { key = "failed", title = "失败" },
}

-- A one-line progress bar on stderr (a terminal only).
local function bar(label, i, n)
  local width = 30
  local filled = n > 0 and math.floor(width * i / n) or width
  io.stderr:write(string.format("\r%-28s [%s%s] %d/%d", label, string.rep("#", filled),
    string.rep(".", width - filled), i, n))
  if i >= n then io.stderr:write("\r", string.rep(" ", 72), "\r") end
  io.stderr:flush()
end

return {
  summary = "从各市门户网站抓取新发布和修订的文件",
  usage = "policytk fetch [CITY...] [--since DATE] [--until DATE] [--dry-run] [--limit N] [--db PATH]",
  description = "对各插件 portal.lua 中声明的每个门户栏目：列出栏目条目，保留标题含该栏目关键词、日期在范围内\n"
    .. "的条目，抓取新的或有改动的文章（条件请求：未改动的页面只需一次 304），规范化后的文本有变化时\n"
    .. "保存为新版本。按栏目输出 新增 / 变更 / 未变 / 失败 的数目及失败原因；有失败时退出码为 1。\n"
    .. "详见 docs/fetch.md。",
  options = {
    { "--since", arg = "DATE", help = "只取日期在 DATE 当天及以后的条目（YYYY-MM-DD；默认取该栏目的 since）" },
    { "--until", arg = "DATE", help = "只取日期在 DATE 当天及以前的条目" },
    { "--dry-run", help = "只列出将要抓取的条目，不抓取文章，不保存" },
    { "--limit", arg = "N", integer = true, help = "每个栏目最多抓取 N 篇文章" },
    { "--concurrency", arg = "N", integer = true, default = 4, help = "同时抓取的文章数" },
    { "--timeout", arg = "SECONDS", help = "每个请求的时限（秒，默认 30）" },
    { "--format", arg = "FORMAT", values = tabular.formats, default = "table", help = "汇总的输出格式" },
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts, args)
    for _, k in ipairs({ "since", "until" }) do
      if opts[k] and not core.is_iso_date(opts[k]) then
        cli.usage_error("--%s 应为日期 YYYY-MM-DD；实为 %q", k, opts[k])
      end
    end
    if opts.limit and opts.limit < 1 then cli.usage_error("--limit 应为正数") end
    if opts.concurrency < 1 then cli.usage_error("--concurrency 应为正数") end
    local timeout
    if opts.timeout then
      timeout = tonumber(opts.timeout)
      if not timeout or timeout <= 0 then cli.usage_error("--timeout 应为秒数；实为 %q", opts.timeout) end
    end
    local loaded = plugins.load_all(args)
    if #loaded.problems > 0 then cli.fail("%s", table.concat(loaded.problems, "\n")) end
    local list = {}
    for _, p in ipairs(loaded.list) do
      if p.status ~= "ok" then
        log.warn("插件 %s 有问题（policytk plugins 列出），跳过其栏目", p.id)
      elseif #(p.sources or {}) > 0 then
        list[#list + 1] = p
      end
    end
    if #list == 0 then cli.fail("没有插件声明门户栏目（portal.lua 中的 source{}）") end
    local conn, path
    if not opts.dry_run then conn, path = store.open(opts.db) end
    local tty = require("policytk.term").isatty("stderr")
    local fopts = { since = opts.since, ["until"] = opts["until"], limit = opts.limit, dry_run = opts.dry_run,
                    concurrency = opts.concurrency, timeout = timeout, db_path = path }
    if tty then
      fopts.progress = function(row, i, n) bar(row.city .. "/" .. row.source, i, n) end
    else
      fopts.on_source = function(row)
        log.info("%s/%s：列出 %d，符合 %d，新增 %d，变更 %d，未变 %d，失败 %d", row.city, row.source,
          row.listed, row.matched, row.new, row.changed, row.unchanged, row.failed)
      end
    end
    local rows = fetch.run(conn, list, fopts)
    if conn then conn:close() end
    if opts.dry_run then
      local items = {}
      for _, r in ipairs(rows) do
        for _, it in ipairs(r.items or {}) do
          items[#items + 1] = { city = r.city, source = r.source, date = it.date, title = it.title, url = it.url }
        end
      end
      local table_format = opts.format == "table"
      tabular.write(io.stdout, opts.format, {
        { key = "city", title = table_format and "城市" or nil }, { key = "source", title = table_format and "栏目" or nil },
        { key = "date", title = table_format and "日期" or nil }, { key = "title", title = table_format and "标题" or nil },
        { key = "url", title = table_format and "网址" or nil } }, items)
    else
      tabular.write(io.stdout, opts.format, COLUMNS, rows)
    end
    local failed = 0
    for _, r in ipairs(rows) do
      for _, f in ipairs(r.failures) do
        failed = failed + 1
        if opts.format == "table" then
          io.stdout:write(string.format("失败 %s/%s %s：%s\n", r.city, r.source, f.where, f.reason))
        end
      end
    end
    return failed > 0 and cli.FAIL or cli.OK
  end,
}
