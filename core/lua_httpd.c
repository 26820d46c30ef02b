/*
** lua_httpd.c — the loadable module policytk.httpd (build/lib/policytk/httpd.so): an HTTP
** server on libmicrohttpd whose requests are answered by a Lua handler module, one Lua state
** per worker thread (core/httpd_request.c). docs/serve.md is the reference.
**
**   httpd.serve(opts) -> { signal =, requests =, stopped =, unfinished = }
**       Blocks until SIGTERM or SIGINT. opts:
**         listen = "127.0.0.1:8080"   an IPv4 literal or [IPv6] literal and a port; port 0 = any free one
**         handler = "policytk.serve.app"   the handler module (see "The handler contract" below)
**         args = { … }             plain data (strings, numbers, booleans, tables) given to
**                                  HANDLER.init(args) in each worker
**         workers = 4              worker threads, each with its own Lua state (1..64)
**         max_body = 1048576       bytes of a request body; more → 413, the handler not called
**         timeout = 30             seconds a connection may stay idle (a half-sent header too)
**         max_connections = 256    connections open at once
**         budget = { instructions =, memory =, seconds = }   each request's budgets (limits.c);
**                                  over one → 503, a log line, and that worker's state rebuilt
**         cert = PEM, key = PEM    HTTPS (both or neither)
**         pages = { [413] =, [500] =, [503] = }   HTML bodies of the answers made here
**         headers = { name = value }   added to every answer that does not set them itself
**         grace = 30               seconds to let requests in flight finish after a signal
**         log = true               one line per request on stderr
**         on_ready = function(url) called once the socket listens (e.g. to print the URL)
**   httpd.features() -> { tls = bool, version = "0.9.75" }
**
** The handler contract: require(HANDLER) returns a table with
**   init(args)          optional; once per worker state, before its first request
**   handle(req)         -> status, headers, body [, user]; req = { method, path (raw, undecoded),
**                          query (decoded name → value), headers (lower-case names; repeated ones
**                          joined by ", "), cookies, body, remote (address text), started
**                          (monotonic seconds) }; user only names the request's user in the log
**   close()             optional; when the server stops (close the database here)
** An error out of handle → 500 (the handler should catch its own and answer itself).
**
** On SIGTERM/SIGINT: the listening socket is closed, requests in flight finish (up to grace
** seconds), the worker states are closed (HANDLER.close, then lua_close), serve returns.
*/
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <lauxlib.h>

#include "httpd.h"

#define SERVER_MT "policytk.httpd.server"
#define MAX_WORKERS 64
#define ARGS_DEPTH 16

/* The server of one serve() call, boxed in a userdata so that an error frees it (__gc). */
typedef struct box {
  httpd_server s;
  int fd;                 /* the listening socket until libmicrohttpd owns it; -1 */
  int sync_ok;            /* lock and idle initialised */
} box;

static void free_strings(httpd_server *s) {
  free(s->root);
  free(s->libdir);
  free(s->handler);
  free(s->args_chunk);
  for (int i = 0; i < HTTPD_PAGES; i++) free(s->page[i]);
  /* the arrays are zeroed (calloc, one more slot): a name copied before its value's copy
  ** failed is freed too */
  for (int i = 0; s->hdr_name != NULL && s->hdr_name[i] != NULL; i++) {
    free(s->hdr_name[i]);
    free(s->hdr_value[i]);
  }
  free(s->hdr_name);
  free(s->hdr_value);
  memset(s, 0, sizeof *s);
}

static int box_gc(lua_State *L) {
  box *b = luaL_checkudata(L, 1, SERVER_MT);
  if (b->s.daemon != NULL) MHD_stop_daemon(b->s.daemon);
  b->s.daemon = NULL;
  if (b->s.workers != NULL) httpd_close_workers(&b->s);
  free(b->s.workers);
  b->s.workers = NULL;
  if (b->fd >= 0) close(b->fd);
  b->fd = -1;
  if (b->sync_ok) {
    pthread_mutex_destroy(&b->s.lock);
    pthread_cond_destroy(&b->s.idle);
    b->sync_ok = 0;
  }
  free_strings(&b->s);
  return 0;
}

