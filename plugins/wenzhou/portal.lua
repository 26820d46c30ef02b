-- Where Wenzhou publishes its policy documents.
--
-- The portal www.wenzhou.gov.cn runs Hanweb JCMS (/col/col{ID}/index.html list pages,
-- /art/{Y}/{M}/{D}/art_{COL}_{ID}.html articles).
-- UNCERTAIN: the column id 1229455060 is taken, unverified offline, as the 政府文件/政策文件 list
-- of 温州市人民政府 (one public crawler lists it as Wenzhou's 政府文件 page). Check it on the
-- site; the 政府信息公开 规范性文件 list may be the better column.
source{
  id = "wenzhou_gov_policy",
  name = "温州市人民政府 政策文件",
  kind = "hanweb_jcms",
  url = "https://www.wenzhou.gov.cn/col/col1229455060/index.html",
  column = "1229455060",
  keywords = { "中小微企业", "小微企业", "中小企业", "民营经济", "民营企业", "小升规", "个转企" },
  since = "2023-01-01",
}
