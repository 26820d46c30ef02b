-- policytk.serve.auth: what every route of a signed-in user starts from — the session of the
-- request's cookie (policytk.serve.sessions) as the viewer the pages take, the CSRF check of
-- every form posted, and the rights check (policytk.serve.rights) of each read and write, each
-- refusal an answer (a redirect to /login, or 403 with the reason in Chinese, logged).
--
--   local viewer, res = auth.viewer(req, ctx)     -- res: the answer when there is no session
--   local res = auth.check_csrf(req, viewer)      -- nil when the form's token is the session's
--   local res = auth.may(req, ctx, viewer, action, object)   -- nil when allowed
--   auth.address(req) → the client's address for the audit trail
--
-- viewer = { name =, unit =, role =, city =, csrf =, session = (the sessions row), user = }.
-- A viewer is tied to a city: a user with a city reads only that city's pages (rights "city").
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local log = require "policytk.log"
local respond = require "policytk.serve.respond"
local rights = require "policytk.serve.rights"
local sessions = require "policytk.serve.sessions"

local M = {}

--- The client's address as the server saw it (a proxy's own, behind one).
function M.address(req)
  return req.remote or "-"
end

-- The path to come back to after signing in: only a path of this site.
local function back_to(req)
  local p = req.path or "/"
  if p:sub(1, 1) ~= "/" or p:sub(1, 2) == "//" then return "/" end
  return p
end

--- The signed-in viewer of the request, or nil and the answer (GET: a redirect to sign in;
--- anything else: 401 with the reason).
function M.viewer(req, ctx)
  local token = req.cookies and req.cookies[sessions.COOKIE]
  local s, user, message = sessions.lookup(ctx.db, token)
  if not s then
    if req.method == "GET" then
      local reason = user ~= "missing" and ("&reason=" .. user) or ""
      return nil, respond.redirect("/login?next=" .. respond.percent(back_to(req), "/") .. reason)
    end
    return nil, respond.error(401, message or "请先登录")
  end
  ctx.user = user.name
  sessions.touch(ctx.db, s)
  return { name = user.name, unit = user.unit, role = user.role, city = user.city, csrf = s.csrf, session = s,
           user = user }
end

--- nil when the posted form carries the session's CSRF token; else the 403 answer.
function M.check_csrf(req, viewer)
  local given = req.form and req.form.csrf
  if sessions.csrf_ok(viewer.session, given) then return nil end
  log.warn("serve: %s %s by %s from %s: CSRF token %s", req.method, req.path, viewer.name, M.address(req),
    given and "wrong" or "missing")
  return respond.error(403, "表单已过期或来源不明（缺少或不符的校验码）：请刷新页面后重试")
end

-- What a unit owns (rights.owned) depends on the city's structure only: kept by the worker
-- until data_epoch.s changes (a policytk load or assign), not recomputed per request.
-- The structure epoch is read once per request (ctx.owned), not once per check.
local owned = { s = nil, cache = {} }
local function rights_cache(ctx)
  if ctx.owned then return ctx.owned end
  local row = ctx.db:first("SELECT s FROM data_epoch WHERE id = 1")
  if owned.s ~= row.s then owned = { s = row.s, cache = {} } end
  ctx.owned = owned.cache
  return ctx.owned
end
M.rights_cache = rights_cache

--- nil when the viewer may do action on object (rights.may); else the 403 answer, logged.
function M.may(req, ctx, viewer, action, object)
  local ok, why = rights.may(ctx.db, viewer.user, action, object, rights_cache(ctx))
  if ok then return nil end
  log.warn("serve: 拒绝 %s（%s）%s %s：%s", viewer.name, viewer.unit or "-", req.method, req.path, tostring(why))
  return respond.error(403, why)
end

return M
