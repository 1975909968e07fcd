// Time-ordered report pages and recency windows.
CREATE RANGE INDEX report_received_at IF NOT EXISTS FOR (r:Report) ON (r.receivedAt)
