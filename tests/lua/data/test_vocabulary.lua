-- One vocabulary, documented: each listing verb (docs/data.md) and progress / compare
-- (docs/reports.md) run with --format json on the bundled plugins; the keys of the first row
-- are exactly the keys of the verb's "| Key | Meaning |" table in its docs page (parsed here, so
-- docs and code cannot drift), and the CSV header lists them in the documented order.

local core = require "policytk.core"
local json = require "policytk.json"
local testing = require "policytk.testing"

local ENV = { POLICYTK_PLUGIN_PATH = "", POLICYTK_DEFAULT_PLUGINS = "1", POLICYTK_TODAY = "2024-10-15" }
local TMP = os.tmpname()
local DB = TMP .. ".db"

local function run(args)
  local a = { table.unpack(args) }
  a[#a + 1] = "--db"
  a[#a + 1] = DB
  local code, out, err = testing.policytk(a, { env = ENV, cwd = core.root })
  assert(code == 0, table.concat(args, " ") .. ": " .. tostring(err))
  return out
end

run({ "load" })

local function read(path)
  local f = assert(io.open(core.root .. "/" .. path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

--- The keys of the "| Key | Meaning |" table under the heading "### `verb`" of a docs page.
local function documented(page, verb)
  local text = read(page)
  local at = assert(text:find("\n### `" .. verb .. "`\n", 1, true), page .. ": no heading for " .. verb)
  local keys, in_table = {}, false
  for line in text:sub(at + #verb + 8):gmatch("[^\n]*") do
    if line:match("^| Key | Meaning |") then
      in_table = true
    elseif in_table then
      if not line:match("^|") then break end
      local key = line:match("^| `([%w_]+)` |")
      if key then keys[#keys + 1] = key end
    elseif line:match("^#") then
      break                                   -- the next heading: no table under this one
    end
  end
  assert(#keys > 0, page .. ": empty key table for " .. verb)
  return keys
end

local function sorted(list)
  local out = { table.unpack(list) }
  table.sort(out)
  return out
end

local function concat(a, b)
  local out = { table.unpack(a) }
  for _, x in ipairs(b) do out[#out + 1] = x end
  return out
end

-- verb, its arguments, the documented keys
local VERBS = {
  { "docs", {}, documented("docs/data.md", "docs") },
  { "targets", {}, documented("docs/data.md", "targets") },
  { "measures", {}, documented("docs/data.md", "measures") },
  { "indicators", {}, documented("docs/data.md", "indicators") },
  { "units", {}, documented("docs/data.md", "units") },
  { "regions", {}, documented("docs/data.md", "regions") },
  { "progress", { "--as-of", "2024-09-30" }, documented("docs/reports.md", "progress") },
  { "compare", { "new_smes", "--as-of", "2024-09-30" },
    concat(documented("docs/reports.md", "progress"), documented("docs/reports.md", "compare")) },
}

for _, v in ipairs(VERBS) do
  local verb, args, keys = v[1], v[2], v[3]
  test(verb .. ": JSON keys and CSV header are the documented ones", function(t)
    local a = { verb, table.unpack(args) }
    a[#a + 1] = "--format"
    a[#a + 1] = "json"
    local rows = json.decode(run(a))
    t.ok(#rows > 0, verb .. " lists something")
    local got = {}
    for k in pairs(rows[1]) do got[#got + 1] = k end
    t.eq(sorted(got), sorted(keys))
    a[#a] = "csv"
    local header = run(a):match("^([^\r\n]*)")
    t.eq(header, table.concat(keys, ","))
  end)
end

test("lead_units is a list in every verb that has it ([] when none, never \"\" or null)", function(t)
  for _, verb in ipairs({ "targets", "measures", "progress" }) do
    local a = { verb, "--format", "json" }
    if verb == "progress" then a[#a + 1] = "--as-of"; a[#a + 1] = "2024-09-30" end
    local out = run(a)
    for _, r in ipairs(json.decode(out)) do
      t.eq(type(r.lead_units), "table", verb .. " " .. tostring(r.id))
    end
    t.ok(out:find('"lead_units": []', 1, true), verb .. ": an empty list is []")
    t.ok(not out:find('"lead_units": {}', 1, true), verb .. ": never {}")
  end
end)

test("cleanup: the temporary database", function(t)
  for _, p in ipairs({ TMP, DB, DB .. "-wal", DB .. "-shm" }) do os.remove(p) end
  t.ok(not io.open(DB, "rb"))
end)
