/*
** test_xlsx.c — cmocka tests of the policytk.xlsx module (core/lua_xlsx.c, core/xlsx_*.c).
**
** Each test gets a fresh lua_State (ptk_newstate + ptk_host_init with $POLICYTK_HOME, or the
** standard libraries when it is unset) with policytk.xlsx opened from the linked objects as
** the global `xlsx`, a temporary folder DIR, and drives the module with Lua snippets.
** Helpers: eq(a, b) (same value and same math.type), fails(fn, text), path(name),
** mkzip(path, {name1, text1, name2, text2, …}) to build archives by hand (libzip), and
** zipread(path, member) to look inside one.
**
** Its other half: tests/lua/data/test_xlsx.lua (workbooks checked with openpyxl), and the
** imports and reports of tests/lua/data/test_import.lua and tests/lua/reports/test_report.lua.
*/
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>
#include <zip.h>

#include "policytk.h"
#include "harness.h"


/* Lua helpers of these tests, on top of the harness's. */
static const char helpers[] =
  "function all_rows(file, sheet)\n"
  "  local r <close> = xlsx.open(file)\n"
  "  local out = {}\n"
  "  for n, cells in r:rows(sheet) do out[#out + 1] = { n = n, cells = cells } end\n"
  "  return out\n"
  "end\n"
  /* a minimal workbook by hand: sheet XML bodies in order, optional shared strings and
  ** styles (found by their relationship, or at xl/styles.xml when styles_rel is false) */
  "function handmade(file, sheets, sst, absolute, styles, styles_rel)\n"
  "  local wb, rels, parts = {}, {}, {}\n"
  "  for i, s in ipairs(sheets) do\n"
  "    wb[#wb + 1] = string.format('<sheet name=\"%s\" sheetId=\"%d\" r:id=\"rId%d\"/>', s.name, i, i)\n"
  "    rels[#rels + 1] = string.format('<Relationship Id=\"rId%d\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"%sworksheets/s%d.xml\"/>', i, absolute and '/xl/' or '', i)\n"
  "    parts[#parts + 1] = 'xl/worksheets/s' .. i .. '.xml'\n"
  "    parts[#parts + 1] = s.xml\n"
  "  end\n"
  "  if sst then\n"
  "    rels[#rels + 1] = '<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>'\n"
  "    parts[#parts + 1] = 'xl/sharedStrings.xml'\n"
  "    parts[#parts + 1] = sst\n"
  "  end\n"
  "  if styles then\n"
  "    if styles_rel ~= false then\n"
  "      rels[#rels + 1] = '<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"st/custom.xml\"/>'\n"
  "      parts[#parts + 1] = 'xl/st/custom.xml'\n"
  "    else\n"
  "      parts[#parts + 1] = 'xl/styles.xml'\n"
  "    end\n"
  "    parts[#parts + 1] = styles\n"
  "  end\n"
  "  parts[#parts + 1] = '_rels/.rels'\n"
  "  parts[#parts + 1] = '<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>'\n"
  "  parts[#parts + 1] = 'xl/workbook.xml'\n"
  "  parts[#parts + 1] = '<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>' .. table.concat(wb) .. '</sheets></workbook>'\n"
  "  parts[#parts + 1] = 'xl/_rels/workbook.xml.rels'\n"
  "  parts[#parts + 1] = '<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">' .. table.concat(rels) .. '</Relationships>'\n"
  "  mkzip(file, parts)\n"
  "end\n"
  "SHEET = '<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>%s</sheetData></worksheet>'\n";

/* mkzip(path, {name1, text1, …}): a zip archive with those members (deflated). */
static int l_mkzip(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  int err = 0;
  zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (za == NULL) return luaL_error(L, "mkzip: cannot create %s (%d)", path, err);
  lua_Integer n = luaL_len(L, 2);
  for (lua_Integer i = 1; i + 1 <= n; i += 2) {
    lua_geti(L, 2, i);
    lua_geti(L, 2, i + 1);
    size_t len;
    const char *text = lua_tolstring(L, -1, &len);
    zip_source_t *src = zip_source_buffer(za, text, len, 0);   /* read at zip_close */
    if (src == NULL || zip_file_add(za, lua_tostring(L, -2), src, ZIP_FL_ENC_UTF_8) < 0) {
      zip_discard(za);
      return luaL_error(L, "mkzip: cannot add %s", lua_tostring(L, -2));
    }
    /* the strings stay alive in the table until zip_close below */
    lua_pop(L, 2);
  }
  if (zip_close(za) != 0) {
    lua_pushfstring(L, "mkzip: %s", zip_strerror(za));
    zip_discard(za);
    return lua_error(L);
  }
  return 0;
}

/* zipread(path, member) → the member's bytes. */
static int l_zipread(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  const char *name = luaL_checkstring(L, 2);
  int err = 0;
  zip_t *za = zip_open(path, ZIP_RDONLY, &err);
  if (za == NULL) return luaL_error(L, "zipread: cannot open %s", path);
  zip_stat_t st;
  zip_file_t *zf = NULL;
  luaL_Buffer b;
  if (zip_stat(za, name, 0, &st) != 0 || (zf = zip_fopen(za, name, 0)) == NULL) {
    zip_discard(za);
    return luaL_error(L, "zipread: no %s in %s", name, path);
  }
  char *p = luaL_buffinitsize(L, &b, (size_t)st.size + 1);
  zip_int64_t got = zip_fread(zf, p, st.size);
  zip_fclose(zf);
  zip_discard(za);
  if (got < 0) return luaL_error(L, "zipread: cannot read %s", name);
  luaL_pushresultsize(&b, (size_t)got);
  return 1;
}

static void run(lua_State *L, const char *code) { ptk_test_run(L, code); }

static int setup(void **state) {
  ptk_fixture *f = ptk_fixture_new("xlsx");
  ptk_test_open(f->L, "policytk.xlsx", luaopen_policytk_xlsx, "xlsx");
  lua_register(f->L, "mkzip", l_mkzip);
  lua_register(f->L, "zipread", l_zipread);
  ptk_fixture_ready(f, helpers);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  ptk_fixture_free(*state);             /* closes whatever a test left open */
  return 0;
}

