/*
** lua_db.c — the policytk.db Lua module: SQLite connections and prepared statements.
**   db.open(path [, {readonly=, busy_timeout_ms=, attach=, serialize_writers=}]) -> conn
**                                          (WAL, foreign keys on; SQL ATTACH of another file
**                                          refused unless attach = true; serialize_writers: the
**                                          connection's writes take this process's writer turn
**                                          first, core/db_writer.c)
**   conn:exec(sql)  conn:prepare(sql) -> stmt  conn:first/each/run/rows(sql, values...)
**   conn:transaction(fn)  conn:user_version([n])  conn:progress_limit(n|nil)
**   conn:changes()  conn:last_insert_rowid()  conn:open_statements()  conn:close()
**   stmt:bind(...)  stmt:step()  stmt:rows(...)  stmt:reset()  stmt:columns()  stmt:close()
**   db.NULL  db.blob(s)  db.version
**
** Values are always bound, never spliced into SQL. Every sqlite3_stmt lives inside a stmt
** userdata from the moment it is prepared, and each connection keeps a list of its
** statement userdata: closing the connection finalizes them all, and a statement used after
** that raises a clear error. A statement holds its connection as a user value, so the
** connection's memory outlives every statement that points at it. The statements behind the
** one-call helpers (first, each, run, exec, user_version) sit in to-be-closed slots and are
** finalized when the call returns or raises. No Lua code ever runs inside an SQLite callback.
*/
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <sqlite3.h>

#include "policytk.h"
#include "db_writer.h"

#define CONN_MT  "policytk.db.conn"
#define STMT_MT  "policytk.db.stmt"
#define RESET_MT "policytk.db.reset"
#define BLOB_MT  "policytk.db.blob"
#define NULL_MT  "policytk.db.NULL"

#define SQL_SHOWN 200               /* bytes of SQL quoted in an error message */
#define DEFAULT_BUSY_MS 5000

/* user values of a stmt userdata */
#define UV_CONN  1                  /* the connection userdata */
#define UV_RESET 2                  /* the closing value stmt:rows hands to `for` (lazy) */
#define UV_SQL   3                  /* the SQL text, for errors after finalization */

static const char null_key = 'N';   /* registry[&null_key] = db.NULL */

typedef struct dbstmt dbstmt;

typedef struct dbconn {
  sqlite3 *db;                      /* NULL once closed */
  dbstmt *stmts;                    /* the statement userdata of this connection */
  int busy_ms;                      /* the busy timeout, quoted in "database is locked" */
  int progress_steps;               /* 0, or the VM steps one statement may run */
  int progress_tripped;             /* the progress handler stopped the running statement */
  int savepoints;                   /* conn:transaction calls now running */
  int attach;                       /* SQL ATTACH allowed (db.open option attach = true) */
  int serialize;                    /* writes take the process's writer turn (serialize_writers) */
  char *saved_err;                  /* a failed COMMIT's message, copied before the rollback */
} dbconn;

struct dbstmt {
  sqlite3_stmt *stmt;               /* NULL once closed */
  dbconn *conn;                     /* NULL once closed or orphaned */
  dbstmt *prev, *next;              /* in conn->stmts */
  int owned;                        /* made for one call: finalized when its rows end */
  int orphaned;                     /* finalized because its connection closed */
};

/* ------------------------------------------------------------------ error messages */

static const struct { int code; const char *name; } code_names[] = {
#define CODE(c) { c, #c }
  CODE(SQLITE_ABORT), CODE(SQLITE_ABORT_ROLLBACK), CODE(SQLITE_AUTH), CODE(SQLITE_BUSY),
  CODE(SQLITE_BUSY_RECOVERY), CODE(SQLITE_BUSY_SNAPSHOT), CODE(SQLITE_CANTOPEN),
  CODE(SQLITE_CONSTRAINT), CODE(SQLITE_CONSTRAINT_CHECK), CODE(SQLITE_CONSTRAINT_COMMITHOOK),
  CODE(SQLITE_CONSTRAINT_FOREIGNKEY), CODE(SQLITE_CONSTRAINT_FUNCTION),
  CODE(SQLITE_CONSTRAINT_NOTNULL), CODE(SQLITE_CONSTRAINT_PRIMARYKEY),
  CODE(SQLITE_CONSTRAINT_TRIGGER), CODE(SQLITE_CONSTRAINT_UNIQUE), CODE(SQLITE_CONSTRAINT_VTAB),
  CODE(SQLITE_CONSTRAINT_ROWID),
#ifdef SQLITE_CONSTRAINT_DATATYPE
  CODE(SQLITE_CONSTRAINT_DATATYPE),
#endif
  CODE(SQLITE_CORRUPT), CODE(SQLITE_FULL), CODE(SQLITE_INTERRUPT), CODE(SQLITE_IOERR),
  CODE(SQLITE_LOCKED), CODE(SQLITE_MISMATCH), CODE(SQLITE_MISUSE), CODE(SQLITE_NOMEM),
  CODE(SQLITE_NOTADB), CODE(SQLITE_PERM), CODE(SQLITE_RANGE), CODE(SQLITE_READONLY),
  CODE(SQLITE_READONLY_CANTLOCK), CODE(SQLITE_READONLY_DBMOVED),
  CODE(SQLITE_READONLY_RECOVERY), CODE(SQLITE_READONLY_ROLLBACK), CODE(SQLITE_SCHEMA),
  CODE(SQLITE_TOOBIG),
#undef CODE
};

