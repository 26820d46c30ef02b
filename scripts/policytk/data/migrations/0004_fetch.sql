-- 0004_fetch.sql: documents found on the city portals by `policytk fetch` and every version of
-- their text. Kept apart from `documents` (the plugins' declared documents): a fetched page is
-- not a declared document until a plugin author declares it. The ETag / Last-Modified of each
-- URL stay in http_cache (0001).

CREATE TABLE fetched_documents (
  id            INTEGER PRIMARY KEY,
  city          TEXT NOT NULL,                -- plugin id
  source        TEXT NOT NULL,                -- the plugin's source id
  url           TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  published     TEXT,                         -- YYYY-MM-DD (list date or PubDate)
  index_no      TEXT,                         -- 索引号
  issuer        TEXT,                         -- 发布机构
  written       TEXT,                         -- 成文日期, YYYY-MM-DD
  doc_number    TEXT,                         -- 文号 / 发文字号
  validity      TEXT,                         -- 有效性
  attachments   TEXT,                         -- attachment URLs, one per line
  first_seen    TEXT NOT NULL,
  last_checked  TEXT NOT NULL,
  last_status   TEXT                          -- new, changed, unchanged, failed: reason
);
CREATE INDEX fetched_documents_city_source ON fetched_documents(city, source);

CREATE TABLE fetched_versions (
  id          INTEGER PRIMARY KEY,
  document    INTEGER NOT NULL REFERENCES fetched_documents(id),
  version     INTEGER NOT NULL,               -- 1, 2, ... per document
  hash        TEXT NOT NULL,                  -- hash of text
  title       TEXT NOT NULL,
  text        TEXT NOT NULL,                  -- normalized article text, one paragraph a line
  charset     TEXT,                           -- what the page was decoded from
  replaced    INTEGER NOT NULL DEFAULT 0,     -- invalid byte sequences replaced while decoding
  fetched_at  TEXT NOT NULL,
  UNIQUE (document, version)
);
