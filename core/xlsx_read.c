/*
** xlsx_read.c — the reader object of policytk.xlsx: xlsx.open(path) → r with r:sheets(),
** r:rows(sheet) and r:close(). The workbook's parts are found through its relationships
** (_rels/.rels, xl/_rels/workbook.xml.rels) as Excel, WPS and openpyxl write them; shared
** strings are loaded once into a Lua table, and which cell styles show dates (xlsx_style.c);
** each sheet is streamed row by row with xmlTextReader, so a large sheet never sits in memory
** whole, after a first pass that collects its merged ranges (xlsx_merge.c).
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "policytk.h"
#include "xlsx.h"

/* A growable text buffer in C memory (freed by the owner's close). Always NUL-terminated. */
typedef struct xbuf {
  char *s;
  size_t len, cap;
} xbuf;

static int xbuf_add(xbuf *b, const char *p, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1) cap *= 2;
    char *s = realloc(b->s, cap);
    if (s == NULL) return -1;
    b->s = s;
    b->cap = cap;
  }
  memcpy(b->s + b->len, p, n);
  b->len += n;
  b->s[b->len] = '\0';
  return 0;
}

static void xbuf_reset(xbuf *b) {
  b->len = 0;
  if (b->s != NULL) b->s[0] = '\0';
}

static void xbuf_free(xbuf *b) {
  free(b->s);
  memset(b, 0, sizeof *b);
}

typedef struct rows_state rows_state;

/* The reader. User values: 1 path, 2 sheets {{name=, part=}…}, 3 shared strings. */
typedef struct xlsx_reader {
  zip_t *za;
  zip_error_t zerr;     /* the error of zip_open, kept here so that an error cannot leak it */
  int zerr_live;
  xlsx_part meta;       /* the part being read while opening (rels, workbook, shared strings) */
  xbuf text;
  xlsx_styles styles;   /* which cell styles show dates */
  rows_state *streams;  /* the open row iterators, closed with the reader */
} xlsx_reader;

/* A row iterator. User values: 1 reader, 2 shared strings, 3 path, 4 sheet name, 5 part,
** 6 the top-left values of the merged ranges being filled (by range index + 1). */
struct rows_state {
  xlsx_part part;
  xlsx_reader *owner;   /* NULL once closed */
  rows_state *next;
  xbuf text;
  xlsx_merges merges;   /* empty with { merged = false } */
  long last_row;        /* the number of the last <row> read */
  long pending;         /* a <row> read but not yet yielded (the part is on it), or 0 */
  int pending_empty;    /* that <row> is an empty element */
  int xml_end;          /* 1 once the part has no more rows */
  int dates;            /* yield numbers of date styles as "YYYY-MM-DD" */
  long rows_read;       /* <row> elements read, at most max_rows (a named error past it) */
  long max_rows;
  long cells_read;      /* <c> elements read, at most max_cells */
  long max_cells;
  int done;             /* 1 after the end of the sheet or close */
};

