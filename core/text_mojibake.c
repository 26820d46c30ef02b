/*
** text_mojibake.c — repair of GBK mojibake: text whose bytes a GBK/GB18030 decoder read
** wrongly, then stored as UTF-8.
**
** Two kinds are repaired, both by re-encoding a suspicious span to the GBK bytes the bad
** decoder saw and reading those bytes again:
**   shifted GBK  the decoder lost or gained one byte and read every pair across two
**                characters (“?。ㄒ唬┲黧w” is “（一）主體” read one byte late); the span is
**                read again one byte off, until an ASCII byte realigns it;
**   UTF-8 as GBK the bytes were UTF-8 (“锛堜竴锛” is “（一）” read as GBK); the span is
**                read again as UTF-8.
** A span starts near an anchor: a character typical of such text (box drawing, bopomofo,
** kana, private use, small and vertical forms, radicals …), the decoder's “?” or U+FFFD
** next to non-ASCII text, or two rare ideographs whose bytes make a UTF-8 sequence. Every
** way of reading it (start within 8 characters before the anchor; an ASCII character may
** be a narrowed full-width one when non-ASCII text is on both sides of it; a “?” may
** stand for one or two lost bytes) is scored by how plausible its characters are (common
** ideographs, CJK punctuation against symbols, rare and private-use characters), with a
** dynamic programme over the pending byte. A span ends where the reading realigns, at the
** end of its line, or after 512 characters. The best reading is kept when it gains
** clearly over the text as it stands, contains no suspicious character, and loses no more
** characters than it recovers; a lost byte that no “?” of the decoder explains costs
** double. Otherwise the span is kept and reported (box drawing alone, and a lone “?” that
** may be a question mark, are left without a report).
**
** A byte lost by the decoder leaves a character that cannot be read: it becomes U+FFFD
** and is reported with its line. When such a character carried a pinyin annotation
** (發(fā)) and the same syllable follows exactly one ideograph elsewhere in the text whose
** GBK code has the byte that survived, that ideograph is put back and reported as
** inferred. When the decoder's “?” swallowed the “(” of the annotation (“�quán)”), the
** “(” is restored.
*/
#include <string.h>

#include "policytk.h"
#include "text.h"

enum { K_ASCII, K_DB, K_Q, K_OTHER };

#define BACK 8            /* a span may start this many characters before its anchor */
#define AHEAD 512         /* and run this many after it */
#define WIN (BACK + AHEAD + 1)
#define MAXST 6           /* states kept per token boundary */
#define NONE (-1)         /* no byte pending */
#define UNK 256           /* a byte the decoder lost */
#define LOST_SCORE (-3)   /* a character that cannot be read */
#define STRONG (-3)       /* this score or less: a sign of mojibake */
#define CAND_STRONG (-20) /* what a suspicious character costs a repair */
#define MIN_GAIN 6        /* how much better a repair must score than the text */
#define ALT_COST 2        /* what reading a token other than as it stands costs */
#define UNEXPLAINED (-3)  /* extra cost of a lost byte no '?' of the decoder accounts for */
#define OMAX (2 * WIN + 8)
#define STALL 16          /* a search gives up after this many tokens without progress */
#define PROGRESS 2        /* what counts as progress: a gain of this much */

typedef struct mtok {
  size_t off, len;        /* the character's bytes in the text */
  uint32_t cp;
  int kind;
  unsigned code;          /* K_DB: the two-byte GBK code; K_ASCII: the byte */
  int score;              /* plausibility of the character as it stands */
} mtok;

typedef struct dpst {
  int carry;              /* NONE, UNK or the byte pending */
  int score, prev, alt;
} dpst;

typedef struct ochr {
  uint32_t cp;            /* the character read; PTK_REPLACEMENT when lost */
  int lost;
  int t0, t1;             /* the tokens its bytes came from */
  int known, known_lead;  /* lost: the byte that survived (or -1) and whether it leads */
  int qend;               /* lost: its second byte was a '?' of the decoder */
  int unknown;            /* lost: how many of its bytes were lost ones */
} ochr;

typedef struct cand {
  int s, e, gain, n;      /* tokens [s, e) read as o[0..n) */
  ochr o[OMAX];
} cand;

typedef struct work {
  const ptk_gb *g;
  const char *s;          /* the text, n bytes */
  size_t n;
  size_t next;            /* where the next token of the window starts */
  int line_end;           /* the window reached the end of its line */
  mtok tok[WIN];
  int ntok;
  dpst st[(WIN + 1) * MAXST];
  int nst[WIN + 1];
  int altv[WIN];
  cand best, tmp;
} work;

/* ---------------------------------------------------------------- scoring */

