-- Portal columns of the Hangzhou municipal government (杭州市人民政府门户网站, www.hangzhou.gov.cn),
-- a Hanweb JCMS site (col/col{ID}/index.html; lists served by /module/jpage/dataproxy.jsp,
-- webid 149).
--
-- UNCERTAIN: the column ids were not checked against the live site (no network here). They come
-- from public scrapers of the portal: col1229063381 is labelled there as 市政府行政规范性文件
-- and col1229417972 as 杭州市规范性文件数据库. The site was being moved to a new platform
-- (jpaas) around 2023; if so, the kind and URLs change. The draft itself was a 征求意见稿, which
-- the portal publishes in its 意见征集 column (id unknown, not listed).

local KEYWORDS = { "小微企业", "中小企业", "中小微企业", "民营经济", "个体工商户", "成长计划" }

source{
  id = "hz_gov_normative_docs",
  name = "市政府行政规范性文件",
  kind = "hanweb_jcms",
  url = "https://www.hangzhou.gov.cn/col/col1229063381/index.html",
  column = "1229063381",
  keywords = KEYWORDS,
  since = "2021-01-01",
}

source{
  id = "hz_normative_docs_db",
  name = "杭州市规范性文件数据库",
  kind = "hanweb_jcms",
  url = "https://www.hangzhou.gov.cn/col/col1229417972/index.html",
  column = "1229417972",
  keywords = KEYWORDS,
  since = "2021-01-01",
}
