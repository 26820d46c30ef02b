-- policytk units: list the units held in the database (see policytk.data.exports and docs/data.md).

return require("policytk.data.exports").verb("units", {
  summary = "列出数据库中的政府部门",
})