/* How plausible c is in a Chinese policy text. */
static int cscore(const ptk_gb *g, uint32_t c) {
  if (c < 0x80) return (c < 0x20 && c != '\t' && c != '\r') ? -3 : 0;
  if (c == PTK_REPLACEMENT) return LOST_SCORE;
  if (c >= 0x4E00 && c <= 0x9FFF) return ptk_gb_common(g, c) ? 2 : -1;
  if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)) return -2;
  if (c >= 0xE000 && c <= 0xF8FF) return -5;                          /* private use */
  if (c >= 0x2500 && c <= 0x259F) return -4;                          /* box drawing */
  if ((c >= 0x3100 && c <= 0x312F) || (c >= 0x31A0 && c <= 0x31BF)) return -4; /* bopomofo */
  if (c >= 0x3040 && c <= 0x30FF) return -4;                          /* kana */
  if ((c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F)) return -4;
  if (c >= 0x2E80 && c <= 0x2FFF) return -4;                          /* radicals, IDCs */
  if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
      (c >= 0x3130 && c <= 0x318F)) return -4;                        /* hangul */
  if (c >= 0x0370 && c <= 0x04FF) return -3;                          /* Greek, Cyrillic */
  if (c >= 0x3021 && c <= 0x3029) return -2;                          /* Suzhou numerals */
  if (c >= 0x3000 && c <= 0x303F) return 1;                           /* CJK punctuation */
  if (c >= 0xFF01 && c <= 0xFF5E) return 1;                           /* full-width ASCII */
  if (c >= 0x2010 && c <= 0x2027) return 1;                           /* — ‘ ’ “ ” … */
  if (c == 0x00B0 || c == 0x00B1 || c == 0x00B7 || c == 0x00D7 || c == 0x00F7) return 0;
  if ((c >= 0x2460 && c <= 0x24FF) || (c >= 0x25A0 && c <= 0x25FF)) return 0;
  if (c == 0x2030 || c == 0x2103 || c == 0x203B) return 0;            /* ‰ ℃ ※ */
  if (c >= 0x2160 && c <= 0x217F) return -1;                          /* Roman numerals */
  if (c >= 0x00C0 && c <= 0x024F) return -2;                          /* accented Latin */
  return -2;
}

/* 1 when cscore(g, c) >= 0, for the characters most of a text is made of; the others are
** scored in full. */
static int plain_char(const ptk_gb *g, uint32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return ptk_gb_common(g, c);
  if (c >= 0x3000 && c <= 0x303F) return c < 0x3021 || c > 0x3029;   /* CJK punctuation */
  if ((c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x2010 && c <= 0x2027)) return 1;
  return cscore(g, c) >= 0;
}

static int cand_score(const ptk_gb *g, const ochr *o) {
  if (o->lost) return LOST_SCORE * (o->unknown > 1 ? o->unknown : 1);
  int sc = cscore(g, o->cp);
  return sc <= STRONG ? CAND_STRONG : sc;
}

static int is_box(uint32_t c) { return c >= 0x2500 && c <= 0x259F; }

/* ---------------------------------------------------------------- tokens */

static void classify(const ptk_gb *g, mtok *t) {
  uint32_t c = t->cp;
  if (c == '?' || c == PTK_REPLACEMENT) {
    t->kind = K_Q;
    t->score = LOST_SCORE;
  } else if (c < 0x80) {
    t->kind = K_ASCII;
    t->code = c;
    t->score = cscore(g, c);
  } else {
    t->code = ptk_gb_encode(g, c);
    t->kind = t->code ? K_DB : K_OTHER;
    t->score = cscore(g, c);
  }
}

/* Tokens of s from `from` to the end of the line, at most max; *end gets the offset
** after the last. */
static int tokenize(const ptk_gb *g, const char *s, size_t n, size_t from, int max, mtok *t,
                    size_t *end) {
  int k = 0;
  size_t i = from;
  while (i < n && k < max) {
    uint32_t cp;
    size_t len = ptk_utf8_next(s + i, n - i, &cp);
    if (len > 0 && cp == '\n') break;
    mtok *x = &t[k++];
    x->off = i;
    x->code = 0;
    if (len == 0) {               /* an invalid byte: kept, never read through */
      x->len = 1;
      x->cp = PTK_REPLACEMENT;
      x->kind = K_OTHER;
      x->score = LOST_SCORE;
    } else {
      x->len = len;
      x->cp = cp;
      classify(g, x);
    }
    i += x->len;
  }
  *end = i;
  return k;
}

/* Start the window of w at `from` with the tokens up to `upto`. */
static void window(work *w, size_t from, int upto) {
  w->ntok = tokenize(w->g, w->s, w->n, from, upto, w->tok, &w->next);
  w->line_end = w->ntok < upto;
}

/* Is there a token i in the window? Tokenizes more of the line when needed. */
static int have(work *w, int i) {
  if (i < w->ntok) return 1;
  if (w->line_end || w->ntok >= WIN) return 0;
  int want = w->ntok + 32 < WIN ? w->ntok + 32 : WIN;
  int got = tokenize(w->g, w->s, w->n, w->next, want - w->ntok, w->tok + w->ntok, &w->next);
  w->ntok += got;
  if (w->ntok < want) w->line_end = 1;
  return i < w->ntok;
}