static int is_text_node(int type) {
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* ------------------------------------------------------------------ closing */

/* Take s out of its reader's list and free its text and ranges; the part stays open. */
static void rows_unlink(rows_state *s) {
  xbuf_free(&s->text);
  xlsx_merges_free(&s->merges);
  if (s->owner != NULL) {
    rows_state **pp = &s->owner->streams;
    while (*pp != NULL && *pp != s) pp = &(*pp)->next;
    if (*pp == s) *pp = s->next;
    s->owner = NULL;
  }
  s->next = NULL;
  s->done = 1;
}

static void rows_release(rows_state *s) {
  rows_unlink(s);
  xlsx_part_close(&s->part);
}

/* Raise the XML or zip error of the sheet's part, closing the iterator. */
static int rows_raise(lua_State *L, rows_state *s, const char *path, const char *part) {
  rows_unlink(s);
  return xlsx_part_raise(L, &s->part, path, part);
}

static void reader_release(xlsx_reader *r) {
  while (r->streams != NULL) {
    rows_state *s = r->streams;
    r->streams = s->next;
    xlsx_part_close(&s->part);
    xbuf_free(&s->text);
    xlsx_merges_free(&s->merges);
    s->owner = NULL;
    s->next = NULL;
    /* done stays 0: the iterator then says that its reader was closed */
  }
  xlsx_part_close(&r->meta);
  xbuf_free(&r->text);
  xlsx_styles_free(&r->styles);
  if (r->za != NULL) zip_discard(r->za);
  r->za = NULL;
  if (r->zerr_live) zip_error_fini(&r->zerr);
  r->zerr_live = 0;
}

/* r:close(), __gc, __close: close the archive and every row iterator. Idempotent. */
static int reader_close(lua_State *L) {
  reader_release(luaL_checkudata(L, 1, XLSX_READER_MT));
  return 0;
}

/* iterator:close() / __gc / __close. Idempotent. */
static int rows_close(lua_State *L) {
  rows_release(luaL_checkudata(L, 1, XLSX_ROWS_MT));
  return 0;
}

/* The reader at idx, which must be open. */
static xlsx_reader *check_reader(lua_State *L, int idx) {
  xlsx_reader *r = luaL_checkudata(L, idx, XLSX_READER_MT);
  if (r->za == NULL) xlsx_closed(L, idx, "reader");
  return r;
}

/* ------------------------------------------------------------------ part names */

/* Push the member name for relationship target `t` seen from folder `base` ("" or
** "xl/"): absolute targets start at the root; "." and ".." segments are resolved. */
static void push_part_name(lua_State *L, const char *base, const char *t) {
  if (t[0] == '/') base = "";
  size_t nb = strlen(base), nt = strlen(t);
  char *in = lua_newuserdatauv(L, nb + nt + 2, 0);
  char *out = lua_newuserdatauv(L, nb + nt + 2, 0);
  memcpy(in, base, nb);
  memcpy(in + nb, t, nt + 1);
  size_t w = 0;
  for (char *seg = in; *seg != '\0';) {
    char *end = strchr(seg, '/');
    size_t n = end != NULL ? (size_t)(end - seg) : strlen(seg);
    if (n == 2 && seg[0] == '.' && seg[1] == '.') {
      if (w > 0) w--;                                    /* drop the trailing '/' */
      while (w > 0 && out[w - 1] != '/') w--;            /* and the last segment */
    } else if (n > 0 && !(n == 1 && seg[0] == '.')) {
      memcpy(out + w, seg, n);
      w += n;
      out[w++] = '/';
    }
    seg += n;
    if (*seg == '/') seg++;
  }
  if (w > 0) w--;                                        /* the last '/' */
  lua_pushlstring(L, out, w);
  lua_replace(L, -3);
  lua_pop(L, 1);
}

/* Push the folder of member `name` with its slash ("xl/" for "xl/workbook.xml"). */
static void push_dir(lua_State *L, const char *name) {
  const char *slash = strrchr(name, '/');
  lua_pushlstring(L, name, slash != NULL ? (size_t)(slash - name + 1) : 0);
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* ------------------------------------------------------------------ opening */

static void raise_zip_open(lua_State *L, xlsx_reader *r, const char *path, int ze) {
  zip_error_init_with_code(&r->zerr, ze);
  r->zerr_live = 1;
  const char *what = (ze == ZIP_ER_NOENT || ze == ZIP_ER_OPEN || ze == ZIP_ER_READ)
                       ? "cannot open" : "not an xlsx file";
  lua_pushfstring(L, "%s: %s (zip: %s)", path, what, zip_error_strerror(&r->zerr));
  reader_release(r);
  lua_error(L);
}

/* Read relationships part `rels` (absent is fine): for each Relationship, when
** `by_id` >= 0 set by_id[Id] = member name; when the Type ends with `want` and nothing was
** found yet, leave its member name in *found (a string pushed on the stack; else nil). */
static void read_rels(lua_State *L, xlsx_reader *r, const char *path, const char *rels,
                      const char *base, int by_id, const char *want) {
  lua_pushnil(L);                          /* the found target */
  int found = lua_gettop(L);
  int rc = xlsx_part_open(&r->meta, r->za, rels);
  if (rc == -1) return;
  if (rc == -2) xlsx_part_raise(L, &r->meta, path, rels);
  while ((rc = xlsx_part_read(&r->meta)) == 1) {
    xmlTextReaderPtr xr = r->meta.xr;
    if (xmlTextReaderNodeType(xr) != XML_READER_TYPE_ELEMENT ||
        strcmp(xlsx_node_name(xr), "Relationship") != 0) continue;
    int top = lua_gettop(L);
    int wanted = 0, external = 0, have_id = 0, have_target = 0;
    lua_pushnil(L);                        /* top+1: Id */
    lua_pushnil(L);                        /* top+2: Target */
    for (int ok = xmlTextReaderMoveToFirstAttribute(xr); ok == 1;
         ok = xmlTextReaderMoveToNextAttribute(xr)) {
      const char *n = xlsx_node_name(xr);
      const char *v = (const char *)xmlTextReaderConstValue(xr);
      if (v == NULL) continue;
      if (strcmp(n, "Id") == 0) {
        lua_pushstring(L, v);
        lua_replace(L, top + 1);
        have_id = 1;
      } else if (strcmp(n, "Target") == 0) {
        push_part_name(L, base, v);
        lua_replace(L, top + 2);
        have_target = 1;
      } else if (strcmp(n, "Type") == 0) {
        wanted = want != NULL && ends_with(v, want);
      } else if (strcmp(n, "TargetMode") == 0) {
        external = strcmp(v, "External") == 0;
      }
    }
    xmlTextReaderMoveToElement(xr);
    if (have_target && !external) {
      if (wanted && lua_isnil(L, found)) {
        lua_pushvalue(L, top + 2);
        lua_replace(L, found);
      }
      if (by_id > 0 && have_id) {
        lua_pushvalue(L, top + 2);
        lua_setfield(L, by_id, lua_tostring(L, top + 1));
      }
    }
    lua_settop(L, top);
  }
  if (rc < 0) xlsx_part_raise(L, &r->meta, path, rels);
  xlsx_part_close(&r->meta);
}

/* Read the workbook part: the sheets in order, each {name=, part=} (part from rels). */
static void read_workbook(lua_State *L, xlsx_reader *r, const char *path, const char *wbpart,
                          int rels, int sheets) {
  int rc = xlsx_part_open(&r->meta, r->za, wbpart);
  if (rc == -1) luaL_error(L, "%s: not an xlsx file (no workbook part %s)", path, wbpart);
  if (rc == -2) xlsx_part_raise(L, &r->meta, path, wbpart);
  lua_Integer n = 0;
  while ((rc = xlsx_part_read(&r->meta)) == 1) {
    xmlTextReaderPtr xr = r->meta.xr;
    if (xmlTextReaderNodeType(xr) != XML_READER_TYPE_ELEMENT ||
        strcmp(xlsx_node_name(xr), "sheet") != 0) continue;
    lua_createtable(L, 0, 2);
    for (int ok = xmlTextReaderMoveToFirstAttribute(xr); ok == 1;
         ok = xmlTextReaderMoveToNextAttribute(xr)) {
      const char *an = xlsx_node_name(xr);
      const char *v = (const char *)xmlTextReaderConstValue(xr);
      if (v == NULL) continue;
      if (strcmp(an, "name") == 0) {
        lua_pushstring(L, v);
        lua_setfield(L, -2, "name");
      } else if (strcmp(an, "id") == 0 && xmlTextReaderConstNamespaceUri(xr) != NULL) {
        lua_getfield(L, rels, v);
        lua_setfield(L, -2, "part");
      }
    }
    xmlTextReaderMoveToElement(xr);
    if (lua_getfield(L, -1, "name") != LUA_TSTRING) {
      lua_pop(L, 2);
      continue;                            /* a sheet without a name cannot be asked for */
    }
    lua_pop(L, 1);
    lua_rawseti(L, sheets, ++n);
  }
  if (rc < 0) xlsx_part_raise(L, &r->meta, path, wbpart);
  xlsx_part_close(&r->meta);
}

/* Read the shared strings part into the array at index sst (1-based). */
static void read_shared_strings(lua_State *L, xlsx_reader *r, const char *path, const char *part,
                                int sst) {
  int rc = xlsx_part_open(&r->meta, r->za, part);
  if (rc == -1) return;
  if (rc == -2) xlsx_part_raise(L, &r->meta, path, part);
  lua_Integer n = 0;
  int in_si = 0, in_t = 0, in_rph = 0;
  while ((rc = xlsx_part_read(&r->meta)) == 1) {
    xmlTextReaderPtr xr = r->meta.xr;
    int type = xmlTextReaderNodeType(xr);
    if (type == XML_READER_TYPE_ELEMENT) {
      const char *name = xlsx_node_name(xr);
      int empty = xmlTextReaderIsEmptyElement(xr);
      if (strcmp(name, "si") == 0) {
        xbuf_reset(&r->text);
        if (empty) {
          lua_pushliteral(L, "");
          lua_rawseti(L, sst, ++n);
        } else {
          in_si = 1;
        }
      } else if (strcmp(name, "rPh") == 0 && !empty) {
        in_rph = 1;
      } else if (strcmp(name, "t") == 0 && !empty) {
        in_t = in_si && !in_rph;
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      const char *name = xlsx_node_name(xr);
      if (strcmp(name, "si") == 0 && in_si) {
        in_si = 0;
        size_t len = r->text.len > 0 ? xlsx_unescape(r->text.s, r->text.len) : 0;
        lua_pushlstring(L, r->text.s != NULL ? r->text.s : "", len);
        lua_rawseti(L, sst, ++n);
      } else if (strcmp(name, "rPh") == 0) {
        in_rph = 0;
      } else if (strcmp(name, "t") == 0) {
        in_t = 0;
      }
    } else if (in_t && is_text_node(type)) {
      const char *v = (const char *)xmlTextReaderConstValue(xr);
      if (v != NULL && xbuf_add(&r->text, v, strlen(v)) != 0)
        luaL_error(L, "%s: %s: out of memory", path, part);
    }
  }
  if (rc < 0) xlsx_part_raise(L, &r->meta, path, part);
  xlsx_part_close(&r->meta);
  xbuf_free(&r->text);
}

/* xlsx.open(path) → reader. */
int xlsx_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  xlsx_reader *r = lua_newuserdatauv(L, sizeof *r, 3);          /* 2 */
  memset(r, 0, sizeof *r);
  luaL_setmetatable(L, XLSX_READER_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, 2, 1);
  int ze = 0;
  r->za = zip_open(path, ZIP_RDONLY, &ze);
  if (r->za == NULL) raise_zip_open(L, r, path, ze);

  /* the workbook part: from the package relationships, else where Excel puts it */
  read_rels(L, r, path, "_rels/.rels", "", 0, "/officeDocument");  /* 3 */
  if (lua_isnil(L, 3)) {
    lua_pushliteral(L, "xl/workbook.xml");
    lua_replace(L, 3);
  }
  const char *wbpart = lua_tostring(L, 3);
  if (zip_name_locate(r->za, wbpart, ZIP_FL_NOCASE) < 0)
    return luaL_error(L, "%s: not an xlsx file (no workbook part %s)", path, wbpart);
  push_dir(L, wbpart);                                           /* 4: "xl/" */
  const char *base = lua_tostring(L, 4);
  lua_pushfstring(L, "%s_rels/%s.rels", base, wbpart + strlen(base));  /* 5 */
  lua_newtable(L);                                               /* 6: rels by id */
  read_rels(L, r, path, lua_tostring(L, 5), base, 6, "/sharedStrings");  /* 7 */
  if (lua_isnil(L, 7)) {
    lua_pushfstring(L, "%ssharedStrings.xml", base);
    lua_replace(L, 7);
  }
  lua_newtable(L);                                               /* 8: sheets */
  read_workbook(L, r, path, wbpart, 6, 8);
  lua_newtable(L);                                               /* 9: shared strings */
  read_shared_strings(L, r, path, lua_tostring(L, 7), 9);
  read_rels(L, r, path, lua_tostring(L, 5), base, 0, "/styles");  /* 10 */
  if (lua_isnil(L, 10)) {
    lua_pushfstring(L, "%sstyles.xml", base);
    lua_replace(L, 10);
  }
  xlsx_styles_read(L, &r->meta, r->za, path, lua_tostring(L, 10), &r->styles);
  lua_pushvalue(L, 8);
  lua_setiuservalue(L, 2, 2);
  lua_pushvalue(L, 9);
  lua_setiuservalue(L, 2, 3);
  lua_settop(L, 2);
  return 1;
}

/* ------------------------------------------------------------------ methods */

/* r:sheets() → array of sheet names in workbook order. */
static int reader_sheets(lua_State *L) {
  check_reader(L, 1);
  lua_getiuservalue(L, 1, 2);
  lua_Integer n = luaL_len(L, -1);
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, -2, i);
    lua_getfield(L, -1, "name");
    lua_rawseti(L, -3, i);
    lua_pop(L, 1);
  }
  return 1;
}

