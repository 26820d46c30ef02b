-- luacheck configuration: Lua 5.4; plugins see the contract's constructors; test files
-- see test(); fixture plugins are broken on purpose and not linted.
std = "lua54"
max_line_length = 160
codes = true

local constructors = { "plugin", "region", "unit", "document", "measure", "target", "indicator",
                       "param", "benefit", "report", "panel", "source", "test" }

files["plugins"] = { std = "lua54", read_globals = constructors }
files["tests/lua"] = { read_globals = { "test" } }
files["scripts/cli"] = {}
exclude_files = { "tests/fixtures/**", "build/**" }
