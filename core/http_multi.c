/*
** http_multi.c — runs a batch of HTTP transfers through one curl multi handle: a total and a
** per-host concurrency cap, a polite delay between starts on one host, retries with
** exponential backoff and jitter (connection errors, timeouts, 5xx; never 4xx), redirects
** followed here (so that every hop is checked against the allowed hosts), a size cap, and
** each failure sorted into a category. Pure C: no Lua state is touched while curl runs.
**
** A restricted batch (an allow list) also checks every address curl connects to
** (http_address_allowed, through CURLOPT_OPENSOCKETFUNCTION) and uses no proxy.
*/
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <strings.h>
#include <time.h>

#include "http.h"
#include "policytk.h"

double http_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int http_buf_reserve(http_buf *b, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (p == NULL) return -1;
    b->p = p;
    b->cap = cap;
  }
  return 0;
}

int http_buf_add(http_buf *b, const char *s, size_t n) {
  if (http_buf_reserve(b, n) != 0) return -1;
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
  return 0;
}

static void buf_reset(http_buf *b) {
  b->n = 0;
  if (b->p) b->p[0] = '\0';
}

CURLU *http_url_parse(const char *url, char **host) {
  *host = NULL;
  CURLU *u = curl_url();
  if (u == NULL) return NULL;
  char *scheme = NULL, *name = NULL;
  if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
      (strcasecmp(scheme, "http") == 0 || strcasecmp(scheme, "https") == 0) &&
      curl_url_get(u, CURLUPART_HOST, &name, 0) == CURLUE_OK) {
    *host = strdup(name);
    if (*host)
      for (char *c = *host; *c; c++) *c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
  }
  curl_free(scheme);
  curl_free(name);
  if (*host == NULL) {
    curl_url_cleanup(u);
    return NULL;
  }
  return u;
}

/* 1 when the 4 bytes of an IPv4 address are loopback, private, link-local, unspecified or
** carrier-grade NAT space. */
static int special_v4(const unsigned char *a) {
  return a[0] == 127 || a[0] == 0 || a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) ||
         (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254) ||
         (a[0] == 100 && (a[1] & 0xc0) == 64);
}

int http_address_allowed(char *const *allow, size_t n, const struct sockaddr *sa, char *text, size_t textn) {
  int special;
  text[0] = '\0';
  if (sa->sa_family == AF_INET) {
    const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
    special = special_v4((const unsigned char *)&in->sin_addr);
    inet_ntop(AF_INET, &in->sin_addr, text, (socklen_t)textn);
  } else if (sa->sa_family == AF_INET6) {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
    const unsigned char *a = in6->sin6_addr.s6_addr;
    static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    static const unsigned char zero[12] = { 0 };
    if (memcmp(a, mapped, 12) == 0 || memcmp(a, zero, 12) == 0)   /* ::ffff:a.b.c.d, ::a.b.c.d, ::1, :: */
      special = memcmp(a, zero, 12) == 0 ? 1 : special_v4(a + 12);
    else
      special = (a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0x80);   /* fc00::/7, fe80::/10 */
    inet_ntop(AF_INET6, &in6->sin6_addr, text, (socklen_t)textn);
  } else {
    return 0;   /* not an internet socket */
  }
  if (!special) return 1;
  for (size_t i = 0; i < n; i++)
    if (strcasecmp(allow[i], text) == 0) return 1;
  return 0;
}

/* curl's socket opener for the transfers of a restricted batch: refuses (and records) an
** address the batch's list does not allow. */
static curl_socket_t open_socket(void *ud, curlsocktype purpose, struct curl_sockaddr *addr) {
  http_xfer *x = ud;
  (void)purpose;
  char text[64];
  if (!http_address_allowed(x->allow, x->nallow, &addr->addr, text, sizeof text)) {
    snprintf(x->refused, sizeof x->refused, "%s", text[0] ? text : "?");
    return CURL_SOCKET_BAD;
  }
  return socket(addr->family, addr->socktype, addr->protocol);
}

int http_host_allowed(const http_batch *b, const char *host) {
  if (b->allow == NULL) return 1;
  for (size_t i = 0; i < b->nallow; i++)
    if (strcasecmp(b->allow[i], host) == 0) return 1;
  return 0;
}

