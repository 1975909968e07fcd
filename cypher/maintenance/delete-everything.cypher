// Benchmarks only: empties the database between runs, in batches so the heap stays small (after
// maintenance/delete-relationships, so that a batch holds nodes alone).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
