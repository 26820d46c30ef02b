-- 0010_accounts.sql: accounts and rights for policytk serve (policytk.serve.accounts,
-- sessions, audit; docs/accounts.md): the users and their role, the sessions they hold (by the
-- hash of the token, never the token), every sign-in attempt (for the lockout), and the audit
-- trail of every write (who, when, from which address, what changed). Times are UTC, ISO 8601
-- (2025-07-03T06:05:00Z); staff read them in 北京时间.

CREATE TABLE users (
  name        TEXT PRIMARY KEY,              -- the sign-in name
  unit        TEXT,                          -- the unit's short name, as plugins and rounds spell it
  role        TEXT NOT NULL CHECK (role IN ('unit', 'office', 'leader', 'admin')),
  city        TEXT REFERENCES cities(id),    -- whose data the user belongs to; NULL: every city
  hash        TEXT NOT NULL,                 -- Argon2id ($argon2id$…), never the password
  disabled_at TEXT,                          -- NULL: may sign in
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  changed_at  TEXT NOT NULL,                 -- the last passwd, disable or enable
  CHECK (role <> 'unit' OR (unit IS NOT NULL AND city IS NOT NULL))
);

CREATE TABLE sessions (
  id          TEXT PRIMARY KEY,              -- SHA-256 (hex) of the cookie's token
  user        TEXT NOT NULL REFERENCES users(name),
  csrf        TEXT NOT NULL,                 -- the token every form carries
  created_at  TEXT NOT NULL,
  last_seen   TEXT NOT NULL,                 -- idle timeout from here
  expires_at  TEXT NOT NULL,                 -- absolute end
  address     TEXT NOT NULL                  -- the client's address at sign-in
);
CREATE INDEX sessions_user ON sessions(user);

CREATE TABLE login_attempts (
  id          INTEGER PRIMARY KEY,
  user        TEXT NOT NULL,                 -- the name given (also names no user has)
  address     TEXT NOT NULL,
  at          TEXT NOT NULL,
  ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
  reason      TEXT NOT NULL                  -- ok, bad_password, unknown_user, disabled, locked (refused
                                             -- while locked), lock_name / lock_address (a lock began)
);
CREATE INDEX login_attempts_user ON login_attempts(user, at);
CREATE INDEX login_attempts_address ON login_attempts(address, at);

CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user        TEXT NOT NULL,                 -- who (a users.name, or the system user for the CLI)
  address     TEXT NOT NULL,                 -- the client's address; "cli" for policytk user …
  action      TEXT NOT NULL,                 -- user_add, write_figure, login_locked, …
  object      TEXT NOT NULL,                 -- what it acted on: a user's name, "wenzhou/T01" …
  detail      TEXT NOT NULL DEFAULT '{}'     -- JSON { "before": …, "after": … }
);
CREATE INDEX audit_at ON audit(at);
CREATE INDEX audit_user ON audit(user, at);