/* ------------------------------------------------------------------ tests */

static void test_module(void **state) {
  run(L_, "for _, k in ipairs{'sheets', 'open', 'writer', 'date'} do\n"
          "  assert(type(xlsx[k]) == 'function', k)\n"
          "end\n"
          "assert(xlsx.xlsxwriter_version:match('^%d+%.%d+'))\n"
          "eq(package.loaded['policytk.xlsx'], xlsx, 'loaded once')\n");
}

static void test_roundtrip_every_type(void **state) {
  run(L_, "local f = path('all.xlsx')\n"
          "local wb = xlsx.writer(f)\n"
          "local bold = wb:format{bold = true, italic = true, font_color = '#C00000', bg_color = '#FFF2CC',\n"
          "  align = 'center', wrap = true, border = true}\n"
          "local money = wb:format{num_format = '#,##0'}\n"
          "local pct = wb:format{num_format = '0.0%', align = 'right'}\n"
          "local wan = wb:format{num_format = '#,##0.00,,\"万\"', align = 'left', border = 2}\n"
          "local ws = wb:sheet('指标')\n"
          "ws:write_row(0, {'名称', '数量', '比例', '是否', '金额'}, bold)\n"
          "ws:write(1, 0, '新增企业')\n"
          "ws:write(1, 1, 100000, money)\n"
          "ws:write(1, 2, 0.125, pct)\n"
          "ws:write(1, 3, true)\n"
          "ws:write(1, 4, 123456789.5, wan)\n"
          "ws:write(2, 0, 'x'); ws:write(2, 1, -42); ws:write(2, 2, -0.5); ws:write(2, 3, false)\n"
          "ws:write(2, 4, 9007199254740992)\n"
          "ws:write(3, 0, 1e300); ws:write(3, 1, 2.5e-10); ws:write(3, 2, 0); ws:write(3, 3, 3.0)\n"
          "ws:write(3, 4, nil, bold)\n"
          "ws:set_column(0, 0, 24)\n"
          "ws:set_column(1, 4, 12, money)\n"
          "ws:freeze(1, 0)\n"
          "ws:autofilter(0, 0, 3, 4)\n"
          "local ws2 = wb:sheet('Second')\n"
          "ws2:write(0, 0, 'only')\n"
          "eq(ws2:name(), 'Second')\n"
          "eq(wb:close(), true)\n"
          "local rows = all_rows(f)\n"
          "eq(#rows, 4, 'rows')\n"
          "local r1, r2, r3, r4 = rows[1].cells, rows[2].cells, rows[3].cells, rows[4].cells\n"
          "eq(rows[1].n, 1); eq(rows[4].n, 4)\n"
          "eq(r1.n, 5); eq(r1[1], '名称'); eq(r1[5], '金额')\n"
          "eq(r2[1], '新增企业'); eq(r2[2], 100000); eq(r2[3], 0.125); eq(r2[4], true)\n"
          "eq(r2[5], 123456789.5)\n"
          "eq(r3[1], 'x'); eq(r3[2], -42); eq(r3[3], -0.5); eq(r3[4], false)\n"
          "eq(r3[5], 9007199254740992)\n"
          "eq(r4[1], 1e300); eq(r4[2], 2.5e-10); eq(r4[3], 0); eq(r4[4], 3, 'integral float reads as integer')\n"
          "eq(r4[5], nil); eq(r4.n, 4, 'a formatted blank is not a value')\n"
          "local second = all_rows(f, 'Second')\n"
          "eq(#second, 1); eq(second[1].cells[1], 'only')\n"
          /* the formats reached the file */
          "local styles = zipread(f, 'xl/styles.xml')\n"
          "assert(styles:find('formatCode=\"#,##0\"', 1, true), 'thousands format')\n"
          "assert(styles:find('formatCode=\"0.0%\"', 1, true), 'percent format')\n"
          "assert(styles:find('formatCode=\"#,##0.00,,&quot;万&quot;\"', 1, true), '万 format')\n"
          "assert(styles:find('FFC00000', 1, true) and styles:find('FFFFF2CC', 1, true), 'colours')\n"
          "local sheet = zipread(f, 'xl/worksheets/sheet1.xml')\n"
          "assert(sheet:find('<autoFilter ref=\"A1:E4\"/>', 1, true), 'autofilter')\n"
          "assert(sheet:find('state=\"frozen\"', 1, true), 'freeze')\n"
          "assert(sheet:find('width=\"24.7', 1, true), 'column width')\n");
}

static void test_sheets_list_and_select(void **state) {
  run(L_, "local f = path('s.xlsx')\n"
          "local wb = xlsx.writer(f)\n"
          "for i, name in ipairs{'汇总', 'B', 'Data 3'} do wb:sheet(name):write(0, 0, i) end\n"
          "wb:close()\n"
          "local names = xlsx.sheets(f)\n"
          "eq(#names, 3); eq(names[1], '汇总'); eq(names[2], 'B'); eq(names[3], 'Data 3')\n"
          "local r <close> = xlsx.open(f)\n"
          "eq(#r:sheets(), 3); eq(r:sheets()[3], 'Data 3')\n"
          "local function first(sheet) local _, c = r:rows(sheet)(); return c[1] end\n"
          "eq(first(), 1, 'default is the first'); eq(first(2), 2); eq(first('Data 3'), 3)\n"
          "eq(first('汇总'), 1)\n"
          "fails(function() r:rows(4) end, f .. ': no sheet 4 (the workbook has 3 sheets)')\n"
          "fails(function() r:rows(0) end, 'no sheet 0')\n"
          "fails(function() r:rows(true) end, 'bad argument')\n");
}

