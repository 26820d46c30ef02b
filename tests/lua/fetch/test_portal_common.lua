-- policytk.fetch.portal.common: the dates of list items as portals write them (found by
-- fuzz/fuzz_hanweb.c's invariant and kept in fuzz/regressions/hanweb, fuzz/regressions/jpaas).

local common = require "policytk.fetch.portal.common"

test("dates as portals write them, Chinese ones too", function(t)
  t.eq(common.date("2011- 09- 01"), "2011-09-01")
  t.eq(common.date("2011/9/1"), "2011-09-01")
  t.eq(common.date("2011.9.1"), "2011-09-01")
  t.eq(common.date("2024年3月5日"), "2024-03-05")
  t.eq(common.date("2011年9月1日 10:00"), "2011-09-01")
  t.eq(common.date("温州市小微企业成长计划2023年12月1日"), "2023-12-01")
end)

test("the first real day in the text; no day that does not exist", function(t)
  t.eq(common.date("2024-13-45"), nil)
  t.eq(common.date("2023-02-29"), nil)
  t.eq(common.date("2024-02-29"), "2024-02-29")
  t.eq(common.date("2024-00-10 2024-06-01"), "2024-06-01")
  t.eq(common.date("发布2024年6月1日，更新2024-06-05"), "2024-06-01")
  t.eq(common.date("更新2024-06-05，发布2024年6月1日"), "2024-06-05")
  t.eq(common.date("第2024号"), nil)
  t.eq(common.date(nil), nil)
end)
