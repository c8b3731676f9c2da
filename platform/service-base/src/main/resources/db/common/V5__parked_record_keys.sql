-- A record whose key (its aggregate) has an earlier record parked is parked behind it, so that an aggregate's events
-- are never applied out of order; this finds the earlier one.
CREATE INDEX parked_record_key ON parked_record (topic, record_key, partition, "offset");
