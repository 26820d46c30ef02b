/*
** utf8_valid.c — is a buffer well-formed UTF-8? The question every text path asks (HTTP
** bodies, CSV fields, the text module), answered 32 bytes at a time with AVX2 or 16 with SSSE3
** where the CPU has them, else a byte (eight ASCII bytes) at a time. ptk_utf8_check
** (utf8.c) asks it first and looks for the offset of the bad byte only when the answer
** is no.
*/
#include <stdint.h>
#include <string.h>

#include "policytk.h"

/* The check a byte (eight ASCII bytes) at a time: where the CPU has no SSSE3, and the
** reference the vector versions are tested against. */
static int utf8_valid_scalar(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str, *end = s + n;
  while (s < end) {
    unsigned c = *s;
    if (c < 0x80) {                     /* ASCII: eight bytes at a time where it runs on */
      s++;
      while (end - s >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        if (w & 0x8080808080808080ULL) break;
        s += 8;
      }
      continue;
    }
    size_t left = (size_t)(end - s);
    if (c >= 0xE1 && c != 0xED && c <= 0xEF) {   /* the common 3-byte case (CJK) */
      if (left < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
      s += 3;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      if (left < 2 || (s[1] & 0xC0) != 0x80) return 0;
      s += 2;
      continue;
    }
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;      /* the allowed range of the second byte */
    if (c == 0xE0) { len = 3; lo = 0xA0; }          /* no overlong forms */
    else if (c == 0xED) { len = 3; hi = 0x9F; }     /* no surrogates */
    else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;         /* nothing above U+10FFFF */
    } else return 0;
    if (left < len || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < len; i++)
      if ((s[i] & 0xC0) != 0x80) return 0;
    s += len;
  }
  return 1;
}

/*
** The same check sixteen bytes at a time with SSSE3 (the "lookup" algorithm of Keiser and
** Lemire, "Validating UTF-8 in less than one instruction per byte", 2021, as in simdjson):
** each byte is classified by three 16-entry tables (high nibble of the previous byte, its
** low nibble, high nibble of this byte) whose AND names the error of the pair, if any; a
** continuation byte that a lead two or three bytes back calls for cancels TWO_CONTS; the
** last bytes of a block that still wait for continuations carry into the next block. The
** tail (fewer than 16 bytes) is copied into a block padded with NULs, which end any
** sequence left open as an error.
*/
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_SIMD_UTF8 1

enum {
  TOO_SHORT = 1 << 0,     /* 11______ 0_______ or 11______ 11______ */
  TOO_LONG = 1 << 1,      /* 0_______ 10______ */
  OVERLONG_3 = 1 << 2,    /* 11100000 100_____ */
  TOO_LARGE = 1 << 3,     /* 11110100 1001____ and above */
  SURROGATE = 1 << 4,     /* 11101101 101_____ */
  OVERLONG_2 = 1 << 5,    /* 1100000_ 10______ */
  TOO_LARGE_1000 = 1 << 6,/* 11110101 1000____ and above */
  OVERLONG_4 = 1 << 6,    /* 11110000 1000____ */
  TWO_CONTS = 1 << 7,     /* 10______ 10______ */
  CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS
};

#define V(x) ((char)(x))
/* The three lookup tables of the check (by the high nibble of the byte before, its low nibble,
** the high nibble of the byte), shared by the 16- and 32-byte versions. */
#define UTF8_T1_HIGH ( \
  V(TOO_LONG), V(TOO_LONG), V(TOO_LONG), V(TOO_LONG), V(TOO_LONG), V(TOO_LONG), V(TOO_LONG), V(TOO_LONG), \
  V(TWO_CONTS), V(TWO_CONTS), V(TWO_CONTS), V(TWO_CONTS), V(TOO_SHORT | OVERLONG_2), V(TOO_SHORT), \
  V(TOO_SHORT | OVERLONG_3 | SURROGATE), V(TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4))
