/*
** text.h — internals shared by the C files of the policytk.text module: character classes
** and pinyin (text_pinyin.c), the GB tables (text_gb.c), charset decoding
** (text_codec.c), OpenCC and the t2s table (text_opencc.c, text_phrases.c), mojibake repair (text_mojibake.c), the normalize passes
** (text_normalize.c), the date scanner (text_dates.c) and line splitting (text_lines.c).
** Not a public API: Lua code uses policytk.text (lua_text.c); docs/text.md describes it.
**
** Every stage reads a string the caller keeps anchored on the Lua stack — (s, n), or its
** stack index — and pushes its result as one new Lua string built in a luaL_Buffer (or the
** same string when a pass changes nothing), so an error (memory, a bad argument) can never
** leak what the stage was building.
*/
#ifndef PTK_TEXT_H
#define PTK_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "policytk.h"

#define PTK_REPLACEMENT 0xFFFDu   /* U+FFFD, stands for what could not be decoded */

/* UTF-8 itself (decoding, encoding, the maximal ill-formed subpart) is the host's:
** ptk_utf8_* in include/policytk.h, core/utf8.c. */

/* ---------------------------------------------------------------- text_pinyin.c */

/* 1 for a CJK unified or compatibility ideograph (BMP and the supplementary planes). */
static inline int ptk_is_han(uint32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* 1 when c may spell a pinyin syllable: ASCII letters and the letters with tone marks
** āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ plus ü. *toned is set to 1 for a tone-marked vowel. */
int ptk_is_pinyin_letter(uint32_t c, int *toned);

/* The pinyin body at s: 1..7 pinyin letters, at least one tone-marked, then ")" or "）".
** Returns its byte length (including the closing parenthesis) or 0; *syl_len gets the
** byte length of the letters alone. */
size_t ptk_pinyin_body(const char *s, size_t n, size_t *syl_len);

/* A whole pinyin group at s: "(" or "（", a pinyin body. Returns its byte length or 0;
** the letters are at s + *syl_off, *syl_len bytes long. */
size_t ptk_pinyin_group(const char *s, size_t n, size_t *syl_off, size_t *syl_len);

/* Push the string at stack index idx without the parenthesised pinyin syllables that follow
** an ideograph (or U+FFFD, a lost ideograph); the same string when there are none. Returns
** how many were removed. */
size_t ptk_text_strip_pinyin(lua_State *L, int idx);

/* ---------------------------------------------------------------- every stage */

/* A pass's result, built only from the first change on: ptk_lazy_add starts the
** luaL_Buffer (at the top of the stack) on first use; ptk_lazy_push pushes the result, or
** the source string itself (at stack index idx) when nothing was added. */
typedef struct ptk_lazy {
  lua_State *L;
  size_t hint;            /* the size to start the buffer with */
  int on;
  luaL_Buffer b;
} ptk_lazy;

static inline void ptk_lazy_init(ptk_lazy *z, lua_State *L, size_t hint) {
  z->L = L;
  z->hint = hint;
  z->on = 0;
}

static inline void ptk_lazy_start(ptk_lazy *z) {
  if (!z->on) {
    luaL_buffinitsize(z->L, &z->b, z->hint);
    z->on = 1;
  }
}

static inline void ptk_lazy_add(ptk_lazy *z, const char *p, size_t k) {
  ptk_lazy_start(z);
  luaL_addlstring(&z->b, p, k);
}

static inline size_t ptk_lazy_len(const ptk_lazy *z) { return z->on ? luaL_bufflen(&z->b) : 0; }

/* Push the result: s[copied, n) is added first when the buffer is on. */
static inline void ptk_lazy_push(ptk_lazy *z, int idx, const char *s, size_t copied, size_t n) {
  if (z->on) {
    luaL_addlstring(&z->b, s + copied, n - copied);
    luaL_pushresult(&z->b);
  } else {
    lua_pushvalue(z->L, idx);
  }
}

/* ---------------------------------------------------------------- text_gb.c */

/* Tables built once per lua_State (about 230 KB, owned by the registry): GB18030
** two-byte codes to code points, BMP code points back to two-byte GBK codes (including
** the private-use code points older GB18030/CP936 decoders produced), and which
** ideographs are common (GB2312 level 1 or Big5 level 1). */
#define PTK_GB_LEADS 126       /* 0x81..0xFE */
#define PTK_GB_TRAILS 191      /* 0x40..0xFE */
#define PTK_GB_HAN_FIRST 0x4E00u
#define PTK_GB_HAN_LAST 0x9FFFu
typedef struct ptk_gb {
  uint32_t dec[PTK_GB_LEADS * PTK_GB_TRAILS];          /* code -> code point, 0 = none */
  uint16_t enc[0x10000];                               /* BMP code point -> code, 0 = none */
  unsigned char common[(PTK_GB_HAN_LAST - PTK_GB_HAN_FIRST + 8) / 8];  /* bit per ideograph */
} ptk_gb;

/* The tables of L, built on first use. Raises a Lua error when iconv lacks the charsets. */
const ptk_gb *ptk_gb_tables(lua_State *L);

/* The two-byte code (lead << 8 | trail) of code point cp, or 0 when it has none. */
static inline unsigned ptk_gb_encode(const ptk_gb *g, uint32_t cp) {
  return cp < 0x10000 ? g->enc[cp] : 0;
}

/* The code point of the two-byte code lead, trail, or 0 when it is not assigned. */
uint32_t ptk_gb_decode(const ptk_gb *g, unsigned lead, unsigned trail);

/* 1 when cp is a common ideograph (GB2312 level 1 or Big5 level 1). */
static inline int ptk_gb_common(const ptk_gb *g, uint32_t cp) {
  if (cp < PTK_GB_HAN_FIRST || cp > PTK_GB_HAN_LAST) return 0;
  return (g->common[(cp - PTK_GB_HAN_FIRST) >> 3] >> ((cp - PTK_GB_HAN_FIRST) & 7)) & 1;
}

/* ---------------------------------------------------------------- text_codec.c */

/* Push s decoded from `charset` (utf-8, gb18030, gbk, gb2312, big5; case-insensitive)
** to UTF-8; each invalid sequence becomes U+FFFD. Returns how many were replaced. Raises
** an error naming the charset when it is not one of these. */
size_t ptk_text_decode(lua_State *L, const char *s, size_t n, const char *charset);

/* "utf-8" when s is valid UTF-8, or UTF-8 with a little damage (its valid multibyte
** sequences are at least twice the invalid ones); else "gb18030" when it decodes as GB18030
** without a replacement; else NULL. */
const char *ptk_text_detect(const char *s, size_t n);

/* ---------------------------------------------------------------- text_opencc.c */

/* Push s converted to simplified characters by OpenCC (t2s.json), opened once per
** lua_State. s must be valid UTF-8; NUL bytes are kept. Raises an error otherwise. */
void ptk_text_t2s(lua_State *L, const char *s, size_t n);

/* Of the ideographs in s, how many there are (*han) and how many t2s changes (*changed),
** comparing s with its conversion t (tn bytes) character by character. */
void ptk_text_t2s_changes(const char *s, size_t n, const char *t, size_t tn, size_t *han,
                          size_t *changed);

/* The heuristic of is_traditional: at least one changed ideograph, and changed ideographs
** more than PTK_TRADITIONAL_SHARE of all of them. */
#define PTK_TRADITIONAL_SHARE 0.05
int ptk_text_traditional_verdict(size_t han, size_t changed);

/* 0 when ptk_text_traditional_verdict is certainly false for s, without converting it:
** the ideographs t2s may change (learnt once per lua_State by converting each distinct
** ideograph alone, plus the few that only a phrase changes; every supplementary-plane
** ideograph counts) are too few. 1 when only the conversion can tell. */
int ptk_text_t2s_maybe(lua_State *L, const char *s, size_t n);

/* Push what ptk_text_t2s pushes for s, asking OpenCC about little of it; lines are
** independent (no dictionary key spans a line break). When the table is ready
** (ptk_text_t2s_table), each line is converted with it: at each position the longest
** phrase key of TSPhrases becomes its phrase, as OpenCC's maximum-match segmentation does,
** else the ideograph becomes what t2s makes of it alone; only a line holding a
** supplementary-plane ideograph (or an ideograph of unknown fate) goes to OpenCC. Without
** the table, lines whose ideographs t2s keeps are copied and the others go to OpenCC. When
** han is not NULL, *han and *changed get what ptk_text_t2s_changes gives for s and the
** result. */
void ptk_text_t2s_lines(lua_State *L, const char *s, size_t n, size_t *han, size_t *changed);

/* 1 when the phrase table of L is ready: the converter's config and dictionaries are the
** files text_phrases.c was made from (their sizes and hashes match) and OpenCC converts
** each of its phrase keys to a phrase of as many characters. Sets it up on first call. */
int ptk_text_t2s_table(lua_State *L);

/* text_phrases.c: the TSPhrases keys, one per line, and the data files they came from. */
#define PTK_T2S_FILES 3
typedef struct ptk_t2s_file {
  const char *name;       /* in the directory of the config file */
  size_t size;
  uint64_t fnv;           /* FNV-1a 64 of the whole file */
} ptk_t2s_file;
extern const char ptk_t2s_phrase_keys[];
extern const ptk_t2s_file ptk_t2s_files[PTK_T2S_FILES];

/* ---------------------------------------------------------------- text_mojibake.c */

/* Push the string at stack index idx with its GBK mojibake repaired (the same string when
** nothing changes). Entries {line=, text=, reason=, ...} for what could not be recovered
** are appended to the table at absolute index unrep; entries for characters recovered from
** in-document pinyin evidence to the one at `inferred`. Returns how many spans were
** repaired. */
size_t ptk_text_repair(lua_State *L, int idx, int unrep, int inferred);

/* ---------------------------------------------------------------- text_normalize.c */

/* Push the string at stack index idx with CR LF and lone CR turned into LF (the same
** string when it has no CR). */
void ptk_text_newlines(lua_State *L, int idx);

/* Push the string at stack index idx with full-width letters, digits, space, （）：；％ and
** ． between digits folded to ASCII, other spaces (NBSP, U+2000..U+200A …) to ' ', and BOM /
** zero-width characters removed (the same string when there are none). Returns how many
** full-width characters were folded. */
size_t ptk_text_fold(lua_State *L, int idx);

/* Push s with whitespace tidied (per line: no leading or trailing blanks, blanks next to
** a wide character removed, other runs of blanks made one space; runs of blank lines made
** one, none at the ends) and numbers broken by blanks or a line break joined to their
** unit. Returns how many number joins were made. */
size_t ptk_text_tidy(lua_State *L, const char *s, size_t n);

/* Normalize the string at stack index idx with the options table at index opts (0: none);
** pushes the result and its report table (see docs/text.md). */
void ptk_text_normalize(lua_State *L, int idx, int opts);

/* ---------------------------------------------------------------- text_dates.c */

/* Push the list of date expressions in s (text.dates, behind policytk.extract.deadline.scan): one
** table per expression, {kind=, year=, deadline=, from=, to=, date=, years=, every=, start=,
** stop=, by=}, with 1-based byte positions. */
void ptk_text_dates(lua_State *L, const char *s, size_t n);

/* ---------------------------------------------------------------- text_lines.c */

/* Push two lists: the non-empty lines of s (split at '\n') and the 1-based line number of
** each (text.lines). */
void ptk_text_lines(lua_State *L, const char *s, size_t n);

#endif
