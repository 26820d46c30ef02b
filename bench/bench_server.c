/*
** bench_server.c — the fixture portal of bench/fetch.sh: serves the /bench/art_N.html pages
** (the same bytes and ETags as tests/fixtures/portal/server.py, written to a folder by
** `bench_server.py --write DIR`) from memory, one epoll loop on one thread, keep-alive, every
** response prebuilt, so that the server is not what the bench measures (the Python asyncio
** server spent about 19 ms of CPU on 1,000 304s and 25 ms on 1,000 200s).
**
**   build/bench/bench_server DIR [--lifetime SECONDS]
**
** DIR/index holds one line per page: "PATH ETAG FILE" (FILE relative to DIR). Prints
** "PORT n" on its first line (127.0.0.1, ephemeral port), then serves:
**   GET|HEAD PATH   200 with ETag and Last-Modified, or 304 when If-None-Match is the ETag
**   GET /__stats    "requests=R ok=A not_modified=B" since the start (text/plain)
**   GET /__quit     stops the server
** anything else: 404. A request with a body is refused (400, connection closed); a request
** head over 64 KiB gets 431. HTTP/1.0 and "Connection: close" close after the answer.
** Pipelined requests are answered in order (the next is parsed once the previous answer is
** sent). Exits when its lifetime (default 900 s) is over.
*/
#define _GNU_SOURCE   /* accept4 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_HEAD 65536
#define LAST_MODIFIED "Tue, 05 Mar 2024 01:00:00 GMT"

typedef struct page {
  char *path, *etag;
  char *full, *not_modified;   /* whole 200 response (head + body); the 304 response */
  size_t full_n, head_n, nm_n; /* head_n: the 200 head alone (a HEAD's answer) */
} page;

typedef struct conn {
  int fd;
  char *in;                    /* received bytes not yet parsed */
  size_t in_n, in_cap;
  const char *out;             /* what is being sent: a page's bytes or own */
  size_t out_n, out_off;
  char *own;                   /* a response built for this connection (stats, errors) */
  int close_after, want_out;
  struct conn *prev, *next;    /* the open connections, freed at the end */
} conn;

static page *pages;
static size_t npages;
static unsigned long long n_requests, n_ok, n_not_modified;
static int quit;
static conn *conns;

static void die(const char *what) {
  fprintf(stderr, "bench_server: %s: %s\n", what, strerror(errno));
  exit(1);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (p == NULL) die("malloc");
  return p;
}

static char *read_file(const char *name, size_t *n) {
  FILE *f = fopen(name, "rb");
  if (f == NULL) die(name);
  size_t cap = 65536, len = 0;
  char *p = xmalloc(cap);
  for (;;) {
    if (len == cap) {
      cap *= 2;
      p = realloc(p, cap);
      if (p == NULL) die("realloc");
    }
    size_t r = fread(p + len, 1, cap - len, f);
    len += r;
    if (r == 0) break;
  }
  if (ferror(f)) die(name);
  fclose(f);
  *n = len;
  return p;
}