/* The byte strings token i may have been: its GBK code; an ASCII character between two
** non-ASCII ones may also be a narrowed full-width one (A3 xx, or A1 A1 for a space); a
** '?' one or two lost bytes. */
static int alternatives(work *w, int i, int a[2][2], int an[2]) {
  const mtok *t = &w->tok[i];
  int fw = 0;
  if (t->kind == K_ASCII && i > 0 && w->tok[i - 1].cp >= 0x80 && have(w, i + 1))
    fw = w->tok[i + 1].cp >= 0x80;
  switch (t->kind) {
  case K_DB:
    a[0][0] = (int)(t->code >> 8);
    a[0][1] = (int)(t->code & 0xFF);
    an[0] = 2;
    if (t->cp == 0x20AC) {        /* CP936 gives the euro sign the single byte 0x80 */
      a[1][0] = 0x80;
      an[1] = 1;
      return 2;
    }
    return 1;
  case K_ASCII:
    a[0][0] = (int)t->code;
    an[0] = 1;
    if (!fw) return 1;
    if (t->code == 0x20) {
      a[1][0] = a[1][1] = 0xA1;
      an[1] = 2;
      return 2;
    }
    if (t->code >= 0x21 && t->code <= 0x7E) {
      a[1][0] = 0xA3;
      a[1][1] = (int)t->code + 0x80;
      an[1] = 2;
      return 2;
    }
    return 1;
  case K_Q:
    a[0][0] = UNK;
    an[0] = 1;
    a[1][0] = a[1][1] = UNK;
    an[1] = 2;
    return 2;
  default:
    return 0;
  }
}

/* ---------------------------------------------------------------- shifted GBK */

static int is_trail(int t) { return (t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE); }

static void set_lost(ochr *o, int known, int lead, int qend) {
  o->cp = PTK_REPLACEMENT;
  o->lost = 1;
  o->known = known;
  o->known_lead = lead;
  o->qend = qend;
  o->unknown = 0;
}

/* Read the pending byte `carry` and the nb bytes of b as GBK. The characters go to o (at
** most 3; t0 is -1 for one that began with the pending byte), the byte left over to
** *carry_out. */
static int step(const ptk_gb *g, int carry, const int *b, int nb, ochr *o, int *carry_out) {
  int buf[3], m = 0, k = 0, i = 0;
  if (carry != NONE) buf[m++] = carry;
  for (int j = 0; j < nb; j++) buf[m++] = b[j];
  while (i < m) {
    int x = buf[i];
    ochr *c = &o[k];
    c->lost = 0;
    c->t0 = (i == 0 && carry != NONE) ? -1 : 0;
    if (x == UNK || (x >= 0x81 && x <= 0xFE)) {
      if (i + 1 >= m) {
        *carry_out = x;
        return k;
      }
      int y = buf[i + 1];
      if (x == UNK) {
        if (y == UNK) {
          set_lost(c, -1, 0, 0);
          c->unknown = 2;
          i += 2;
        } else if (is_trail(y)) {
          set_lost(c, y, 0, 0);   /* the trail survived */
          c->unknown = 1;
          i += 2;
        } else {
          set_lost(c, -1, 0, 0);  /* a lost byte alone; y is read next */
          c->unknown = 1;
          i += 1;
        }
      } else if (y == UNK) {
        set_lost(c, x, 1, 1);
        c->unknown = 1;
        i += 2;
      } else if (is_trail(y)) {
        uint32_t cp = ptk_gb_decode(g, (unsigned)x, (unsigned)y);
        if (cp) c->cp = cp; else set_lost(c, -1, 0, 0);
        i += 2;
      } else {
        set_lost(c, x, 1, 0);     /* a lead byte alone; y is read next */
        i += 1;
      }
    } else if (x < 0x80) {
      c->cp = (uint32_t)x;
      i++;
    } else {
      set_lost(c, -1, 0, 0);      /* 0x80 or 0xFF */
      i++;
    }
    k++;
  }
  *carry_out = NONE;
  return k;
}

static void insert_state(work *w, int at, int carry, int score, int prev, int alt) {
  dpst *row = &w->st[at * MAXST];
  int n = w->nst[at], worst = -1;
  for (int k = 0; k < n; k++) {
    if (row[k].carry == carry) {
      if (score > row[k].score) row[k] = (dpst){ carry, score, prev, alt };
      return;
    }
    if (worst < 0 || row[k].score < row[worst].score) worst = k;
  }
  if (n < MAXST) {
    row[n] = (dpst){ carry, score, prev, alt };
    w->nst[at] = n + 1;
  } else if (score > row[worst].score) {
    row[worst] = (dpst){ carry, score, prev, alt };
  }
}

static void append_chars(cand *c, const ochr *o, int m, int i, int s) {
  for (int j = 0; j < m && c->n < OMAX; j++) {
    ochr x = o[j];
    x.t0 = x.t0 < 0 ? (i > s ? i - 1 : s) : i;
    x.t1 = i;
    c->o[c->n++] = x;
  }
}

/* Read tokens [s, e) along the path that ends in state k at boundary e into c. */
static void shifted_path(const ptk_gb *g, work *w, int s, int c0, int e, int k, cand *c) {
  for (int i = e; i > s; i--) {
    const dpst *p = &w->st[i * MAXST + k];
    w->altv[i - 1] = p->alt;
    k = p->prev;
  }
  c->n = 0;
  c->s = s;
  c->e = e;
  int carry = c0;
  for (int i = s; i < e; i++) {
    int a[2][2], an[2];
    ochr o[3];
    alternatives(w, i, a, an);
    int m = step(g, carry, a[w->altv[i]], an[w->altv[i]], o, &carry);
    append_chars(c, o, m, i, s);
  }
  if (carry != NONE && c->n < OMAX) {   /* cut at the end of the line: its trail is lost */
    ochr *o = &c->o[c->n++];
    set_lost(o, carry == UNK ? -1 : carry, carry != UNK, 0);
    o->unknown = 1;
    o->t0 = o->t1 = e - 1;
  }
}

