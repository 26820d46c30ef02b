/*
** text_gb.c — the GB tables of policytk.text, built once per lua_State with glibc iconv:
** GB18030 two-byte codes to code points and back (for mojibake repair, which re-encodes
** text to the bytes a GBK decoder saw), and which ideographs are common.
**
** Older GB18030 (2000) and CP936 decoders gave private-use code points U+E766..U+E864 to
** the 255 two-byte codes outside the user-defined areas that GBK leaves unassigned, in
** code order; glibc's GB18030 no longer does, so that mapping is rebuilt here from
** glibc's CP936: the k-th code CP936 cannot decode is U+E766 + k.
*/
#include <iconv.h>
#include <string.h>

#include "text.h"

#define LEADS PTK_GB_LEADS
#define TRAILS PTK_GB_TRAILS
#define HAN_FIRST PTK_GB_HAN_FIRST
#define HAN_LAST PTK_GB_HAN_LAST

static const char *const REGISTRY_KEY = "policytk.text.gb";

static int is_trail(unsigned t) { return (t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE); }

/* Decode the n bytes at in with cd to one code point; 0 when they are not exactly one. */
static uint32_t decode_one(iconv_t cd, const unsigned char *in, size_t n) {
  char ib[4], ob[16];
  memcpy(ib, in, n);
  char *ip = ib, *op = ob;
  size_t il = n, ol = sizeof ob;
  iconv(cd, NULL, NULL, NULL, NULL);
  if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0) return 0;
  uint32_t cp;
  size_t outn = sizeof ob - ol;
  if (outn == 0 || ptk_utf8_next(ob, outn, &cp) != outn) return 0;
  return cp;
}

/* The user-defined areas of GBK: AAA1-AFFE, F8A1-FEFE, A140-A7A0. */
static int in_user_area(unsigned lead, unsigned trail) {
  return (lead >= 0xAA && lead <= 0xAF && trail >= 0xA1) || (lead >= 0xF8 && trail >= 0xA1) ||
         (lead >= 0xA1 && lead <= 0xA7 && trail <= 0xA0);
}

static void set_common(ptk_gb *g, uint32_t cp) {
  if (cp >= HAN_FIRST && cp <= HAN_LAST)
    g->common[(cp - HAN_FIRST) >> 3] |= (unsigned char)(1u << ((cp - HAN_FIRST) & 7));
}

/* Fill g; returns NULL or the name of the charset iconv could not open. */
static const char *build(ptk_gb *g) {
  iconv_t gb = iconv_open("UTF-8", "GB18030");
  if (gb == (iconv_t)-1) return "GB18030";
  for (unsigned lead = 0x81; lead <= 0xFE; lead++) {
    for (unsigned trail = 0x40; trail <= 0xFE; trail++) {
      if (trail == 0x7F) continue;
      unsigned char b[2] = { (unsigned char)lead, (unsigned char)trail };
      uint32_t cp = decode_one(gb, b, 2);
      g->dec[(lead - 0x81) * TRAILS + (trail - 0x40)] = cp;
      if (cp > 0 && cp < 0x10000 && g->enc[cp] == 0) g->enc[cp] = (uint16_t)(lead << 8 | trail);
    }
  }
  iconv_close(gb);
  /* GB2312 level 1 (rows B0-D7) sits at the same codes in GB18030 */
  for (unsigned lead = 0xB0; lead <= 0xD7; lead++)
    for (unsigned trail = 0xA1; trail <= 0xFE; trail++)
      set_common(g, g->dec[(lead - 0x81) * TRAILS + (trail - 0x40)]);

  iconv_t cp936 = iconv_open("UTF-8", "CP936");
  if (cp936 == (iconv_t)-1) return "CP936";
  uint32_t next = 0xE766;
  for (unsigned lead = 0x81; lead <= 0xFE && next <= 0xE864; lead++) {
    for (unsigned trail = 0x40; trail <= 0xFE && next <= 0xE864; trail++) {
      if (trail == 0x7F || in_user_area(lead, trail)) continue;
      unsigned char b[2] = { (unsigned char)lead, (unsigned char)trail };
      if (decode_one(cp936, b, 2) != 0) continue;
      if (g->enc[next] == 0) g->enc[next] = (uint16_t)(lead << 8 | trail);
      next++;
    }
  }
  iconv_close(cp936);

  iconv_t big5 = iconv_open("UTF-8", "BIG5");
  if (big5 == (iconv_t)-1) return "BIG5";
  for (unsigned lead = 0xA4; lead <= 0xC6; lead++) {   /* Big5 level 1: A440-C67E */
    for (unsigned trail = 0x40; trail <= 0xFE; trail++) {
      if ((trail > 0x7E && trail < 0xA1) || (lead == 0xC6 && trail > 0x7E)) continue;
      unsigned char b[2] = { (unsigned char)lead, (unsigned char)trail };
      set_common(g, decode_one(big5, b, 2));
    }
  }
  iconv_close(big5);
  return NULL;
}

const ptk_gb *ptk_gb_tables(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, REGISTRY_KEY) == LUA_TUSERDATA) {
    const ptk_gb *g = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return g;
  }
  lua_pop(L, 1);
  ptk_gb *g = lua_newuserdatauv(L, sizeof *g, 0);
  memset(g, 0, sizeof *g);
  const char *missing = build(g);
  if (missing != NULL) {
    lua_pop(L, 1);
    luaL_error(L, "policytk.text: iconv cannot convert from %s (glibc gconv modules missing?)",
               missing);
    return NULL;
  }
  lua_setfield(L, LUA_REGISTRYINDEX, REGISTRY_KEY);
  return g;
}

uint32_t ptk_gb_decode(const ptk_gb *g, unsigned lead, unsigned trail) {
  if (lead < 0x81 || lead > 0xFE || !is_trail(trail)) return 0;
  return g->dec[(lead - 0x81) * TRAILS + (trail - 0x40)];
}
