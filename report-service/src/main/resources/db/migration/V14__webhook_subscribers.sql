-- Who made each subscription (the gateway's X-Recorded-By), so that only they list and delete it; and the lease a
-- replica holds on a subscription while it sends to it, so that at most one delivery to it is in flight.
ALTER TABLE subscription ADD COLUMN created_by VARCHAR(255) NOT NULL DEFAULT 'anonymous';
ALTER TABLE subscription ADD COLUMN sending_until TIMESTAMPTZ;
CREATE INDEX subscription_created_by ON subscription (created_by);
CREATE INDEX delivery_pending ON delivery (subscription_id, next_attempt_at) WHERE state = 'PENDING';
