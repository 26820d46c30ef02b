-- policytk.fetch.portal.jpaas: list a column of the jpaas publish server (the newer platform).
-- The column page carries querydata="{webId, tplSetId, pageType, tagId, editType, pageId}";
-- pages come from GET /api-gateway/jpaas-publish-server/front/page/build/unit
-- ?parseType=bulidstatic&webId=…&tplSetId=…&pageType=column&tagId=…&editType=null&pageId=…
-- &paramJson={"pageNo":N,"pageSize":15} (the misspelling is the sites' own), answering
-- {"success":true,"data":{"html":"<ul><li>…"}}. Paging stops at the first empty page.
--
-- Capability: fetch: watching the portals (entry policytk.fetch; map in docs/architecture.md).

local html = require "policytk.html"
local json = require "policytk.json"
local common = require "policytk.fetch.portal.common"

local M = {}

local MAX_PAGES = 300

function M.list(client, source, opts)
  opts = opts or {}
  local resp, err = common.get(client, source.url, opts.http, "column page")
  if not resp then return nil, err end
  local doc, perr = html.parse(resp.body, resp.url)
  if not doc then return nil, "column page: " .. perr end
  local q = doc:text("//*[@querydata]/@querydata")
  if not q then return nil, "column page has no querydata attribute (not a jpaas column?)" end
  local p = common.params(q)
  if not p.webId or not p.tplSetId then return nil, "querydata lacks webId or tplSetId" end
  local page_id = p.pageId or source.column
  if not page_id then return nil, "querydata lacks pageId and the source gives no column" end
  local base = common.origin(resp.url) .. "/api-gateway/jpaas-publish-server/front/page/build/unit"
  local items, seen = {}, {}
  for page = 1, MAX_PAGES do
    local url = string.format("%s?parseType=bulidstatic&webId=%s&tplSetId=%s&pageType=%s&tagId=%s&editType=%s"
      .. "&pageId=%s&paramJson=%s", base, common.escape(p.webId), common.escape(p.tplSetId),
      common.escape(p.pageType or "column"), common.escape(p.tagId or ""), common.escape(p.editType or "null"),
      common.escape(page_id), common.escape(string.format('{"pageNo":%d,"pageSize":15}', page)))
    local r, rerr = common.get(client, url, opts.http, "jpaas unit page " .. page)
    if not r then return nil, rerr end
    local ok, data = pcall(json.decode, r.body)
    if not ok or type(data) ~= "table" then return nil, string.format("jpaas unit page %d: not JSON", page) end
    if data.success ~= true then
      return nil, string.format("jpaas unit page %d: success=false (%s)", page, tostring(data.message or "?"))
    end
    local fragment = type(data.data) == "table" and data.data.html or ""
    if type(fragment) ~= "string" then fragment = "" end
    local list, lerr = common.items(fragment, resp.url)
    if not list then return nil, lerr end
    if #list == 0 then break end
    local older = opts.since ~= nil
    for _, it in ipairs(list) do
      if not seen[it.url] then
        seen[it.url] = true
        items[#items + 1] = it
      end
      if older and (not it.date or it.date >= opts.since) then older = false end
    end
    if older then break end
  end
  return items
end

return M
