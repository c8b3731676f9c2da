-- The local read side: meetings as last recorded, and what each produced.
CREATE TABLE meeting_view (
  meeting_id    VARCHAR(64) PRIMARY KEY,
  body_id       VARCHAR(64) NOT NULL,
  title         TEXT        NOT NULL,
  session       INTEGER,
  kind          VARCHAR(16) NOT NULL,
  venue         TEXT,
  planned_start DATE        NOT NULL,
  planned_end   DATE        NOT NULL,
  status        VARCHAR(16) NOT NULL,
  held_from     DATE,
  held_to       DATE,
  scheduled_by  JSONB       NOT NULL
);
CREATE INDEX meeting_view_body ON meeting_view (body_id, planned_start);

CREATE TABLE meeting_outcome (
  meeting_id  VARCHAR(64)  NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  outcome_key VARCHAR(255) NOT NULL,
  occurred_on DATE         NOT NULL,
  record      JSONB        NOT NULL,
  PRIMARY KEY (meeting_id, kind, outcome_key)
);
