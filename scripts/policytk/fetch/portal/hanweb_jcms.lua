-- policytk.fetch.portal.hanweb_jcms: list a Hanweb JCMS column (most Zhejiang government sites).
-- The column page /col/col{ID}/index.html holds the first records in
-- <div id="{unitid}"><script type="text/xml"><datastore>…<record><![CDATA[<li>…</li>]]></record>
-- and the pager's fields in `var param_{unitid} = {col:1,appid:1,webid:…,columnid:…,unitid:'…'}`;
-- further records come from POSTing those fields to /module/web/jpage/dataproxy.jsp
-- ?startrecord=S&endrecord=E&perpage=15, answering <datastore><totalrecord>N</totalrecord>
-- <recordset>…</recordset></datastore>.
--
-- Capability: fetch: watching the portals (entry policytk.fetch; map in docs/architecture.md).

local html = require "policytk.html"
local common = require "policytk.fetch.portal.common"

local M = {}

local GROUP = 45        -- records per dataproxy request (three pages of 15, as the sites ask)
local MAX_GROUPS = 200  -- a column of 9,000 records is the most one run reads

-- Records of a <datastore> XML text → items, total (or nil), err.
local function records(xml_text, base, what)
  local x, err = html.xml(xml_text, base)
  if not x then return nil, nil, string.format("%s: %s", what, err) end
  local total = tonumber(x:text("//totalrecord") or "")
  local items = {}
  for _, rec in ipairs(x:xpath("//record")) do
    -- the CDATA text is an HTML fragment (one <li> or more)
    local list, perr = common.items(rec:text(), base)
    if not list then return nil, nil, string.format("%s: %s", what, perr) end
    for _, it in ipairs(list) do items[#items + 1] = it end
  end
  return items, total
end

--- List the column's items: { title, url, date } newest first, or nil, reason.
--- client: an http client (http or http.client{hosts}); opts.http: request options;
--- opts.since: stop paging once a whole group is older.
function M.list(client, source, opts)
  opts = opts or {}
  local resp, err = common.get(client, source.url, opts.http, "column page")
  if not resp then return nil, err end
  local doc, perr = html.parse(resp.body, resp.url)
  if not doc then return nil, "column page: " .. perr end
  local seen, items = {}, {}
  local function add(list)
    for _, it in ipairs(list) do
      if it.url and not seen[it.url] then
        seen[it.url] = true
        items[#items + 1] = it
      end
    end
  end
  for _, script in ipairs(doc:xpath("//script[@type='text/xml']")) do
    local list, _, xerr = records(script:text(), resp.url, "column page datastore")
    if not list then return nil, xerr end
    add(list)
  end
  local param_text = doc:text("//script[contains(., 'var param_')]")
  local param = param_text and param_text:match("var%s+param_[%w_]+%s*=%s*(%b{})")
  if not param then
    if #items == 0 then return nil, "column page holds neither records nor the pager's param_ (not a Hanweb column?)" end
    return items
  end
  local form = common.params(param)
  if not form.unitid or not form.webid then
    return nil, "column page: param_ lacks unitid or webid"
  end
  form.columnid = form.columnid or source.column
  local proxy = common.origin(resp.url) .. "/module/web/jpage/dataproxy.jsp"
  local start = 1
  for _ = 1, MAX_GROUPS do
    local url = string.format("%s?startrecord=%d&endrecord=%d&perpage=15", proxy, start, start + GROUP - 1)
    local r, rerr = common.post(client, url, form, opts.http, "dataproxy.jsp")
    if not r then return nil, rerr end
    if not r.body:find("%S") then return nil, "dataproxy.jsp answered nothing (wrong fields?)" end
    local list, total, xerr = records(r.body, resp.url, "dataproxy.jsp")
    if not list then return nil, xerr end
    add(list)
    local older = opts.since ~= nil and #list > 0
    if older then
      for _, it in ipairs(list) do if not it.date or it.date >= opts.since then older = false end end
    end
    start = start + GROUP
    if #list == 0 or not total or start > total or older then break end
  end
  return items
end

return M
