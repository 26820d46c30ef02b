/* fuzz_plugin.c: plugin loading with schema validation (policytk.plugins.load) on arbitrary
** bytes as a plugin's document file: loading ends (the sandbox's budgets) and reports problems as
** problems; it never raises, and a plugin with problems is never "ok". */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local plugins = require 'policytk.plugins'\n" \
  "local fs = require 'policytk.fs'\n" \
  "local dir = os.tmpname(); os.remove(dir)\n" \
  "assert(fs.mkdirs(dir .. '/docs'))\n" \
  "local function put(name, text) local f = assert(io.open(dir .. '/' .. name, 'wb')); f:write(text); f:close() end\n" \
  "put('plugin.lua', 'return plugin{ id = \"fz\", name = \"测试市\", code = \"339900\", version = \"0.0.1\", contract = 1,' ..\n" \
  "  ' regions = { region{ code = \"339901\", name = \"测试区\" } },' ..\n" \
  "  ' units = { unit{ short = \"市经信局\", name = \"测试市经济和信息化局\", kind = \"government\" } } }')\n" \
  "put('docs/d.lua', s)\n" \
  "local ok, p = pcall(plugins.load, 'fz', dir, {})\n" \
  "os.remove(dir .. '/docs/d.lua'); os.remove(dir .. '/docs'); os.remove(dir .. '/plugin.lua'); os.remove(dir)\n" \
  "if not ok then error('invariant: plugins.load raised: ' .. tostring(p), 0) end\n" \
  "if #p.problems > 0 and p.status == 'ok' then error('invariant: a plugin with problems is ok', 0) end\n"
#include "fuzz_common.h"