/* Push the {name=, part=} of the sheet asked for by argument `arg` (name, index or none). */
static void push_sheet(lua_State *L, int arg, const char *path) {
  lua_getiuservalue(L, 1, 2);
  int sheets = lua_gettop(L);
  lua_Integer n = luaL_len(L, sheets);
  if (lua_isnoneornil(L, arg)) {
    if (n == 0) luaL_error(L, "%s: the workbook has no sheets", path);
    lua_rawgeti(L, sheets, 1);
  } else if (lua_type(L, arg) == LUA_TNUMBER) {
    lua_Integer i = luaL_checkinteger(L, arg);
    if (i < 1 || i > n)
      luaL_error(L, "%s: no sheet %I (the workbook has %I sheet%s)", path, i, n, n == 1 ? "" : "s");
    lua_rawgeti(L, sheets, i);
  } else {
    const char *want = luaL_checkstring(L, arg);
    for (lua_Integer i = 1; i <= n; i++) {
      lua_rawgeti(L, sheets, i);
      lua_getfield(L, -1, "name");
      int same = strcmp(lua_tostring(L, -1), want) == 0;
      lua_pop(L, 1);
      if (same) {
        lua_remove(L, sheets);
        return;
      }
      lua_pop(L, 1);
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (lua_Integer i = 1; i <= n; i++) {
      if (i > 1) luaL_addstring(&b, ", ");
      lua_rawgeti(L, sheets, i);
      lua_getfield(L, -1, "name");
      lua_remove(L, -2);
      luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    luaL_error(L, "%s: no sheet named %s (sheets: %s)", path, want, lua_tostring(L, -1));
  }
  lua_remove(L, sheets);
}

static int rows_iter(lua_State *L);

/* opts[key]: a positive integer at most `most` (nil: most). */
static long bound_option(lua_State *L, int opts, const char *key, long most, const char *path) {
  int t = lua_getfield(L, opts, key);
  long v = most;
  if (t != LUA_TNIL) {
    int ok;
    lua_Integer i = lua_tointegerx(L, -1, &ok);
    if (!ok || i < 1 || i > most)
      return luaL_error(L, "%s: rows: option %s must be an integer from 1 to %d", path, key, (int)most);
    v = (long)i;
  }
  lua_pop(L, 1);
  return v;
}

/* r:rows([sheet [, opts]]) → iterator, nil, nil, closer: for row, cells in r:rows(s) do … end
** opts.merged: "first" (default: every row of a merged range holds its top-left value in the
** range's first column), "all" or true (every cell of the range), false (cells as stored);
** opts.dates (default true): numbers in date formats come as "YYYY-MM-DD"; opts.max_rows
** (default and most XLSX_MAX_ROWS) and opts.max_cells (XLSX_MAX_CELLS): the <row> and <c>
** elements the iterator reads before it raises "too many rows" / "too many cells" (a sheet of
** millions of empty rows is refused at the bound instead of read to its end). */
static int reader_rows(lua_State *L) {
  xlsx_reader *r = check_reader(L, 1);
  const char *path = xlsx_path(L, 1);
  lua_settop(L, 3);
  int merged = 1, dates = 1;                  /* merged: 0 none, 1 first column, 2 all */
  long max_rows = XLSX_MAX_ROWS, max_cells = XLSX_MAX_CELLS;
  if (!lua_isnil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, 3) != 0) {
      lua_pop(L, 1);
      const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
      if (strcmp(k, "merged") != 0 && strcmp(k, "dates") != 0 && strcmp(k, "max_rows") != 0 &&
          strcmp(k, "max_cells") != 0)
        return luaL_error(L, "%s: rows: unknown option %s (merged, dates, max_rows, max_cells)", path,
                          luaL_tolstring(L, -1, NULL));
    }
    max_rows = bound_option(L, 3, "max_rows", XLSX_MAX_ROWS, path);
    max_cells = bound_option(L, 3, "max_cells", XLSX_MAX_CELLS, path);
    int t = lua_getfield(L, 3, "merged");
    const char *m = t == LUA_TSTRING ? lua_tostring(L, -1) : "";
    if (t == LUA_TBOOLEAN) merged = lua_toboolean(L, -1) ? 2 : 0;
    else if (strcmp(m, "first") == 0) merged = 1;
    else if (strcmp(m, "all") == 0) merged = 2;
    else if (t != LUA_TNIL)
      return luaL_error(L, "%s: rows: option merged must be \"first\", \"all\", true or false", path);
    t = lua_getfield(L, 3, "dates");
    if (t != LUA_TNIL && t != LUA_TBOOLEAN)
      return luaL_error(L, "%s: rows: option dates must be a boolean", path);
    dates = t == LUA_TNIL || lua_toboolean(L, -1);
  }
  lua_settop(L, 2);
  push_sheet(L, 2, path);                                   /* 3: {name=, part=} */
  lua_getfield(L, 3, "name");                               /* 4 */
  lua_getfield(L, 3, "part");                               /* 5 */
  if (lua_isnil(L, 5))
    return luaL_error(L, "%s: sheet %s: the workbook names no part for it", path, lua_tostring(L, 4));
  rows_state *s = lua_newuserdatauv(L, sizeof *s, 6);      /* 6 */
  memset(s, 0, sizeof *s);
  s->dates = dates;
  s->max_rows = max_rows;
  s->max_cells = max_cells;
  luaL_setmetatable(L, XLSX_ROWS_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, 6, 1);
  lua_getiuservalue(L, 1, 3);
  lua_setiuservalue(L, 6, 2);
  lua_getiuservalue(L, 1, 1);
  lua_setiuservalue(L, 6, 3);
  lua_pushvalue(L, 4);
  lua_setiuservalue(L, 6, 4);
  lua_pushvalue(L, 5);
  lua_setiuservalue(L, 6, 5);
  lua_newtable(L);
  lua_setiuservalue(L, 6, 6);
  s->owner = r;
  s->next = r->streams;
  r->streams = s;
  const char *part = lua_tostring(L, 5);
  if (merged) {
    char *msg = NULL;
    int scanned = xlsx_merges_scan(&s->merges, r->za, part, &msg);
    s->merges.all = merged == 2;
    if (scanned != 0) {
      lua_pushfstring(L, "%s: sheet %s: %s", path, lua_tostring(L, 4),
                      msg != NULL ? msg : "out of memory");
      free(msg);
      rows_release(s);
      return lua_error(L);
    }
  }
  int rc = xlsx_part_open(&s->part, r->za, part);
  if (rc == -1)
    return luaL_error(L, "%s: sheet %s: its part %s is missing", path, lua_tostring(L, 4), part);
  if (rc == -2) xlsx_part_raise(L, &s->part, path, part);
  lua_pushvalue(L, 6);
  lua_pushcclosure(L, rows_iter, 1);
  lua_pushnil(L);
  lua_pushnil(L);
  lua_pushvalue(L, 6);
  return 4;
}

