-- policytk measures: list the measures held in the database (see policytk.data.exports and docs/data.md).

return require("policytk.data.exports").verb("measures", {
  summary = "列出数据库中的任务措施",
})
