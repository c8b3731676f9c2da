-- What each meeting adopted or issued, one fingerprint per key; written with the meeting's events (OutcomeRegistry).
-- V14 (RecordedOutcomesFromEvents, in Java) fills it from the outcomes recorded before it existed.
CREATE TABLE recorded_outcome (
  meeting_id  VARCHAR(64) NOT NULL,
  kind        VARCHAR(16) NOT NULL,
  outcome_key TEXT        NOT NULL,
  fingerprint VARCHAR(32) NOT NULL,
  PRIMARY KEY (meeting_id, kind, outcome_key)
);
