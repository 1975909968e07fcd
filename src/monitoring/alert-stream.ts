import type { GraphExecutor } from '../graph/executor.js';
import type { AlertDispatcher } from './alert-dispatcher.js';
import { ALERT_ROW, type Alert } from './watch.js';

const PAGE = 100;

/**
 * A key's alerts after `after` (its number), in order, then each new one as it commits: what a
 * subscription yields. It reads the graph, not an in-memory bus, so a client resuming from the last
 * alert it saw gets every later one exactly once, whichever API process wrote it.
 */
export async function* alertStream(
  graph: GraphExecutor,
  dispatcher: AlertDispatcher,
  owner: string,
  after: number,
  watchId: string | null,
): AsyncGenerator<Alert> {
  let seen = after;
  for (;;) {
    const woken = dispatcher.nextWake();
    const rows = await graph.readAs('monitoring/alerts-after', ALERT_ROW, { owner, after: seen, watchId, limit: PAGE });
    for (const { alert } of rows) {
      seen = alert.seq;
      yield alert;
    }
    if (rows.length < PAGE) await woken;
  }
}
