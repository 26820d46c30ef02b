-- policytk indicators: list the indicators held in the database (see policytk.data.exports and docs/data.md).

return require("policytk.data.exports").verb("indicators", {
  summary = "列出数据库中的指标（通用目录及各市自有指标）",
})
