/*
** lua_zip.c — the policytk.zip loadable module (build/lib/policytk/zip.so) over libzip:
** writing a zip archive whole or not at all (the DOCX report is one).
**   zip.writer(path)               -> z; nothing is written before z:close()
**   z:add(name, bytes [, opts])    -> z; opts.store = true stores without compression (PNG),
**                                     opts.level 1..9 the deflate level (default 6),
**                                     opts.mtime the member's time (seconds since 1970)
**   z:close()                      -> true; libzip writes a temporary file beside PATH and
**                                     renames it, so PATH is whole or untouched
**   z:discard()                    -> drop every member; nothing is written
** __gc discards an unclosed writer; __close closes it on a normal exit from its scope and
** discards it when the scope is left by an error. Errors name the path: "PATH: …".
** Members keep the order they were added in (OOXML readers want [Content_Types].xml first).
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <zip.h>

#include "policytk.h"

#define ZIP_WRITER_MT "policytk.zip.writer"

/* The writer. User value 1: the path. */
typedef struct zip_writer {
  zip_t *za;            /* NULL once closed or discarded */
} zip_writer;

/* The path of the writer at idx (kept alive by its user value). */
static const char *writer_path(lua_State *L, int idx) {
  lua_getiuservalue(L, idx, 1);
  const char *p = lua_tostring(L, -1);
  lua_pop(L, 1);
  return p != NULL ? p : "?";
}

/* The writer at idx, which must be open. */
static zip_writer *check_open(lua_State *L, int idx) {
  zip_writer *w = luaL_checkudata(L, idx, ZIP_WRITER_MT);
  if (w->za == NULL) luaL_error(L, "%s: the zip writer is closed", writer_path(L, idx));
  return w;
}

/* A member name fit for a zip an office suite reads: not empty, relative, '/'-separated,
** no "." or ".." segment, no zero byte or backslash. Returns NULL or why not. */
static const char *bad_name(const char *name, size_t n) {
  if (n == 0) return "the member name is empty";
  if (strlen(name) != n) return "the member name holds a zero byte";
  if (name[0] == '/') return "the member name is absolute";
  if (strchr(name, '\\') != NULL) return "the member name holds a backslash";
  const char *seg = name;
  for (;;) {
    const char *end = strchr(seg, '/');
    size_t len = end != NULL ? (size_t)(end - seg) : strlen(seg);
    if (len == 0 && end != NULL) return "the member name has an empty segment";
    if ((len == 1 && seg[0] == '.') || (len == 2 && seg[0] == '.' && seg[1] == '.'))
      return "the member name has a . or .. segment";
    if (end == NULL) break;
    seg = end + 1;
  }
  return NULL;
}

/* zip.writer(path) → z. Raises "PATH: cannot open for writing (zip: reason)". */
static int l_writer(lua_State *L) {
  size_t plen;
  const char *path = luaL_checklstring(L, 1, &plen);
  if (strlen(path) != plen) return luaL_argerror(L, 1, "path holds a zero byte");
  if (plen == 0) return luaL_argerror(L, 1, "path is empty");
  zip_writer *w = lua_newuserdatauv(L, sizeof *w, 1);
  w->za = NULL;
  luaL_setmetatable(L, ZIP_WRITER_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  int code = 0;
  w->za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (w->za == NULL) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, code);
    lua_pushfstring(L, "%s: cannot open for writing (zip: %s)", path, zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return lua_error(L);
  }
  return 1;
}

