/* fuzz_csv.c: the C CSV reader (policytk.csv_reader) against the Lua one (policytk.data.csv) on
** arbitrary bytes, written to a temporary file: the same records, line numbers and problems,
** else an "invariant:" error (a finding). Both read the file a line at a time. */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local csv = require 'policytk.data.csv'\n" \
  "local path = os.tmpname()\n" \
  "local f = assert(io.open(path, 'wb')); f:write(s); f:close()\n" \
  "local function dump(it)\n" \
  "  local out = {}\n" \
  "  for fields, line, problem in it do\n" \
  "    out[#out + 1] = fields and (line .. '[' .. table.concat(fields, '|') .. ']') or (line .. '!' .. tostring(problem))\n" \
  "  end\n" \
  "  return table.concat(out, '\\n')\n" \
  "end\n" \
  "local fc = assert(io.open(path, 'rb'))\n" \
  "local it, reader = csv.file_records(fc)\n" \
  "local c = dump(it); reader:close(); fc:close()\n" \
  "local fl = assert(io.open(path, 'rb'))\n" \
  "local l = dump(csv.records(csv.file_lines(fl))); fl:close()\n" \
  "os.remove(path)\n" \
  "if c ~= l then error('invariant: C and Lua CSV readers differ:\\nC:   ' .. c .. '\\nLua: ' .. l, 0) end\n"
#include "fuzz_common.h"
