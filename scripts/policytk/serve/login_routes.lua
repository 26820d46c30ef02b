-- policytk.serve.login_routes: signing in and out — GET /login (the form, with a pre-session
-- CSRF token in the policytk_pre cookie, checked by double submission), POST /login
-- (policytk.serve.accounts.authenticate: wrong password, lockout and disabled accounts refused
-- in Chinese; a session cookie on success, then back to the page asked for or the user's
-- city), POST /logout (CSRF-checked; the session ended and its cookie cleared).
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local accounts = require "policytk.serve.accounts"
local auth = require "policytk.serve.auth"
local crypto = require "policytk.crypto"
local login_page = require "policytk.serve.pages.login"
local respond = require "policytk.serve.respond"
local sessions = require "policytk.serve.sessions"

local PRE = "policytk_pre"
local REASONS = { expired = "登录已超过8小时，请重新登录", idle = "超过30分钟没有操作，请重新登录",
                  disabled = "账号已停用", unknown = "登录已失效，请重新登录" }

local function secure(ctx) return ctx.args and ctx.args.tls == true end

-- A path of this site to go to after signing in, else nil.
local function local_path(p)
  if type(p) ~= "string" or p:sub(1, 1) ~= "/" or p:sub(1, 2) == "//" or p:find("[%c\\]") then return nil end
  return p
end

local function form_page(ctx, params, status)
  local token = params.csrf or crypto.random_token(32)
  params.csrf = token
  local cookie = string.format("%s=%s; HttpOnly; SameSite=Strict; Path=/login%s", PRE, token,
    secure(ctx) and "; Secure" or "")
  return respond.html(login_page.render(ctx.db, params), status or 200, { ["Set-Cookie"] = cookie })
end

local function get_login(req, ctx)
  return form_page(ctx, { next = local_path(req.query.next), error = REASONS[req.query.reason or ""] })
end

local function home_of(ctx, user)
  if user.city then return "/city/" .. user.city .. "/" end
  local row = ctx.db:first("SELECT id FROM cities ORDER BY id LIMIT 1")
  return row and ("/city/" .. row.id .. "/") or "/"
end

local function post_login(req, ctx)
  local f = req.form or {}
  local pre = req.cookies and req.cookies[PRE]
  if not pre or not f.csrf or not crypto.equal(pre, f.csrf) then
    return form_page(ctx, { name = f.name, next = local_path(f.next),
      error = "登录表单已过期（缺少或不符的校验码），请重新输入" }, 403)
  end
  local address = auth.address(req)
  local user, message = accounts.authenticate(ctx.db, f.name, f.password, address)
  if not user then
    return form_page(ctx, { name = f.name, next = local_path(f.next), error = message }, 403)
  end
  ctx.user = user.name
  local token = sessions.create(ctx.db, user, address)
  local to = local_path(f.next)
  if not to or to == "/" or to:find("^/login") then to = home_of(ctx, user) end
  local res = respond.redirect(to)
  res.headers["Set-Cookie"] = sessions.cookie(token, { secure = secure(ctx) })
  return res
end

local function post_logout(req, ctx)
  local viewer = auth.viewer(req, ctx)
  if not viewer then return respond.redirect("/login") end
  local bad = auth.check_csrf(req, viewer)
  if bad then return bad end
  sessions.destroy(ctx.db, req.cookies[sessions.COOKIE])
  local res = respond.redirect("/login")
  res.headers["Set-Cookie"] = sessions.cookie_clear({ secure = secure(ctx) })
  return res
end

return {
  { method = "GET", path = "/login", handler = get_login },
  { method = "POST", path = "/login", handler = post_login },
  { method = "POST", path = "/logout", handler = post_logout },
}
