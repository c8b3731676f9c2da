-- The deadlines people ask for (overdue, due soon) are open versions due by a date: this index holds only open
-- versions, by due date and valid time, so asking for them reads a few thousand rows rather than every version.
CREATE INDEX mandate_version_open_due ON mandate_version (resolved_due, valid_from, valid_to)
  WHERE closed_as IS NULL;