/* The best shifted reading that starts at token s with pending byte c0 and covers the
** anchor; replaces w->best when it gains more. */
static void try_shifted(const ptk_gb *g, work *w, int s, int c0, int anchor) {
  int best_e = -1, best_k = -1, best_gain = w->best.gain;
  w->st[s * MAXST] = (dpst){ c0, c0 == UNK ? UNEXPLAINED : 0, -1, 0 };
  w->nst[s] = 1;
  int osum = 0, top = -1000000, top_at = s, i;
  for (i = s; have(w, i); i++) {
    int a[2][2], an[2];
    int na = alternatives(w, i, a, an);
    if (i > anchor && i - top_at > STALL) break;
    w->nst[i + 1] = 0;
    osum += w->tok[i].score;
    for (int k = 0; k < w->nst[i]; k++) {
      const dpst p = w->st[i * MAXST + k];
      for (int alt = 0; alt < na; alt++) {
        ochr o[3];
        int carry;
        int m = step(g, p.carry, a[alt], an[alt], o, &carry);
        int sc = p.score - (alt > 0 ? ALT_COST : 0);
        for (int j = 0; j < m; j++) sc += cand_score(g, &o[j]);
        insert_state(w, i + 1, carry, sc, k, alt);
      }
    }
    if (w->nst[i + 1] == 0) break;
    for (int k = 0; k < w->nst[i + 1]; k++) {
      if (w->st[(i + 1) * MAXST + k].score - osum >= top + PROGRESS) {
        top = w->st[(i + 1) * MAXST + k].score - osum;
        top_at = i + 1;
      }
    }
    if (i + 1 > anchor) {
      for (int k = 0; k < w->nst[i + 1]; k++) {
        const dpst *p = &w->st[(i + 1) * MAXST + k];
        if (p->carry == NONE && p->score - osum > best_gain) {
          best_gain = p->score - osum;
          best_e = i + 1;
          best_k = k;
        }
      }
      if (w->nst[i + 1] == 1 && w->st[(i + 1) * MAXST].carry == NONE) break;  /* realigned */
    }
  }
  /* the end of the line, or of the window: a span may end there with a byte pending */
  if (i == w->ntok && i > anchor && !have(w, i) && w->nst[i] > 0) {
    for (int k = 0; k < w->nst[i]; k++) {
      const dpst *p = &w->st[i * MAXST + k];
      if (p->carry != NONE && p->score + LOST_SCORE + UNEXPLAINED - osum > best_gain) {
        best_gain = p->score + LOST_SCORE + UNEXPLAINED - osum;
        best_e = i;
        best_k = k;
      }
    }
  }
  if (best_e < 0) return;
  shifted_path(g, w, s, c0, best_e, best_k, &w->tmp);
  w->tmp.gain = best_gain;
  w->best = w->tmp;
}

/* ---------------------------------------------------------------- UTF-8 read as GBK */

/* Read tokens from s as UTF-8 bytes. With out == NULL, find the end (after the anchor, at
** a character boundary) that gains most and return it (or -1) with its gain in *gain;
** otherwise read up to `stop` into out. */
static int utf8_reading(const ptk_gb *g, work *w, int s, int anchor, int stop, int *gain,
                        cand *out) {
  int need = 0, poisoned = 0, t0 = s, score = 0, osum = 0, best_e = -1, best_gain = *gain;
  int top = -1000000, top_at = s;
  uint32_t acc = 0, min = 0;
  if (out) {
    out->n = 0;
    out->s = s;
    out->e = stop;
  }
  for (int i = s; (out == NULL || i < stop) && have(w, i); i++) {
    const mtok *t = &w->tok[i];
    int bytes[2], nb;
    if (t->kind == K_OTHER || (out == NULL && i > anchor && i - top_at > STALL)) break;
    if (t->kind == K_DB && t->cp == 0x20AC) {
      bytes[0] = 0x80;            /* CP936's euro sign: a UTF-8 continuation byte */
      nb = 1;
    } else if (t->kind == K_DB) {
      bytes[0] = (int)(t->code >> 8);
      bytes[1] = (int)(t->code & 0xFF);
      nb = 2;
    } else {
      bytes[0] = t->kind == K_Q ? UNK : (int)t->code;
      nb = 1;
    }
    osum += t->score;
    for (int j = 0; j < nb; j++) {
      int x = bytes[j];
      ochr o = { 0, 0, t0, i, -1, 0, 0, 0 };
      int emit = 0;
    again:
      if (need == 0) {
        t0 = i;
        o.t0 = i;
        if (x == UNK || x >= 0xF5 || (x >= 0x80 && x < 0xC2)) {
          set_lost(&o, -1, 0, 0);
          o.unknown = x == UNK;
          emit = 1;
        }
        else if (x < 0x80) { o.cp = (uint32_t)x; emit = 1; }
        else if (x < 0xE0) { need = 1; acc = (uint32_t)x & 0x1F; min = 0x80; }
        else if (x < 0xF0) { need = 2; acc = (uint32_t)x & 0x0F; min = 0x800; }
        else { need = 3; acc = (uint32_t)x & 0x07; min = 0x10000; }
        poisoned = 0;
      } else if (x == UNK || (x & 0xC0) == 0x80) {
        /* a continuation byte; a lost one spoils the character but not the ones after */
        poisoned |= x == UNK;
        if (x != UNK) acc = (acc << 6) | ((uint32_t)x & 0x3F);
        if (--need == 0) {
          if (poisoned || acc < min || acc > 0x10FFFF || (acc >= 0xD800 && acc <= 0xDFFF)) {
            set_lost(&o, -1, 0, 0);
            o.unknown = poisoned;
          } else {
            o.cp = acc;
          }
          emit = 1;
        }
      } else {
        set_lost(&o, -1, 0, 0);  /* a sequence cut short; x starts the next one */
        need = 0;
        score += cand_score(g, &o);
        if (out && out->n < OMAX) out->o[out->n++] = o;
        o = (ochr){ 0, 0, i, i, -1, 0, 0, 0 };
        goto again;
      }
      if (emit) {
        score += cand_score(g, &o);
        if (out && out->n < OMAX) out->o[out->n++] = o;
      }
    }
    if (score - osum >= top + PROGRESS) {
      top = score - osum;
      top_at = i + 1;
    }
    if (need == 0 && i + 1 > anchor && score - osum > best_gain) {
      best_gain = score - osum;
      best_e = i + 1;
    }
  }
  *gain = best_gain;
  return best_e;
}