/* Index of the host h in the batch's table (added when new), or -1 when out of memory. */
static int host_slot(http_batch *b, const char *h) {
  for (size_t i = 0; i < b->nhosts; i++)
    if (strcmp(b->hosts[i].name, h) == 0) return (int)i;
  if (b->nhosts == b->caphosts) {
    size_t cap = b->caphosts ? b->caphosts * 2 : 8;
    http_host *p = realloc(b->hosts, cap * sizeof *p);
    if (p == NULL) return -1;
    b->hosts = p;
    b->caphosts = cap;
  }
  char *name = strdup(h);
  if (name == NULL) return -1;
  b->hosts[b->nhosts].name = name;
  b->hosts[b->nhosts].active = 0;
  b->hosts[b->nhosts].next_start = 0;
  return (int)b->nhosts++;
}

/* A recycled buffer from sp, emptied, for a transfer that has none yet. */
static void take_spare(http_spares *sp, http_buf *into) {
  if (into->p != NULL || sp->n == 0) return;
  *into = sp->v[--sp->n];
  buf_reset(into);
}

static void give_spare(http_spares *sp, size_t max, http_buf *from) {
  if (from->p == NULL) return;
  if (sp->v != NULL && sp->n < max) sp->v[sp->n++] = *from;
  else free(from->p);
  from->p = NULL;
  from->n = from->cap = 0;
}

static void free_spares(http_spares *sp) {
  for (size_t i = 0; i < sp->n; i++) free(sp->v[i].p);
  free(sp->v);
  sp->v = NULL;
  sp->n = 0;
}

void http_batch_recycle(http_batch *b, http_xfer *x) {
  give_spare(&b->spare_data, (size_t)b->concurrency, &x->data);
  give_spare(&b->spare_hdrs, (size_t)b->concurrency, &x->hdrs);
}

/* The largest body size announced by Content-Length that is reserved at once (a hint only:
** a bigger body still grows the buffer as it arrives). */
#define RESERVE_MAX (16u << 20)

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *ud) {
  http_xfer *x = ud;
  size_t n = size * nmemb;
  if (x->max_size > 0 && (long long)(x->data.n + n) > x->max_size) {
    x->too_large = 1;
    return 0;
  }
  if (x->data.n == 0) {   /* first bytes: room for the announced length, in one allocation */
    curl_off_t len = -1;
    if (curl_easy_getinfo(x->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &len) == CURLE_OK && len > (curl_off_t)n &&
        len <= (curl_off_t)RESERVE_MAX && (x->max_size <= 0 || len <= x->max_size))
      (void)http_buf_reserve(&x->data, (size_t)len);   /* on failure the growth below still tries */
  }
  return http_buf_add(&x->data, ptr, n) == 0 ? n : 0;
}

static size_t on_header(char *ptr, size_t size, size_t nmemb, void *ud) {
  http_xfer *x = ud;
  size_t n = size * nmemb;
  if (n >= 5 && strncmp(ptr, "HTTP/", 5) == 0) buf_reset(&x->hdrs);  /* a new response */
  return http_buf_add(&x->hdrs, ptr, n) == 0 ? n : 0;
}

static void set_failure(http_xfer *x, const char *category, const char *message) {
  x->category = category;
  free(x->message);
  x->message = strdup(message ? message : category);
}

/* The category of a curl error. */
static const char *classify(CURLcode rc) {
  switch (rc) {
  case CURLE_OPERATION_TIMEDOUT: return "timeout";
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY: return "dns";
  case CURLE_COULDNT_CONNECT:
  case CURLE_SEND_ERROR:
  case CURLE_RECV_ERROR:
  case CURLE_GOT_NOTHING: return "connect";
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_SSL_CIPHER:
  case CURLE_SSL_CACERT_BADFILE:
  case CURLE_SSL_ISSUER_ERROR:
  case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
  case CURLE_SSL_CRL_BADFILE:
  case CURLE_SSL_ENGINE_INITFAILED: return "tls";
  case CURLE_FILESIZE_EXCEEDED: return "too_large";
  case CURLE_TOO_MANY_REDIRECTS: return "too_many_redirects";
  case CURLE_PARTIAL_FILE: return "truncated";
  default: return "http";
  }
}

static int retryable(const char *category) {
  return strcmp(category, "timeout") == 0 || strcmp(category, "connect") == 0 ||
         strcmp(category, "dns") == 0;
}

