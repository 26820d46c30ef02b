/*
** httpd.h — internals of the loadable module policytk.httpd (core/lua_httpd.c, the Lua API,
** options and the serve loop; core/httpd_request.c, the libmicrohttpd callbacks, the worker
** Lua states and the request log).
**
** Threads: libmicrohttpd runs a pool of `nworkers` threads; each one, on its first request,
** claims one slot of `workers` and creates that slot's Lua state (ptk_newstate + the host's
** set-up + require HANDLER + HANDLER.init(args)). A slot's state is touched only by the
** thread that claimed it, and by the main thread once libmicrohttpd has joined its threads
** (httpd_close_workers). The counters below are guarded by `lock`.
*/
#ifndef PTK_HTTPD_H
#define PTK_HTTPD_H

#include <pthread.h>
#include <stddef.h>
#include <microhttpd.h>

#include "policytk.h"

/* One worker thread's Lua state. */
typedef struct httpd_worker {
  lua_State *L;            /* NULL until the first request, and after a budget stop */
  int module_ref;          /* registry ref of the handler module's table in L */
  int claimed;             /* a pool thread owns this slot */
} httpd_worker;

/* The pages and headers the C side answers with itself (413, 500, 503). */
enum { HTTPD_PAGE_413, HTTPD_PAGE_500, HTTPD_PAGE_503, HTTPD_PAGES };

typedef struct httpd_server {
  struct MHD_Daemon *daemon;
  char *root, *libdir;     /* policytk.core.root and .libdir of the calling state */
  char *handler;           /* the handler module's name */
  char *args_chunk;        /* "return {…}": the plain-data args, rebuilt in each worker */
  size_t args_len;
  size_t max_body;         /* bytes of a request body; more → 413 without calling Lua */
  ptk_limits lim;          /* each request's instruction and memory budget */
  double seconds;          /* each request's wall-clock budget */
  int log;                 /* 1: one line per request on stderr */
  char *page[HTTPD_PAGES]; /* HTML bodies of the C-made answers (NULL: a plain default) */
  size_t page_len[HTTPD_PAGES];
  char **hdr_name, **hdr_value;  /* headers added to every answer that lacks them */
  int nhdr;
  int nworkers;
  httpd_worker *workers;
  pthread_mutex_t lock;
  pthread_cond_t idle;     /* signalled when `active` drops to 0 */
  int active;              /* requests begun and not yet completed */
  long long requests;      /* requests answered */
  long long stopped;       /* requests stopped by their budget */
} httpd_server;

/* libmicrohttpd callbacks (httpd_request.c); cls is the httpd_server. */
void *httpd_uri_log(void *cls, const char *uri, struct MHD_Connection *c);
enum MHD_Result httpd_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                             const char *version, const char *upload, size_t *upload_size, void **con_cls);
void httpd_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe);

/* Call each worker's HANDLER.close() (when it has one) and close its state. Main thread,
** after MHD_stop_daemon. */
void httpd_close_workers(httpd_server *s);

/* The fields of a posted form (httpd_form.c). */
typedef struct httpd_field {
  char *name, *filename, *type, *data;   /* filename, type: NULL for a plain field */
  size_t len, cap;
} httpd_field;

typedef struct httpd_form {
  httpd_field *f;
  size_t n, cap;
  int failed;              /* out of memory while parsing */
  int malformed;           /* the body is not a well-formed form of its Content-Type */
} httpd_form;

/* Parse body as the form its Content-Type names (urlencoded or multipart; any other type:
** no fields). 0, or -1 when out of memory. Free with httpd_form_free. */
int httpd_form_parse(struct MHD_Connection *c, const char *body, size_t len, httpd_form *form);
/* Push two tables: form (name → value) and files (name → { filename, content_type, data }). */
void httpd_form_push(lua_State *L, const httpd_form *form);
void httpd_form_free(httpd_form *form);

/* Monotonic seconds. */
double httpd_now(void);

#endif