/* ------------------------------------------------------------------ rows */

enum cell_type { T_NUMBER, T_SHARED, T_STRING, T_INLINE, T_BOOL, T_ERROR, T_DATE };

static enum cell_type cell_type_of(const char *t) {
  if (strcmp(t, "s") == 0) return T_SHARED;
  if (strcmp(t, "str") == 0) return T_STRING;
  if (strcmp(t, "inlineStr") == 0) return T_INLINE;
  if (strcmp(t, "b") == 0) return T_BOOL;
  if (strcmp(t, "e") == 0) return T_ERROR;
  if (strcmp(t, "d") == 0) return T_DATE;
  return T_NUMBER;
}

/* Raise "FILE: sheet NAME: cell B3: message". */
static int cell_error(lua_State *L, rows_state *s, int col, long row, const char *msg) {
  int it = lua_upvalueindex(1);
  char letters[4];
  xlsx_col_name(col, letters);
  lua_getiuservalue(L, it, 3);
  lua_getiuservalue(L, it, 4);
  lua_pushfstring(L, "%s: sheet %s: cell %s%d: %s", lua_tostring(L, -2), lua_tostring(L, -1),
                  letters, (int)row, msg);
  rows_release(s);
  return lua_error(L);
}

/* Push a number: an integer when integral and representable, else a float. */
static void push_number(lua_State *L) {
  if (lua_isinteger(L, -1)) return;
  int exact;
  lua_Integer i = lua_tointegerx(L, -1, &exact);   /* only an integral, representable float */
  if (exact) {
    lua_pop(L, 1);
    lua_pushinteger(L, i);
  }
}

