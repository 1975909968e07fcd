// Benchmarks only, before maintenance/delete-everything: every relationship, in batches. Deleting nodes
// with their relationships ran out of Neo4j's transaction memory on the million-report graph, where a
// batch of 10,000 nodes held hubs with hundreds of thousands of relationships between them.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS
