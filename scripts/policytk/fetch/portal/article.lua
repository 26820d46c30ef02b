-- policytk.fetch.portal.article: read a government article page — <meta name="ArticleTitle">,
-- <meta name="PubDate">, the information-disclosure table (索引号, 发布机构, 成文日期,
-- 文号 / 发文字号, 有效性; labels vary by city, dates carry stray spaces), the body in #zoom or
-- between <!--ZJEG_RSS.content.begin--> and <!--ZJEG_RSS.content.end-->, and the attachments
-- linked through /module/download/downfile.jsp.
--
-- Capability: fetch: watching the portals (entry policytk.fetch; map in docs/architecture.md).

local html = require "policytk.html"
local common = require "policytk.fetch.portal.common"

local M = {}

-- label (spaces and colons removed) → field
local LABELS = {
  { "索引号", "index_no" },
  { "发布机构", "issuer" }, { "发文机关", "issuer" }, { "发布单位", "issuer" }, { "公开主体", "issuer" },
  { "信息来源", "issuer" },
  { "成文日期", "written" }, { "发文日期", "written" }, { "生成日期", "written" }, { "成文时间", "written" },
  { "发文字号", "doc_number" }, { "文号", "doc_number" }, { "文件编号", "doc_number" },
  { "有效性", "validity" }, { "时效", "validity" }, { "效力状态", "validity" },
}
local DATE_FIELDS = { written = true }

local function label_of(s)
  s = s:gsub("%s", ""):gsub("　", ""):gsub("：$", ""):gsub(":$", "")
  for _, l in ipairs(LABELS) do
    if s == l[1] then return l[2] end
  end
end

--- The fields of the disclosure table of doc (label cell followed by its value cell).
local function disclosure(doc)
  local out = {}
  local cells = doc:xpath("//table//td | //table//th")
  for i = 1, #cells - 1 do
    local field = label_of(cells[i]:text())
    if field and not out[field] then
      local v = cells[i + 1]:text()
      if v ~= "" and not label_of(v) then
        out[field] = DATE_FIELDS[field] and (common.date(v) or v) or v
      end
    end
  end
  return out
end

--- Parse an article page (UTF-8 text) at url → { title, published, index_no, issuer, written,
--- doc_number, validity, text, attachments = { url… } }, or nil and a reason.
function M.parse(body, url)
  local doc, err = html.parse(body, url)
  if not doc then return nil, "article page: " .. err end
  local a = disclosure(doc)
  a.title = doc:text("//meta[@name='ArticleTitle']/@content") or doc:text("//title")
  if a.title then a.title = a.title:gsub("^%s+", ""):gsub("%s+$", "") end
  a.published = common.date(doc:text("//meta[@name='PubDate']/@content"))
  local text = doc:lines("//*[@id='zoom']")
  if not text or not text:find("%S") then
    local inner = body:match("<!%-%-ZJEG_RSS%.content%.begin%-%->(.-)<!%-%-ZJEG_RSS%.content%.end%-%->")
    if inner then
      local frag = html.parse("<html><body>" .. inner .. "</body></html>", url)
      text = frag and frag:lines("//body")
    end
  end
  if not text or not text:find("%S") then
    return nil, "no article body found (neither #zoom nor ZJEG_RSS.content markers)"
  end
  a.text = text
  a.attachments = {}
  for _, link in ipairs(doc:xpath("//a[contains(@href, 'downfile.jsp')]")) do
    a.attachments[#a.attachments + 1] = link:link()
  end
  if not a.title or a.title == "" then return nil, "article page has no title" end
  return a
end

return M
