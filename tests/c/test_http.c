/*
** test_http.c — cmocka tests of the policytk.http module (core/lua_http.c, core/http_*.c)
** without any network but loopback: charset declarations, URL hosts, the host allow-list and
** the address check of restricted clients,
** failure categories (a closed port on 127.0.0.1), misuse raising, and that a failed batch
** frees everything (run under ASan/LSan by `make asan`).
**
** Its other half: tests/lua/fetch/test_fetch_http.lua, tests/lua/fetch/test_http_reuse.lua,
** tests/lua/fetch/test_http_session.lua and tests/lua/plugins/test_plugin_http.lua (against the local portal).
*/
#include <arpa/inet.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "http.h"
#include "policytk.h"
#include "harness.h"


static lua_State *state(void) {
  lua_State *L = ptk_test_state();
  ptk_test_open(L, "policytk.http", luaopen_policytk_http, "http");
  return L;
}

static void run(lua_State *L, const char *code) { ptk_test_run(L, code); }

static void test_header_charset(void **s) {
  (void)s;
  char cs[32];
  int text = 0;
  assert_int_equal(http_header_charset("text/html; charset=GBK", cs, sizeof cs, &text), 1);
  assert_string_equal(cs, "gbk");
  assert_int_equal(text, 1);
  assert_int_equal(http_header_charset("application/json;charset=\"UTF-8\"", cs, sizeof cs, &text), 1);
  assert_string_equal(cs, "utf-8");
  assert_int_equal(text, 1);
  assert_int_equal(http_header_charset("application/pdf", cs, sizeof cs, &text), 0);
  assert_int_equal(text, 0);
  assert_int_equal(http_header_charset("text/xml", cs, sizeof cs, &text), 0);
  assert_int_equal(text, 1);
  /* a charset name longer than the buffer is not taken */
  assert_int_equal(http_header_charset("text/html; charset=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", cs, 8, &text), 0);
}

static void test_meta_charset(void **s) {
  (void)s;
  char cs[32];
  const char *a = "<html><head><META http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">";
  assert_int_equal(http_meta_charset(a, strlen(a), cs, sizeof cs), 1);
  assert_string_equal(cs, "gb2312");
  const char *b = "<meta charset='UTF-8'>";
  assert_int_equal(http_meta_charset(b, strlen(b), cs, sizeof cs), 1);
  assert_string_equal(cs, "utf-8");
  const char *c = "<?xml version=\"1.0\" encoding=\"GBK\"?><datastore/>";
  assert_int_equal(http_meta_charset(c, strlen(c), cs, sizeof cs), 1);
  assert_string_equal(cs, "gbk");
  const char *d = "<html><meta name=x><p>charset=big5</p>";
  assert_int_equal(http_meta_charset(d, strlen(d), cs, sizeof cs), 0);
  assert_int_equal(http_meta_charset("<meta", 5, cs, sizeof cs), 0);
}

static void test_url_host(void **s) {
  (void)s;
  char *h;
  CURLU *u = http_url_parse("https://WWW.Hangzhou.gov.cn:8443/col/col1/index.html", &h);
  assert_non_null(u);
  assert_string_equal(h, "www.hangzhou.gov.cn");
  free(h);
  curl_url_cleanup(u);
  assert_null(http_url_parse("ftp://example.org/", &h));
  assert_null(h);
  assert_null(http_url_parse("/relative/path", &h));
  assert_null(h);
  char *allow[] = { "www.hangzhou.gov.cn" };
  http_batch b = { 0 };
  b.allow = allow;
  b.nallow = 1;
  assert_int_equal(http_host_allowed(&b, "WWW.HANGZHOU.GOV.CN"), 1);
  assert_int_equal(http_host_allowed(&b, "evil.example"), 0);
  b.allow = NULL;
  assert_int_equal(http_host_allowed(&b, "evil.example"), 1);
}

