-- policytk.fetch.portal.generic: a list page read with the plugin's XPath expressions
-- (source.xpath = { items =, title =, link =, date = }; title, link and date are relative
-- to each item).
--
-- Capability: fetch: watching the portals (entry policytk.fetch; map in docs/architecture.md).

local html = require "policytk.html"
local common = require "policytk.fetch.portal.common"

local M = {}

local function first(v)
  if type(v) == "table" then return v[1] end
  return v
end

function M.list(client, source, opts)
  opts = opts or {}
  local xp = source.xpath
  if type(xp) ~= "table" then return nil, "a generic source needs xpath = { items, title, link }" end
  local resp, err = common.get(client, source.url, opts.http, "list page")
  if not resp then return nil, err end
  local doc, perr = html.parse(resp.body, resp.url)
  if not doc then return nil, "list page: " .. perr end
  local ok, nodes = pcall(doc.xpath, doc, xp.items)
  if not ok then return nil, tostring(nodes) end
  local items = {}
  for _, node in ipairs(type(nodes) == "table" and nodes or {}) do
    if type(node) ~= "string" then
      local title = node:text(xp.title)
      local link = first(node:xpath(xp.link))
      local url
      if type(link) == "string" then url = html.resolve(resp.url, link)
      elseif link then url = link:link("href") or link:link("src") end
      local date = xp.date and common.date(node:text(xp.date)) or nil
      if title and url then items[#items + 1] = { title = title, url = url, date = date } end
    end
  end
  return items
end

return M
