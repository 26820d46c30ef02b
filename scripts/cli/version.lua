-- policytk version (also policytk --version): the versions of policytk and its libraries.

local core = require "policytk.core"
local contract = require "policytk.plugins.contract"

return {
  summary = "显示 policytk 及所用库的版本",
  usage = "policytk version",
  run = function()
    io.stdout:write(string.format("policytk %s (%s, plugin contract %d)\n", core.version,
      core.lua_version, contract.VERSION))
    return 0
  end,
}
