/* fuzz_structure.c: libFuzzer harness for the structure parser, the PDF-table reader and
** the whole extractor (policytk.extract.structure.parse, policytk.extract.pdf_table.rows, policytk.extract). */
#define FUZZ_CODE \
  "local s = ...\n" \
  "local ok, out = pcall(require('policytk.text').normalize, s)\n" \
  "if not ok then return end\n" \
  "require('policytk.extract.structure').parse(out)\n" \
  "require('policytk.extract.pdf_table').rows(out)\n" \
  "require('policytk.extract').extract(s)\n"
#include "fuzz_common.h"
