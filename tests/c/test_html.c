/*
** test_html.c — cmocka tests of the policytk.html module (core/lua_html.c, core/html_text.c):
** parsing forgiving HTML, XPath results of each type, normalized text and lines, links,
** embedded XML with CDATA, malformed XML, and that nodes keep their document alive after the
** document's last reference is gone (run under ASan/LSan by `make asan`).
**
** Its other half: tests/lua/fetch/test_fetch_http.lua (pages parsed by the fetcher).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "policytk.h"
#include "harness.h"


static lua_State *state(void) {
  lua_State *L = ptk_test_state();
  ptk_test_open(L, "policytk.html", luaopen_policytk_html, "html");
  return L;
}

static void run(lua_State *L, const char *code) { ptk_test_run(L, code); }

static void test_xpath_types(void **s) {
  (void)s;
  lua_State *L = state();
  run(L,
      "local d = assert(html.parse('<ul><li class=a><a href=\"x/1.html\">一</a></li><li>二</li></ul>',"
      "  'http://h.cn/p/q.html'))\n"
      "local lis = d:xpath('//li')\n"
      "assert(#lis == 2 and lis[1]:name() == 'li')\n"
      "assert(d:xpath('//li/@class')[1] == 'a')\n"
      "assert(d:xpath('//li/text()')[1] == '二')\n"
      "assert(d:xpath('count(//li)') == 2)\n"
      "assert(d:xpath('boolean(//a)') == true)\n"
      "assert(d:xpath('string(//a)') == '一')\n"
      "assert(lis[1]:xpath('.//a')[1]:link() == 'http://h.cn/p/x/1.html')\n"
      "assert(lis[1]:attr('class') == 'a' and lis[1]:attr('id') == nil)\n"
      "assert(d:text('//li[2]') == '二' and d:text('//table') == nil)\n"
      "assert(not pcall(d.xpath, d, '//['))\n"
      "assert(lis[1]:html() == '<li class=\"a\"><a href=\"x/1.html\">一</a></li>', lis[1]:html())\n");
  ptk_closestate(L);
}

static void test_nodes_outlive_doc_reference(void **s) {
  (void)s;
  lua_State *L = state();
  run(L,
      "local node = html.parse('<p>  保持   存活 </p>'):xpath('//p')[1]\n"
      "collectgarbage(); collectgarbage()\n"
      "assert(node:text() == '保持 存活', node:text())\n");
  ptk_closestate(L);
}

static void test_text_and_lines(void **s) {
  (void)s;
  lua_State *L = state();
  run(L,
      "local d = html.parse('<div><p>\\u{3000}\\u{3000}甲  乙</p><style>p{}</style><p>丙<br>丁</p></div>')\n"
      "assert(d:lines('//div') == '甲 乙\\n丙\\n丁', d:lines('//div'))\n"
      "assert(d:text('//div') == '甲 乙 丙 丁')\n");
  ptk_closestate(L);
}

static void test_xml(void **s) {
  (void)s;
  lua_State *L = state();
  run(L,
      "local x = assert(html.xml('<datastore><totalrecord>2</totalrecord><recordset>"
      "<record><![CDATA[<li>a</li>]]></record></recordset></datastore>'))\n"
      "assert(x:text('//totalrecord') == '2')\n"
      "assert(x:xpath('//record')[1]:text() == '<li>a</li>')\n"
      "local bad, err = html.xml('<a><b></a>')\n"
      "assert(bad == nil and err:find('^malformed XML'), err)\n"
      "local e, err2 = html.parse('')\n"
      "assert(e == nil and err2 == 'html.parse: empty document')\n");
  ptk_closestate(L);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_xpath_types),
    cmocka_unit_test(test_nodes_outlive_doc_reference),
    cmocka_unit_test(test_text_and_lines),
    cmocka_unit_test(test_xml),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
