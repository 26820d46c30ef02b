# policytk — build, test, install.
#
#   make deps     install the Debian packages the project needs (apt-get, non-interactive)
#   make          build build/policytk
#   make test     build and run every test (C unit tests, Lua tests, CLI tests, plugin checks)
#   make asan     the same tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make demo     fresh database, bundled plugins and sample figures, then a report
#   make lint     luacheck over all Lua
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
            libmicrohttpd-dev curl openssl

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

.PHONY: all deps test test-c test-lua asan demo lint bench install clean docs

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

# Tests that read the shared source texts (../shared/seeds, or $POLICYTK_SEEDS) are skipped
# when those are absent, with one line saying how many; under CI=true they fail instead.
test: test-c test-lua lint

test-c: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; POLICYTK_HOME=$(CURDIR) $$t; done

test-lua: all
	POLICYTK_HOME=$(CURDIR) $(BUILD)/policytk test tests/lua
	POLICYTK_HOME=$(CURDIR) $(BUILD)/policytk check

# -z nodelete above keeps a module mapped after lua_close, so sanitizer reports can name it.
# POLICYTK_SANITIZED tells memory-bound tests that RSS includes the sanitizer's shadow memory.
# SCAN_CACHE_MAX=8: match's text caches empty themselves every 8 texts, so that the tests
# run that path under the sanitizers (65,536 otherwise).
asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp POLICYTK_SANITIZED=1 \
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -DSCAN_CACHE_MAX=8" \
	  LDFLAGS="-fsanitize=address,undefined" test-c test-lua

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

# make fuzz: libFuzzer harnesses (fuzz/fuzz_*.c) built with clang and run FUZZ_SECONDS each
# on a seed corpus made at run time from the source texts (fuzz/seed_corpus.sh).
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build/fuzz
FUZZ_SEEDS   ?= $(or $(POLICYTK_SEEDS),$(CURDIR)/../shared/seeds)
FUZZ_FLAGS    = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -g -O1
.PHONY: fuzz
FUZZ_TEXT_OBJ = $(patsubst core/%.c,$(FUZZ_BUILD)/obj/%.o,$(wildcard core/lua_text.c core/text_*.c))
# fuzz_xlsx: the XLSX reader (merged ranges, date styles), its own seeds made by fuzz/seed_xlsx.sh
FUZZ_XLSX_OBJ = $(patsubst core/%.c,$(FUZZ_BUILD)/obj/%.o,$(wildcard core/lua_xlsx.c core/xlsx_*.c))
FUZZ_HARNESSES ?= quantity normalize structure xlsx csv credit plugin
fuzz:
	$(MAKE) CC=clang BUILD=$(FUZZ_BUILD) OPT="-O1 -g" CFLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" LDFLAGS="-fsanitize=address,undefined" $(FUZZ_BUILD)/libpolicytk.a $(FUZZ_TEXT_OBJ) $(FUZZ_XLSX_OBJ)
	@set -e; for h in quantity normalize structure csv credit plugin; do \
	  clang $(CFLAGS_BASE) $(FUZZ_FLAGS) $(call pkgcflags,$(PKGS) opencc) -Icore -o $(FUZZ_BUILD)/fuzz_$$h fuzz/fuzz_$$h.c \
	    $(FUZZ_TEXT_OBJ) $(FUZZ_BUILD)/libpolicytk.a $(LDLIBS) $(call pkglibs,opencc); \
	done
	clang $(CFLAGS_BASE) $(FUZZ_FLAGS) $(call pkgcflags,$(PKGS) $(PKGS_xlsx)) -Icore -o $(FUZZ_BUILD)/fuzz_xlsx fuzz/fuzz_xlsx.c \
	  $(FUZZ_XLSX_OBJ) $(FUZZ_BUILD)/libpolicytk.a $(LDLIBS) $(call pkglibs,$(PKGS_xlsx))
	@set -e; rm -rf $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/seeds_xlsx; bash fuzz/seed_corpus.sh $(FUZZ_SEEDS) $(FUZZ_BUILD)/corpus; \
	bash fuzz/seed_xlsx.sh $(FUZZ_BUILD)/seeds_xlsx; \
	for h in $(FUZZ_HARNESSES); do echo "== fuzz_$$h ($(FUZZ_SECONDS) s)"; \
	  seeds=$(FUZZ_BUILD)/corpus; [ $$h = xlsx ] && seeds=$(FUZZ_BUILD)/seeds_xlsx; \
	  mkdir -p $(FUZZ_BUILD)/corpus_$$h $(FUZZ_BUILD)/crashes_$$h; \
	  POLICYTK_HOME=$(CURDIR) $(FUZZ_BUILD)/fuzz_$$h -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=4096 \
	    -artifact_prefix=$(FUZZ_BUILD)/crashes_$$h/ $(FUZZ_BUILD)/corpus_$$h $$seeds 2>&1 \
	    | grep -E "^#[0-9]+.*(DONE|cov:)|^Done [0-9]+ runs|ERROR|SUMMARY|invariant" | tail -3; \
	  ls $(FUZZ_BUILD)/crashes_$$h | grep -q . && { echo "fuzz_$$h: findings in $(FUZZ_BUILD)/crashes_$$h"; exit 1; } || true; done
