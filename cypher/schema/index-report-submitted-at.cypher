// Feeds read the reports written after a cursor, in write order, through this index rather than a label scan.
CREATE RANGE INDEX report_submitted_at IF NOT EXISTS FOR (r:Report) ON (r.submittedAt)
