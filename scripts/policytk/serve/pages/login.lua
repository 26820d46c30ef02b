-- policytk.serve.pages.login: the sign-in page (/login) — name and password, the form's CSRF
-- token (before a session exists: the pre-session token of the ptk_pre cookie, checked by
-- double submission), and the refusal in Chinese (wrong password, locked until …, disabled).
--
-- Render contract (docs/pages.md):
--   login.render(conn, params, viewer) → html
--   params: { csrf = the pre-session token, name = the name typed (a refused form shown
--     again), error = text, next = the path to go to after signing in }
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local layout = require "policytk.serve.pages.layout"

local esc = layout.escape
local M = {}

function M.render(_, params)
  params = params or {}
  local body = {
    "<h1>登录</h1>",
    '<section class="box" style="max-width:420px">',
    params.error and ('<p class="note" id="login-error" role="alert">' .. esc(params.error) .. "</p>") or "",
    '<form method="post" action="/login">',
    string.format('<input type="hidden" name="csrf" value="%s"/>', esc(params.csrf)),
    string.format('<input type="hidden" name="next" value="%s"/>', esc(params.next or "/")),
    string.format('<p><label>用户名 <input type="text" name="name" id="name" value="%s" autocomplete="username"/>'
      .. "</label></p>", esc(params.name)),
    '<p><label>密码 <input type="password" name="password" id="password" autocomplete="current-password"/></label></p>',
    '<p><button type="submit" id="login">登录</button></p>',
    "</form>",
    '<p class="muted">账号由管理员用 policytk user add 开设；连续输错密码5次将锁定15分钟。</p>',
    "</section>",
  }
  return layout.page{ title = "登录 · policytk", body = table.concat(body, "\n") }
end

return M
