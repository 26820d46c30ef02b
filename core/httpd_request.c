/*
** httpd_request.c — one request of policytk.httpd: the libmicrohttpd callbacks, the worker
** thread's Lua state, the call of HANDLER.handle(req) under the request's budgets, the
** answer and its log line.
**
** A request's life: httpd_uri_log keeps the raw request target (before libmicrohttpd
** unescapes anything); the first httpd_access call counts it in flight and answers 413 at
** once when Content-Length is over max_body; the body is gathered up to max_body (a chunked
** body that passes it is read and dropped, then 413); the last call runs the handler and
** queues its answer; httpd_completed frees the request and counts it out. No Lua runs inside
** a libmicrohttpd iterator: headers and cookies are gathered into C arrays first.
*/
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "httpd.h"

double httpd_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ------------------------------------------------------------------ the request */

typedef struct httpd_request {
  char *uri;            /* the raw request target: path and query, undecoded */
  char *body;           /* malloc'd, len bytes (NULL when none) */
  size_t len, cap;
  int seen;             /* the first httpd_access call has happened */
  int too_large;        /* the body passed max_body */
  int counted;          /* counted in server->active */
  double started;       /* monotonic seconds at the first call */
} httpd_request;

void *httpd_uri_log(void *cls, const char *uri, struct MHD_Connection *c) {
  (void)cls;
  (void)c;
  httpd_request *r = calloc(1, sizeof *r);
  if (r != NULL) r->uri = strdup(uri != NULL ? uri : "/");
  if (r != NULL && r->uri == NULL) {
    free(r);
    r = NULL;
  }
  return r;
}

void httpd_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe) {
  (void)c;
  (void)toe;
  httpd_server *s = cls;
  httpd_request *r = *con_cls;
  if (r == NULL) return;
  if (r->counted) {
    pthread_mutex_lock(&s->lock);
    if (--s->active == 0) pthread_cond_broadcast(&s->idle);
    pthread_mutex_unlock(&s->lock);
  }
  free(r->body);
  free(r->uri);
  free(r);
  *con_cls = NULL;
}

/* ------------------------------------------------------------------ the log line */

/* Append s[0..n) to the buffer at *p (capacity end), non-printable bytes as \xHH. */
static char *log_put(char *p, char *end, const char *s, size_t n) {
  for (size_t i = 0; i < n && p + 4 < end; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch < 0x20 || ch == 0x7f || ch == '\\') p += snprintf(p, (size_t)(end - p), "\\x%02x", ch);
    else *p++ = (char)ch;
  }
  return p;
}

/* One line on stderr, written with one write(2): 北京时间 (UTC+8) timestamp, method, path
** (without the query), status, milliseconds, user, remote address. */
static void log_request(httpd_server *s, const httpd_request *r, const char *method, int status,
                        const char *user, const char *remote) {
  if (!s->log) return;
  char line[1024];
  char *p = line, *end = line + sizeof line - 2;
  time_t t = time(NULL) + 8 * 3600;
  struct tm tm;
  gmtime_r(&t, &tm);
  p += strftime(p, (size_t)(end - p), "%Y-%m-%dT%H:%M:%S+08:00 ", &tm);
  p = log_put(p, end, method, strnlen(method, 16));
  *p++ = ' ';
  const char *uri = r != NULL && r->uri != NULL ? r->uri : "?";
  size_t plen = strcspn(uri, "?");
  p = log_put(p, end, uri, plen > 400 ? 400 : plen);
  double ms = r != NULL && r->seen ? (httpd_now() - r->started) * 1000.0 : 0.0;
  p += snprintf(p, (size_t)(end - p), " %d %.1fms ", status, ms);
  if (p > end) p = end;
  p = log_put(p, end, user != NULL && *user ? user : "-", user != NULL ? strnlen(user, 64) : 1);
  *p++ = ' ';
  p = log_put(p, end, remote, strlen(remote));
  *p++ = '\n';
  ssize_t w = write(STDERR_FILENO, line, (size_t)(p - line));
  (void)w;
}

/* The client's address as text (into buf). */
static const char *remote_of(struct MHD_Connection *c, char *buf, size_t n) {
  const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  snprintf(buf, n, "?");
  if (ci == NULL || ci->client_addr == NULL) return buf;
  const struct sockaddr *sa = ci->client_addr;
  if (sa->sa_family == AF_INET)
    inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, buf, (socklen_t)n);
  else if (sa->sa_family == AF_INET6)
    inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, buf, (socklen_t)n);
  return buf;
}

