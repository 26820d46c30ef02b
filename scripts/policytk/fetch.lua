-- policytk.fetch: watch the plugins' portal sources for new and revised documents.
-- For each source: list its items (policytk.fetch.portal.<kind>), keep those matching its keywords
-- and dates, fetch new or changed articles (conditional requests from http_cache), normalize
-- their text and store a new version in fetched_versions only when the text's hash changes.
-- Articles are fetched in batches (opts.batch, POLICYTK_FETCH_BATCH; default twice the
-- concurrency) and each batch is stored as soon as it is in, in one transaction (each article
-- in its own savepoint inside it): a killed run keeps all but the batch it was waiting on, memory is bounded by the batch, and a rerun
-- asks again only with conditional requests for what is stored (a 304 each), fully for the
-- rest. A failure leaves every stored version whole and never overwrites one. A failing source or article never stops the
-- others; it is counted and its reason kept.
--
--   local summary = fetch.run(conn, plugins, { since =, limit =, dry_run =, batch =, progress = fn })

local core = require "policytk.core"
local http = require "policytk.http"
local store = require "policytk.data.store"
local article = require "policytk.fetch.portal.article"

local M = {}

local has_text, text = pcall(require, "policytk.text")

--- FNV-1a 64-bit of s, as "fnv1a64:HEX:LENGTH" (change detection, not security).
function M.hash(s)
  return string.format("fnv1a64:%016x:%d", core.fnv1a64(s), #s)
end

--- The article text as stored: policytk.text's normalizer when present.
function M.normalize(s)
  if has_text and text.normalize then
    local ok, out = pcall(text.normalize, s)
    if ok and type(out) == "string" then s = out end
  end
  -- each pattern only where a plain search finds what it replaces (a pattern scan of an
  -- article costs about 0.2 ms, a plain search a few microseconds)
  if s:find("\r", 1, true) then s = s:gsub("\r\n?", "\n") end
  if s:find(" \n", 1, true) or s:find("\t\n", 1, true) then s = s:gsub("[ \t]+\n", "\n") end
  if s:find("\n\n", 1, true) then s = s:gsub("\n\n+", "\n") end
  s = s:gsub("^%s+", "")
  if (s:match("%s", -1)) then s = s:gsub("%s+$", "") end
  return s
end

local function env_number(name, default)
  return tonumber(os.getenv(name) or "") or default
end

--- Request options for a run (opts.timeout, opts.retries; env for tests and slow sites).
function M.http_options(opts)
  return {
    timeout = opts.timeout or env_number("POLICYTK_FETCH_TIMEOUT", 30),
    connect_timeout = 10,
    retries = opts.retries or env_number("POLICYTK_FETCH_RETRIES", 2),
    retry_delay = env_number("POLICYTK_FETCH_RETRY_DELAY", 1),
    max_size = 20 * 1024 * 1024,
  }
end

--- Keep the items whose title holds one of the source's keywords (all when none) and whose
--- date is within [since, until] (items without a date are kept). opts.limit caps the count.
function M.select(items, source, opts)
  local out = {}
  local since = opts.since or source.since
  for _, it in ipairs(items) do
    local ok = true
    if source.keywords and #source.keywords > 0 then
      ok = false
      for _, k in ipairs(source.keywords) do
        if it.title:find(k, 1, true) then ok = true; break end
      end
    end
    if ok and it.date and since and it.date < since then ok = false end
    if ok and it.date and opts["until"] and it.date > opts["until"] then ok = false end
    if ok then out[#out + 1] = it end
    if opts.limit and #out >= opts.limit then break end
  end
  return out
end

local function known(conn, url)
  local doc = conn:first("SELECT id FROM fetched_documents WHERE url = ?", url)
  if not doc then return nil end
  local v = conn:first("SELECT version, hash FROM fetched_versions WHERE document = ? ORDER BY version DESC LIMIT 1",
    doc.id)
  local c = store.clean(conn:first("SELECT etag, last_modified FROM http_cache WHERE url = ?", url))
  return { id = doc.id, version = v and v.version, hash = v and v.hash, etag = c and c.etag,
           last_modified = c and c.last_modified }
end

--- Store one fetched article in one transaction. rec: { city, source, url, item, art (parsed),
--- text, hash, charset, replaced, etag, last_modified, status }. Returns "new", "changed" or
--- "unchanged". Raises on a database error (nothing of this article is then stored).
function M.store(conn, rec)
  local now = store.now()
  local result
  conn:transaction(function()
    local art = rec.art
    local doc = conn:first("SELECT id FROM fetched_documents WHERE url = ?", rec.url)
    local fields = { art.title, rec.item and rec.item.date or art.published, art.index_no, art.issuer, art.written,
                     art.doc_number, art.validity, table.concat(art.attachments or {}, "\n") }
    local id
    if doc then
      id = doc.id
      conn:run([[UPDATE fetched_documents SET title = ?, published = ?, index_no = ?, issuer = ?, written = ?,
                  doc_number = ?, validity = ?, attachments = ?, last_checked = ? WHERE id = ?]],
        fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8], now, id)
    else
      conn:run([[INSERT INTO fetched_documents (city, source, url, title, published, index_no, issuer, written,
                  doc_number, validity, attachments, first_seen, last_checked) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)]],
        rec.city, rec.source, rec.url, fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7],
        fields[8], now, now)
      id = conn:first("SELECT id FROM fetched_documents WHERE url = ?", rec.url).id
    end
    local last = conn:first("SELECT version, hash FROM fetched_versions WHERE document = ? ORDER BY version DESC LIMIT 1",
      id)
    if last and last.hash == rec.hash then
      result = "unchanged"
    else
      result = last and "changed" or "new"
      conn:run([[INSERT INTO fetched_versions (document, version, hash, title, text, charset, replaced, fetched_at)
                  VALUES (?,?,?,?,?,?,?,?)]], id, (last and last.version or 0) + 1, rec.hash, art.title, rec.text,
        rec.charset, rec.replaced or 0, now)
    end
    conn:run("UPDATE fetched_documents SET last_status = ? WHERE id = ?", result, id)
    conn:run([[INSERT INTO http_cache (url, etag, last_modified, fetched_at, status, body_hash) VALUES (?,?,?,?,?,?)
                ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                fetched_at = excluded.fetched_at, status = excluded.status, body_hash = excluded.body_hash]],
      rec.url, rec.etag, rec.last_modified, now, rec.status or 200, rec.hash)
  end)
  return result