/* malloc'd copy of n bytes (and a NUL), raising on exhaustion. */
static char *dup_n(lua_State *L, const char *p, size_t n) {
  char *c = malloc(n + 1);
  if (c == NULL) luaL_error(L, "httpd.serve: out of memory");
  memcpy(c, p, n);
  c[n] = '\0';
  return c;
}

/* ------------------------------------------------------------------ options */

static lua_Integer int_opt(lua_State *L, const char *k, lua_Integer dflt, lua_Integer lo, lua_Integer hi) {
  lua_Integer v = dflt;
  if (lua_getfield(L, 1, k) != LUA_TNIL) {
    int ok = 0;
    v = lua_tointegerx(L, -1, &ok);
    if (!ok || v < lo || v > hi)
      luaL_error(L, "httpd.serve: option %s must be an integer from %I to %I", k, lo, hi);
  }
  lua_pop(L, 1);
  return v;
}

static double num_opt(lua_State *L, int t, const char *k, double dflt, double lo, double hi) {
  double v = dflt;
  if (lua_getfield(L, t, k) != LUA_TNIL) {
    int ok = 0;
    v = (double)lua_tonumberx(L, -1, &ok);
    if (!ok || !(v >= lo && v <= hi)) luaL_error(L, "httpd.serve: option %s must be a number from %f to %f", k, lo, hi);
  }
  lua_pop(L, 1);
  return v;
}

/* A string option or NULL (raising when it is not a string). */
static const char *str_opt(lua_State *L, const char *k, size_t *n) {
  const char *v = NULL;
  int t = lua_getfield(L, 1, k);
  if (t != LUA_TNIL) {
    if (t != LUA_TSTRING) luaL_error(L, "httpd.serve: option %s must be a string", k);
    v = lua_tolstring(L, -1, n);
  }
  lua_pop(L, 1);                    /* opts keeps the string alive */
  return v;
}

/* Append n bytes to s->args_chunk (owned by the box, so an error frees it). */
static void args_put(lua_State *L, httpd_server *s, size_t *cap, const char *p, size_t n) {
  if (s->args_len + n + 1 > *cap) {
    size_t c = *cap ? *cap : 256;
    while (c < s->args_len + n + 1) c *= 2;
    char *grown = realloc(s->args_chunk, c);
    if (grown == NULL) luaL_error(L, "httpd.serve: out of memory");
    s->args_chunk = grown;
    *cap = c;
  }
  memcpy(s->args_chunk + s->args_len, p, n);
  s->args_len += n;
  s->args_chunk[s->args_len] = '\0';
}

/* Append the value at idx as Lua source (the plain data of args). */
static void put_value(lua_State *L, httpd_server *s, size_t *cap, int idx, int depth) {
  idx = lua_absindex(L, idx);
  int t = lua_type(L, idx);
  if (t == LUA_TTABLE) {
    if (depth > ARGS_DEPTH) luaL_error(L, "httpd.serve: args nested deeper than %d tables", ARGS_DEPTH);
    args_put(L, s, cap, "{", 1);
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
      int kt = lua_type(L, -2);
      if (kt != LUA_TSTRING && kt != LUA_TNUMBER && kt != LUA_TBOOLEAN)
        luaL_error(L, "httpd.serve: args holds a key that is a %s", luaL_typename(L, -2));
      args_put(L, s, cap, "[", 1);
      put_value(L, s, cap, -2, depth + 1);
      args_put(L, s, cap, "]=", 2);
      put_value(L, s, cap, -1, depth + 1);
      args_put(L, s, cap, ",", 1);
      lua_pop(L, 1);
    }
    args_put(L, s, cap, "}", 1);
  } else if (t == LUA_TSTRING || t == LUA_TNUMBER || t == LUA_TBOOLEAN) {
    lua_getglobal(L, "string");
    lua_getfield(L, -1, "format");
    lua_pushliteral(L, "%q");
    lua_pushvalue(L, idx);
    lua_call(L, 2, 1);
    size_t n;
    const char *q = lua_tolstring(L, -1, &n);
    args_put(L, s, cap, q, n);
    lua_pop(L, 2);
  } else {
    luaL_error(L, "httpd.serve: args holds a %s (plain data only: strings, numbers, booleans, tables)",
               luaL_typename(L, idx));
  }
}

