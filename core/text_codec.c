/*
** text_codec.c — charset decoding for policytk.text through glibc iconv: GB18030, GBK,
** GB2312, Big5 and UTF-8 to UTF-8, every invalid sequence replaced by U+FFFD and counted;
** and the honest charset guess of text.detect.
*/
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "policytk.h"
#include "text.h"

static const char *const CHARSET_NAMES[] = { "utf-8", "utf8", "gb18030", "gbk", "cp936",
                                             "gb2312", "big5", NULL };
static const char *const ICONV_NAMES[] = { NULL, NULL, "GB18030", "GBK", "GBK", "GB2312",
                                           "BIG5" };

static const char *const CD_META = "policytk.text.iconv";

/* An iconv descriptor boxed in a userdata, so an error while decoding still closes it. */
static int cd_gc(lua_State *L) {
  iconv_t *box = luaL_checkudata(L, 1, CD_META);
  if (*box != (iconv_t)-1) {
    iconv_close(*box);
    *box = (iconv_t)-1;
  }
  return 0;
}

static iconv_t *push_cd(lua_State *L, const char *from) {
  iconv_t *box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = (iconv_t)-1;
  if (luaL_newmetatable(L, CD_META)) {
    lua_pushcfunction(L, cd_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, cd_gc);
    lua_setfield(L, -2, "__close");
  }
  lua_setmetatable(L, -2);
  *box = iconv_open("UTF-8", from);
  if (*box == (iconv_t)-1)
    luaL_error(L, "text.decode: iconv cannot convert from %s: %s", from, strerror(errno));
  return box;
}

static size_t decode_utf8(lua_State *L, const char *s, size_t n) {
  luaL_Buffer b;
  size_t bad = 0, i = ptk_utf8_check(s, n), copied = 0;   /* [copied, i) is valid */
  if (i == n) {
    lua_pushlstring(L, s, n);
    return 0;
  }
  luaL_buffinitsize(L, &b, n);
  while (i < n) {
    uint32_t cp;
    size_t len = ptk_utf8_next(s + i, n - i, &cp);
    if (len > 0) {
      i += len;
    } else {
      luaL_addlstring(&b, s + copied, i - copied);
      ptk_utf8_add(&b, PTK_REPLACEMENT);
      bad++;
      i += ptk_utf8_badlen(s + i, n - i);
      copied = i;
    }
  }
  luaL_addlstring(&b, s + copied, n - copied);
  luaL_pushresult(&b);
  return bad;
}

static size_t decode_iconv(lua_State *L, const char *s, size_t n, const char *from) {
  iconv_t *box = push_cd(L, from);
  int boxidx = lua_gettop(L);
  luaL_Buffer b;
  size_t bad = 0;
  char *in = (char *)s;
  size_t inleft = n;
  luaL_buffinit(L, &b);
  while (inleft > 0) {
    size_t room = inleft * 2 + 16;
    char *out = luaL_prepbuffsize(&b, room), *op = out;
    size_t outleft = room;
    size_t r = iconv(*box, &in, &inleft, &op, &outleft);
    luaL_addsize(&b, (size_t)(op - out));
    if (r != (size_t)-1) continue;
    if (errno == E2BIG) continue;
    ptk_utf8_add(&b, PTK_REPLACEMENT);
    bad++;
    if (errno == EINVAL) break;    /* an incomplete sequence at the end */
    in++;                          /* EILSEQ: replace one byte, resynchronise after it */
    inleft--;
    iconv(*box, NULL, NULL, NULL, NULL);
  }
  iconv_close(*box);
  *box = (iconv_t)-1;
  luaL_pushresult(&b);
  lua_remove(L, boxidx);
  return bad;
}

size_t ptk_text_decode(lua_State *L, const char *s, size_t n, const char *charset) {
  int which = -1;
  for (int i = 0; CHARSET_NAMES[i] != NULL; i++)
    if (strcasecmp(charset, CHARSET_NAMES[i]) == 0) which = i;
  if (which < 0)
    luaL_error(L, "text.decode: unsupported charset '%s' (use utf-8, gb18030, gbk, gb2312 or big5)",
               charset);
  if (ICONV_NAMES[which] == NULL) return decode_utf8(L, s, n);
  return decode_iconv(L, s, n, ICONV_NAMES[which]);
}

/* 1 when s converts from GB18030 with no invalid or incomplete sequence. */
static int clean_gb18030(const char *s, size_t n) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == (iconv_t)-1) return 0;
  char *in = (char *)s;
  size_t inleft = n;
  int ok = 1;
  while (inleft > 0) {
    char chunk[4096];                /* output is discarded; only errors matter */
    char *op = chunk;
    size_t outleft = sizeof chunk;
    if (iconv(cd, &in, &inleft, &op, &outleft) == (size_t)-1 && errno != E2BIG) {
      ok = 0;
      break;
    }
  }
  iconv_close(cd);
  return ok;
}

/* 1 when s is UTF-8 with some damage: its valid multibyte sequences are at least twice
** its invalid ones. GBK text read as UTF-8 has about 3 invalid sequences to 1 valid one
** (and not more than 1.2 valid to 1 invalid in any 20 characters of the seed texts). */
static int mostly_utf8(const char *s, size_t n) {
  size_t valid = 0, bad = 0, i = 0;
  while (i < n) {
    uint32_t cp;
    size_t len = ptk_utf8_next(s + i, n - i, &cp);
    if (len == 0) {
      bad++;
      i += ptk_utf8_badlen(s + i, n - i);
    } else {
      valid += len > 1;
      i += len;
    }
  }
  return valid > 0 && valid >= 2 * bad;
}

const char *ptk_text_detect(const char *s, size_t n) {
  if (ptk_utf8_check(s, n) == n || mostly_utf8(s, n)) return "utf-8";
  if (clean_gb18030(s, n)) return "gb18030";
  return NULL;
}