static void test_not_a_zip(void **state) {
  run(L_, "local f = path('plain.xlsx')\n"
          "local h = assert(io.open(f, 'w')); h:write('名称,数量\\n企业,3\\n'); h:close()\n"
          "fails(function() xlsx.open(f) end, f .. ': not an xlsx file (zip: Not a zip archive)')\n"
          "fails(function() xlsx.sheets(f) end, f .. ': not an xlsx file (zip: ')\n"
          "local e = path('empty.xlsx')\n"
          "h = assert(io.open(e, 'w')); h:close()\n"
          "fails(function() xlsx.open(e) end, e .. ': not an xlsx file (zip: ')\n"
          "fails(function() xlsx.open(path('nope.xlsx')) end, path('nope.xlsx') .. ': cannot open (zip: ')\n");
}

static void test_missing_sheet(void **state) {
  run(L_, "local f = path('m.xlsx')\n"
          "local wb = xlsx.writer(f); wb:sheet('A'); wb:sheet('B'); wb:close()\n"
          "local r = xlsx.open(f)\n"
          "fails(function() r:rows('C') end, f .. ': no sheet named C (sheets: A, B)')\n"
          "r:close()\n"
          "fails(function() r:rows('A') end, f .. ': the xlsx reader is closed')\n"
          "fails(function() r:sheets() end, 'the xlsx reader is closed')\n"
          "r:close() -- twice is fine\n");
}

static void test_zip_not_xlsx(void **state) {
  run(L_, "local f = path('other.zip')\n"
          "mkzip(f, {'readme.txt', 'hello', 'data/a.csv', 'a,b\\n'})\n"
          "fails(function() xlsx.open(f) end, f .. ': not an xlsx file (no workbook part xl/workbook.xml)')\n"
          /* the package rels point at a workbook that is not there */
          "local g = path('broken.xlsx')\n"
          "mkzip(g, {'_rels/.rels', '<Relationships><Relationship Id=\"r\" Type=\"x/officeDocument\" Target=\"/book/wb.xml\"/></Relationships>'})\n"
          "fails(function() xlsx.open(g) end, g .. ': not an xlsx file (no workbook part book/wb.xml)')\n");
}

static void test_empty_sheet(void **state) {
  run(L_, "local f = path('e.xlsx')\n"
          "local wb = xlsx.writer(f); wb:sheet('空'); wb:close()\n"
          "eq(#all_rows(f), 0, 'no rows')\n"
          "eq(#all_rows(f, '空'), 0, 'no rows by name')\n"
          /* rows with only formatted blanks are not yielded either */
          "local g = path('blank.xlsx')\n"
          "wb = xlsx.writer(g)\n"
          "local fmt = wb:format{bold = true}\n"
          "local ws = wb:sheet('S'); ws:write(0, 0, nil, fmt); ws:write(5, 3, nil, fmt)\n"
          "ws:write(7, 1, '')  -- an empty string is an empty cell\n"
          "wb:close()\n"
          "eq(#all_rows(g), 0, 'formatted blanks and empty strings only')\n");
}

static void test_gaps_and_many_rows(void **state) {
  run(L_, "local f = path('big.xlsx')\n"
          "local wb = xlsx.writer(f)\n"
          "local ws = wb:sheet('数据')\n"
          "for i = 0, 9999 do\n"
          "  if i % 7 ~= 3 then ws:write(i, 0, i) end\n"
          "  if i % 2 == 0 then ws:write(i, 2, '企业' .. i) end\n"
          "  if i % 5 == 0 then ws:write(i, 27, i * 0.5) end\n"
          "end\n"
          "ws:write(20000, 1, 'last')\n"
          "wb:close()\n"
          "local r <close> = xlsx.open(f)\n"
          "local count, prev = 0, 0\n"
          "for n, cells in r:rows() do\n"
          "  count = count + 1\n"
          "  assert(n > prev, 'row numbers rise'); prev = n\n"
          "  if n == 20001 then\n"
          "    eq(cells[1], nil); eq(cells[2], 'last'); eq(cells.n, 2)\n"
          "  else\n"
          "    local i = n - 1\n"
          "    eq(cells[1], i % 7 ~= 3 and i or nil, 'A' .. n)\n"
          "    eq(cells[2], nil, 'B' .. n)\n"
          "    eq(cells[3], i % 2 == 0 and ('企业' .. i) or nil, 'C' .. n)\n"
          "    eq(cells[28], i % 5 == 0 and (i % 2 == 0 and i // 2 or i * 0.5) or nil, 'AB' .. n)\n"
          "    eq(cells.n, i % 5 == 0 and 28 or i % 2 == 0 and 3 or 1, 'n of ' .. n)\n"
          "  end\n"
          "end\n"
          /* every row has a value except those with i%7==3 and odd and not multiple of 5 */
          "local expect = 1\n"
          "for i = 0, 9999 do if i % 7 ~= 3 or i % 2 == 0 or i % 5 == 0 then expect = expect + 1 end end\n"
          "eq(count, expect, 'rows yielded')\n");
}

static void test_special_strings(void **state) {
  run(L_, "local f = path('str.xlsx')\n"
          "local texts = {\n"
          "  '温州市促进中小微企业发展若干措施', 'say \"hi\"', \"it's\", '<&>', 'a < b && c > d',\n"
          "  '  leading and trailing  ', 'line1\\nline2', 'tab\\there', 'ctl\\1\\31x', '_x0041_',\n"
          "  '__x12_', '1.2万', '0012', '=SUM(A1)', ' ', '😀 emoji', '&amp;',\n"
          "}\n"
          "local wb = xlsx.writer(f)\n"
          "local ws = wb:sheet('S')\n"
          "for i, s in ipairs(texts) do ws:write(i - 1, 0, s) end\n"
          "ws:write_row(#texts, texts)\n"
          "wb:close()\n"
          "local rows = all_rows(f)\n"
          "for i, s in ipairs(texts) do eq(rows[i].cells[1], s, 'text ' .. i) end\n"
          "local last = rows[#texts + 1].cells\n"
          "eq(last.n, #texts)\n"
          "for i, s in ipairs(texts) do eq(last[i], s, 'row text ' .. i) end\n");
}

