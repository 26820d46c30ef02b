/*
** http_charset.c — where the charset of an HTTP body is declared: the Content-Type header's
** charset parameter, or the document's own <meta charset>, <meta http-equiv> or XML
** declaration; and a fast check that a body already is valid UTF-8 (then it is its own text
** and needs no decoding: 32 bytes at a time with AVX2, 16 with SSSE3). The decoding itself
** is policytk.text's (called from lua_http.c).
*/
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

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

