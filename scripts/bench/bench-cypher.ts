import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';

/** The benchmark's own statements (scripts/bench/cypher/): sampling, scoring and clean-up, never served. */
export type BenchStatement =
  | 'query-keys'
  | 'campaign-membership'
  | 'delete-campaigns'
  | 'report-count'
  | 'heap-used'
  | 'unjoin-sample'
  | 'campaign-links'
  | 'link-reports'
  | 'report-nodes-only'
  | 'campaign-labels'
  | 'write-reports-per-row'
  | 'watch-targets'
  | 'park-watches'
  | 'unpark-watches'
  | 'delete-watches'
  | 'start-query-collection'
  | 'query-compile-times'
  | 'campaign-count'
  | 'report-indicators';

/** Runs one in an auto-commit transaction (delete-campaigns uses CALL IN TRANSACTIONS, which needs one). */
export async function runBenchCypher(
  driver: Driver,
  name: BenchStatement,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const text = readFileSync(new URL(`./cypher/${name}.cypher`, import.meta.url), 'utf8');
  const session = driver.session();
  try {
    const result = await session.run(text, params);
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}
