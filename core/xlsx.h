/*
** xlsx.h — internal interface between the files of the policytk.xlsx loadable module:
** core/lua_xlsx.c (the module table), core/xlsx_part.c (a zip member streamed through
** libxml2's xmlTextReader), core/xlsx_read.c (the reader object) and core/xlsx_write.c
** (the writer object over libxlsxwriter), core/xlsx_merge.c (merged ranges of a sheet) and
** core/xlsx_style.c (date formats of styles.xml, serial → date). Not part of the public API.
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
#define XLSX_MAX_CELLS 20000000L  /* cell elements one row iterator reads (rows(opts.max_cells)) */

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

/* The same for the n bytes at s (not NUL-terminated). */
int xlsx_parse_ref_n(const char *s, size_t n, int *col, long *row);

/* Write the column letters of 1-based column col (1..16384) to out[4] ("A".."XFD"). */
void xlsx_col_name(int col, char out[4]);

/* ------------------------------------------------------------------ merged cells */

#define XLSX_MAX_MERGES 100000           /* merged ranges of one sheet */
#define XLSX_MAX_MERGE_FILLS 50000000    /* cells filled from merged ranges by one iterator */

/* A merged range, 1-based and inclusive: rows r1..r2, columns c1..c2. */
typedef struct xlsx_range {
  long r1, r2;
  int c1, c2;
} xlsx_range;

/* The merged ranges of a sheet and where the row iterator is among them. */
typedef struct xlsx_merges {
  xlsx_range *r;          /* sorted by first row, then first column */
  size_t n, cap;
  unsigned char *state;   /* per range: pending, open, has a value, has none, done */
  size_t *active;         /* the ranges begun and not yet ended */
  size_t nactive, next;   /* next: the first range not yet begun */
  long filled_to;         /* the highest row number the ranges were advanced to */
  long long fills;        /* cells filled so far (at most XLSX_MAX_MERGE_FILLS) */
  long max_row;           /* the extent of the cells that hold values of their own */
  int max_col;
  int all;                /* 1: fill every cell of a range; 0: only its first column */
} xlsx_merges;

/*
** First pass over sheet part `part` of `za`: collect its merged ranges into *m (zeroed
** first), clipped to the extent of the cells holding values and sorted. Returns 0 (XML and
** zip errors are ignored here: the stream reports them where it meets them), or -1 with *msg
** a malloc'd reason ("bad merged range 'X'", "more than 100000 merged ranges", out of memory);
** *m is then empty. Touches no Lua state.
*/
int xlsx_merges_scan(xlsx_merges *m, zip_t *za, const char *part, char **msg);

/* Free the ranges; idempotent, also on a zeroed struct. */
void xlsx_merges_free(xlsx_merges *m);

/* The next row that the ranges give a value although the sheet may have no row for it, or 0. */
long xlsx_merges_next_fill(const xlsx_merges *m);

/*
** Row `row`'s cells are the table at index `cells` (*n its highest column): take the
** top-left values of the ranges that begin in it (kept in the table at `values`, by range
** index + 1, until the range ends) and fill the cells of each range covering it: every cell
** (m->all), or those of its first column. Returns 0,
** or -1 with *err a static reason (overlapping ranges, too many filled cells).
*/
int xlsx_merges_apply(lua_State *L, xlsx_merges *m, long row, int cells, int values,
                      lua_Integer *n, const char **err);

/* ------------------------------------------------------------------ styles and dates */

/* Per cellXfs index (the s= of a cell): 1 when its number format shows a date. */
typedef struct xlsx_styles {
  unsigned char *is_date;
  size_t n, cap;
} xlsx_styles;

/*
** Read styles part `part` (absent: nothing) into *st with part reader *p; raises
** "PATH: PART: malformed XML …" on damage, as the other parts do. Returns 0.
*/
int xlsx_styles_read(lua_State *L, xlsx_part *p, zip_t *za, const char *path, const char *part,
                     xlsx_styles *st);

/* Free the table; idempotent, also on a zeroed struct. */
void xlsx_styles_free(xlsx_styles *st);

/* 1 when built-in number format `id` shows a date (14–17, 22, 27–31, 36, 50–54, 57, 58). */
int xlsx_builtin_is_date(long id);

/* 1 when number format code `f` has date tokens (y, d, or an m that is not minutes) outside
** quoted text, [brackets] and escapes. */
int xlsx_format_is_date(const char *f);

/* Push "YYYY-MM-DD" for 1900-system serial v (fraction dropped) and return 0; or push nothing
** and return -1 (out of 1..2958465) or -2 (serial 60, Excel's 1900-02-29). */
int xlsx_push_date(lua_State *L, double v);

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