/* The name of an (extended) result code, else of its primary code, else NULL. */
static const char *code_name(int rc) {
  const char *primary = NULL;
  for (size_t i = 0; i < sizeof code_names / sizeof code_names[0]; i++) {
    if (code_names[i].code == rc) return code_names[i].name;
    if (code_names[i].code == (rc & 0xff)) primary = code_names[i].name;
  }
  return primary;
}

static int is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* SQL for a message: runs of white space become one space, and past SQL_SHOWN bytes it
** stops at a character boundary (never inside a UTF-8 sequence) and adds "...". */
static void add_sql(luaL_Buffer *b, const char *sql, size_t n) {
  size_t shown = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)sql[i];
    if (is_space(c)) {
      space = shown > 0;
      continue;
    }
    if ((c & 0xC0) != 0x80 && shown >= SQL_SHOWN) {
      luaL_addstring(b, "...");
      return;
    }
    if (space) {
      luaL_addchar(b, ' ');
      shown++;
      space = 0;
    }
    luaL_addchar(b, (char)c);
    shown++;
  }
}

/* Push "db: MESSAGE (in: SQL)"; without the SQL part when sql is NULL. */
static void push_msgv(lua_State *L, const char *sql, size_t sqllen, const char *fmt, va_list ap) {
  const char *text = lua_pushvfstring(L, fmt, ap);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, "db: ");
  luaL_addstring(&b, text);
  if (sql != NULL) {
    luaL_addstring(&b, " (in: ");
    add_sql(&b, sql, sqllen);
    luaL_addchar(&b, ')');
  }
  luaL_pushresult(&b);
  lua_remove(L, -2);
}

static void push_msg(lua_State *L, const char *sql, size_t sqllen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  push_msgv(L, sql, sqllen, fmt, ap);
  va_end(ap);
}

/* Push the message for result code rc of connection c: SQLite's text, the code's name
** (except for the generic SQLITE_ERROR), the SQL. Busy and progress-limit stops get their
** own wording. Call it before anything else touches the connection. */
static void push_sqlite_error(lua_State *L, dbconn *c, int rc, const char *sql, size_t sqllen) {
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY) {
    push_msg(L, sql, sqllen, "database is locked (another writer holds it; waited %d ms)",
             c->busy_ms);
  } else if (primary == SQLITE_INTERRUPT && c->progress_tripped) {
    push_msg(L, sql, sqllen, "statement stopped: it ran past the progress limit of %d VM steps",
             c->progress_steps);
  } else {
    const char *text = c->saved_err != NULL ? c->saved_err
                     : c->db != NULL ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);
    const char *name = primary == SQLITE_ERROR ? NULL : code_name(rc);
    if (name != NULL) push_msg(L, sql, sqllen, "%s [%s]", text, name);
    else push_msg(L, sql, sqllen, "%s", text);
  }
  free(c->saved_err);                 /* kept until here: push_msg may raise (out of memory) */
  c->saved_err = NULL;
  c->progress_tripped = 0;
}

/* A copy of the connection's current error message (NULL when out of memory). */
static char *copy_errmsg(dbconn *c) {
  const char *m = sqlite3_errmsg(c->db);
  size_t n = strlen(m) + 1;
  char *p = malloc(n);
  if (p != NULL) memcpy(p, m, n);
  return p;
}

/* ------------------------------------------------------------------ statements */

static void link_stmt(dbconn *c, dbstmt *s) {
  s->conn = c;
  s->prev = NULL;
  s->next = c->stmts;
  if (c->stmts != NULL) c->stmts->prev = s;
  c->stmts = s;
}

static void unlink_stmt(dbstmt *s) {
  dbconn *c = s->conn;
  if (c == NULL) return;
  if (s->prev != NULL) s->prev->next = s->next;
  else c->stmts = s->next;
  if (s->next != NULL) s->next->prev = s->prev;
  s->prev = s->next = NULL;
  s->conn = NULL;
}

static void finalize_stmt(dbstmt *s) {
  if (s->stmt != NULL) {
    sqlite3_finalize(s->stmt);
    s->stmt = NULL;
  }
  unlink_stmt(s);
}

/* Finalize every statement of c, then close it. Idempotent. */
static void close_conn(dbconn *c) {
  dbstmt *s = c->stmts;
  while (s != NULL) {
    dbstmt *next = s->next;
    if (s->stmt != NULL) sqlite3_finalize(s->stmt);
    s->stmt = NULL;
    s->conn = NULL;
    s->prev = s->next = NULL;
    s->orphaned = 1;
    s = next;
  }
  c->stmts = NULL;
  free(c->saved_err);
  c->saved_err = NULL;
  if (c->db != NULL) {
    sqlite3_close_v2(c->db);
    c->db = NULL;
  }
}

/* Push a new, not yet prepared statement userdata of the connection at conn_idx; sql_idx
** (or 0) is the SQL text kept for messages. */
static dbstmt *new_stmt(lua_State *L, int conn_idx, int sql_idx, int owned) {
  conn_idx = lua_absindex(L, conn_idx);
  if (sql_idx != 0) sql_idx = lua_absindex(L, sql_idx);
  dbconn *c = lua_touserdata(L, conn_idx);
  dbstmt *s = lua_newuserdatauv(L, sizeof *s, 3);
  memset(s, 0, sizeof *s);
  s->owned = owned;
  luaL_setmetatable(L, STMT_MT);       /* __gc set before the list can point at s */
  lua_pushvalue(L, conn_idx);
  lua_setiuservalue(L, -2, UV_CONN);
  if (sql_idx != 0) {
    lua_pushvalue(L, sql_idx);
    lua_setiuservalue(L, -2, UV_SQL);
  }
  link_stmt(c, s);
  return s;
}

