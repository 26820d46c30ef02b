-- policytk.fetch.portal.common: what the portal adapters share — list items out of <li> fragments,
-- dates as portals write them ("2011- 09- 01", "2024年3月5日"), the JS-object parameters of
-- column pages ({col:1,webid:3185,unitid:'…'}), and the origin of a URL.
--
-- Capability: fetch: watching the portals (entry policytk.fetch; map in docs/architecture.md).

local html = require "policytk.html"
local dates = require "policytk.progress.dates"

local M = {}

-- A date as portals write it: 2011-09-01, 2011/9/1, 2011.9.1, 2011年9月1日 (blanks already gone).
local DATE_FORMS = { "()(%d%d%d%d)年(%d%d?)月(%d%d?)", "()(%d%d%d%d)[%-/%.](%d%d?)[%-/%.](%d%d?)" }

--- "2011- 09- 01", "2011/9/1", "2011年9月1日 10:00" → "2011-09-01": the first real day written
--- so in s (2024-13-45 and 2023-02-29 are none); nil when there is none.
function M.date(s)
  if type(s) ~= "string" then return nil end
  s = s:gsub("%s", "")
  local first, out
  for _, form in ipairs(DATE_FORMS) do
    for at, y, m, d in s:gmatch(form) do
      y, m, d = tonumber(y), tonumber(m), tonumber(d)
      if m >= 1 and m <= 12 and d >= 1 and d <= tonumber(dates.month_end(y, m):sub(-2)) then
        if not first or at < first then first, out = at, string.format("%04d-%02d-%02d", y, m, d) end
        break
      end
    end
  end
  return out
end

--- "scheme://host[:port]" of an absolute URL.
function M.origin(url)
  return url:match("^(https?://[^/]+)")
end

--- key → value of a JS object literal or JSON object text ({a:1,b:'x'} / {"a":"1"}).
function M.params(s)
  local out = {}
  for k, v in s:gmatch("[\"']?([%w_]+)[\"']?%s*:%s*([^,}]*)") do
    v = v:gsub("^%s+", ""):gsub("%s+$", "")
    v = v:match("^[\"'](.-)[\"']$") or v
    out[k] = v
  end
  return out
end

--- Items of an HTML fragment holding <li><a href title>…</a><span>date</span></li> records:
--- a list of { title =, url =, date = }. base resolves relative links.
function M.items(fragment, base)
  local out = {}
  if not fragment or not fragment:find("%S") then return out end
  local doc, err = html.parse(fragment, base)
  if not doc then return nil, err end
  for _, li in ipairs(doc:xpath("//li")) do
    local a = li:xpath(".//a[@href]")[1]
    if a then
      local title = a:attr("title")
      if not title or title == "" then title = a:text() end
      local url = a:link()
      out[#out + 1] = { title = title, url = url, date = M.date(li:text()) }
    end
  end
  return out
end

--- Percent-encode a query component.
function M.escape(s)
  return (tostring(s):gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

--- A response → nil, reason when it is not a 200.
function M.check(resp, err, what)
  if not resp then return nil, string.format("%s: %s", what, tostring(err)) end
  if resp.status ~= 200 then return nil, string.format("%s: HTTP %d (%s)", what, resp.status, resp.url) end
  return resp
end

--- client.get → the response, or nil and a reason (transport failure or a status other than 200).
function M.get(client, url, http_opts, what)
  local r, e = client.get(url, http_opts)
  return M.check(r, e, what)
end

--- client.post, checked the same way.
function M.post(client, url, form, http_opts, what)
  local r, e = client.post(url, form, http_opts)
  return M.check(r, e, what)
end

return M
