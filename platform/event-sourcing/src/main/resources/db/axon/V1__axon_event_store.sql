-- Axon's JDBC event store, token store and snapshots, as PostgresEventTableFactory and PostgresTokenTableFactory
-- would create them: binary columns are bytea (never oid large objects), and BIGSERIAL gives the global index a
-- sequence that increments by one, so tracking processors see no false gaps.
CREATE TABLE domainevententry (
  globalindex         BIGSERIAL    NOT NULL PRIMARY KEY,
  aggregateidentifier VARCHAR(255) NOT NULL,
  sequencenumber      BIGINT       NOT NULL,
  type                VARCHAR(255),
  eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
  metadata            BYTEA,
  payload             BYTEA        NOT NULL,
  payloadrevision     VARCHAR(255),
  payloadtype         VARCHAR(255) NOT NULL,
  timestamp           VARCHAR(255),
  UNIQUE (aggregateidentifier, sequencenumber)
);

CREATE TABLE snapshotevententry (
  aggregateidentifier VARCHAR(255) NOT NULL,
  sequencenumber      BIGINT       NOT NULL,
  type                VARCHAR(255) NOT NULL,
  eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
  metadata            BYTEA,
  payload             BYTEA        NOT NULL,
  payloadrevision     VARCHAR(255),
  payloadtype         VARCHAR(255) NOT NULL,
  timestamp           VARCHAR(255),
  PRIMARY KEY (aggregateidentifier, sequencenumber)
);

CREATE TABLE tokenentry (
  processorname VARCHAR(255) NOT NULL,
  segment       INTEGER      NOT NULL,
  token         BYTEA,
  tokentype     VARCHAR(255),
  timestamp     VARCHAR(255),
  owner         VARCHAR(255),
  PRIMARY KEY (processorname, segment)
);
