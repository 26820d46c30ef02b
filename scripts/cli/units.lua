-- policytk units: list the units held in the database (see policytk.exports and docs/data.md).

return require("policytk.exports").verb("units")