static void test_dates(void **state) {
  run(L_, "eq(xlsx.date(1), '1900-01-01')\n"
          "eq(xlsx.date(59), '1900-02-28')\n"
          "eq(xlsx.date(61), '1900-03-01', 'after the phantom 1900-02-29')\n"
          "eq(xlsx.date(366), '1900-12-31')\n"
          "eq(xlsx.date(367), '1901-01-01')\n"
          "eq(xlsx.date(36526), '2000-01-01')\n"
          "eq(xlsx.date(43831), '2020-01-01')\n"
          "eq(xlsx.date(43890), '2020-02-29')\n"
          "eq(xlsx.date(45658.75), '2025-01-01', 'the time of day is dropped')\n"
          "eq(xlsx.date(2958465), '9999-12-31')\n"
          "fails(function() xlsx.date(60) end, '1900-02-29')\n"
          "fails(function() xlsx.date(0) end, 'out of range')\n"
          "fails(function() xlsx.date(2958466) end, 'out of range')\n"
          "fails(function() xlsx.date(0/0) end, 'out of range')\n"
          "fails(function() xlsx.date('x') end, 'number expected')\n"
          /* a serial written with a date format reads as a date; { dates = false } gives the serial */
          "local f = path('d.xlsx')\n"
          "local wb = xlsx.writer(f)\n"
          "local d = wb:format{num_format = 'yyyy-mm-dd'}\n"
          "local ws = wb:sheet('D')\n"
          "ws:write(0, 0, 45657, d); ws:write(0, 1, 45657); ws:write(0, 2, 45657.5, wb:format{num_format = 'yyyy/m/d h:mm'})\n"
          "wb:close()\n"
          "local c = all_rows(f)[1].cells\n"
          "eq(c[1], '2024-12-31'); eq(c[2], 45657, 'no date format: a number'); eq(c[3], '2024-12-31', 'the time is dropped')\n"
          "local r <close> = xlsx.open(f)\n"
          "local _, raw = r:rows(1, { dates = false })()\n"
          "eq(raw[1], 45657); eq(raw[3], 45657.5)\n");
}

static void test_date_styles(void **state) {
  run(L_, "local styles = '<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">'\n"
          "  .. '<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>'\n"
          "  .. '<numFmt numFmtId=\"165\" formatCode=\"#,##0.00&quot;d&quot;\"/><numFmt numFmtId=\"166\" formatCode=\"[h]:mm:ss\"/>'\n"
          "  .. '<numFmt numFmtId=\"167\" formatCode=\"m&quot;月&quot;d&quot;日&quot;\"/></numFmts>'\n"
          "  .. '<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>'\n"
          "  .. '<cellXfs count=\"9\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>'\n"
          "  .. '<xf numFmtId=\"166\"/><xf numFmtId=\"10\"/><xf numFmtId=\"20\"/><xf numFmtId=\"31\"/><xf numFmtId=\"167\"/></cellXfs></styleSheet>'\n"
          "local xml = SHEET:format('<row r=\"1\">'\n"
          "  .. '<c r=\"A1\" s=\"0\"><v>45657</v></c><c r=\"B1\" s=\"1\"><v>45657</v></c><c r=\"C1\" s=\"2\"><v>45658.25</v></c>'\n"
          "  .. '<c r=\"D1\" s=\"3\"><v>3</v></c><c r=\"E1\" s=\"4\"><v>1.5</v></c><c r=\"F1\" s=\"5\"><v>0.125</v></c>'\n"
          "  .. '<c r=\"G1\" s=\"6\"><v>45658.5</v></c><c r=\"H1\" s=\"7\"><v>43831</v></c><c r=\"I1\" s=\"8\"><v>43890</v></c>'\n"
          "  .. '<c r=\"J1\" s=\"1\"><v>60</v></c><c r=\"K1\" s=\"1\"><v>-3</v></c><c r=\"L1\" s=\"1\" t=\"s\"><v>0</v></c>'\n"
          "  .. '<c r=\"M1\" s=\"99\"><v>7</v></c><c r=\"N1\" s=\"x\"><v>8</v></c><c r=\"O1\" s=\"1\"><f>TODAY()</f><v>45000</v></c></row>')\n"
          "local f = path('styles.xlsx')\n"
          "handmade(f, {{name = 'S', xml = xml}}, '<sst><si><t>文本</t></si></sst>', false, styles)\n"
          "local c = all_rows(f)[1].cells\n"
          "eq(c[1], 45657, 'General'); eq(c[2], '2024-12-31', 'built-in 14'); eq(c[3], '2025-01-01', 'custom yyyy\"年\"m\"月\"')\n"
          "eq(c[4], 3, 'a quoted d is text'); eq(c[5], 1.5, 'elapsed time'); eq(c[6], 0.125, 'percent')\n"
          "eq(c[7], 45658.5, 'built-in 20 is a time'); eq(c[8], '2020-01-01', 'built-in 31 (CJK)'); eq(c[9], '2020-02-29', 'm\"月\"d\"日\"')\n"
          "eq(c[10], 60, 'serial 60 stays a number'); eq(c[11], -3, 'out of range stays a number')\n"
          "eq(c[12], '文本', 'a string in a date style'); eq(c[13], 7, 'an unknown style'); eq(c[14], 8, 'a bad style')\n"
          "eq(c[15], '2023-03-15', 'a formula\\'s cached value')\n"
          /* styles at the default place, without a relationship; damaged styles are named */
          "local g = path('styles2.xlsx')\n"
          "handmade(g, {{name = 'S', xml = xml}}, '<sst><si><t>x</t></si></sst>', false, styles, false)\n"
          "eq(all_rows(g)[1].cells[2], '2024-12-31')\n"
          "local h = path('styles3.xlsx')\n"
          "handmade(h, {{name = 'S', xml = xml}}, nil, false, '<styleSheet><cellXfs>', false)\n"
          "fails(function() xlsx.open(h) end, h .. ': xl/styles.xml: malformed XML')\n"
          "local r <close> = xlsx.open(f)\n"
          "fails(function() r:rows(1, { dates = 1 }) end, f .. ': rows: option dates must be a boolean')\n"
          "fails(function() r:rows(1, { merge = false }) end, f .. ': rows: unknown option merge (merged, dates, max_rows, max_cells)')\n"
          "fails(function() r:rows(1, 5) end, 'table expected')\n");
}

