-- policytk.serve.routes: which route modules the server loads. Adding a module is one line in
-- MODULES; each module returns a list of routes { method =, path = pattern, handler =
-- function(req, ctx) → response } (policytk.serve.router for patterns, policytk.serve.respond
-- for responses, policytk.serve.app for req and ctx).
--
-- $POLICYTK_SERVE_ROUTES may name more route files (Lua files returning such a list, separated
-- by ":"), loaded after the modules: the tests add routes that fail or overrun on purpose.
--
-- Capability: the web server (entry policytk.serve; map in docs/architecture.md).

local M = {}

--- The route modules, in order.
M.MODULES = {
  "policytk.serve.home",          -- GET /healthz, GET / (the cities)
  "policytk.serve.login_routes",  -- GET/POST /login, POST /logout
  "policytk.serve.page_routes",   -- the 驾驶舱, target, task and download pages of a city
  "policytk.serve.submit_routes", -- the 报送 page and its writes (form, upload, opening a round)
  "policytk.serve.api_routes",    -- /api/…: the verbs' JSON for the office's tools
}

local function add(out, list, from)
  if type(list) ~= "table" then error(from .. ": a route module must return a list of routes", 0) end
  for _, r in ipairs(list) do
    if type(r) == "table" then r.from = r.from or from end
    out[#out + 1] = r
  end
end

--- Every route of every module (and of $POLICYTK_SERVE_ROUTES), each marked with `from`.
function M.load()
  local out = {}
  for _, name in ipairs(M.MODULES) do add(out, require(name), name) end
  local extra = os.getenv("POLICYTK_SERVE_ROUTES")
  if extra and extra ~= "" then
    for path in extra:gmatch("[^:]+") do add(out, dofile(path), path) end
  end
  return out
end

return M
