-- policytk.round.rounds: the rounds and the units they went to, as the database keeps them
-- (rounds, round_units; migrations/0009_rounds.sql). One round per city and period.
--
--   rounds.find(conn, city, period) → the rounds row or nil
--   rounds.get(conn, id) → the rounds row or nil
--   rounds.latest(conn, city) → the open round of the latest period, or nil
--   rounds.create(conn, { city =, period =, due =, by =, at = }) → id
--   rounds.reopened(conn, id, at)
--   rounds.sent(conn, id, unit, file, at, cells_total)   -- keeps what the unit returned
--   rounds.unit(conn, id, unit) → the round_units row or nil
--   rounds.units(conn, id) → round_units rows, in the order they were sent
--   rounds.returned(conn, id, unit, { at =, file =, batch =, filled = })
--
-- Capability: the 月度报送 round (entry policytk.round; map in docs/architecture.md).

local store = require "policytk.data.store"
local NULL = require("policytk.db").NULL

local M = {}

function M.find(conn, city, period)
  return store.clean(conn:first("SELECT * FROM rounds WHERE city = ? AND period = ?", city, period))
end

function M.get(conn, id)
  return store.clean(conn:first("SELECT * FROM rounds WHERE id = ?", id))
end

function M.latest(conn, city)
  return store.clean(conn:first("SELECT * FROM rounds WHERE city = ? AND status = 'open' ORDER BY period DESC LIMIT 1",
    city))
end

function M.create(conn, r)
  local _, id = conn:run("INSERT INTO rounds (city, period, due, opened_at, opened_by) VALUES (?, ?, ?, ?, ?)",
    r.city, r.period, r.due or NULL, r.at, r.by)
  return id
end

function M.reopened(conn, id, at)
  conn:run("UPDATE rounds SET reopened_at = ?, status = 'open' WHERE id = ?", at, id)
end

function M.sent(conn, id, unit, file, at, total)
  conn:run([[INSERT INTO round_units (round, unit, file, sent_at, cells_total) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (round, unit) DO UPDATE SET file = excluded.file, sent_at = excluded.sent_at,
      cells_total = excluded.cells_total]], id, unit, file, at, total)
end

function M.unit(conn, id, unit)
  return store.clean(conn:first("SELECT * FROM round_units WHERE round = ? AND unit = ?", id, unit))
end

function M.units(conn, id)
  return store.all(conn, "SELECT * FROM round_units WHERE round = ? ORDER BY rowid", id)
end

function M.returned(conn, id, unit, r)
  conn:run([[UPDATE round_units SET returned_at = ?, returned_file = ?, batch = ?, cells_filled = ?
    WHERE round = ? AND unit = ?]], r.at, r.file, r.batch or NULL, r.filled, id, unit)
end

return M