/* Push the value of the cell just read (its text in s->text), or return 0 for none. A number
** in a date style (is_date) is pushed as "YYYY-MM-DD" when it is a date serial. */
static int push_cell(lua_State *L, rows_state *s, enum cell_type type, int col, long row,
                     int is_date) {
  const char *v = s->text.s != NULL ? s->text.s : "";
  size_t len = s->text.len;
  switch (type) {
  case T_NUMBER:
    if (len == 0) return 0;
    if (lua_stringtonumber(L, v) == 0) return cell_error(L, s, col, row, "not a number");
    if (is_date && xlsx_push_date(L, lua_tonumber(L, -1)) == 0) {
      lua_remove(L, -2);
      return 1;
    }
    push_number(L);
    return 1;
  case T_SHARED: {
    if (lua_stringtonumber(L, v) == 0 || !lua_isinteger(L, -1))
      return cell_error(L, s, col, row, "bad shared string index");
    lua_Integer i = lua_tointeger(L, -1);
    lua_pop(L, 1);
    lua_getiuservalue(L, lua_upvalueindex(1), 2);
    if (i < 0 || i >= (lua_Integer)luaL_len(L, -1) || lua_rawgeti(L, -1, i + 1) != LUA_TSTRING)
      return cell_error(L, s, col, row, "shared string index out of range");
    lua_remove(L, -2);
    return 1;
  }
  case T_BOOL:
    if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0) lua_pushboolean(L, 1);
    else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0) lua_pushboolean(L, 0);
    else if (len == 0) return 0;
    else return cell_error(L, s, col, row, "bad boolean");
    return 1;
  case T_STRING:
  case T_INLINE:
    len = len > 0 ? xlsx_unescape(s->text.s, len) : 0;
    lua_pushlstring(L, v, len);
    return 1;
  case T_ERROR:
  case T_DATE:
    if (len == 0) return 0;
    lua_pushlstring(L, v, len);
    return 1;
  }
  return 0;
}

