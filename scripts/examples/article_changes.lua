-- 示例：读取一篇政府网站文章页面（信息公开表、正文），并比较两个版本，列出变化的数字。
-- Example: read an article page (disclosure table, body) with policytk.fetch.portal.article and
-- compare two versions of its text as `policytk diff` does. No network: the pages are inline;
-- `policytk fetch` gets real ones from the portals.
--   policytk run scripts/examples/article_changes.lua

local article = require "policytk.fetch.portal.article"
local fetched = require "policytk.fetch.stored"

local function page(n)
  return [[<html><head><meta name="ArticleTitle" content="关于支持小微企业发展的若干意见">
<meta name="PubDate" content="2024-03-05 09:30"></head><body>
<table><tr><td>索 引 号：</td><td>001008003/2024-01</td><td>发布机构：</td><td>示例市人民政府办公室</td></tr>
<tr><td>成文日期：</td><td>2024- 03- 01</td><td>发文字号：</td><td>示政办发〔2024〕1号</td></tr></table>
<div id="zoom"><p>一、总体目标</p><p>到2025年，全市新增小微企业]] .. n .. [[家。</p><p>二、保障措施</p></div>
</body></html>]]
end

local v1 = assert(article.parse(page(3000), "https://www.example.gov.cn/art/2024/3/5/art_1_1.html"))
local v2 = assert(article.parse(page(5000), "https://www.example.gov.cn/art/2024/3/5/art_1_1.html"))
print("标题：" .. v1.title)
print("文号：" .. v1.doc_number .. "　发布机构：" .. v1.issuer .. "　成文日期：" .. v1.written)
print()
local ops = fetched.diff(v1.text, v2.text)
fetched.write_diff(io.stdout, ops, false)
print()
print("变化的数字：" .. table.concat(fetched.changed_numbers(ops), "；"))
