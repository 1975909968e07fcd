import { CRYPTOSCAMDB_SOURCE } from '../import/cryptoscamdb-entry.js';
import { STATEMENTS } from './cypher-registry.js';
import type { GraphExecutor } from './executor.js';

/**
 * Constraints and indexes, each `IF NOT EXISTS` (safe on every start of every API process), then waits
 * until they are online; then dates the reports written before Report.reportedAt (cypher/data/date-reports.cypher
 * says how), which changes nothing once done. CryptoScamDB is the one source known to give no dates.
 */
export async function applyMigrations(graph: GraphExecutor): Promise<void> {
  for (const name of STATEMENTS.filter((statement) => statement.startsWith('schema/'))) {
    await graph.write(name);
  }
  await graph.autoCommit('data/date-reports', { undatedSource: CRYPTOSCAMDB_SOURCE });
}
