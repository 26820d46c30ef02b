-- 0009_rounds.sql: the monthly reporting round (月度报送, policytk.round): a round per city
-- and period, the units it was sent to and what each returned, and the progress texts of the
-- tasks (measures) each unit reports. A task's text for a period and unit is never deleted: a
-- new text supersedes the current one, which stays as history (superseded_at, superseded_by).
-- A task is named by (city, doc, mid), as plugins and staff name it, so its texts survive a
-- reload of the plugin.

CREATE TABLE rounds (
  id          INTEGER PRIMARY KEY,
  city        TEXT NOT NULL REFERENCES cities(id),
  period      TEXT NOT NULL,                 -- the month reported: 2025-06
  due         TEXT,                          -- YYYY-MM-DD: returns after it are late (逾期)
  opened_at   TEXT NOT NULL,                 -- UTC, ISO 8601
  opened_by   TEXT NOT NULL,                 -- --by or $USER
  reopened_at TEXT,                          -- the last --reopen (sheets written again)
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  UNIQUE (city, period)
);

CREATE TABLE round_units (
  round         INTEGER NOT NULL REFERENCES rounds(id),
  unit          TEXT NOT NULL,               -- the unit's short name
  file          TEXT,                        -- the sheet written for it
  sent_at       TEXT,                        -- when that sheet was written
  returned_at   TEXT,                        -- the last return imported (NULL: none)
  returned_file TEXT,                        -- its file's name as given
  batch         INTEGER REFERENCES batches(id),  -- the batch of that return
  cells_total   INTEGER NOT NULL DEFAULT 0,  -- cells to fill: 数值 cells and 本月进展 cells
  cells_filled  INTEGER NOT NULL DEFAULT 0,  -- of them, filled in the last return
  PRIMARY KEY (round, unit)
);

CREATE TABLE task_progress (
  id            INTEGER PRIMARY KEY,
  city          TEXT NOT NULL REFERENCES cities(id),
  doc           TEXT NOT NULL,               -- the plugin's document id: friendly2023
  mid           TEXT NOT NULL,               -- the measure id in the document: M05
  period        TEXT NOT NULL,               -- 2025-06
  unit          TEXT NOT NULL,               -- the unit's short name
  progress      TEXT NOT NULL,               -- 本月进展 ('' when only problems or plans were given)
  problems      TEXT,                        -- 存在问题
  next_steps    TEXT,                        -- 下步打算
  by_user       TEXT NOT NULL,
  at            TEXT NOT NULL,               -- UTC, ISO 8601
  batch         INTEGER REFERENCES batches(id),
  round         INTEGER REFERENCES rounds(id),
  superseded_at TEXT,                        -- NULL: the current text
  superseded_by INTEGER REFERENCES task_progress(id)
);
CREATE UNIQUE INDEX task_progress_current ON task_progress(city, doc, mid, period, unit)
  WHERE superseded_at IS NULL;
CREATE INDEX task_progress_task ON task_progress(city, doc, mid, unit);
CREATE INDEX task_progress_batch ON task_progress(batch);
