// The alerts phase's planning figures: Neo4j's query collector (db.stats, in Community too) records each
// invocation's compile time, 0 when the plan came from the cache, so a slice shows what was planned (or
// planned again) inside it. Started afresh for the phase, for $seconds at most.
CALL db.stats.stop('QUERIES') YIELD success AS stopped
CALL db.stats.clear('QUERIES') YIELD success AS cleared
CALL db.stats.collect('QUERIES', {durationSeconds: toInteger($seconds)}) YIELD success
RETURN success
