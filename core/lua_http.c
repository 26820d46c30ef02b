/*
** lua_http.c — the loadable module policytk.http (build/lib/policytk/http.so) over libcurl.
**   http.get(url [, opts])                 -> response | nil, err
**   http.post(url, body_or_form [, opts])  -> response | nil, err
**   http.request(opts)                     -> response | nil, err   (opts.url, opts.method, opts.body)
**   http.fetch_all(requests [, {concurrency=, per_host=, delay=}])
**                                          -> list, in request order, of responses or errors
**   http.client{hosts = {...}, owner = "plugin X"}
**                                          -> the same functions, reaching only those hosts,
**                                             and of their addresses only public ones unless a
**                                             loopback/private address is listed as a literal
**                                             (http_address_allowed; no proxy for these)
**   http.is_error(v)                       -> true for an error table
**   http.clock()                           -> monotonic seconds (what elapsed is measured with)
**   http.user_agent
** A response is {status, headers, body, raw, charset, url, elapsed, replaced, redirects};
** an error {category, message, url} (tostring reads well). Options: headers, timeout,
** connect_timeout, max_size, max_redirects, retries, retry_delay, etag, last_modified.
** docs/fetch.md is the reference. The transfers run in http_multi.c with no Lua call inside
** curl; fetch_all turns each finished transfer into its table between two curl calls. Each
** state keeps its connections open between calls (a session in the registry, closed with it).
*/
#define _GNU_SOURCE   /* dladdr */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "http.h"
#include "policytk.h"

#define BATCH_MT "policytk.http.batch"
#define SESSION_KEY "policytk.http.session"
#define ERROR_MT "policytk.http.error"
#define USER_AGENT "policytk/" POLICYTK_VERSION " (+https://policytk; libcurl)"

static int batch_gc(lua_State *L) {
  http_batch *b = luaL_checkudata(L, 1, BATCH_MT);
  http_batch_free(b);
  return 0;
}

/* A new empty batch boxed in a userdata (freed by __gc/__close even when an error is raised). */
static http_batch *new_batch(lua_State *L, size_t n) {
  http_batch *b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  if (luaL_newmetatable(L, BATCH_MT)) {
    lua_pushcfunction(L, batch_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, batch_gc);
    lua_setfield(L, -2, "__close");
  }
  lua_setmetatable(L, -2);
  b->x = calloc(n ? n : 1, sizeof *b->x);
  if (b->x == NULL) luaL_error(L, "http: out of memory");
  b->n = n;
  b->concurrency = 8;
  b->per_host = 4;
  b->user_agent = USER_AGENT;
  lua_getfield(L, LUA_REGISTRYINDEX, SESSION_KEY);   /* the state's connections, when open */
  b->session = lua_touserdata(L, -1);
  lua_pop(L, 1);
  /* allowed hosts: upvalue 1 of the calling function (false: any host) */
  if (lua_istable(L, lua_upvalueindex(1))) {
    lua_Integer m = luaL_len(L, lua_upvalueindex(1));
    b->allow = calloc((size_t)(m > 0 ? m : 1), sizeof *b->allow);
    if (b->allow == NULL) luaL_error(L, "http: out of memory");
    for (lua_Integer i = 1; i <= m; i++) {
      lua_rawgeti(L, lua_upvalueindex(1), i);
      const char *h = lua_tostring(L, -1);
      b->allow[b->nallow] = strdup(h ? h : "");
      if (b->allow[b->nallow] == NULL) luaL_error(L, "http: out of memory");
      b->nallow++;
      lua_pop(L, 1);
    }
  }
  /* whose list it is (upvalue 2: a string such as "plugin hangzhou", or false) */
  if (lua_type(L, lua_upvalueindex(2)) == LUA_TSTRING) {
    b->owner = strdup(lua_tostring(L, lua_upvalueindex(2)));
    if (b->owner == NULL) luaL_error(L, "http: out of memory");
  }
  return b;
}

