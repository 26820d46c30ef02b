/*
** lua_html.c — the loadable module policytk.html (build/lib/policytk/html.so) over libxml2.
**   html.parse(text [, base_url]) -> doc | nil, err   (libxml2's forgiving HTML parser, UTF-8 in)
**   html.xml(text)                -> doc | nil, err   (XML, e.g. a <script type="text/xml"> block;
**                                                     CDATA sections become text)
**   html.resolve(base, href)      -> absolute URL
**   doc:xpath(expr)   -> list of nodes, or of strings for attribute / text() results; a
**                        string, number or boolean for such expressions
**   doc:text(expr)    -> the first match's text (whitespace normalized) | nil
**   doc:lines(expr)   -> the first match's text, one line per block element | nil
**   doc:root(), doc.url
**   node:xpath(expr), node:text([expr]), node:lines([expr]) — relative to the node
**   node:attr(name), node:link([name]) (href resolved against the page URL), node:name(),
**   node:html() (the node serialized)
** Nodes keep their document alive. Text skips <script>/<style> (unless asked for the script
** itself) and comments. docs/fetch.md is the reference; html_text.c does the text walking.
*/
#include <string.h>

#include <lauxlib.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxml/xpath.h>

#include "html.h"
#include "policytk.h"

#define DOC_MT "policytk.html.doc"
#define NODE_MT "policytk.html.node"

typedef struct hdoc {
  xmlDocPtr doc;
} hdoc;

