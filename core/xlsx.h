/*
** xlsx.h — internal interface between the files of the policytk.xlsx loadable module:
** core/lua_xlsx.c (the module table), core/xlsx_part.c (a zip member streamed through
** libxml2's xmlTextReader), core/xlsx_read.c (the reader object) and core/xlsx_write.c
** (the writer object over libxlsxwriter). Not part of the public API.
*/
#ifndef POLICYTK_XLSX_H
#define POLICYTK_XLSX_H

#include <stddef.h>

#include <libxml/xmlreader.h>
#include <lua.h>
#include <zip.h>

#define XLSX_READER_MT   "policytk.xlsx.reader"
#define XLSX_ROWS_MT     "policytk.xlsx.rows"
#define XLSX_WORKBOOK_MT "policytk.xlsx.workbook"
#define XLSX_SHEET_MT    "policytk.xlsx.sheet"
#define XLSX_FORMAT_MT   "policytk.xlsx.format"

/* Excel's limits. */
#define XLSX_MAX_ROWS 1048576
#define XLSX_MAX_COLS 16384

/*
** One member of the zip read as a stream of XML nodes. The first libxml2 error is kept
** (line and a malloc'd copy of the message) instead of going to stderr; a failed zip read
** is kept apart, so that a damaged archive is not reported as malformed XML.
*/
typedef struct xlsx_part {
  zip_file_t *zf;
  xmlTextReaderPtr xr;
  int err_line;     /* line of the first XML error, 0 = none */
  char *err_msg;    /* its message (malloc'd), or NULL */
  char *zip_msg;    /* the zip read error (malloc'd), or NULL */
} xlsx_part;

/*
** Open member `name` (matched without regard to case) of `za` as an XML stream.
** Returns 0, or -1 when the archive has no such member (p is left closed), or -2 when it
** cannot be opened or read (p->zip_msg says why; xlsx_part_close frees it).
*/
int xlsx_part_open(xlsx_part *p, zip_t *za, const char *name);

/* The next node, as xmlTextReaderRead: 1 a node, 0 the end, -1 an error. */
int xlsx_part_read(xlsx_part *p);

/* Free the XML reader and close the member; idempotent, also on a zeroed part. */
void xlsx_part_close(xlsx_part *p);

/*
** Push "FILE: PART: malformed XML at line N: MESSAGE" (or "FILE: PART: cannot read (zip:
** ...)" when the archive failed) for a part whose xlsx_part_read returned -1, and raise it.
** The part is closed first.
*/
int xlsx_part_raise(lua_State *L, xlsx_part *p, const char *file, const char *part);

/* The local name of the current node, or "" (never NULL). */
const char *xlsx_node_name(xmlTextReaderPtr xr);

/*
** Decode OOXML's _xHHHH_ escapes (control characters; _x005F_ for a literal underscore)
** in place; returns the new length. Text without escapes is left as it is.
*/
size_t xlsx_unescape(char *s, size_t n);

/*
** Parse a cell reference such as "B12" (letters then digits, either part may be absent):
** *col = 1-based column (0 when there are no letters), *row = row (0 when no digits).
** Returns 0, or -1 when the text is not a cell reference within Excel's limits.
*/
int xlsx_parse_ref(const char *s, int *col, long *row);

/* Write the column letters of 1-based column col (1..16384) to out[4] ("A".."XFD"). */
void xlsx_col_name(int col, char out[4]);

/* lua_xlsx.c: the path of the reader or workbook at idx (its user value 1, alive as long as
** the object is), or "?". */
const char *xlsx_path(lua_State *L, int idx);

/* lua_xlsx.c: raise "PATH: the xlsx WHAT is closed" for the reader or workbook at idx. */
int xlsx_closed(lua_State *L, int idx, const char *what);

/* Reader: xlsx.open(path) (pushes the reader) and the metatables of reader and rows. */
int xlsx_open(lua_State *L);
void xlsx_reader_register(lua_State *L);

/* Writer: xlsx.writer(path) (pushes the workbook) and its metatables. */
int xlsx_writer(lua_State *L);
void xlsx_writer_register(lua_State *L);

#endif
