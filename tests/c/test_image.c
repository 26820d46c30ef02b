/*
** test_image.c — cmocka tests of the policytk.image module (core/lua_image.c, librsvg and
** cairo): an SVG drawn to PNG at a scale (signature, size, the colour of pixels), the report's
** own SVGs (policytk.reports.format_html: status bar, sparkline, summary bar with text), an
** SVG sized by its viewBox only, and the errors. Each test gets a fixture (tests/c/harness.h)
** with the module as the global `image` and `pixel(png, x, y)` (C, below).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cairo.h>
#include <cmocka.h>
#include <lauxlib.h>

#include "policytk.h"
#include "harness.h"

typedef struct png_in {
  const unsigned char *p;
  size_t n, at;
} png_in;

static cairo_status_t png_read(void *closure, unsigned char *data, unsigned int n) {
  png_in *in = closure;
  if (in->at + n > in->n) return CAIRO_STATUS_READ_ERROR;
  memcpy(data, in->p + in->at, n);
  in->at += n;
  return CAIRO_STATUS_SUCCESS;
}

/* pixel(png, x, y) → r, g, b, a (0..255, premultiplied alpha undone), decoded with cairo. */
static int l_pixel(lua_State *L) {
  size_t n;
  const char *png = luaL_checklstring(L, 1, &n);
  int x = (int)luaL_checkinteger(L, 2), y = (int)luaL_checkinteger(L, 3);
  png_in in = { (const unsigned char *)png, n, 0 };
  cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read, &in);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    return luaL_error(L, "not a PNG");
  }
  int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  if (x < 0 || y < 0 || x >= w || y >= h) {
    cairo_surface_destroy(s);
    return luaL_error(L, "pixel %d,%d outside %dx%d", x, y, w, h);
  }
  const unsigned char *row = cairo_image_surface_get_data(s) + (size_t)y * (size_t)cairo_image_surface_get_stride(s);
  uint32_t v;
  memcpy(&v, row + 4 * x, 4);
  unsigned a = v >> 24, r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
  if (a > 0 && a < 255) { r = r * 255 / a; g = g * 255 / a; b = b * 255 / a; }
  cairo_surface_destroy(s);
  lua_pushinteger(L, r);
  lua_pushinteger(L, g);
  lua_pushinteger(L, b);
  lua_pushinteger(L, a);
  return 4;
}

static const char helpers[] =
  "function be32(s, i) return string.unpack('>I4', s, i) end\n"
  "function rgb(png, x, y) local r, g, b, a = pixel(png, x, y); return string.format('%02x%02x%02x/%d', r, g, b, a) end\n";

static int setup(void **state) {
  ptk_fixture *f = ptk_fixture_new("image");
  ptk_test_open(f->L, "policytk.image", luaopen_policytk_image, "image");
  lua_register(f->L, "pixel", l_pixel);
  ptk_fixture_ready(f, helpers);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  ptk_fixture_free(*state);
  return 0;
}

static void test_render(void **state) {
  ptk_test_run(L_,
    "assert(image.librsvg_version:match('^2%.%d+'), image.librsvg_version)\n"
    "assert(image.cairo_version:match('^1%.%d+'))\n"
    "local svg = '<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\">'\n"
    "  .. '<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" fill=\"#c62828\"/></svg>'\n"
    "local png, w, h = image.svg_to_png(svg)\n"
    "eq(png:sub(1, 8), '\\137PNG\\r\\n\\26\\n', 'PNG signature')\n"
    "eq(w, 20); eq(h, 10); eq(be32(png, 17), 20); eq(be32(png, 21), 10)\n"
    "eq(rgb(png, 2, 5), 'c62828/255', 'the rect'); eq(select(4, pixel(png, 15, 5)), 0, 'transparent elsewhere')\n"
    "png, w, h = image.svg_to_png(svg, 2.5)\n"
    "eq(w, 50); eq(h, 25); eq(rgb(png, 20, 20), 'c62828/255')\n"
    "local vb = '<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 30 6\"><rect width=\"30\" height=\"6\" fill=\"#2e7d32\"/></svg>'\n"
    "png, w, h = image.svg_to_png(vb, 2)\n"
    "eq(w, 60); eq(h, 12); eq(rgb(png, 59, 11), '2e7d32/255', 'sized by its viewBox')\n");
}

static void test_report_svgs(void **state) {
  ptk_test_run(L_,
    "local html = require 'policytk.reports.format_html'\n"
    "local png, w, h = image.svg_to_png(html.status_bar(0.5, 0.75, 'behind'), 3)\n"
    "eq(w, 360); eq(h, 36)\n"
    "eq(rgb(png, 30, 18), 'c62828/255', 'completion in the status colour')\n"
    "eq(rgb(png, 240, 5), 'eeeeee/255', 'the rest grey')\n"
    "eq(rgb(png, 270, 18), '000000/255', 'the tick at the schedule')\n"
    "png, w, h = image.svg_to_png(html.sparkline({ { period = 'Q1', value = 1 }, { period = 'Q2', value = 3 } }), 2)\n"
    "eq(w, 320); eq(h, 72)\n"
    "png = image.svg_to_png(html.summary_bar({ { status = 'achieved', label = '已完成', n = 3 },\n"
    "  { status = 'lagging', label = '略有滞后', n = 1 } }), 1)\n"
    "eq(rgb(png, 2, 2), '2e7d32/255'); eq(rgb(png, 590, 2), 'f9a825/255')\n");
}

static void test_errors(void **state) {
  ptk_test_run(L_,
    "fails(function() image.svg_to_png('<svg') end, 'image.svg_to_png: invalid SVG: ')\n"
    "fails(function() image.svg_to_png('not xml at all') end, 'image.svg_to_png: invalid SVG: ')\n"
    "fails(function() image.svg_to_png('<svg xmlns=\"http://www.w3.org/2000/svg\"/>') end, 'the SVG has no size')\n"
    "local svg = '<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000\" height=\"10\"/>'\n"
    "fails(function() image.svg_to_png(svg, 8) end, '16000 x 80 pixels is too large (at most 8192 a side)')\n"
    "fails(function() image.svg_to_png(svg, 0) end, 'scale must be > 0 and <= 16')\n"
    "fails(function() image.svg_to_png(svg, 0/0) end, 'scale must be > 0 and <= 16')\n"
    "fails(function() image.svg_to_png('') end, 'the SVG text is empty')\n"
    "fails(function() image.svg_to_png() end, 'bad argument #1')\n"
    "collectgarbage(); collectgarbage()\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_render, setup, teardown),
    cmocka_unit_test_setup_teardown(test_report_svgs, setup, teardown),
    cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
  };
  return cmocka_run_group_tests_name("image", tests, NULL, NULL);
}
