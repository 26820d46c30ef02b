-- policytk regions: list the regions held in the database (see policytk.data.exports and docs/data.md).

return require("policytk.data.exports").verb("regions", {
  summary = "列出数据库中的地区（县级行政区）",
})