static char *dup_or_raise(lua_State *L, const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (p == NULL) luaL_error(L, "http: out of memory");
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

/* Number option `name` of the table at idx (seconds etc.), or def. Raises on a wrong type. */
static double num_opt(lua_State *L, int idx, const char *name, double def) {
  if (idx == 0) return def;
  lua_getfield(L, idx, name);
  double v = def;
  if (!lua_isnil(L, -1)) {
    if (!lua_isnumber(L, -1)) luaL_error(L, "http: option %s must be a number, got %s", name, luaL_typename(L, -1));
    v = lua_tonumber(L, -1);
    if (v < 0) luaL_error(L, "http: option %s must not be negative", name);
  }
  lua_pop(L, 1);
  return v;
}

static const char *str_opt(lua_State *L, int idx, const char *name) {
  if (idx == 0) return NULL;
  lua_getfield(L, idx, name);
  const char *s = NULL;
  if (!lua_isnil(L, -1)) {
    if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "http: option %s must be a string, got %s", name, luaL_typename(L, -1));
    s = lua_tostring(L, -1);   /* kept alive by the options table */
  }
  lua_pop(L, 1);
  return s;
}

static void add_header(lua_State *L, http_xfer *x, const char *name, const char *value) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, name);
  luaL_addstring(&b, ": ");
  luaL_addstring(&b, value);
  luaL_pushresult(&b);
  if (strpbrk(lua_tostring(L, -1), "\r\n")) luaL_error(L, "http: header %s holds a line break", name);
  struct curl_slist *l = curl_slist_append(x->headers, lua_tostring(L, -1));
  if (l == NULL) luaL_error(L, "http: out of memory");
  x->headers = l;
  lua_pop(L, 1);
}

static int url_safe(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

static void add_escaped(luaL_Buffer *b, const char *s, size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (url_safe(c)) luaL_addchar(b, (char)c);
    else {
      luaL_addchar(b, '%');
      luaL_addchar(b, hex[c >> 4]);
      luaL_addchar(b, hex[c & 15]);
    }
  }
}

static int cmp_str(lua_State *L) {
  lua_pushboolean(L, strcmp(lua_tostring(L, 1), lua_tostring(L, 2)) < 0);
  return 1;
}

/* Push the form table at idx url-encoded (keys sorted, so the body is reproducible). */
static void push_form(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  lua_newtable(L);
  lua_Integer k = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    if (lua_type(L, -2) != LUA_TSTRING) luaL_error(L, "http: form keys must be strings");
    if (!lua_isstring(L, -1)) luaL_error(L, "http: form value of %s must be a string or number", lua_tostring(L, -2));
    lua_pushvalue(L, -2);
    lua_rawseti(L, -4, ++k);
    lua_pop(L, 1);
  }
  int keys = lua_gettop(L);
  lua_getglobal(L, "table");
  lua_getfield(L, -1, "sort");
  lua_pushvalue(L, keys);
  lua_pushcfunction(L, cmp_str);
  lua_call(L, 2, 0);
  lua_pop(L, 1);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (lua_Integer i = 1; i <= k; i++) {
    lua_rawgeti(L, keys, i);
    size_t kn, vn;
    const char *ks = lua_tolstring(L, -1, &kn);
    if (i > 1) luaL_addchar(&b, '&');
    add_escaped(&b, ks, kn);
    luaL_addchar(&b, '=');
    lua_gettable(L, idx);
    const char *vs = lua_tolstring(L, -1, &vn);
    add_escaped(&b, vs, vn);
    lua_pop(L, 1);
  }
  luaL_pushresult(&b);
  lua_remove(L, keys);
}