/* Build the pages from DIR/index ("PATH ETAG FILE" lines). */
static void load_pages(const char *dir) {
  size_t ilen;
  char name[4096];
  snprintf(name, sizeof name, "%s/index", dir);
  char *idx = read_file(name, &ilen);
  size_t cap = 1024;
  pages = xmalloc(cap * sizeof *pages);
  for (char *line = idx, *end = idx + ilen; line < end;) {
    char *nl = memchr(line, '\n', (size_t)(end - line));
    if (nl == NULL) nl = end;
    *nl = '\0';
    char path[1024], etag[256], file[1024];
    if (sscanf(line, "%1023s %255s %1023s", path, etag, file) == 3) {
      if (npages == cap) {
        cap *= 2;
        pages = realloc(pages, cap * sizeof *pages);
        if (pages == NULL) die("realloc");
      }
      size_t bn;
      snprintf(name, sizeof name, "%s/%s", dir, file);
      char *body = read_file(name, &bn);
      page *pg = &pages[npages++];
      pg->path = strdup(path);
      pg->etag = strdup(etag);
      if (pg->path == NULL || pg->etag == NULL) die("strdup");
      /* the same head, byte for byte, as bench_server.py's */
      char head[1024];
      int hn = snprintf(head, sizeof head,
                        "HTTP/1.1 200 OK\r\nServer: FixtureBench/1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
                        "Content-Length: %zu\r\nETag: %s\r\nLast-Modified: %s\r\n\r\n",
                        bn, etag, LAST_MODIFIED);
      pg->head_n = (size_t)hn;
      pg->full_n = (size_t)hn + bn;
      pg->full = xmalloc(pg->full_n);
      memcpy(pg->full, head, (size_t)hn);
      memcpy(pg->full + hn, body, bn);
      free(body);
      char nm[512];
      int nn = snprintf(nm, sizeof nm,
                        "HTTP/1.1 304 Not Modified\r\nServer: FixtureBench/1.0\r\nETag: %s\r\nContent-Length: 0\r\n\r\n",
                        etag);
      pg->not_modified = strdup(nm);
      if (pg->not_modified == NULL) die("strdup");
      pg->nm_n = (size_t)nn;
    }
    line = nl + 1;
  }
  free(idx);
}

static page *find_page(const char *path, size_t n) {
  /* /bench/art_N.html is page N-1 when the index lists them in order; else a scan */
  static const char pre[] = "/bench/art_";
  if (n > sizeof pre - 1 && memcmp(path, pre, sizeof pre - 1) == 0) {
    size_t k = 0, i = sizeof pre - 1;
    while (i < n && path[i] >= '0' && path[i] <= '9' && k < 100000000) k = k * 10 + (size_t)(path[i++] - '0');
    if (k >= 1 && k <= npages && strlen(pages[k - 1].path) == n && memcmp(pages[k - 1].path, path, n) == 0)
      return &pages[k - 1];
  }
  for (size_t i = 0; i < npages; i++)
    if (strlen(pages[i].path) == n && memcmp(pages[i].path, path, n) == 0) return &pages[i];
  return NULL;
}

/* A small text/plain response owned by the connection. */
static void answer_text(conn *c, const char *status, const char *text, int close) {
  size_t tn = strlen(text), cap = tn + 256;
  free(c->own);
  c->own = xmalloc(cap);
  int n = snprintf(c->own, cap, "HTTP/1.1 %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %zu%s\r\n\r\n%s",
                   status, tn, close ? "\r\nConnection: close" : "", text);
  c->out = c->own;
  c->out_n = (size_t)n;
  c->out_off = 0;
  if (close) c->close_after = 1;
}

static void answer_bytes(conn *c, const char *p, size_t n) {
  c->out = p;
  c->out_n = n;
  c->out_off = 0;
}

static int ieq(const char *a, size_t an, const char *b) {
  size_t bn = strlen(b);
  return an == bn && strncasecmp(a, b, an) == 0;
}

static void trim(const char **s, const char **e) {
  while (*s < *e && (**s == ' ' || **s == '\t')) (*s)++;
  while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t')) (*e)--;
}