static void try_utf8(const ptk_gb *g, work *w, int s, int anchor) {
  int gain = w->best.gain;
  int e = utf8_reading(g, w, s, anchor, 0, &gain, NULL);
  if (e < 0) return;
  utf8_reading(g, w, s, anchor, e, &gain, &w->tmp);
  w->tmp.gain = gain;
  w->best = w->tmp;
}

/* ---------------------------------------------------------------- anchors */

/* 1 when two GBK codes in a row hold a three-byte UTF-8 sequence. */
static int utf8_shaped(unsigned a, unsigned b) {
  unsigned char x[4] = { (unsigned char)(a >> 8), (unsigned char)a, (unsigned char)(b >> 8),
                         (unsigned char)b };
  for (int i = 0; i < 2; i++)
    if (x[i] >= 0xE0 && x[i] <= 0xEF && (x[i + 1] & 0xC0) == 0x80 && (x[i + 2] & 0xC0) == 0x80)
      return 1;
  return 0;
}

/* Is token a of the ntok tokens tk an anchor? */
static int is_anchor(const mtok *tk, int ntok, int a) {
  const mtok *t = &tk[a];
  if (t->kind == K_Q) {
    int prev_wide = a > 0 && tk[a - 1].cp >= 0x80 && tk[a - 1].kind != K_Q;
    int next_wide = a + 1 < ntok && tk[a + 1].cp >= 0x80 && tk[a + 1].kind != K_Q;
    return prev_wide || next_wide || (a + 1 < ntok && tk[a + 1].kind == K_Q);
  }
  if (t->kind == K_ASCII) return 0;
  if (t->score <= STRONG) return 1;
  if (t->kind == K_DB && t->score < 0 && a > 0 && tk[a - 1].kind == K_DB && tk[a - 1].score < 0)
    return utf8_shaped(tk[a - 1].code, t->code);
  return 0;
}

/* ---------------------------------------------------------------- reports */

#define MAX_REPORTS 1000  /* entries listed; the rest are only counted */

typedef struct pending_ctx {
  lua_State *L;
  int pend;               /* absolute index of the pending records */
  lua_Integer npend;
  lua_Integer more;       /* records not kept beyond MAX_REPORTS */
} pending_ctx;

/* Append a pending record; `known` < 0 when no byte of the lost character survived. */
static int add_pending(pending_ctx *pc, size_t line, const char *text, size_t tlen,
                        const char *reason, size_t out_off, size_t out_len, int known, int lead) {
  lua_State *L = pc->L;
  if (pc->npend >= MAX_REPORTS) {
    pc->more++;
    return 0;
  }
  lua_createtable(L, 0, 7);
  lua_pushinteger(L, (lua_Integer)line);
  lua_setfield(L, -2, "line");
  lua_pushlstring(L, text, tlen);
  lua_setfield(L, -2, "text");
  lua_pushstring(L, reason);
  lua_setfield(L, -2, "reason");
  lua_pushinteger(L, (lua_Integer)out_off);
  lua_setfield(L, -2, "off");
  lua_pushinteger(L, (lua_Integer)out_len);
  lua_setfield(L, -2, "olen");
  lua_pushinteger(L, known);
  lua_setfield(L, -2, "known");
  lua_pushboolean(L, lead);
  lua_setfield(L, -2, "lead");
  lua_rawseti(L, pc->pend, ++pc->npend);
  return 1;
}

/* Should a span that could not be repaired be reported? Box drawing alone is layout and a
** lone '?' may be a question mark; anything else typical of mojibake is reported. */
static int reportable(const work *w, int r0, int r1) {
  int q = 0, strong = 0;
  for (int i = r0; i < r1; i++) {
    const mtok *t = &w->tok[i];
    if (t->kind == K_Q) q++;
    else if (t->score <= STRONG && !is_box(t->cp)) strong++;
  }
  return strong > 0 || q >= 2 || (q > 0 && r1 - r0 > 1);
}

/* ---------------------------------------------------------------- phase 1: spans */