static void test_merged_cells(void **state) {
  run(L_, "local M = '<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">'\n"
          "  .. '<dimension ref=\"A1:D9\"/><sheetData>%s</sheetData>%s</worksheet>'\n"
          "local function cell(ref, v)\n"
          "  return string.format('<c r=\"%s\" t=\"inlineStr\"><is><t>%s</t></is></c>', ref, v)\n"
          "end\n"
          "local data = '<row r=\"1\">' .. cell('A1', '标题') .. '</row>'\n"
          "  .. '<row r=\"2\">' .. cell('A2', '地区') .. cell('B2', '指标') .. cell('C2', '值') .. '</row>'\n"
          "  .. '<row r=\"3\">' .. cell('A3', '鹿城区') .. cell('B3', 'a') .. '<c r=\"C3\"><v>1</v></c></row>'\n"
          "  .. '<row r=\"4\"><c r=\"A4\" s=\"1\"/>' .. cell('B4', 'b') .. '</row>'\n"
          /* rows 5 and 6 are not in the file: the merged 鹿城区 still covers them */
          "  .. '<row r=\"7\">' .. cell('B7', 'e') .. '<c r=\"D7\"><v>9</v></c></row>'\n"
          "  .. '<row r=\"8\">' .. cell('A8', '龙湾区') .. cell('B8', 'f') .. '</row>'\n"
          "  .. '<row r=\"9\">' .. cell('B9', 'g') .. '</row>'\n"
          "local merges = '<mergeCells count=\"5\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"A3:A7\"/>'\n"
          "  .. '<mergeCell ref=\"A8:A12\"/><mergeCell ref=\"C8:C9\"/><mergeCell ref=\"D1:XFD1\"/></mergeCells>'\n"
          "local f = path('merged.xlsx')\n"
          "handmade(f, {{name = 'M', xml = M:format(data, merges)}, {name = 'Raw', xml = M:format(data, '')}})\n"
          "local function show(opts)\n"
          "  local r <close> = xlsx.open(f)\n"
          "  local got = {}\n"
          "  for n, cells in r:rows('M', opts) do\n"
          "    local t = {}\n"
          "    for c = 1, cells.n do t[c] = tostring(cells[c]) end\n"
          "    got[#got + 1] = n .. ':' .. table.concat(t, ',')\n"
          "  end\n"
          "  return table.concat(got, ' / ')\n"
          "end\n"
          /* the default: each row of a range holds the value in its first column */
          "local first = '1:标题 / 2:地区,指标,值 / 3:鹿城区,a,1 / 4:鹿城区,b / 5:鹿城区 / 6:鹿城区'\n"
          "  .. ' / 7:鹿城区,e,nil,9 / 8:龙湾区,f / 9:龙湾区,g'\n"
          "eq(show(), first); eq(show{merged = 'first'}, first)\n"
          /* every cell; the ranges reach no further than the cells with values (D1:XFD1 → D1) */
          "local all = '1:标题,标题,标题 / 2:地区,指标,值 / 3:鹿城区,a,1 / 4:鹿城区,b / 5:鹿城区 / 6:鹿城区'\n"
          "  .. ' / 7:鹿城区,e,nil,9 / 8:龙湾区,f / 9:龙湾区,g'\n"
          "eq(show{merged = 'all'}, all); eq(show{merged = true}, all)\n"
          "local r <close> = xlsx.open(f)\n"
          "fails(function() r:rows('M', {merged = 'every'}) end, 'option merged must be')\n"
          "local n = 0\n"
          "for row, cells in r:rows('M', { merged = false }) do\n"
          "  n = n + 1\n"
          "  if row == 1 then eq(cells.n, 1) end\n"
          "  if row == 4 then eq(cells[1], nil); eq(cells[2], 'b') end\n"
          "end\n"
          "eq(n, 7, 'rows 5 and 6 are not yielded')\n"
          "eq(#all_rows(f, 'Raw'), 7, 'a sheet without merged cells')\n");
}

static void test_merged_errors(void **state) {
  run(L_, "local M = '<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">'\n"
          "  .. '<sheetData>%s</sheetData>%s</worksheet>'\n"
          "local one = '<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row><row r=\"3\"><c r=\"C3\"><v>3</v></c></row>'\n"
          "local many = {}\n"
          "for i = 1, 100001 do many[i] = string.format('<mergeCell ref=\"A%d:B%d\"/>', i, i) end\n"
          "local f = path('merr.xlsx')\n"
          "handmade(f, {{name = 'Bad', xml = M:format(one, '<mergeCells><mergeCell ref=\"A1-B2\"/></mergeCells>')},\n"
          "             {name = 'Many', xml = M:format(one, '<mergeCells>' .. table.concat(many) .. '</mergeCells>')},\n"
          "             {name = 'Over', xml = M:format(one, '<mergeCells><mergeCell ref=\"A1:C3\"/><mergeCell ref=\"B1:C3\"/>'\n"
          "               .. string.rep('<mergeCell ref=\"A1:C2\"/>', 20000) .. '</mergeCells>')},\n"
          "             {name = 'Empty', xml = M:format(one, '<mergeCells><mergeCell ref=\"D5:E9\"/><mergeCell ref=\"A2:A3\"/><mergeCell/></mergeCells>')},\n"
          "             {name = 'Late', xml = M:format(one, '<mergeCells><mergeCell ref=\"A1:A2\"/></mergeCells><x>')}})\n"
          "fails(function() all_rows(f, 'Bad') end, f .. \": sheet Bad: bad merged range 'A1-B2'\")\n"
          "fails(function() all_rows(f, 'Many') end, f .. ': sheet Many: more than 100000 merged ranges')\n"
          "fails(function() all_rows(f, 'Over') end, ': sheet Over: cell A1: overlapping merged ranges')\n"
          /* ranges beyond the values, and an empty top-left cell, fill nothing */
          "local rows = all_rows(f, 'Empty')\n"
          "eq(#rows, 2); eq(rows[1].cells.n, 2); eq(rows[2].cells[1], nil)\n"
          /* damage after the ranges is reported by the stream, as any damage */
          "local r <close> = xlsx.open(f)\n"
          "local it = r:rows('Late')\n"
          "fails(function() for _ = 1, 5 do it() end end, f .. ': xl/worksheets/s5.xml: malformed XML')\n"
          "eq(it(), nil, 'a failed iterator is finished')\n"
          "local it2 = r:rows('Empty')\n"
          "r:close()\n"
          "fails(function() it2() end, 'the xlsx reader is closed')\n");
}

