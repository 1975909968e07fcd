import neo4j, { type Driver } from 'neo4j-driver';
import type { GraphExecutor } from '../../src/graph/executor.js';
import { runBenchCypher } from './bench-cypher.js';

export interface JoinFigure {
  readonly reports: number;
  readonly joined: number;
  readonly bridging: number;
  readonly seconds: number;
  readonly msPerReport: number;
}

const BATCH = 500;

/**
 * Incremental campaign assignment as ingest runs it: a sample of placed reports is taken out of
 * its campaigns, then put back by campaigns/join-campaigns in batches of 500, the API's batch.
 */
export async function incrementalJoin(driver: Driver, graph: GraphExecutor, sample: number): Promise<JoinFigure> {
  const ids = (await runBenchCypher(driver, 'unjoin-sample', { sample: neo4j.int(sample) })).map((row) => row['id'] as string);
  let [joined, bridging] = [0, 0];
  const started = performance.now();
  for (let i = 0; i < ids.length; i += BATCH) {
    const [row] = await graph.write('campaigns/join-campaigns', { reportIds: ids.slice(i, i + BATCH) });
    joined += Number(row?.['joined'] ?? 0);
    bridging += Number(row?.['bridging'] ?? 0);
  }
  const ms = performance.now() - started;
  return {
    reports: ids.length,
    joined,
    bridging,
    seconds: Number((ms / 1000).toFixed(2)),
    msPerReport: ids.length ? Number((ms / ids.length).toFixed(3)) : 0,
  };
}
