-- Stored views. Each aggregate's facts are refolded when one of them arrives, and its state is written as
-- valid-time versions: the row answering "as of d" is the one with valid_from <= d < valid_to. A mandate waiting on a
-- session is resolved again whenever that session's meeting changes, so topic order does not matter.

-- What each fact is about, for the history and timeline indexes.
ALTER TABLE fact
  ADD COLUMN aggregate_type VARCHAR(16),
  ADD COLUMN mandate_id     VARCHAR(64),
  ADD COLUMN meeting_id     VARCHAR(64),
  ADD COLUMN decision_ref   VARCHAR(100);
UPDATE fact SET
  aggregate_type = CASE WHEN event_type LIKE 'org.mandatetracker.mandate.Body%' THEN 'BODY'
                        WHEN event_type LIKE 'org.mandatetracker.mandate.Mandate%' THEN 'MANDATE'
                        ELSE 'MEETING' END,
  mandate_id = payload->>'mandateId',
  meeting_id = payload->>'meetingId',
  decision_ref = CASE WHEN event_type = 'org.mandatetracker.meeting.DecisionAdopted' THEN payload->>'reference' END;
ALTER TABLE fact ALTER COLUMN aggregate_type SET NOT NULL;
CREATE INDEX fact_aggregate ON fact (aggregate_type, aggregate_id, aggregate_seq);
CREATE INDEX fact_decision ON fact (decision_ref) WHERE decision_ref IS NOT NULL;
CREATE INDEX fact_mandate ON fact (mandate_id) WHERE mandate_id IS NOT NULL;
CREATE INDEX fact_meeting ON fact (meeting_id) WHERE meeting_id IS NOT NULL;

CREATE TABLE body_version (
  body_id        VARCHAR(64) NOT NULL,
  valid_from     DATE        NOT NULL,
  valid_to       DATE        NOT NULL,
  name           TEXT        NOT NULL,
  short_name     TEXT        NOT NULL,
  parent_body_id VARCHAR(64),
  dissolved_on   DATE,
  PRIMARY KEY (body_id, valid_from)
);

CREATE TABLE meeting_version (
  meeting_id    VARCHAR(64) NOT NULL,
  valid_from    DATE        NOT NULL,
  valid_to      DATE        NOT NULL,
  body_id       VARCHAR(64) NOT NULL,
  title         TEXT        NOT NULL,
  session_no    INTEGER,
  venue         TEXT,
  planned_start DATE        NOT NULL,
  planned_end   DATE        NOT NULL,
  held_from     DATE,
  held_to       DATE,
  state         VARCHAR(16) NOT NULL,
  PRIMARY KEY (meeting_id, valid_from)
);
CREATE INDEX meeting_version_session ON meeting_version (body_id, session_no, valid_from) WHERE session_no IS NOT NULL;
CREATE INDEX meeting_version_body ON meeting_version (body_id, valid_from);

-- A mandate's state with its deadline resolved against the session's meeting on the same valid time: a version ends
-- when either changes. The status, which also depends on the date asked about, is computed from these columns.
CREATE TABLE mandate_version (
  mandate_id       VARCHAR(64) NOT NULL,
  valid_from       DATE        NOT NULL,
  valid_to         DATE        NOT NULL,
  body_id          VARCHAR(64) NOT NULL,
  task             TEXT        NOT NULL,
  source           JSONB       NOT NULL,
  conferred_on     DATE        NOT NULL,
  deadline         JSONB       NOT NULL,
  deadline_form    VARCHAR(16) NOT NULL,
  deadline_body    VARCHAR(64),
  deadline_session INTEGER,
  resolved_due     DATE,
  resolution       VARCHAR(20) NOT NULL,
  session_meeting_id VARCHAR(64),
  extended         BOOLEAN     NOT NULL,
  closed_as        VARCHAR(16),
  closed_on        DATE,
  closed_by        JSONB,
  evidence         JSONB,
  superseded_by    VARCHAR(64),
  PRIMARY KEY (mandate_id, valid_from)
);
CREATE INDEX mandate_version_body ON mandate_version (body_id, valid_from);
CREATE INDEX mandate_version_due ON mandate_version (resolved_due, conferred_on, mandate_id);
-- Narrow, so that counting the versions valid on a date reads this index rather than the wide rows.
CREATE INDEX mandate_version_valid ON mandate_version (valid_to, valid_from);
CREATE INDEX mandate_version_session ON mandate_version (deadline_body, deadline_session)
  WHERE deadline_session IS NOT NULL;

-- Which generation of the views the tables hold; a service finding an older one refolds them from the fact log.
CREATE TABLE view_generation (
  id         BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
  generation INTEGER     NOT NULL,
  built_at   TIMESTAMPTZ NOT NULL
);
