import { z } from 'zod';
import { stixIndicatorId } from '../evidence/stix-ids.js';
import { CRYPTOSCAMDB_SOURCE } from '../import/cryptoscamdb-entry.js';
import { STATEMENTS } from './cypher-registry.js';
import type { GraphExecutor } from './executor.js';

/** A number or domain without its STIX indicator id (data/indicators-without-stix-id). */
const WITHOUT_ID = z.object({ kind: z.enum(['phone', 'domain']), value: z.string() });

/** Nodes given their ids per transaction: a few hundred KB of parameters. */
const STIX_ID_BATCH = 5_000;

/**
 * Constraints and indexes, each `IF NOT EXISTS` (safe on every start of every API process), then waits
 * until they are online; then dates the reports written before Report.reportedAt (cypher/data/date-reports.cypher
 * says how), which changes nothing once done. CryptoScamDB is the one source known to give no dates. Last,
 * the numbers and domains written before ingest stored their STIX indicator id get it.
 */
export async function applyMigrations(graph: GraphExecutor): Promise<void> {
  for (const name of STATEMENTS.filter((statement) => statement.startsWith('schema/'))) {
    await graph.write(name);
  }
  await graph.autoCommit('data/date-reports', { undatedSource: CRYPTOSCAMDB_SOURCE });
  for (;;) {
    const missing = await graph.readAs('data/indicators-without-stix-id', WITHOUT_ID, { limit: STIX_ID_BATCH });
    if (missing.length === 0) return;
    const ids = (kind: 'phone' | 'domain') =>
      missing.filter((row) => row.kind === kind).map(({ value }) => ({ value, stixId: stixIndicatorId(kind, value) }));
    await graph.write('data/set-stix-ids', { phones: ids('phone'), domains: ids('domain') });
  }
}
