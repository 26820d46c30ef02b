/*
** http.h — internals of the loadable module policytk.http (core/lua_http.c, core/http_*.c):
** a batch of transfers run through one curl multi handle (http_multi.c) and the charset
** choice for decoding bodies (http_charset.c). No Lua call happens inside curl: the batch
** is filled from Lua tables first, then run; each transfer is handed to the batch's on_done
** as it finishes (between two curl calls), or turned into a Lua table after the run.
*/
#ifndef PTK_HTTP_H
#define PTK_HTTP_H

#include <stddef.h>
#include <sys/socket.h>
#include <curl/curl.h>

/* A growable byte buffer (malloc'd). */
typedef struct http_buf {
  char *p;
  size_t n, cap;
} http_buf;

enum { HTTP_PENDING = 0, HTTP_ACTIVE, HTTP_DONE };

/* One request and, once done, its outcome. Strings are malloc'd and owned. */
typedef struct http_xfer {
  CURL *easy;                   /* while an attempt runs; back in the batch's pool after it */
  char *url;                    /* the URL requested now (changes on redirects) */
  CURLU *uh;                    /* url, parsed (handed to curl so that it is parsed once) */
  char *host_name;              /* the first URL's host (lowercase; fill() always sets it) */
  char *method;                 /* GET, POST, HEAD, ... */
  char *body;                   /* request body or NULL */
  size_t body_len;
  struct curl_slist *headers;   /* request headers */
  long timeout_ms, connect_timeout_ms;
  long long max_size;           /* 0: no limit */
  long max_redirects;
  int retries;                  /* retries after the first attempt */
  double retry_base;            /* seconds before the first retry */
  /* progress */
  int state, attempt, redirects, host;
  double not_before, started, elapsed;
  int too_large;
  int utf8;                     /* once done: 1 when data is well-formed UTF-8 */
  http_buf data, hdrs;
  /* outcome */
  long status;
  const char *category;         /* NULL on success, else the error category */
  char *message;                /* error message */
  char errbuf[CURL_ERROR_SIZE];
  /* address check of a restricted batch (allow != NULL): the lists below, and once curl was
  ** refused a socket, the address it resolved to (shown in the forbidden error) */
  char *const *allow;
  size_t nallow;
  char refused[64];             /* "" or the refused address */
} http_xfer;

/* Buffers kept for reuse. */
typedef struct http_spares {
  http_buf *v;
  size_t n;
} http_spares;

/* What one Lua state keeps between batches (lua_http.c holds it in the registry): a multi
** handle, whose connection and DNS caches let the next batch reuse the connections this one
** opened, and the idle easy handles. A batch borrows it while it runs (busy); a batch that
** starts while another runs (from Lua code called between two curl calls) makes its own. */
typedef struct http_session {
  CURLM *multi;
  CURL **pool;
  size_t npool, cap;
  int busy;
  int closed;                   /* the state is closing: the borrower frees it all when done */
} http_session;

/* Free what the session owns (unless a batch has it: then that batch does, when freed). */
void http_session_close(http_session *s);

/* Per-host bookkeeping of a batch. */
typedef struct http_host {
  char *name;
  int active;
  double next_start;
} http_host;

typedef struct http_batch {
  http_xfer *x;
  size_t n;
  CURLM *multi;                 /* the session's while borrowed, else the batch's own */
  http_session *session;        /* NULL: none (the batch makes and frees its own handles) */
  int borrowed;                 /* 1 while the batch has the session */
  http_host *hosts;
  size_t nhosts, caphosts;
  char **allow;                 /* allowed hosts (lowercase) or NULL: any host */
  size_t nallow;
  char *owner;                  /* whose list allow is ("plugin hangzhou"), or NULL */
  int concurrency, per_host;
  double delay;                 /* seconds between two starts on one host */
  const char *user_agent;
  CURL **pool;                  /* idle easy handles, reused by the next transfer (at most */
  size_t npool;                 /* `concurrency` of them: one per slot) */
  http_spares spare_data;       /* body and header buffers of delivered transfers, reused by */
  http_spares spare_hdrs;       /* the next ones (at most `concurrency` of each) */
  /* Called with each transfer as it is done, in the order they finish, between two curl calls
  ** (never inside one): it may use a Lua state and raise, since the batch is boxed in a
  ** userdata whose __gc frees it. NULL: nothing is called. */
  void (*on_done)(struct http_batch *b, http_xfer *x);
  void *ud;                     /* for on_done */
} http_batch;

/* Run every transfer of the batch to completion (success or failure). Returns 0, or -1
** when curl itself could not be set up (out of memory); the message is put in *err. */
int http_batch_run(http_batch *b, const char **err);

/* Give x's body and header buffers back to the batch, for the transfers that start next
** (once their bytes are copied elsewhere); x keeps empty buffers. */
void http_batch_recycle(http_batch *b, http_xfer *x);

/* Free what the batch owns (transfers, handles, host tables), leaving it empty; a borrowed
** session gets its multi handle (with the connections, kept open) and the idle handles back. */
void http_batch_free(http_batch *b);

/* url parsed, with its host (lowercased, malloc'd) in *host; NULL (and *host NULL) when url
** is not an absolute http or https URL, or out of memory. Free with curl_url_cleanup. */
CURLU *http_url_parse(const char *url, char **host);

/* 1 when host is allowed by the batch's list (or the batch has none). */
int http_host_allowed(const http_batch *b, const char *host);
/* 1 when a restricted client (allow list of n hosts) may connect to the address sa: any
** public address; a loopback, private, link-local or unspecified one (IPv4, IPv6, IPv4-mapped)
** only when the list names that very address as a literal (127.0.0.1). The text of the address
** is written to text (size textn). Checked on every socket curl opens, so that a listed name
** that resolves to such an address, or a host spelled as 127.1 / 2130706433 / 0x7f000001 /
** [::ffff:127.0.0.1], does not reach it. */
int http_address_allowed(char *const *allow, size_t n, const struct sockaddr *sa, char *text, size_t textn);

/* Monotonic seconds. */
double http_now(void);

/* Append n bytes to a buffer; returns 0, or -1 when out of memory. */
int http_buf_add(http_buf *b, const char *s, size_t n);

/*
** The charset named by a Content-Type value ("text/html; charset=GBK" → "gbk"), written
** lowercased to out (size outn). Returns 1 when found. Also reports whether the media type
** is textual (text/..., xml, json, javascript, or no type at all) in *is_text.
*/
int http_header_charset(const char *ctype, char *out, size_t outn, int *is_text);

/* The charset declared inside a document: <meta charset>, <meta http-equiv content=…charset=>
** or <?xml encoding=?>, looked for in the first 8 KiB. Returns 1 when found. */
int http_meta_charset(const char *s, size_t n, char *out, size_t outn);

/*
** Set body, charset and replaced on the response table at index resp (its headers field holds
** the lowercased response headers) from the raw bytes at index raw (utf8: 1 when they are
** well-formed UTF-8, as http_multi.c found): the header's charset first, then the document's
** own declaration (http_meta_charset), then text.detect. When a declaration other than the
** header's leaves invalid bytes and detection finds a charset that decodes cleanly, that one
** wins. Replaced bytes are counted (and logged naming url). body is always valid UTF-8. A
** media type that is not textual gets no body. Raises only when policytk.text cannot be had.
*/
struct lua_State;
void http_decode_body(struct lua_State *L, int resp, int raw, const char *url, int utf8);

/* Reserve room for at least n more bytes (and the terminating NUL); 0, or -1 when out of
** memory (the buffer is left as it was). */
int http_buf_reserve(http_buf *b, size_t n);

#endif
