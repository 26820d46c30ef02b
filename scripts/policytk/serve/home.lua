-- policytk.serve.home: the server's own routes — GET /healthz (is the server and its database
-- up) and a placeholder home page GET / listing the cities in the database.
--
-- Capability: the web server (entry policytk.serve; map in docs/architecture.md).

local respond = require "policytk.serve.respond"

local function healthz(_, ctx)
  local row = ctx.db:first("SELECT count(*) AS n FROM cities")
  return respond.json({ ok = true, cities = row.n })
end

local function home(_, ctx)
  local rows = {}
  for r in ctx.db:rows("SELECT id, name FROM cities ORDER BY id") do
    rows[#rows + 1] = string.format('<tr><td>%s</td><td><a href="/city/%s/">驾驶舱</a></td></tr>',
      respond.escape(r.name), respond.percent(r.id))
  end
  local body = #rows > 0
    and ("<table><tr><th>城市</th><th>页面</th></tr>\n" .. table.concat(rows, "\n") .. "\n</table>")
    or "<p>数据库中还没有城市：请先运行 policytk load。</p>"
  return respond.html(respond.page("首页", "<h1>policytk：小微企业政策目标</h1>\n<h2>城市</h2>\n" .. body))
end

return {
  { method = "GET", path = "/healthz", handler = healthz },
  { method = "GET", path = "/", handler = home },
}