/* args → "return {…}" in s->args_chunk, rebuilt by each worker. */
static void read_args(lua_State *L, httpd_server *s) {
  int t = lua_getfield(L, 1, "args");
  if (t != LUA_TNIL && t != LUA_TTABLE) luaL_error(L, "httpd.serve: option args must be a table");
  size_t cap = 0;
  args_put(L, s, &cap, "return ", 7);
  if (t == LUA_TNIL) args_put(L, s, &cap, "{}", 2);
  else put_value(L, s, &cap, -1, 0);
  lua_pop(L, 1);
}

static void read_pages_headers(lua_State *L, httpd_server *s) {
  static const int codes[HTTPD_PAGES] = { 413, 500, 503 };
  int t = lua_getfield(L, 1, "pages");
  if (t == LUA_TTABLE) {
    for (int i = 0; i < HTTPD_PAGES; i++) {
      if (lua_geti(L, -1, codes[i]) == LUA_TSTRING) {
        size_t n;
        const char *p = lua_tolstring(L, -1, &n);
        s->page[i] = dup_n(L, p, n);
        s->page_len[i] = n;
      } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "httpd.serve: pages[%d] must be a string", codes[i]);
      }
      lua_pop(L, 1);
    }
  } else if (t != LUA_TNIL) {
    luaL_error(L, "httpd.serve: option pages must be a table");
  }
  lua_pop(L, 1);
  t = lua_getfield(L, 1, "headers");
  if (t == LUA_TTABLE) {
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
      n++;
      lua_pop(L, 1);
    }
    s->hdr_name = calloc((size_t)n + 1, sizeof *s->hdr_name);
    s->hdr_value = calloc((size_t)n + 1, sizeof *s->hdr_value);
    if (s->hdr_name == NULL || s->hdr_value == NULL) luaL_error(L, "httpd.serve: out of memory");
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
      if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "httpd.serve: headers must map strings to strings");
      size_t kn, vn;
      const char *k = lua_tolstring(L, -2, &kn), *v = lua_tolstring(L, -1, &vn);
      if (strcspn(k, "\r\n:") != kn || strcspn(v, "\r\n") != vn)
        luaL_error(L, "httpd.serve: header %s holds a line break", k);
      s->hdr_name[s->nhdr] = dup_n(L, k, kn);
      s->hdr_value[s->nhdr] = dup_n(L, v, vn);
      s->nhdr++;
      lua_pop(L, 1);
    }
  } else if (t != LUA_TNIL) {
    luaL_error(L, "httpd.serve: option headers must be a table");
  }
  lua_pop(L, 1);
}

/* policytk.core.root / .libdir of the calling state. */
static void read_host(lua_State *L, httpd_server *s) {
  lua_getglobal(L, "require");
  lua_pushliteral(L, "policytk.core");
  lua_call(L, 1, 1);
  if (lua_getfield(L, -1, "root") != LUA_TSTRING) luaL_error(L, "httpd.serve: policytk.core.root is not set");
  s->root = dup_n(L, lua_tostring(L, -1), lua_rawlen(L, -1));
  if (lua_getfield(L, -2, "libdir") == LUA_TSTRING) s->libdir = dup_n(L, lua_tostring(L, -1), lua_rawlen(L, -1));
  lua_pop(L, 3);
}

