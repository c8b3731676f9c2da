-- Kafka records a consumer could not apply (unknown type, or still failing after its retries), kept whole with the
-- reason, so that committing past them loses nothing.
CREATE TABLE parked_record (
  topic      VARCHAR(255) NOT NULL,
  partition  INTEGER      NOT NULL,
  "offset"   BIGINT       NOT NULL,
  record_key TEXT,
  headers    JSONB        NOT NULL,
  value      BYTEA,
  reason     TEXT         NOT NULL,
  parked_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (topic, partition, "offset")
);
