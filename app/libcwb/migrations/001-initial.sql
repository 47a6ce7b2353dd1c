-- 001-initial.sql — the first schema of the workspace database
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by cwb-store.c inside one transaction, which then sets
-- PRAGMA user_version = 1. Lists and small nested records are JSON text;
-- enumerations are stored as the nick the consortium file uses.

-- AUTOINCREMENT: an id is never reused, so a stale id (a view, an undo)
-- can never reach another record

CREATE TABLE consortium (
  id                        INTEGER PRIMARY KEY AUTOINCREMENT,
  name                      TEXT    NOT NULL UNIQUE,
  industry                  TEXT,
  -- JSON arrays of strings (rule C1, plan item P1)
  scientific_problems       TEXT    NOT NULL DEFAULT '[]',
  key_technologies          TEXT    NOT NULL DEFAULT '[]',
  transformation_results    TEXT    NOT NULL DEFAULT '[]',
  landmark_results          TEXT    NOT NULL DEFAULT '[]',
  -- JSON array of {"kind": nick, "title": text}
  standards                 TEXT    NOT NULL DEFAULT '[]',
  -- organization (O1)
  has_organization          INTEGER NOT NULL DEFAULT 0,
  decision_body             TEXT,
  advisory_body             TEXT,
  executive_body            TEXT,
  executive_permanent       INTEGER NOT NULL DEFAULT 0,
  executive_fulltime_staff  INTEGER,                  -- NULL when not given
  -- fund_management (F1)
  has_fund_management       INTEGER NOT NULL DEFAULT 0,
  fund_system               INTEGER NOT NULL DEFAULT 0,
  fund_internal_supervision INTEGER NOT NULL DEFAULT 0,
  created                   TEXT    NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  modified                  TEXT    NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE member (
  id                        INTEGER PRIMARY KEY AUTOINCREMENT,
  consortium_id             INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,
  -- 0 .. n-1 within the consortium, kept contiguous by the store
  position                  INTEGER NOT NULL,
  uscc                      TEXT    NOT NULL,
  name                      TEXT,
  kind                      TEXT    NOT NULL,
  lead                      INTEGER NOT NULL DEFAULT 0,
  independent_legal_person  INTEGER NOT NULL DEFAULT 0,
  registered_in_hainan      INTEGER NOT NULL DEFAULT 0,
  stationed_in_hainan       INTEGER NOT NULL DEFAULT 0,
  above_designated_size     INTEGER NOT NULL DEFAULT 0,
  high_tech                 INTEGER NOT NULL DEFAULT 0,
  cooperation_basis         INTEGER NOT NULL DEFAULT 0,
  capability                INTEGER NOT NULL DEFAULT 0,
  -- the lead's figures; NULL when not given
  established               TEXT,
  revenue                   INTEGER,
  rd_staff_fulltime         INTEGER,
  -- JSON arrays; NULL when the figure was not given (rules L5, L6)
  platforms                 TEXT,
  fiscal_years              TEXT,
  UNIQUE (consortium_id, uscc)
);

CREATE INDEX member_position ON member (consortium_id, position);
-- rule C7: which consortia a unit leads
CREATE INDEX member_lead_uscc ON member (uscc) WHERE lead;

-- 一事一议 decisions (rule X1), in the consortium's order
CREATE TABLE exception (
  id                        INTEGER PRIMARY KEY,
  consortium_id             INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,
  position                  INTEGER NOT NULL,
  rule                      TEXT    NOT NULL,
  document                  TEXT,
  date                      TEXT,
  reason                    TEXT
);

CREATE INDEX exception_consortium ON exception (consortium_id, position);

-- plugin-owned sections of a consortium ("chief_expert", "agreement", …)
CREATE TABLE section (
  consortium_id             INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,
  key                       TEXT    NOT NULL,
  json                      TEXT    NOT NULL,
  PRIMARY KEY (consortium_id, key)
) WITHOUT ROWID;

-- each plugin's own schema version (cwb_store_migrate_plugin)
CREATE TABLE plugin_schema (
  plugin_id                 TEXT    PRIMARY KEY,
  version                   INTEGER NOT NULL
) WITHOUT ROWID;
