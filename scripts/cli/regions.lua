-- policytk regions: list the regions held in the database (see policytk.exports and docs/data.md).

return require("policytk.exports").verb("regions")
