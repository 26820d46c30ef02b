-- policytk.data.batches: every import, `record` and `undo` as a batch (who, when, which file
-- and its SHA-256, how many rows), the history of a figure, and undoing one batch exactly.
-- Part of the data capability (entry policytk.data.store); the tables are those of
-- migrations/0007_batches.sql.
--
-- Every figure (observations.batch) and every overwritten value (observation_revisions.batch)
-- names the batch that wrote it; a revision also names the batch that replaced it
-- (replaced_by). Undoing batch B therefore needs no log of its own: the figures B created are
-- those with batch = B and no revision replaced by B; the figures B changed have a revision
-- replaced by B, which holds the value before B.
--
--   local id = batches.open(conn, { kind = "import", by = "张三", file = "6月.xlsx", sha256 = … })
--   batches.finish(conn, id, rows)
--   batches.undo(conn, id, { by =, force = }) → undo batch id, counts   (one transaction)
--
-- Capability: data: the database, imports and exports (entry policytk.data.store; map in docs/architecture.md).

local store = require "policytk.data.store"

local M = {}

--- Who is recording: opts.by, else $USER, else "unknown".
function M.who(by)
  if by and by ~= "" then return by end
  local user = os.getenv("USER") or os.getenv("LOGNAME")
  return (user and user ~= "") and user or "unknown"
end

--- A new batch. fields: kind ("import" | "record" | "undo"), by, file, sha256, description,
--- undoes. Call inside the transaction that writes its figures. Returns its id.
function M.open(conn, fields)
  local _, id = conn:run([[INSERT INTO batches (kind, by_user, at, file, sha256, description, undoes)
    VALUES (?, ?, ?, ?, ?, ?, ?)]], fields.kind, M.who(fields.by), store.now(), fields.file,
    fields.sha256, fields.description, fields.undoes)
  return id
end

--- Record how many figures the batch added or changed.
function M.finish(conn, id, rows)
  conn:run("UPDATE batches SET rows = ? WHERE id = ?", rows, id)
end

--- One batch's row, or nil.
function M.get(conn, id)
  return store.clean(conn:first("SELECT * FROM batches WHERE id = ?", id))
end