/* Raise the message on top of the stack for statement s: an owned statement is finalized
** first, another one reset so it can run again. */
static int raise_stmt(lua_State *L, dbstmt *s) {
  if (s->owned) finalize_stmt(s);
  else if (s->stmt != NULL) sqlite3_reset(s->stmt);
  return lua_error(L);
}

static int raise_sqlite(lua_State *L, dbstmt *s, int rc) {
  const char *sql = s->stmt != NULL ? sqlite3_sql(s->stmt) : NULL;
  push_sqlite_error(L, s->conn, rc, sql, sql != NULL ? strlen(sql) : 0);
  return raise_stmt(L, s);
}

/* The SQL argument at i: no zero bytes (SQLite would silently stop there), fits an int. */
static const char *check_sql(lua_State *L, int i, size_t *len) {
  const char *sql = luaL_checklstring(L, i, len);
  luaL_argcheck(L, strlen(sql) == *len, i, "SQL contains a zero byte");
  luaL_argcheck(L, *len < (size_t)INT_MAX, i, "SQL is too long");
  return sql;
}

/* 1 when nothing but white space, semicolons and comments is left in [p, end). */
static int rest_is_empty(sqlite3 *db, const char *p, const char *end) {
  while (p < end && (is_space((unsigned char)*p) || *p == ';')) p++;
  if (p == end) return 1;
  sqlite3_stmt *extra = NULL;
  int rc = sqlite3_prepare_v2(db, p, (int)(end - p) + 1, &extra, NULL);
  if (extra != NULL) sqlite3_finalize(extra);
  return rc == SQLITE_OK && extra == NULL;
}

/* Prepare exactly one statement of sql into s (the SQL string ends with its '\0', which
** SQLite may read: Lua strings always have one). */
static void prepare_one(lua_State *L, dbstmt *s, const char *sql, size_t len, unsigned flags) {
  dbconn *c = s->conn;
  const char *tail = NULL;
  int rc = sqlite3_prepare_v3(c->db, sql, (int)len + 1, flags, &s->stmt, &tail);
  if (rc != SQLITE_OK) {
    push_sqlite_error(L, c, rc, sql, len);
    raise_stmt(L, s);
  }
  if (s->stmt == NULL) {
    push_msg(L, sql, len, "no SQL statement");
    raise_stmt(L, s);
  }
  if (!rest_is_empty(c->db, tail, sql + len)) {
    push_msg(L, sql, len, "one statement expected; use conn:exec for several");
    raise_stmt(L, s);
  }
}

static dbstmt *check_stmt(lua_State *L, int i) {
  dbstmt *s = luaL_checkudata(L, i, STMT_MT);
  if (s->stmt == NULL) {
    size_t n = 0;
    const char *sql = NULL;
    if (lua_getiuservalue(L, i, UV_SQL) == LUA_TSTRING) sql = lua_tolstring(L, -1, &n);
    push_msg(L, sql, n, s->orphaned ? "statement used after its connection was closed"
                                    : "statement used after it was closed");
    lua_error(L);
  }
  return s;
}

/* ------------------------------------------------------------------ binding */

static int is_null(lua_State *L, int idx) {
  if (lua_type(L, idx) != LUA_TUSERDATA) return 0;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &null_key);
  int r = lua_rawequal(L, idx, -1);
  lua_pop(L, 1);
  return r;
}

/* "parameter :name" or "parameter 3" */
static const char *push_param_label(lua_State *L, sqlite3_stmt *st, int i) {
  const char *name = sqlite3_bind_parameter_name(st, i);
  if (name != NULL && name[0] != '?') return lua_pushfstring(L, "parameter %s", name);
  return lua_pushfstring(L, "parameter %d", i);
}

/* Bind the Lua value at idx (absolute) to parameter i of s. */
static void bind_value(lua_State *L, dbstmt *s, int i, int idx) {
  sqlite3_stmt *st = s->stmt;
  int rc;
  switch (lua_type(L, idx)) {
  case LUA_TNIL:
    rc = sqlite3_bind_null(st, i);
    break;
  case LUA_TBOOLEAN:
    rc = sqlite3_bind_int(st, i, lua_toboolean(L, idx));
    break;
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) rc = sqlite3_bind_int64(st, i, (sqlite3_int64)lua_tointeger(L, idx));
    else rc = sqlite3_bind_double(st, i, (double)lua_tonumber(L, idx));
    break;
  case LUA_TSTRING: {
    size_t n;
    const char *p = lua_tolstring(L, idx, &n);
    rc = sqlite3_bind_text64(st, i, p, (sqlite3_uint64)n, SQLITE_TRANSIENT, SQLITE_UTF8);
    break;
  }
  case LUA_TUSERDATA:
    if (is_null(L, idx)) {
      rc = sqlite3_bind_null(st, i);
      break;
    }
    if (luaL_testudata(L, idx, BLOB_MT) != NULL) {
      size_t n;
      lua_getiuservalue(L, idx, 1);
      const char *p = lua_tolstring(L, -1, &n);
      rc = sqlite3_bind_blob64(st, i, p, (sqlite3_uint64)n, SQLITE_TRANSIENT);
      lua_pop(L, 1);
      break;
    }
    /* fall through */
  default: {
    const char *sql = sqlite3_sql(st);
    const char *label = push_param_label(L, st, i);
    push_msg(L, sql, strlen(sql), "cannot bind a %s value to %s (use nil, db.NULL, a boolean, "
             "number, string or db.blob)", luaL_typename(L, idx), label);
    raise_stmt(L, s);
    return;
  }
  }
  if (rc != SQLITE_OK) {
    const char *sql = sqlite3_sql(st);
    const char *label = push_param_label(L, st, i);
    push_msg(L, sql, strlen(sql), "cannot bind %s: %s", label, sqlite3_errstr(rc));
    raise_stmt(L, s);
  }
}

