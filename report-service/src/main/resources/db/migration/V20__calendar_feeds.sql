-- Private calendar feeds: a reader's random token in the feed's URL stands in for the login calendar apps cannot
-- send. Only the token's SHA-256 is kept, so the table leaks no usable URL.
CREATE TABLE calendar_feed (
  id             UUID        PRIMARY KEY,
  token_sha256   BYTEA       NOT NULL UNIQUE,
  owner          TEXT        NOT NULL,
  body_id        VARCHAR(64),
  include_closed BOOLEAN     NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at     TIMESTAMPTZ
);

CREATE INDEX calendar_feed_owner ON calendar_feed (owner);
