-- policytk targets: list the targets held in the database (see policytk.data.exports and docs/data.md).

return require("policytk.data.exports").verb("targets", {
  summary = "列出数据库中的目标",
})