/* Read the cells of the row just opened into the table on top; returns the highest
** column holding a value (0 for none). */
static lua_Integer read_cells(lua_State *L, rows_state *s, long row, const char *path,
                              const char *part) {
  xmlTextReaderPtr xr = s->part.xr;
  int col = 0, in_is = 0, in_rph = 0, collect = 0, in_cell = 0, is_date = 0;
  enum cell_type type = T_NUMBER;
  const xlsx_styles *st = &s->owner->styles;
  lua_Integer n = 0;
  int rc;
  while ((rc = xlsx_part_read(&s->part)) == 1) {
    int nt = xmlTextReaderNodeType(xr);
    if (nt == XML_READER_TYPE_ELEMENT) {
      const char *name = xlsx_node_name(xr);
      int empty = xmlTextReaderIsEmptyElement(xr);
      if (strcmp(name, "c") == 0) {
        int c = 0;
        if (++s->cells_read > s->max_cells) {
          lua_pushfstring(L, "too many cells: a sheet is read up to %d cells", (int)s->max_cells);
          cell_error(L, s, col + 1 <= XLSX_MAX_COLS ? col + 1 : XLSX_MAX_COLS, row, lua_tostring(L, -1));
        }
        type = T_NUMBER;
        is_date = 0;
        for (int ok = xmlTextReaderMoveToFirstAttribute(xr); ok == 1;
             ok = xmlTextReaderMoveToNextAttribute(xr)) {
          const char *an = xlsx_node_name(xr);
          const char *v = (const char *)xmlTextReaderConstValue(xr);
          if (v == NULL) continue;
          if (strcmp(an, "r") == 0) {
            long rr;
            if (xlsx_parse_ref(v, &c, &rr) != 0 || c == 0) {
              lua_pushfstring(L, "bad cell reference '%s'", v);
              cell_error(L, s, col + 1, row, lua_tostring(L, -1));
            }
          } else if (strcmp(an, "t") == 0) {
            type = cell_type_of(v);
          } else if (strcmp(an, "s") == 0 && s->dates) {
            size_t xf = 0;
            int digits = *v != '\0';
            for (const char *d = v; *d != '\0'; d++) {
              if (*d < '0' || *d > '9' || xf > st->n) digits = 0;
              else xf = xf * 10 + (size_t)(*d - '0');
            }
            is_date = digits && xf < st->n && st->is_date[xf];
          }
        }
        xmlTextReaderMoveToElement(xr);
        col = c > 0 ? c : col + 1;
        if (col > XLSX_MAX_COLS) cell_error(L, s, XLSX_MAX_COLS, row, "too many columns");
        xbuf_reset(&s->text);
        in_cell = !empty;
        in_is = in_rph = collect = 0;
      } else if (!in_cell || empty) {
        continue;
      } else if (strcmp(name, "v") == 0) {
        collect = 1;
      } else if (strcmp(name, "is") == 0) {
        in_is = 1;
      } else if (strcmp(name, "rPh") == 0) {
        in_rph = 1;
      } else if (strcmp(name, "t") == 0) {
        collect = in_is && !in_rph;
      }
    } else if (nt == XML_READER_TYPE_END_ELEMENT) {
      const char *name = xlsx_node_name(xr);
      if (strcmp(name, "c") == 0) {
        if (in_cell && push_cell(L, s, type, col, row, is_date)) {
          lua_rawseti(L, -2, col);
          if (col > n) n = col;
        }
        in_cell = 0;
      } else if (strcmp(name, "row") == 0) {
        return n;
      } else if (strcmp(name, "v") == 0 || strcmp(name, "t") == 0) {
        collect = 0;
      } else if (strcmp(name, "is") == 0) {
        in_is = 0;
      } else if (strcmp(name, "rPh") == 0) {
        in_rph = 0;
      }
    } else if (collect && is_text_node(nt)) {
      const char *v = (const char *)xmlTextReaderConstValue(xr);
      if (v != NULL && xbuf_add(&s->text, v, strlen(v)) != 0)
        cell_error(L, s, col, row, "out of memory");
    }
  }
  /* an error, or the end of the part inside a row (which libxml2 reports as an error) */
  return rows_raise(L, s, path, part);
}

