-- The meetings list is paged in date order, with or without a body: both read a page from an index in that order
-- rather than sorting every meeting.
CREATE INDEX meeting_view_by_date ON meeting_view (COALESCE(held_from, planned_start), meeting_id);
CREATE INDEX meeting_view_body_by_date ON meeting_view (body_id, COALESCE(held_from, planned_start), meeting_id);
DROP INDEX meeting_view_body;