/*
** Fill transfer x from url, method, the body at body_idx (0: none) and the options table at
** opts (0: none). Raises on misuse (a URL that is not http(s), a wrong option type). A host
** outside the allowed list makes the transfer fail at once with category "forbidden".
*/
static void fill(lua_State *L, http_batch *b, http_xfer *x, const char *url, const char *method, int body_idx,
                 int opts) {
  char *host;
  x->uh = http_url_parse(url, &host);   /* owned by the batch from here on (freed with it) */
  if (host == NULL) luaL_error(L, "http: not an http(s) URL: %s", url);
  x->host_name = host;
  int allowed = http_host_allowed(b, host);
  x->url = dup_or_raise(L, url, strlen(url));
  x->method = dup_or_raise(L, method, strlen(method));
  x->timeout_ms = (long)(num_opt(L, opts, "timeout", 30) * 1000);
  x->connect_timeout_ms = (long)(num_opt(L, opts, "connect_timeout", 10) * 1000);
  x->max_size = (long long)num_opt(L, opts, "max_size", 64.0 * 1024 * 1024);
  x->max_redirects = (long)num_opt(L, opts, "max_redirects", 5);
  x->retries = (int)num_opt(L, opts, "retries", 2);
  x->retry_base = num_opt(L, opts, "retry_delay", 0.5);
  if (body_idx != 0 && !lua_isnil(L, body_idx)) {
    if (lua_istable(L, body_idx)) push_form(L, body_idx);
    else if (lua_type(L, body_idx) == LUA_TSTRING) lua_pushvalue(L, body_idx);
    else luaL_error(L, "http: body must be a string or a form table, got %s", luaL_typename(L, body_idx));
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    x->body = dup_or_raise(L, s, n);
    x->body_len = n;
    lua_pop(L, 1);
  } else if (strcmp(method, "POST") == 0) {
    x->body = dup_or_raise(L, "", 0);
  }
  if (opts != 0) {
    lua_getfield(L, opts, "headers");
    if (!lua_isnil(L, -1)) {
      if (!lua_istable(L, -1)) luaL_error(L, "http: option headers must be a table");
      int h = lua_gettop(L);
      lua_pushnil(L);
      while (lua_next(L, h)) {
        if (lua_type(L, -2) != LUA_TSTRING || !lua_isstring(L, -1))
          luaL_error(L, "http: headers must map names to strings");
        add_header(L, x, lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
    const char *etag = str_opt(L, opts, "etag");
    if (etag) add_header(L, x, "If-None-Match", etag);
    const char *lm = str_opt(L, opts, "last_modified");
    if (lm) add_header(L, x, "If-Modified-Since", lm);
  }
  if (!allowed) {
    x->state = HTTP_DONE;
    x->category = "forbidden";
    size_t n = strlen(url) + (b->owner ? strlen(b->owner) : 0) + 64;
    x->message = malloc(n);
    if (x->message && b->owner)
      snprintf(x->message, n, "host of %s is not in the manifest hosts of %s", url, b->owner);
    else if (x->message)
      snprintf(x->message, n, "host of %s is not in the plugin's manifest hosts", url);
  }
}

/* ------------------------------------------------------------------ results */

static int error_tostring(lua_State *L) {
  lua_getfield(L, 1, "category");
  lua_getfield(L, 1, "message");
  lua_getfield(L, 1, "url");
  lua_pushfstring(L, "http %s: %s (%s)", luaL_optstring(L, -3, "?"), luaL_optstring(L, -2, "?"),
                  luaL_optstring(L, -1, "?"));
  return 1;
}

static void push_error(lua_State *L, const char *category, const char *message, const char *url) {
  lua_createtable(L, 0, 3);
  lua_pushstring(L, category);
  lua_setfield(L, -2, "category");
  lua_pushstring(L, message ? message : category);
  lua_setfield(L, -2, "message");
  lua_pushstring(L, url);
  lua_setfield(L, -2, "url");
  if (luaL_newmetatable(L, ERROR_MT)) {
    lua_pushcfunction(L, error_tostring);
    lua_setfield(L, -2, "__tostring");
  }
  lua_setmetatable(L, -2);
}

/* Push the response headers (names lowercased, repeated ones joined by ", "). */
static void push_headers(lua_State *L, const http_buf *h) {
  lua_createtable(L, 0, 8);
  luaL_Buffer lb;
  const char *p = h->p ? h->p : "", *end = p + h->n;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    const char *colon = memchr(p, ':', (size_t)(le - p));
    if (colon && strncmp(p, "HTTP/", 5) != 0) {
      size_t len = (size_t)(colon - p);
      char small[64];
      char *name = len <= sizeof small ? small : luaL_buffinitsize(L, &lb, len);
      for (size_t i = 0; i < len; i++) name[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
      if (name == small) lua_pushlstring(L, small, len);
      else luaL_pushresultsize(&lb, len);
      const char *v = colon + 1, *ve = le;
      while (v < ve && (*v == ' ' || *v == '\t')) v++;
      while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t')) ve--;
      lua_pushvalue(L, -1);
      lua_rawget(L, -3);
      if (lua_isstring(L, -1)) {
        lua_pushliteral(L, ", ");
        lua_pushlstring(L, v, (size_t)(ve - v));
        lua_concat(L, 3);
      } else {
        lua_pop(L, 1);
        lua_pushlstring(L, v, (size_t)(ve - v));
      }
      lua_rawset(L, -3);
    }
    p = le + 1;
  }
}

/* Push the outcome of x: a response table or an error table. Returns 1 for a response. */
static int push_result(lua_State *L, http_xfer *x) {
  if (x->category) {
    push_error(L, x->category, x->message, x->url);
    return 0;
  }
  lua_createtable(L, 0, 10);
  int resp = lua_gettop(L);
  lua_pushinteger(L, x->status);
  lua_setfield(L, resp, "status");
  lua_pushstring(L, x->url);
  lua_setfield(L, resp, "url");
  lua_pushnumber(L, x->elapsed);
  lua_setfield(L, resp, "elapsed");
  lua_pushinteger(L, x->redirects);
  lua_setfield(L, resp, "redirects");
  lua_pushinteger(L, x->attempt + 1);
  lua_setfield(L, resp, "attempts");
  push_headers(L, &x->hdrs);
  lua_setfield(L, resp, "headers");
  lua_pushlstring(L, x->data.p ? x->data.p : "", x->data.n);
  int raw = lua_gettop(L);
  lua_pushvalue(L, raw);
  lua_setfield(L, resp, "raw");
  http_decode_body(L, resp, raw, x->url, x->utf8);
  lua_settop(L, resp);
  return 1;
}

static void run(lua_State *L, http_batch *b) {
  const char *err = NULL;
  if (http_batch_run(b, &err) != 0) luaL_error(L, "http: %s", err);
}

/* ------------------------------------------------------------------ functions */

/* Run the one-request batch b, whose box is at the top of the stack. */
static int one(lua_State *L, http_batch *b) {
  lua_toclose(L, -1);   /* the box: freed as soon as this returns or raises (the session free again) */
  run(L, b);
  if (push_result(L, &b->x[0])) return 1;
  lua_pushnil(L);
  lua_insert(L, -2);
  return 2;
}

static int l_get(lua_State *L) {
  const char *url = luaL_checkstring(L, 1);
  if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TTABLE);
  int opts = lua_istable(L, 2) ? 2 : 0;
  http_batch *b = new_batch(L, 1);
  fill(L, b, &b->x[0], url, "GET", 0, opts);
  return one(L, b);
}

static int l_post(lua_State *L) {
  const char *url = luaL_checkstring(L, 1);
  luaL_argexpected(L, lua_type(L, 2) == LUA_TSTRING || lua_istable(L, 2), 2, "string or form table");
  if (!lua_isnoneornil(L, 3)) luaL_checktype(L, 3, LUA_TTABLE);
  int opts = lua_istable(L, 3) ? 3 : 0;
  http_batch *b = new_batch(L, 1);
  fill(L, b, &b->x[0], url, "POST", 2, opts);
  return one(L, b);
}

/* Fill x from a request table at idx: {url=, method=, body=, ...options}. */
static void fill_request(lua_State *L, http_batch *b, http_xfer *x, int idx) {
  idx = lua_absindex(L, idx);
  lua_getfield(L, idx, "url");
  if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "http: request needs a url string");
  const char *url = lua_tostring(L, -1);
  lua_getfield(L, idx, "method");
  const char *method = lua_isnil(L, -1) ? NULL : lua_tostring(L, -1);
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "http: method must be a string");
  lua_getfield(L, idx, "body");
  int body = lua_gettop(L);
  if (method == NULL) method = lua_isnil(L, body) ? "GET" : "POST";
  for (const char *c = method; *c; c++)
    if (*c < 'A' || *c > 'Z') luaL_error(L, "http: method %s is not an upper-case word", method);
  fill(L, b, x, url, method, body, idx);
  lua_pop(L, 3);
}

