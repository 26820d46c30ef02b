/*
** lua_xlsx.c — the policytk.xlsx loadable module (build/lib/policytk/xlsx.so): reading
** .xlsx workbooks as Excel and WPS save them (libzip + libxml2's xmlTextReader, streamed)
** and writing them (libxlsxwriter).
**   xlsx.sheets(path)  -> array of sheet names in workbook order
**   xlsx.open(path)    -> reader: r:sheets(), r:rows([sheet [, opts]]) -> iterator of row, cells;
**                         r:close()
**   xlsx.writer(path)  -> workbook: wb:format{…}, wb:sheet(name [, opts]), wb:close()
**   xlsx.date(serial)  -> "YYYY-MM-DD" for an Excel 1900-system date serial
** See docs/xlsx.md. Also what the reader and the workbook objects share: their path and the
** error of a closed one.
*/
#include <lauxlib.h>
#include <xlsxwriter.h>

#include "policytk.h"
#include "xlsx.h"

const char *xlsx_path(lua_State *L, int idx) {
  lua_getiuservalue(L, idx, 1);
  const char *p = lua_tostring(L, -1);
  lua_pop(L, 1);                      /* the user value keeps the string alive */
  return p != NULL ? p : "?";
}

int xlsx_closed(lua_State *L, int idx, const char *what) {
  return luaL_error(L, "%s: the xlsx %s is closed", xlsx_path(L, idx), what);
}

/* xlsx.sheets(path): open, list, close. */
static int xlsx_sheets(lua_State *L) {
  luaL_checkstring(L, 1);
  lua_settop(L, 1);
  lua_pushcfunction(L, xlsx_open);
  lua_pushvalue(L, 1);
  lua_call(L, 1, 1);                                 /* 2: reader */
  lua_getfield(L, 2, "sheets");
  lua_pushvalue(L, 2);
  lua_call(L, 1, 1);                                 /* 3: names */
  lua_getfield(L, 2, "close");
  lua_pushvalue(L, 2);
  lua_call(L, 1, 0);
  return 1;
}

/* xlsx.date(serial) → "YYYY-MM-DD" (xlsx_push_date). Serial 1 is 1900-01-01; Excel counts a
** 1900-02-29 that never was (serial 60), so serials from 61 on are one day less than a plain
** count. The time of day (the fraction) is dropped. */
static int xlsx_date(lua_State *L) {
  lua_Number v = luaL_checknumber(L, 1);
  int rc = xlsx_push_date(L, v);
  if (rc == -1)
    return luaL_argerror(L, 1, "date serial out of range 1..2958465 (1900-01-01..9999-12-31)");
  if (rc == -2)
    return luaL_argerror(L, 1, "serial 60 is 1900-02-29, a day that Excel counts but that never was");
  return 1;
}

static const luaL_Reg xlsx_funcs[] = {
  { "sheets", xlsx_sheets }, { "open", xlsx_open }, { "writer", xlsx_writer },
  { "date", xlsx_date },     { NULL, NULL },
};

/*
** Open the module: register the metatables of reader, row iterator, workbook, sheet and
** format, and return the module table (with `xlsxwriter_version`, libxlsxwriter's version).
*/
int luaopen_policytk_xlsx(lua_State *L) {
  xmlInitParser();
  xlsx_reader_register(L);
  xlsx_writer_register(L);
  luaL_newlib(L, xlsx_funcs);
  lua_pushstring(L, LXW_VERSION);
  lua_setfield(L, -2, "xlsxwriter_version");
  return 1;
}
