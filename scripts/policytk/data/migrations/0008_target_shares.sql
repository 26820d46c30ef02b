-- 0008_target_shares.sql: county shares of targets (分解下达), declared by a plugin
-- (target{ shares = … }, written by `policytk load`) or assigned by staff (`policytk assign`),
-- with who and when (policytk.data.shares). Rows are never deleted: a new value for the same
-- target, county and source supersedes the old row, which stays as history
-- (superseded_at, superseded_by). For one county a current staff share overrides the current
-- plugin share. A target is named by (city, doc, tid), as plugins and staff name it, so its
-- shares survive a reload of the plugin.

CREATE TABLE target_shares (
  id            INTEGER PRIMARY KEY,
  city          TEXT NOT NULL REFERENCES cities(id),
  doc           TEXT NOT NULL,                 -- the plugin's document id: growth2018
  tid           TEXT NOT NULL,                 -- the target id in the document: T01
  region        TEXT NOT NULL,                 -- GB/T 2260 code of the county
  value         REAL NOT NULL,                 -- in the target's unit
  source        TEXT NOT NULL CHECK (source IN ('plugin', 'staff')),
  by_user       TEXT NOT NULL,                 -- staff: --by or $USER; plugin: "插件 ID VERSION"
  at            TEXT NOT NULL,                 -- UTC, ISO 8601
  note          TEXT,
  file          TEXT,                          -- staff shares imported with --file: the file's name
  superseded_at TEXT,                          -- NULL: the current share
  superseded_by INTEGER REFERENCES target_shares(id)  -- the row that replaced it (NULL: withdrawn)
);
CREATE UNIQUE INDEX target_shares_current ON target_shares(city, doc, tid, region, source)
  WHERE superseded_at IS NULL;
CREATE INDEX target_shares_target ON target_shares(city, doc, tid);

-- The shares plugins declared before this migration (targets.shares, "region=value" lines).
WITH RECURSIVE split(target, rest, line) AS (
  SELECT id, shares || char(10), NULL FROM targets WHERE shares IS NOT NULL AND status = 'active'
  UNION ALL
  SELECT target, substr(rest, instr(rest, char(10)) + 1), substr(rest, 1, instr(rest, char(10)) - 1)
  FROM split WHERE rest <> ''
)
INSERT INTO target_shares (city, doc, tid, region, value, source, by_user, at)
SELECT d.city, d.doc, t.tid, substr(s.line, 1, instr(s.line, '=') - 1),
  CAST(substr(s.line, instr(s.line, '=') + 1) AS REAL), 'plugin', '插件 ' || d.city, d.loaded_at
FROM split s JOIN targets t ON t.id = s.target JOIN documents d ON d.id = t.document
WHERE instr(s.line, '=') > 1;
