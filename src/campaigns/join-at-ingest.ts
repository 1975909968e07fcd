import type { GraphExecutor } from '../graph/executor.js';

/**
 * The hook ingest runs after each batch, with the reports it created: each joins the one campaign
 * its known indicators are in, or marks the campaigns it bridges. It never fails the batch, which
 * is already written: a report it misses is placed by the next full run, and `warn` says so.
 */
export function joinAtIngest(graph: GraphExecutor, warn: (error: unknown, reports: number) => void) {
  return async (reportIds: readonly string[]): Promise<void> => {
    if (reportIds.length === 0) return;
    try {
      await graph.write('campaigns/join-campaigns', { reportIds: [...reportIds] });
    } catch (error) {
      warn(error, reportIds.length);
    }
  };
}