/* Set up the easy handle for the transfer's current URL and method. */
static int setup(http_batch *b, http_xfer *x) {
  if (x->easy == NULL) {   /* an idle handle of this batch (its buffers already allocated), or a new one */
    x->easy = b->npool > 0 ? b->pool[--b->npool] : curl_easy_init();
    if (x->easy == NULL) return -1;
  }
  CURL *e = x->easy;
  curl_easy_reset(e);
  if (x->uh) curl_easy_setopt(e, CURLOPT_CURLU, x->uh);   /* parsed once, in fill() or below */
  else curl_easy_setopt(e, CURLOPT_URL, x->url);
  curl_easy_setopt(e, CURLOPT_PRIVATE, x);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  if (b->allow != NULL) {   /* every address a restricted client connects to is checked */
    x->allow = b->allow;
    x->nallow = b->nallow;
    x->refused[0] = '\0';
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, open_socket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, x);
    curl_easy_setopt(e, CURLOPT_PROXY, "");   /* no proxy: the address checked is the server's */
  }
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(e, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(e, CURLOPT_USERAGENT, b->user_agent);
  curl_easy_setopt(e, CURLOPT_BUFFERSIZE, 65536L);
  if (x->timeout_ms > 0) curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, x->timeout_ms);
  if (x->connect_timeout_ms > 0) curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, x->connect_timeout_ms);
  if (x->max_size > 0) curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)x->max_size);
  if (x->headers) curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
  if (strcmp(x->method, "GET") == 0) {
    curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  } else if (strcmp(x->method, "HEAD") == 0) {
    curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  } else {
    if (x->body) {
      curl_easy_setopt(e, CURLOPT_POSTFIELDS, x->body);
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)x->body_len);
    }
    if (strcmp(x->method, "POST") != 0 || x->body == NULL)
      curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, x->method);
  }
  /* a delivered transfer's buffers (still warm in the cache, already grown) when there are any */
  take_spare(&b->spare_data, &x->data);
  take_spare(&b->spare_hdrs, &x->hdrs);
  buf_reset(&x->data);
  buf_reset(&x->hdrs);
  x->too_large = 0;
  x->errbuf[0] = '\0';
  return 0;
}

static void finish(http_xfer *x, size_t *done) {
  x->state = HTTP_DONE;
  x->elapsed = http_now() - x->started;
  /* checked here, while the other transfers are still under way, rather than all at the end */
  x->utf8 = x->category == NULL && ptk_utf8_valid(x->data.p ? x->data.p : "", x->data.n);
  (*done)++;
}

/* The attempt's easy handle goes back to the pool for the next transfer: a thousand requests
** make as many handles as the concurrency, not a thousand. (libcurl 7.88 still allocates its
** receive buffer for each transfer; malloc hands the freed block back to the next one.) */
static void release(http_batch *b, http_xfer *x) {
  if (x->easy == NULL) return;
  if (b->pool != NULL && b->npool < (size_t)b->concurrency) b->pool[b->npool++] = x->easy;
  else curl_easy_cleanup(x->easy);
  x->easy = NULL;
}

/* Schedule another attempt after backoff; 1 when scheduled, 0 when retries are spent. */
static int retry_later(http_xfer *x) {
  if (x->attempt >= x->retries) return 0;
  double wait = x->retry_base;
  for (int i = 0; i < x->attempt; i++) wait *= 2;
  wait *= 0.75 + 0.5 * ((double)rand() / RAND_MAX);   /* jitter: ±25% */
  x->attempt++;
  x->state = HTTP_PENDING;
  x->not_before = http_now() + wait;
  return 1;
}