/* z:add(name, bytes [, opts]) → z. The bytes are copied; libzip owns the copy. */
static int l_add(lua_State *L) {
  zip_writer *w = check_open(L, 1);
  size_t nlen, blen;
  const char *name = luaL_checklstring(L, 2, &nlen);
  const char *bytes = luaL_checklstring(L, 3, &blen);
  const char *why = bad_name(name, nlen);
  if (why != NULL) return luaL_argerror(L, 2, why);
  int store = 0;
  lua_Integer level = 6, mtime = -1;
  if (!lua_isnoneornil(L, 4)) {
    luaL_checktype(L, 4, LUA_TTABLE);
    lua_getfield(L, 4, "store");
    store = lua_toboolean(L, -1);
    lua_getfield(L, 4, "level");
    if (!lua_isnil(L, -1)) {
      int ok;
      level = lua_tointegerx(L, -1, &ok);
      if (!ok || level < 1 || level > 9) return luaL_argerror(L, 4, "level must be an integer 1..9");
    }
    lua_getfield(L, 4, "mtime");
    if (!lua_isnil(L, -1)) {
      int ok;
      mtime = lua_tointegerx(L, -1, &ok);
      if (!ok || mtime < 315532800) return luaL_argerror(L, 4, "mtime must be an integer time from 1980 on");
    }
    lua_pop(L, 3);
  }
  const char *path = writer_path(L, 1);
  /* from here on no Lua error until the copy belongs to libzip or is freed */
  void *copy = NULL;                   /* an empty member needs no buffer (libzip keeps none) */
  if (blen > 0) {
    copy = malloc(blen);
    if (copy == NULL) return luaL_error(L, "%s: cannot add %s (out of memory)", path, name);
    memcpy(copy, bytes, blen);
  }
  zip_source_t *src = zip_source_buffer(w->za, copy, blen, copy != NULL);
  if (src == NULL) {
    free(copy);
    return luaL_error(L, "%s: cannot add %s (zip: %s)", path, name, zip_strerror(w->za));
  }
  zip_int64_t idx = zip_file_add(w->za, name, src, ZIP_FL_ENC_UTF_8);
  if (idx < 0) {
    zip_source_free(src);
    return luaL_error(L, "%s: cannot add %s (zip: %s)", path, name, zip_strerror(w->za));
  }
  zip_int32_t method = store ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
  if (zip_set_file_compression(w->za, (zip_uint64_t)idx, method, store ? 0 : (zip_uint32_t)level) < 0)
    return luaL_error(L, "%s: %s: cannot set compression (zip: %s)", path, name, zip_strerror(w->za));
  if (mtime >= 0 && zip_file_set_mtime(w->za, (zip_uint64_t)idx, (time_t)mtime, 0) < 0)
    return luaL_error(L, "%s: %s: cannot set time (zip: %s)", path, name, zip_strerror(w->za));
  lua_settop(L, 1);
  return 1;
}

/* Drop the archive of w, if any; nothing is written. */
static void l_discard_writer(zip_writer *w) {
  if (w->za != NULL) zip_discard(w->za);
  w->za = NULL;
}

/* z:close() → true: write the archive. Raises "PATH: cannot write (zip: reason)"; the
** writer is discarded then, and PATH is as it was. A second close does nothing. */
static int l_close(lua_State *L) {
  zip_writer *w = luaL_checkudata(L, 1, ZIP_WRITER_MT);
  if (w->za == NULL) return 0;
  /* w->za stays set until the message is pushed, so a memory error leaves it to __gc */
  if (zip_get_num_entries(w->za, 0) == 0) {
    lua_pushfstring(L, "%s: cannot write (zip: the archive has no member)", writer_path(L, 1));
    l_discard_writer(w);
    return lua_error(L);
  }
  if (zip_close(w->za) < 0) {
    lua_pushfstring(L, "%s: cannot write (zip: %s)", writer_path(L, 1), zip_strerror(w->za));
    l_discard_writer(w);
    return lua_error(L);
  }
  w->za = NULL;                        /* zip_close freed it */
  lua_pushboolean(L, 1);
  return 1;
}

/* z:discard() and __gc: drop an unclosed writer; nothing is written. */
static int l_discard(lua_State *L) {
  l_discard_writer(luaL_checkudata(L, 1, ZIP_WRITER_MT));
  return 0;
}

/* __close: close on a normal exit from the scope, discard when an error leaves it. */
static int l_toclose(lua_State *L) {
  if (!lua_isnoneornil(L, 2)) return l_discard(L);
  lua_settop(L, 1);
  return l_close(L);
}

static int l_tostring(lua_State *L) {
  zip_writer *w = luaL_checkudata(L, 1, ZIP_WRITER_MT);
  lua_pushfstring(L, "zip writer %s%s", writer_path(L, 1), w->za == NULL ? " (closed)" : "");
  return 1;
}

static const luaL_Reg zip_funcs[] = { { "writer", l_writer }, { NULL, NULL } };
static const luaL_Reg writer_methods[] = {
  { "add", l_add }, { "close", l_close }, { "discard", l_discard }, { NULL, NULL },
};
static const luaL_Reg writer_meta[] = {
  { "__gc", l_discard }, { "__close", l_toclose }, { "__tostring", l_tostring }, { NULL, NULL },
};

/* Open the module: the writer's metatable and the module table (`libzip_version`). */
int luaopen_policytk_zip(lua_State *L) {
  ptk_new_class(L, ZIP_WRITER_MT, writer_meta, writer_methods);
  luaL_newlib(L, zip_funcs);
  lua_pushstring(L, zip_libzip_version());
  lua_setfield(L, -2, "libzip_version");
  return 1;
}
