/* fuzz_html.c: HTML/XML parsing and XPath (policytk.html: core/lua_html.c, core/html_text.c over
** libxml2) on arbitrary bytes. The input is split at zero bytes: the document, then an XPath
** expression as a plugin's generic source gives one (source.xpath.items), then one evaluated
** relative to each of its nodes (xpath.title). The document is parsed as HTML and as XML; the
** queries the portal adapters use run on it, and every node they find is read (text, lines,
** attr, link, name, html, a relative XPath). Invariants: parse and xml give a document or nil
** and a message; a bad expression is an error with a message; every text of a document that is
** valid UTF-8 — what fetch hands the parser, after decoding the body — is valid UTF-8 (bytes
** that are not UTF-8 and name no charset may come through as they are:
** fuzz/regressions/html/invalid-utf8-script); an expression that is no node-set, count(//a),
** gives its number, string or boolean. */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local html = require 'policytk.html'\n" \
  "local core = require 'policytk.core'\n" \
  "local BASE = 'https://www.wenzhou.gov.cn/col/col1229116730/index.html'\n" \
  "local QUERIES = { \"//script[@type='text/xml']\", \"//script[contains(., 'var param_')]\", '//li', '//record',\n" \
  "  '//totalrecord', '//*[@querydata]/@querydata', \"//a[contains(@href, 'downfile.jsp')]\", '//title', '//body',\n" \
  "  \"//meta[@name='ArticleTitle']/@content\", \"//*[@id='zoom']\", '//table//td | //table//th', 'count(//a)',\n" \
  "  'string(//a/@href)', 'boolean(//li)' }\n" \
  "local parts = {}\n" \
  "for p in (s .. '\\0'):gmatch('([^\\0]*)\\0') do parts[#parts + 1] = p end\n" \
  "local utf8_in = core.utf8_check(parts[1]) == nil\n" \
  "local function utf8(v, what)\n" \
  "  if type(v) ~= 'string' then error('invariant: ' .. what .. ' gave a ' .. type(v), 0) end\n" \
  "  if utf8_in and core.utf8_check(v) then error('invariant: ' .. what .. ' gave invalid UTF-8: ' .. v, 0) end\n" \
  "end\n" \
  "local function refusal(ok, err, what)\n" \
  "  if not ok and type(err) ~= 'string' then error('invariant: ' .. what .. ' raised a ' .. type(err), 0) end\n" \
  "end\n" \
  "local function node(n, rel)\n" \
  "  if type(n) == 'string' then return utf8(n, 'a string result') end\n" \
  "  utf8(n:text(), 'node:text()'); utf8(n:lines(), 'node:lines()'); utf8(n:name(), 'node:name()')\n" \
  "  local h = n:attr('href'); if h ~= nil then utf8(h, 'node:attr') end\n" \
  "  local l = n:link(); if l ~= nil then utf8(l, 'node:link') end\n" \
  "  n:html()\n" \
  "  for _, a in ipairs(n:xpath('.//a[@href]')) do node(a) end\n" \
  "  if rel then\n" \
  "    local ok, t = pcall(n.text, n, rel)\n" \
  "    refusal(ok, t, 'node:text(expr)')\n" \
  "    if ok and type(t) == 'string' then utf8(t, 'node:text(expr)') end\n" \
  "  end\n" \
  "end\n" \
  "local function run(doc, expr, rel)\n" \
  "  local ok, r = pcall(doc.xpath, doc, expr)\n" \
  "  refusal(ok, r, 'doc:xpath')\n" \
  "  if not ok then return end\n" \
  "  if type(r) == 'table' then\n" \
  "    for i = 1, math.min(#r, 40) do node(r[i], rel) end\n" \
  "  elseif type(r) == 'string' then utf8(r, 'doc:xpath')\n" \
  "  elseif r ~= nil and type(r) ~= 'number' and type(r) ~= 'boolean' then error('invariant: xpath gave a ' .. type(r), 0) end\n" \
  "  for _, t in ipairs{ doc:text(expr) or false, doc:lines(expr) or false } do\n" \
  "    if type(t) == 'string' then utf8(t, 'doc:text')\n" \
  "    elseif type(t) ~= 'number' and type(t) ~= 'boolean' then error('invariant: doc:text gave a ' .. type(t), 0) end\n" \
  "  end\n" \
  "end\n" \
  "for _, parse in ipairs{ html.parse, html.xml } do\n" \
  "  local doc, err = parse(parts[1], BASE)\n" \
  "  if not doc then utf8(err, 'a parse error')\n" \
  "  else\n" \
  "    for _, q in ipairs(QUERIES) do run(doc, q) end\n" \
  "    if parts[2] then run(doc, parts[2], parts[3]) end\n" \
  "    local root = doc:root(); if root then node(root) end\n" \
  "  end\n" \
  "end\n" \
  "if parts[2] and not core.utf8_check(parts[2]) then utf8(html.resolve(BASE, parts[2]), 'html.resolve') end\n"
#define FUZZ_OPEN(L) \
  (luaL_requiref((L), "policytk.text", luaopen_policytk_text, 0), lua_pop((L), 1), \
   luaL_requiref((L), "policytk.html", luaopen_policytk_html, 0), lua_pop((L), 1))
#include "fuzz_common.h"
