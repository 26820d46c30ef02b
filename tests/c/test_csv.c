/*
** test_csv.c — cmocka tests of the C CSV record reader (core/lua_csv.c, policytk.csv_reader):
** quotes, doubled quotes, line breaks inside quotes, CRLF, the byte order mark, the
** problems worded as csv.lua words them (unterminated quote, text after a closing quote, a
** quote in an unquoted field), the first non-UTF-8 field, a 1 MB field across many reads,
** an empty file, and a read after the file was closed.
**
** Its other half: tests/lua/data/test_import.lua and tests/lua/data/test_import_crash.lua (CSV files
** through policytk.data.import, which reads them with this reader).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "policytk.h"
#include "harness.h"

/* Lua: every record of the file at path as text: "LINE[f1|f2|…]" (with "!N" when field N is
** not UTF-8) or "LINE!problem", one per line. */
static const char *DUMP =
  "local path = ...\n"
  "local f = assert(io.open(path, 'rb'))\n"
  "local r = require('policytk.csv_reader').new(f)\n"
  "local out = {}\n"
  "while true do\n"
  "  local fields, line, problem, bad = r:read()\n"
  "  if fields == nil then break end\n"
  "  if fields then\n"
  "    out[#out + 1] = line .. '[' .. table.concat(fields, '|') .. ']' .. (bad and ('!' .. bad) or '')\n"
  "  else out[#out + 1] = line .. '!' .. problem end\n"
  "end\n"
  "r:close(); f:close()\n"
  "return table.concat(out, '\\n')\n";

static lua_State *new_host(void) { return ptk_test_state(); }

/* Write n bytes to a temporary file; returns its malloc'd path. */
static char *write_temp(const char *bytes, size_t n) {
  char *path = strdup("/tmp/ptk_test_csv_XXXXXX");
  assert_non_null(path);
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(bytes, 1, n, f), n);
  assert_int_equal(fclose(f), 0);
  return path;
}

/* The records of `bytes` as DUMP shows them; checked against `expect`. */
static void check_records(const char *bytes, size_t n, const char *expect) {
  lua_State *L = new_host();
  char *path = write_temp(bytes, n);
  assert_int_equal(luaL_loadstring(L, DUMP), LUA_OK);
  lua_pushstring(L, path);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) fail_msg("%s", lua_tostring(L, -1));
  assert_string_equal(lua_tostring(L, -1), expect);
  unlink(path);
  free(path);
  ptk_closestate(L);
}

#define CHECK(lit, expect) check_records(lit, sizeof(lit) - 1, expect)

static void test_plain_and_quoted(void **state) {
  (void)state;
  CHECK("a,b,c\nx,,z\n", "1[a|b|c]\n2[x||z]");
  CHECK("a,b\nlast,line", "1[a|b]\n2[last|line]");
  CHECK("\"x,1\",\"say \"\"hi\"\"\",\"\"\n", "1[x,1|say \"hi\"|]");
  CHECK("a,\n,\n\n", "1[a|]\n2[|]\n3[]");
}

static void test_newlines_in_quotes_and_crlf(void **state) {
  (void)state;
  CHECK("h1,h2\r\n\"two\r\nlines\",x\r\nnext,\"q\"\r\n", "1[h1|h2]\n2[two\r\nlines|x]\n4[next|q]");
  CHECK("\"a\nb\nc\",d\ne,f\n", "1[a\nb\nc|d]\n4[e|f]");
  CHECK("a\rb,c\n", "1[a\rb|c]");                     /* a lone \r is data */
  CHECK("a,b\r", "1[a|b]");                            /* \r at the end of the file ends it */
}

static void test_bom(void **state) {
  (void)state;
  CHECK("\xEF\xBB\xBFindicator,value\n1,2\n", "1[indicator|value]\n2[1|2]");
  CHECK("\xEF\xBB\xBF", "1[]");
  CHECK("x,\xEF\xBB\xBF\n", "1[x|\xEF\xBB\xBF]");       /* only at the start of the file */
}