end

local function mark_checked(conn, id, status)
  conn:run("UPDATE fetched_documents SET last_checked = ?, last_status = ? WHERE id = ?", store.now(), status, id)
end

--- Check a source's URL and host against the plugin's manifest → nil or a reason.
function M.check_source(plugin, source)
  local scheme, host = tostring(source.url):match("^(%a[%w+.-]*)://([^/:?#]+)")
  if not scheme or (scheme:lower() ~= "http" and scheme:lower() ~= "https") then
    return string.format("source URL %s is not an http(s) URL", tostring(source.url))
  end
  local hosts = plugin.manifest and plugin.manifest.hosts or {}
  for _, h in ipairs(hosts) do
    if h:lower() == host:lower() then return nil end
  end
  return string.format("host %s is not in the plugin's manifest hosts (%s)", host,
    #hosts > 0 and table.concat(hosts, ", ") or "none declared")
end

local function failure(row, where, reason)
  row.failed = row.failed + 1
  row.failures[#row.failures + 1] = { where = where, reason = reason }
end

-- Articles fetched at once and stored before the next ones are asked for: what a killed run
-- loses, and what the bodies held in memory are bounded by (not the column's length).
local function batch_size(opts)
  local n = math.tointeger(opts.batch or env_number("POLICYTK_FETCH_BATCH", 0)) or 0
  if n >= 1 then return n end
  return 2 * (opts.concurrency or 4)
end

-- The requests for selected[first..last] (conditional when a version is stored) and what is
-- known of each article, by position in the batch.
local function requests(conn, selected, first, last, hopts)
  local reqs, prior = {}, {}
  for i = first, last do
    local it, k = selected[i], conn and known(conn, selected[i].url)
    local r = { url = it.url }
    for key, v in pairs(hopts) do r[key] = v end
    if k and k.version then r.etag, r.last_modified = k.etag, k.last_modified end
    local j = i - first + 1
    reqs[j], prior[j] = r, k or false
  end
  return reqs, prior
end

-- One fetched article (res, for item it; prior: what was stored of it, or false) into the
-- database and the summary row: stored at once, in its own savepoint of the batch's transaction.
local function take(conn, plugin, source, row, it, prior, res, opts)
  local status, reason
  if http.is_error(res) then
    reason = tostring(res)
  elseif res.status == 304 and prior and prior.version then
    status = "unchanged"
  elseif res.status ~= 200 then
    reason = string.format("HTTP %d", res.status)
  else
    local art, perr = article.parse(res.body, res.url)
    if not art then
      reason = perr
    else
      local body = M.normalize(art.text)
      local okw, result = pcall(M.store, conn, {
        city = plugin.id, source = source.id, url = it.url, item = it, art = art, text = body,
        hash = M.hash(body), charset = res.charset, replaced = res.replaced,
        etag = res.headers.etag, last_modified = res.headers["last-modified"], status = res.status })
      if okw then status = result
      else reason = "database: " .. store.explain(opts.db_path or "the database", result) end
    end
  end
  if status then
    row[status] = row[status] + 1
    if status == "unchanged" and prior then pcall(mark_checked, conn, prior.id, "unchanged") end
  else
    failure(row, it.url, reason)
    if prior then pcall(mark_checked, conn, prior.id, "failed: " .. reason) end
  end
end

local COUNTS = { "new", "changed", "unchanged", "failed" }

-- The articles of one batch (results for selected[first…]) into the database and the summary
-- row, in one transaction — one commit, and so one sync to disk, a batch, not an article —
-- each article inside it in its own savepoint (M.store), so that a failing one takes back only
-- itself. When the batch's commit fails, none of it is stored: each of its articles is
-- counted failed with the reason.
local function store_batch(conn, plugin, source, row, selected, first, prior, results, opts)
  local before = { failures = #row.failures }
  for _, k in ipairs(COUNTS) do before[k] = row[k] end
  local ok, err = pcall(conn.transaction, conn, function()
    for k, res in ipairs(results) do
      take(conn, plugin, source, row, selected[first + k - 1], prior[k], res, opts)
    end
  end)
  if ok then return end
  for _, k in ipairs(COUNTS) do row[k] = before[k] end
  for i = #row.failures, before.failures + 1, -1 do row.failures[i] = nil end
  local reason = "database: " .. store.explain(opts.db_path or "the database", err)
  for k = 1, #results do failure(row, selected[first + k - 1].url, reason) end
end

--- Fetch one source of a plugin. Returns the summary row
--- { city, source, listed, matched, new, changed, unchanged, failed, failures = {{where, reason}} }
--- and, for a dry run, the selected items in row.items.
function M.source(conn, plugin, source, opts)
  local row = { city = plugin.id, source = source.id, listed = 0, matched = 0, new = 0, changed = 0, unchanged = 0,
                failed = 0, failures = {} }
  local bad = M.check_source(plugin, source)
  if bad then failure(row, source.url, bad); return row end
  local client = http.client{ hosts = plugin.manifest.hosts }
  local ok_adapter, adapter = pcall(require, "policytk.fetch.portal." .. source.kind)
  if not ok_adapter then failure(row, source.url, "no adapter for kind " .. tostring(source.kind)); return row end
  local hopts = M.http_options(opts)
  local okl, items, err = pcall(adapter.list, client, source, { http = hopts, since = opts.since or source.since })
  if not okl then items, err = nil, tostring(items) end
  if not items then failure(row, source.url, err); return row end
  row.listed = #items
  if #items == 0 then failure(row, source.url, "the column is empty (no records listed)"); return row end
  local selected = M.select(items, source, opts)
  row.matched = #selected
  if opts.dry_run then row.items = selected; return row end
  local n, batch = #selected, batch_size(opts)
  for first = 1, n, batch do
    local last = math.min(first + batch - 1, n)
    local reqs, prior = requests(conn, selected, first, last, hopts)
    local results = client.fetch_all(reqs, { concurrency = opts.concurrency or 4, per_host = opts.per_host or 4,
                                             delay = opts.delay or env_number("POLICYTK_FETCH_DELAY", 0.2) })
    store_batch(conn, plugin, source, row, selected, first, prior, results, opts)
    for k = 1, #results do
      if opts.progress then opts.progress(row, first + k - 1, n) end
    end
  end
  return row
end

--- Fetch every source of every plugin in the list. Returns the summary rows.
function M.run(conn, plugin_list, opts)
  local rows = {}
  for _, p in ipairs(plugin_list) do
    for _, s in ipairs(p.sources or {}) do
      local ok, row = pcall(M.source, conn, p, s, opts)
      if not ok then
        row = { city = p.id, source = s.id, listed = 0, matched = 0, new = 0, changed = 0, unchanged = 0, failed = 1,
                failures = { { where = s.url, reason = tostring(row) } } }
      end
      rows[#rows + 1] = row
      if opts.on_source then opts.on_source(row) end
    end
  end
  return rows
end

return M
