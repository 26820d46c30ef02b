/*
** xlsx_write.c — the writer object of policytk.xlsx over libxlsxwriter: xlsx.writer(path)
** → wb with wb:format{…}, wb:sheet(name [, opts]) → ws (ws:write, ws:write_row,
** ws:set_column, ws:freeze, ws:autofilter, ws:validate_list, ws:comment, ws:hide, ws:protect)
** and wb:close(). Sheets and formats keep their workbook alive
** and refuse to work once it is closed; an unclosed workbook is discarded by __gc.
*/
#include <errno.h>
#include <math.h>
#include <string.h>

#include <lauxlib.h>
#include <xlsxwriter.h>

#include "policytk.h"
#include "xlsx.h"

/* The workbook. User value 1: the path. */
typedef struct xlsx_wb {
  lxw_workbook *wb;     /* NULL once closed or discarded */
} xlsx_wb;

/* A worksheet. User values: 1 the workbook, 2 the sheet's name. */
typedef struct xlsx_ws {
  lxw_worksheet *ws;
  xlsx_wb *owner;
} xlsx_ws;

/* A format. User value 1: the workbook. */
typedef struct xlsx_fmt {
  lxw_format *fmt;
  xlsx_wb *owner;
} xlsx_fmt;

/* The workbook at idx, which must be open. */
static xlsx_wb *check_wb(lua_State *L, int idx) {
  xlsx_wb *w = luaL_checkudata(L, idx, XLSX_WORKBOOK_MT);
  if (w->wb == NULL) xlsx_closed(L, idx, "workbook");
  return w;
}

/* The worksheet at idx, its workbook's path and its name (both kept alive by the sheet). */
static xlsx_ws *check_ws(lua_State *L, int idx, const char **path, const char **name) {
  xlsx_ws *s = luaL_checkudata(L, idx, XLSX_SHEET_MT);
  lua_getiuservalue(L, idx, 1);
  *path = xlsx_path(L, lua_gettop(L));
  lua_pop(L, 1);
  lua_getiuservalue(L, idx, 2);
  *name = lua_tostring(L, -1);
  lua_pop(L, 1);
  if (s->owner->wb == NULL) luaL_error(L, "%s: sheet %s: the xlsx workbook is closed", *path, *name);
  return s;
}

/* The optional format argument at idx for a sheet of workbook `owner`; NULL when absent. */
static lxw_format *opt_format(lua_State *L, int idx, xlsx_wb *owner) {
  if (lua_isnoneornil(L, idx)) return NULL;
  xlsx_fmt *f = luaL_checkudata(L, idx, XLSX_FORMAT_MT);
  if (f->owner != owner) luaL_argerror(L, idx, "the format belongs to another workbook");
  return f->fmt;
}

static lua_Integer check_index(lua_State *L, int arg, lua_Integer limit, const char *what) {
  lua_Integer i = luaL_checkinteger(L, arg);
  if (i < 0 || i >= limit)
    luaL_error(L, "bad argument #%d (%s %I out of range 0..%I)", arg - 1, what, i, limit - 1);
  return i;
}

/* Raise "PATH: sheet NAME: cell B3: message". */
static int cell_error(lua_State *L, const char *path, const char *name, lua_Integer row,
                      lua_Integer col, const char *msg) {
  char letters[4];
  xlsx_col_name((int)col + 1, letters);
  return luaL_error(L, "%s: sheet %s: cell %s%I: %s", path, name, letters, row + 1, msg);
}

static int is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* 1 when s[i..] reads _xHHHH_, which a reader would take for an escaped character. */
static int escape_like(const char *s, size_t n, size_t i) {
  return s[i] == '_' && i + 7 <= n && s[i + 1] == 'x' && is_hex(s[i + 2]) && is_hex(s[i + 3]) &&
         is_hex(s[i + 4]) && is_hex(s[i + 5]) && s[i + 6] == '_';
}