static void test_problems(void **state) {
  (void)state;
  CHECK("a,\"open\nstill open\n",
        "1!unterminated quoted field (the quote opened on line 1 never closes)");
  CHECK("a,\"x\"y,z\nok,1\n", "1!unexpected text after a closing quote in field 2\n2[ok|1]");
  CHECK("a,b\"c,d\nok\n", "1!a quote inside an unquoted field 2 (quote the whole field)\n2[ok]");
  CHECK("\"a\nb\"x\nok\n", "1!unexpected text after a closing quote in field 1\n3[ok]");
}

static void test_invalid_utf8(void **state) {
  (void)state;
  CHECK("ok,\xE4\xB8\xAD\nx,\xFF\xFE,\xC3\n", "1[ok|\xE4\xB8\xAD]\n2[x|\xFF\xFE|\xC3]!2");
  CHECK("\xED\xA0\x80\n", "1[\xED\xA0\x80]!1");        /* a surrogate */
}

static void test_empty_file(void **state) {
  (void)state;
  CHECK("", "");
}

/* A first record of empty fields only: no field byte has been stored yet, so the field buffer
** is still NULL (once computed NULL + 0, undefined behaviour that UBSan reports under make asan). */
static void test_empty_fields_first(void **state) {
  (void)state;
  CHECK(",\n", "1[|]");
  CHECK(",,\nx,y,z\n", "1[||]\n2[x|y|z]");
  CHECK(",", "1[|]");
}

static void test_one_megabyte_field(void **state) {
  (void)state;
  size_t big = 1024 * 1024;
  size_t n = big + 64;
  char *bytes = malloc(n);
  char *expect = malloc(n);
  assert_non_null(bytes);
  assert_non_null(expect);
  /* a quoted field of 1 MiB holding doubled quotes and line breaks, then a plain record */
  size_t k = 0, e = 0;
  e += (size_t)sprintf(expect + e, "1[");
  bytes[k++] = '"';
  for (size_t i = 0; i < big; i++) {
    char c = (char)('a' + i % 26);
    if (i % 1000 == 999) c = '\n';
    bytes[k++] = c;
    expect[e++] = c;
  }
  bytes[k++] = '"';
  k += (size_t)sprintf(bytes + k, ",end\nx,y\n");
  e += (size_t)sprintf(expect + e, "|end]\n%d[x|y]", 1 + (int)(big / 1000) + 1);
  check_records(bytes, k, expect);
  free(bytes);
  free(expect);
}

static void test_closed_file_raises(void **state) {
  (void)state;
  lua_State *L = new_host();
  char *path = write_temp("a,b\n", 4);
  const char *code =
    "local f = assert(io.open(..., 'rb'))\n"
    "local r = require('policytk.csv_reader').new(f)\n"
    "f:close()\n"
    "local ok, e = pcall(r.read, r)\n"
    "r:close(); r:close()\n"
    "local ok2, e2 = pcall(r.read, r)\n"
    "return tostring(ok) .. ' ' .. e .. '; ' .. tostring(ok2) .. ' ' .. e2\n";
  assert_int_equal(luaL_loadstring(L, code), LUA_OK);
  lua_pushstring(L, path);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) fail_msg("%s", lua_tostring(L, -1));
  assert_string_equal(lua_tostring(L, -1),
                      "false csv: the file was closed while being read; false csv: the reader is closed");
  assert_int_equal(luaL_dostring(L, "return pcall(require('policytk.csv_reader').new, 42)"), LUA_OK);
  assert_false(lua_toboolean(L, -2));
  unlink(path);
  free(path);
  ptk_closestate(L);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_plain_and_quoted),
    cmocka_unit_test(test_newlines_in_quotes_and_crlf),
    cmocka_unit_test(test_bom),
    cmocka_unit_test(test_problems),
    cmocka_unit_test(test_invalid_utf8),
    cmocka_unit_test(test_empty_file),
    cmocka_unit_test(test_empty_fields_first),
    cmocka_unit_test(test_one_megabyte_field),
    cmocka_unit_test(test_closed_file_raises),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