/* ------------------------------------------------------------------ answers */

/* Queue an answer: body (copied), the handler's headers already added to resp by the caller
** when resp is given, then the server's default headers that the answer lacks. */
static enum MHD_Result queue(httpd_server *s, struct MHD_Connection *c, struct MHD_Response *resp, int status) {
  for (int i = 0; i < s->nhdr; i++)
    if (MHD_get_response_header(resp, s->hdr_name[i]) == NULL)
      MHD_add_response_header(resp, s->hdr_name[i], s->hdr_value[i]);
  enum MHD_Result ok = MHD_queue_response(c, (unsigned int)status, resp);
  MHD_destroy_response(resp);
  return ok;
}

/* One of the C-made answers (413, 500, 503), logged. */
static enum MHD_Result answer_page(httpd_server *s, struct MHD_Connection *c, httpd_request *r,
                                   const char *method, int status, int page, int close) {
  static const char *const plain[HTTPD_PAGES] = {
    "413 请求内容过大\n", "500 服务器内部错误\n", "503 服务器繁忙，请稍后重试\n" };
  const char *body = s->page[page] != NULL ? s->page[page] : plain[page];
  size_t len = s->page[page] != NULL ? s->page_len[page] : strlen(plain[page]);
  struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
  if (resp == NULL) return MHD_NO;
  MHD_add_response_header(resp, "Content-Type",
                          s->page[page] != NULL ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
  if (close) MHD_add_response_header(resp, "Connection", "close");
  char remote[64];
  log_request(s, r, method, status, NULL, remote_of(c, remote, sizeof remote));
  pthread_mutex_lock(&s->lock);
  s->requests++;
  pthread_mutex_unlock(&s->lock);
  return queue(s, c, resp, status);
}

/* ------------------------------------------------------------------ worker states */

static _Thread_local httpd_server *tls_server;
static _Thread_local httpd_worker *tls_worker;

/* This thread's slot (claimed on its first request), or NULL when every slot is taken. */
static httpd_worker *current_worker(httpd_server *s) {
  if (tls_server == s && tls_worker != NULL) return tls_worker;
  httpd_worker *w = NULL;
  pthread_mutex_lock(&s->lock);
  for (int i = 0; i < s->nworkers && w == NULL; i++)
    if (!s->workers[i].claimed) {
      w = &s->workers[i];
      w->claimed = 1;
    }
  pthread_mutex_unlock(&s->lock);
  tls_server = s;
  tls_worker = w;
  return w;
}

/* The worker's state set up like the main one, HANDLER required and HANDLER.init(args) called:
** runs protected; light userdata 1 is the server. Leaves the module table. */
static int open_protected(lua_State *L) {
  httpd_server *s = lua_touserdata(L, 1);
  lua_getglobal(L, "require");
  lua_pushstring(L, s->handler);
  lua_call(L, 1, 1);
  if (!lua_istable(L, -1)) return luaL_error(L, "%s: the handler module returns no table", s->handler);
  if (lua_getfield(L, -1, "handle") != LUA_TFUNCTION)
    return luaL_error(L, "%s: the handler module has no function handle(req)", s->handler);
  lua_pop(L, 1);
  if (lua_getfield(L, -1, "init") == LUA_TFUNCTION) {
    if (luaL_loadbufferx(L, s->args_chunk, s->args_len, "=serve args", "t") != LUA_OK) return lua_error(L);
    lua_call(L, 0, 1);
    lua_call(L, 1, 0);
  } else {
    lua_pop(L, 1);
  }
  return 1;
}

static void close_worker(httpd_worker *w) {
  if (w->L == NULL) return;
  lua_State *L = w->L;
  lua_settop(L, 0);
  lua_pushcfunction(L, ptk_traceback);
  lua_rawgeti(L, LUA_REGISTRYINDEX, w->module_ref);
  if (lua_getfield(L, -1, "close") == LUA_TFUNCTION) {
    if (lua_pcall(L, 0, 0, 1) != LUA_OK)
      fprintf(stderr, "policytk serve: 关闭工作线程时出错：%s\n", lua_tostring(L, -1));
  }
  ptk_closestate(L);
  w->L = NULL;
}

void httpd_close_workers(httpd_server *s) {
  for (int i = 0; i < s->nworkers; i++) close_worker(&s->workers[i]);
}

/* Create the worker's state; 0, or -1 after logging why. */
static int open_worker(httpd_server *s, httpd_worker *w) {
  lua_State *L = ptk_newstate();
  if (L == NULL) {
    fprintf(stderr, "policytk serve: 内存不足，无法创建工作线程的 Lua 状态\n");
    return -1;
  }
  if (ptk_host_init(L, s->root) != 0 || (s->libdir != NULL && ptk_host_add_libdir(L, s->libdir) != 0)) {
    fprintf(stderr, "policytk serve: 无法初始化工作线程的 Lua 状态：%s\n", lua_tostring(L, -1));
    ptk_closestate(L);
    return -1;
  }
  lua_pushcfunction(L, ptk_traceback);
  lua_pushcfunction(L, open_protected);
  lua_pushlightuserdata(L, s);
  if (lua_pcall(L, 1, 1, 1) != LUA_OK) {
    fprintf(stderr, "policytk serve: 处理模块 %s 初始化失败：%s\n", s->handler, lua_tostring(L, -1));
    ptk_closestate(L);
    return -1;
  }
  w->module_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_settop(L, 0);
  w->L = L;
  return 0;
}

/* ------------------------------------------------------------------ the request table */

/* A key and value libmicrohttpd holds for the request (valid while it runs). */
typedef struct kv {
  const char *k, *v;
  size_t kn, vn;
} kv;

typedef struct kv_list {
  kv *items;
  size_t n, cap;
  int failed;
} kv_list;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                               const char *value, size_t value_size) {
  (void)kind;
  kv_list *l = cls;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    kv *grown = realloc(l->items, cap * sizeof *grown);
    if (grown == NULL) {
      l->failed = 1;
      return MHD_NO;
    }
    l->items = grown;
    l->cap = cap;
  }
  l->items[l->n++] = (kv){ key, value ? value : "", key_size, value ? value_size : 0 };
  return MHD_YES;
}