typedef struct scan {
  const ptk_gb *g;
  const char *s;
  size_t n;
  work *w;
  pending_ctx pc;
  ptk_lazy *z;            /* the repaired text, from the first repair on */
  size_t copied;          /* bytes of s already in the buffer */
  size_t fence;           /* the end of the last span repaired or reported */
  size_t repaired;
} scan;

/* Emit the repair w->best of line `line`. */
static void emit_repair(scan *sc, size_t line) {
  work *w = sc->w;
  const cand *c = &w->best;
  const mtok *first = &w->tok[c->s], *last = &w->tok[c->e - 1];
  size_t end = last->off + last->len;
  size_t lost_off[OMAX];
  int lost_idx[OMAX], nlost = 0;
  ptk_lazy_add(sc->z, sc->s + sc->copied, first->off - sc->copied);
  luaL_Buffer *b = &sc->z->b;
  size_t span_out = luaL_bufflen(b);
  for (int j = 0; j < c->n; j++) {
    if (c->o[j].lost) {
      lost_off[nlost] = luaL_bufflen(b);
      lost_idx[nlost++] = j;
    }
    ptk_utf8_add(b, c->o[j].cp);
  }
  /* the decoder's '?' ate the "(" of a pinyin annotation: "?quán)" */
  if (c->n > 0 && c->o[c->n - 1].lost && c->o[c->n - 1].qend && end < sc->n) {
    size_t syl;
    if (ptk_pinyin_body(sc->s + end, sc->n - end, &syl) > 0) luaL_addchar(b, '(');
  }
  sc->copied = end;
  sc->repaired++;
  for (int k = 0; k < nlost; k++) {
    const ochr *o = &c->o[lost_idx[k]];
    const mtok *a = &w->tok[o->t0], *z = &w->tok[o->t1];
    if (!add_pending(&sc->pc, line, sc->s + a->off, z->off + z->len - a->off, "lost character",
                     lost_off[k], 3, o->known, o->known_lead))
      continue;
    /* the repaired span, for context */
    lua_rawgeti(sc->pc.L, sc->pc.pend, sc->pc.npend);
    lua_pushlstring(sc->pc.L, luaL_buffaddr(b) + span_out, luaL_bufflen(b) - span_out);
    lua_setfield(sc->pc.L, -2, "repaired");
    lua_pop(sc->pc.L, 1);
  }
}

/* Report the suspicious run around anchor a, which could not be repaired; returns the
** offset after it. */
static size_t report_run(scan *sc, int a, size_t line) {
  work *w = sc->w;
  int r0 = a, r1 = a + 1;
  while (r0 > 0 && r1 - r0 < 40 && w->tok[r0 - 1].kind != K_ASCII && w->tok[r0 - 1].score < 0) r0--;
  while (have(w, r1) && r1 - r0 < 40 && w->tok[r1].kind != K_ASCII && w->tok[r1].score < 0) r1++;
  size_t start = w->tok[r0].off, end = w->tok[r1 - 1].off + w->tok[r1 - 1].len;
  size_t out = ptk_lazy_len(sc->z) + (start - sc->copied);
  const mtok *t = &w->tok[a];
  /* "?f(xié)": a lost character whose trail byte survived as an ASCII letter; and
  ** "?yún)f(xié)": the same, with a spurious annotation between its lead byte (swallowed
  ** with the "(" by the decoder's '?') and its trail byte */
  if (t->kind == K_Q && r1 == a + 1) {
    size_t p = t->off + t->len, syl, off;
    p += ptk_pinyin_body(sc->s + p, sc->n - p, &syl);
    unsigned char trail = p < sc->n ? (unsigned char)sc->s[p] : 0;
    if (trail >= 0x40 && trail <= 0x7E &&
        ptk_pinyin_group(sc->s + p + 1, sc->n - p - 1, &off, &syl) > 0) {
      add_pending(&sc->pc, line, sc->s + t->off, p + 1 - t->off, "lost character", out,
                  p + 1 - t->off, trail, 0);
      return p + 1;
    }
  }
  if (reportable(w, r0, r1) &&
      add_pending(&sc->pc, line, sc->s + start, end - start, "not repairable", out, end - start, -1, 0)) {
    /* a few characters either side, for the reader of the report */
    have(w, r1 + 6);
    int c0 = r0 > 6 ? r0 - 6 : 0, c1 = r1 + 6 < w->ntok ? r1 + 6 : w->ntok;
    size_t cs = w->tok[c0].off, ce = w->tok[c1 - 1].off + w->tok[c1 - 1].len;
    lua_rawgeti(sc->pc.L, sc->pc.pend, sc->pc.npend);
    lua_pushlstring(sc->pc.L, sc->s + cs, ce - cs);
    lua_setfield(sc->pc.L, -2, "context");
    lua_pop(sc->pc.L, 1);
  }
  return end;
}

/* The byte offset of the character `back` characters before pos, not before floor. */
static size_t back_chars(const char *s, size_t pos, size_t floor, int back) {
  while (back > 0 && pos > floor) {
    size_t p = pos - 1;
    while (p > floor && ((unsigned char)s[p] & 0xC0) == 0x80 && pos - p < 4) p--;
    uint32_t cp;
    if (ptk_utf8_next(s + p, pos - p, &cp) != pos - p) p = pos - 1;   /* an invalid byte */
    pos = p;
    back--;
  }
  return pos;
}

