/* fuzz_quantity.c: libFuzzer harness for the quantity and deadline parsers
** (policytk.quantity.parse / scan, policytk.deadline.scan) on arbitrary bytes. */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local q = require 'policytk.quantity'\n" \
  "q.parse(s); q.scan(s); require('policytk.deadline').scan(s)\n"
#include "fuzz_common.h"
