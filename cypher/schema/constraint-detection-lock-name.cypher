// The one lock node per kind of exclusive job (campaign detection): MERGE must never make two.
CREATE CONSTRAINT detection_lock_name IF NOT EXISTS FOR (l:DetectionLock) REQUIRE l.name IS UNIQUE
