/*
** policytk.h — the public C API of the policytk host.
**
** The host owns one lua_State per run. It counts every byte that Lua allocates, can
** bound the bytes and instructions of a single call (the plugin sandbox), registers the
** C primitives as Lua modules (policytk.core, policytk.fs, policytk.term, policytk.db …)
** and dispatches command-line verbs to Lua scripts under scripts/cli/.
*/
#ifndef POLICYTK_H
#define POLICYTK_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

#define POLICYTK_VERSION "0.1.0"

/* Exit codes of every verb. */
#define PTK_EXIT_OK    0   /* the job succeeded */
#define PTK_EXIT_FAIL  1   /* the job failed */
#define PTK_EXIT_USAGE 2   /* the command line was wrong */

/* ---------------------------------------------------------------- memory accounting */

/*
** Allocator state: the lua_State's allocator user data. `used` is the number of bytes
** Lua holds now; `limit` (0 = none) is the most it may hold; allocations that would pass
** it fail and set `tripped`. `peak` is the most ever held.
*/
typedef struct ptk_alloc {
  size_t used;
  size_t peak;
  size_t limit;
  int tripped;
} ptk_alloc;

/* The lua_Alloc function over a ptk_alloc. */
void *ptk_alloc_fn(void *ud, void *ptr, size_t osize, size_t nsize);

/* The ptk_alloc of a state created by ptk_newstate, or NULL for any other state. */
ptk_alloc *ptk_alloc_of(lua_State *L);

/* A new lua_State using the counting allocator (standard libraries not opened).
** Returns NULL when memory is exhausted. Close it with ptk_closestate. */
lua_State *ptk_newstate(void);

/* lua_close the state and free its ptk_alloc. */
void ptk_closestate(lua_State *L);

/* ----------------------------------------------------------------- limited calls */

/* Budgets for one call. 0 means "no limit" for either. (The wall-clock budget is an
** argument of ptk_limited_pcall_timed.) */
typedef struct ptk_limits {
  long long instructions;   /* Lua VM instructions (pattern-matching steps count as instructions) */
  size_t memory;            /* bytes on top of what the state holds at the call */
} ptk_limits;

#define PTK_DEFAULT_INSTRUCTIONS 1000000000LL
#define PTK_DEFAULT_MEMORY ((size_t)256 * 1024 * 1024)
#define PTK_DEFAULT_SECONDS 10.0

/* The most a plugin's budgets may be (policytk.plugins.sandbox clamps every budget it applies
** to these; the manifest schema refuses larger values). The C API itself does not clamp. */
#define PTK_MAX_INSTRUCTIONS 10000000000LL
#define PTK_MAX_MEMORY ((size_t)2 * 1024 * 1024 * 1024)
#define PTK_MAX_SECONDS 300.0

/*
** Call the function at stack index -(nargs+1) with nargs arguments, like lua_pcall with
** LUA_MULTRET, under the budgets in `lim`. When a budget runs out the call is stopped
** even if the called code catches errors (the count hook keeps firing), and the error
** value is a string "LABEL: instruction limit of N exceeded", "LABEL: memory limit of
** N bytes exceeded" or "LABEL: time limit of N seconds exceeded", N the budget in force (an
** enclosing limited call's may be smaller). The wall clock is read by the count hook and by
** ptk_budget_charge, so work between two of those readings (one C call) is not interrupted.
** *stopped (when not NULL) is set to 'i', 'm' or 't' when a budget stopped the call, else 0.
** Returns a lua_pcall status; on success the results are on the stack.
*/
int ptk_limited_pcall(lua_State *L, int nargs, const ptk_limits *lim, const char *label, int *stopped);

/* ptk_limited_pcall with a wall-clock budget as well: `seconds` (0 = none) of the monotonic
** clock from the call, or less when an enclosing limited call's deadline comes first. */
int ptk_limited_pcall_timed(lua_State *L, int nargs, const ptk_limits *lim, double seconds,
                            const char *label, int *stopped);

