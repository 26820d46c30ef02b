/*
** text_opencc.c — traditional to simplified conversion for policytk.text through
** OpenCC's C API. The converter (config t2s.json) is opened once per lua_State, on first
** use, and kept in a registry userdata whose __gc closes it.
**
** OpenCC is the reference, but it converts a few MB/s. normalize converts through a table
** instead that gives the same bytes: what t2s makes of each ideograph alone, learnt from the
** converter as the text needs it, and the phrase keys of its TSPhrases dictionary
** (text_phrases.c) with the phrases the converter makes of them, matched longest first at
** each position as OpenCC's maximum-match segmentation does. The keys are used only when
** the config and dictionary files hash to those they were taken from.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <opencc.h>

#include "policytk.h"
#include "text.h"

#ifndef PTK_OPENCC_T2S
#define PTK_OPENCC_T2S "/usr/share/opencc/t2s.json"
#endif

static const char *const CONVERTER_META = "policytk.text.opencc";        /* its metatable */
static const char *const CONVERTER_KEY = "policytk.text.opencc.instance"; /* the instance */
static const char *const RESULT_META = "policytk.text.opencc_result";

static int converter_gc(lua_State *L) {
  opencc_t *box = luaL_checkudata(L, 1, CONVERTER_META);
  if (*box != (opencc_t)-1) {
    opencc_close(*box);
    *box = (opencc_t)-1;
  }
  return 0;
}

/* The config file: $POLICYTK_OPENCC_T2S, else t2s.json of the OpenCC data. */
static const char *config_path(void) {
  const char *config = getenv("POLICYTK_OPENCC_T2S");
  return config == NULL || *config == '\0' ? PTK_OPENCC_T2S : config;
}

