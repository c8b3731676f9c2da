-- The local read side: bodies and mandates as last recorded.
CREATE TABLE body_view (
  body_id           VARCHAR(64) PRIMARY KEY,
  name              TEXT        NOT NULL,
  short_name        TEXT        NOT NULL,
  kind              VARCHAR(32) NOT NULL,
  parent_body_id    VARCHAR(64),
  open_ended        BOOLEAN     NOT NULL,
  interim           BOOLEAN     NOT NULL,
  chair_arrangement TEXT,
  legal_basis       JSONB       NOT NULL,
  established_on    DATE        NOT NULL,
  established_by    JSONB       NOT NULL,
  dissolved_on      DATE,
  dissolved_by      JSONB
);

CREATE TABLE mandate_view (
  mandate_id     VARCHAR(64) PRIMARY KEY,
  body_id        VARCHAR(64) NOT NULL,
  task           TEXT        NOT NULL,
  deadline       JSONB       NOT NULL,
  conferred_on   DATE        NOT NULL,
  source         JSONB       NOT NULL,
  status         VARCHAR(16) NOT NULL,
  closed_on      DATE,
  closed_by      JSONB,
  evidence       JSONB,
  superseded_by  VARCHAR(64)
);
CREATE INDEX mandate_view_body ON mandate_view (body_id);