/*
** Charge `steps` units of work done inside a C function (e.g. pattern-matching steps) to the
** instruction budget of the limited call running on L, and read the wall clock. When a
** budget is spent, raises the call's stop error (a Lua error: call it only where one may be
** raised) and makes the count hook stop every later instruction. Does nothing outside a
** limited call.
*/
void ptk_budget_charge(lua_State *L, long long steps);

/* 1 when a limited call is running on L (C functions may then charge their work). */
int ptk_budget_active(lua_State *L);

/*
** string.find, string.match, string.gmatch and string.gsub with the semantics of Lua 5.4's
** lstrlib, whose matcher charges each step (a call of the recursive matcher, and every
** character scanned by a repetition, a %b or a set) to ptk_budget_charge: inside a limited
** call a backtracking pattern spends the instruction and time budgets like a loop would.
** Stores the four functions into the table at stack index t (core/strmatch.c).
*/
void ptk_bound_patterns(lua_State *L, int t);

/* ----------------------------------------------------------------- module registry */

/* A C module the host makes require-able: package.preload[name] = open. */
typedef struct ptk_module {
  const char *name;
  lua_CFunction open;
} ptk_module;

/* The registry: a NULL-terminated array of every built-in C module. */
extern const ptk_module ptk_modules[];

/* Put every registry module into package.preload. Needs the package library open. */
void ptk_register_modules(lua_State *L);

/* The modules themselves. */
int luaopen_policytk_core(lua_State *L);
int luaopen_policytk_fs(lua_State *L);
int luaopen_policytk_term(lua_State *L);
int luaopen_policytk_readline(lua_State *L);  /* loadable: build/lib/policytk/readline.so */
int luaopen_policytk_text(lua_State *L);
int luaopen_policytk_db(lua_State *L);
int luaopen_policytk_csv(lua_State *L);     /* preloaded as policytk.csv_reader */
int luaopen_policytk_xlsx(lua_State *L);    /* loadable, as are the next three */
int luaopen_policytk_http(lua_State *L);
int luaopen_policytk_html(lua_State *L);
int luaopen_policytk_scan(lua_State *L);
int luaopen_policytk_crypto(lua_State *L);  /* loadable: build/lib/policytk/crypto.so */
int luaopen_policytk_zip(lua_State *L);     /* loadable: build/lib/policytk/zip.so */
int luaopen_policytk_image(lua_State *L);   /* loadable: build/lib/policytk/image.so (librsvg) */
int luaopen_policytk_httpd(lua_State *L);   /* loadable: build/lib/policytk/httpd.so (libmicrohttpd) */

/* ----------------------------------------------------------------- host */

/*
** Open the standard libraries and the registry, set package.path to ROOT/scripts and the
** plugin folders, package.cpath to the system Lua 5.4 C module folders, and record root
** and version in policytk.core. ROOT is the folder holding scripts/ and plugins/.
** Returns 0, or -1 with a message on the stack.
*/
int ptk_host_init(lua_State *L, const char *root);

/* The folder holding scripts/ and plugins/ for an executable at exe_path: $POLICYTK_HOME,
** else EXE/.. or EXE/../.. when it has scripts/cli (a build tree), else
** EXE/../share/policytk.
** Returns a malloc'd string or NULL. */
char *ptk_find_root(const char *exe_path);

/* The folder of the loadable modules (policytk/NAME.so) for an executable at exe_path:
** $POLICYTK_LIBDIR, else EXE/lib (a build tree), else EXE/../lib/policytk (installed).
** Returns a malloc'd string or NULL when there is none. */
char *ptk_find_libdir(const char *exe_path);

/* Put LIBDIR/?.so first on package.cpath and record it as policytk.core.libdir, so that
** require "policytk.http" opens LIBDIR/policytk/http.so. Returns 0, or -1 with a message. */
int ptk_host_add_libdir(lua_State *L, const char *libdir);

/* Run verb `argv[0]` with its arguments; returns the exit code. Prints errors to stderr. */
int ptk_run_verb(lua_State *L, const char *root, int argc, char **argv);

/* Message handler for lua_pcall: the error with a traceback appended. */
int ptk_traceback(lua_State *L);