/* ------------------------------------------------------------------ the socket */

typedef struct address {
  struct sockaddr_storage sa;
  socklen_t len;
  int family;
} address;

/* "HOST:PORT" (HOST an IPv4 literal, or [IPv6]) → address; raises a named error otherwise. */
static void parse_listen(lua_State *L, const char *listen, address *a) {
  memset(a, 0, sizeof *a);
  char host[64];
  const char *colon, *h = listen;
  size_t hn;
  if (*listen == '[') {
    const char *close_br = strchr(listen, ']');
    if (close_br == NULL || close_br[1] != ':') goto bad;
    h = listen + 1;
    hn = (size_t)(close_br - h);
    colon = close_br + 1;
  } else {
    colon = strrchr(listen, ':');
    if (colon == NULL) goto bad;
    hn = (size_t)(colon - listen);
  }
  if (hn == 0 || hn >= sizeof host) goto bad;
  memcpy(host, h, hn);
  host[hn] = '\0';
  char *end = NULL;
  long port = strtol(colon + 1, &end, 10);
  if (end == colon + 1 || *end != '\0' || port < 0 || port > 65535) goto bad;
  struct sockaddr_in *in4 = (struct sockaddr_in *)&a->sa;
  struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&a->sa;
  if (inet_pton(AF_INET, host, &in4->sin_addr) == 1) {
    in4->sin_family = AF_INET;
    in4->sin_port = htons((uint16_t)port);
    a->len = sizeof *in4;
    a->family = AF_INET;
    return;
  }
  if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons((uint16_t)port);
    a->len = sizeof *in6;
    a->family = AF_INET6;
    return;
  }
bad:
  luaL_error(L, "httpd.serve: 监听地址 %s 无效（应为 IP:端口，如 127.0.0.1:8080 或 [::1]:8080）", listen);
}

/* Bind and listen; returns the socket and the port bound, raising a named error. */
static int open_socket(lua_State *L, box *b, const char *where, address *a, int *port) {
  int fd = socket(a->family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return luaL_error(L, "httpd.serve: 无法创建套接字：%s", strerror(errno));
  b->fd = fd;
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(fd, (struct sockaddr *)&a->sa, a->len) != 0)
    return luaL_error(L, "httpd.serve: 无法监听 %s：%s", where, strerror(errno));
  if (listen(fd, 128) != 0) return luaL_error(L, "httpd.serve: 无法监听 %s：%s", where, strerror(errno));
  struct sockaddr_storage got;
  socklen_t gl = sizeof got;
  getsockname(fd, (struct sockaddr *)&got, &gl);
  *port = ntohs(got.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&got)->sin6_port
                                          : ((struct sockaddr_in *)&got)->sin_port);
  return fd;
}

/* ------------------------------------------------------------------ serve */

static void mhd_logger(void *cls, const char *fmt, va_list ap) {
  (void)cls;
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  size_t n = strlen(msg);
  while (n > 0 && msg[n - 1] == '\n') msg[--n] = '\0';
  fprintf(stderr, "policytk serve: libmicrohttpd: %s\n", msg);
}

/* Wait for requests in flight to finish, at most `grace` seconds; returns how many did not. */
static int drain(httpd_server *s, double grace) {
  double deadline = httpd_now() + grace;
  pthread_mutex_lock(&s->lock);
  while (s->active > 0 && httpd_now() < deadline) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 50 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000L) {
      ts.tv_sec++;
      ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&s->idle, &s->lock, &ts);
  }
  int left = s->active;
  pthread_mutex_unlock(&s->lock);
  return left;
}

