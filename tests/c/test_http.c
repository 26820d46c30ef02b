/*
** test_http.c — cmocka tests of the policytk.http module (core/lua_http.c, core/http_*.c)
** without any network but loopback: charset declarations, URL hosts, the host allow-list,
** failure categories (a closed port on 127.0.0.1), misuse raising, and that a failed batch
** frees everything (run under ASan/LSan by `make asan`).
*/
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


static lua_State *state(void) {
  lua_State *L = ptk_newstate();
  const char *home = getenv("POLICYTK_HOME");
  if (home) assert_int_equal(ptk_host_init(L, home), 0);
  else {
    luaL_openlibs(L);
    ptk_register_modules(L);
  }
  luaL_requiref(L, "policytk.http", luaopen_policytk_http, 0);
  lua_setglobal(L, "http");
  return L;
}

static void run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != LUA_OK) fail_msg("Lua error: %s\n--- in:\n%s", lua_tostring(L, -1), code);
  lua_settop(L, 0);
}

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

/* Assert that http_utf8_valid and each vector version this CPU runs (AVX2's 32 bytes a block,
** SSSE3's 16) answer `want` for the n bytes at s. */
static void agree(const char *s, size_t n, int want) {
  assert_int_equal(http_utf8_valid(s, n), want);
  for (int width = 16; width <= 32; width *= 2) {
    int got = http_utf8_valid_simd(s, n, width);
    if (got >= 0) assert_int_equal(got, want);
  }
}

/* http_utf8_valid accepts exactly what the core's decoder (ptk_utf8_check) accepts: every
** sequence of up to three bytes, four-byte sequences around the U+10FFFF and overlong edges,
** each alone and after ASCII runs that the eight-byte fast path skips. */
static void test_utf8_valid(void **s) {
  (void)s;
  unsigned char buf[32];
  const size_t pre[] = { 0, 1, 9, 17 };
  for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++) {
    memset(buf, 'a', pre[k]);
    unsigned char *t = buf + pre[k];
    for (unsigned a = 0; a < 256; a++) {
      t[0] = (unsigned char)a;
      agree((char *)buf, pre[k] + 1, ptk_utf8_check((char *)buf, pre[k] + 1) == pre[k] + 1);
      for (unsigned b = 0; b < 256; b++) {
        t[1] = (unsigned char)b;
        size_t n = pre[k] + 2;
        agree((char *)buf, n, ptk_utf8_check((char *)buf, n) == n);
        if (a < 0xE0 || k > 1) continue;      /* three bytes: all leads of 3 and 4, two prefixes */
        for (unsigned c = 0; c < 256; c += (a >= 0xF0 ? 1 : 3)) {
          t[2] = (unsigned char)c;
          n = pre[k] + 3;
          agree((char *)buf, n, ptk_utf8_check((char *)buf, n) == n);
          if (a < 0xF0 || (c & 0xC0) != 0x80) continue;
          const unsigned last[] = { 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xFF };
          for (size_t d = 0; d < sizeof last / sizeof last[0]; d++) {
            t[3] = (unsigned char)last[d];
            n = pre[k] + 4;
            agree((char *)buf, n, ptk_utf8_check((char *)buf, n) == n);
          }
        }
      }
    }
  }
  const char *ok = "<p>　　为支持小微企业，现就有关事项通知如下。</p>\xF0\x9F\x98\x80 end";
  agree(ok, strlen(ok), 1);
  agree("", 0, 1);
  agree("abcdefgh\xE4\xB8", 10, 0);          /* cut in the middle */
  agree("abcdefghijklmnop\xFF", 17, 0);
  agree("\xED\xA0\x80", 3, 0);                /* a surrogate */
  agree("\xC0\xAF", 2, 0);                    /* overlong */
}

/* The vector checks (16 and 32 bytes a block) agree with the core's decoder where a sequence
** straddles a block boundary (16, 32, 48 or 64), after ASCII blocks and after non-ASCII ones,
** cut short or whole; and with the byte-at-a-time version on mutated Chinese text of many
** lengths. */
static void test_utf8_valid_blocks(void **s) {
  (void)s;
  static const char *seqs[] = { "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xED\xA0\x80", "\xE0\x80\x80",
                                "\xF4\x90\x80\x80", "\x80", "\xC3", "\xE4\xB8", "\xF0\x9F\x98" };
  unsigned char buf[128];
  for (size_t q = 0; q < sizeof seqs / sizeof seqs[0]; q++) {
    size_t m = strlen(seqs[q]);
    for (int fill = 0; fill < 2; fill++)          /* ASCII before, or 中 (3 bytes) repeated */
      for (size_t at = 0; at + m <= 72; at++)
        for (size_t after = 0; after < 20; after += 3) {
          size_t n = 0;
          while (n < at) {
            if (fill && at - n >= 3) { memcpy(buf + n, "\xE4\xB8\xAD", 3); n += 3; }
            else buf[n++] = 'a';
          }
          memcpy(buf + n, seqs[q], m);
          n += m;
          memset(buf + n, 'z', after);
          n += after;
          agree((char *)buf, n, ptk_utf8_check((char *)buf, n) == n);
          agree((char *)buf, n, http_utf8_valid_scalar((char *)buf, n));
        }
  }
  const char *zh = "<p>为支持小微企业，现就有关事项通知如下。一、到2025年，新增市场主体1.2万户。</p>";
  size_t zn = strlen(zh);
  unsigned seed = 7;
  for (int it = 0; it < 20000; it++) {
    size_t n = (size_t)it % (zn + 1);
    memcpy(buf, zh, n);
    seed = seed * 1103515245u + 12345u;
    if (n > 0 && (seed >> 16) % 3 != 0) buf[(seed >> 8) % n] = (unsigned char)(seed >> 20);
    agree((char *)buf, n, http_utf8_valid_scalar((char *)buf, n));
  }
}

static void test_url_host(void **s) {
  (void)s;
  char *h = http_url_host("https://WWW.Hangzhou.gov.cn:8443/col/col1/index.html");
  assert_string_equal(h, "www.hangzhou.gov.cn");
  free(h);
  assert_null(http_url_host("ftp://example.org/"));
  assert_null(http_url_host("/relative/path"));
  char *allow[] = { "www.hangzhou.gov.cn" };
  http_batch b = { 0 };
  b.allow = allow;
  b.nallow = 1;
  assert_int_equal(http_host_allowed(&b, "WWW.HANGZHOU.GOV.CN"), 1);
  assert_int_equal(http_host_allowed(&b, "evil.example"), 0);
  b.allow = NULL;
  assert_int_equal(http_host_allowed(&b, "evil.example"), 1);
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
    cmocka_unit_test(test_utf8_valid),
    cmocka_unit_test(test_utf8_valid_blocks),
    cmocka_unit_test(test_url_host),
    cmocka_unit_test(test_failures_and_misuse),
    cmocka_unit_test(test_retries_on_connect_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
