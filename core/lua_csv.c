/*
** lua_csv.c — the policytk.csv_reader Lua module: a streaming RFC 4180 CSV record reader in C,
** the fast path of policytk.data.csv for files (UTF-8 input; the importers go through row_source).
**   csv_reader.new(file) -> reader        file: an open Lua file handle (io.open(path, "rb"))
**   reader:read() -> fields, line, nil, bad   | false, line, problem | nil at the end
**   reader:close()                          (frees the buffers; the file stays the caller's)
**
** The reader pulls 64 KiB at a time from the file's FILE* into a growable buffer, so memory
** stays flat whatever the file size (a record is held whole, however long). It follows
** csv.lua exactly: a UTF-8 byte order mark at the start is dropped; fields are separated by
** commas and records by \n or \r\n (a lone \r at the end of the file also ends the line);
** a field that starts with a quote may hold commas, doubled quotes and line breaks; the
** problems are worded as csv.lua words them, and after a broken record the rest of its line
** is skipped. `line` is the line where the record starts. `bad` is the 1-based number of
** the first field that is not valid UTF-8 (nil when all are), so a caller may skip its
** own per-field check.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "policytk.h"

#define READER_MT "policytk.csv_reader"
#define CHUNK 65536

typedef struct csvreader {
  char *in;                 /* raw bytes read from the file: in[pos .. len) are unread */
  size_t incap, len, pos;
  char *fld;                /* the bytes of the current record's fields, back to back */
  size_t fcap, flen;
  size_t *ends;             /* ends[i]: where field i ends in fld */
  size_t ecap, n;
  lua_Integer line;         /* lines begun so far (the current record's last line) */
  int eof;                  /* the file has no more bytes */
  int started;              /* the byte order mark check is done */
  int bom_only;             /* a mark was dropped: its line is a record even when empty */
  int closed;
} csvreader;

/* ------------------------------------------------------------------ buffers */

static void grow(lua_State *L, void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return;
  size_t cap2 = *cap ? *cap : 256;
  while (cap2 < need) {
    if (cap2 > ((size_t)-1) / 2 / elem) luaL_error(L, "csv: record too large");
    cap2 *= 2;
  }
  void *q = realloc(*p, cap2 * elem);
  if (q == NULL) luaL_error(L, "csv: out of memory (%d bytes)", (int)(cap2 * elem));
  *p = q;
  *cap = cap2;
}

/* The FILE* of the Lua file handle held as the reader's user value (raises when closed). */
static FILE *reader_file(lua_State *L) {
  lua_getiuservalue(L, 1, 1);
  luaL_Stream *s = (luaL_Stream *)luaL_testudata(L, -1, LUA_FILEHANDLE);
  lua_pop(L, 1);              /* the user value keeps the handle alive */
  if (s == NULL || s->closef == NULL) luaL_error(L, "csv: the file was closed while being read");
  return s->f;
}

/* Refill: keep the unread bytes and read another chunk. Returns 0 at the end of the file. */
static int fill(lua_State *L, csvreader *r) {
  if (r->eof) return 0;
  FILE *f = reader_file(L);
  if (r->pos > 0) {
    memmove(r->in, r->in + r->pos, r->len - r->pos);
    r->len -= r->pos;
    r->pos = 0;
  }
  grow(L, (void **)&r->in, &r->incap, r->len + CHUNK, 1);
  size_t got = fread(r->in + r->len, 1, r->incap - r->len, f);
  if (got == 0) {
    if (ferror(f)) luaL_error(L, "csv: read error");
    r->eof = 1;
    return 0;
  }
  r->len += got;
  return 1;
}

/* The next byte, or -1 at the end of the file. */
static inline int next_byte(lua_State *L, csvreader *r) {
  if (r->pos == r->len && !fill(L, r)) return -1;
  return (unsigned char)r->in[r->pos++];
}

static inline int peek_byte(lua_State *L, csvreader *r) {
  if (r->pos == r->len && !fill(L, r)) return -1;
  return (unsigned char)r->in[r->pos];
}

static void end_field(lua_State *L, csvreader *r) {
  grow(L, (void **)&r->ends, &r->ecap, r->n + 1, sizeof(size_t));
  r->ends[r->n++] = r->flen;
}

/* Skip the rest of the current line (a broken record). */
static void skip_line(lua_State *L, csvreader *r) {
  for (;;) {
    if (r->pos == r->len && !fill(L, r)) return;
    char *nl = memchr(r->in + r->pos, '\n', r->len - r->pos);
    if (nl != NULL) {
      r->pos = (size_t)(nl - r->in) + 1;   /* the next record counts the next line */
      return;
    }
    r->pos = r->len;
  }
}

/* ------------------------------------------------------------------ parsing */

enum { DONE, BROKEN, END };