static int l_serve(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  box *b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  b->fd = -1;
  luaL_setmetatable(L, SERVER_MT);
  int boxidx = lua_gettop(L);
  httpd_server *s = &b->s;

  size_t n = 0;
  const char *listen = str_opt(L, "listen", &n);
  const char *handler = str_opt(L, "handler", &n);
  if (listen == NULL) return luaL_error(L, "httpd.serve: option listen is required");
  if (handler == NULL) return luaL_error(L, "httpd.serve: option handler is required");
  s->handler = dup_n(L, handler, n);
  s->nworkers = (int)int_opt(L, "workers", 4, 1, MAX_WORKERS);
  s->max_body = (size_t)int_opt(L, "max_body", 1 << 20, 0, (lua_Integer)1 << 40);
  unsigned int timeout = (unsigned int)int_opt(L, "timeout", 30, 1, 86400);
  unsigned int max_conn = (unsigned int)int_opt(L, "max_connections", 256, 1, 65536);
  double grace = num_opt(L, 1, "grace", 30, 0, 86400);
  s->lim.instructions = PTK_DEFAULT_INSTRUCTIONS;
  s->lim.memory = PTK_DEFAULT_MEMORY;
  s->seconds = PTK_DEFAULT_SECONDS;
  int bt = lua_getfield(L, 1, "budget");
  if (bt == LUA_TTABLE) {
    s->lim.instructions = (long long)num_opt(L, -1, "instructions", (double)s->lim.instructions, 1, 1e13);
    s->lim.memory = (size_t)num_opt(L, -1, "memory", (double)s->lim.memory, 1, 1e12);
    s->seconds = num_opt(L, -1, "seconds", s->seconds, 0.001, 86400);
  } else if (bt != LUA_TNIL) {
    return luaL_error(L, "httpd.serve: option budget must be a table");
  }
  lua_pop(L, 1);
  lua_getfield(L, 1, "log");
  s->log = lua_isnil(L, -1) || lua_toboolean(L, -1);
  lua_pop(L, 1);
  size_t cert_n = 0, key_n = 0;
  const char *cert = str_opt(L, "cert", &cert_n), *key = str_opt(L, "key", &key_n);
  if ((cert == NULL) != (key == NULL)) return luaL_error(L, "httpd.serve: HTTPS needs both cert and key");
  if (cert != NULL && MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
    return luaL_error(L, "httpd.serve: this libmicrohttpd was built without TLS");
  int on_ready = lua_getfield(L, 1, "on_ready") == LUA_TFUNCTION;
  if (!on_ready && !lua_isnil(L, -1)) return luaL_error(L, "httpd.serve: option on_ready must be a function");
  lua_pop(L, 1);
  read_args(L, s);
  read_pages_headers(L, s);
  read_host(L, s);
  s->workers = calloc((size_t)s->nworkers, sizeof *s->workers);
  if (s->workers == NULL) return luaL_error(L, "httpd.serve: out of memory");
  if (pthread_mutex_init(&s->lock, NULL) != 0) return luaL_error(L, "httpd.serve: cannot create a mutex");
  if (pthread_cond_init(&s->idle, NULL) != 0) {
    pthread_mutex_destroy(&s->lock);
    return luaL_error(L, "httpd.serve: cannot create a condition variable");
  }
  b->sync_ok = 1;

  address a;
  parse_listen(L, listen, &a);
  int port = 0;
  int fd = open_socket(L, b, listen, &a, &port);

  /* the pool threads inherit a mask blocking the stop signals: only sigwait below sees them */
  sigset_t stop, old;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &stop, &old);
  unsigned int flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
  if (cert != NULL) flags |= MHD_USE_TLS;
  struct MHD_OptionItem tls_opts[] = {
    { MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)cert },
    { MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)key },
    { MHD_OPTION_END, 0, NULL },
  };
  s->daemon = MHD_start_daemon(
    flags, 0, NULL, NULL, httpd_access, s,
    MHD_OPTION_EXTERNAL_LOGGER, mhd_logger, NULL,
    MHD_OPTION_LISTEN_SOCKET, fd,
    MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)s->nworkers,
    MHD_OPTION_CONNECTION_TIMEOUT, timeout,
    MHD_OPTION_CONNECTION_LIMIT, max_conn,
    MHD_OPTION_URI_LOG_CALLBACK, httpd_uri_log, s,
    MHD_OPTION_NOTIFY_COMPLETED, httpd_completed, s,
    MHD_OPTION_ARRAY, cert != NULL ? tls_opts : tls_opts + 2,
    MHD_OPTION_END);
  if (s->daemon == NULL) {
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return luaL_error(L, "httpd.serve: libmicrohttpd 无法在 %s 上启动（见上方的 libmicrohttpd 消息）", listen);
  }
  b->fd = -1;                                        /* the daemon owns it now */

  if (on_ready) {
    lua_pushcfunction(L, ptk_traceback);
    lua_getfield(L, 1, "on_ready");
    char host[INET6_ADDRSTRLEN + 2];
    const char *colon = a.family == AF_INET6 ? strrchr(listen, ']') : strrchr(listen, ':');
    size_t hn = (size_t)(colon - listen) + (a.family == AF_INET6 ? 1 : 0);
    snprintf(host, sizeof host, "%.*s", (int)hn, listen);
    lua_pushfstring(L, "%s://%s:%d/", cert != NULL ? "https" : "http", host, port);
    if (lua_pcall(L, 1, 0, -3) != LUA_OK) {
      MHD_stop_daemon(s->daemon);
      s->daemon = NULL;
      pthread_sigmask(SIG_SETMASK, &old, NULL);
      return lua_error(L);
    }
    lua_pop(L, 1);
  }

  int sig = 0;
  for (;;) {
    if (sigwait(&stop, &sig) != 0) continue;
    if (sig != SIGPIPE) break;
  }
  MHD_socket lfd = MHD_quiesce_daemon(s->daemon);     /* no new connections from here */
  if (lfd != MHD_INVALID_SOCKET) close(lfd);
  int unfinished = drain(s, grace);
  MHD_stop_daemon(s->daemon);                         /* joins the pool threads */
  s->daemon = NULL;
  httpd_close_workers(s);
  struct timespec zero = { 0, 0 };
  sigset_t pipe_only;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  while (sigtimedwait(&pipe_only, NULL, &zero) == SIGPIPE) {}
  pthread_sigmask(SIG_SETMASK, &old, NULL);

  lua_createtable(L, 0, 4);
  lua_pushstring(L, sig == SIGINT ? "SIGINT" : "SIGTERM");
  lua_setfield(L, -2, "signal");
  lua_pushinteger(L, (lua_Integer)s->requests);
  lua_setfield(L, -2, "requests");
  lua_pushinteger(L, (lua_Integer)s->stopped);
  lua_setfield(L, -2, "stopped");
  lua_pushinteger(L, unfinished);
  lua_setfield(L, -2, "unfinished");
  lua_pushcfunction(L, box_gc);                       /* free what the server held, now */
  lua_pushvalue(L, boxidx);
  lua_call(L, 1, 0);
  return 1;
}

static int l_features(lua_State *L) {
  lua_createtable(L, 0, 2);
  lua_pushboolean(L, MHD_is_feature_supported(MHD_FEATURE_TLS) == MHD_YES);
  lua_setfield(L, -2, "tls");
  lua_pushstring(L, MHD_get_version());
  lua_setfield(L, -2, "version");
  return 1;
}

static const luaL_Reg box_meta[] = { { "__gc", box_gc }, { "__close", box_gc }, { NULL, NULL } };
static const luaL_Reg httpd_funcs[] = { { "serve", l_serve }, { "features", l_features }, { NULL, NULL } };

int luaopen_policytk_httpd(lua_State *L) {
  ptk_new_class(L, SERVER_MT, box_meta, NULL);
  luaL_newlib(L, httpd_funcs);
  return 1;
}