static void test_handmade_cells(void **state) {
  run(L_, "local f = path('hand.xlsx')\n"
          "local sst = '<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">'\n"
          "  .. '<si><t>plain</t></si>'\n"
          "  .. '<si><r><rPr><b/></rPr><t>rich </t></r><r><t xml:space=\"preserve\">text </t></r>'\n"
          "  .. '<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>'\n"
          "  .. '<si/><si><t>ctl_x0009_tab_x005F_x0041_</t></si></sst>'\n"
          "local xml = SHEET:format(\n"
          "  '<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>'\n"
          "  .. '<c r=\"C2\" t=\"s\"><v>2</v></c><c r=\"D2\" t=\"s\"><v>3</v></c></row>'\n"
          "  .. '<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>行内 &amp; 文本</t></is></c>'\n"
          "  .. '<c r=\"B3\" t=\"str\"><f>A3&amp;\"x\"</f><v>cached</v></c>'\n"
          "  .. '<c r=\"C3\"><f>1+1</f><v>2</v></c><c r=\"D3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>'\n"
          "  .. '<c r=\"E3\" t=\"b\"><v>1</v></c><c r=\"F3\" t=\"n\"><v>1E+3</v></c>'\n"
          "  .. '<c r=\"G3\"><v>-0</v></c><c r=\"H3\"><v>1E+20</v></c><c r=\"I3\"><v>3.0</v></c>'\n"
          "  .. '<c r=\"J3\"><v>0.1</v></c><c r=\"K3\" t=\"d\"><v>2024-05-01</v></c><c r=\"L3\" s=\"2\"/>'\n"
          "  .. '<c r=\"M3\"><v></v></c></row>'\n"
          "  .. '<row><c t=\"inlineStr\"><is><t>no refs</t></is></c><c><v>7</v></c></row>'\n"
          "  .. '<row r=\"9\" spans=\"1:3\" ht=\"20\" customHeight=\"1\"/>'\n"
          "  .. '<row><c r=\"B10\"><v>10</v></c><c><v>11</v></c></row>')\n"
          "handmade(f, {{name = 'H', xml = xml}}, sst, true)\n"
          "local rows = all_rows(f)\n"
          "eq(#rows, 4)\n"
          "local a, b, c, d = rows[1], rows[2], rows[3], rows[4]\n"
          "eq(a.n, 2); eq(a.cells[1], 'plain'); eq(a.cells[2], 'rich text ', 'rich text without phonetics')\n"
          "eq(a.cells[3], ''); eq(a.cells[4], 'ctl\\ttab_x0041_')\n"
          "eq(b.n, 3); eq(b.cells[1], '行内 & 文本'); eq(b.cells[2], 'cached'); eq(b.cells[3], 2)\n"
          "eq(b.cells[4], '#DIV/0!'); eq(b.cells[5], true); eq(b.cells[6], 1000)\n"
          "eq(b.cells[7], 0); eq(b.cells[8], 1e20); eq(b.cells[9], 3); eq(b.cells[10], 0.1)\n"
          "eq(b.cells[11], '2024-05-01'); eq(b.cells[12], nil); eq(b.cells[13], nil); eq(b.cells.n, 11)\n"
          "eq(c.n, 4, 'row after 3'); eq(c.cells[1], 'no refs'); eq(c.cells[2], 7)\n"
          "eq(d.n, 10, 'row after the empty row 9'); eq(d.cells[1], nil); eq(d.cells[2], 10); eq(d.cells[3], 11)\n");
}

static void test_bad_cells(void **state) {
  run(L_, "local f = path('bad.xlsx')\n"
          "handmade(f, {{name = 'S1', xml = SHEET:format('<row r=\"4\"><c r=\"B4\" t=\"s\"><v>5</v></c></row>')},\n"
          "             {name = 'S2', xml = SHEET:format('<row r=\"2\"><c r=\"C2\"><v>abc</v></c></row>')},\n"
          "             {name = 'S3', xml = SHEET:format('<row r=\"2\"><c r=\"2C\"><v>1</v></c></row>')}},\n"
          "  '<sst><si><t>only</t></si></sst>')\n"
          "fails(function() all_rows(f, 'S1') end, f .. ': sheet S1: cell B4: shared string index out of range')\n"
          "fails(function() all_rows(f, 'S2') end, f .. ': sheet S2: cell C2: not a number')\n"
          "fails(function() all_rows(f, 'S3') end, \"sheet S3: cell A2: bad cell reference '2C'\")\n");
}