/* Parse the request head [h, h+n) (without its blank line) and set the answer. */
static void answer(conn *c, const char *h, size_t n) {
  const char *end = h + n;
  const char *le = memchr(h, '\r', n);
  if (le == NULL) le = end;
  const char *sp1 = memchr(h, ' ', (size_t)(le - h));
  const char *sp2 = sp1 ? memchr(sp1 + 1, ' ', (size_t)(le - sp1 - 1)) : NULL;
  if (sp1 == NULL || sp2 == NULL || memchr(sp2 + 1, ' ', (size_t)(le - sp2 - 1)) != NULL) {
    answer_text(c, "400 Bad Request", "bad request line", 1);
    return;
  }
  const char *method = h, *path = sp1 + 1, *version = sp2 + 1;
  size_t method_n = (size_t)(sp1 - h), path_n = (size_t)(sp2 - path), version_n = (size_t)(le - version);
  int close = version_n == 8 && memcmp(version, "HTTP/1.0", 8) == 0;
  const char *inm = NULL;
  size_t inm_n = 0;
  for (const char *p = le; p < end;) {
    while (p < end && (*p == '\r' || *p == '\n')) p++;
    if (p >= end) break;
    const char *l_end = memchr(p, '\r', (size_t)(end - p));
    if (l_end == NULL) l_end = end;
    const char *colon = memchr(p, ':', (size_t)(l_end - p));
    if (colon) {
      const char *ns = p, *ne = colon, *vs = colon + 1, *ve = l_end;
      trim(&ns, &ne);
      trim(&vs, &ve);
      size_t nn = (size_t)(ne - ns), vn = (size_t)(ve - vs);
      if (ieq(ns, nn, "if-none-match")) {
        inm = vs;
        inm_n = vn;
      } else if (ieq(ns, nn, "connection")) {
        close = ieq(vs, vn, "close");
      } else if ((ieq(ns, nn, "content-length") || ieq(ns, nn, "transfer-encoding")) && !(vn == 0 || ieq(vs, vn, "0"))) {
        answer_text(c, "400 Bad Request", "no request bodies here", 1);
        return;
      }
    }
    p = l_end;
  }
  n_requests++;
  int get = ieq(method, method_n, "GET"), head = ieq(method, method_n, "HEAD");
  page *pg = get || head ? find_page(path, path_n) : NULL;
  if (pg) {
    if (inm && strlen(pg->etag) == inm_n && memcmp(inm, pg->etag, inm_n) == 0) {
      n_not_modified++;
      answer_bytes(c, pg->not_modified, pg->nm_n);
    } else {
      n_ok++;
      answer_bytes(c, pg->full, get ? pg->full_n : pg->head_n);
    }
  } else if (ieq(path, path_n, "/__stats")) {
    char s[160];
    snprintf(s, sizeof s, "requests=%llu ok=%llu not_modified=%llu", n_requests, n_ok, n_not_modified);
    answer_text(c, "200 OK", s, 0);
  } else if (ieq(path, path_n, "/__quit")) {
    answer_text(c, "200 OK", "bye", 1);
    quit = 1;
  } else {
    answer_text(c, "404 Not Found", "not found", 0);
  }
  if (close) c->close_after = 1;
}

static void conn_free(int ep, conn *c) {
  if (c->prev) c->prev->next = c->next;
  else conns = c->next;
  if (c->next) c->next->prev = c->prev;
  epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
  close(c->fd);
  free(c->in);
  free(c->own);
  free(c);
}

static void want_out(int ep, conn *c, int on) {
  if (c->want_out == on) return;
  struct epoll_event ev = { .events = EPOLLIN | (on ? EPOLLOUT : 0), .data.ptr = c };
  epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
  c->want_out = on;
}

/* Send what is pending, then answer the buffered requests one after the other while the
** socket takes the answers. Returns -1 when the connection is to be closed. */
static int pump(int ep, conn *c) {
  for (;;) {
    while (c->out_off < c->out_n) {
      ssize_t w = send(c->fd, c->out + c->out_off, c->out_n - c->out_off, MSG_NOSIGNAL);
      if (w < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
          want_out(ep, c, 1);
          return 0;
        }
        return -1;
      }
      c->out_off += (size_t)w;
    }
    c->out = NULL;
    c->out_n = c->out_off = 0;
    if (c->close_after) return -1;
    /* the next complete request in the buffer, if any */
    char *e = NULL;
    for (size_t i = 0; i + 3 < c->in_n; i++)
      if (c->in[i] == '\r' && memcmp(c->in + i, "\r\n\r\n", 4) == 0) {
        e = c->in + i;
        break;
      }
    if (e == NULL) {
      if (c->in_n > MAX_HEAD) {
        answer_text(c, "431 Request Header Fields Too Large", "too large", 1);
        continue;
      }
      want_out(ep, c, 0);
      return 0;
    }
    size_t hn = (size_t)(e - c->in);
    answer(c, c->in, hn);
    memmove(c->in, e + 4, c->in_n - hn - 4);
    c->in_n -= hn + 4;
  }
}

