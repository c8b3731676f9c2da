-- mandate_view.status read like the mandate's status, which is report-service's to answer (deadline-aware, as of a
-- date). The column says only whether the record may still change, so it is renamed and its values say so.
ALTER TABLE mandate_view RENAME COLUMN status TO recording;
ALTER TABLE mandate_view ALTER COLUMN recording TYPE VARCHAR(32);
UPDATE mandate_view SET recording = CASE recording WHEN 'OPEN' THEN 'OPEN_TO_CHANGE' ELSE 'CLOSED_' || recording END;