/* Bind one table of named values: key "name" for :name, @name and $name. A missing key is
** an error (use db.NULL for NULL), so a misspelt name cannot bind NULL silently. */
static void bind_named(lua_State *L, dbstmt *s, int t, int count) {
  sqlite3_stmt *st = s->stmt;
  const char *sql = sqlite3_sql(st);
  if (count == 0) {
    push_msg(L, sql, strlen(sql), "a table of named values was given, but the statement has no "
             "parameters");
    raise_stmt(L, s);
  }
  for (int i = 1; i <= count; i++) {
    const char *name = sqlite3_bind_parameter_name(st, i);
    if (name == NULL || name[0] == '?') {
      push_msg(L, sql, strlen(sql), "parameter %d has no name: pass values in order, not a table", i);
      raise_stmt(L, s);
    }
    if (lua_getfield(L, t, name + 1) == LUA_TNIL) {
      push_msg(L, sql, strlen(sql), "no value for parameter %s (the table has no key '%s'; use "
               "db.NULL for NULL)", name, name + 1);
      raise_stmt(L, s);
    }
    bind_value(L, s, i, lua_gettop(L));
    lua_pop(L, 1);
  }
}

/* Reset s, clear its bindings and bind the n values from stack index first: one table binds
** by name, otherwise exactly one value per parameter, in order (?NNN takes the NNN-th). */
static void bind_args(lua_State *L, dbstmt *s, int first, int n) {
  sqlite3_stmt *st = s->stmt;
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  int count = sqlite3_bind_parameter_count(st);
  if (n == 1 && lua_type(L, first) == LUA_TTABLE) {
    bind_named(L, s, first, count);
    return;
  }
  if (n != count) {
    const char *sql = sqlite3_sql(st);
    push_msg(L, sql, strlen(sql), "%d value%s given for %d parameter%s", n, n == 1 ? "" : "s",
             count, count == 1 ? "" : "s");
    raise_stmt(L, s);
  }
  for (int i = 1; i <= n; i++) bind_value(L, s, i, first + i - 1);
}

/* ------------------------------------------------------------------ rows */

static void push_column(lua_State *L, sqlite3_stmt *st, int i, int null_idx) {
  switch (sqlite3_column_type(st, i)) {
  case SQLITE_INTEGER:
    lua_pushinteger(L, (lua_Integer)sqlite3_column_int64(st, i));
    break;
  case SQLITE_FLOAT:
    lua_pushnumber(L, (lua_Number)sqlite3_column_double(st, i));
    break;
  case SQLITE_TEXT:
  case SQLITE_BLOB: {
    const void *p = sqlite3_column_type(st, i) == SQLITE_TEXT
                        ? (const void *)sqlite3_column_text(st, i)
                        : sqlite3_column_blob(st, i);
    int n = sqlite3_column_bytes(st, i);
    if (p == NULL && sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM)
      luaL_error(L, "db: out of memory reading column %d", i + 1);
    lua_pushlstring(L, p != NULL ? p : "", p != NULL ? (size_t)n : 0);
    break;
  }
  default:
    lua_pushvalue(L, null_idx);
    break;
  }
}

/* Push the current row of s as a table keyed by column name (a later column of the same
** name wins). */
static void push_row(lua_State *L, dbstmt *s) {
  sqlite3_stmt *st = s->stmt;
  int n = sqlite3_column_count(st);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &null_key);
  int null_idx = lua_gettop(L);
  lua_createtable(L, 0, n);
  for (int i = 0; i < n; i++) {
    push_column(L, st, i, null_idx);
    const char *name = sqlite3_column_name(st, i);
    if (name == NULL) luaL_error(L, "db: out of memory reading column %d", i + 1);
    lua_setfield(L, -2, name);
  }
  lua_remove(L, null_idx);
}

/* A statement that ran to its end: an owned one is finalized, another one reset (its
** bindings kept) so it can run again. */
static void finish_stmt(dbstmt *s) {
  if (s->owned) finalize_stmt(s);
  else sqlite3_reset(s->stmt);
}

/* Step s: push the row, or nil when done (an owned statement is then finalized, another one
** reset, keeping its bindings). */
static int step_row(lua_State *L, dbstmt *s) {
  int rc = sqlite3_step(s->stmt);
  if (rc == SQLITE_ROW) {
    push_row(L, s);
    return 1;
  }
  if (rc != SQLITE_DONE) return raise_sqlite(L, s, rc);
  finish_stmt(s);
  lua_pushnil(L);
  return 1;
}

static int rows_iter(lua_State *L) {
  return step_row(L, check_stmt(L, 1));
}

/* ------------------------------------------------------------------ stmt methods */

