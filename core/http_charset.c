/*
** http_charset.c — where the charset of an HTTP body is declared: the Content-Type header's
** charset parameter, or the document's own <meta charset>, <meta http-equiv> or XML
** declaration; and a fast check that a body already is valid UTF-8 (then it is its own text
** and needs no decoding: ptk_utf8_valid, run by http_multi.c); and the choice among header,
** declaration and detection that decodes a response's body to UTF-8 (http_decode_body,
** through policytk.text's decode and detect). fuzz/fuzz_charset.c fuzzes all of it.
*/
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <lauxlib.h>
#include <lua.h>

#include "http.h"

/* Copy the token at s (letters, digits, - _ . :) lowercased into out; 1 when it fits. */
static int copy_token(const char *s, const char *end, char *out, size_t outn) {
  size_t k = 0;
  while (s < end && (*s == '"' || *s == '\'' || *s == ' ')) s++;
  while (s < end && (isalnum((unsigned char)*s) || *s == '-' || *s == '_' || *s == '.' || *s == ':')) {
    if (k + 1 >= outn) return 0;
    out[k++] = (char)tolower((unsigned char)*s++);
  }
  out[k] = '\0';
  return k > 0;
}

/* Case-insensitive search of needle in [s, end). */
static const char *find_ci(const char *s, const char *end, const char *needle) {
  size_t m = strlen(needle);
  for (; s + m <= end; s++)
    if (strncasecmp(s, needle, m) == 0) return s;
  return NULL;
}

int http_header_charset(const char *ctype, char *out, size_t outn, int *is_text) {
  if (ctype == NULL || *ctype == '\0') {
    *is_text = 1;
    return 0;
  }
  const char *end = ctype + strlen(ctype);
  const char *semi = strchr(ctype, ';');
  const char *tend = semi ? semi : end;
  const char *slash = memchr(ctype, '/', (size_t)(tend - ctype));
  *is_text = strncasecmp(ctype, "text/", 5) == 0 || find_ci(ctype, tend, "xml") != NULL ||
             find_ci(ctype, tend, "json") != NULL || find_ci(ctype, tend, "javascript") != NULL ||
             slash == NULL;
  if (semi == NULL) return 0;
  const char *p = find_ci(semi, end, "charset=");
  if (p == NULL) return 0;
  return copy_token(p + 8, end, out, outn);
}

int http_meta_charset(const char *s, size_t n, char *out, size_t outn) {
  const char *end = s + (n < 8192 ? n : 8192);
  if (n >= 5 && strncmp(s, "<?xml", 5) == 0) {
    const char *close = find_ci(s, end, "?>");
    const char *enc = find_ci(s, close ? close : end, "encoding=");
    if (enc) return copy_token(enc + 9, close ? close : end, out, outn);
  }
  const char *p = s;
  while ((p = find_ci(p, end, "<meta")) != NULL) {
    const char *gt = memchr(p, '>', (size_t)(end - p));
    const char *tag_end = gt ? gt : end;
    const char *cs = find_ci(p, tag_end, "charset=");
    if (cs && copy_token(cs + 8, tag_end, out, outn)) return 1;
    p += 5;
  }
  return 0;
}

/* text.decode(raw, charset) in protected mode: pushes utf8 and returns replaced count, or
** returns -1 (nothing pushed) when the charset is not supported. */
static lua_Integer try_decode(lua_State *L, int text, int raw, const char *charset) {
  lua_getfield(L, text, "decode");
  lua_pushvalue(L, raw);
  lua_pushstring(L, charset);
  if (lua_pcall(L, 2, 2, 0) != LUA_OK) {
    lua_pop(L, 1);
    return -1;
  }
  lua_Integer bad = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return bad;
}

static const char *canonical(const char *cs) {
  if (strcmp(cs, "utf8") == 0) return "utf-8";
  if (strcmp(cs, "x-gbk") == 0 || strcmp(cs, "cp936") == 0 || strcmp(cs, "windows-936") == 0) return "gbk";
  if (strcmp(cs, "us-ascii") == 0 || strcmp(cs, "ascii") == 0) return "utf-8";
  return cs;
}

/* http.h describes it. */
void http_decode_body(lua_State *L, int resp, int raw, const char *url, int utf8) {
  lua_getfield(L, resp, "headers");
  lua_getfield(L, -1, "content-type");
  const char *ctype = lua_tostring(L, -1);
  char cs[64] = "", used[64] = "utf-8";
  int is_text = 1;
  int from_header = http_header_charset(ctype, cs, sizeof cs, &is_text);
  lua_pop(L, 2);
  if (!is_text) return;
  size_t n;
  const char *s = lua_tolstring(L, raw, &n);
  if (!from_header && !http_meta_charset(s, n, cs, sizeof cs)) cs[0] = '\0';
  /* Valid UTF-8, declared so or not declared at all (detection would say utf-8 too): the
  ** bytes are their own text — the same string as what text.decode would return, without
  ** a copy. Anything else takes the full path below. */
  if (utf8 && (!cs[0] || strcmp(canonical(cs), "utf-8") == 0)) {
    lua_pushvalue(L, raw);
    lua_setfield(L, resp, "body");
    lua_pushliteral(L, "utf-8");
    lua_setfield(L, resp, "charset");
    lua_pushinteger(L, 0);
    lua_setfield(L, resp, "replaced");
    return;
  }
  lua_getglobal(L, "require");
  lua_pushliteral(L, "policytk.text");
  lua_call(L, 1, 1);
  int text = lua_gettop(L);
  lua_Integer bad = -1;
  if (cs[0]) {
    snprintf(used, sizeof used, "%s", canonical(cs));
    bad = try_decode(L, text, raw, used);            /* pushes the text when bad >= 0 */
  }
  if (bad != 0 && !from_header) {
    lua_getfield(L, text, "detect");
    lua_pushvalue(L, raw);
    lua_call(L, 1, 1);
    const char *guess = lua_tostring(L, -1);
    if (guess && (bad < 0 || strcmp(guess, used) != 0)) {
      lua_Integer b2 = try_decode(L, text, raw, guess);
      if (b2 >= 0 && (b2 == 0 || bad < 0)) {
        snprintf(used, sizeof used, "%s", guess);
        lua_remove(L, -2);                             /* the guess */
        if (bad >= 0) lua_remove(L, -2);               /* the earlier decoding */
        bad = b2;
      } else {
        if (b2 >= 0) lua_pop(L, 1);
        lua_pop(L, 1);
      }
    } else {
      lua_pop(L, 1);
    }
  }
  if (bad < 0) {   /* no usable declaration or guess: UTF-8 with replacements */
    snprintf(used, sizeof used, "utf-8");
    bad = try_decode(L, text, raw, used);
    if (bad < 0) luaL_error(L, "http: text.decode cannot decode utf-8");
  }
  lua_setfield(L, resp, "body");
  lua_pushstring(L, used);
  lua_setfield(L, resp, "charset");
  lua_pushinteger(L, bad);
  lua_setfield(L, resp, "replaced");
  if (bad > 0) {
    lua_getglobal(L, "require");
    lua_pushliteral(L, "policytk.log");
    if (lua_pcall(L, 1, 1, 0) == LUA_OK && lua_istable(L, -1)) {
      lua_getfield(L, -1, "warn");
      lua_pushliteral(L, "%s");
      lua_pushfstring(L, "%s: %d invalid byte sequence(s) replaced while decoding as %s", url, (int)bad, used);
      lua_pcall(L, 2, 0, 0);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);   /* text */
}
