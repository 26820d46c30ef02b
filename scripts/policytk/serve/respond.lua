-- policytk.serve.respond: the answers route handlers return — HTML pages, JSON, redirects,
-- downloads and the error pages — with the security headers every answer carries.
--
-- A response is a table { status = 200, headers = { name = value }, body = "…" }; the app
-- (policytk.serve.app) hands it to the server as status, headers, body. Everything shown to
-- staff is Chinese; every text put into HTML goes through respond.escape.
--
--   respond.html(respond.page("标题", "<p>…</p>"))       respond.json({ ok = true })
--   respond.redirect("/login")                          respond.download(bytes, "报表.xlsx", type)
--   respond.error(404)                                  respond.escape("<b>") → "&lt;b&gt;"
--
-- Capability: the web server (entry policytk.serve; map in docs/architecture.md).

local json = require "policytk.json"

local M = {}

--- The headers every answer carries (the C server adds them to its own 413/500/503 too):
--- no framing, no MIME sniffing, no referrer to other sites, and a CSP that allows only this
--- site's own resources plus inline styles (the pages' SVG charts and tables are styled inline).
M.SECURITY_HEADERS = {
  ["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    .. "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  ["X-Content-Type-Options"] = "nosniff",
  ["X-Frame-Options"] = "DENY",
  ["Referrer-Policy"] = "same-origin",
  ["Cache-Control"] = "no-store",
}

local ENT = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }

--- s percent-encoded (RFC 3986): every byte but the unreserved ones (letters, digits, - . _ ~)
--- and those of `keep` (e.g. "/" for a path).
function M.percent(s, keep)
  return (tostring(s):gsub("[^%w%-%._~" .. (keep or "") .. "]", function(c)
    return string.format("%%%02X", c:byte())
  end))
end

--- Text → HTML text or attribute value (& < > " ' escaped); nil → "".
function M.escape(s)
  if s == nil then return "" end
  return (tostring(s):gsub("[&<>\"']", ENT))
end

local function with_security(headers)
  local h = {}
  for k, v in pairs(M.SECURITY_HEADERS) do h[k] = v end
  for k, v in pairs(headers or {}) do h[k] = v end
  return h
end

--- headers with the security headers added (those given win).
M.headers = with_security

--- A whole HTML document: title (text, escaped here) and body (HTML, as given).
function M.page(title, body)
  return table.concat({
    '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>", M.escape(title), " · policytk</title>",
    "<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:1.5em auto;max-width:1280px;",
    "padding:0 1em;color:#222}h1{font-size:1.4em}table{border-collapse:collapse}td,th{border:1px solid #ccc;",
    "padding:.3em .6em}@media print{nav{display:none}}</style></head><body>\n",
    body, "\n</body></html>\n" })
end

--- An HTML answer.
function M.html(body, status, headers)
  local h = with_security(headers)
  h["Content-Type"] = h["Content-Type"] or "text/html; charset=utf-8"
  return { status = status or 200, headers = h, body = body }
end

--- A JSON answer (keys in English, as every JSON policytk writes).
function M.json(value, status, headers)
  local h = with_security(headers)
  h["Content-Type"] = "application/json; charset=utf-8"
  return { status = status or 200, headers = h, body = json.encode(value) .. "\n" }
end

--- A plain-text answer.
function M.text(body, status, headers)
  local h = with_security(headers)
  h["Content-Type"] = h["Content-Type"] or "text/plain; charset=utf-8"
  return { status = status or 200, headers = h, body = body }
end

--- A redirect (303 See Other by default: after a form, the browser GETs the new place). Only
--- paths on this site: a location that is not "/…" (or is "//…") is refused.
function M.redirect(location, status)
  if type(location) ~= "string" or not location:match("^/") or location:match("^//") or location:find("[\r\n\\]") then
    error("respond.redirect: only a path on this site (\"/…\"), got " .. tostring(location), 2)
  end
  local h = with_security({ Location = location })
  h["Content-Type"] = "text/html; charset=utf-8"
  return { status = status or 303, headers = h,
           body = M.page("跳转", '<p>请前往 <a href="' .. M.escape(location) .. '">' .. M.escape(location) .. "</a></p>") }
end

-- A file name as a Content-Disposition value: an ASCII fallback and the UTF-8 name (RFC 6266).
local function disposition(filename)
  local ascii = filename:gsub("[^%w%.%-_]", "_")
  local encoded = M.percent(filename)
  return string.format('attachment; filename="%s"; filename*=UTF-8\'\'%s', ascii, encoded)
end

--- A download: bytes saved by the browser as filename.
function M.download(bytes, filename, content_type)
  local h = with_security({ ["Content-Type"] = content_type or "application/octet-stream",
                            ["Content-Disposition"] = disposition(filename) })
  return { status = 200, headers = h, body = bytes }
end

--- What each error status says to staff.
M.MESSAGES = {
  [400] = { "请求无效", "地址或提交的内容不符合要求（例如路径中含有“..”或编码过的斜杠）。" },
  [401] = { "请先登录", "登录已失效或尚未登录：请重新登录。" },
  [403] = { "无权访问", "您的账号无权进行此操作。" },
  [404] = { "页面不存在", "没有这个页面：请检查地址，或返回首页。" },
  [405] = { "请求方式不允许", "此页面不接受这种请求方式。" },
  [413] = { "提交内容过大", "提交的内容超过了服务器允许的大小。" },
  [500] = { "服务器内部错误", "处理请求时出错，已记入服务器日志；请稍后重试或联系管理员。" },
  [503] = { "服务器繁忙", "本次请求处理时间过长，已中止；请稍后重试。" },
}

--- The error page of a status (extra: an escaped line of detail, optional).
function M.error_page(status, detail)
  local m = M.MESSAGES[status] or { "错误", "请求未能完成。" }
  return M.page(m[1], string.format('<h1>%d %s</h1>\n<p>%s</p>%s\n<p><a href="/">返回首页</a></p>', status,
    M.escape(m[1]), M.escape(m[2]), detail and ("\n<p>" .. M.escape(detail) .. "</p>") or ""))
end

--- An error answer.
function M.error(status, detail, headers)
  return M.html(M.error_page(status, detail), status, headers)
end

return M
