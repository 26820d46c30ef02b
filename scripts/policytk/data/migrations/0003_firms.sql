-- 0003_firms: the enterprise register (policytk firms import) that benefit rules run over.
-- One row per firm; revenue and assets by year in firm_years; awards and extra columns as
-- JSON text exactly as imported.

CREATE TABLE firms (
  credit_code       TEXT PRIMARY KEY,           -- 统一社会信用代码 (GB 32100-2015, checked)
  name              TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('enterprise', 'individual_business')),
  region            TEXT NOT NULL,              -- GB/T 2260 code
  industry          TEXT,                       -- GB/T 4754 code
  founded           TEXT,                       -- YYYY-MM-DD
  employees         INTEGER,
  above_scale_since INTEGER,                    -- first year above the statistical threshold
  high_tech_until   TEXT,                       -- 高新技术企业 certificate valid until
  tech_sme          INTEGER NOT NULL DEFAULT 0, -- 科技型中小企业
  specialized       TEXT CHECK (specialized IN ('innovative', 'provincial', 'little_giant')),
  awards            TEXT NOT NULL DEFAULT '[]', -- JSON list of {level, name, year}
  extra             TEXT NOT NULL DEFAULT '{}', -- JSON object of the extra columns
  source            TEXT,                       -- the file it came from
  imported_at       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX firms_region ON firms(region);

CREATE TABLE firm_years (
  credit_code TEXT NOT NULL REFERENCES firms(credit_code) ON DELETE CASCADE,
  year        INTEGER NOT NULL,
  revenue     REAL,                             -- 营业收入, yuan
  assets      REAL,                             -- 资产总额, yuan
  PRIMARY KEY (credit_code, year)
) WITHOUT ROWID;
