/* fuzz_credit.c: 统一社会信用代码 checks (policytk.benefits.credit_code) on arbitrary bytes: never
** an error; valid() agrees with check_char() on every 18-byte input; a code made valid by its
** check character is valid. */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local cc = require 'policytk.benefits.credit_code'\n" \
  "local ok, why = cc.valid(s)\n" \
  "if not ok and type(why) ~= 'string' then error('invariant: valid() gave no reason', 0) end\n" \
  "local head = s:sub(1, 17)\n" \
  "local c = cc.check_char(head)\n" \
  "if c then\n" \
  "  if not cc.valid(head .. c) then error('invariant: a code with its own check character is not valid: ' .. head .. c, 0) end\n" \
  "  if #s == 18 and (s:upper():sub(18) == c) ~= (cc.valid(s) == true) and s:sub(1, 17) == s:sub(1, 17):upper() then\n" \
  "    error('invariant: valid() and check_char() disagree on ' .. s, 0)\n" \
  "  end\n" \
  "end\n"
#include "fuzz_common.h"
