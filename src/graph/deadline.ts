import { AsyncLocalStorage } from 'node:async_hooks';

/** A request ran out of time; its Neo4j transactions were stopped by the database too. */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
}

const deadlines = new AsyncLocalStorage<number>();

/**
 * Runs `work` with a deadline (epoch ms): every statement the executor runs inside it, however
 * deep in services and loaders, carries the time left as its transaction timeout, so Neo4j
 * stops the work when the client stops waiting. An ambient value rather than a parameter:
 * every service and loader between a resolver and the executor would otherwise pass it on.
 */
export const withDeadline = <T>(deadlineAt: number, work: () => T): T => deadlines.run(deadlineAt, work);

/**
 * Runs `work` free of any request's deadline: a campaign detection run is shared by every
 * caller that asks during it and holds a lock across processes; stopping it half-way because
 * one caller's time ran out would leave the next run to redo it. It is priced and locked instead.
 */
export const withoutDeadline = <T>(work: () => T): T => deadlines.exit(work);

/** Milliseconds left for a statement starting now; undefined outside a request (scripts, migrations, the scheduler). */
export function timeLeft(): number | undefined {
  const deadlineAt = deadlines.getStore();
  if (deadlineAt === undefined) return undefined;
  const left = deadlineAt - Date.now();
  if (left <= 0) throw new DeadlineExceededError('the request ran out of time before this statement started');
  return left;
}

/**
 * Neo4j's codes for a transaction stopped by its timeout (5.x names it by who set it). One
 * stopped while waiting for a lock says LockClientStopped instead (measured on 5.26: "the
 * transaction ran longer than the configured transaction timeout").
 */
export const isTimeout = (code: string | undefined): boolean =>
  code !== undefined && /Transaction\.TransactionTimedOut|TransactionTimedOutClientConfiguration|Transaction\.LockClientStopped/.test(code);