#define UTF8_T1_LOW ( \
  V(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4), V(CARRY | OVERLONG_2), V(CARRY), V(CARRY), \
  V(CARRY | TOO_LARGE), V(CARRY | TOO_LARGE | TOO_LARGE_1000), V(CARRY | TOO_LARGE | TOO_LARGE_1000), \
  V(CARRY | TOO_LARGE | TOO_LARGE_1000), V(CARRY | TOO_LARGE | TOO_LARGE_1000), \
  V(CARRY | TOO_LARGE | TOO_LARGE_1000), V(CARRY | TOO_LARGE | TOO_LARGE_1000), \
  V(CARRY | TOO_LARGE | TOO_LARGE_1000), V(CARRY | TOO_LARGE | TOO_LARGE_1000), \
  V(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE), V(CARRY | TOO_LARGE | TOO_LARGE_1000), \
  V(CARRY | TOO_LARGE | TOO_LARGE_1000))
#define UTF8_T2_HIGH ( \
  V(TOO_SHORT), V(TOO_SHORT), V(TOO_SHORT), V(TOO_SHORT), V(TOO_SHORT), V(TOO_SHORT), V(TOO_SHORT), V(TOO_SHORT), \
  V(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4), \
  V(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE), \
  V(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE), \
  V(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE), \
  V(TOO_SHORT), V(TOO_SHORT), V(TOO_SHORT), V(TOO_SHORT))
#define APPLY(m, args) m args

__attribute__((target("ssse3"))) static int utf8_valid_ssse3(const unsigned char *s, size_t n) {
  const __m128i t1_high = APPLY(_mm_setr_epi8, UTF8_T1_HIGH);
  const __m128i t1_low = APPLY(_mm_setr_epi8, UTF8_T1_LOW);
  const __m128i t2_high = APPLY(_mm_setr_epi8, UTF8_T2_HIGH);
  /* a byte above these, in the last three places of a block, waits for more bytes */
  const __m128i max_tail = _mm_setr_epi8(V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF),
                                         V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xF0 - 1), V(0xE0 - 1),
                                         V(0xC0 - 1));
  const __m128i nib = _mm_set1_epi8(0x0F);
  __m128i error = _mm_setzero_si128(), prev = _mm_setzero_si128(), incomplete = _mm_setzero_si128();
  unsigned char tail[16];
  size_t i = 0;
  for (;;) {
    __m128i in;
    if (n - i >= 16) {
      in = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
      i += 16;
    } else if (i < n) {
      memset(tail, 0, sizeof tail);
      memcpy(tail, s + i, n - i);
      in = _mm_loadu_si128((const __m128i *)(const void *)tail);
      i = n;
    } else {
      break;
    }
    if (_mm_movemask_epi8(in) == 0) {   /* all ASCII: only an open sequence before it is wrong */
      error = _mm_or_si128(error, incomplete);
      incomplete = _mm_setzero_si128();
      prev = in;
      continue;
    }
    __m128i prev1 = _mm_alignr_epi8(in, prev, 15);
    __m128i b1h = _mm_shuffle_epi8(t1_high, _mm_and_si128(_mm_srli_epi16(prev1, 4), nib));
    __m128i b1l = _mm_shuffle_epi8(t1_low, _mm_and_si128(prev1, nib));
    __m128i b2h = _mm_shuffle_epi8(t2_high, _mm_and_si128(_mm_srli_epi16(in, 4), nib));
    __m128i special = _mm_and_si128(_mm_and_si128(b1h, b1l), b2h);
    __m128i prev2 = _mm_alignr_epi8(in, prev, 14), prev3 = _mm_alignr_epi8(in, prev, 13);
    __m128i must23 = _mm_or_si128(_mm_subs_epu8(prev2, _mm_set1_epi8(V(0xE0 - 0x80))),
                                  _mm_subs_epu8(prev3, _mm_set1_epi8(V(0xF0 - 0x80))));
    must23 = _mm_and_si128(must23, _mm_set1_epi8(V(0x80)));
    error = _mm_or_si128(error, _mm_xor_si128(must23, special));
    incomplete = _mm_subs_epu8(in, max_tail);
    prev = in;
  }
  error = _mm_or_si128(error, incomplete);
  return _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) == 0xFFFF;
}