/* stmt:bind(...) -> stmt */
static int stmt_bind(lua_State *L) {
  dbstmt *s = check_stmt(L, 1);
  bind_args(L, s, 2, lua_gettop(L) - 1);
  lua_settop(L, 1);
  return 1;
}

/* stmt:step() -> row table | nil when done */
static int stmt_step(lua_State *L) {
  return step_row(L, check_stmt(L, 1));
}

/* stmt:values() -> the next row's columns as values, in column order (NULL is db.NULL), or
** nothing when done (the statement is then reset, keeping its bindings). No table is made:
** for loops over many rows of a few columns. */
static int stmt_values(lua_State *L) {
  dbstmt *s = check_stmt(L, 1);
  int rc = sqlite3_step(s->stmt);
  if (rc == SQLITE_ROW) {
    int n = sqlite3_column_count(s->stmt);
    luaL_checkstack(L, n + 1, "db: too many columns");
    lua_rawgetp(L, LUA_REGISTRYINDEX, &null_key);
    int null_idx = lua_gettop(L);
    for (int i = 0; i < n; i++) push_column(L, s->stmt, i, null_idx);
    lua_remove(L, null_idx);
    return n;
  }
  if (rc != SQLITE_DONE) return raise_sqlite(L, s, rc);
  finish_stmt(s);
  return 0;
}

/* stmt:reset() -> stmt (bindings are kept) */
static int stmt_reset(lua_State *L) {
  sqlite3_reset(check_stmt(L, 1)->stmt);
  lua_settop(L, 1);
  return 1;
}

/* stmt:columns() -> { name1, name2, ... } */
static int stmt_columns(lua_State *L) {
  sqlite3_stmt *st = check_stmt(L, 1)->stmt;
  int n = sqlite3_column_count(st);
  lua_createtable(L, n, 0);
  for (int i = 0; i < n; i++) {
    const char *name = sqlite3_column_name(st, i);
    if (name == NULL) return luaL_error(L, "db: out of memory reading column %d", i + 1);
    lua_pushstring(L, name);
    lua_rawseti(L, -2, i + 1);
  }
  return 1;
}

/* The closing value stmt:rows gives `for`: resets the statement when the loop ends, so a
** `break` does not leave a read transaction open. */
static int reset_close(lua_State *L) {
  luaL_checkudata(L, 1, RESET_MT);
  lua_getiuservalue(L, 1, 1);
  dbstmt *s = luaL_testudata(L, -1, STMT_MT);
  if (s != NULL && s->stmt != NULL) sqlite3_reset(s->stmt);
  return 0;
}

/* stmt:rows(...) -> iterator, stmt, nil, closer. With values, binds them first; without,
** keeps the current bindings. */
static int stmt_rows(lua_State *L) {
  dbstmt *s = check_stmt(L, 1);
  int n = lua_gettop(L) - 1;
  if (n > 0) bind_args(L, s, 2, n);
  else sqlite3_reset(s->stmt);
  lua_settop(L, 1);
  lua_pushcfunction(L, rows_iter);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  if (lua_getiuservalue(L, 1, UV_RESET) != LUA_TUSERDATA) {
    lua_pop(L, 1);
    lua_newuserdatauv(L, 0, 1);
    luaL_setmetatable(L, RESET_MT);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, 1, UV_RESET);
  }
  return 4;
}

/* stmt:close(), __close, __gc: finalize. Idempotent. */
static int stmt_close(lua_State *L) {
  finalize_stmt(luaL_checkudata(L, 1, STMT_MT));
  return 0;
}

/* ------------------------------------------------------------------ conn methods */

static dbconn *check_conn(lua_State *L, int i) {
  dbconn *c = luaL_checkudata(L, i, CONN_MT);
  if (c->db == NULL) luaL_error(L, "db: the connection is closed");
  return c;
}

/* A to-be-closed statement for one call: the SQL at 2, bound with the n values from first. */
static dbstmt *one_shot(lua_State *L, int first, int n) {
  size_t len;
  const char *sql = check_sql(L, 2, &len);
  dbstmt *s = new_stmt(L, 1, 2, 1);
  lua_toclose(L, -1);
  prepare_one(L, s, sql, len, 0);
  bind_args(L, s, first, n);
  return s;
}

/* conn:exec(sql): run every statement in sql, discarding rows. */
static int conn_exec(lua_State *L) {
  dbconn *c = check_conn(L, 1);
  size_t len;
  const char *sql = check_sql(L, 2, &len);
  dbstmt *s = new_stmt(L, 1, 2, 1);
  lua_toclose(L, -1);
  const char *p = sql, *end = sql + len;
  while (p < end) {
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(c->db, p, (int)(end - p) + 1, &s->stmt, &tail);
    if (rc != SQLITE_OK) {
      push_sqlite_error(L, c, rc, p, (size_t)(end - p));
      return raise_stmt(L, s);
    }
    if (s->stmt == NULL) break;            /* only white space or comments were left */
    while ((rc = sqlite3_step(s->stmt)) == SQLITE_ROW) {}
    if (rc != SQLITE_DONE) return raise_sqlite(L, s, rc);
    sqlite3_finalize(s->stmt);
    s->stmt = NULL;
    if (tail == NULL || tail <= p) break;
    p = tail;
  }
  return 0;
}

