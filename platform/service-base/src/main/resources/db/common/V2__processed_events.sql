-- Events each projection has applied, recorded in the projection's own transaction, so a redelivered event changes
-- nothing (see OncePerEvent).
CREATE TABLE processed_event (
  projection VARCHAR(64)  NOT NULL,
  event_id   VARCHAR(255) NOT NULL,
  PRIMARY KEY (projection, event_id)
);
