-- policytk docs: list the docs held in the database (see policytk.exports and docs/data.md).

return require("policytk.fetched").with_fetched(require("policytk.exports").verb("docs"))