static void test_malformed_xml(void **state) {
  run(L_, "local f = path('mal.xlsx')\n"
          "local good = {}\n"
          "for i = 1, 3000 do good[i] = string.format('<row r=\"%d\"><c r=\"A%d\"><v>%d</v></c></row>\\n', i, i, i) end\n"
          "handmade(f, {{name = 'Good', xml = SHEET:format('<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>')},\n"
          "             {name = 'Bad', xml = '<?xml version=\"1.0\"?>\\n<worksheet>\\n<sheetData>\\n'\n"
          "               .. table.concat(good) .. '<row r=\"3001\"><c r=\"A3001\"><v>2</v></x></row>\\n'}})\n"
          "eq(#all_rows(f, 'Good'), 1)\n"
          "local r <close> = xlsx.open(f)\n"
          "local it = r:rows('Bad')\n"
          "local n, cells = it()\n"
          "eq(n, 1); eq(cells[1], 1, 'the rows before the damage are read')\n"
          "local err = fails(function() for _ = 1, 4000 do it() end end,\n"
          "  f .. ': xl/worksheets/s2.xml: malformed XML at line 3004: Opening and ending tag mismatch')\n"
          "eq(it(), nil, 'a failed iterator is finished')\n"
          /* a damaged workbook part is named too */
          "local g = path('malwb.xlsx')\n"
          "mkzip(g, {'xl/workbook.xml', '<workbook><sheets><sheet name=\"a\"'})\n"
          "fails(function() xlsx.open(g) end, g .. ': xl/workbook.xml: malformed XML at line 1')\n");
}

static void test_iterator_lifetime(void **state) {
  run(L_, "local f = path('life.xlsx')\n"
          "local wb = xlsx.writer(f); local ws = wb:sheet('S')\n"
          "for i = 0, 99 do ws:write(i, 0, i) end\n"
          "wb:close()\n"
          "local r = xlsx.open(f)\n"
          /* break out of a loop: the iterator is closed by the for loop */
          "for n in r:rows() do if n == 3 then break end end\n"
          /* two iterators at once on the same reader */
          "local a, b = r:rows(), r:rows(1)\n"
          "eq(a(), 1); eq(a(), 2); eq(b(), 1); eq(a(), 3); eq(b(), 2)\n"
          "r:close()\n"
          "fails(function() a() end, f .. ': the xlsx reader is closed')\n"
          "fails(function() b() end, 'the xlsx reader is closed')\n"
          /* an iterator left unfinished and a reader left open are collected */
          "local r2 = xlsx.open(f); local c = r2:rows(); c(); r2 = nil; c = nil\n"
          "collectgarbage(); collectgarbage()\n"
          /* the iterator keeps the reader alive */
          "local it = xlsx.open(f):rows()\n"
          "collectgarbage(); collectgarbage()\n"
          "local count = 0\n"
          "for n in it do count = count + 1 end\n"
          "eq(count, 100)\n"
          "eq(it(), nil, 'finished stays finished')\n");
}

static void test_writer_errors(void **state) {
  run(L_, "local f = path('w.xlsx')\n"
          "local wb = xlsx.writer(f)\n"
          "local ws = wb:sheet('S')\n"
          "fails(function() wb:sheet('S') end, f .. \": sheet name 'S': \")\n"
          "fails(function() wb:sheet('a/b') end, \"sheet name 'a/b': \")\n"
          "fails(function() wb:sheet(string.rep('长', 32)) end, 'sheet name')\n"
          "fails(function() wb:format{blod = true} end, 'unknown option blod')\n"
          "fails(function() wb:format{font_color = 'red'} end, 'font_color must be \"#RRGGBB\"')\n"
          "fails(function() wb:format{bg_color = '#12345'} end, 'bg_color must be')\n"
          "fails(function() wb:format{align = 'middle'} end, 'align must be')\n"
          "fails(function() wb:format{border = 99} end, 'border must be')\n"
          "fails(function() wb:format{num_format = string.rep('0', 200)} end, 'num_format must be')\n"
          "fails(function() ws:write(0, 0, '\\255\\254') end, f .. ': sheet S: cell A1: text is not valid UTF-8')\n"
          "fails(function() ws:write(1, 1, 'a\\0b') end, 'cell B2: text holds a zero byte')\n"
          "fails(function() ws:write(2, 2, 0/0) end, 'cell C3: not a finite number')\n"
          "fails(function() ws:write(2, 2, math.huge) end, 'not a finite number')\n"
          "fails(function() ws:write(3, 0, math.maxinteger) end, 'cell A4: integer too large')\n"
          "fails(function() ws:write(0, 0, {}) end, 'cannot write a table')\n"
          "fails(function() ws:write(-1, 0, 1) end, 'row -1 out of range')\n"
          "fails(function() ws:write(1048576, 0, 1) end, 'row 1048576 out of range')\n"
          "fails(function() ws:write(0, 16384, 1) end, 'column 16384 out of range')\n"
          "fails(function() ws:write(0, 0, string.rep('a', 32768)) end, 'cell A1: ')\n"
          "fails(function() ws:set_column(3, 1, 10) end, 'last column before the first')\n"
          "local other = xlsx.writer(path('o.xlsx'))\n"
          "local ofmt = other:format{bold = true}\n"
          "fails(function() ws:write(0, 0, 1, ofmt) end, 'the format belongs to another workbook')\n"
          "fails(function() ws:write(0, 0, 1, {}) end, 'bad argument')\n"
          "ws:write(0, 0, 'ok')\n"
          "eq(wb:close(), true)\n"
          "eq(wb:close(), nil, 'a second close does nothing')\n"
          "fails(function() ws:write(0, 0, 1) end, f .. ': sheet S: the xlsx workbook is closed')\n"
          "fails(function() wb:sheet('T') end, f .. ': the xlsx workbook is closed')\n"
          "fails(function() wb:format{} end, 'the xlsx workbook is closed')\n"
          "eq(all_rows(f)[1].cells[1], 'ok')\n"
          /* an unwritable path: close raises with the path and libxlsxwriter's reason */
          "local bad = path('no/such/dir/x.xlsx')\n"
          "local wb2 = xlsx.writer(bad); wb2:sheet('A'):write(0, 0, 1)\n"
          "fails(function() wb2:close() end, bad .. ': cannot write xlsx: Error creating output xlsx file')\n"
          "fails(function() wb2:sheet('B') end, 'the xlsx workbook is closed')\n");
}