/* A finished attempt: redirect, retry, or the outcome. */
static void completed(http_batch *b, http_xfer *x, CURLcode rc, size_t *done) {
  curl_multi_remove_handle(b->multi, x->easy);
  b->hosts[x->host].active--;
  if (rc != CURLE_OK && x->refused[0]) {   /* an address the list does not allow: no retry */
    char msg[CURL_ERROR_SIZE + 160];
    snprintf(msg, sizeof msg, "%s resolves to %s, a %s address the manifest hosts of %s do not list", x->url,
             x->refused, "loopback, private or link-local", b->owner ? b->owner : "the plugin");
    set_failure(x, "forbidden", msg);
    finish(x, done);
    return;
  }
  if (rc != CURLE_OK) {
    const char *cat = x->too_large ? "too_large" : classify(rc);
    if (retryable(cat) && retry_later(x)) return;
    char msg[CURL_ERROR_SIZE + 64];
    if (x->too_large)
      snprintf(msg, sizeof msg, "body larger than max_size (%lld bytes)", x->max_size);
    else
      snprintf(msg, sizeof msg, "%s", x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc));
    set_failure(x, cat, msg);
    finish(x, done);
    return;
  }
  long status = 0;
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
  x->status = status;
  char *location = NULL;
  if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
    curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &location);
  if (location && x->max_redirects >= 0) {
    if (x->redirects >= x->max_redirects) {
      char msg[96];
      snprintf(msg, sizeof msg, "more than %ld redirects", x->max_redirects);
      set_failure(x, "too_many_redirects", msg);
      finish(x, done);
      return;
    }
    char *host;
    CURLU *uh = http_url_parse(location, &host);
    if (host == NULL || !http_host_allowed(b, host)) {
      size_t n = strlen(location) + (b->owner ? strlen(b->owner) : 0) + 96;
      char *msg = malloc(n);
      if (msg && host && b->owner)
        snprintf(msg, n, "redirect to %s, a host the manifest of %s does not list", location, b->owner);
      else if (msg)
        snprintf(msg, n, "redirect to %s, %s", location,
                 host ? "a host the plugin's manifest does not list" : "not an http(s) URL");
      set_failure(x, host ? "forbidden" : "http", msg ? msg : "redirect refused");
      free(msg);
      free(host);
      curl_url_cleanup(uh);
      finish(x, done);
      return;
    }
    int h = host_slot(b, host);                    /* the new host's cap applies from here */
    free(host);
    char *next = strdup(location);
    if (next == NULL) {
      curl_url_cleanup(uh);
      set_failure(x, "http", "out of memory");
      finish(x, done);
      return;
    }
    free(x->url);
    x->url = next;
    curl_url_cleanup(x->uh);
    x->uh = uh;
    x->redirects++;
    if (status == 303 || ((status == 301 || status == 302) && strcmp(x->method, "POST") == 0)) {
      char *get = strdup("GET");
      if (get) {
        free(x->method);
        x->method = get;
        free(x->body);
        x->body = NULL;
        x->body_len = 0;
      }
    }
    x->host = h < 0 ? 0 : h;
    x->state = HTTP_PENDING;
    x->not_before = 0;
    return;
  }
  if (status >= 500 && retry_later(x)) return;
  finish(x, done);
}

static int start(http_batch *b, http_xfer *x, double now) {
  if (setup(b, x) != 0) return -1;
  if (x->started == 0) x->started = now;
  if (curl_multi_add_handle(b->multi, x->easy) != CURLM_OK) return -1;
  x->state = HTTP_ACTIVE;
  http_host *h = &b->hosts[x->host];
  h->active++;
  h->next_start = now + b->delay;
  return 0;
}

/* The most idle easy handles a session keeps for the next batches. */
#define SESSION_POOL_MAX 64

/* Borrow the session's multi handle (its open connections with it) and up to `slots` of its
** idle easy handles, when there is a session and no other batch has it. */
static void borrow_session(http_batch *b, size_t slots) {
  http_session *s = b->session;
  if (s == NULL || s->busy || s->closed) return;
  if (s->multi == NULL) s->multi = curl_multi_init();
  if (s->multi == NULL) return;
  b->multi = s->multi;
  b->borrowed = 1;
  s->busy = 1;
  while (s->npool > 0 && b->npool < slots) b->pool[b->npool++] = s->pool[--s->npool];
}

/* Give the session back its multi handle and the batch's idle easy handles (those past
** SESSION_POOL_MAX, or all of them when the state is closing, are freed). */
static void return_session(http_batch *b) {
  http_session *s = b->session;
  size_t want = s->npool + b->npool < SESSION_POOL_MAX ? s->npool + b->npool : SESSION_POOL_MAX;
  if (!s->closed && want > s->cap) {
    CURL **p = realloc(s->pool, want * sizeof *p);
    if (p != NULL) {
      s->pool = p;
      s->cap = want;
    }
  }
  for (size_t i = 0; i < b->npool; i++) {
    if (!s->closed && s->npool < s->cap) s->pool[s->npool++] = b->pool[i];
    else curl_easy_cleanup(b->pool[i]);
  }
  b->npool = 0;
  b->multi = NULL;
  b->borrowed = 0;
  s->busy = 0;
  if (s->closed) http_session_close(s);
}

void http_session_close(http_session *s) {
  s->closed = 1;
  if (s->busy) return;   /* the batch that has it frees it when it is done */
  for (size_t i = 0; i < s->npool; i++) curl_easy_cleanup(s->pool[i]);
  free(s->pool);
  s->pool = NULL;
  s->npool = s->cap = 0;
  if (s->multi) curl_multi_cleanup(s->multi);
  s->multi = NULL;
}

