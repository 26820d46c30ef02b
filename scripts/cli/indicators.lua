-- policytk indicators: list the indicators held in the database (see policytk.exports and docs/data.md).

return require("policytk.exports").verb("indicators")
