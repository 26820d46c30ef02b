-- policytk.plugins.http: the `http` capability of a plugin's runtime hooks (benefit rules,
-- report builders): a policytk.http client that reaches only the hosts listed in the
-- plugin's manifest (`hosts`), naming the plugin in its `forbidden` errors. It is made on
-- first use of ctx.http (libcurl is loaded then, not before), one per plugin. Staff scripts
-- use require "policytk.http" itself and reach any host.
--
-- Capability: the plugin contract and loading (entry policytk.plugins; map in docs/architecture.md).

local M = {}

--- The restricted client of a plugin (made once, kept on the plugin).
function M.client(plugin)
  if plugin.http_client == nil then
    local hosts = {}
    for _, h in ipairs(plugin.manifest and plugin.manifest.hosts or {}) do hosts[#hosts + 1] = h end
    plugin.http_client = require("policytk.http").client{ hosts = hosts, owner = "plugin " .. tostring(plugin.id) }
  end
  return plugin.http_client
end

--- Give ctx an `http` field that is made on first read.
function M.attach(ctx, plugin)
  return setmetatable(ctx, {
    __index = function(t, k)
      if k ~= "http" then return nil end
      local c = M.client(plugin)
      rawset(t, "http", c)
      return c
    end,
  })
end

return M
