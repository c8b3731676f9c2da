-- Every fact from both topics, once each (event_id is the CloudEvents ce_id). The views are folded from these on
-- read, so they come out the same whichever topic's records arrived first, and any past date can be asked about.
CREATE TABLE fact (
  position         BIGSERIAL    PRIMARY KEY,
  event_id         VARCHAR(255) NOT NULL UNIQUE,
  event_type       VARCHAR(255) NOT NULL,
  aggregate_id     VARCHAR(64)  NOT NULL,
  aggregate_seq    BIGINT       NOT NULL,
  body_id          VARCHAR(64)  NOT NULL,
  occurred_on      DATE         NOT NULL,
  recorded_at      TIMESTAMPTZ  NOT NULL,
  recorded_by      TEXT,
  source_document  VARCHAR(100) NOT NULL,
  payload          JSONB        NOT NULL
);
CREATE INDEX fact_body ON fact (body_id, occurred_on);
CREATE INDEX fact_source ON fact (source_document);
CREATE INDEX fact_type ON fact (event_type, occurred_on);

-- New recommendations in the order they were projected: the SSE event ids and the webhooks' work list. Kept across
-- rebuilds, so ids stay stable and nobody is notified twice.
CREATE TABLE recommendation_feed (
  seq         BIGSERIAL    PRIMARY KEY,
  event_id    VARCHAR(255) NOT NULL UNIQUE,
  body_id     VARCHAR(64)  NOT NULL,
  recorded_at TIMESTAMPTZ  NOT NULL,
  payload     JSONB        NOT NULL
);

CREATE TABLE subscription (
  id         UUID         PRIMARY KEY,
  url        TEXT         NOT NULL,
  secret     TEXT         NOT NULL,
  body_id    VARCHAR(64),
  created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE delivery (
  id              BIGSERIAL    PRIMARY KEY,
  subscription_id UUID         NOT NULL REFERENCES subscription (id),
  feed_seq        BIGINT       NOT NULL REFERENCES recommendation_feed (seq),
  state           VARCHAR(16)  NOT NULL,
  attempts        INTEGER      NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, feed_seq)
);
CREATE INDEX delivery_due ON delivery (state, next_attempt_at);

CREATE TABLE delivery_attempt (
  delivery_id  BIGINT      NOT NULL REFERENCES delivery (id),
  attempt      INTEGER     NOT NULL,
  attempted_at TIMESTAMPTZ NOT NULL,
  status_code  INTEGER,
  error        TEXT,
  PRIMARY KEY (delivery_id, attempt)
);