static int l_request(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  http_batch *b = new_batch(L, 1);
  fill_request(L, b, &b->x[0], 1);
  return one(L, b);
}

/* What fetch_all's on_done needs: the state and the index of the result list. */
typedef struct deliver_ctx {
  lua_State *L;
  int list;
} deliver_ctx;

/* on_done of fetch_all: each transfer becomes its Lua table as soon as it is done, while the
** others are still under way, and its buffers go back to the batch for the next transfers
** (so that a batch's bodies are held once, in Lua, and not also in C until the end). */
static void deliver(http_batch *b, http_xfer *x) {
  deliver_ctx *c = b->ud;
  push_result(c->L, x);
  lua_rawseti(c->L, c->list, (lua_Integer)(x - b->x) + 1);
  http_batch_recycle(b, x);
}

static int l_fetch_all(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TTABLE);
  int opts = lua_istable(L, 2) ? 2 : 0;
  lua_Integer n = luaL_len(L, 1);
  http_batch *b = new_batch(L, (size_t)(n > 0 ? n : 0));
  lua_toclose(L, -1);   /* freed as soon as this returns or raises (the session is free again) */
  b->concurrency = (int)num_opt(L, opts, "concurrency", 8);
  b->per_host = (int)num_opt(L, opts, "per_host", 4);
  b->delay = num_opt(L, opts, "delay", 0);
  if (b->concurrency < 1) luaL_error(L, "http.fetch_all: concurrency must be at least 1");
  if (b->per_host < 1) luaL_error(L, "http.fetch_all: per_host must be at least 1");
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, 1, i);
    if (lua_type(L, -1) == LUA_TSTRING) {
      fill(L, b, &b->x[i - 1], lua_tostring(L, -1), "GET", 0, 0);
    } else if (lua_istable(L, -1)) {
      fill_request(L, b, &b->x[i - 1], -1);
    } else {
      luaL_error(L, "http.fetch_all: request %d must be a URL or a table, got %s", (int)i, luaL_typename(L, -1));
    }
    lua_pop(L, 1);
  }
  lua_createtable(L, (int)n, 0);
  deliver_ctx ctx = { L, lua_gettop(L) };
  b->on_done = deliver;
  b->ud = &ctx;
  run(L, b);
  b->on_done = NULL;
  return 1;   /* the list; closing the box frees the batch */
}