static void phase_spans(scan *sc) {
  const char *s = sc->s;
  size_t n = sc->n, pos = 0, line = 1, line_start = 0;
  work *w = sc->w;
  while (pos < n) {
    uint32_t cp;
    size_t len = ptk_utf8_next(s + pos, n - pos, &cp);
    if (len == 0) { pos++; continue; }
    if (cp == '\n') {
      line++;
      pos += len;
      line_start = pos;
      continue;
    }
    if (cp < 0x80 && cp != '?') { pos += len; continue; }   /* fast path: plain ASCII */
    /* fast path: only '?', U+FFFD and a character scoring below 0 can be an anchor */
    if (cp != '?' && cp != PTK_REPLACEMENT && plain_char(sc->g, cp)) { pos += len; continue; }
    size_t floor = sc->fence > line_start ? sc->fence : line_start;
    /* is it an anchor? its neighbours decide */
    mtok mini[3];
    size_t from = back_chars(s, pos, floor, 1), mend;
    int m = tokenize(sc->g, s, n, from, 3, mini, &mend), a = from < pos ? 1 : 0;
    if (a >= m || !is_anchor(mini, m, a)) { pos += len; continue; }
    /* an anchor: read it in a window of its line */
    from = back_chars(s, pos, floor, BACK);
    window(w, from, BACK + 24);
    a = 0;
    while (a < w->ntok && w->tok[a].off != pos) a++;
    if (a == w->ntok) { pos += len; continue; }
    w->best.gain = MIN_GAIN - 1;
    w->best.n = 0;
    for (int st = a; st >= 0; st--) {
      if (w->tok[st].kind == K_DB) try_shifted(sc->g, w, st, UNK, a);
      if (w->tok[st].kind == K_Q) try_shifted(sc->g, w, st, NONE, a);
      if (w->tok[st].kind == K_DB || w->tok[st].kind == K_Q) try_utf8(sc->g, w, st, a);
    }
    int ok = w->best.gain >= MIN_GAIN && w->best.n > 0;
    if (ok) {
      int good = 0, lost = 0;
      for (int j = 0; j < w->best.n; j++) {
        if (w->best.o[j].lost) lost++;
        else if (cscore(sc->g, w->best.o[j].cp) <= STRONG) ok = 0;
        else if (cscore(sc->g, w->best.o[j].cp) > 0) good++;
      }
      if (good < 2 || lost > good) ok = 0;
    }
    if (ok) {
      emit_repair(sc, line);
      pos = sc->fence = sc->copied;
    } else {
      size_t next = report_run(sc, a, line);
      pos = sc->fence = next > pos ? next : pos + len;
    }
  }
}

/* ---------------------------------------------------------------- phase 2: inference */

/* dict[syl][cp] = true for the ideograph cp before the pinyin group at r + i, if it is one. */
static void dict_add(lua_State *L, int dict, const char *r, size_t rn, size_t i) {
  /* the character that ends at i: its lead byte is at most 4 bytes back */
  size_t p = i;
  while (p > 0 && i - p < 4 && ((unsigned char)r[p - 1] & 0xC0) == 0x80) p--;
  if (p == 0 || i - p >= 4) return;
  p--;
  uint32_t cp;
  size_t off, syl;
  if (ptk_utf8_next(r + p, i - p, &cp) != i - p || !ptk_is_han(cp)) return;
  if (ptk_pinyin_group(r + i, rn - i, &off, &syl) == 0) return;
  lua_pushlstring(L, r + i + off, syl);
  if (lua_rawget(L, dict) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushlstring(L, r + i + off, syl);
    lua_pushvalue(L, -2);
    lua_rawset(L, dict);
  }
  lua_pushboolean(L, 1);
  lua_rawseti(L, -2, (lua_Integer)cp);
  lua_pop(L, 1);
}

/* dict[syllable][code point] = true for every ideograph followed by a pinyin group: the
** groups start with "(" or "（" (EF BC 88); the table is a set, so the order in which they
** are found does not matter. */
static void build_dict(lua_State *L, const char *r, size_t rn) {
  lua_newtable(L);
  int dict = lua_gettop(L);
  const char *p;
  for (size_t i = 0; (p = memchr(r + i, '(', rn - i)) != NULL; i = (size_t)(p - r) + 1)
    dict_add(L, dict, r, rn, (size_t)(p - r));
  for (size_t i = 0; i + 3 <= rn && (p = memchr(r + i, 0xEF, rn - i - 2)) != NULL; i = (size_t)(p - r) + 1)
    if ((unsigned char)p[1] == 0xBC && (unsigned char)p[2] == 0x88) dict_add(L, dict, r, rn, (size_t)(p - r));
}

/* The one ideograph of dict[syl] whose GBK code has `known` as lead (lead) or trail byte;
** 0 when there is none or more than one. */
static uint32_t infer(lua_State *L, const ptk_gb *g, int dict, const char *syl, size_t sn,
                      int known, int lead) {
  uint32_t found = 0;
  lua_pushlstring(L, syl, sn);
  if (lua_rawget(L, dict) != LUA_TTABLE) {
    lua_pop(L, 1);
    return 0;
  }
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    lua_pop(L, 1);
    uint32_t cp = (uint32_t)lua_tointeger(L, -1);
    unsigned code = ptk_gb_encode(g, cp);
    int byte = lead ? (int)(code >> 8) : (int)(code & 0xFF);
    if (code != 0 && byte == known) {
      if (found != 0 && found != cp) {
        lua_pop(L, 2);
        return 0;
      }
      found = cp;
    }
  }
  lua_pop(L, 1);
  return found;
}

