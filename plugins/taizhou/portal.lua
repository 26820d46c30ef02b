-- Where Taizhou publishes its policy documents.
--
-- UNCERTAIN: the portal www.zjtz.gov.cn runs Hanweb JCMS (/col/col{ID}/index.html,
-- /art/{Y}/{M}/{D}/art_{COL}_{ID}.html), but the column id of its policy-document list
-- (政府信息公开 > 政策文件 > 市府办文件) could not be verified offline, so no column is given and
-- the URL is the portal's root. Fill in `column` and the column URL once checked on the site.
source{
  id = "zjtz_policy",
  name = "台州市人民政府 政策文件",
  kind = "hanweb_jcms",
  url = "https://www.zjtz.gov.cn/",
  keywords = { "小微企业", "中小企业", "民营经济", "个转企", "小升规" },
  since = "2018-01-01",
}