/* libxlsxwriter escapes control characters as _xHHHH_ but leaves text that already reads
** that way alone; escape its underscore as _x005F_ (as Excel does) so that it reads back as
** written. Pushes the escaped text and returns 1, or returns 0 when nothing needs it. */
static int push_escaped(lua_State *L, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && !escape_like(s, n, i)) i++;
  if (i == n) return 0;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (i = 0; i < n; i++) {
    if (escape_like(s, n, i)) luaL_addstring(&b, "_x005F_");
    else luaL_addchar(&b, s[i]);
  }
  luaL_pushresult(&b);
  return 1;
}

/* Write the Lua value at idx to (row, col). */
static void write_value(lua_State *L, xlsx_ws *s, const char *path, const char *name,
                        lua_Integer row, lua_Integer col, int idx, lxw_format *fmt) {
  lxw_error e = LXW_NO_ERROR;
  lxw_row_t r = (lxw_row_t)row;
  lxw_col_t c = (lxw_col_t)col;
  switch (lua_type(L, idx)) {
  case LUA_TNIL:
    e = worksheet_write_blank(s->ws, r, c, fmt);
    break;
  case LUA_TBOOLEAN:
    e = worksheet_write_boolean(s->ws, r, c, lua_toboolean(L, idx), fmt);
    break;
  case LUA_TNUMBER: {
    double d;
    if (lua_isinteger(L, idx)) {
      lua_Integer i = lua_tointeger(L, idx);
      if (i > 9007199254740992LL || i < -9007199254740992LL)
        cell_error(L, path, name, row, col, "integer too large to store exactly (more than 2^53)");
      d = (double)i;
    } else {
      d = lua_tonumber(L, idx);
      if (!isfinite(d)) cell_error(L, path, name, row, col, "not a finite number");
    }
    e = worksheet_write_number(s->ws, r, c, d, fmt);
    break;
  }
  case LUA_TSTRING: {
    size_t n;
    const char *str = lua_tolstring(L, idx, &n);
    if (strlen(str) != n) cell_error(L, path, name, row, col, "text holds a zero byte");
    size_t bad = ptk_utf8_check(str, n);
    if (bad != n) {
      lua_pushfstring(L, "text is not valid UTF-8 (byte %d)", (int)bad + 1);
      cell_error(L, path, name, row, col, lua_tostring(L, -1));
    }
    if (push_escaped(L, str, n)) str = lua_tostring(L, -1);
    e = worksheet_write_string(s->ws, r, c, str, fmt);
    break;
  }
  default:
    lua_pushfstring(L, "cannot write a %s (string, number, boolean or nil)", luaL_typename(L, idx));
    cell_error(L, path, name, row, col, lua_tostring(L, -1));
  }
  if (e != LXW_NO_ERROR) cell_error(L, path, name, row, col, lxw_strerror(e));
}

/* ws:write(row, col, value [, format]) — 0-based row and column. */
static int ws_write(lua_State *L) {
  const char *path, *name;
  xlsx_ws *s = check_ws(L, 1, &path, &name);
  lua_Integer row = check_index(L, 2, XLSX_MAX_ROWS, "row");
  lua_Integer col = check_index(L, 3, XLSX_MAX_COLS, "column");
  luaL_checkany(L, 4);
  lxw_format *fmt = opt_format(L, 5, s->owner);
  write_value(L, s, path, name, row, col, 4, fmt);
  return 0;
}

/* ws:write_row(row, values [, format]) — values[1..n] (n = values.n or #values) to
** columns 0..n-1. */
static int ws_write_row(lua_State *L) {
  const char *path, *name;
  xlsx_ws *s = check_ws(L, 1, &path, &name);
  lua_Integer row = check_index(L, 2, XLSX_MAX_ROWS, "row");
  luaL_checktype(L, 3, LUA_TTABLE);
  lxw_format *fmt = opt_format(L, 4, s->owner);
  lua_Integer n;
  if (lua_getfield(L, 3, "n") == LUA_TNUMBER) n = luaL_checkinteger(L, -1);
  else n = (lua_Integer)luaL_len(L, 3);
  lua_pop(L, 1);
  if (n > XLSX_MAX_COLS) return luaL_error(L, "%s: sheet %s: row of %I values (at most %d)", path, name, n, XLSX_MAX_COLS);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, 3, i);
    write_value(L, s, path, name, row, i - 1, lua_gettop(L), fmt);
    lua_pop(L, 1);
  }
  return 0;
}

