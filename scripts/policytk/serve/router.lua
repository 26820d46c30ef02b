-- policytk.serve.router: routes as data — { method =, path = pattern, handler = function(req, ctx) }
-- — and the path check every request passes before any route sees it.
--
-- Patterns: literal segments and `:name` segments ("/targets/:id" matches "/targets/T01" with
-- req.params.id = "T01", decoded). A path is refused with 400 (never searched for) when it
-- holds a backslash, a NUL or other control byte, a "." or ".." segment (as written or
-- percent-encoded), an encoded "/" or "\" (%2f, %5c), a double encoding (%25 followed by two
-- hex digits), a bad escape, an empty segment inside it, or bytes that are not UTF-8. No route
-- → 404; a route for the path but not the method → 405 with Allow. HEAD is answered by GET.
--
--   local r = router.new(routes)             -- raises on a bad or duplicate route
--   local route, params_or_status, allow = r:match(method, raw_path)
--
-- Capability: the web server (entry policytk.serve; map in docs/architecture.md).

local M = {}

local Router = {}
Router.__index = Router

local METHODS = { GET = true, POST = true, PUT = true, DELETE = true, PATCH = true }

local function hexdecode(s)
  return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end

--- The segments of a raw path, decoded; nil and a reason when the path must be refused (400).
function M.segments(raw)
  if type(raw) ~= "string" or raw:sub(1, 1) ~= "/" then return nil, "路径须以 / 开头" end
  if #raw > 2048 then return nil, "路径过长" end
  if raw:find("[%z\1-\31\127\\]") then return nil, "路径含有控制字符或反斜杠" end
  if raw:find("%%[^%x]") or raw:find("%%%x[^%x]") or raw:find("%%%x?$") then return nil, "路径含有无效的百分号编码" end
  local lower = raw:lower()
  if lower:find("%%2f") or lower:find("%%5c") or lower:find("%%00") then return nil, "路径含有编码过的斜杠或空字符" end
  if lower:find("%%25%x%x") then return nil, "路径含有重复编码" end
  local segs = {}
  local body = raw:sub(2)
  if body == "" then return segs end
  local parts = {}
  for part in (body .. "/"):gmatch("([^/]*)/") do parts[#parts + 1] = part end
  for i, part in ipairs(parts) do
    if part == "" and i < #parts then return nil, "路径含有空的分段" end
    local seg = hexdecode(part)
    if seg == "." or seg == ".." then return nil, "路径含有 . 或 .. 分段" end
    if seg:find("%%%x%x") then return nil, "路径含有重复编码" end
    if seg:find("[%z\1-\31\127/\\]") then return nil, "路径含有控制字符或斜杠" end
    if not utf8.len(seg) then return nil, "路径不是 UTF-8" end
    if part ~= "" or i < #parts then segs[#segs + 1] = seg end
  end
  if body:sub(-1) == "/" then segs.trailing = true end
  return segs
end

-- A pattern → its segments ({ literal = "x" } or { param = "name" }).
local function compile(pattern, where)
  if type(pattern) ~= "string" or pattern:sub(1, 1) ~= "/" then
    error(string.format("%s: path must be a pattern starting with /, got %s", where, tostring(pattern)), 0)
  end
  local segs = {}
  for part in pattern:sub(2):gmatch("[^/]+") do
    local name = part:match("^:([%a_][%w_]*)$")
    segs[#segs + 1] = name and { param = name } or { literal = part }
  end
  segs.trailing = pattern ~= "/" and pattern:sub(-1) == "/"
  return segs
end

--- A router over a list of routes. Raises "WHERE: …" for a route that is not a table with a
--- known method, a pattern and a handler function, and for two routes with the same method and
--- pattern (a module that replaces another's route must say so by removing it).
function M.new(routes)
  local self = setmetatable({ routes = {} }, Router)
  local seen = {}
  for i, r in ipairs(routes) do
    local where = string.format("route %d (%s)", i, tostring(r.from or "?"))
    if type(r) ~= "table" then error(where .. ": not a table", 0) end
    if not METHODS[r.method] then error(string.format("%s: unknown method %s", where, tostring(r.method)), 0) end
    if type(r.handler) ~= "function" then error(where .. ": handler is not a function", 0) end
    local key = r.method .. " " .. tostring(r.path)
    if seen[key] then error(string.format("%s: %s is already routed by %s", where, key, seen[key]), 0) end
    seen[key] = tostring(r.from or i)
    self.routes[#self.routes + 1] = { method = r.method, path = r.path, handler = r.handler,
      segs = compile(r.path, where), from = r.from }
  end
  return self
end

local function match_segs(pat, segs)
  if #pat ~= #segs or (pat.trailing or false) ~= (segs.trailing or false) then return nil end
  local params = {}
  for i, p in ipairs(pat) do
    if p.literal then
      if p.literal ~= segs[i] then return nil end
    else
      params[p.param] = segs[i]
    end
  end
  return params
end

--- The route for method and raw path: route, params — or nil, 400 (and the reason), nil, 404,
--- or nil, 405 and the Allow header's value.
function Router:match(method, raw)
  local segs, why = M.segments(raw)
  if not segs then return nil, 400, why end
  local want = method == "HEAD" and "GET" or method
  local allow = {}
  for _, r in ipairs(self.routes) do
    local params = match_segs(r.segs, segs)
    if params then
      if r.method == want then return r, params end
      allow[#allow + 1] = r.method
    end
  end
  if #allow > 0 then
    table.sort(allow)
    return nil, 405, table.concat(allow, ", ")
  end
  return nil, 404
end

return M
