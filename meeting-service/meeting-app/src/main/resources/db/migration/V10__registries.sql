-- The bodies mandate-service has published, as read from mandate.events.v1.
CREATE TABLE known_body (
  body_id        VARCHAR(64) PRIMARY KEY,
  name           TEXT        NOT NULL,
  established_on DATE        NOT NULL,
  dissolved_on   DATE
);

-- Which meeting holds each numbered session of a body; written with the meeting's events.
CREATE TABLE scheduled_session (
  body_id    VARCHAR(64)  NOT NULL,
  session    INTEGER      NOT NULL,
  meeting_id VARCHAR(64)  NOT NULL,
  PRIMARY KEY (body_id, session)
);
