/* fuzz_values.c: periods, dates and figures as staff and bureaus type them
** (policytk.data.values: read_period, read_value, number, period, convert; policytk.progress.dates)
** on arbitrary bytes. Invariants: none of them raises (values.lua promises it); a period read is
** canonical (YYYY, YYYY-Qn, YYYY-MM) — the strict reader takes it, reading it again gives it,
** its bounds exist and its first day survives the day-number round trip — and not after today;
** a failed read gives a reason; a value read is a finite number with a unit text. (The dates of
** policy texts, text.dates behind extract.deadline.scan, are fuzz_quantity.c's.) */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local values = require 'policytk.data.values'\n" \
  "local dates = require 'policytk.progress.dates'\n" \
  "local TODAY = '2025-06-30'\n" \
  "local function call(name, f, ...)\n" \
  "  local r = table.pack(pcall(f, ...))\n" \
  "  if not r[1] then error('invariant: values.' .. name .. ' raised: ' .. tostring(r[2]), 0) end\n" \
  "  return table.unpack(r, 2, r.n)\n" \
  "end\n" \
  "local function period(p, what)\n" \
  "  if type(p) ~= 'string' or not (p:match('^%d%d%d%d$') or p:match('^%d%d%d%d%-Q[1-4]$') or p:match('^%d%d%d%d%-%d%d$')) then\n" \
  "    error('invariant: ' .. what .. ' gave period ' .. tostring(p), 0)\n" \
  "  end\n" \
  "  local start = values.period_start(p)\n" \
  "  if not start or start > TODAY then error('invariant: ' .. what .. ' gave ' .. p .. ', start ' .. tostring(start), 0) end\n" \
  "  if values.period(p, TODAY) ~= p then error('invariant: values.period refuses ' .. p, 0) end\n" \
  "  local a, b = dates.bounds(p)\n" \
  "  if not a or a ~= start or not b or b < a then error('invariant: bounds of ' .. p, 0) end\n" \
  "  if dates.date(dates.days(start)) ~= start or dates.date(dates.days(b)) ~= b then error('invariant: day numbers of ' .. p, 0) end\n" \
  "end\n" \
  "for _, opts in ipairs{ { today = TODAY }, { today = TODAY, excel_serial = true } } do\n" \
  "  local p, hint = call('read_period', values.read_period, s, opts)\n" \
  "  if p then\n" \
  "    period(p, 'read_period')\n" \
  "    if hint ~= nil and hint ~= 'ytd' then error('invariant: basis hint ' .. tostring(hint), 0) end\n" \
  "    if call('read_period', values.read_period, p, opts) ~= p then error('invariant: read_period(' .. p .. ') is not itself', 0) end\n" \
  "  elseif type(hint) ~= 'string' then error('invariant: read_period gave no reason', 0) end\n" \
  "end\n" \
  "local p, why = call('period', values.period, s, TODAY)\n" \
  "if p then period(p, 'period') elseif type(why) ~= 'string' then error('invariant: period gave no reason', 0) end\n" \
  "local n, pct = call('number', values.number, s)\n" \
  "if n ~= nil and (type(n) ~= 'number' or type(pct) ~= 'boolean') then error('invariant: number gave ' .. tostring(n), 0) end\n" \
  "local v, unit, info = call('read_value', values.read_value, s)\n" \
  "if v ~= nil then\n" \
  "  if type(v) ~= 'number' or v ~= v or v == math.huge or v == -math.huge then error('invariant: read_value gave ' .. tostring(v), 0) end\n" \
  "  if type(unit) ~= 'string' or type(info) ~= 'table' then error('invariant: read_value gave no unit', 0) end\n" \
  "  for _, target in ipairs{ '家', '万元', '%', '亿元' } do call('convert', values.convert, v, unit, target) end\n" \
  "elseif unit ~= nil and type(unit) ~= 'string' then error('invariant: read_value gave no reason', 0) end\n"
#include "fuzz_common.h"
