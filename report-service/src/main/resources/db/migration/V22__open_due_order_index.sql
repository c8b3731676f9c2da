-- A page of overdue and due-soon deadlines, in due-date order: open versions by the page key, with their valid time
-- in the index, so the scan skips versions not valid on the date without reading the table and stops at the page's
-- end, rather than reading every open version due by then and sorting them.
CREATE INDEX mandate_version_open_due_order
  ON mandate_version (COALESCE(resolved_due, 'infinity'), conferred_on, mandate_id, valid_from, valid_to)
  WHERE closed_as IS NULL;
