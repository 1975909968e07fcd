import { z } from 'zod';
import { stixIndicatorId } from '../evidence/stix-ids.js';
import { CRYPTOSCAMDB_SOURCE } from '../import/cryptoscamdb-entry.js';
import { STATEMENTS } from './cypher-registry.js';
import type { GraphExecutor } from './executor.js';

/** A number or domain without its STIX indicator id (data/indicators-without-stix-id). */
const WITHOUT_ID = z.object({ kind: z.enum(['phone', 'domain']), value: z.string() });

/** A row of reads/online-indexes. */
const ONLINE = z.object({ name: z.string() });

/**
 * The index or constraint a schema statement creates, by its file's name: `schema/constraint-report-id`
 * creates `report_id` (test/unit/schema-names.test.ts holds every file to it); null for one that creates none.
 */
export const schemaName = (statement: string): string | null => {
  const named = /^schema\/(?:constraint|index)-(.+)$/.exec(statement);
  return named ? named[1]!.replaceAll('-', '_') : null;
};

/** Nodes given their ids per transaction: a few hundred KB of parameters. */
const STIX_ID_BATCH = 5_000;

/**
 * Constraints and indexes, each `IF NOT EXISTS` (safe on every start of every API process), then waits
 * until they are online; those already online are not asked for again (a start took 170 to 250 ms
 * on an empty graph for the thirty schema transactions alone). Then dates the reports written before
 * Report.reportedAt (cypher/data/date-reports.cypher says how), which changes nothing once done.
 * CryptoScamDB is the one source known to give no dates. Last, the numbers and domains written before
 * ingest stored their STIX indicator id get it.
 */
export async function applyMigrations(graph: GraphExecutor): Promise<void> {
  const online = new Set((await graph.readAs('reads/online-indexes', ONLINE)).map((row) => row.name));
  const absent = STATEMENTS.filter((statement) => {
    const name = schemaName(statement);
    return name !== null && !online.has(name);
  });
  if (absent.length > 0) {
    for (const name of absent) await graph.write(name);
    await graph.write('schema/await-indexes');
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
