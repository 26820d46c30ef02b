-- policytk measures: list the measures held in the database (see policytk.exports and docs/data.md).

return require("policytk.exports").verb("measures")
