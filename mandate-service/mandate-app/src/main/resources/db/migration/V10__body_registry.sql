-- Command-side registry of bodies, written in the same transaction as their events.
CREATE TABLE body_registry (
  body_id         VARCHAR(64) PRIMARY KEY,
  established_on  DATE        NOT NULL,
  dissolved_on    DATE
);