/* Parse one record into fld/ends. Returns DONE, END (no more records) or BROKEN with the
** problem pushed. *start receives the record's first line. */
static int parse_record(lua_State *L, csvreader *r, lua_Integer *start) {
  r->n = 0;
  r->flen = 0;
  if (!r->started) {
    r->started = 1;
    while (r->len - r->pos < 3 && fill(L, r)) {}
    if (r->len - r->pos >= 3 && memcmp(r->in + r->pos, "\xEF\xBB\xBF", 3) == 0) {
      r->pos += 3;
      r->bom_only = 1;
    }
  }
  if (peek_byte(L, r) < 0 && !r->bom_only) return END;
  r->bom_only = 0;
  *start = ++r->line;                 /* the record's first line is being read */
  for (;;) {                          /* one field per turn */
    int c = next_byte(L, r);
    if (c != '"') {                   /* unquoted: up to a comma or the end of the line */
      size_t from = r->flen;
      for (;;) {
        /* the fast path: copy a run of ordinary bytes straight from the input */
        size_t i = r->pos, stop = r->len;
        if (c >= 0 && c != ',' && c != '\n' && c != '"') {
          grow(L, (void **)&r->fld, &r->fcap, r->flen + 1 + (stop - i), 1);
          r->fld[r->flen++] = (char)c;
          while (i < stop) {
            char b = r->in[i];
            if (b == ',' || b == '\n' || b == '"') break;
            r->fld[r->flen++] = b;
            i++;
          }
          r->pos = i;
          c = next_byte(L, r);
          continue;
        }
        if (c == '"') {
          lua_pushfstring(L, "a quote inside an unquoted field %d (quote the whole field)", (int)r->n + 1);
          skip_line(L, r);
          return BROKEN;
        }
        if (c != ',' && r->flen > from && r->fld[r->flen - 1] == '\r') r->flen--;  /* \r\n */
        end_field(L, r);
        if (c == ',') break;          /* the next field */
        return DONE;                  /* \n: line counted at the record's start; or the end */
      }
      continue;
    }
    /* quoted: up to the closing quote, across lines */
    for (;;) {
      c = next_byte(L, r);
      if (c < 0) {
        lua_pushfstring(L, "unterminated quoted field (the quote opened on line %I never closes)", *start);
        return BROKEN;
      }
      if (c == '"') {
        if (peek_byte(L, r) == '"') {
          r->pos++;
        } else {
          break;
        }
      } else if (c == '\n') {
        r->line++;
      }
      grow(L, (void **)&r->fld, &r->fcap, r->flen + 1, 1);
      r->fld[r->flen++] = (char)c;
    }
    end_field(L, r);
    c = next_byte(L, r);
    if (c == ',') continue;
    if (c == '\n' || c < 0) return DONE;
    if (c == '\r') {
      int d = peek_byte(L, r);
      if (d == '\n') { r->pos++; return DONE; }
      if (d < 0) return DONE;
    }
    lua_pushfstring(L, "unexpected text after a closing quote in field %d", (int)r->n);
    skip_line(L, r);
    return BROKEN;
  }
}

/* ------------------------------------------------------------------ Lua API */

static csvreader *check_reader(lua_State *L) {
  csvreader *r = (csvreader *)luaL_checkudata(L, 1, READER_MT);
  if (r->closed) luaL_error(L, "csv: the reader is closed");
  return r;
}

/* csv_reader.new(file) -> reader: records from an open Lua file, from its current position. */
static int csv_new(lua_State *L) {
  luaL_Stream *s = (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
  if (s->closef == NULL) return luaL_argerror(L, 1, "the file is closed");
  csvreader *r = (csvreader *)lua_newuserdatauv(L, sizeof *r, 1);
  memset(r, 0, sizeof *r);
  luaL_setmetatable(L, READER_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  return 1;
}

/* reader:read() -> fields, line, nil, bad | false, line, problem | nil at the end. */
static int reader_read(lua_State *L) {
  csvreader *r = check_reader(L);
  lua_settop(L, 1);
  lua_Integer start = 0;
  int st = parse_record(L, r, &start);
  if (st == END) {
    lua_pushnil(L);
    return 1;
  }
  if (st == BROKEN) {               /* the problem is on the stack */
    lua_pushboolean(L, 0);
    lua_pushinteger(L, start);
    lua_rotate(L, 2, 2);            /* false, line, problem */
    return 3;
  }
  lua_createtable(L, r->n > 0x7fffffff ? 0x7fffffff : (int)r->n, 0);
  size_t from = 0;
  lua_Integer bad = 0;
  for (size_t i = 0; i < r->n; i++) {
    size_t len = r->ends[i] - from;
    /* a record of empty fields only (",\n") has no field buffer yet: r->fld is NULL */
    const char *p = len ? r->fld + from : "";
    if (bad == 0 && ptk_utf8_check(p, len) != len) bad = (lua_Integer)i + 1;
    lua_pushlstring(L, p, len);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
    from = r->ends[i];
  }
  lua_pushinteger(L, start);
  lua_pushnil(L);
  if (bad) lua_pushinteger(L, bad);
  else lua_pushnil(L);
  return 4;
}

static int reader_close(lua_State *L) {
  csvreader *r = (csvreader *)luaL_checkudata(L, 1, READER_MT);
  free(r->in);
  free(r->fld);
  free(r->ends);
  r->in = r->fld = NULL;
  r->ends = NULL;
  r->incap = r->fcap = r->ecap = r->len = r->pos = r->flen = r->n = 0;
  r->closed = 1;
  return 0;
}

static const luaL_Reg reader_methods[] = {
  { "read", reader_read },
  { "close", reader_close },
  { NULL, NULL },
};

static const luaL_Reg csv_functions[] = {
  { "new", csv_new },
  { NULL, NULL },
};

/* luaopen_policytk_csv: the module table { new = }. */
int luaopen_policytk_csv(lua_State *L) {
  if (luaL_newmetatable(L, READER_MT)) {
    luaL_newlib(L, reader_methods);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, reader_close);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, reader_close);
    lua_setfield(L, -2, "__close");
  }
  lua_pop(L, 1);
  luaL_newlib(L, csv_functions);
  return 1;
}
