/* fuzz_quantity.c: libFuzzer harness for the quantity and deadline parsers
** (policytk.extract.quantity.parse / scan, policytk.extract.deadline.scan) on arbitrary bytes. */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local q = require 'policytk.extract.quantity'\n" \
  "q.parse(s); q.scan(s); require('policytk.extract.deadline').scan(s)\n"
#include "fuzz_common.h"