/* The converter of L, opened on first use. $POLICYTK_OPENCC_T2S overrides the config. */
static opencc_t converter(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, CONVERTER_KEY) == LUA_TUSERDATA) {
    opencc_t cc = *(opencc_t *)lua_touserdata(L, -1);
    lua_pop(L, 1);
    return cc;
  }
  lua_pop(L, 1);
  opencc_t *box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = (opencc_t)-1;
  if (luaL_newmetatable(L, CONVERTER_META)) {
    lua_pushcfunction(L, converter_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  const char *config = config_path();
  *box = opencc_open(config);
  if (*box == (opencc_t)-1) {
    const char *why = opencc_error();
    luaL_error(L, "text.t2s: cannot open the OpenCC config %s: %s", config, why ? why : "?");
  }
  lua_setfield(L, LUA_REGISTRYINDEX, CONVERTER_KEY);
  return *box;
}

/* A result of opencc_convert_utf8 in a box that frees it if copying it raises an error. */
static int result_gc(lua_State *L) {
  char **box = luaL_checkudata(L, 1, RESULT_META);
  if (*box != NULL) {
    opencc_convert_utf8_free(*box);
    *box = NULL;
  }
  return 0;
}

void ptk_text_t2s(lua_State *L, const char *s, size_t n) {
  size_t bad = ptk_utf8_check(s, n);
  if (bad != n)
    luaL_error(L, "text.t2s: invalid UTF-8 at byte %d (decode the text first)", (int)bad + 1);
  if (n == 0) {
    lua_pushliteral(L, "");
    return;
  }
  opencc_t cc = converter(L);
  char **box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = NULL;
  if (luaL_newmetatable(L, RESULT_META)) {
    lua_pushcfunction(L, result_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  int boxidx = lua_gettop(L);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  /* OpenCC stops at a NUL: convert the pieces between NULs and keep the NULs */
  size_t i = 0;
  while (i <= n) {
    const char *nul = memchr(s + i, '\0', n - i);
    size_t len = nul ? (size_t)(nul - (s + i)) : n - i;
    if (len > 0) {
      *box = opencc_convert_utf8(cc, s + i, len);
      if (*box == NULL) {
        const char *why = opencc_error();
        luaL_error(L, "text.t2s: OpenCC failed: %s", why ? why : "?");
      }
      luaL_addstring(&b, *box);
      opencc_convert_utf8_free(*box);
      *box = NULL;
    }
    if (nul == NULL) break;
    luaL_addchar(&b, '\0');
    i += len + 1;
  }
  luaL_pushresult(&b);
  lua_remove(L, boxidx);
}

void ptk_text_t2s_changes(const char *s, size_t n, const char *t, size_t tn, size_t *han,
                          size_t *changed) {
  size_t i = 0, j = 0;
  *han = *changed = 0;
  while (i < n) {
    uint32_t a, c = 0;
    size_t la = ptk_utf8_next(s + i, n - i, &a);
    if (la == 0) { i++; continue; }
    size_t lc = j < tn ? ptk_utf8_next(t + j, tn - j, &c) : 0;
    if (ptk_is_han(a)) {
      (*han)++;
      if (lc == 0 || c != a) (*changed)++;
    }
    i += la;
    j += lc ? lc : (j < tn ? 1 : 0);
  }
}

int ptk_text_traditional_verdict(size_t han, size_t changed) {
  return changed > 0 && (double)changed > PTK_TRADITIONAL_SHARE * (double)han;
}

/* ---------------------------------------------------------------- the table */

/* What t2s does to each BMP ideograph alone, learnt from the converter as the text needs
** it: FATE_UNKNOWN until asked, then FATE_KEPT or FATE_CHANGED (to[c] is what it becomes;
** while FATE_ASKING, how often it occurs). One table per lua_State (a registry userdata),
** so a long text asks about each character once. */
enum { FATE_UNKNOWN = 0, FATE_KEPT = 1, FATE_CHANGED = 2, FATE_ASKING = 3 };
enum { TABLE_UNSET = -1, TABLE_OFF = 0, TABLE_READY = 1 };
static const char *const FATE_KEY = "policytk.text.opencc.fate";

typedef struct phrase {
  uint32_t first;         /* its first character */
  size_t klen, vlen;      /* bytes of the key and of the phrase t2s makes of it */
  const char *key;        /* in ptk_t2s_phrase_keys */
  size_t voff;            /* in the values string (user value 1 of the table) */
} phrase;

typedef struct fate_table {
  unsigned char fate[0x10000];
  uint32_t to[0x10000];
  unsigned char phrase_char[0x10000 / 8];   /* changed inside a phrase: counts as may change */
  unsigned char starts[0x10000 / 8];        /* first characters of phrase keys */
  int unsafe;             /* a character converted to more or fewer than one: no shortcut */
  int table;              /* TABLE_UNSET, TABLE_OFF or TABLE_READY */
  size_t nphrases;
  const phrase *ph;       /* user value 2: sorted by first character, longest key first */
  const char *values;     /* user value 1 */
  const char *learnt;     /* the last text whose fates are all known (a hint: the same */
  size_t learnt_n;        /* address and length may be another text) */
} fate_table;

/* Characters that OpenCC 1.1.6's TSPhrases changes inside a phrase (憑藉 → 凭借) although
** t2s keeps them when they stand alone (藉 → 藉): always counted as possibly changed. With
** the phrase table, the characters its phrases change are added. */
static const uint32_t PHRASE_ONLY[] = { 0x4E48, 0x4FF1, 0x5F77, 0x6C88, 0x7274, 0x77AD,
                                        0x85C9, 0x8879, 0x8986 };

static int bit(const unsigned char *set, uint32_t c) { return (set[c >> 3] >> (c & 7)) & 1; }
static void set_bit(unsigned char *set, uint32_t c) { set[c >> 3] |= (unsigned char)(1u << (c & 7)); }

static fate_table *fates(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, FATE_KEY) == LUA_TUSERDATA) {
    fate_table *f = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return f;
  }
  lua_pop(L, 1);
  fate_table *f = lua_newuserdatauv(L, sizeof *f, 2);
  memset(f, 0, sizeof *f);
  f->table = TABLE_UNSET;
  for (size_t i = 0; i < sizeof PHRASE_ONLY / sizeof PHRASE_ONLY[0]; i++)
    set_bit(f->phrase_char, PHRASE_ONLY[i]);
  lua_setfield(L, LUA_REGISTRYINDEX, FATE_KEY);
  return f;
}

/* 1 when t2s may change the ideograph c (known fate). */
static int may_change(const fate_table *f, uint32_t c) {
  return c >= 0x10000 || f->fate[c] != FATE_KEPT || bit(f->phrase_char, c);
}

/* The fates of the ideographs in the query q (qn bytes: one per line), asked of the
** converter in one call, so that no phrase can join two of them. Returns how often those
** that t2s may change occur (their counts are in to[] while they are asked). */
static size_t learn_query(lua_State *L, fate_table *f, const char *q, size_t qn) {
  size_t an, occurrences = 0;
  /* the fates stay FATE_ASKING if t2s raises: reset them first, so a retry asks again
  ** (the counts in to[] stay until then) */
  for (size_t k = 0; k < qn;) {
    uint32_t c;
    size_t len = ptk_utf8_next(q + k, qn - k, &c);
    if (c != '\n') f->fate[c] = FATE_UNKNOWN;
    k += len;
  }
  ptk_text_t2s(L, q, qn);
  const char *a = lua_tolstring(L, -1, &an);
  size_t qi = 0, ai = 0;
  while (qi < qn) {
    uint32_t c, d = 0;
    size_t ql = ptk_utf8_next(q + qi, qn - qi, &c);
    const char *nl = ai < an ? memchr(a + ai, '\n', an - ai) : NULL;
    size_t line = nl ? (size_t)(nl - (a + ai)) : an - ai;
    size_t dl = line > 0 ? ptk_utf8_next(a + ai, line, &d) : 0;
    if (nl == NULL || dl == 0 || dl != line) f->unsafe = 1;   /* not one character */
    uint32_t count = f->to[c];
    f->fate[c] = (dl == line && d == c) ? FATE_KEPT : FATE_CHANGED;
    f->to[c] = f->fate[c] == FATE_CHANGED ? d : c;
    if (may_change(f, c)) occurrences += count;
    qi += ql + 1;
    ai += line + (nl != NULL);
  }
  lua_pop(L, 1);
  return occurrences;
}

/* One walk over s: how many ideographs (*han) and how many t2s may change (*bound); those
** whose fate is unknown are counted apart and asked of the converter after the walk, all
** in one call. Returns 1 when s is valid UTF-8 (and then leaves the hint for
** ptk_text_t2s_lines), else 0. */
static int survey(lua_State *L, fate_table *f, const char *s, size_t n, size_t *han,
                  size_t *bound) {
  luaL_Buffer q;
  size_t i = 0, h = 0, bd = 0, asked = 0;
  int valid = 1;
  luaL_buffinit(L, &q);
  while (i < n) {
    uint32_t c;
    size_t len = ptk_utf8_next(s + i, n - i, &c);
    if (len == 0) {
      valid = 0;
      i++;
      continue;
    }
    i += len;
    if (c < 0x3400 || !ptk_is_han(c)) continue;
    h++;
    if (c < 0x10000 && f->fate[c] == FATE_ASKING) {
      f->to[c]++;
    } else if (c < 0x10000 && f->fate[c] == FATE_UNKNOWN) {
      f->fate[c] = FATE_ASKING;
      f->to[c] = 1;
      luaL_addlstring(&q, s + i - len, len);
      luaL_addchar(&q, '\n');
      asked++;
    } else if (may_change(f, c)) {
      bd++;
    }
  }
  luaL_pushresult(&q);
  if (asked > 0) {
    size_t qn;
    const char *qs = lua_tolstring(L, -1, &qn);
    bd += learn_query(L, f, qs, qn);
  }
  lua_pop(L, 1);
  *han = h;
  *bound = bd;
  f->learnt = valid ? s : NULL;                 /* a hint for ptk_text_t2s_lines */
  f->learnt_n = n;
  return valid;
}

int ptk_text_t2s_maybe(lua_State *L, const char *s, size_t n) {
  fate_table *f = fates(L);
  if (f->unsafe) return 1;
  size_t han, bound;
  if (!survey(L, f, s, n, &han, &bound)) return 1;   /* ptk_text_t2s raises the error */
  if (f->unsafe) return 1;
  return ptk_text_traditional_verdict(han, bound);
}

/* ---------------------------------------------------------------- the phrase table */

/* 1 when the config file and the dictionaries beside it are those of text_phrases.c. */
static int same_files(void) {
  const char *config = config_path();
  const char *slash = strrchr(config, '/');
  size_t dir = slash ? (size_t)(slash - config) + 1 : 0;
  for (int k = 0; k < PTK_T2S_FILES; k++) {
    char path[4096];
    const char *name = ptk_t2s_files[k].name;
    if (k == 0) {
      if (strlen(config) >= sizeof path) return 0;
      strcpy(path, config);
    } else {
      if (dir + strlen(name) >= sizeof path) return 0;
      memcpy(path, config, dir);
      strcpy(path + dir, name);
    }
    size_t size;
    uint64_t fnv;
    if (!ptk_file_fnv(path, &size, &fnv) || size != ptk_t2s_files[k].size ||
        fnv != ptk_t2s_files[k].fnv)
      return 0;
  }
  return 1;
}

static size_t count_chars(const char *s, size_t n) {
  size_t k = 0, i = 0;
  while (i < n) {
    uint32_t c;
    size_t len = ptk_utf8_next(s + i, n - i, &c);
    i += len ? len : 1;
    k++;
  }
  return k;
}

static int phrase_order(const void *a, const void *b) {
  const phrase *x = a, *y = b;
  if (x->first != y->first) return x->first < y->first ? -1 : 1;
  if (x->klen != y->klen) return x->klen > y->klen ? -1 : 1;
  return 0;
}

/* Ask the converter for the phrase of each key (one per line: a key alone is the longest
** match at its start) and index them. Leaves f->table TABLE_OFF when an answer is not one
** line of as many characters as its key. */
static void setup_table(lua_State *L, fate_table *f) {
  const char *keys = ptk_t2s_phrase_keys;
  size_t kn = strlen(keys), count = 0;
  for (size_t i = 0; i < kn; i++) count += keys[i] == '\n';
  lua_getfield(L, LUA_REGISTRYINDEX, FATE_KEY);
  int tidx = lua_gettop(L);
  phrase *ph = lua_newuserdatauv(L, count * sizeof *ph + 1, 0);
  ptk_text_t2s(L, keys, kn);
  size_t vn;
  const char *v = lua_tolstring(L, -1, &vn);
  size_t ki = 0, vi = 0, k = 0;
  int ok = 1;
  while (ok && ki < kn && k < count) {
    const char *knl = memchr(keys + ki, '\n', kn - ki);
    const char *vnl = vi < vn ? memchr(v + vi, '\n', vn - vi) : NULL;
    if (knl == NULL || vnl == NULL) { ok = 0; break; }
    size_t klen = (size_t)(knl - (keys + ki)), vlen = (size_t)(vnl - (v + vi));
    uint32_t first;
    if (klen == 0 || ptk_utf8_next(keys + ki, klen, &first) == 0 || first >= 0x10000 ||
        count_chars(keys + ki, klen) != count_chars(v + vi, vlen)) {
      ok = 0;
      break;
    }
    ph[k] = (phrase){ first, klen, vlen, keys + ki, vi };
    k++;
    ki += klen + 1;
    vi += vlen + 1;
  }
  if (!ok || k != count || vi != vn) {
    lua_settop(L, tidx - 1);
    f->table = TABLE_OFF;
    return;
  }
  qsort(ph, count, sizeof *ph, phrase_order);
  for (size_t j = 0; j < count; j++) {
    set_bit(f->starts, ph[j].first);
    /* the characters a phrase changes: counted as possibly changed */
    const char *a = ph[j].key, *b = v + ph[j].voff;
    size_t ai = 0, bi = 0;
    while (ai < ph[j].klen && bi < ph[j].vlen) {
      uint32_t x, y;
      size_t la = ptk_utf8_next(a + ai, ph[j].klen - ai, &x), lb = ptk_utf8_next(b + bi, ph[j].vlen - bi, &y);
      if (la == 0 || lb == 0) break;
      if (x != y && x < 0x10000) set_bit(f->phrase_char, x);
      ai += la;
      bi += lb;
    }
  }
  lua_setiuservalue(L, tidx, 1);      /* the values */
  lua_setiuservalue(L, tidx, 2);      /* the phrases */
  lua_settop(L, tidx - 1);
  f->ph = ph;
  f->values = v;
  f->nphrases = count;
  f->table = TABLE_READY;
}

int ptk_text_t2s_table(lua_State *L) {
  fate_table *f = fates(L);
  if (f->table == TABLE_UNSET) {
    if (!same_files()) f->table = TABLE_OFF;
    else setup_table(L, f);
  }
  return f->table == TABLE_READY;
}

/* The longest phrase key at s[0..n) starting with the character c, or NULL. */
static const phrase *phrase_at(const fate_table *f, uint32_t c, const char *s, size_t n) {
  size_t lo = 0, hi = f->nphrases;
  while (lo < hi) {                              /* the first phrase of c */
    size_t mid = (lo + hi) / 2;
    if (f->ph[mid].first < c) lo = mid + 1; else hi = mid;
  }
  for (size_t j = lo; j < f->nphrases && f->ph[j].first == c; j++)
    if (f->ph[j].klen <= n && memcmp(s, f->ph[j].key, f->ph[j].klen) == 0) return &f->ph[j];
  return NULL;
}

/* ---------------------------------------------------------------- converting lines */

/* Without the table: 1 when line [a, b) of s holds an ideograph t2s may change; *han
** counts its ideographs. */
static int line_may_change(const fate_table *f, const char *s, size_t a, size_t b, size_t *han) {
  int kind = 0;
  while (a < b) {
    uint32_t c;
    size_t len = ptk_utf8_next(s + a, b - a, &c);
    if (len == 0) return 1;                     /* OpenCC raises the error */
    a += len;
    if (c < 0x3400 || !ptk_is_han(c)) continue;
    (*han)++;
    if (may_change(f, c)) kind = 1;
  }
  return kind;
}

/* Append line [a, b) of s converted with the table to buf, counting its ideographs (*han)
** and those that differ, position by position as ptk_text_t2s_changes compares (*changed).
** Returns 0, with part of the line appended, at an ideograph only OpenCC can convert: one
** outside the BMP, or one whose fate is not known. */
static int table_line(const fate_table *f, luaL_Buffer *buf, const char *s, size_t a, size_t b,
                      size_t *han, size_t *changed) {
  size_t i = a, copied = a;
  while (i < b) {
    uint32_t c;
    size_t len = ptk_utf8_next(s + i, b - i, &c);
    if (len == 0) return 0;                     /* OpenCC raises the error */
    if (c < 0x3400 || !ptk_is_han(c)) {
      i += len;
      continue;
    }
    if (c >= 0x10000) return 0;
    const phrase *p = bit(f->starts, c) ? phrase_at(f, c, s + i, b - i) : NULL;
    if (p != NULL) {
      const char *v = f->values + p->voff;
      size_t ki = 0, vi = 0;
      while (ki < p->klen) {
        uint32_t x, y;
        size_t lx = ptk_utf8_next(p->key + ki, p->klen - ki, &x);
        size_t ly = ptk_utf8_next(v + vi, p->vlen - vi, &y);
        if (ptk_is_han(x)) {
          (*han)++;
          if (x != y) (*changed)++;
        }
        ki += lx;
        vi += ly;
      }
      luaL_addlstring(buf, s + copied, i - copied);
      luaL_addlstring(buf, v, p->vlen);
      i += p->klen;
      copied = i;
      continue;
    }
    (*han)++;
    unsigned char fate = f->fate[c];
    if (fate == FATE_CHANGED) {
      luaL_addlstring(buf, s + copied, i - copied);
      ptk_utf8_add(buf, f->to[c]);
      (*changed)++;
      copied = i + len;
    } else if (fate != FATE_KEPT) {
      return 0;
    }
    i += len;
  }
  luaL_addlstring(buf, s + copied, b - copied);
  return 1;
}

/* Convert s[from, to) with OpenCC and add it to buf; counts as ptk_text_t2s_changes does
** (*han only when count_han). *aligned is cleared when the conversion has another number
** of characters. */
static void opencc_run(lua_State *L, luaL_Buffer *buf, const char *s, size_t from, size_t to,
                       int count_han, size_t *han, size_t *changed, int *aligned) {
  size_t tn, h, c;
  ptk_text_t2s(L, s + from, to - from);
  const char *t = lua_tolstring(L, -1, &tn);
  ptk_text_t2s_changes(s + from, to - from, t, tn, &h, &c);
  if (count_han) *han += h;
  *changed += c;
  if (count_chars(s + from, to - from) != count_chars(t, tn)) *aligned = 0;
  luaL_addvalue(buf);
}

void ptk_text_t2s_lines(lua_State *L, const char *s, size_t n, size_t *han, size_t *changed) {
  fate_table *f = fates(L);
  /* the hint: s was surveyed just now, and is valid UTF-8. A wrong hint (another text at
  ** the same address and of the same length) leaves fates unknown or bytes invalid: their
  ** lines go to OpenCC, which converts them or raises the error */
  if (!(f->learnt == s && f->learnt_n == n)) {
    size_t h0, b0;
    if (f->unsafe ? ptk_utf8_check(s, n) != n : !survey(L, f, s, n, &h0, &b0)) {
      ptk_text_t2s(L, s, n);                    /* raises the error */
      return;
    }
  }
  if (!f->unsafe) ptk_text_t2s_table(L);
  if (f->unsafe) {
    ptk_text_t2s(L, s, n);
    if (han) {
      size_t tn;
      const char *t = lua_tolstring(L, -1, &tn);
      ptk_text_t2s_changes(s, n, t, tn, han, changed);
    }
    return;
  }
  size_t h = 0, ch = 0;
  int aligned = 1;
  luaL_Buffer b;
  luaL_buffinitsize(L, &b, n);
  size_t i = 0, from = 0;                       /* [from, i): lines for OpenCC (no table) */
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) + 1 : n;   /* the line with its '\n' */
    if (f->table == TABLE_READY) {
      size_t mark = luaL_bufflen(&b), lh = 0, lc = 0;
      if (table_line(f, &b, s, i, e, &lh, &lc)) {
        h += lh;
        ch += lc;
      } else {                                  /* take back what it added; OpenCC */
        luaL_buffsub(&b, luaL_bufflen(&b) - mark);
        opencc_run(L, &b, s, i, e, 1, &h, &ch, &aligned);
      }
    } else if (!line_may_change(f, s, i, e, &h)) {
      if (from < i) opencc_run(L, &b, s, from, i, 0, &h, &ch, &aligned);
      luaL_addlstring(&b, s + i, e - i);
      from = e;
    }
    i = e;
  }
  if (from < n && f->table != TABLE_READY) opencc_run(L, &b, s, from, n, 0, &h, &ch, &aligned);
  luaL_pushresult(&b);
  if (han == NULL) return;
  if (aligned) {
    *han = h;
    *changed = ch;
  } else {                                      /* compare as a whole, as is_traditional does */
    size_t tn;
    const char *t = lua_tolstring(L, -1, &tn);
    ptk_text_t2s_changes(s, n, t, tn, han, changed);
  }
}