--- Batches, newest first. filter: indicator, region (codes): only batches that wrote a
--- figure of them (now or in a revision); limit.
function M.list(conn, filter)
  filter = filter or {}
  local where, args = {}, {}
  if filter.indicator or filter.region then
    where[#where + 1] = [[id IN (
      SELECT batch FROM observations WHERE (?1 IS NULL OR indicator = ?1) AND (?2 IS NULL OR region = ?2)
      UNION SELECT r.batch FROM observation_revisions r JOIN observations o ON o.id = r.observation
        WHERE (?1 IS NULL OR o.indicator = ?1) AND (?2 IS NULL OR o.region = ?2)
      UNION SELECT r.replaced_by FROM observation_revisions r JOIN observations o ON o.id = r.observation
        WHERE (?1 IS NULL OR o.indicator = ?1) AND (?2 IS NULL OR o.region = ?2))]]
    args[1], args[2] = filter.indicator or store.NULL, filter.region or store.NULL
  end
  local sql = "SELECT * FROM batches" .. (#where > 0 and (" WHERE " .. where[1]) or "")
    .. " ORDER BY id DESC" .. (filter.limit and (" LIMIT " .. math.tointeger(filter.limit)) or "")
  return store.all(conn, sql, table.unpack(args, 1, #where > 0 and 2 or 0))
end

--- The revisions of the figures of an indicator (in a region, or every region): for each
--- figure, its value now and every value it had before, newest first, each with its batch.
--- Returns a list of { region =, period =, value =, basis =, batch =, reported_at =, revisions = { … } }.
function M.figure_history(conn, indicator, region)
  local out = {}
  for _, o in ipairs(store.all(conn, [[SELECT id, region, period, value, unit, basis, batch, reported_at, source, note
      FROM observations WHERE indicator = ?1 AND (?2 IS NULL OR region = ?2) ORDER BY region, period]],
      indicator, region or store.NULL)) do
    o.revisions = store.all(conn, [[SELECT value, unit, basis, batch, replaced_by, reported_at, replaced_at, source, note
      FROM observation_revisions WHERE observation = ? ORDER BY id DESC]], o.id)
    out[#out + 1] = o
  end
  return out
end

-- The figures batch `id` wrote, split: created (no earlier value) and changed (the revision
-- that holds the value before it); each says whether a later batch has overwritten it since.
local function footprint(conn, id)
  local changed = store.all(conn, [[SELECT r.id AS rev, r.observation, o.batch AS now_batch
    FROM observation_revisions r JOIN observations o ON o.id = r.observation WHERE r.replaced_by = ?]], id)
  local was_changed = {}
  for _, c in ipairs(changed) do was_changed[c.observation] = true end
  local created = {}
  -- still held by the batch, or overwritten later (then a revision of its value exists)
  for _, o in ipairs(store.all(conn, [[SELECT id AS observation, batch AS now_batch FROM observations WHERE batch = ?1
      UNION SELECT r.observation, o.batch FROM observation_revisions r JOIN observations o ON o.id = r.observation
        WHERE r.batch = ?1]], id)) do
    if not was_changed[o.observation] then created[#created + 1] = o end
  end
  return created, changed
end

-- The later batches that overwrote figures of batch id (their ids, sorted).
local function later_writers(created, changed, id)
  local seen, list = {}, {}
  local function add(b)
    if b and b ~= id and not seen[b] then seen[b] = true; list[#list + 1] = b end
  end
  for _, o in ipairs(created) do add(o.now_batch) end
  for _, c in ipairs(changed) do add(c.now_batch) end
  table.sort(list)
  return list
end

-- Take batch id's value out of the history of a figure a later batch overwrote: the revision
-- holding it goes; the value before it (if any) becomes what the later batch replaced.
local function drop_from_history(conn, observation, id, before_rev)
  local mine = conn:first([[SELECT id, replaced_by FROM observation_revisions
    WHERE observation = ? AND batch = ? ORDER BY id DESC LIMIT 1]], observation, id)
  if mine then
    if before_rev then
      conn:run("UPDATE observation_revisions SET replaced_by = ? WHERE id = ?", mine.replaced_by, before_rev)
    end
    conn:run("DELETE FROM observation_revisions WHERE id = ?", mine.id)
  elseif before_rev then
    conn:run("DELETE FROM observation_revisions WHERE id = ?", before_rev)
  end
end

-- The task texts a round return wrote (task_progress, migrations/0009_rounds.sql) leave with
-- their batch: a current one is removed and the text it superseded is current again; one a
-- later return superseded leaves the history (the later text then supersedes the one before).
-- The unit the return marked returned is 未报 again. Returns the number of texts removed.
local function undo_texts(conn, id)
  local n = 0
  for _, r in ipairs(store.all(conn, "SELECT id, superseded_by FROM task_progress WHERE batch = ?", id)) do
    conn:run("DELETE FROM task_progress WHERE id = ?", r.id)
    if r.superseded_by then
      conn:run("UPDATE task_progress SET superseded_by = ? WHERE superseded_by = ?", r.superseded_by, r.id)
    else
      conn:run("UPDATE task_progress SET superseded_at = NULL, superseded_by = NULL WHERE superseded_by = ?", r.id)
    end
    n = n + 1
  end
  conn:run([[UPDATE round_units SET returned_at = NULL, returned_file = NULL, batch = NULL, cells_filled = 0
    WHERE batch = ?]], id)
  return n
end

--- Reverse batch `id`: the figures it created are removed, the figures it changed get their
--- value before it back (the revision that held it is removed), in one transaction, as batch
--- of kind "undo". A figure that a later batch overwrote is refused with a message naming
--- those batches, unless opts.force: then that figure keeps the later value and only the
--- batch's own value leaves its history. The task texts of a round return go too (above).
--- Returns the undo batch's id and { removed =, restored =, kept_later =, texts = }; raises a
--- Chinese message on refusal.
function M.undo(conn, id, opts)
  opts = opts or {}
  local b = M.get(conn, id)
  if not b then error(string.format("批次 %s 不存在（policytk history 列出全部批次）", tostring(id)), 0) end
  if b.undone_by then error(string.format("批次 %d 已于批次 %d 撤销", id, b.undone_by), 0) end
  if b.kind == "undo" then error(string.format("批次 %d 本身是一次撤销，不能再撤销", id), 0) end
  local counts = { removed = 0, restored = 0, kept_later = 0 }
  local undo_id
  conn:transaction(function()
    local created, changed = footprint(conn, id)
    local later = later_writers(created, changed, id)
    if #later > 0 and not opts.force then
      local shown = {}
      for i, l in ipairs(later) do shown[i] = tostring(l) end
      error(string.format("批次 %d 的部分数据已被之后的批次 %s 改写，撤销会丢失这些更新；"
        .. "如确需撤销，请加 --force（改写后的数值保留，仅从历史中去掉批次 %d 的数值）",
        id, table.concat(shown, "、"), id), 0)
    end
    undo_id = M.open(conn, { kind = "undo", by = opts.by, undoes = id,
                             description = string.format("撤销批次 %d", id) })
    for _, o in ipairs(created) do
      if o.now_batch == id then
        conn:run("DELETE FROM observation_revisions WHERE observation = ?", o.observation)
        conn:run("DELETE FROM observations WHERE id = ?", o.observation)
        counts.removed = counts.removed + 1
      else
        drop_from_history(conn, o.observation, id, nil)
        counts.kept_later = counts.kept_later + 1
      end
    end
    for _, c in ipairs(changed) do
      if c.now_batch == id then
        conn:run([[UPDATE observations SET (value, unit, source, note, reported_at, basis, batch) =
          (SELECT value, unit, source, note, reported_at, basis, batch FROM observation_revisions WHERE id = ?1)
          WHERE id = ?2]], c.rev, c.observation)
        conn:run("DELETE FROM observation_revisions WHERE id = ?", c.rev)
        counts.restored = counts.restored + 1
      else
        drop_from_history(conn, c.observation, id, c.rev)
        counts.kept_later = counts.kept_later + 1
      end
    end
    counts.texts = undo_texts(conn, id)
    M.finish(conn, undo_id, counts.removed + counts.restored + counts.kept_later)
    conn:run("UPDATE batches SET undone_by = ? WHERE id = ?", undo_id, id)
  end)
  return undo_id, counts
end

return M