/* The same, thirty-two bytes at a time with AVX2: the tables repeated in both 128-bit lanes
** (a shuffle looks up within its lane), and the bytes before each position taken across the
** lane boundary from the block before (prev's high lane, then this block's low lane). */
__attribute__((target("avx2"))) static int utf8_valid_avx2(const unsigned char *s, size_t n) {
#define T16(a, b, c, d, e, f, g, h, i, j, k, l, m, n_, o, p) \
  _mm256_setr_epi8(a, b, c, d, e, f, g, h, i, j, k, l, m, n_, o, p, a, b, c, d, e, f, g, h, i, j, k, l, m, n_, o, p)
  const __m256i t1_high = APPLY(T16, UTF8_T1_HIGH);
  const __m256i t1_low = APPLY(T16, UTF8_T1_LOW);
  const __m256i t2_high = APPLY(T16, UTF8_T2_HIGH);
#undef T16
  const __m256i max_tail = _mm256_setr_epi8(
    V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF),
    V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF),
    V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xFF), V(0xF0 - 1), V(0xE0 - 1), V(0xC0 - 1));
  const __m256i nib = _mm256_set1_epi8(0x0F);
  __m256i error = _mm256_setzero_si256(), prev = _mm256_setzero_si256(), incomplete = _mm256_setzero_si256();
  unsigned char tail[32];
  size_t i = 0;
  for (;;) {
    __m256i in;
    if (n - i >= 32) {
      in = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
      i += 32;
    } else if (i < n) {
      memset(tail, 0, sizeof tail);
      memcpy(tail, s + i, n - i);
      in = _mm256_loadu_si256((const __m256i *)(const void *)tail);
      i = n;
    } else {
      break;
    }
    if (_mm256_movemask_epi8(in) == 0) {
      error = _mm256_or_si256(error, incomplete);
      incomplete = _mm256_setzero_si256();
      prev = in;
      continue;
    }
    __m256i across = _mm256_permute2x128_si256(prev, in, 0x21);   /* prev's high lane, in's low lane */
    __m256i prev1 = _mm256_alignr_epi8(in, across, 15);
    __m256i b1h = _mm256_shuffle_epi8(t1_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nib));
    __m256i b1l = _mm256_shuffle_epi8(t1_low, _mm256_and_si256(prev1, nib));
    __m256i b2h = _mm256_shuffle_epi8(t2_high, _mm256_and_si256(_mm256_srli_epi16(in, 4), nib));
    __m256i special = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
    __m256i prev2 = _mm256_alignr_epi8(in, across, 14), prev3 = _mm256_alignr_epi8(in, across, 13);
    __m256i must23 = _mm256_or_si256(_mm256_subs_epu8(prev2, _mm256_set1_epi8(V(0xE0 - 0x80))),
                                     _mm256_subs_epu8(prev3, _mm256_set1_epi8(V(0xF0 - 0x80))));
    must23 = _mm256_and_si256(must23, _mm256_set1_epi8(V(0x80)));
    error = _mm256_or_si256(error, _mm256_xor_si256(must23, special));
    incomplete = _mm256_subs_epu8(in, max_tail);
    prev = in;
  }
  error = _mm256_or_si256(error, incomplete);
  return _mm256_testz_si256(error, error);
}
#undef V
#endif

int ptk_utf8_valid_width(const char *str, size_t n, int width) {
  if (width == 1) return utf8_valid_scalar(str, n);
#ifdef HAVE_SIMD_UTF8
  if (width == 32 && __builtin_cpu_supports("avx2")) return utf8_valid_avx2((const unsigned char *)str, n);
  if (width == 16 && __builtin_cpu_supports("ssse3")) return utf8_valid_ssse3((const unsigned char *)str, n);
#endif
  (void)str;
  (void)n;
  (void)width;
  return -1;
}

int ptk_utf8_valid(const char *str, size_t n) {
#ifdef HAVE_SIMD_UTF8
  static int width = -1;   /* the widest the CPU runs: 32 (AVX2), 16 (SSSE3) or 0 */
  if (width < 0) width = __builtin_cpu_supports("avx2") ? 32 : __builtin_cpu_supports("ssse3") ? 16 : 0;
  if (width == 32) return utf8_valid_avx2((const unsigned char *)str, n);
  if (width == 16) return utf8_valid_ssse3((const unsigned char *)str, n);
#endif
  return utf8_valid_scalar(str, n);
}
