/*
** html_text.c — the text of an HTML/XML node for policytk.html: white space normalized,
** one line per block element when asked (see html.h).
*/
#include <string.h>
#include <strings.h>

#include <lauxlib.h>

#include "html.h"

typedef struct writer {
  luaL_Buffer *b;
  int lines;
  int started;        /* something was written */
  int space, newline; /* pending separators */
} writer;

static const char *const BLOCKS[] = {
  "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
  "section", "article", "blockquote", "pre", "dd", "dt", "dl", "title", "header", "footer", "form",
  "hr", "caption", "tbody", "thead", "record", NULL,
};

static int is_block(const xmlChar *name) {
  for (int i = 0; BLOCKS[i]; i++)
    if (strcasecmp((const char *)name, BLOCKS[i]) == 0) return 1;
  return 0;
}

static void boundary(writer *w, int block) {
  if (block && w->lines) w->newline = 1;
  else w->space = 1;
}

/* Length of a white-space sequence at s (ASCII space, U+00A0, U+3000), or 0. */
static size_t white(const unsigned char *s, const unsigned char *end) {
  if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v') return 1;
  if (s + 1 < end && s[0] == 0xC2 && s[1] == 0xA0) return 2;
  if (s + 2 < end && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;
  return 0;
}

static void put_text(writer *w, const xmlChar *text) {
  const unsigned char *s = text, *end = s + strlen((const char *)text);
  while (s < end) {
    size_t k = white(s, end);
    if (k) {
      w->space = 1;
      s += k;
      continue;
    }
    if (w->started) {
      if (w->newline) luaL_addchar(w->b, '\n');
      else if (w->space) luaL_addchar(w->b, ' ');
    }
    w->newline = w->space = 0;
    w->started = 1;
    luaL_addchar(w->b, (char)*s++);
  }
}

static void walk(writer *w, xmlNodePtr n, int top) {
  switch (n->type) {
  case XML_TEXT_NODE:
  case XML_CDATA_SECTION_NODE:
    if (n->content) put_text(w, n->content);
    return;
  case XML_ELEMENT_NODE: {
    if (!top && (strcasecmp((const char *)n->name, "script") == 0 || strcasecmp((const char *)n->name, "style") == 0))
      return;
    int block = is_block(n->name);
    if (block) boundary(w, 1);
    for (xmlNodePtr c = n->children; c; c = c->next) walk(w, c, 0);
    if (block) boundary(w, 1);
    return;
  }
  case XML_DOCUMENT_NODE:
  case XML_HTML_DOCUMENT_NODE:
    for (xmlNodePtr c = n->children; c; c = c->next) walk(w, c, 0);
    return;
  case XML_ATTRIBUTE_NODE:
    for (xmlNodePtr c = n->children; c; c = c->next) walk(w, c, 0);
    return;
  default:
    return;   /* comments, processing instructions */
  }
}

void html_push_text(lua_State *L, xmlNodePtr n, int lines) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  writer w = { &b, lines, 0, 0, 0 };
  walk(&w, n, 1);
  luaL_pushresult(&b);
}
