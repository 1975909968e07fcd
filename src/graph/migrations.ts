import { STATEMENTS } from './cypher-registry.js';
import type { GraphExecutor } from './executor.js';

/** Constraints and indexes, each `IF NOT EXISTS` (safe on every start of every API process), then waits until they are online. */
export async function applyMigrations(graph: GraphExecutor): Promise<void> {
  for (const name of STATEMENTS.filter((statement) => statement.startsWith('schema/'))) {
    await graph.write(name);
  }
}