/* The call of one request: what invoke() reads. */
typedef struct call_ctx {
  httpd_server *s;
  httpd_worker *w;
  httpd_request *r;
  const char *method;
  const char *remote;
  kv_list headers, cookies;
  httpd_form form;
} call_ctx;

static int hexval(int ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  ch = tolower(ch);
  return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* Push s[0..n) form-decoded: '+' is a space, %HH a byte (a bad escape stays as written). */
static void push_decoded(lua_State *L, const char *s, size_t n) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (size_t i = 0; i < n; i++) {
    int hi, lo;
    if (s[i] == '+') luaL_addchar(&b, ' ');
    else if (s[i] == '%' && i + 2 < n && (hi = hexval((unsigned char)s[i + 1])) >= 0 &&
             (lo = hexval((unsigned char)s[i + 2])) >= 0) {
      luaL_addchar(&b, (char)(hi * 16 + lo));
      i += 2;
    } else luaL_addchar(&b, s[i]);
  }
  luaL_pushresult(&b);
}

/* query: the decoded name=value pairs of the request target's query (the last of a repeated
** name wins; a name without '=' has the value ""). */
static void push_query(lua_State *L, const char *uri) {
  lua_newtable(L);
  const char *q = strchr(uri, '?');
  if (q == NULL) return;
  q++;
  while (*q) {
    size_t n = strcspn(q, "&;");
    const char *eq = memchr(q, '=', n);
    size_t kn = eq ? (size_t)(eq - q) : n;
    if (kn > 0) {
      push_decoded(L, q, kn);
      if (eq) push_decoded(L, eq + 1, n - kn - 1);
      else lua_pushliteral(L, "");
      lua_rawset(L, -3);
    }
    q += n;
    if (*q) q++;
  }
}

static void push_kv(lua_State *L, const kv_list *l, int lower) {
  lua_createtable(L, 0, (int)l->n);
  for (size_t i = 0; i < l->n; i++) {
    const kv *e = &l->items[i];
    if (lower) {
      luaL_Buffer b;
      char *p = luaL_buffinitsize(L, &b, e->kn);
      for (size_t j = 0; j < e->kn; j++) p[j] = (char)tolower((unsigned char)e->k[j]);
      luaL_pushresultsize(&b, e->kn);
    } else {
      lua_pushlstring(L, e->k, e->kn);
    }
    lua_pushvalue(L, -1);
    if (lua_rawget(L, -3) == LUA_TSTRING && lower) {     /* a repeated header: joined with ", " */
      lua_pushliteral(L, ", ");
      lua_pushlstring(L, e->v, e->vn);
      lua_concat(L, 3);
    } else {                                             /* a repeated cookie: the last wins */
      lua_pop(L, 1);
      lua_pushlstring(L, e->v, e->vn);
    }
    lua_rawset(L, -3);
  }
}

