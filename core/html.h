/*
** html.h — internals of the loadable module policytk.html: the text of a node with its
** whitespace normalized (html_text.c), used by lua_html.c.
*/
#ifndef PTK_HTML_H
#define PTK_HTML_H

#include <lua.h>
#include <libxml/tree.h>

/*
** Push the text of node n: text and CDATA descendants in document order, skipping comments
** and <script>/<style> descendants (not n itself), runs of white space (ASCII, U+00A0,
** U+3000) collapsed to one space and trimmed. With lines = 1, block elements (p, div, br,
** li, tr, h1-h6, ...) start new lines and each line is trimmed; empty lines are dropped.
** Attribute nodes give their value. Raises only on memory exhaustion.
*/
void html_push_text(lua_State *L, xmlNodePtr n, int lines);

#endif