/* Read on to the next <row> element of the part: s->pending is its number (and the part is on
** it), or s->xml_end is set at the end of the part. */
static void next_row_element(lua_State *L, rows_state *s, const char *path, const char *part) {
  xmlTextReaderPtr xr = s->part.xr;
  int rc;
  while ((rc = xlsx_part_read(&s->part)) == 1) {
    if (xmlTextReaderNodeType(xr) != XML_READER_TYPE_ELEMENT || strcmp(xlsx_node_name(xr), "row") != 0)
      continue;
    long row = 0;
    if (++s->rows_read > s->max_rows) {
      lua_pushfstring(L, "too many rows: a sheet is read up to %d rows", (int)s->max_rows);
      cell_error(L, s, 1, s->last_row + 1, lua_tostring(L, -1));
    }
    s->pending_empty = xmlTextReaderIsEmptyElement(xr);
    for (int ok = xmlTextReaderMoveToFirstAttribute(xr); ok == 1;
         ok = xmlTextReaderMoveToNextAttribute(xr)) {
      if (strcmp(xlsx_node_name(xr), "r") != 0) continue;
      const char *v = (const char *)xmlTextReaderConstValue(xr);
      int c;
      if (v == NULL || xlsx_parse_ref(v, &c, &row) != 0 || c != 0 || row == 0) {
        lua_pushfstring(L, "bad row number '%s'", v != NULL ? v : "");
        cell_error(L, s, 1, s->last_row + 1, lua_tostring(L, -1));
      }
    }
    xmlTextReaderMoveToElement(xr);
    if (row == 0) row = s->last_row + 1;
    s->last_row = row;
    s->pending = row;
    return;
  }
  if (rc < 0) rows_raise(L, s, path, part);
  s->xml_end = 1;
  xlsx_part_close(&s->part);
}