/* Runs under the request's budgets: HANDLER.handle(req) → status, headers, body, user. */
static int invoke(lua_State *L) {
  call_ctx *x = lua_touserdata(L, 1);
  lua_settop(L, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, x->w->module_ref);
  lua_getfield(L, -1, "handle");
  lua_createtable(L, 0, 9);
  lua_pushstring(L, x->method);
  lua_setfield(L, -2, "method");
  const char *uri = x->r->uri;
  lua_pushlstring(L, uri, strcspn(uri, "?"));
  lua_setfield(L, -2, "path");
  push_query(L, uri);
  lua_setfield(L, -2, "query");
  push_kv(L, &x->headers, 1);
  lua_setfield(L, -2, "headers");
  push_kv(L, &x->cookies, 0);
  lua_setfield(L, -2, "cookies");
  if (x->r->body != NULL) lua_pushlstring(L, x->r->body, x->r->len);
  else lua_pushliteral(L, "");
  lua_setfield(L, -2, "body");
  httpd_form_push(L, &x->form);
  lua_setfield(L, -3, "files");
  lua_setfield(L, -2, "form");
  if (x->form.malformed) {
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "form_malformed");
  }
  lua_pushstring(L, x->remote);
  lua_setfield(L, -2, "remote");
  lua_pushnumber(L, x->r->started);
  lua_setfield(L, -2, "started");
  lua_call(L, 1, 4);
  return 4;
}

/* A header name or value the answer may carry: no CR, LF or NUL. */
static int header_ok(const char *s, size_t n) {
  return n > 0 && strcspn(s, "\r\n") == n && strlen(s) == n;
}

/* The handler's results at base+1.. → a queued answer; -1 (after logging) when malformed. */
static int build_answer(httpd_server *s, struct MHD_Connection *c, lua_State *L, int base, call_ctx *x,
                        enum MHD_Result *res) {
  int ok = 0;
  lua_Integer status = lua_tointegerx(L, base + 1, &ok);
  size_t blen = 0;
  const char *body = lua_type(L, base + 3) == LUA_TSTRING ? lua_tolstring(L, base + 3, &blen) : NULL;
  const char *why = NULL;
  if (!ok || status < 100 || status > 599) why = "status 不是 100–599 的整数";
  else if (body == NULL && !lua_isnil(L, base + 3)) why = "body 不是字符串";
  else if (!lua_isnil(L, base + 2) && !lua_istable(L, base + 2)) why = "headers 不是表";
  if (why != NULL) {
    fprintf(stderr, "policytk serve: %s.handle 的返回值有误：%s\n", s->handler, why);
    return -1;
  }
  struct MHD_Response *resp = MHD_create_response_from_buffer(blen, (void *)(body ? body : ""),
                                                              MHD_RESPMEM_MUST_COPY);
  if (resp == NULL) return -1;
  if (lua_istable(L, base + 2)) {
    lua_pushnil(L);
    while (lua_next(L, base + 2) != 0) {
      size_t kn = 0, vn = 0;
      const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &kn) : NULL;
      const char *v = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &vn) : NULL;
      if (k == NULL || v == NULL || !header_ok(k, kn) || strlen(v) != vn || strcspn(v, "\r\n") != vn ||
          MHD_add_response_header(resp, k, v) != MHD_YES) {
        fprintf(stderr, "policytk serve: %s.handle 返回的响应头有误：%s\n", s->handler, k ? k : "(非字符串键)");
        lua_pop(L, 2);
        MHD_destroy_response(resp);
        return -1;
      }
      lua_pop(L, 1);
    }
  }
  const char *user = lua_type(L, base + 4) == LUA_TSTRING ? lua_tostring(L, base + 4) : NULL;
  log_request(s, x->r, x->method, (int)status, user, x->remote);
  pthread_mutex_lock(&s->lock);
  s->requests++;
  pthread_mutex_unlock(&s->lock);
  *res = queue(s, c, resp, (int)status);
  return 0;
}

