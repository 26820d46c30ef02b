/* fuzz_portal.h: shared body of the portal adapter harnesses (fuzz_hanweb.c, fuzz_jpaas.c). The
** harness defines FUZZ_ADAPTER (the module under scripts/policytk/fetch/portal/). The input is
** split at zero bytes into the bodies the portal answers, in order: the column page first, then
** each request the adapter makes (a POST to dataproxy.jsp, a GET of a jpaas unit page); once
** they are spent the portal answers 404. adapter.list runs on a client serving them. Its
** contract is items, or nil and a reason: a raised error with a message is a refusal too (fetch
** calls it in pcall), but an error that is no string, or a Lua runtime error ("attempt to
** index …": a bug, not a reason), is a finding, and so is a spent budget (a hang). Items have
** a string url and title, and a date that is nil or a real day, YYYY-MM-DD. */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local adapter = require('policytk.fetch.portal.' .. " FUZZ_ADAPTER ")\n" \
  "local URL = 'https://www.wenzhou.gov.cn/col/col1229116730/index.html'\n" \
  "local bodies = {}\n" \
  "for p in (s .. '\\0'):gmatch('([^\\0]*)\\0') do bodies[#bodies + 1] = p end\n" \
  "local served = 0\n" \
  "local function answer(url)\n" \
  "  if type(url) ~= 'string' or not url:find('^https://www%.wenzhou%.gov%.cn/') then\n" \
  "    error('invariant: a request to ' .. tostring(url), 0)\n" \
  "  end\n" \
  "  served = served + 1\n" \
  "  local body = bodies[served]\n" \
  "  if not body then return { status = 404, url = url, body = '', headers = {} } end\n" \
  "  return { status = 200, url = url, body = body, raw = body, headers = {}, charset = 'utf-8', replaced = 0 }\n" \
  "end\n" \
  "local client = {\n" \
  "  get = function(url) return answer(url) end,\n" \
  "  post = function(url, form)\n" \
  "    for k, v in pairs(form) do\n" \
  "      if type(k) ~= 'string' or type(v) ~= 'string' then error('invariant: a form field ' .. tostring(k), 0) end\n" \
  "    end\n" \
  "    return answer(url)\n" \
  "  end,\n" \
  "}\n" \
  "local ok, items, err = pcall(adapter.list, client, { url = URL, column = '1229116730' }, { since = '2024-01-01' })\n" \
  "if not ok then\n" \
  "  if type(items) ~= 'string' then error('invariant: list raised a ' .. type(items), 0) end\n" \
  "  if items:find('attempt to ', 1, true) then error('invariant: list failed: ' .. items, 0) end\n" \
  "  return\n" \
  "end\n" \
  "if items == nil then\n" \
  "  if type(err) ~= 'string' then error('invariant: list gave nil and a ' .. type(err), 0) end\n" \
  "  return\n" \
  "end\n" \
  "if type(items) ~= 'table' then error('invariant: list gave a ' .. type(items), 0) end\n" \
  "for _, it in ipairs(items) do\n" \
  "  if type(it.url) ~= 'string' or type(it.title) ~= 'string' then error('invariant: an item without url or title', 0) end\n" \
  "  if it.date ~= nil then\n" \
  "    local y, m, d = tostring(it.date):match('^(%d%d%d%d)%-(%d%d)%-(%d%d)$')\n" \
  "    y, m, d = tonumber(y), tonumber(m), tonumber(d)\n" \
  "    local leap = y and y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)\n" \
  "    local last = m and ({ 31, leap and 29 or 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 })[m]\n" \
  "    if not last or d < 1 or d > last then error('invariant: item date ' .. tostring(it.date), 0) end\n" \
  "  end\n" \
  "end\n"
#define FUZZ_OPEN(L) \
  (luaL_requiref((L), "policytk.text", luaopen_policytk_text, 0), lua_pop((L), 1), \
   luaL_requiref((L), "policytk.html", luaopen_policytk_html, 0), lua_pop((L), 1))
#define FUZZ_BUDGET_IS_FINDING 1
#define FUZZ_INSTRUCTIONS 100000000LL
#include "fuzz_common.h"
