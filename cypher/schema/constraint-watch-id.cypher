// Watches are read, deleted and delivered by id (src/monitoring).
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (w:Watch) REQUIRE w.id IS UNIQUE
