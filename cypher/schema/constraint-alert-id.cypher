// An alert's id is what a webhook receiver deduplicates on and a subscription resumes from.
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (a:Alert) REQUIRE a.id IS UNIQUE