/* ws:set_column(first, last, width [, format]) */
static int ws_set_column(lua_State *L) {
  const char *path, *name;
  xlsx_ws *s = check_ws(L, 1, &path, &name);
  lua_Integer first = check_index(L, 2, XLSX_MAX_COLS, "column");
  lua_Integer last = check_index(L, 3, XLSX_MAX_COLS, "column");
  lua_Number width = luaL_checknumber(L, 4);
  lxw_format *fmt = opt_format(L, 5, s->owner);
  if (last < first) return luaL_argerror(L, 3, "last column before the first");
  if (!(width >= 0 && width <= 255)) return luaL_argerror(L, 4, "width out of range 0..255");
  lxw_error e = worksheet_set_column(s->ws, (lxw_col_t)first, (lxw_col_t)last, width, fmt);
  if (e != LXW_NO_ERROR) return luaL_error(L, "%s: sheet %s: %s", path, name, lxw_strerror(e));
  return 0;
}

/* ws:freeze(row, col) — rows above `row` and columns left of `col` stay in view. */
static int ws_freeze(lua_State *L) {
  const char *path, *name;
  xlsx_ws *s = check_ws(L, 1, &path, &name);
  lua_Integer row = check_index(L, 2, XLSX_MAX_ROWS, "row");
  lua_Integer col = check_index(L, 3, XLSX_MAX_COLS, "column");
  worksheet_freeze_panes(s->ws, (lxw_row_t)row, (lxw_col_t)col);
  return 0;
}

/* ws:autofilter(r1, c1, r2, c2) */
static int ws_autofilter(lua_State *L) {
  const char *path, *name;
  xlsx_ws *s = check_ws(L, 1, &path, &name);
  lua_Integer r1 = check_index(L, 2, XLSX_MAX_ROWS, "row");
  lua_Integer c1 = check_index(L, 3, XLSX_MAX_COLS, "column");
  lua_Integer r2 = check_index(L, 4, XLSX_MAX_ROWS, "row");
  lua_Integer c2 = check_index(L, 5, XLSX_MAX_COLS, "column");
  lxw_error e = worksheet_autofilter(s->ws, (lxw_row_t)r1, (lxw_col_t)c1, (lxw_row_t)r2,
                                     (lxw_col_t)c2);
  if (e != LXW_NO_ERROR) return luaL_error(L, "%s: sheet %s: %s", path, name, lxw_strerror(e));
  return 0;
}

/* UTF-8 text of at most `max` characters without zero bytes at idx, or raise naming `what`;
** *chars (may be NULL) gets its length in characters. */
static const char *check_text(lua_State *L, int idx, const char *path, const char *name,
                              const char *what, size_t max, size_t *chars) {
  size_t n;
  if (lua_type(L, idx) != LUA_TSTRING) luaL_error(L, "%s: sheet %s: %s must be a string", path, name, what);
  const char *s = lua_tolstring(L, idx, &n);
  if (strlen(s) != n || ptk_utf8_check(s, n) != n)
    luaL_error(L, "%s: sheet %s: %s is not valid UTF-8 text", path, name, what);
  size_t c = 0;
  for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
  if (c > max) luaL_error(L, "%s: sheet %s: %s is longer than %d characters", path, name, what, (int)max);
  if (chars != NULL) *chars = c;
  return s;
}

/* The optional string option `key` of the table at idx, checked by check_text; or NULL. */
static char *opt_text(lua_State *L, int idx, const char *key, const char *path, const char *name,
                      size_t max) {
  if (lua_getfield(L, idx, key) == LUA_TNIL) {
    lua_pop(L, 1);
    return NULL;
  }
  /* the string stays on the stack (and so alive) until the function returns */
  return (char *)check_text(L, lua_gettop(L), path, name, key, max, NULL);
}