/* Run HANDLER.handle for the request and queue its answer (or 500, or 503 over budget). */
static enum MHD_Result run_handler(httpd_server *s, struct MHD_Connection *c, httpd_request *r, const char *method) {
  httpd_worker *w = current_worker(s);
  if (w == NULL) {
    fprintf(stderr, "policytk serve: 没有空闲的工作线程槽位\n");
    return answer_page(s, c, r, method, 503, HTTPD_PAGE_503, 0);
  }
  if (w->L == NULL && open_worker(s, w) != 0) return answer_page(s, c, r, method, 500, HTTPD_PAGE_500, 0);
  char remote[64];
  call_ctx x = { s, w, r, method, remote_of(c, remote, sizeof remote), { 0 }, { 0 }, { 0 } };
  MHD_get_connection_values_n(c, MHD_HEADER_KIND, collect, &x.headers);
  MHD_get_connection_values_n(c, MHD_COOKIE_KIND, collect, &x.cookies);
  int form_failed = httpd_form_parse(c, r->body, r->len, &x.form) != 0;
  enum MHD_Result res = MHD_NO;
  if (x.headers.failed || x.cookies.failed || form_failed) {
    res = answer_page(s, c, r, method, 500, HTTPD_PAGE_500, 0);
  } else {
    lua_State *L = w->L;
    int base = lua_gettop(L);
    lua_pushcfunction(L, invoke);
    lua_pushlightuserdata(L, &x);
    int stopped = 0;
    int status = ptk_limited_pcall_timed(L, 1, &s->lim, s->seconds, "请求", &stopped);
    if (status == LUA_OK && build_answer(s, c, L, base, &x, &res) == 0) {
      lua_settop(L, base);
    } else if (status != LUA_OK && stopped) {
      size_t plen = strcspn(r->uri, "?");
      fprintf(stderr, "policytk serve: %s %.*s 超出预算（%s），已中止；该工作线程的 Lua 状态将重建\n", method,
              (int)(plen > 200 ? 200 : plen), r->uri, lua_tostring(L, -1));
      pthread_mutex_lock(&s->lock);
      s->stopped++;
      pthread_mutex_unlock(&s->lock);
      close_worker(w);           /* a stop may leave module state half-updated: start afresh */
      res = answer_page(s, c, r, method, 503, HTTPD_PAGE_503, 0);
    } else {
      if (status != LUA_OK)
        fprintf(stderr, "policytk serve: %s.handle 出错：%s\n", s->handler, lua_tostring(L, -1));
      lua_settop(L, base);
      res = answer_page(s, c, r, method, 500, HTTPD_PAGE_500, 0);
    }
  }
  free(x.headers.items);
  free(x.cookies.items);
  httpd_form_free(&x.form);
  return res;
}

/* ------------------------------------------------------------------ the access handler */

enum MHD_Result httpd_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                             const char *version, const char *upload, size_t *upload_size, void **con_cls) {
  (void)url;
  (void)version;
  httpd_server *s = cls;
  httpd_request *r = *con_cls;
  if (r == NULL) return MHD_NO;                      /* out of memory in httpd_uri_log */
  if (!r->seen) {
    r->seen = 1;
    r->started = httpd_now();
    pthread_mutex_lock(&s->lock);
    s->active++;
    pthread_mutex_unlock(&s->lock);
    r->counted = 1;
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (cl != NULL) {
      char *end = NULL;
      unsigned long long n = strtoull(cl, &end, 10);
      if (end != cl && n > s->max_body) {
        r->too_large = 1;
        return answer_page(s, c, r, method, 413, HTTPD_PAGE_413, 1);
      }
    }
    return MHD_YES;
  }
  if (*upload_size > 0) {
    size_t n = *upload_size;
    *upload_size = 0;
    if (r->too_large || n > s->max_body - r->len) {
      r->too_large = 1;
      free(r->body);
      r->body = NULL;
      r->len = r->cap = 0;
      return MHD_YES;
    }
    if (r->len + n > r->cap) {
      size_t cap = r->cap ? r->cap : 4096;
      while (cap < r->len + n) cap *= 2;
      if (cap > s->max_body) cap = s->max_body;
      char *grown = realloc(r->body, cap);
      if (grown == NULL) return MHD_NO;
      r->body = grown;
      r->cap = cap;
    }
    memcpy(r->body + r->len, upload, n);
    r->len += n;
    return MHD_YES;
  }
  if (r->too_large) return answer_page(s, c, r, method, 413, HTTPD_PAGE_413, 1);
  return run_handler(s, c, r, method);
}