/* conn:prepare(sql) -> stmt */
static int conn_prepare(lua_State *L) {
  check_conn(L, 1);
  size_t len;
  const char *sql = check_sql(L, 2, &len);
  dbstmt *s = new_stmt(L, 1, 2, 0);
  prepare_one(L, s, sql, len, SQLITE_PREPARE_PERSISTENT);
  return 1;
}

/* conn:first(sql, ...) -> first row | nil */
static int conn_first(lua_State *L) {
  check_conn(L, 1);
  dbstmt *s = one_shot(L, 3, lua_gettop(L) - 2);
  return step_row(L, s);
}

/* conn:run(sql, ...) -> changes, last insert rowid */
static int conn_run(lua_State *L) {
  dbconn *c = check_conn(L, 1);
  sqlite3_int64 before = sqlite3_total_changes64(c->db);
  dbstmt *s = one_shot(L, 3, lua_gettop(L) - 2);
  int turn = c->serialize && sqlite3_get_autocommit(c->db) && !sqlite3_stmt_readonly(s->stmt);
  if (turn && ptk_db_writer_lock(c->busy_ms) != 0)
    return luaL_error(L, "db: database is locked (another writer of this process held it; waited %d ms)", c->busy_ms);
  int rc;
  while ((rc = sqlite3_step(s->stmt)) == SQLITE_ROW) {}
  if (turn) ptk_db_writer_unlock();
  if (rc != SQLITE_DONE) return raise_sqlite(L, s, rc);
  finalize_stmt(s);
  /* sqlite3_changes keeps the count of the last INSERT/UPDATE/DELETE; report 0 for a
  ** statement that changed nothing (a SELECT, CREATE TABLE, ...) */
  sqlite3_int64 changes = sqlite3_total_changes64(c->db) != before ? sqlite3_changes64(c->db) : 0;
  lua_pushinteger(L, (lua_Integer)changes);
  lua_pushinteger(L, (lua_Integer)sqlite3_last_insert_rowid(c->db));
  return 2;
}

/* conn:each(sql, ..., fn) -> rows seen. fn(row) for each row; fn returning false stops. */
static int conn_each(lua_State *L) {
  size_t len;
  check_conn(L, 1);
  check_sql(L, 2, &len);
  int top = lua_gettop(L);
  luaL_checktype(L, top < 3 ? 3 : top, LUA_TFUNCTION);
  dbstmt *s = one_shot(L, 3, top - 3);
  lua_Integer count = 0;
  for (;;) {
    int rc = sqlite3_step(s->stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return raise_sqlite(L, s, rc);
    lua_pushvalue(L, top);
    push_row(L, s);
    lua_call(L, 1, 1);
    count++;
    int stop = lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (s->stmt == NULL) return luaL_error(L, "db: the connection was closed inside conn:each");
    if (stop) break;
  }
  finalize_stmt(s);
  lua_pushinteger(L, count);
  return 1;
}

/* conn:rows(sql, ...) -> iterator, stmt, nil, stmt: the statement closes when the loop ends */
static int conn_rows(lua_State *L) {
  check_conn(L, 1);
  size_t len;
  const char *sql = check_sql(L, 2, &len);
  int n = lua_gettop(L) - 2;
  dbstmt *s = new_stmt(L, 1, 2, 1);
  prepare_one(L, s, sql, len, 0);
  bind_args(L, s, 3, n);
  lua_pushcfunction(L, rows_iter);
  lua_pushvalue(L, -2);
  lua_pushnil(L);
  lua_pushvalue(L, -2);
  return 4;
}

/* The progress handler: stop the running statement, and say why. */
static int on_progress(void *ud) {
  dbconn *c = ud;
  c->progress_tripped = 1;
  return 1;
}

/* Run one fixed statement of the module's own (no user values), outside the progress
** limit: transaction control must not be stopped by it. */
static int exec_control(dbconn *c, const char *sql) {
  if (c->progress_steps > 0) sqlite3_progress_handler(c->db, 0, NULL, NULL);
  int rc = sqlite3_exec(c->db, sql, NULL, NULL, NULL);
  if (c->progress_steps > 0) sqlite3_progress_handler(c->db, c->progress_steps, on_progress, c);
  return rc;
}

static void rollback(dbconn *c, int outer, const char *sp) {
  if (sqlite3_get_autocommit(c->db)) return;     /* SQLite already rolled it all back */
  if (outer) {
    exec_control(c, "ROLLBACK");
    return;
  }
  char sql[96];
  snprintf(sql, sizeof sql, "ROLLBACK TO %s; RELEASE %s", sp, sp);
  exec_control(c, sql);
}

/* conn:transaction(fn) -> fn's results. BEGIN IMMEDIATE (a SAVEPOINT when a transaction is
** already open), fn(conn) in a protected call, COMMIT (RELEASE); on an error ROLLBACK
** (ROLLBACK TO) and raise that same error value again. */
static int conn_transaction(lua_State *L) {
  dbconn *c = check_conn(L, 1);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_settop(L, 2);
  int outer = sqlite3_get_autocommit(c->db);
  char sp[32], sql[64];
  snprintf(sp, sizeof sp, "ptk_tx_%d", c->savepoints + 1);
  snprintf(sql, sizeof sql, "SAVEPOINT %s", sp);
  const char *begin = outer ? "BEGIN IMMEDIATE" : sql;
  int turn = outer && c->serialize;
  if (turn && ptk_db_writer_lock(c->busy_ms) != 0)
    return luaL_error(L, "db: database is locked (another writer of this process held it; waited %d ms)", c->busy_ms);
  int rc = exec_control(c, begin);
  if (rc != SQLITE_OK) {
    if (turn) ptk_db_writer_unlock();
    push_sqlite_error(L, c, rc, begin, strlen(begin));
    return lua_error(L);
  }
  c->savepoints++;
  lua_pushvalue(L, 2);
  lua_pushvalue(L, 1);
  int status = lua_pcall(L, 1, LUA_MULTRET, 0);
  c->savepoints--;
  if (c->db == NULL) {                          /* fn closed the connection: rolled back */
    if (turn) ptk_db_writer_unlock();
    if (status != LUA_OK) return lua_error(L);
    return luaL_error(L, "db: the connection was closed inside conn:transaction");
  }
  if (status != LUA_OK) {
    rollback(c, outer, sp);
    if (turn) ptk_db_writer_unlock();
    return lua_error(L);
  }
  snprintf(sql, sizeof sql, "RELEASE %s", sp);
  const char *end = outer ? "COMMIT" : sql;
  rc = exec_control(c, end);
  if (rc != SQLITE_OK) {
    /* roll back and give the turn back before anything that allocates Lua memory (and so may
    ** raise): the message is copied first, the rollback replaces it */
    free(c->saved_err);
    c->saved_err = copy_errmsg(c);
    rollback(c, outer, sp);
    if (turn) ptk_db_writer_unlock();
    push_sqlite_error(L, c, rc, end, strlen(end));
    return lua_error(L);
  }
  if (turn) ptk_db_writer_unlock();
  return lua_gettop(L) - 2;
}

/* conn:close(), __close, __gc: finalize its statements and close. Idempotent. */
static int conn_close(lua_State *L) {
  close_conn(luaL_checkudata(L, 1, CONN_MT));
  return 0;
}

/* conn:changes() -> rows changed by the most recent INSERT, UPDATE or DELETE */
static int conn_changes(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)sqlite3_changes64(check_conn(L, 1)->db));
  return 1;
}

