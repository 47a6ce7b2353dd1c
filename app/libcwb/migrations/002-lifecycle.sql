-- 002-lifecycle.sql — the steps of each consortium's review and term
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- One row per recorded step (cwb-lifecycle.h), in order; stage is the
-- CwbStage nick the consortium file uses. Steps are appended, and only the
-- last one is ever taken back, so position is also the order of recording.

CREATE TABLE lifecycle_event (
  id                        INTEGER PRIMARY KEY AUTOINCREMENT,
  consortium_id             INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,
  position                  INTEGER NOT NULL,
  stage                     TEXT    NOT NULL,
  date                      TEXT    NOT NULL,
  document                  TEXT,
  note                      TEXT,
  recorded                  TEXT    NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (consortium_id, position)
);
