# policytk — build, test, install.
#
#   make deps     install the Debian packages the project needs (apt-get, non-interactive)
#   make          build build/policytk
#   make test     build and run every test (C unit tests, Lua tests, CLI tests, plugin checks, the browser test)
#   make asan     the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make demo     fresh database, bundled plugins and sample figures, then a report
#   make lint     luacheck over all Lua
#   make fuzz     the libFuzzer harnesses of fuzz/, FUZZ_SECONDS each (clang)
#   make bench    the benchmarks in bench/
#   make install  PREFIX=/usr/local

PREFIX   ?= /usr/local
CC       ?= cc
BUILD    ?= build
# The policytk binary links only light libraries; modules with heavy dependencies are
# loadable Lua C modules (build/lib/policytk/NAME.so from core/lua_NAME.c + core/NAME_*.c),
# opened on first require so that start-up does not pay for them.
PKGS     := lua5.4
LOADABLE := db readline text http html xlsx scan crypto zip image httpd
PKGS_db   := sqlite3
PKGS_scan := sqlite3
PKGS_readline := libedit
PKGS_text := opencc
PKGS_http := libcurl
PKGS_html := libxml-2.0
PKGS_xlsx := xlsxwriter libzip libxml-2.0
PKGS_crypto := libsodium
PKGS_zip := libzip
PKGS_image := librsvg-2.0 cairo
PKGS_httpd := libmicrohttpd
CFLAGS_BASE := -std=c11 -Wall -Wextra -Werror -fPIC -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude
OPT      ?= -O2
CFLAGS   ?=
pkgcflags = $(shell pkg-config --cflags $(1) 2>/dev/null)
pkglibs   = $(shell pkg-config --libs $(1) 2>/dev/null)
ALL_CFLAGS = $(CFLAGS_BASE) $(OPT) $(call pkgcflags,$(PKGS)) $(CFLAGS)
LDLIBS   = $(call pkglibs,$(PKGS)) -lm -ldl

# Debian packages: build, run, test, lint, bench.
DEB_PKGS := build-essential pkg-config lua5.4 liblua5.4-dev lua-cjson lua-lpeg lua-check \
            libsqlite3-dev sqlite3 libedit-dev libcmocka-dev libcurl4-openssl-dev libopencc-dev \
            libxml2-dev libxlsxwriter-dev libzip-dev libsodium-dev python3 python3-openpyxl python3-pandas hyperfine \
            clang libclang-rt-14-dev opencc librsvg2-dev \
            libreoffice-writer-nogui poppler-utils fonts-noto-cjk \
            libmicrohttpd-dev curl openssl chromium nodejs wrk