static void test_validation_comments(void **state) {
  run(L_, "local f = path('dv.xlsx')\n"
          "local wb = xlsx.writer(f)\n"
          "local ws = wb:sheet('填报')\n"
          "local src = wb:sheet('口径', { hidden = true })\n"
          "ws:validate_list(1, 2, 20, 2, { '当期', '累计', '期末', '比率' }, { error_title = '口径错误',\n"
          "  error_message = '请从下拉列表选择口径', input_title = '口径', input_message = '当期、累计、期末或比率',\n"
          "  error_type = 'warning', ignore_blank = false, dropdown = true })\n"
          "ws:validate_list(1, 3, 20, 3, { source = '=口径!$A$1:$A$20' })\n"
          "ws:comment(0, 0, '说明：按月填报', { author = '经信局', visible = true })\n"
          "ws:comment(0, 1, 'plain')\n"
          "ws:protect('pw'); src:protect()\n"
          "ws:write(0, 0, '指标')\n"
          /* argument checks, each naming the workbook */
          "fails(function() ws:validate_list(0, 0, 0, 0, {}) end, f .. ': sheet 填报: validate_list: the list is empty')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { 'a,b' }) end, 'item 1 is empty or holds a comma')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { 'a', 2 }) end, 'list item 2 must be a string')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { '\\255' }) end, 'list item 1 is not valid UTF-8')\n"
          "local long = {}\n"
          "for i = 1, 60 do long[i] = '选项' .. i end\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, long) end, 'Excel allows 255 (put the choices on a sheet')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { source = '口径!A1:A3' }) end, 'list source must be a range')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { source = '=A1:A3', x = 1 }) end, 'validate_list: unknown option x')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { 'a' }, { error_titel = 'x' }) end, 'unknown option error_titel')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { 'a' }, { error_title = string.rep('长', 33) }) end, 'error_title is longer than 32 characters')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { 'a' }, { error_type = 'stopp' }) end, 'error_type must be')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { 'a' }, { dropdown = 1 }) end, 'dropdown must be a boolean')\n"
          "fails(function() ws:validate_list(5, 0, 4, 0, { 'a' }) end, 'last row before the first')\n"
          "fails(function() ws:validate_list(0, 0, 0, 16384, { 'a' }) end, 'column 16384 out of range')\n"
          "fails(function() ws:comment(0, 0, 5) end, f .. ': sheet 填报: comment must be a string')\n"
          "fails(function() ws:comment(0, 0, 'x', { colour = 1 }) end, 'comment: unknown option colour')\n"
          "fails(function() ws:protect({}) end, 'password must be a string')\n"
          "fails(function() wb:sheet('X', { hidden = 'yes' }) end, f .. ': sheet: hidden must be a boolean')\n"
          "eq(wb:close(), true)\n"
          "fails(function() ws:hide() end, 'the xlsx workbook is closed')\n"
          "fails(function() ws:validate_list(0, 0, 0, 0, { 'a' }) end, 'the xlsx workbook is closed')\n"
          /* what the file holds */
          "local sheet = zipread(f, 'xl/worksheets/sheet1.xml')\n"
          "assert(sheet:find('<formula1>\"当期,累计,期末,比率\"</formula1>', 1, true), sheet)\n"
          "assert(sheet:find('errorStyle=\"warning\"', 1, true) and sheet:find('errorTitle=\"口径错误\"', 1, true))\n"
          "assert(sheet:find('<formula1>口径!$A$1:$A$20</formula1>', 1, true))\n"
          "assert(sheet:find('<sheetProtection', 1, true))\n"
          "assert(zipread(f, 'xl/comments1.xml'):find('说明：按月填报', 1, true))\n"
          "local book = zipread(f, 'xl/workbook.xml')\n"
          "assert(book:find('name=\"口径\" sheetId=\"2\" state=\"hidden\"', 1, true), book)\n"
          "eq(all_rows(f)[1].cells[1], '指标')\n"
          /* the first sheet hidden: the next visible one is shown on opening */
          "local g = path('hide1.xlsx')\n"
          "local wb2 = xlsx.writer(g)\n"
          "wb2:sheet('A'):hide(); wb2:sheet('B')\n"
          "wb2:close()\n"
          "local b2 = zipread(g, 'xl/workbook.xml')\n"
          "assert(b2:find('state=\"hidden\"', 1, true) and b2:find('activeTab=\"1\"', 1, true), b2)\n");
}

static void test_unclosed_discarded(void **state) {
  run(L_, "local f = path('gc.xlsx')\n"
          "do local wb = xlsx.writer(f); wb:sheet('S'):write(0, 0, 'x') end\n"
          "collectgarbage(); collectgarbage()\n"
          "eq(io.open(f), nil, 'an unclosed workbook writes nothing')\n"
          /* <close>: a normal exit writes the file, an error discards it */
          "local g = path('tbc.xlsx')\n"
          "do local wb <close> = xlsx.writer(g); wb:sheet('S'):write(0, 0, 'kept') end\n"
          "eq(all_rows(g)[1].cells[1], 'kept')\n"
          "local h = path('err.xlsx')\n"
          "local ok = pcall(function() local wb <close> = xlsx.writer(h); wb:sheet('S'); error('boom') end)\n"
          "eq(ok, false); eq(io.open(h), nil, 'an error discards the workbook')\n"
          /* a sheet keeps its workbook alive */
          "local k = path('alive.xlsx')\n"
          "local ws = xlsx.writer(k):sheet('S')\n"
          "collectgarbage(); collectgarbage()\n"
          "ws:write(0, 0, 1)\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    T(test_module),
    T(test_roundtrip_every_type),
    T(test_sheets_list_and_select),
    T(test_not_a_zip),
    T(test_missing_sheet),
    T(test_zip_not_xlsx),
    T(test_empty_sheet),
    T(test_gaps_and_many_rows),
    T(test_special_strings),
    T(test_dates),
    T(test_date_styles),
    T(test_merged_cells),
    T(test_merged_errors),
    T(test_handmade_cells),
    T(test_bad_cells),
    T(test_malformed_xml),
    T(test_iterator_lifetime),
    T(test_writer_errors),
    T(test_validation_comments),
    T(test_unclosed_discarded),
#undef T
  };
  return cmocka_run_group_tests_name("xlsx", tests, NULL, NULL);
}
