/* fuzz_normalize.c: libFuzzer harness for policytk.text.normalize (decode, mojibake repair,
** pinyin removal, t2s, folding) on arbitrary bytes. */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local out = require('policytk.text').normalize(s)\n" \
  "assert(require('policytk.core').utf8_check(out) == nil, 'invariant: normalize returned invalid UTF-8')\n"
#include "fuzz_common.h"