static int conn_last_insert_rowid(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)sqlite3_last_insert_rowid(check_conn(L, 1)->db));
  return 1;
}

/* conn:user_version() -> n;  conn:user_version(n) sets it (a signed 32-bit integer) */
static int conn_user_version(lua_State *L) {
  check_conn(L, 1);
  if (!lua_isnoneornil(L, 2)) {
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_argcheck(L, n >= INT32_MIN && n <= INT32_MAX, 2, "must fit in 32 bits");
    lua_settop(L, 1);
    lua_pushfstring(L, "PRAGMA user_version = %I", n);    /* an integer, not user text */
    return conn_exec(L);
  }
  lua_settop(L, 1);
  lua_pushliteral(L, "PRAGMA user_version");
  dbstmt *s = one_shot(L, 3, 0);
  int rc = sqlite3_step(s->stmt);
  if (rc != SQLITE_ROW) return raise_sqlite(L, s, rc);
  lua_pushinteger(L, (lua_Integer)sqlite3_column_int64(s->stmt, 0));
  return 1;
}

/* conn:progress_limit(n | nil) -> the previous limit | nil. A statement that runs more than
** about n VM steps (counted from its last reset) is stopped with an error. */
static int conn_progress_limit(lua_State *L) {
  dbconn *c = check_conn(L, 1);
  int n = 0;
  if (!lua_isnoneornil(L, 2)) {
    lua_Integer v = luaL_checkinteger(L, 2);
    luaL_argcheck(L, v > 0 && v <= INT_MAX, 2, "must be a positive number of VM steps, or nil");
    n = (int)v;
  }
  int old = c->progress_steps;
  c->progress_steps = n;
  c->progress_tripped = 0;
  if (n > 0) sqlite3_progress_handler(c->db, n, on_progress, c);
  else sqlite3_progress_handler(c->db, 0, NULL, NULL);
  if (old > 0) lua_pushinteger(L, old);
  else lua_pushnil(L);
  return 1;
}

/* conn:open_statements() -> how many statements of this connection are not yet finalized */
static int conn_open_statements(lua_State *L) {
  dbconn *c = check_conn(L, 1);
  lua_Integer n = 0;
  for (dbstmt *s = c->stmts; s != NULL; s = s->next)
    if (s->stmt != NULL) n++;
  lua_pushinteger(L, n);
  return 1;
}

/* ------------------------------------------------------------------ module functions */