/* Check that every key of the options table at idx is one of `known` (NULL-terminated). */
static void check_keys(lua_State *L, int idx, const char *const known[], const char *path,
                       const char *what) {
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    lua_pop(L, 1);
    const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    int ok = 0;
    for (int i = 0; known[i] != NULL; i++) ok |= strcmp(k, known[i]) == 0;
    if (!ok) {
      lua_pushvalue(L, -1);
      luaL_error(L, "%s: %s: unknown option %s", path, what, luaL_tolstring(L, -1, NULL));
    }
  }
}

#define LIST_MAX_CHARS 255     /* Excel's limit for a list written out, commas included */
#define LIST_MAX_ITEMS 4096

/*
** ws:validate_list(first_row, first_col, last_row, last_col, list [, opts]) — a drop-down of
** `list` on the range (0-based, inclusive). list: an array of strings (at most 255 characters
** in all, commas between them included; no item with a comma or a double quote), or
** { source = "=Sheet!$A$1:$A$20" } (a range holding the choices, for longer lists).
** opts: error_title (≤ 32 characters), error_message (≤ 255), input_title (≤ 32),
** input_message (≤ 255), error_type ("stop" default, "warning", "information"),
** ignore_blank (default true), dropdown (default true).
*/
static int ws_validate_list(lua_State *L) {
  const char *path, *name;
  xlsx_ws *s = check_ws(L, 1, &path, &name);
  lua_Integer r1 = check_index(L, 2, XLSX_MAX_ROWS, "row");
  lua_Integer c1 = check_index(L, 3, XLSX_MAX_COLS, "column");
  lua_Integer r2 = check_index(L, 4, XLSX_MAX_ROWS, "row");
  lua_Integer c2 = check_index(L, 5, XLSX_MAX_COLS, "column");
  luaL_checktype(L, 6, LUA_TTABLE);
  if (!lua_isnoneornil(L, 7)) luaL_checktype(L, 7, LUA_TTABLE);
  lua_settop(L, 7);
  if (r2 < r1) return luaL_argerror(L, 4, "last row before the first");
  if (c2 < c1) return luaL_argerror(L, 5, "last column before the first");
  lxw_data_validation v;
  memset(&v, 0, sizeof v);
  if (lua_getfield(L, 6, "source") != LUA_TNIL) {
    static const char *const keys[] = { "source", NULL };
    check_keys(L, 6, keys, path, "validate_list");
    const char *src = check_text(L, lua_gettop(L), path, name, "list source", 255, NULL);
    if (src[0] != '=' || src[1] == '\0')
      return luaL_error(L, "%s: sheet %s: list source must be a range such as \"=Sheet!$A$1:$A$20\"",
                        path, name);
    v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    v.value_formula = (char *)src;
  } else {
    lua_Integer n = (lua_Integer)luaL_len(L, 6);
    if (n < 1) return luaL_error(L, "%s: sheet %s: validate_list: the list is empty", path, name);
    if (n > LIST_MAX_ITEMS)
      return luaL_error(L, "%s: sheet %s: validate_list: more than %d items (use { source = … })",
                        path, name, LIST_MAX_ITEMS);
    char **items = lua_newuserdatauv(L, sizeof(char *) * (size_t)(n + 1), 0);
    int anchor = lua_gettop(L);
    size_t total = 0;
    for (lua_Integer i = 1; i <= n; i++) {
      lua_geti(L, 6, i);
      lua_pushfstring(L, "list item %I", i);
      size_t chars;
      const char *item = check_text(L, lua_gettop(L) - 1, path, name, lua_tostring(L, -1),
                                    LIST_MAX_CHARS, &chars);
      lua_pop(L, 1);
      if (chars == 0 || strpbrk(item, ",\"") != NULL)
        return luaL_error(L, "%s: sheet %s: validate_list: item %I is empty or holds a comma or a "
                          "double quote", path, name, i);
      total += chars + (i > 1);
      items[i - 1] = (char *)item;         /* kept alive by the table at 6 */
      lua_pop(L, 1);
    }
    items[n] = NULL;
    if (total > LIST_MAX_CHARS)
      return luaL_error(L, "%s: sheet %s: validate_list: the list is %d characters with its commas; "
                        "Excel allows %d (put the choices on a sheet and use { source = \"=Sheet!$A$1:$A$%d\" })",
                        path, name, (int)total, LIST_MAX_CHARS, (int)n);
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = items;
    lua_settop(L, anchor);
  }
  if (!lua_isnil(L, 7)) {
    static const char *const keys[] = { "error_title", "error_message", "input_title", "input_message",
                                        "error_type", "ignore_blank", "dropdown", NULL };
    check_keys(L, 7, keys, path, "validate_list");
    v.error_title = opt_text(L, 7, "error_title", path, name, 32);
    v.error_message = opt_text(L, 7, "error_message", path, name, 255);
    v.input_title = opt_text(L, 7, "input_title", path, name, 32);
    v.input_message = opt_text(L, 7, "input_message", path, name, 255);
    if (lua_getfield(L, 7, "error_type") != LUA_TNIL) {
      const char *t = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
      if (strcmp(t, "stop") == 0) v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      else if (strcmp(t, "warning") == 0) v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      else if (strcmp(t, "information") == 0) v.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
      else return luaL_error(L, "%s: sheet %s: error_type must be \"stop\", \"warning\" or \"information\"",
                             path, name);
    }
    static const char *const flags[] = { "ignore_blank", "dropdown" };
    for (int i = 0; i < 2; i++) {
      int t = lua_getfield(L, 7, flags[i]);
      if (t != LUA_TNIL && t != LUA_TBOOLEAN)
        return luaL_error(L, "%s: sheet %s: %s must be a boolean", path, name, flags[i]);
      uint8_t off = t == LUA_TBOOLEAN && !lua_toboolean(L, -1) ? LXW_VALIDATION_OFF : LXW_VALIDATION_DEFAULT;
      if (i == 0) v.ignore_blank = off;
      else v.dropdown = off;
    }
  }
  lxw_error e = worksheet_data_validation_range(s->ws, (lxw_row_t)r1, (lxw_col_t)c1, (lxw_row_t)r2,
                                                (lxw_col_t)c2, &v);
  if (e != LXW_NO_ERROR) return luaL_error(L, "%s: sheet %s: validate_list: %s", path, name, lxw_strerror(e));
  return 0;
}

