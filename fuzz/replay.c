/* replay.c: main() for a harness of fuzz/ built without libFuzzer (make fuzz-replay, part of
** make test and make asan): runs LLVMFuzzerTestOneInput once on each file named, as
** `fuzz_NAME -runs=0 FILE…` would. A finding aborts (the harness) or is reported by the
** sanitizers; a file that cannot be read is an error (exit 2). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (f == NULL) {
      perror(argv[i]);
      return 2;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
      n += got;
      if (n == cap) {
        uint8_t *bigger = realloc(buf, cap *= 2);
        if (bigger == NULL) free(buf);
        buf = bigger;
      }
    }
    int bad = ferror(f);
    fclose(f);
    if (buf == NULL || bad) {
      fprintf(stderr, "%s: cannot read\n", argv[i]);
      free(buf);
      return 2;
    }
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
  }
  return 0;
}
