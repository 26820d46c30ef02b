-- policytk docs: list the docs held in the database (see policytk.data.exports and docs/data.md).

return require("policytk.fetch.stored").with_fetched(require("policytk.data.exports").verb("docs", {
  summary = "列出数据库中的政策文件",
}))
