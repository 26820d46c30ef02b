-- 0001_init.sql: the first policytk schema — plugins' declarations (cities, regions, units,
-- documents, measures, targets, indicators, benefits), observed figures with their revisions,
-- report runs and the HTTP cache. Applied by policytk.data.store in one transaction.

CREATE TABLE cities (
  id         TEXT PRIMARY KEY,               -- plugin id: wenzhou
  name       TEXT NOT NULL,                  -- 温州市
  code       TEXT NOT NULL UNIQUE,           -- GB/T 2260: 330300
  version    TEXT,                           -- the plugin's version when last loaded
  loaded_at  TEXT NOT NULL
);

CREATE TABLE regions (
  code       TEXT PRIMARY KEY,               -- GB/T 2260
  city       TEXT NOT NULL REFERENCES cities(id),
  name       TEXT NOT NULL,
  parent     TEXT,                           -- enclosing division (the city's code by default)
  since      TEXT,
  until      TEXT
);
CREATE INDEX regions_city ON regions(city);

CREATE TABLE units (
  city       TEXT NOT NULL REFERENCES cities(id),
  short      TEXT NOT NULL,
  name       TEXT NOT NULL,
  kind       TEXT,
  aliases    TEXT,                           -- other spellings, one per line
  PRIMARY KEY (city, short)
);

CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  city         TEXT NOT NULL REFERENCES cities(id),
  doc          TEXT NOT NULL,                -- the plugin's document id: friendly2023
  title        TEXT NOT NULL,
  doc_number   TEXT,
  issuer       TEXT,
  issued       TEXT,
  period_start TEXT,
  period_end   TEXT,
  status       TEXT,                         -- draft, in_force, expired
  source       TEXT,                         -- file name of the source text
  url          TEXT,
  supersedes   TEXT,
  withdrawn    INTEGER NOT NULL DEFAULT 0,   -- 1: no longer declared by the plugin
  loaded_at    TEXT NOT NULL,
  UNIQUE (city, doc)
);

CREATE TABLE document_versions (
  id          INTEGER PRIMARY KEY,
  document    INTEGER NOT NULL REFERENCES documents(id),
  hash        TEXT NOT NULL,                 -- hash of the text (fetch issue)
  source      TEXT,                          -- URL or file it came from
  fetched_at  TEXT,
  loaded_at   TEXT NOT NULL,
  text        TEXT                           -- NULL when only the hash is kept
);
CREATE INDEX document_versions_document ON document_versions(document);

CREATE TABLE groups (
  id         INTEGER PRIMARY KEY,
  document   INTEGER NOT NULL REFERENCES documents(id),
  gid        TEXT NOT NULL,
  name       TEXT NOT NULL,
  section    TEXT,
  position   INTEGER NOT NULL,
  status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  UNIQUE (document, gid)
);

CREATE TABLE measures (
  id            INTEGER PRIMARY KEY,
  document      INTEGER NOT NULL REFERENCES documents(id),
  mid           TEXT NOT NULL,               -- M01
  section       TEXT NOT NULL,
  grp           TEXT,                        -- group id in the document
  title         TEXT NOT NULL,
  text          TEXT NOT NULL,
  phase         TEXT,
  contact_name  TEXT,
  contact_phone TEXT,
  key_work      TEXT,
  city_target   TEXT,
  actions       TEXT,                        -- 落实举措, one per line
  position      INTEGER NOT NULL,
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  UNIQUE (document, mid)
);

CREATE TABLE measure_units (
  measure    INTEGER NOT NULL REFERENCES measures(id),
  unit       TEXT NOT NULL,                  -- short name
  is_lead    INTEGER NOT NULL DEFAULT 0,
  position   INTEGER NOT NULL,               -- document order among the responsible units
  PRIMARY KEY (measure, position)
);

CREATE TABLE indicators (
  id          INTEGER PRIMARY KEY,
  city        TEXT REFERENCES cities(id),    -- NULL: the common catalog
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  unit        TEXT NOT NULL,
  flow        INTEGER NOT NULL,              -- 1: counted per period; 0: a level
  aliases     TEXT,                          -- one per line
  description TEXT
);
CREATE UNIQUE INDEX indicators_city_code ON indicators(ifnull(city, ''), code);
CREATE INDEX indicators_code ON indicators(code);

CREATE TABLE targets (
  id          INTEGER PRIMARY KEY,
  document    INTEGER NOT NULL REFERENCES documents(id),
  tid         TEXT NOT NULL,                 -- T01
  section     TEXT NOT NULL,
  indicator   TEXT NOT NULL,                 -- indicator code
  quote       TEXT NOT NULL,
  value       REAL NOT NULL,
  unit        TEXT NOT NULL,
  comparator  TEXT NOT NULL,
  kind        TEXT NOT NULL,
  start       TEXT,
  deadline    TEXT NOT NULL,
  year        INTEGER,
  every       TEXT,
  lead_unit   TEXT,
  measure     TEXT,
  grp         TEXT,
  region      TEXT,
  base_year   INTEGER,
  base_value  REAL,
  shares      TEXT,                          -- "region=value" per line
  note        TEXT,
  position    INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  UNIQUE (document, tid)
);
CREATE INDEX targets_indicator ON targets(indicator);

CREATE TABLE observations (
  id          INTEGER PRIMARY KEY,
  indicator   TEXT NOT NULL,                 -- indicator code
  region      TEXT NOT NULL,                 -- GB/T 2260 code (a city or a county)
  period      TEXT NOT NULL,                 -- 2024, 2024-Q3, 2024-09
  value       REAL NOT NULL,                 -- in the indicator's base unit
  unit        TEXT,
  source      TEXT,
  note        TEXT,
  reported_at TEXT NOT NULL,
  UNIQUE (indicator, region, period)
);
CREATE INDEX observations_region_period ON observations(region, period);
CREATE INDEX observations_period ON observations(period);

CREATE TABLE observation_revisions (
  id          INTEGER PRIMARY KEY,
  observation INTEGER NOT NULL REFERENCES observations(id),
  value       REAL NOT NULL,                 -- the value that was overwritten
  unit        TEXT,
  source      TEXT,
  note        TEXT,
  reported_at TEXT NOT NULL,                 -- when that value had been reported
  replaced_at TEXT NOT NULL
);
CREATE INDEX observation_revisions_observation ON observation_revisions(observation);

CREATE TABLE benefits (
  city        TEXT NOT NULL REFERENCES cities(id),
  bid         TEXT NOT NULL,
  name        TEXT NOT NULL,
  doc         TEXT NOT NULL,
  section     TEXT,
  quote       TEXT,
  kind        TEXT,
  beneficiary TEXT,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  PRIMARY KEY (city, bid)
);

CREATE TABLE report_runs (
  id          INTEGER PRIMARY KEY,
  city        TEXT NOT NULL,
  report      TEXT NOT NULL,
  period      TEXT,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  status      TEXT,
  output      TEXT
);
CREATE INDEX report_runs_city_report ON report_runs(city, report);

CREATE TABLE http_cache (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  fetched_at    TEXT NOT NULL,
  status        INTEGER,
  body_hash     TEXT
);
