/*
** test_zip.c — cmocka tests of the policytk.zip module (core/lua_zip.c, libzip): an archive
** written by zip.writer read back with libzip (members in order, bytes, stored or deflated,
** times), nothing written before close or after discard/__gc/__close by an error, an existing
** file left whole by a failed close, and the errors naming the path. Each test gets a fixture
** (tests/c/harness.h) with the module as the global `zip` and `members(path)` (C, below).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <zip.h>

#include "policytk.h"
#include "harness.h"

/* members(path) → { {name=, bytes=, stored=, mtime=}, … } in archive order, read with libzip. */
static int l_members(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int code = 0;
  zip_t *za = zip_open(path, ZIP_RDONLY, &code);
  if (za == NULL) return luaL_error(L, "%s: cannot open (zip error %d)", path, code);
  zip_int64_t n = zip_get_num_entries(za, 0);
  lua_createtable(L, (int)n, 0);
  for (zip_int64_t i = 0; i < n; i++) {
    zip_stat_t st;
    zip_stat_index(za, (zip_uint64_t)i, 0, &st);
    char *buf = malloc(st.size + 1);
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)i, 0);
    zip_int64_t got = zf != NULL ? zip_fread(zf, buf, st.size) : -1;
    if (zf != NULL) zip_fclose(zf);
    lua_createtable(L, 0, 4);
    lua_pushstring(L, st.name);
    lua_setfield(L, -2, "name");
    lua_pushlstring(L, buf, got > 0 ? (size_t)got : 0);
    lua_setfield(L, -2, "bytes");
    lua_pushboolean(L, st.comp_method == ZIP_CM_STORE);
    lua_setfield(L, -2, "stored");
    lua_pushinteger(L, (lua_Integer)st.mtime);
    lua_setfield(L, -2, "mtime");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
    free(buf);
  }
  zip_close(za);
  return 1;
}

static const char helpers[] =
  "function exists(p) local f = io.open(p, 'rb'); if f then f:close() end; return f ~= nil end\n"
  "function slurp(p) local f = assert(io.open(p, 'rb')); local s = f:read('a'); f:close(); return s end\n"
  "function listing(d) local p = io.popen('ls -A ' .. d); local s = p:read('a'); p:close(); return s end\n";

static int setup(void **state) {
  ptk_fixture *f = ptk_fixture_new("zip");
  ptk_test_open(f->L, "policytk.zip", luaopen_policytk_zip, "zip");
  lua_register(f->L, "members", l_members);
  ptk_fixture_ready(f, helpers);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  ptk_fixture_free(*state);
  return 0;
}

static void test_write_read_back(void **state) {
  ptk_test_run(L_,
    "assert(zip.libzip_version:match('^%d+%.%d+'))\n"
    "local p = path('a.zip')\n"
    "local big = string.rep('指标口径0123456789', 5000)\n"
    "local z = zip.writer(p)\n"
    "eq(z:add('[Content_Types].xml', '<Types/>'), z, 'add returns the writer')\n"
    "z:add('word/document.xml', big):add('word/media/image1.png', '\\137PNG\\0\\1', { store = true })\n"
    "z:add('empty', '', { level = 9, mtime = 1700000000 })\n"
    "eq(exists(p), false, 'nothing before close')\n"
    "eq(z:close(), true)\n"
    "eq(z:close(), nil, 'a second close does nothing')\n"
    "local m = members(p)\n"
    "eq(#m, 4)\n"
    "eq(m[1].name, '[Content_Types].xml'); eq(m[2].name, 'word/document.xml')\n"
    "eq(m[2].bytes, big); eq(m[2].stored, false)\n"
    "eq(m[3].bytes, '\\137PNG\\0\\1'); eq(m[3].stored, true)\n"
    "eq(m[4].bytes, ''); eq(m[4].mtime, 1700000000)\n"
    "assert(#slurp(p) < #big, 'deflated')\n"
    "eq(listing(DIR), 'a.zip\\n', 'no temporary file is left')\n"
    "fails(function() z:add('x', 'y') end, p .. ': the zip writer is closed')\n"
    "assert(tostring(z):find('(closed)', 1, true))\n");
}

static void test_discard(void **state) {
  ptk_test_run(L_,
    "local p = path('d.zip')\n"
    "local f = assert(io.open(p, 'wb')); f:write('old'); f:close()\n"
    "local z = zip.writer(p); z:add('a', 'b'); z:discard()\n"
    "eq(slurp(p), 'old', 'discard leaves the file as it was')\n"
    "z = zip.writer(p); z:add('a', 'b'); z = nil; collectgarbage(); collectgarbage()\n"
    "eq(slurp(p), 'old', '__gc discards')\n"
    "local ok = pcall(function() local w <close> = zip.writer(p); w:add('a', 'b'); error('boom') end)\n"
    "eq(ok, false); eq(slurp(p), 'old', '__close by an error discards')\n"
    "do local w <close> = zip.writer(p); w:add('n', 'new') end\n"
    "eq(members(p)[1].bytes, 'new', '__close on a normal exit writes')\n"
    "eq(listing(DIR), 'd.zip\\n')\n");
}

static void test_errors(void **state) {
  ptk_test_run(L_,
    "local p = path('e.zip')\n"
    "local z = zip.writer(p)\n"
    "z:add('a', '1')\n"
    "fails(function() z:add('a', '2') end, p .. ': cannot add a (zip: File already exists)')\n"
    "fails(function() z:add('', 'x') end, 'the member name is empty')\n"
    "fails(function() z:add('/abs', 'x') end, 'the member name is absolute')\n"
    "fails(function() z:add('a/../b', 'x') end, 'the member name has a . or .. segment')\n"
    "fails(function() z:add('a//b', 'x') end, 'the member name has an empty segment')\n"
    "fails(function() z:add('a\\\\b', 'x') end, 'the member name holds a backslash')\n"
    "fails(function() z:add('a\\0b', 'x') end, 'the member name holds a zero byte')\n"
    "fails(function() z:add('b', 'x', { level = 10 }) end, 'level must be an integer 1..9')\n"
    "fails(function() z:add('b', 'x', { mtime = 5 }) end, 'mtime must be an integer time from 1980 on')\n"
    "fails(function() z:add('b') end, 'bad argument #2')\n"
    "z:discard()\n"
    "local empty = zip.writer(path('none.zip'))\n"
    "fails(function() empty:close() end, path('none.zip') .. ': cannot write (zip: the archive has no member)')\n"
    "local bad = '/nonexistent-policytk/dir/x.zip'\n"
    "local w = zip.writer(bad); w:add('a', 'b')\n"
    "fails(function() w:close() end, bad .. ': cannot write (zip: ')\n"
    "fails(function() w:add('c', 'd') end, 'is closed')\n"
    "fails(function() zip.writer('') end, 'path is empty')\n"
    "fails(function() zip.writer('a\\0b') end, 'path holds a zero byte')\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_write_read_back, setup, teardown),
    cmocka_unit_test_setup_teardown(test_discard, setup, teardown),
    cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
  };
  return cmocka_run_group_tests_name("zip", tests, NULL, NULL);
}