MODULES   := $(foreach m,$(LOADABLE),$(if $(wildcard core/lua_$(m).c),$(m)))
MOD_SRC    = $(foreach m,$(LOADABLE),$(wildcard core/lua_$(m).c core/$(m)_*.c))
MOD_SO    := $(patsubst %,$(BUILD)/lib/policytk/%.so,$(MODULES))
CORE_SRC  := $(filter-out core/main.c $(MOD_SRC),$(wildcard core/*.c))
CORE_OBJ  := $(patsubst core/%.c,$(BUILD)/obj/%.o,$(CORE_SRC))
MOD_OBJ    = $(patsubst core/%.c,$(BUILD)/obj/%.o,$(MOD_SRC))
MOD_LIBS   = $(foreach m,$(MODULES),$(call pkglibs,$(PKGS_$(m))))
TEST_SRC  := $(wildcard tests/c/test_*.c)
TEST_BIN  := $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(TEST_SRC))
HEADERS   := $(wildcard include/*.h core/*.h)

.PHONY: all deps test test-c test-lua test-browser asan demo lint bench install clean docs

all: $(BUILD)/policytk $(MOD_SO)

$(BUILD)/obj/%.o: core/%.c $(HEADERS) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(call pkgcflags,$(foreach m,$(LOADABLE),$(PKGS_$(m)))) -c -o $@ $<

$(BUILD)/libpolicytk.a: $(CORE_OBJ)
	ar rcs $@ $^

# -rdynamic: loadable modules use the host's helpers (ptk_*) from the executable
$(BUILD)/policytk: $(BUILD)/obj/main.o $(BUILD)/libpolicytk.a
	$(CC) $(ALL_CFLAGS) -rdynamic -o $@ $^ $(LDLIBS) $(LDFLAGS)

.SECONDARY:
.SECONDEXPANSION:
$(BUILD)/lib/policytk/%.so: $$(subst .c,.o,$$(subst core/,$(BUILD)/obj/,core/lua_$$*.c $$(wildcard core/$$*_*.c))) | $(BUILD)/lib/policytk
	$(CC) $(ALL_CFLAGS) -shared -Wl,-z,nodelete -o $@ $^ $(call pkglibs,$(PKGS_$*)) $(LDFLAGS)

# C tests link the module objects directly (luaopen_policytk_NAME) as well as the core.
$(BUILD)/tests/%: tests/c/%.c $(BUILD)/libpolicytk.a $$(MOD_OBJ) $(HEADERS) $(wildcard tests/c/*.h) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(call pkgcflags,$(foreach m,$(LOADABLE),$(PKGS_$(m)))) -Icore -o $@ $< $(MOD_OBJ) $(BUILD)/libpolicytk.a $(LDLIBS) $(MOD_LIBS) -lcmocka $(LDFLAGS)

$(BUILD)/lib/policytk:
	mkdir -p $@

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

# The dependencies: installed only when one is missing; as root, or through sudo.
deps:
	@missing=$$(for p in $(DEB_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "deps: all installed"; exit 0; fi; \
	echo "deps: installing $$missing"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "deps: installing npm"; if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm; fi
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then \
	  $(MAKE) -s --no-print-directory $(BROWSER_MODULES); \
	else echo "deps: no node/npm, so no tests/browser/node_modules: make test-browser will be skipped"; fi

# puppeteer-core for the browser test, from tests/browser/package-lock.json; again when the lock
# file or package.json is newer than what npm last installed (npm writes .package-lock.json).
BROWSER_MODULES := tests/browser/node_modules/.package-lock.json
$(BROWSER_MODULES): tests/browser/package-lock.json tests/browser/package.json
	cd tests/browser && npm ci --no-audit --no-fund
	touch $@

# Tests that read the shared source texts (../shared/seeds, or $POLICYTK_SEEDS) are skipped
# when those are absent, with one line saying how many; under CI=true they fail instead.
test: test-c test-lua test-browser lint fuzz-replay

test-c: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; POLICYTK_HOME=$(CURDIR) $$t; done

test-lua: all
	POLICYTK_HOME=$(CURDIR) $(BUILD)/policytk test tests/lua
	POLICYTK_HOME=$(CURDIR) $(BUILD)/policytk check

# The browser test (tests/browser/round.test.mjs, docs/serve.md): Debian's chromium driven by
# puppeteer-core through a unit's round. Without chromium, node or tests/browser/node_modules it is
# skipped with one line; under CI=true that is a failure.
CHROMIUM ?= /usr/bin/chromium
test-browser: all
	@if [ ! -x "$(CHROMIUM)" ] || ! command -v node >/dev/null 2>&1 || [ ! -d tests/browser/node_modules/puppeteer-core ]; then \
	  if [ "$$CI" = true ]; then echo "test-browser: FAILED: $(CHROMIUM), node or tests/browser/node_modules missing under CI=true (make deps installs them)"; exit 1; fi; \
	  echo "test-browser: skipped: no $(CHROMIUM), node or tests/browser/node_modules (make deps installs them)"; exit 0; fi; \
	POLICYTK_HOME=$(CURDIR) POLICYTK_EXE=$(abspath $(BUILD))/policytk POLICYTK_CHROMIUM=$(CHROMIUM) node tests/browser/round.test.mjs

# -z nodelete above keeps a module mapped after lua_close, so sanitizer reports can name it.
# POLICYTK_SANITIZED tells memory-bound tests that RSS includes the sanitizer's shadow memory.
# SCAN_CACHE_MAX=8: match's text caches empty themselves every 8 texts, so that the tests
# run that path under the sanitizers (65,536 otherwise).
asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp POLICYTK_SANITIZED=1 \
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -DSCAN_CACHE_MAX=8" \
	  LDFLAGS="-fsanitize=address,undefined" test-c test-lua fuzz-replay

DEMO_DB ?= $(BUILD)/demo.db
demo:
	@$(MAKE) --no-print-directory -s deps
	@$(MAKE) --no-print-directory -s all
	@$(BUILD)/policytk demo --db $(DEMO_DB) --round

lint:
	luacheck --formatter plain scripts plugins tests $(wildcard bench/*.lua)

$(BUILD)/bench/%: bench/%.c ; mkdir -p $(@D) && $(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS)
# stops at the first bench that fails (its name and exit status last)
bench: $(BUILD)/policytk
	@for b in bench/*.sh; do echo "== $$b"; BUILD=$(BUILD) bash $$b || { echo "bench: $$b failed (exit $$?)"; exit 1; }; done

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/policytk $(DESTDIR)$(PREFIX)/lib/policytk/policytk
	install -m 755 $(BUILD)/policytk $(DESTDIR)$(PREFIX)/bin/policytk
	$(if $(MOD_SO),install -m 755 $(MOD_SO) $(DESTDIR)$(PREFIX)/lib/policytk/policytk/)
	cp -R scripts plugins $(DESTDIR)$(PREFIX)/share/policytk/

# docs/plugins.md ends with the contract tables generated from scripts/policytk/plugins/contract.lua
docs: $(BUILD)/policytk
	sed -n '/^## Constructors/q;p' docs/plugins.md > docs/plugins.md.tmp
	$(BUILD)/policytk contract >> docs/plugins.md.tmp
	mv docs/plugins.md.tmp docs/plugins.md

clean:
	rm -rf $(BUILD)

# Fuzzing (fuzz/README.md). A harness is fuzz/fuzz_NAME.c; it links the core and the objects of
# the loadable modules FUZZ_MODS_NAME names (default: text). Linked with fuzz/replay.c
# ($(BUILD)/harness/fuzz_NAME, make fuzz-replay, part of make test and make asan) it replays the
# inputs kept in fuzz/regressions/NAME/ and fuzz/seeds/NAME/; linked with libFuzzer (make fuzz,
# clang: build/fuzz/harness/fuzz_NAME) it fuzzes FUZZ_SECONDS each (fuzz/run.sh).
FUZZ_HARNESSES ?= quantity normalize structure csv credit plugin values xlsx html charset hanweb jpaas
FUZZ_MODS_xlsx    := xlsx
FUZZ_MODS_html    := text html
FUZZ_MODS_hanweb  := text html
FUZZ_MODS_jpaas   := text html
FUZZ_MODS_charset := text http
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build/fuzz
FUZZ_SEEDS   ?= $(or $(POLICYTK_SEEDS),$(CURDIR)/../shared/seeds)
FUZZ_MAIN    ?= fuzz/replay.c
FUZZ_LINK    ?=
fuzz_mods  = $(or $(FUZZ_MODS_$(1)),text)
fuzz_objs  = $(patsubst core/%.c,$(BUILD)/obj/%.o,$(wildcard $(foreach m,$(call fuzz_mods,$(1)),core/lua_$(m).c core/$(m)_*.c)))
FUZZ_BINS  = $(patsubst %,$(BUILD)/harness/fuzz_%,$(FUZZ_HARNESSES))
.PHONY: fuzz fuzz-replay

$(BUILD)/harness/fuzz_%: fuzz/fuzz_%.c $(wildcard fuzz/*.h) $(FUZZ_MAIN) $(BUILD)/libpolicytk.a $$(call fuzz_objs,$$*)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(FUZZ_LINK) $(call pkgcflags,$(foreach m,$(LOADABLE),$(PKGS_$(m)))) -Icore -o $@ $< $(FUZZ_MAIN) \
	  $(call fuzz_objs,$*) $(BUILD)/libpolicytk.a $(LDLIBS) $(call pkglibs,$(foreach m,$(call fuzz_mods,$*),$(PKGS_$(m)))) $(LDFLAGS)

# every harness once on each kept input (regressions and seeds); any finding fails
fuzz-replay: $(FUZZ_BINS)
	@set -e; for h in $(FUZZ_HARNESSES); do \
	  files=$$(find fuzz/regressions/$$h fuzz/seeds/$$h -type f 2>/dev/null | sort); [ -n "$$files" ] || continue; \
	  echo "== fuzz_$$h: $$(echo "$$files" | wc -l) kept input(s)"; \
	  POLICYTK_HOME=$(CURDIR) POLICYTK_LOG=quiet $(BUILD)/harness/fuzz_$$h $$files; done

fuzz:
	$(MAKE) CC=clang BUILD=$(FUZZ_BUILD) OPT="-O1 -g" FUZZ_MAIN= FUZZ_LINK=-fsanitize=fuzzer \
	  CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" FUZZ_HARNESSES="$(FUZZ_HARNESSES)" $(patsubst %,$(FUZZ_BUILD)/harness/fuzz_%,$(FUZZ_HARNESSES))
	@rm -rf $(FUZZ_BUILD)/seeds; bash fuzz/seed_corpus.sh $(FUZZ_SEEDS) $(FUZZ_BUILD)/seeds/text; bash fuzz/seed_xlsx.sh $(FUZZ_BUILD)/seeds/xlsx
	POLICYTK_HOME=$(CURDIR) bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_HARNESSES)