/* The iterator: the next row that holds a value (its own, or a merged range's). */
static int rows_iter(lua_State *L) {
  rows_state *s = luaL_checkudata(L, lua_upvalueindex(1), XLSX_ROWS_MT);
  lua_getiuservalue(L, lua_upvalueindex(1), 3);
  const char *path = lua_tostring(L, -1);
  if (s->done) return 0;
  if (s->owner == NULL) return luaL_error(L, "%s: the xlsx reader is closed", path);
  lua_getiuservalue(L, lua_upvalueindex(1), 5);
  const char *part = lua_tostring(L, -1);
  lua_getiuservalue(L, lua_upvalueindex(1), 6);
  int values = lua_gettop(L);
  for (;;) {
    if (s->pending == 0 && !s->xml_end) next_row_element(L, s, path, part);
    long fill = xlsx_merges_next_fill(&s->merges);
    long row;
    lua_newtable(L);
    lua_Integer n = 0;
    if (s->pending != 0 && (fill == 0 || s->pending <= fill)) {
      row = s->pending;                     /* a row of the sheet */
      s->pending = 0;
      if (!s->pending_empty) n = read_cells(L, s, row, path, part);
    } else if (fill != 0) {
      row = fill;                           /* a row only a merged range gives values */
    } else {
      rows_release(s);
      return 0;
    }
    const char *err;
    if (xlsx_merges_apply(L, &s->merges, row, values + 1, values, &n, &err) != 0)
      return cell_error(L, s, 1, row, err);
    if (n == 0) {
      lua_pop(L, 1);
      continue;
    }
    lua_pushinteger(L, n);
    lua_setfield(L, -2, "n");
    lua_pushinteger(L, row);
    lua_insert(L, -2);
    return 2;
  }
}

/* ------------------------------------------------------------------ registration */

static const luaL_Reg reader_methods[] = {
  { "sheets", reader_sheets }, { "rows", reader_rows }, { "close", reader_close }, { NULL, NULL },
};

static const luaL_Reg reader_meta[] = {
  { "__gc", reader_close }, { "__close", reader_close }, { NULL, NULL },
};

static const luaL_Reg rows_methods[] = { { "close", rows_close }, { NULL, NULL } };

static const luaL_Reg rows_meta[] = {
  { "__gc", rows_close }, { "__close", rows_close }, { NULL, NULL },
};

void xlsx_reader_register(lua_State *L) {
  ptk_new_class(L, XLSX_READER_MT, reader_meta, reader_methods);
  ptk_new_class(L, XLSX_ROWS_MT, rows_meta, rows_methods);
}
