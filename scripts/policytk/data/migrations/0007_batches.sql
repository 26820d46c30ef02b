-- 0007_batches.sql: every import, `record` and `undo` is a batch — who, when, which file
-- (name and SHA-256) and how many rows — and every figure and every revision names the
-- batch that wrote it, so that `policytk history` can show where a figure came from and
-- `policytk undo BATCH` can reverse one batch exactly (policytk.data.batches).

CREATE TABLE batches (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('import', 'record', 'undo')),
  by_user     TEXT NOT NULL,                 -- $USER, or --by
  at          TEXT NOT NULL,                 -- UTC, ISO 8601
  file        TEXT,                          -- the file's name as given
  sha256      TEXT,                          -- of the file's bytes
  rows        INTEGER NOT NULL DEFAULT 0,    -- figures added or changed
  description TEXT,                          -- the title and note rows above a sheet's header
  undoes      INTEGER REFERENCES batches(id),-- kind undo: the batch it reversed
  undone_by   INTEGER REFERENCES batches(id) -- set when an undo reversed this batch
);

ALTER TABLE observations ADD COLUMN batch INTEGER REFERENCES batches(id);
ALTER TABLE observation_revisions ADD COLUMN batch INTEGER;        -- the batch of the old value
ALTER TABLE observation_revisions ADD COLUMN replaced_by INTEGER;  -- the batch that replaced it
-- Only the 累计 figures of a batch are looked up on every import (the check that a year-to-date
-- series does not fall); undo and history read a batch's figures rarely and scan for them, so
-- the import does not pay for a full index on observations.batch.
CREATE INDEX observations_ytd_batch ON observations(batch) WHERE basis = 'ytd';
CREATE INDEX observation_revisions_replaced_by ON observation_revisions(replaced_by);
CREATE INDEX observation_revisions_batch ON observation_revisions(batch);
