// The alerts phase's "no watches" runs: every watch leaves the Watch label (ingest's outbox then sees none,
// as in a graph without watches) and comes back, the same watches, before the next run with them.
MATCH (w:Watch) SET w:ParkedWatch REMOVE w:Watch RETURN count(w) AS watches