int http_batch_run(http_batch *b, const char **err) {
  size_t slots = (size_t)(b->concurrency > 0 ? b->concurrency : 1);
  b->pool = calloc(slots, sizeof *b->pool);
  b->spare_data.v = calloc(slots, sizeof(http_buf));
  b->spare_hdrs.v = calloc(slots, sizeof(http_buf));
  if (b->pool == NULL || b->spare_data.v == NULL || b->spare_hdrs.v == NULL) {
    *err = "out of memory";
    return -1;
  }
  borrow_session(b, slots);
  if (b->multi == NULL) b->multi = curl_multi_init();
  if (b->multi == NULL) {
    *err = "curl_multi_init failed";
    return -1;
  }
  /* the connections kept open for the next batch: as many as this one runs at once */
  curl_multi_setopt(b->multi, CURLMOPT_MAXCONNECTS, (long)slots);
  for (size_t i = 0; i < b->n; i++) {
    http_xfer *x = &b->x[i];
    int h = host_slot(b, x->host_name);
    if (h < 0) {
      *err = "out of memory";
      return -1;
    }
    b->x[i].host = h;
  }
  size_t done = 0, first = 0;
  int active = 0;
  for (size_t i = 0; i < b->n; i++)
    if (b->x[i].state == HTTP_DONE) {         /* refused before starting (forbidden host) */
      done++;
      if (b->on_done) b->on_done(b, &b->x[i]);
    }
  while (done < b->n) {
    double now = http_now();
    double wait = 1.0;
    while (first < b->n && b->x[first].state == HTTP_DONE) first++;
    for (size_t i = first; i < b->n && active < b->concurrency; i++) {
      http_xfer *x = &b->x[i];
      if (x->state != HTTP_PENDING) continue;
      http_host *h = &b->hosts[x->host];
      if (h->active >= b->per_host) continue;
      double due = x->not_before > h->next_start ? x->not_before : h->next_start;
      if (due > now) {
        if (due - now < wait) wait = due - now;
        continue;
      }
      if (start(b, x, now) != 0) {
        *err = "cannot start a transfer (out of memory)";
        return -1;
      }
      active++;
    }
    int running = 0;
    curl_multi_perform(b->multi, &running);
    CURLMsg *msg;
    int left, finished = 0;
    while ((msg = curl_multi_info_read(b->multi, &left)) != NULL) {
      finished = 1;
      if (msg->msg != CURLMSG_DONE) continue;
      http_xfer *x = NULL;
      CURL *e = msg->easy_handle;
      CURLcode rc = msg->data.result;
      curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&x);
      active--;
      completed(b, x, rc, &done);
      release(b, x);
      if (x->state == HTTP_DONE && b->on_done) b->on_done(b, x);
    }
    if (done >= b->n) break;
    if (finished) continue;   /* redirects and slots freed: schedule again before waiting */
    int ms = (int)(wait * 1000);
    if (ms < 1) ms = 1;
    if (active > 0 && ms > 100) ms = 100;
    curl_multi_poll(b->multi, NULL, 0, ms, NULL);
  }
  return 0;
}

void http_batch_free(http_batch *b) {
  for (size_t i = 0; i < b->n; i++) {
    http_xfer *x = &b->x[i];
    if (x->easy) {
      if (b->multi && x->state == HTTP_ACTIVE) curl_multi_remove_handle(b->multi, x->easy);
      curl_easy_cleanup(x->easy);
    }
    free(x->url);
    curl_url_cleanup(x->uh);
    free(x->host_name);
    free(x->method);
    free(x->body);
    free(x->message);
    free(x->data.p);
    free(x->hdrs.p);
    curl_slist_free_all(x->headers);
  }
  free(b->x);
  b->x = NULL;
  b->n = 0;
  if (b->borrowed) {
    return_session(b);
  } else {
    for (size_t i = 0; i < b->npool; i++) curl_easy_cleanup(b->pool[i]);
    b->npool = 0;
    if (b->multi) curl_multi_cleanup(b->multi);
    b->multi = NULL;
  }
  free(b->pool);
  b->pool = NULL;
  free_spares(&b->spare_data);
  free_spares(&b->spare_hdrs);
  for (size_t i = 0; i < b->nhosts; i++) free(b->hosts[i].name);
  free(b->hosts);
  b->hosts = NULL;
  b->nhosts = b->caphosts = 0;
  for (size_t i = 0; i < b->nallow; i++) free(b->allow[i]);
  free(b->allow);
  b->allow = NULL;
  b->nallow = 0;
  free(b->owner);
  b->owner = NULL;
}