/* The address check of restricted clients (issue 18.10): public addresses pass; loopback,
** private, link-local, unspecified and their IPv4-mapped forms only when listed literally. */
static int addr_ok(char **allow, size_t n, const char *ip, char *text) {
  struct sockaddr_storage ss;
  memset(&ss, 0, sizeof ss);
  struct sockaddr_in *in = (struct sockaddr_in *)&ss;
  struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
  if (inet_pton(AF_INET, ip, &in->sin_addr) == 1) in->sin_family = AF_INET;
  else if (inet_pton(AF_INET6, ip, &in6->sin6_addr) == 1) in6->sin6_family = AF_INET6;
  else fail_msg("bad test address %s", ip);
  return http_address_allowed(allow, n, (struct sockaddr *)&ss, text, 64);
}

static void test_address_check(void **s) {
  (void)s;
  char text[64];
  char *names[] = { "localhost", "portal.example" };
  const char *refused[] = { "127.0.0.1", "127.0.0.2", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                            "192.168.1.1", "169.254.169.254", "100.64.0.1", "::1", "::", "::ffff:127.0.0.1",
                            "::ffff:10.0.0.1", "::127.0.0.1", "fe80::1", "fd00::1" };
  for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
    if (addr_ok(names, 2, refused[i], text)) fail_msg("%s allowed", refused[i]);
  }
  assert_int_equal(addr_ok(names, 2, "::ffff:127.0.0.1", text), 0);
  assert_string_equal(text, "::ffff:127.0.0.1");
  const char *public[] = { "59.202.1.1", "172.32.0.1", "8.8.8.8", "2001:db8::1", "::ffff:59.202.1.1" };
  for (size_t i = 0; i < sizeof public / sizeof *public; i++) {
    if (!addr_ok(names, 2, public[i], text)) fail_msg("%s refused", public[i]);
  }
  char *literal[] = { "127.0.0.1" };
  assert_int_equal(addr_ok(literal, 1, "127.0.0.1", text), 1);
  assert_int_equal(addr_ok(literal, 1, "127.0.0.2", text), 0);
  assert_int_equal(addr_ok(literal, 1, "::ffff:127.0.0.1", text), 0);
}

static void test_failures_and_misuse(void **s) {
  (void)s;
  lua_State *L = state();
  run(L,
      "local r, err = http.get('http://127.0.0.1:1/', {retries = 0})\n"
      "assert(r == nil and err.category == 'connect', tostring(err))\n"
      "assert(tostring(err):find('^http connect: .*%(http://127%.0%.0%.1:1/%)$'), tostring(err))\n"
      "assert(http.is_error(err) and not http.is_error({}))\n"
      "local c = http.client{hosts = {'www.hangzhou.gov.cn'}}\n"
      "local r2, e2 = c.get('http://127.0.0.1:1/x')\n"
      "assert(r2 == nil and e2.category == 'forbidden', tostring(e2))\n"
      "local res = c.fetch_all({'http://127.0.0.1:1/a', {url = 'http://127.0.0.1:1/b'}})\n"
      "assert(#res == 2 and res[1].category == 'forbidden' and res[2].category == 'forbidden')\n"
      "assert(not pcall(http.get, 'file:///etc/passwd'))\n"
      "assert(not pcall(http.get, 'http://127.0.0.1:1/', {retries = 'x'}))\n"
      "assert(not pcall(http.fetch_all, {'http://127.0.0.1:1/'}, {concurrency = 0}))\n"
      "assert(not pcall(http.request, {url = 'http://127.0.0.1:1/', method = 'get'}))\n"
      "assert(http.user_agent:find('^policytk/'))\n");
  ptk_closestate(L);
}

static void test_retries_on_connect_error(void **s) {
  (void)s;
  lua_State *L = state();
  run(L,
      "local t0 = http.clock()\n"
      "local r, err = http.request{url = 'http://127.0.0.1:1/', retries = 2, retry_delay = 0.01}\n"
      "assert(r == nil and err.category == 'connect')\n"
      "-- two retries waited their backoff (0.01 and 0.02 s, each at least 3/4 of it with jitter)\n"
      "assert(http.clock() - t0 >= 0.0225, 'no backoff: the retries did not happen')\n");
  ptk_closestate(L);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_header_charset),
    cmocka_unit_test(test_meta_charset),
    cmocka_unit_test(test_url_host),
    cmocka_unit_test(test_address_check),
    cmocka_unit_test(test_failures_and_misuse),
    cmocka_unit_test(test_retries_on_connect_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
