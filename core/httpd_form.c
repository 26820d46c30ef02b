/*
** httpd_form.c — the fields of a form a request posts (application/x-www-form-urlencoded or
** multipart/form-data), parsed by libmicrohttpd's post processor, for the request table of
** policytk.httpd: req.form (name → value; the last of a repeated name wins) and req.files
** (name → { filename =, content_type =, data = }, for parts that carry a file name).
**
** The body is already whole and bounded by the server's max_body; each field's bytes are
** copied into memory grown as needed (no fixed buffers), and freed by httpd_form_free.
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <lauxlib.h>

#include "httpd.h"

static char *dup_str(const char *s) {
  if (s == NULL) return NULL;
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p != NULL) memcpy(p, s, n);
  return p;
}

static int append(httpd_field *f, const char *data, size_t size) {
  if (size == 0) return 0;
  if (f->len + size > f->cap) {
    size_t cap = f->cap ? f->cap : 64;
    while (cap < f->len + size) cap *= 2;
    char *grown = realloc(f->data, cap);
    if (grown == NULL) return -1;
    f->data = grown;
    f->cap = cap;
  }
  memcpy(f->data + f->len, data, size);
  f->len += size;
  return 0;
}

/* A new field at off 0; later calls (off > 0) carry more bytes of the same field. */
static enum MHD_Result iterate(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                               const char *content_type, const char *transfer_encoding, const char *data,
                               uint64_t off, size_t size) {
  (void)kind;
  (void)transfer_encoding;
  httpd_form *form = cls;
  if (key == NULL) return MHD_YES;
  httpd_field *f = form->n > 0 ? &form->f[form->n - 1] : NULL;
  if (off == 0 || f == NULL || strcmp(f->name, key) != 0) {
    if (form->n == form->cap) {
      size_t cap = form->cap ? form->cap * 2 : 16;
      httpd_field *grown = realloc(form->f, cap * sizeof *grown);
      if (grown == NULL) goto fail;
      form->f = grown;
      form->cap = cap;
    }
    f = &form->f[form->n++];
    memset(f, 0, sizeof *f);
    f->name = dup_str(key);
    f->filename = dup_str(filename);
    f->type = dup_str(content_type);
    if (f->name == NULL || (filename != NULL && f->filename == NULL) || (content_type != NULL && f->type == NULL))
      goto fail;
  }
  if (append(f, data, size) != 0) goto fail;
  return MHD_YES;
fail:
  form->failed = 1;
  return MHD_NO;
}

/* Whether the request's Content-Type is one the post processor reads. */
static int is_form(struct MHD_Connection *c) {
  const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
  if (ct == NULL) return 0;
  return strncasecmp(ct, MHD_HTTP_POST_ENCODING_FORM_URLENCODED, strlen(MHD_HTTP_POST_ENCODING_FORM_URLENCODED)) == 0 ||
         strncasecmp(ct, MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA, strlen(MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA)) == 0;
}

int httpd_form_parse(struct MHD_Connection *c, const char *body, size_t len, httpd_form *form) {
  memset(form, 0, sizeof *form);
  if (body == NULL || len == 0 || !is_form(c)) return 0;
  struct MHD_PostProcessor *pp = MHD_create_post_processor(c, 16 * 1024, iterate, form);
  if (pp == NULL) {                 /* e.g. multipart without a boundary: no fields, not an error */
    form->malformed = 1;
    return 0;
  }
  enum MHD_Result ok = MHD_post_process(pp, body, len);
  MHD_destroy_post_processor(pp);
  if (form->failed) return -1;      /* out of memory */
  if (ok != MHD_YES) form->malformed = 1;
  return 0;
}

void httpd_form_push(lua_State *L, const httpd_form *form) {
  lua_createtable(L, 0, (int)form->n);     /* form */
  lua_newtable(L);                         /* files */
  for (size_t i = 0; i < form->n; i++) {
    const httpd_field *f = &form->f[i];
    const char *data = f->data ? f->data : "";
    if (f->filename != NULL) {
      lua_createtable(L, 0, 3);
      lua_pushstring(L, f->filename);
      lua_setfield(L, -2, "filename");
      lua_pushstring(L, f->type ? f->type : "application/octet-stream");
      lua_setfield(L, -2, "content_type");
      lua_pushlstring(L, data, f->len);
      lua_setfield(L, -2, "data");
      lua_setfield(L, -2, f->name);
    } else {
      lua_pushlstring(L, data, f->len);
      lua_setfield(L, -3, f->name);
    }
  }
}

void httpd_form_free(httpd_form *form) {
  for (size_t i = 0; i < form->n; i++) {
    free(form->f[i].name);
    free(form->f[i].filename);
    free(form->f[i].type);
    free(form->f[i].data);
  }
  free(form->f);
  memset(form, 0, sizeof *form);
}