static int l_is_error(lua_State *L) {
  int r = 0;
  if (lua_getmetatable(L, 1)) {
    luaL_getmetatable(L, ERROR_MT);
    r = lua_rawequal(L, -1, -2);
  }
  lua_pushboolean(L, r);
  return 1;
}

/* clock() -> monotonic seconds: the clock of `elapsed`, for timing requests from Lua. */
static int l_clock(lua_State *L) {
  lua_pushnumber(L, http_now());
  return 1;
}

static const luaL_Reg request_funcs[] = {
  { "get", l_get }, { "post", l_post }, { "request", l_request }, { "fetch_all", l_fetch_all }, { NULL, NULL },
};

/* client{hosts = {...} [, owner = "plugin ID"]}: the request functions, reaching only those
** hosts; owner names whose list it is in the forbidden errors. */
static int l_client(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_getfield(L, 1, "owner");
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "http.client: owner must be a string");
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushboolean(L, 0);
  }
  int owner = lua_gettop(L);
  lua_getfield(L, 1, "hosts");
  if (!lua_istable(L, -1)) luaL_error(L, "http.client: hosts must be a list of host names");
  lua_Integer m = luaL_len(L, -1);
  lua_createtable(L, (int)m, 0);
  for (lua_Integer i = 1; i <= m; i++) {
    lua_rawgeti(L, -2, i);
    if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "http.client: hosts[%d] must be a string", (int)i);
    lua_rawseti(L, -2, i);
  }
  int hosts = lua_gettop(L);
  lua_createtable(L, 0, 6);
  lua_pushvalue(L, hosts);
  lua_pushvalue(L, owner);
  luaL_setfuncs(L, request_funcs, 2);
  lua_pushcfunction(L, l_is_error);
  lua_setfield(L, -2, "is_error");
  /* a copy: changing client.hosts must not widen what the functions reach */
  lua_createtable(L, (int)m, 0);
  for (lua_Integer i = 1; i <= m; i++) {
    lua_rawgeti(L, hosts, i);
    lua_rawseti(L, -2, i);
  }
  lua_setfield(L, -2, "hosts");
  return 1;
}

