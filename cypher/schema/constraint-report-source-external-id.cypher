// Idempotency: the same externalId from the same source is one report.
CREATE CONSTRAINT report_source_external_id IF NOT EXISTS FOR (r:Report) REQUIRE (r.source, r.externalId) IS UNIQUE