/* ws:comment(row, col, text [, opts]) — a cell note; opts.author (text), opts.visible (boolean). */
static int ws_comment(lua_State *L) {
  const char *path, *name;
  xlsx_ws *s = check_ws(L, 1, &path, &name);
  lua_Integer row = check_index(L, 2, XLSX_MAX_ROWS, "row");
  lua_Integer col = check_index(L, 3, XLSX_MAX_COLS, "column");
  const char *text = check_text(L, 4, path, name, "comment", 32767, NULL);
  lxw_comment_options o;
  memset(&o, 0, sizeof o);
  if (!lua_isnoneornil(L, 5)) {
    luaL_checktype(L, 5, LUA_TTABLE);
    lua_settop(L, 5);
    static const char *const keys[] = { "author", "visible", NULL };
    check_keys(L, 5, keys, path, "comment");
    o.author = opt_text(L, 5, "author", path, name, 255);
    int t = lua_getfield(L, 5, "visible");
    if (t != LUA_TNIL && t != LUA_TBOOLEAN)
      return luaL_error(L, "%s: sheet %s: visible must be a boolean", path, name);
    if (lua_toboolean(L, -1)) o.visible = LXW_COMMENT_DISPLAY_VISIBLE;
  }
  lxw_error e = worksheet_write_comment_opt(s->ws, (lxw_row_t)row, (lxw_col_t)col, text, &o);
  if (e != LXW_NO_ERROR) return cell_error(L, path, name, row, col, lxw_strerror(e));
  return 0;
}

