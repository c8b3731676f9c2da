-- A stream of one body's recommendations that resumes far back reads that body's entries after its position, in
-- order, without walking every other body's.
CREATE INDEX recommendation_feed_body ON recommendation_feed (body_id, seq);
