/*
** text.h — internals shared by the C files of the policytk.text module: UTF-8 stepping
** and character classes (text_utf8.c), the GB tables (text_gb.c), charset decoding
** (text_codec.c), OpenCC (text_opencc.c), pinyin (text_pinyin.c), mojibake repair
** (text_mojibake.c) and the normalize passes (text_normalize.c). Not a public API: Lua
** code uses policytk.text (lua_text.c); docs/text.md describes it.
**
** Every stage reads (s, n) — a string the caller keeps anchored on the Lua stack — and
** pushes its result as one new Lua string built in a luaL_Buffer, so an error (memory,
** a bad argument) can never leak what the stage was building.
*/
#ifndef PTK_TEXT_H
#define PTK_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include <lauxlib.h>
#include <lua.h>

#include "policytk.h"

#define PTK_REPLACEMENT 0xFFFDu   /* U+FFFD, stands for what could not be decoded */

/* ---------------------------------------------------------------- text_utf8.c */

/* Decoding one sequence is ptk_utf8_next (include/policytk.h); ptk_u8_next is the same
** with ASCII decoded in line (the hot loops of the text stages call it for every byte). */
static inline size_t ptk_u8_next(const char *s, size_t n, uint32_t *cp) {
  if (n > 0 && (unsigned char)s[0] < 0x80) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  return ptk_utf8_next(s, n, cp);
}

/* Length (>= 1) of the maximal ill-formed subpart at s[0..n), n > 0: the bytes one
** U+FFFD replaces (Unicode's "substitution of maximal subparts"). */
size_t ptk_u8_badlen(const char *s, size_t n);

/* Encode cp (<= 0x10FFFF) as UTF-8 into out; returns the length 1..4. */
size_t ptk_u8_encode(uint32_t cp, char out[4]);

/* Append cp as UTF-8 to b. */
void ptk_u8_add(luaL_Buffer *b, uint32_t cp);

/* 1 for a CJK unified or compatibility ideograph (BMP and the supplementary planes). */
int ptk_is_han(uint32_t c);

/* 1 when c is wide in a terminal (ptk_display_width counts it 2). */
int ptk_is_wide(uint32_t c);

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

/* ---------------------------------------------------------------- text_gb.c */

/* Tables built once per lua_State (about 230 KB, owned by the registry): GB18030
** two-byte codes to code points, BMP code points back to two-byte GBK codes (including
** the private-use code points older GB18030/CP936 decoders produced), and which
** ideographs are common (GB2312 level 1 or Big5 level 1). */
typedef struct ptk_gb ptk_gb;

/* The tables of L, built on first use. Raises a Lua error when iconv lacks the charsets. */
const ptk_gb *ptk_gb_tables(lua_State *L);

/* The two-byte code (lead << 8 | trail) of code point cp, or 0 when it has none. */
unsigned ptk_gb_encode(const ptk_gb *g, uint32_t cp);

/* The code point of the two-byte code lead, trail, or 0 when it is not assigned. */
uint32_t ptk_gb_decode(const ptk_gb *g, unsigned lead, unsigned trail);

/* 1 when cp is a common ideograph (GB2312 level 1 or Big5 level 1). */
int ptk_gb_common(const ptk_gb *g, uint32_t cp);

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

/* Push what ptk_text_t2s pushes, converting only the runs of lines that hold an ideograph
** t2s may change (as ptk_text_t2s_maybe knows them); the other lines are copied. No
** dictionary key of OpenCC spans a line break, so the result is the same. */
void ptk_text_t2s_lines(lua_State *L, const char *s, size_t n);

/* ---------------------------------------------------------------- text_pinyin.c */

/* Push s without the parenthesised pinyin syllables that follow an ideograph (or U+FFFD,
** a lost ideograph). Returns how many were removed. */
size_t ptk_text_strip_pinyin(lua_State *L, const char *s, size_t n);

/* ---------------------------------------------------------------- text_mojibake.c */

/* Push s with its GBK mojibake repaired. Entries {line=, text=, reason=, ...} for what
** could not be recovered are appended to the table at absolute index unrep; entries for
** characters recovered from in-document pinyin evidence to the one at `inferred`.
** Returns how many spans were repaired. */
size_t ptk_text_repair(lua_State *L, const char *s, size_t n, int unrep, int inferred);

/* ---------------------------------------------------------------- text_normalize.c */

/* Push s with CR LF and lone CR turned into LF. */
void ptk_text_newlines(lua_State *L, const char *s, size_t n);

/* Push s with full-width letters, digits, space, （）：；％ and ． between digits folded to
** ASCII, other spaces (NBSP, U+2000..U+200A …) to ' ', and BOM / zero-width characters
** removed. Returns how many full-width characters were folded. */
size_t ptk_text_fold(lua_State *L, const char *s, size_t n);

/* Push s with whitespace tidied (per line: no leading or trailing blanks, blanks next to
** a wide character removed, other runs of blanks made one space; runs of blank lines made
** one, none at the ends) and numbers broken by blanks or a line break joined to their
** unit. Returns how many number joins were made. */
size_t ptk_text_tidy(lua_State *L, const char *s, size_t n);

/* Normalize s with the options table at index opts (0: none); pushes the result and its
** report table (see docs/text.md). */
void ptk_text_normalize(lua_State *L, const char *s, size_t n, int opts);

#endif
