-- Axon's JDBC SequencedDeadLetterQueue, as GenericDeadLetterTableFactory would create it with DeadLetterSchema's
-- default names, except that serialized data is bytea (never oid large objects). An event a projection cannot apply
-- waits here with its cause, and so do the later events of the same aggregate, until it is retried or evicted.
CREATE TABLE deadletterentry (
  deadletteridentifier VARCHAR(255)  NOT NULL PRIMARY KEY,
  processinggroup      VARCHAR(255)  NOT NULL,
  sequenceidentifier   VARCHAR(255)  NOT NULL,
  sequenceindex        BIGINT        NOT NULL,
  messagetype          VARCHAR(255)  NOT NULL,
  eventidentifier      VARCHAR(255)  NOT NULL,
  timestamp            VARCHAR(255)  NOT NULL,
  payloadtype          VARCHAR(255)  NOT NULL,
  payloadrevision      VARCHAR(255),
  payload              BYTEA         NOT NULL,
  metadata             BYTEA,
  type                 VARCHAR(255),
  aggregateidentifier  VARCHAR(255),
  sequencenumber       BIGINT,
  tokentype            VARCHAR(255),
  token                BYTEA,
  enqueuedat           VARCHAR(255)  NOT NULL,
  lasttouched          VARCHAR(255),
  processingstarted    VARCHAR(255),
  causetype            VARCHAR(255),
  causemessage         VARCHAR(1023),
  diagnostics          BYTEA,
  UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);

CREATE INDEX deadletterentry_sequence ON deadletterentry (processinggroup, sequenceidentifier);