/* Read what the socket has; -1 when the peer closed or failed. */
static int take_input(conn *c) {
  for (;;) {
    if (c->in_cap - c->in_n < 4096) {
      if (c->in_cap > 2 * MAX_HEAD) return 0;   /* stop reading: pump answers 431 */
      c->in_cap = c->in_cap ? c->in_cap * 2 : 8192;
      c->in = realloc(c->in, c->in_cap);
      if (c->in == NULL) die("realloc");
    }
    ssize_t r = recv(c->fd, c->in + c->in_n, c->in_cap - c->in_n, 0);
    if (r > 0) {
      c->in_n += (size_t)r;
      continue;
    }
    if (r == 0) return -1;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
    return -1;
  }
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_server DIR [--lifetime SECONDS]\n");
    return 2;
  }
  double lifetime = 900;
  for (int i = 2; i + 1 < argc; i++)
    if (strcmp(argv[i], "--lifetime") == 0) lifetime = atof(argv[i + 1]);
  signal(SIGPIPE, SIG_IGN);
  load_pages(argv[1]);
  if (npages == 0) {
    fprintf(stderr, "bench_server: no pages in %s/index\n", argv[1]);
    return 1;
  }
  int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (ls < 0) die("socket");
  int one = 1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
  if (bind(ls, (struct sockaddr *)&a, sizeof a) != 0) die("bind");
  if (listen(ls, 128) != 0) die("listen");
  socklen_t al = sizeof a;
  if (getsockname(ls, (struct sockaddr *)&a, &al) != 0) die("getsockname");
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0) die("epoll_create1");
  struct epoll_event lev = { .events = EPOLLIN, .data.ptr = NULL };
  if (epoll_ctl(ep, EPOLL_CTL_ADD, ls, &lev) != 0) die("epoll_ctl");
  printf("PORT %d\n", ntohs(a.sin_port));
  fflush(stdout);
  double deadline = now() + lifetime;
  struct epoll_event evs[64];
  while (!quit) {
    double left = deadline - now();
    if (left <= 0) break;
    int n = epoll_wait(ep, evs, 64, left > 1 ? 1000 : (int)(left * 1000) + 1);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("epoll_wait");
    }
    for (int i = 0; i < n; i++) {
      conn *c = evs[i].data.ptr;
      if (c == NULL) {   /* the listening socket */
        for (;;) {
          int fd = accept4(ls, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
          if (fd < 0) break;
          setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          conn *nc = calloc(1, sizeof *nc);
          if (nc == NULL) die("calloc");
          nc->fd = fd;
          struct epoll_event ev = { .events = EPOLLIN, .data.ptr = nc };
          if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) != 0) {
            close(fd);
            free(nc);
            continue;
          }
          nc->next = conns;
          if (conns) conns->prev = nc;
          conns = nc;
        }
        continue;
      }
      int gone = 0;
      if (evs[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) gone = take_input(c) < 0;
      /* a peer that closed after sending its requests still gets nothing more: drop it */
      if (gone || pump(ep, c) < 0) conn_free(ep, c);
    }
  }
  while (conns) conn_free(ep, conns);
  for (size_t i = 0; i < npages; i++) {
    free(pages[i].path);
    free(pages[i].etag);
    free(pages[i].full);
    free(pages[i].not_modified);
  }
  free(pages);
  close(ep);
  close(ls);
  return 0;
}
