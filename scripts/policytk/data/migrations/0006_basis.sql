-- 0006_basis.sql: the 口径 (reporting basis) of indicators and figures — flow (当期), ytd (累计,
-- 1—N月累计), stock (期末), rate (比率); see policytk.data.basis. Figures recorded before this
-- migration were read as flows per period (a flow indicator) or as levels, and keep that
-- meaning: they are marked flow, rate (a % indicator) or stock.

ALTER TABLE indicators ADD COLUMN basis TEXT;        -- the default of the indicator's figures
ALTER TABLE observations ADD COLUMN basis TEXT;      -- flow | ytd | stock | rate
ALTER TABLE observation_revisions ADD COLUMN basis TEXT;

UPDATE observations SET basis = (
  SELECT CASE WHEN i.flow = 1 THEN 'flow' WHEN i.unit = '%' THEN 'rate' ELSE 'stock' END
  FROM indicators i WHERE i.code = observations.indicator ORDER BY i.city IS NOT NULL LIMIT 1);
UPDATE observations SET basis = 'flow' WHERE basis IS NULL;
UPDATE observation_revisions SET basis = (
  SELECT o.basis FROM observations o WHERE o.id = observation_revisions.observation);
