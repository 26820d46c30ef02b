/*
** lua_image.c — the policytk.image loadable module (build/lib/policytk/image.so): SVG drawn
** to PNG with librsvg and cairo, for documents that cannot hold SVG (the DOCX report's status
** bars and sparklines).
**   image.svg_to_png(svg [, scale]) -> png, width, height
**     svg: the SVG text (it must state its size: width/height, or a viewBox); scale: the
**     pixels per SVG pixel, 0 < scale <= 16, default 1. The PNG is width × height pixels
**     (the SVG size × scale, rounded up, at most 8192 a side), transparent where the SVG
**     draws nothing. Errors: "image.svg_to_png: invalid SVG: reason", "…: the SVG has no
**     size", "…: cannot render: reason".
** The SVG is parsed without a base file, so it can reference nothing outside itself.
** Everything librsvg and cairo hand out is held by a box userdata that __gc frees, so that a
** Lua error (out of memory while pushing the result) frees it as well.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <lauxlib.h>
#include <librsvg/rsvg.h>

#include "policytk.h"

#define IMAGE_BOX_MT "policytk.image.box"
#define MAX_SIDE 8192
#define MAX_SCALE 16.0

/* What one call holds: the handle, the surface and its context, the PNG bytes. */
typedef struct render_box {
  RsvgHandle *handle;
  cairo_surface_t *surface;
  cairo_t *cr;
  unsigned char *png;
  size_t len, cap;
  int oom;              /* the PNG writer ran out of memory */
  GError *err;          /* the error of librsvg being reported */
} render_box;

/* Free what the box holds; idempotent. */
static int box_free(lua_State *L) {
  render_box *b = luaL_checkudata(L, 1, IMAGE_BOX_MT);
  if (b->cr != NULL) cairo_destroy(b->cr);
  if (b->surface != NULL) cairo_surface_destroy(b->surface);
  if (b->handle != NULL) g_object_unref(b->handle);
  if (b->err != NULL) g_error_free(b->err);
  free(b->png);
  memset(b, 0, sizeof *b);
  return 0;
}

/* cairo's PNG stream callback: append to the box's growing buffer. */
static cairo_status_t png_append(void *closure, const unsigned char *data, unsigned int n) {
  render_box *b = closure;
  if (b->len + n > b->cap) {
    size_t cap = b->cap > 0 ? b->cap : 4096;
    while (cap < b->len + n) cap *= 2;
    unsigned char *p = realloc(b->png, cap);
    if (p == NULL) {
      b->oom = 1;
      return CAIRO_STATUS_NO_MEMORY;
    }
    b->png = p;
    b->cap = cap;
  }
  memcpy(b->png + b->len, data, n);
  b->len += n;
  return CAIRO_STATUS_SUCCESS;
}

/* Raise "image.svg_to_png: WHAT: MESSAGE" with the message of the box's GError (which the
** box frees). */
static int raise_gerror(lua_State *L, const char *what, render_box *b) {
  const GError *err = b->err;
  const char *msg = err != NULL && err->message != NULL ? err->message : "unknown error";
  size_t n = strlen(msg);
  while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) n--;    /* libxml2's messages end in \n */
  luaL_Buffer buf;
  luaL_buffinit(L, &buf);
  lua_pushfstring(L, "image.svg_to_png: %s: ", what);
  luaL_addvalue(&buf);
  luaL_addlstring(&buf, msg, n);
  luaL_pushresult(&buf);
  return lua_error(L);
}

/* image.svg_to_png(svg [, scale]) → png, width, height. */
static int l_svg_to_png(lua_State *L) {
  size_t n;
  const char *svg = luaL_checklstring(L, 1, &n);
  lua_Number scale = luaL_optnumber(L, 2, 1.0);
  if (n == 0) return luaL_argerror(L, 1, "the SVG text is empty");
  if (!(scale > 0 && scale <= MAX_SCALE)) return luaL_argerror(L, 2, "scale must be > 0 and <= 16");
  render_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  luaL_setmetatable(L, IMAGE_BOX_MT);
  int box = lua_gettop(L);

  b->handle = rsvg_handle_new_from_data((const guint8 *)svg, n, &b->err);
  if (b->handle == NULL) return raise_gerror(L, "invalid SVG", b);   /* __gc frees the box */
  gdouble w = 0, h = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(b->handle, &w, &h) || !(w > 0 && h > 0)) {
    gboolean has_vb;
    RsvgRectangle vb;
    rsvg_handle_get_intrinsic_dimensions(b->handle, NULL, NULL, NULL, NULL, &has_vb, &vb);
    if (!has_vb || !(vb.width > 0 && vb.height > 0))
      return luaL_error(L, "image.svg_to_png: the SVG has no size (give width and height, or a viewBox)");
    w = vb.width;
    h = vb.height;
  }
  double pw = ceil(w * scale), ph = ceil(h * scale);
  if (pw > MAX_SIDE || ph > MAX_SIDE)
    return luaL_error(L, "image.svg_to_png: %d x %d pixels is too large (at most %d a side)", (int)fmin(pw, 1e9),
                      (int)fmin(ph, 1e9), MAX_SIDE);
  int iw = pw < 1 ? 1 : (int)pw, ih = ph < 1 ? 1 : (int)ph;
  b->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, iw, ih);
  if (cairo_surface_status(b->surface) != CAIRO_STATUS_SUCCESS)
    return luaL_error(L, "image.svg_to_png: cannot render: %s", cairo_status_to_string(cairo_surface_status(b->surface)));
  b->cr = cairo_create(b->surface);
  RsvgRectangle viewport = { 0, 0, w * scale, h * scale };
  if (!rsvg_handle_render_document(b->handle, b->cr, &viewport, &b->err))
    return raise_gerror(L, "cannot render", b);
  cairo_surface_flush(b->surface);
  cairo_status_t st = cairo_surface_write_to_png_stream(b->surface, png_append, b);
  if (st != CAIRO_STATUS_SUCCESS)
    return luaL_error(L, "image.svg_to_png: cannot encode PNG: %s", b->oom ? "out of memory" : cairo_status_to_string(st));
  lua_pushlstring(L, (const char *)b->png, b->len);
  lua_pushinteger(L, iw);
  lua_pushinteger(L, ih);
  lua_pushcfunction(L, box_free);          /* free now rather than at the next collection */
  lua_pushvalue(L, box);
  lua_call(L, 1, 0);
  return 3;
}

static const luaL_Reg image_funcs[] = { { "svg_to_png", l_svg_to_png }, { NULL, NULL } };
static const luaL_Reg box_meta[] = { { "__gc", box_free }, { NULL, NULL } };

/* Open the module: the box's metatable and the module table (`librsvg_version`,
** `cairo_version`). */
int luaopen_policytk_image(lua_State *L) {
  ptk_new_class(L, IMAGE_BOX_MT, box_meta, NULL);
  luaL_newlib(L, image_funcs);
  lua_pushfstring(L, "%d.%d.%d", LIBRSVG_MAJOR_VERSION, LIBRSVG_MINOR_VERSION, LIBRSVG_MICRO_VERSION);
  lua_setfield(L, -2, "librsvg_version");
  lua_pushstring(L, cairo_version_string());
  lua_setfield(L, -2, "cairo_version");
  return 1;
}
