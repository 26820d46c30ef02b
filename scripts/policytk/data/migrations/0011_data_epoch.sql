-- 0011: the versions of the data the pages show (policytk.serve.pages.cache) and of the city's
-- structure (policytk.round.units: who reports what). data_epoch.n goes up with every insert,
-- update and delete of a table the pages read; data_epoch.s also, when the table is one of the
-- structure's — the documents, measures, targets, units, regions, indicators and shares a
-- `policytk load` or `policytk assign` writes, never a figure, a text or a round. Both change
-- in the same transaction as the change, whoever makes it (an import, policytk load, the
-- server, a staff script's SQL). Writes to the other tables — the sessions, sign-in attempts,
-- users and audit of the server, the firm register, fetched documents, the HTTP cache, report
-- runs — leave both alone, so that a sign-in does not empty every worker's page cache. Every
-- table is in one list or another: tests/lua/serve/test_data_epoch.lua fails on a table in
-- none (a later migration that adds a table the pages read adds its three triggers, like these).

CREATE TABLE data_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL,                 -- any data the pages show
  s  INTEGER NOT NULL                  -- the structure: documents, measures, targets, units …
);
INSERT INTO data_epoch (id, n, s) VALUES (1, 0, 0);

CREATE TRIGGER data_epoch_benefits_insert AFTER INSERT ON benefits BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_benefits_update AFTER UPDATE ON benefits BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_benefits_delete AFTER DELETE ON benefits BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_cities_insert AFTER INSERT ON cities BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_cities_update AFTER UPDATE ON cities BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_cities_delete AFTER DELETE ON cities BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_documents_insert AFTER INSERT ON documents BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_documents_update AFTER UPDATE ON documents BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_documents_delete AFTER DELETE ON documents BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_groups_insert AFTER INSERT ON groups BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_groups_update AFTER UPDATE ON groups BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_groups_delete AFTER DELETE ON groups BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_indicators_insert AFTER INSERT ON indicators BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_indicators_update AFTER UPDATE ON indicators BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_indicators_delete AFTER DELETE ON indicators BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_measure_units_insert AFTER INSERT ON measure_units BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_measure_units_update AFTER UPDATE ON measure_units BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_measure_units_delete AFTER DELETE ON measure_units BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_measures_insert AFTER INSERT ON measures BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_measures_update AFTER UPDATE ON measures BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_measures_delete AFTER DELETE ON measures BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_regions_insert AFTER INSERT ON regions BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_regions_update AFTER UPDATE ON regions BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_regions_delete AFTER DELETE ON regions BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_target_shares_insert AFTER INSERT ON target_shares BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_target_shares_update AFTER UPDATE ON target_shares BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_target_shares_delete AFTER DELETE ON target_shares BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_targets_insert AFTER INSERT ON targets BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_targets_update AFTER UPDATE ON targets BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_targets_delete AFTER DELETE ON targets BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_units_insert AFTER INSERT ON units BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_units_update AFTER UPDATE ON units BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;
CREATE TRIGGER data_epoch_units_delete AFTER DELETE ON units BEGIN UPDATE data_epoch SET n = n + 1, s = s + 1; END;

CREATE TRIGGER data_epoch_batches_insert AFTER INSERT ON batches BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_batches_update AFTER UPDATE ON batches BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_batches_delete AFTER DELETE ON batches BEGIN UPDATE data_epoch SET n = n + 1; END;

CREATE TRIGGER data_epoch_observation_revisions_insert AFTER INSERT ON observation_revisions BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_observation_revisions_update AFTER UPDATE ON observation_revisions BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_observation_revisions_delete AFTER DELETE ON observation_revisions BEGIN UPDATE data_epoch SET n = n + 1; END;

CREATE TRIGGER data_epoch_observations_insert AFTER INSERT ON observations BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_observations_update AFTER UPDATE ON observations BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_observations_delete AFTER DELETE ON observations BEGIN UPDATE data_epoch SET n = n + 1; END;

CREATE TRIGGER data_epoch_round_units_insert AFTER INSERT ON round_units BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_round_units_update AFTER UPDATE ON round_units BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_round_units_delete AFTER DELETE ON round_units BEGIN UPDATE data_epoch SET n = n + 1; END;

CREATE TRIGGER data_epoch_rounds_insert AFTER INSERT ON rounds BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_rounds_update AFTER UPDATE ON rounds BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_rounds_delete AFTER DELETE ON rounds BEGIN UPDATE data_epoch SET n = n + 1; END;

CREATE TRIGGER data_epoch_task_progress_insert AFTER INSERT ON task_progress BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_task_progress_update AFTER UPDATE ON task_progress BEGIN UPDATE data_epoch SET n = n + 1; END;
CREATE TRIGGER data_epoch_task_progress_delete AFTER DELETE ON task_progress BEGIN UPDATE data_epoch SET n = n + 1; END;