/* ws:hide() — the sheet is hidden. wb:close shows the first visible sheet on opening when the
** active one (the first, by default) is hidden; with every sheet hidden, libxlsxwriter shows
** the first. */
static int ws_hide(lua_State *L) {
  const char *path, *name;
  xlsx_ws *s = check_ws(L, 1, &path, &name);
  worksheet_hide(s->ws);
  return 0;
}

/* ws:protect([password]) — the sheet's cells are locked against editing (the password, if
** any, is only Excel's weak 16-bit hash: a guard against slips, not security). */
static int ws_protect(lua_State *L) {
  const char *path, *name;
  xlsx_ws *s = check_ws(L, 1, &path, &name);
  const char *pw = NULL;
  if (!lua_isnoneornil(L, 2)) pw = check_text(L, 2, path, name, "password", 255, NULL);
  worksheet_protect(s->ws, pw, NULL);
  return 0;
}

/* ws:name() */
static int ws_name(lua_State *L) {
  luaL_checkudata(L, 1, XLSX_SHEET_MT);
  lua_getiuservalue(L, 1, 2);
  return 1;
}

/* ------------------------------------------------------------------ workbook */

/* "#RRGGBB" → 0xRRGGBB, or -1. */
static long parse_color(const char *s) {
  if (s[0] != '#' || strlen(s) != 7) return -1;
  long v = 0;
  for (int i = 1; i < 7; i++) {
    char c = s[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/* wb:format{bold=, italic=, font_color=, bg_color=, num_format=, align=, wrap=, border=} */
static int wb_format(lua_State *L) {
  xlsx_wb *w = check_wb(L, 1);
  const char *path = xlsx_path(L, 1);
  if (lua_isnoneornil(L, 2)) lua_newtable(L), lua_replace(L, 2);
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  /* check every key first, so that a typo fails before anything is added */
  lua_pushnil(L);
  while (lua_next(L, 2) != 0) {
    lua_pop(L, 1);
    const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    static const char *const known[] = { "bold", "italic", "font_color", "bg_color", "num_format",
                                         "align", "wrap", "border", NULL };
    int ok = 0;
    for (int i = 0; known[i] != NULL; i++) ok |= strcmp(k, known[i]) == 0;
    if (!ok) {
      lua_pushvalue(L, -1);
      return luaL_error(L, "%s: format: unknown option %s (bold, italic, font_color, bg_color, "
                        "num_format, align, wrap, border)", path, luaL_tolstring(L, -1, NULL));
    }
  }
  long font_color = -1, bg_color = -1;
  const char *num_format = NULL;
  int align = -1, border = -1;
  if (lua_getfield(L, 2, "font_color") != LUA_TNIL &&
      (!lua_isstring(L, -1) || (font_color = parse_color(lua_tostring(L, -1))) < 0))
    return luaL_error(L, "%s: format: font_color must be \"#RRGGBB\"", path);
  if (lua_getfield(L, 2, "bg_color") != LUA_TNIL &&
      (!lua_isstring(L, -1) || (bg_color = parse_color(lua_tostring(L, -1))) < 0))
    return luaL_error(L, "%s: format: bg_color must be \"#RRGGBB\"", path);
  if (lua_getfield(L, 2, "num_format") != LUA_TNIL) {
    size_t n;
    if (lua_type(L, -1) != LUA_TSTRING) return luaL_error(L, "%s: format: num_format must be a string", path);
    num_format = lua_tolstring(L, -1, &n);
    if (n == 0 || n >= LXW_FORMAT_FIELD_LEN || ptk_utf8_check(num_format, n) != n ||
        strlen(num_format) != n)
      return luaL_error(L, "%s: format: num_format must be UTF-8 text of 1 to %d bytes", path,
                        LXW_FORMAT_FIELD_LEN - 1);
  }
  if (lua_getfield(L, 2, "align") != LUA_TNIL) {
    const char *a = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    if (strcmp(a, "left") == 0) align = LXW_ALIGN_LEFT;
    else if (strcmp(a, "center") == 0) align = LXW_ALIGN_CENTER;
    else if (strcmp(a, "right") == 0) align = LXW_ALIGN_RIGHT;
    else return luaL_error(L, "%s: format: align must be \"left\", \"center\" or \"right\"", path);
  }
  if (lua_getfield(L, 2, "border") != LUA_TNIL) {
    if (lua_type(L, -1) == LUA_TBOOLEAN) border = lua_toboolean(L, -1) ? LXW_BORDER_THIN : LXW_BORDER_NONE;
    else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 0 && lua_tointeger(L, -1) <= 13)
      border = (int)lua_tointeger(L, -1);
    else return luaL_error(L, "%s: format: border must be true, false or a style 0..13", path);
  }
  int bold = lua_getfield(L, 2, "bold") != LUA_TNIL && lua_toboolean(L, -1);
  int italic = lua_getfield(L, 2, "italic") != LUA_TNIL && lua_toboolean(L, -1);
  int wrap = lua_getfield(L, 2, "wrap") != LUA_TNIL && lua_toboolean(L, -1);

  xlsx_fmt *f = lua_newuserdatauv(L, sizeof *f, 1);
  f->fmt = NULL;
  f->owner = w;
  luaL_setmetatable(L, XLSX_FORMAT_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  f->fmt = workbook_add_format(w->wb);
  if (f->fmt == NULL) return luaL_error(L, "%s: format: out of memory", path);
  if (bold) format_set_bold(f->fmt);
  if (italic) format_set_italic(f->fmt);
  if (wrap) format_set_text_wrap(f->fmt);
  if (font_color >= 0) format_set_font_color(f->fmt, (lxw_color_t)font_color);
  if (bg_color >= 0) format_set_bg_color(f->fmt, (lxw_color_t)bg_color);
  if (num_format != NULL) format_set_num_format(f->fmt, num_format);
  if (align >= 0) format_set_align(f->fmt, (uint8_t)align);
  if (border >= 0) format_set_border(f->fmt, (uint8_t)border);
  return 1;
}

/* wb:sheet([name [, opts]]) → a new worksheet (names must be unique, at most 31 characters);
** opts.hidden (boolean). */
static int wb_sheet(lua_State *L) {
  xlsx_wb *w = check_wb(L, 1);
  const char *path = xlsx_path(L, 1);
  const char *name = luaL_optstring(L, 2, NULL);
  int hidden = 0;
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    static const char *const keys[] = { "hidden", NULL };
    check_keys(L, 3, keys, path, "sheet");
    int t = lua_getfield(L, 3, "hidden");
    if (t != LUA_TNIL && t != LUA_TBOOLEAN) return luaL_error(L, "%s: sheet: hidden must be a boolean", path);
    hidden = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  if (name != NULL) {
    size_t n = lua_rawlen(L, 2);
    if (ptk_utf8_check(name, n) != n || strlen(name) != n)
      return luaL_error(L, "%s: sheet name is not valid UTF-8 text", path);
    lxw_error e = workbook_validate_sheet_name(w->wb, name);
    if (e != LXW_NO_ERROR) return luaL_error(L, "%s: sheet name '%s': %s", path, name, lxw_strerror(e));
  }
  xlsx_ws *s = lua_newuserdatauv(L, sizeof *s, 2);
  s->ws = NULL;
  s->owner = w;
  luaL_setmetatable(L, XLSX_SHEET_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  s->ws = workbook_add_worksheet(w->wb, name);
  if (s->ws == NULL) return luaL_error(L, "%s: cannot add sheet %s", path, name ? name : "(unnamed)");
  lua_pushstring(L, s->ws->name);
  lua_setiuservalue(L, -2, 2);
  if (hidden) worksheet_hide(s->ws);
  return 1;
}

/* wb:close() — write the file. Raises with the path and libxlsxwriter's reason. A second
** close does nothing. */
static int wb_close(lua_State *L) {
  xlsx_wb *w = luaL_checkudata(L, 1, XLSX_WORKBOOK_MT);
  if (w->wb == NULL) return 0;
  lxw_workbook *wb = w->wb;
  w->wb = NULL;                        /* workbook_close frees it, whatever the outcome */
  /* a hidden sheet cannot be the one shown on opening: show the first visible one */
  lxw_worksheet *ws, *active = NULL, *visible = NULL;
  STAILQ_FOREACH(ws, wb->worksheets, list_pointers) {
    if (ws->index == wb->active_sheet) active = ws;
    if (!ws->hidden && visible == NULL) visible = ws;
  }
  if (active != NULL && active->hidden && visible != NULL) worksheet_activate(visible);
  errno = 0;
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    int en = errno;
    const char *path = xlsx_path(L, 1);
    if (e == LXW_ERROR_CREATING_XLSX_FILE && en != 0)
      return luaL_error(L, "%s: cannot write xlsx: %s (%s)", path, lxw_strerror(e), strerror(en));
    return luaL_error(L, "%s: cannot write xlsx: %s", path, lxw_strerror(e));
  }
  lua_pushboolean(L, 1);
  return 1;
}

/* __gc: an unclosed workbook is discarded (no file is written). */
static int wb_gc(lua_State *L) {
  xlsx_wb *w = luaL_checkudata(L, 1, XLSX_WORKBOOK_MT);
  if (w->wb != NULL) lxw_workbook_free(w->wb);
  w->wb = NULL;
  return 0;
}

/* __close: on a normal exit from the scope, close (write) the workbook; when the scope is
** left by an error, discard it. */
static int wb_toclose(lua_State *L) {
  if (!lua_isnoneornil(L, 2)) return wb_gc(L);
  lua_settop(L, 1);
  return wb_close(L);
}

static int wb_tostring(lua_State *L) {
  xlsx_wb *w = luaL_checkudata(L, 1, XLSX_WORKBOOK_MT);
  lua_pushfstring(L, "xlsx workbook %s%s", xlsx_path(L, 1), w->wb == NULL ? " (closed)" : "");
  return 1;
}

/* xlsx.writer(path) → workbook; nothing is written before wb:close(). */
int xlsx_writer(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  if (lua_rawlen(L, 1) != strlen(path)) return luaL_argerror(L, 1, "path holds a zero byte");
  xlsx_wb *w = lua_newuserdatauv(L, sizeof *w, 1);
  w->wb = NULL;
  luaL_setmetatable(L, XLSX_WORKBOOK_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  w->wb = workbook_new(path);
  if (w->wb == NULL) return luaL_error(L, "%s: cannot create xlsx workbook (out of memory)", path);
  return 1;
}

/* ------------------------------------------------------------------ registration */

static const luaL_Reg wb_methods[] = {
  { "format", wb_format }, { "sheet", wb_sheet }, { "close", wb_close }, { NULL, NULL },
};
static const luaL_Reg wb_meta[] = {
  { "__gc", wb_gc }, { "__close", wb_toclose }, { "__tostring", wb_tostring }, { NULL, NULL },
};
static const luaL_Reg ws_methods[] = {
  { "write", ws_write },   { "write_row", ws_write_row }, { "set_column", ws_set_column },
  { "freeze", ws_freeze }, { "autofilter", ws_autofilter }, { "name", ws_name },
  { "validate_list", ws_validate_list }, { "comment", ws_comment }, { "hide", ws_hide },
  { "protect", ws_protect }, { NULL, NULL },
};
static const luaL_Reg no_funcs[] = { { NULL, NULL } };

void xlsx_writer_register(lua_State *L) {
  ptk_new_class(L, XLSX_WORKBOOK_MT, wb_meta, wb_methods);
  ptk_new_class(L, XLSX_SHEET_MT, no_funcs, ws_methods);
  ptk_new_class(L, XLSX_FORMAT_MT, no_funcs, no_funcs);
}
