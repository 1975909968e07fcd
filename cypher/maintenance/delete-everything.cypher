// Benchmarks only: empties the database between runs, in batches so the heap stays small.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
