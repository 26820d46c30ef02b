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
PKGS     := lua5.4 sqlite3 libedit opencc
CFLAGS_BASE := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude
OPT      ?= -O2
CFLAGS   ?=
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(CFLAGS_BASE) $(OPT) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS   = $(PKG_LIBS) -lm -ldl

# Debian packages: build, run, test, lint, bench.
DEB_PKGS := build-essential pkg-config lua5.4 liblua5.4-dev lua-cjson lua-lpeg lua-check \
            libsqlite3-dev sqlite3 libedit-dev libcmocka-dev libcurl4-openssl-dev libopencc-dev \
            hyperfine

CORE_SRC  := $(filter-out core/main.c,$(wildcard core/*.c))
CORE_OBJ  := $(patsubst core/%.c,$(BUILD)/obj/%.o,$(CORE_SRC))
TEST_SRC  := $(wildcard tests/c/test_*.c)
TEST_BIN  := $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(TEST_SRC))
HEADERS   := $(wildcard include/*.h core/*.h)

.PHONY: all deps test test-c test-lua asan demo lint bench install clean docs

all: $(BUILD)/policytk

$(BUILD)/obj/%.o: core/%.c $(HEADERS) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libpolicytk.a: $(CORE_OBJ)
	ar rcs $@ $^

$(BUILD)/policytk: $(BUILD)/obj/main.o $(BUILD)/libpolicytk.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS) $(LDFLAGS)

$(BUILD)/tests/%: tests/c/%.c $(BUILD)/libpolicytk.a $(HEADERS) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Icore -o $@ $< $(BUILD)/libpolicytk.a $(LDLIBS) -lcmocka $(LDFLAGS)

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

test: test-c test-lua lint

test-c: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; POLICYTK_HOME=$(CURDIR) $$t; done

test-lua: $(BUILD)/policytk
	POLICYTK_HOME=$(CURDIR) $(BUILD)/policytk test tests/lua
	POLICYTK_HOME=$(CURDIR) $(BUILD)/policytk check

asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" test

DEMO_DB ?= $(BUILD)/demo.db
demo:
	@$(MAKE) --no-print-directory -s deps
	@$(MAKE) --no-print-directory -s all
	@$(BUILD)/policytk demo --db $(DEMO_DB)

lint:
	luacheck --formatter plain scripts plugins tests $(wildcard bench/*.lua)

bench: $(BUILD)/policytk
	@for b in bench/*.sh; do echo "== $$b"; BUILD=$(BUILD) bash $$b; done

install: $(BUILD)/policytk
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/policytk
	install -m 755 $(BUILD)/policytk $(DESTDIR)$(PREFIX)/bin/policytk
	cp -R scripts plugins $(DESTDIR)$(PREFIX)/share/policytk/

# docs/plugins.md ends with the contract tables generated from scripts/policytk/contract.lua
docs: $(BUILD)/policytk
	sed -n '/^## Constructors/q;p' docs/plugins.md > docs/plugins.md.tmp
	$(BUILD)/policytk contract >> docs/plugins.md.tmp
	mv docs/plugins.md.tmp docs/plugins.md

clean:
	rm -rf $(BUILD)
