// One alert sequence per owning key: its node's lock orders that key's alerts by commit.
CREATE CONSTRAINT alert_stream_key IF NOT EXISTS FOR (s:AlertStream) REQUIRE s.keyId IS UNIQUE
