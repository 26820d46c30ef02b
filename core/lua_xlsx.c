/*
** lua_xlsx.c — the policytk.xlsx loadable module (build/lib/policytk/xlsx.so): reading
** .xlsx workbooks as Excel and WPS save them (libzip + libxml2's xmlTextReader, streamed)
** and writing them (libxlsxwriter).
**   xlsx.sheets(path)  -> array of sheet names in workbook order
**   xlsx.open(path)    -> reader: r:sheets(), r:rows([sheet]) -> iterator of row, cells; r:close()
**   xlsx.writer(path)  -> workbook: wb:format{…}, wb:sheet(name), wb:close()
**   xlsx.date(serial)  -> "YYYY-MM-DD" for an Excel 1900-system date serial
** See docs/xlsx.md. Also what the reader and the workbook objects share: their path and the
** error of a closed one.
*/
#include <math.h>

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

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's algorithm). */
static long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned)(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned)(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = (long)yoe + era * 400 + (*m <= 2);
}

/* xlsx.date(serial) → "YYYY-MM-DD". Serial 1 is 1900-01-01; Excel counts a 1900-02-29
** that never was (serial 60), so serials from 61 on are one day less than a plain count.
** The time of day (the fraction) is dropped. */
static int xlsx_date(lua_State *L) {
  lua_Number v = luaL_checknumber(L, 1);
  if (!(v >= 1 && v < 2958466))
    return luaL_argerror(L, 1, "date serial out of range 1..2958465 (1900-01-01..9999-12-31)");
  long serial = (long)floor(v);
  if (serial == 60)
    return luaL_argerror(L, 1, "serial 60 is 1900-02-29, a day that Excel counts but that never was");
  long base = serial < 60 ? days_from_civil(1899, 12, 31) : days_from_civil(1899, 12, 30);
  long y;
  unsigned m, d;
  civil_from_days(base + serial, &y, &m, &d);
  lua_pushfstring(L, "%d-%s%d-%s%d", (int)y, m < 10 ? "0" : "", (int)m, d < 10 ? "0" : "", (int)d);
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
