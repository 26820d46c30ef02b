/* fuzz_xlsx.c: libFuzzer harness for the XLSX reader (policytk.xlsx: xlsx.open, r:rows with
** merged ranges and date styles). The input is split at its first two zero bytes into a sheet
** part, xl/styles.xml and xl/sharedStrings.xml, put into a workbook (libzip) in a temporary
** file; an input that starts as a zip ("PK\3\4") is written as the file itself. Every sheet is
** read with merged = "first", "all" and false and dates on and off. The rest is fuzz_common.h's
** (what is a finding, the Lua state); the hooks below make the file and remove it. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <zip.h>

#include "policytk.h"

static const char WORKBOOK[] =
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
  "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"T\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>";
static const char WB_RELS[] =
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "</Relationships>";

#define FUZZ_CODE \
  "local path = ...\n" \
  "local xlsx = require 'policytk.xlsx'\n" \
  "local r <close> = xlsx.open(path)\n" \
  "for _, name in ipairs(r:sheets()) do\n" \
  "  for _, opts in ipairs{ {}, { merged = 'all' }, { merged = false, dates = false } } do\n" \
  "    local ok, err = pcall(function()\n" \
  "      for row, cells in r:rows(name, opts) do\n" \
  "        if type(row) ~= 'number' or row < 1 or row > 1048576 then error('invariant: row ' .. tostring(row), 0) end\n" \
  "        if cells.n < 1 or cells.n > 16384 or cells[cells.n] == nil then error('invariant: cells.n ' .. cells.n, 0) end\n" \
  "      end\n" \
  "    end)\n" \
  "    if not ok and tostring(err):sub(1, 10) == 'invariant:' then error(err, 0) end\n" \
  "  end\n" \
  "end\n"

static char fuzz_path[64];

/* Add member `name` with n bytes at p (copied by libzip at zip_close). */
static int add(zip_t *za, const char *name, const void *p, size_t n) {
  zip_source_t *src = zip_source_buffer(za, p, n, 0);
  if (src == NULL) return -1;
  if (zip_file_add(za, name, src, ZIP_FL_OVERWRITE) < 0) {
    zip_source_free(src);
    return -1;
  }
  return 0;
}

/* Write the workbook for the input to fuzz_path; 0 or -1. */
static int make_file(const uint8_t *data, size_t size) {
  if (size >= 4 && memcmp(data, "PK\3\4", 4) == 0) {
    FILE *f = fopen(fuzz_path, "wb");
    if (f == NULL) return -1;
    size_t w = fwrite(data, 1, size, f);
    return fclose(f) == 0 && w == size ? 0 : -1;
  }
  const uint8_t *part[3] = { data, NULL, NULL };
  size_t len[3] = { size, 0, 0 };
  for (int i = 0; i < 2; i++) {
    const uint8_t *z = len[i] > 0 ? memchr(part[i], 0, len[i]) : NULL;
    if (z == NULL) break;
    part[i + 1] = z + 1;
    len[i + 1] = len[i] - (size_t)(z - part[i]) - 1;
    len[i] = (size_t)(z - part[i]);
  }
  int err = 0;
  zip_t *za = zip_open(fuzz_path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (za == NULL) return -1;
  int bad = add(za, "xl/workbook.xml", WORKBOOK, sizeof WORKBOOK - 1) ||
            add(za, "xl/_rels/workbook.xml.rels", WB_RELS, sizeof WB_RELS - 1) ||
            add(za, "xl/worksheets/sheet1.xml", part[0], len[0]) ||
            (part[1] != NULL && add(za, "xl/styles.xml", part[1], len[1])) ||
            (part[2] != NULL && add(za, "xl/sharedStrings.xml", part[2], len[2]));
  if (bad) {
    zip_discard(za);
    return -1;
  }
  return zip_close(za) == 0 ? 0 : (zip_discard(za), -1);
}

/* the workbook's path as the chunk's argument; inputs libzip cannot write are skipped */
static int push_workbook(lua_State *L, const uint8_t *data, size_t size) {
  if (fuzz_path[0] == '\0') snprintf(fuzz_path, sizeof fuzz_path, "/tmp/fuzz_xlsx_%ld.xlsx", (long)getpid());
  if (make_file(data, size) != 0) return 0;
  lua_pushstring(L, fuzz_path);
  return 1;
}

#define FUZZ_OPEN(L) (luaL_requiref((L), "policytk.xlsx", luaopen_policytk_xlsx, 0), lua_pop((L), 1))
#define FUZZ_PUSH(L, data, size) push_workbook((L), (data), (size))
#define FUZZ_DONE() ((void)(fuzz_path[0] && unlink(fuzz_path)))
#define FUZZ_INSTRUCTIONS 200000000LL
#define FUZZ_MEMORY ((size_t)256 * 1024 * 1024)
#include "fuzz_common.h"
