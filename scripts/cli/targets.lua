-- policytk targets: list the targets held in the database (see policytk.exports and docs/data.md).

return require("policytk.exports").verb("targets")
