-- The mandate list pages by key (resolved due date, open-ended ones last; conferral; id), so a page deep in the list
-- costs what the first one does. The old index ordered NULL dates last implicitly; this one says it, so that a page's
-- key is one row comparison. A rebuild may have given the old index a generated name: find it by its columns.
DO $$
DECLARE old record;
BEGIN
  FOR old IN SELECT indexname FROM pg_indexes
             WHERE schemaname = current_schema() AND tablename = 'mandate_version'
               AND indexdef LIKE '%(resolved_due, conferred_on, mandate_id)'
  LOOP
    EXECUTE format('DROP INDEX %I', old.indexname);
  END LOOP;
END $$;
CREATE INDEX mandate_version_due
  ON mandate_version ((COALESCE(resolved_due, 'infinity'::date)), conferred_on, mandate_id);

-- How many mandate versions start (+) and end (-) on each day, kept with the versions: the number of mandates on a
-- date is the sum up to it, a few thousand narrow rows rather than every mandate's version.
CREATE TABLE mandate_count (
  day   DATE   PRIMARY KEY,
  delta BIGINT NOT NULL
);
INSERT INTO mandate_count (day, delta)
SELECT day, sum(delta) FROM (
  SELECT valid_from AS day, 1 AS delta FROM mandate_version
  UNION ALL
  SELECT valid_to, -1 FROM mandate_version WHERE valid_to <> 'infinity'
) changes GROUP BY day;