/* ----------------------------------------------------------------- helpers (core/helpers.c) */

/* 1 when s (length n) is an exact ISO date YYYY-MM-DD that exists in the calendar. */
int ptk_is_iso_date(const char *s, size_t n);

/* 1 when name is a valid verb name: [a-z][a-z0-9-]*, at most 64 characters. */
int ptk_valid_verb(const char *name);

/* Create the metatable `name` (once per state) with the metamethods `meta` and, when
** `methods` is not NULL, __index = a table of `methods`. Leaves the stack as it was. */
struct luaL_Reg;
void ptk_new_class(lua_State *L, const char *name, const struct luaL_Reg *meta,
                   const struct luaL_Reg *methods);

/* ----------------------------------------------------------------- hashing (core/hash.c) */

/* FNV-1a 64 of n bytes, continuing from h (start with PTK_FNV1A64_INIT). */
#define PTK_FNV1A64_INIT 0xcbf29ce484222325ull
uint64_t ptk_fnv1a64(uint64_t h, const void *buf, size_t n);

/* FNV-1a 64 of the whole file at path (*fnv) and its size (*size); returns 1, or 0 when it
** cannot be read. */
int ptk_file_fnv(const char *path, size_t *size, uint64_t *fnv);

/* ----------------------------------------------------------------- UTF-8 (core/utf8.c, core/utf8_valid.c) */

/*
** Decode the UTF-8 sequence at s[0..n): its length (1..4) and the code point in *cp, or 0 (and
** *cp 0) when the bytes are not a valid, shortest-form sequence (RFC 3629: no surrogates,
** nothing above U+10FFFF), are cut short, or n is 0. Inline (the hot loops of the text stages
** call it for every character; three-byte sequences, nearly all Chinese text, are tested
** first); core/utf8.c holds its external definition.
*/
inline size_t ptk_utf8_next(const char *str, size_t n, uint32_t *cp) {
  const unsigned char *s = (const unsigned char *)str;
  *cp = 0;
  if (n == 0) return 0;
  uint32_t c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    c = ((c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = c;
    return 3;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    if (n < 2 || (s[1] & 0xC0) != 0x80) return 0;
    *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
      return 0;
    c = ((c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) | ((uint32_t)(s[2] & 0x3F) << 6) |
        (s[3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return 0;
    *cp = c;
    return 4;
  }
  return 0;
}

/* Byte offset of the first invalid UTF-8 sequence in s, or n when all of it is valid. */
size_t ptk_utf8_check(const char *s, size_t n);

/* Length (>= 1) of the maximal ill-formed subpart at s[0..n), n > 0: the bytes one U+FFFD
** replaces (Unicode's "substitution of maximal subparts"). */
size_t ptk_utf8_badlen(const char *s, size_t n);

/* Encode cp (<= 0x10FFFF) as UTF-8 into out; returns the length 1..4. */
size_t ptk_utf8_encode(uint32_t cp, char out[4]);

/* Append cp as UTF-8 to the buffer b. */
struct luaL_Buffer;
void ptk_utf8_add(struct luaL_Buffer *b, uint32_t cp);

/* Display width of UTF-8 text in a terminal (policytk.core.width): East Asian wide/fullwidth
** characters count 2, combining marks 0, others 1; invalid bytes count 1 each. */
size_t ptk_utf8_width(const char *s, size_t n);

/* 1 when the code point is East Asian Wide or Fullwidth (abridged to the blocks Chinese text
** uses): ptk_utf8_width counts it 2. */
int ptk_utf8_wide(uint32_t c);

/* 1 when the n bytes at s are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
** nothing above U+10FFFF) — exactly the bytes text.decode(s, "utf-8") keeps unchanged; 32 or
** 16 bytes at a time where the CPU can (core/utf8_valid.c). */
int ptk_utf8_valid(const char *s, size_t n);

/* The same answer from one version of the check: `width` 1 (a byte at a time), 16 (SSSE3) or
** 32 (AVX2); -1 when the CPU lacks it. For tests. */
int ptk_utf8_valid_width(const char *s, size_t n, int width);

#endif