/* 1 when only blanks precede offset off on its line. */
static int at_indent(const char *r, size_t off) {
  while (off > 0 && r[off - 1] != '\n') {
    if (r[off - 1] != ' ' && r[off - 1] != '\t') return 0;
    off--;
  }
  return 1;
}

static lua_Integer get_int(lua_State *L, int t, const char *k) {
  lua_getfield(L, t, k);
  lua_Integer v = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return v;
}

/* Copy the fields that make a report entry from pending record p into a new table. */
static void push_entry(lua_State *L, int p, uint32_t inferred, const char *syl, size_t sn,
                       const char *basis) {
  static const char *const fields[] = { "line", "text", "reason", "repaired", "context", NULL };
  lua_newtable(L);
  for (int i = 0; fields[i]; i++) {
    lua_getfield(L, p, fields[i]);
    lua_setfield(L, -2, fields[i]);
  }
  if (inferred) {
    char u[4];
    lua_pushlstring(L, u, ptk_utf8_encode(inferred, u));
    lua_setfield(L, -2, "char");
    if (sn > 0) {
      lua_pushlstring(L, syl, sn);
      lua_setfield(L, -2, "pinyin");
    }
    lua_pushstring(L, basis);
    lua_setfield(L, -2, "basis");
    lua_pushnil(L);
    lua_setfield(L, -2, "reason");
  }
}

/* r (at index ridx) with the lost characters that in-document pinyin identifies put back;
** pending records move to unrep or inferred. Pushes the final string. */
static void phase_infer(lua_State *L, const ptk_gb *g, int ridx, const pending_ctx *pc, int unrep,
                        int inferred) {
  int pend = pc->pend;
  lua_Integer npend = pc->npend;
  size_t rn;
  const char *r = lua_tolstring(L, ridx, &rn);
  build_dict(L, r, rn);
  int dict = lua_gettop(L);
  luaL_Buffer b;
  size_t copied = 0;
  lua_Integer nu = (lua_Integer)lua_rawlen(L, unrep), ni = (lua_Integer)lua_rawlen(L, inferred);
  luaL_buffinitsize(L, &b, rn);
  for (lua_Integer k = 1; k <= npend; k++) {
    lua_rawgeti(L, pend, k);
    int p = lua_gettop(L);
    size_t off = (size_t)get_int(L, p, "off"), olen = (size_t)get_int(L, p, "olen");
    int known = (int)get_int(L, p, "known");
    lua_getfield(L, p, "lead");
    int lead = lua_toboolean(L, -1);
    lua_pop(L, 1);
    uint32_t cp = 0;
    const char *basis = "pinyin";
    size_t goff = 0, syl = 0, after = off + olen;
    if (known >= 0 && after <= rn && ptk_pinyin_group(r + after, rn - after, &goff, &syl) > 0)
      cp = infer(L, g, dict, r + after + goff, syl, known, lead);
    else if (known == 0xA1 && !lead && after < rn && r[after] != '\n' && at_indent(r, off)) {
      cp = 0x3000;                     /* [? A1] in the indentation: the ideographic space */
      basis = "indentation";
      syl = 0;
    }
    push_entry(L, p, cp, r + after + goff, syl, basis);
    if (cp != 0) {
      lua_rawseti(L, inferred, ++ni);
      lua_pop(L, 1);                   /* the pending record */
      if (off >= copied) luaL_addlstring(&b, r + copied, off - copied);
      ptk_utf8_add(&b, cp);
      copied = after;
    } else {
      lua_rawseti(L, unrep, ++nu);
      lua_pop(L, 1);
    }
  }
  luaL_addlstring(&b, r + copied, rn - copied);
  luaL_pushresult(&b);
  lua_remove(L, dict);
  if (pc->more > 0) {
    lua_pushinteger(L, pc->more);
    lua_setfield(L, unrep, "more");
  }
}

/* ---------------------------------------------------------------- entry point */

size_t ptk_text_repair(lua_State *L, int idx, int unrep, int inferred) {
  size_t n;
  const char *s = lua_tolstring(L, idx, &n);
  const ptk_gb *g = ptk_gb_tables(L);
  int base = lua_gettop(L);
  work *w = lua_newuserdatauv(L, sizeof *w, 0);
  lua_newtable(L);
  w->g = g;
  w->s = s;
  w->n = n;
  ptk_lazy z;
  ptk_lazy_init(&z, L, n + 16);
  scan sc = { g, s, n, w, { L, lua_gettop(L), 0, 0 }, &z, 0, 0, 0 };
  phase_spans(&sc);
  ptk_lazy_push(&z, idx, s, sc.copied, n);
  if (sc.pc.npend > 0) phase_infer(L, g, lua_gettop(L), &sc.pc, unrep, inferred);
  else lua_pushvalue(L, -1);         /* nothing lost: nothing to infer */
  lua_replace(L, base + 1);          /* the result where the work area was */
  lua_settop(L, base + 1);
  return sc.repaired;
}
