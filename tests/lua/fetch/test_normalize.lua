-- policytk.fetch.normalize (the stored text of an article): line ends, blanks before a line
-- end, empty lines and blanks around the text, each pattern run only where a plain search
-- finds something to replace — compared with the patterns run unconditionally.

local fetch = require "policytk.fetch"

local has_text, text = pcall(require, "policytk.text")

-- policytk.fetch as loaded without policytk.text (a build without iconv/OpenCC): the patterns
-- then do all the work.
local function fetch_without_text()
  local saved_fetch, saved_text = package.loaded["policytk.fetch"], package.loaded["policytk.text"]
  local saved_preload = package.preload["policytk.text"]
  package.loaded["policytk.fetch"], package.loaded["policytk.text"] = nil, nil
  package.preload["policytk.text"] = function() error("absent in this test") end
  local ok, m = pcall(require, "policytk.fetch")
  package.loaded["policytk.fetch"], package.loaded["policytk.text"] = saved_fetch, saved_text
  package.preload["policytk.text"] = saved_preload
  assert(ok, m)
  return m
end
local plain = fetch_without_text()

-- The reference: every pattern over the whole text (what normalize did before).
local function reference(s, with_text)
  if with_text and has_text and text.normalize then
    local ok, out = pcall(text.normalize, s)
    if ok and type(out) == "string" then s = out end
  end
  s = s:gsub("\r\n?", "\n"):gsub("[ \t]+\n", "\n"):gsub("\n\n+", "\n")
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

test("normalize without policytk.text: the patterns alone", function(t)
  t.eq(plain.normalize("第一条\r\n第二条\r第三条"), "第一条\n第二条\n第三条")
  t.eq(plain.normalize("甲 \t\n乙\n\n\n丙"), "甲\n乙\n丙")
  t.eq(plain.normalize("甲\t\n乙"), "甲\n乙")
  t.eq(plain.normalize(" \n\t甲乙\n \n"), "甲乙")
  t.eq(plain.normalize("甲乙 \t"), "甲乙")
end)

test("normalize: the named cases", function(t)
  t.eq(fetch.normalize("第一条\r\n第二条\r第三条"), "第一条\n第二条\n第三条")
  t.eq(fetch.normalize("甲 \t\n乙\n\n\n丙"), "甲\n乙\n丙")
  t.eq(fetch.normalize(" \n\t甲乙\n \n"), "甲乙")
  t.eq(fetch.normalize("甲乙"), "甲乙")
  t.eq(fetch.normalize(""), "")
end)

test("normalize: the same text as the patterns run unconditionally, on 3000 random texts, with and without policytk.text", function(t)
  local pieces = { "甲", "a", " ", "\t", "\n", "\r", "\r\n", "　", "\v", "\f", "。" }
  math.randomseed(18)
  local differ = 0
  for _ = 1, 3000 do
    local parts = {}
    for k = 1, math.random(0, 12) do parts[k] = pieces[math.random(#pieces)] end
    local s = table.concat(parts)
    for _, m in ipairs({ { fetch, true }, { plain, false } }) do
      if m[1].normalize(s) ~= reference(s, m[2]) then
        differ = differ + 1
        if differ == 1 then t.eq(m[1].normalize(s), reference(s, m[2]), string.format("%q", s)) end
      end
    end
  end
  t.eq(differ, 0)
end)