static int initialized = 0;

static int session_gc(lua_State *L) {
  http_session_close(lua_touserdata(L, 1));
  return 0;
}

/* The state's session (kept connections and easy handles), made once per state. It is made
** after the global sentinel, so that it is finalized before curl_global_cleanup runs. */
static void open_session(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, SESSION_KEY) != LUA_TNIL) {
    lua_pop(L, 1);
    return;
  }
  lua_pop(L, 1);
  http_session *s = lua_newuserdatauv(L, sizeof *s, 0);
  memset(s, 0, sizeof *s);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, session_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, SESSION_KEY);
}

/* Finalizer of a registry sentinel: libcurl's global state is released before the state
** closes (and unloads this library), so that nothing of it is left unreachable. */
static int global_gc(lua_State *L) {
  (void)L;
  if (initialized) curl_global_cleanup();
  initialized = 0;
  return 0;
}

int luaopen_policytk_http(lua_State *L) {
  if (!initialized) {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return luaL_error(L, "http: curl_global_init failed");
    initialized = 1;
    /* Keep libcurl (and what it loaded: TLS, HTTP/2 libraries) mapped when Lua unloads this
    ** module at exit: their global state stays reachable instead of reading as leaks. */
    Dl_info info;
    if (dladdr((void *)curl_version, &info) && info.dli_fname) dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
    lua_newuserdatauv(L, 1, 0);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, global_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, "policytk.http.global");
  }
  open_session(L);
  lua_createtable(L, 0, 8);
  lua_pushboolean(L, 0);   /* any host */
  lua_pushboolean(L, 0);   /* no owner */
  luaL_setfuncs(L, request_funcs, 2);
  lua_pushcfunction(L, l_client);
  lua_setfield(L, -2, "client");
  lua_pushcfunction(L, l_is_error);
  lua_setfield(L, -2, "is_error");
  lua_pushcfunction(L, l_clock);
  lua_setfield(L, -2, "clock");
  lua_pushliteral(L, USER_AGENT);
  lua_setfield(L, -2, "user_agent");
  lua_pushstring(L, curl_version());
  lua_setfield(L, -2, "curl_version");
  return 1;
}