static void silent(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static void silent_structured(void *ctx, const xmlError *err) {
  (void)ctx;
  (void)err;
}

static int doc_gc(lua_State *L) {
  hdoc *d = luaL_checkudata(L, 1, DOC_MT);
  if (d->doc) xmlFreeDoc(d->doc);
  d->doc = NULL;
  return 0;
}

static hdoc *check_doc(lua_State *L, int i) {
  hdoc *d = luaL_checkudata(L, i, DOC_MT);
  if (d->doc == NULL) luaL_error(L, "html: the document was closed");
  return d;
}

/* Push a node userdata holding n, keeping the document at doc_idx alive. */
static void push_node(lua_State *L, xmlNodePtr n, int doc_idx) {
  xmlNodePtr *box = lua_newuserdatauv(L, sizeof *box, 1);
  *box = n;
  lua_pushvalue(L, doc_idx);
  lua_setiuservalue(L, -2, 1);
  luaL_setmetatable(L, NODE_MT);
}

/* The node at i and its document pushed on top (for push_node). */
static xmlNodePtr check_node(lua_State *L, int i) {
  xmlNodePtr *box = luaL_checkudata(L, i, NODE_MT);
  lua_getiuservalue(L, i, 1);
  check_doc(L, -1);
  lua_pop(L, 1);
  return *box;
}

static int l_parse(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *base = luaL_optstring(L, 2, NULL);
  if (n > (size_t)0x7fffffff) return luaL_error(L, "html.parse: text too large");
  /* box first so that an error below cannot leak the document */
  hdoc *d = lua_newuserdatauv(L, sizeof *d, 0);
  d->doc = NULL;
  luaL_setmetatable(L, DOC_MT);
  d->doc = htmlReadMemory(s, (int)n, base, "UTF-8",
                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                              HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
  if (d->doc == NULL || xmlDocGetRootElement(d->doc) == NULL) {
    lua_pushnil(L);
    lua_pushstring(L, n == 0 ? "html.parse: empty document" : "html.parse: no HTML element could be read");
    return 2;
  }
  return 1;
}

static int l_xml(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *base = luaL_optstring(L, 2, NULL);
  if (n > (size_t)0x7fffffff) return luaL_error(L, "html.xml: text too large");
  hdoc *d = lua_newuserdatauv(L, sizeof *d, 0);
  d->doc = NULL;
  luaL_setmetatable(L, DOC_MT);
  xmlResetLastError();     /* the message below is this document's, never a previous one's */
  d->doc = xmlReadMemory(s, (int)n, base, "UTF-8", XML_PARSE_NOCDATA | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                      XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
  if (d->doc == NULL) {
    /* a broken XML block: report it, the caller decides (recovering would hide lost records) */
    const xmlError *e = xmlGetLastError();
    lua_pushnil(L);
    if (e && e->message) {
      size_t m = strlen(e->message);
      while (m > 0 && (e->message[m - 1] == '\n')) m--;
      lua_pushfstring(L, "malformed XML (line %d): ", e->line);
      lua_pushlstring(L, e->message, m);
      lua_concat(L, 2);
    } else {
      lua_pushliteral(L, "malformed XML");
    }
    return 2;
  }
  return 1;
}

static int l_resolve(lua_State *L) {
  const char *base = luaL_checkstring(L, 1);
  const char *href = luaL_checkstring(L, 2);
  xmlChar *u = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
  if (u == NULL) {
    lua_pushstring(L, href);
    return 1;
  }
  lua_pushstring(L, (const char *)u);
  xmlFree(u);
  return 1;
}

/* ------------------------------------------------------------------ XPath */

/* Evaluate expr with ctx node `node` (NULL: the document) and push the result. */
static int eval(lua_State *L, xmlDocPtr doc, xmlNodePtr node, const char *expr, int doc_idx, int first_only,
                int lines) {
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  if (ctx == NULL) return luaL_error(L, "html: out of memory");
  if (node) ctx->node = node;
  xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
  xmlXPathFreeContext(ctx);
  if (r == NULL) return luaL_error(L, "html: invalid XPath expression: %s", expr);
  /* r is freed before any Lua call that could raise: copy what is needed first */
  switch (r->type) {
  case XPATH_NODESET: {
    int count = r->nodesetval ? r->nodesetval->nodeNr : 0;
    if (first_only) {
      if (count == 0) {
        xmlXPathFreeObject(r);
        lua_pushnil(L);
        return 1;
      }
      xmlNodePtr n = r->nodesetval->nodeTab[0];
      xmlXPathFreeObject(r);
      html_push_text(L, n, lines);
      return 1;
    }
    /* nodes live as long as the document: keep pointers, free the set, then build the list */
    xmlNodePtr *tab = lua_newuserdatauv(L, sizeof *tab * (size_t)(count > 0 ? count : 1), 0);
    for (int i = 0; i < count; i++) tab[i] = r->nodesetval->nodeTab[i];
    xmlXPathFreeObject(r);
    lua_createtable(L, count, 0);
    for (int i = 0; i < count; i++) {
      xmlNodePtr n = tab[i];
      if (n->type == XML_ELEMENT_NODE || n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE)
        push_node(L, n, doc_idx);
      else
        html_push_text(L, n, 0);
      lua_rawseti(L, -2, i + 1);
    }
    lua_remove(L, -2);
    return 1;
  }
  case XPATH_STRING:
    lua_pushstring(L, (const char *)r->stringval);
    break;
  case XPATH_NUMBER:
    lua_pushnumber(L, r->floatval);
    break;
  case XPATH_BOOLEAN:
    lua_pushboolean(L, r->boolval);
    break;
  default:
    lua_pushnil(L);
  }
  xmlXPathFreeObject(r);
  return 1;
}

static int doc_xpath(lua_State *L) {
  hdoc *d = check_doc(L, 1);
  return eval(L, d->doc, NULL, luaL_checkstring(L, 2), 1, 0, 0);
}

static int doc_text(lua_State *L) {
  hdoc *d = check_doc(L, 1);
  return eval(L, d->doc, NULL, luaL_checkstring(L, 2), 1, 1, 0);
}

static int doc_lines(lua_State *L) {
  hdoc *d = check_doc(L, 1);
  return eval(L, d->doc, NULL, luaL_checkstring(L, 2), 1, 1, 1);
}

static int doc_root(lua_State *L) {
  hdoc *d = check_doc(L, 1);
  xmlNodePtr r = xmlDocGetRootElement(d->doc);
  if (r == NULL) lua_pushnil(L);
  else push_node(L, r, 1);
  return 1;
}

static int doc_index(lua_State *L) {
  hdoc *d = check_doc(L, 1);
  const char *k = luaL_checkstring(L, 2);
  if (strcmp(k, "url") == 0) {
    if (d->doc->URL) lua_pushstring(L, (const char *)d->doc->URL);
    else lua_pushnil(L);
    return 1;
  }
  luaL_getmetatable(L, DOC_MT);
  lua_getfield(L, -1, "methods");
  lua_getfield(L, -1, k);
  return 1;
}

static int doc_tostring(lua_State *L) {
  hdoc *d = luaL_checkudata(L, 1, DOC_MT);
  lua_pushfstring(L, "html document (%s)", d->doc && d->doc->URL ? (const char *)d->doc->URL : "no URL");
  return 1;
}

/* ------------------------------------------------------------------ nodes */

static int node_xpath(lua_State *L) {
  xmlNodePtr n = check_node(L, 1);
  lua_getiuservalue(L, 1, 1);
  int doc_idx = lua_gettop(L);
  return eval(L, n->doc, n, luaL_checkstring(L, 2), doc_idx, 0, 0);
}

static int node_text_common(lua_State *L, int lines) {
  xmlNodePtr n = check_node(L, 1);
  if (lua_isnoneornil(L, 2)) {
    html_push_text(L, n, lines);
    return 1;
  }
  lua_getiuservalue(L, 1, 1);
  int doc_idx = lua_gettop(L);
  return eval(L, n->doc, n, luaL_checkstring(L, 2), doc_idx, 1, lines);
}

static int node_text(lua_State *L) { return node_text_common(L, 0); }
static int node_lines(lua_State *L) { return node_text_common(L, 1); }

static int node_attr(lua_State *L) {
  xmlNodePtr n = check_node(L, 1);
  const char *name = luaL_checkstring(L, 2);
  if (n->type != XML_ELEMENT_NODE) {
    lua_pushnil(L);
    return 1;
  }
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (v == NULL) lua_pushnil(L);
  else {
    lua_pushstring(L, (const char *)v);
    xmlFree(v);
  }
  return 1;
}

static int node_link(lua_State *L) {
  xmlNodePtr n = check_node(L, 1);
  const char *name = luaL_optstring(L, 2, "href");
  if (n->type != XML_ELEMENT_NODE) {
    lua_pushnil(L);
    return 1;
  }
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (v == NULL) {
    lua_pushnil(L);
    return 1;
  }
  /* trim the spaces portals leave around hrefs */
  const char *s = (const char *)v;
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
  size_t len = strlen(s);
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r')) len--;
  lua_pushlstring(L, s, len);
  xmlFree(v);
  const xmlChar *base = n->doc ? n->doc->URL : NULL;
  if (base) {
    xmlChar *u = xmlBuildURI((const xmlChar *)lua_tostring(L, -1), base);
    if (u) {
      lua_pop(L, 1);
      lua_pushstring(L, (const char *)u);
      xmlFree(u);
    }
  }
  return 1;
}

static int node_name(lua_State *L) {
  xmlNodePtr n = check_node(L, 1);
  lua_pushstring(L, n->name ? (const char *)n->name : "");
  return 1;
}

static int node_html(lua_State *L) {
  xmlNodePtr n = check_node(L, 1);
  xmlBufferPtr buf = xmlBufferCreate();
  if (buf == NULL) return luaL_error(L, "html: out of memory");
  htmlNodeDump(buf, n->doc, n);
  /* copy, free, then push (pushing may raise on memory exhaustion: nothing is held then) */
  size_t len = (size_t)xmlBufferLength(buf);
  const xmlChar *content = xmlBufferContent(buf);
  while (len > 0 && content[len - 1] == '\n') len--;   /* the dump's formatting newline */
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, len);
  memcpy(p, content, len);
  xmlBufferFree(buf);
  luaL_pushresultsize(&b, len);
  return 1;
}

static int node_tostring(lua_State *L) {
  xmlNodePtr *box = luaL_checkudata(L, 1, NODE_MT);
  lua_pushfstring(L, "html node <%s>", (*box)->name ? (const char *)(*box)->name : "?");
  return 1;
}

static const luaL_Reg doc_methods[] = {
  { "xpath", doc_xpath }, { "text", doc_text }, { "lines", doc_lines }, { "root", doc_root }, { NULL, NULL },
};

static const luaL_Reg node_methods[] = {
  { "xpath", node_xpath }, { "text", node_text }, { "lines", node_lines }, { "attr", node_attr },
  { "link", node_link },   { "name", node_name }, { "html", node_html },   { NULL, NULL },
};

static const luaL_Reg funcs[] = {
  { "parse", l_parse }, { "xml", l_xml }, { "resolve", l_resolve }, { NULL, NULL },
};

/* Finalizer of a registry sentinel: libxml2's global state is released before the state
** closes (and unloads this library). */
static int global_gc(lua_State *L) {
  (void)L;
  xmlCleanupParser();
  return 0;
}

int luaopen_policytk_html(lua_State *L) {
  xmlInitParser();
  if (lua_getfield(L, LUA_REGISTRYINDEX, "policytk.html.global") == LUA_TNIL) {
    lua_newuserdatauv(L, 1, 0);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, global_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, "policytk.html.global");
  }
  lua_pop(L, 1);
  xmlSetGenericErrorFunc(NULL, silent);
  xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)silent_structured);
  if (luaL_newmetatable(L, DOC_MT)) {
    lua_pushcfunction(L, doc_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, doc_gc);
    lua_setfield(L, -2, "__close");
    lua_pushcfunction(L, doc_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, doc_tostring);
    lua_setfield(L, -2, "__tostring");
    luaL_newlib(L, doc_methods);
    lua_setfield(L, -2, "methods");
  }
  lua_pop(L, 1);
  if (luaL_newmetatable(L, NODE_MT)) {
    luaL_newlib(L, node_methods);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, node_tostring);
    lua_setfield(L, -2, "__tostring");
  }
  lua_pop(L, 1);
  luaL_newlib(L, funcs);
  return 1;
}