/* The authorizer of every connection (plain C, no Lua): SQL ATTACH of another database file
** is refused unless the connection was opened with { attach = true }; everything else is
** allowed. A refused statement fails to prepare with "not authorized". */
static int authorize(void *ud, int action, const char *a, const char *b, const char *db, const char *trigger) {
  (void)a; (void)b; (void)db; (void)trigger;
  const dbconn *c = ud;
  if (action == SQLITE_ATTACH && !c->attach) return SQLITE_DENY;
  return SQLITE_OK;
}
/* db.open(path [, opts]) -> conn */
static int db_open(lua_State *L) {
  size_t plen;
  const char *path = luaL_checklstring(L, 1, &plen);
  luaL_argcheck(L, strlen(path) == plen, 1, "path contains a zero byte");
  int readonly = 0, attach = 0, serialize = 0;
  lua_Integer busy = DEFAULT_BUSY_MS;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, 2) != 0) {
      lua_pop(L, 1);
      const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
      if (k == NULL || (strcmp(k, "readonly") != 0 && strcmp(k, "busy_timeout_ms") != 0 &&
                        strcmp(k, "attach") != 0 && strcmp(k, "serialize_writers") != 0))
        return luaL_error(L, "db.open: unknown option %s (known: readonly, busy_timeout_ms, attach, "
                          "serialize_writers)",
                          luaL_tolstring(L, -1, NULL));
    }
    if (lua_getfield(L, 2, "readonly") != LUA_TNIL) {
      if (!lua_isboolean(L, -1)) return luaL_error(L, "db.open: option readonly must be a boolean");
      readonly = lua_toboolean(L, -1);
    }
    if (lua_getfield(L, 2, "attach") != LUA_TNIL) {
      if (!lua_isboolean(L, -1)) return luaL_error(L, "db.open: option attach must be a boolean");
      attach = lua_toboolean(L, -1);
    }
    if (lua_getfield(L, 2, "serialize_writers") != LUA_TNIL) {
      if (!lua_isboolean(L, -1)) return luaL_error(L, "db.open: option serialize_writers must be a boolean");
      serialize = lua_toboolean(L, -1);
    }
    if (lua_getfield(L, 2, "busy_timeout_ms") != LUA_TNIL) {
      int ok = 0;
      busy = lua_tointegerx(L, -1, &ok);
      if (!ok || busy < 0 || busy > INT_MAX)
        return luaL_error(L, "db.open: option busy_timeout_ms must be a non-negative integer");
    }
  }
  lua_settop(L, 1);
  dbconn *c = lua_newuserdatauv(L, sizeof *c, 0);
  memset(c, 0, sizeof *c);
  luaL_setmetatable(L, CONN_MT);          /* from here __gc closes whatever is opened */
  c->busy_ms = (int)busy;
  c->attach = attach;
  c->serialize = serialize;
  int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path, &c->db, flags, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_extended_result_codes(c->db, 1);
    sqlite3_busy_timeout(c->db, c->busy_ms);
    sqlite3_db_config(c->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_set_authorizer(c->db, authorize, c);
    /* both read the file header, so a file that is not a database fails here */
    rc = sqlite3_exec(c->db, readonly ? "SELECT count(*) FROM sqlite_schema"
                                      : "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(c->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  }
  if (rc != SQLITE_OK) {
    const char *why = c->db != NULL ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);
    if ((rc & 0xff) == SQLITE_BUSY)
      lua_pushfstring(L, "db: cannot open %s: database is locked (another writer holds it; "
                      "waited %d ms)", path, c->busy_ms);
    else
      lua_pushfstring(L, "db: cannot open %s: %s", path, why);
    close_conn(c);
    return lua_error(L);
  }
  return 1;
}

/* db.blob(s) -> a value that binds s as a BLOB (plain strings bind as TEXT) */
static int db_blob(lua_State *L) {
  luaL_checkstring(L, 1);
  lua_newuserdatauv(L, 0, 1);
  luaL_setmetatable(L, BLOB_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  return 1;
}

static int null_tostring(lua_State *L) {
  lua_pushliteral(L, "NULL");
  return 1;
}

static const luaL_Reg conn_methods[] = {
  { "exec", conn_exec },
  { "prepare", conn_prepare },
  { "first", conn_first },
  { "each", conn_each },
  { "run", conn_run },
  { "rows", conn_rows },
  { "transaction", conn_transaction },
  { "close", conn_close },
  { "changes", conn_changes },
  { "last_insert_rowid", conn_last_insert_rowid },
  { "user_version", conn_user_version },
  { "progress_limit", conn_progress_limit },
  { "open_statements", conn_open_statements },
  { NULL, NULL },
};

static const luaL_Reg conn_meta[] = {
  { "__gc", conn_close }, { "__close", conn_close }, { NULL, NULL },
};

static const luaL_Reg stmt_methods[] = {
  { "bind", stmt_bind },       { "step", stmt_step },       { "values", stmt_values },
  { "rows", stmt_rows },
  { "reset", stmt_reset },     { "columns", stmt_columns }, { "close", stmt_close },
  { NULL, NULL },
};

static const luaL_Reg stmt_meta[] = {
  { "__gc", stmt_close }, { "__close", stmt_close }, { NULL, NULL },
};

static const luaL_Reg reset_meta[] = { { "__close", reset_close }, { NULL, NULL } };
static const luaL_Reg null_meta[] = { { "__tostring", null_tostring }, { NULL, NULL } };
static const luaL_Reg no_funcs[] = { { NULL, NULL } };

static const luaL_Reg db_funcs[] = {
  { "open", db_open }, { "blob", db_blob }, { NULL, NULL },
};

int luaopen_policytk_db(lua_State *L) {
  ptk_new_class(L, CONN_MT, conn_meta, conn_methods);
  ptk_new_class(L, STMT_MT, stmt_meta, stmt_methods);
  ptk_new_class(L, RESET_MT, reset_meta, NULL);
  ptk_new_class(L, BLOB_MT, no_funcs, NULL);
  ptk_new_class(L, NULL_MT, null_meta, NULL);
  luaL_newlib(L, db_funcs);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &null_key) == LUA_TNIL) {
    lua_pop(L, 1);
    lua_newuserdatauv(L, 0, 0);
    luaL_setmetatable(L, NULL_MT);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &null_key);
  }
  lua_setfield(L, -2, "NULL");
  lua_pushstring(L, sqlite3_libversion());
  lua_setfield(L, -2, "version");
  return 1;
}
