import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type QueryResult } from 'neo4j-driver';
import { checkParameters, type Statement, type StatementName } from './cypher-registry.js';
import { DeadlineExceededError, isTimeout, timeLeft } from './deadline.js';
import { takeTurn } from './fair-share.js';
import type { z } from 'zod';
import { shaped } from './row-shape.js';
import { toParameter, toPlain } from './values.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** A write's rows, and how many nodes, relationships and properties it created, deleted or set. */
export interface Written {
  rows: Row[];
  writes: number;
}
/** The database could not answer; retried transient errors that still failed end here too. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** How long a read retries transient errors (the driver's own limit for managed transactions), and its first pause. */
const RETRY_FOR_MS = 30_000;
const FIRST_RETRY_DELAY_MS = 100;

/**
 * A statement to run in the same transaction as a write, chosen from the write's rows; null: none.
 * Its own `then` may choose one more from its rows: a read that decides what to write (which
 * watches a change concerns) and the write, both inside the transaction they belong to.
 */
export type FollowUp = (rows: Row[]) => FollowUpStatement | null;
export interface FollowUpStatement {
  name: StatementName;
  params: Params;
  then?: FollowUp;
}

/** Called once per Cypher round trip: request metrics and the round-trip tests listen here. */
export type QueryListener = (name: StatementName, mode: 'READ' | 'WRITE') => void;

/** Called when a write transaction runs again after a transient error; clients never see those. */
export type RetryListener = (name: StatementName) => void;

/**
 * Whether reads carry bookmarks, so that a read on any cluster member sees every write this
 * process made. Only a routing URI (neo4j://) can send a read to a member that lags; on one
 * server (bolt://) every committed write is already visible, and bookmarks only cost time.
 */
export const readsNeedBookmarks = (uri: string) => /^neo4j(\+s|\+ssc)?:/.test(uri);

/**
 * Runs registered statements, reads routed to readers, writes to the leader, transient errors
 * retried; a failure that outlasts the retries is a DatabaseUnavailableError. Only this class
 * touches sessions.
 */
export class GraphExecutor {
  private readonly listeners = new Set<QueryListener>();
  private readonly retryListeners = new Set<RetryListener>();

  constructor(
    private readonly driver: Driver,
    private readonly statements: ReadonlyMap<StatementName, Statement>,
    private readonly database: string | undefined,
    private readonly causalReads = true,
  ) {}

  /**
   * One auto-commit transaction: RUN and PULL in one round trip, where a managed transaction
   * adds a COMMIT (a third of a typical read's time). A read changes nothing, so this retries
   * transient errors itself, as a managed transaction would.
   */
  async read(name: StatementName, params: Params = {}): Promise<Row[]> {
    const retryUntil = Date.now() + Math.min(RETRY_FOR_MS, timeLeft() ?? RETRY_FOR_MS);
    for (let delay = FIRST_RETRY_DELAY_MS; ; delay *= 2) {
      // A key's reads wait their turn here, not in Neo4j's queue ahead of other callers' (src/graph/fair-share.ts).
      const done = await takeTurn();
      let failure: unknown;
      try {
        return await this.inSession(name, params, 'READ');
      } catch (error) {
        failure = error;
      } finally {
        done();
      }
      if (!(failure instanceof DatabaseUnavailableError) || Date.now() + delay > retryUntil) throw failure;
      await sleep(delay * (0.8 + Math.random() * 0.4));
    }
  }

  /** A managed transaction: the driver retries it on transient errors, on the leader. */
  /** read(), its rows checked against and typed by `shape` (row-shape.ts). */
  async readAs<T>(name: StatementName, shape: z.ZodType<T>, params: Params = {}): Promise<T[]> {
    return shaped(name, shape, await this.read(name, params));
  }

  /** write(), its rows checked against and typed by `shape` (row-shape.ts). */
  async writeAs<T>(name: StatementName, shape: z.ZodType<T>, params: Params = {}): Promise<T[]> {
    return shaped(name, shape, await this.write(name, params));
  }

  async write(name: StatementName, params: Params = {}): Promise<Row[]> {
    const statement = this.prepare(name, params, 'WRITE');
    try {
      const result = await this.driver.executeQuery(statement.text, toParameter(params) as Params, {
        routing: neo4j.routing.WRITE,
        ...(this.database ? { database: this.database } : {}),
        transactionConfig: transactionConfig(name),
      });
      return plainRows(result);
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }

  /**
   * A managed write whose rows decide a second statement run in the same transaction (the alert
   * outbox beside a batch of reports, src/monitoring): both commit or neither does, and a retry
   * reruns both. `next` answering null runs nothing more.
   */
  writeThen(name: StatementName, params: Params, next: FollowUp): Promise<Row[]> {
    return this.writeEach(name, 1, () => Promise.resolve(params), [next]);
  }

  /** A session for one managed write transaction; later reads in any session see what it wrote. */
  private writeSession() {
    return this.driver.session({
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
      ...(this.database ? { database: this.database } : {}),
    });
  }

  /**
   * One managed write transaction running `name` once per part: part i+1 is asked for (and so
   * prepared, by a `part` that must memoise) while the database writes part i. The parts commit
   * together or not at all, and a transient error (a deadlock) reruns the whole from the same
   * prepared parts, counted by `onRetry` listeners. A null part runs nothing; each of `then` runs
   * after each part, in order, in the same transaction, given that part's rows (the indicators of
   * the new reports, the alert outbox).
   */
  async writeEach(
    name: StatementName,
    count: number,
    part: (i: number) => Promise<Params | null>,
    then: readonly FollowUp[] = [],
  ): Promise<Row[]> {
    const session = this.writeSession();
    let attempt = 0;
    try {
      return await session.executeWrite(async (tx) => {
        if (attempt++ > 0) for (const listener of this.retryListeners) listener(name);
        const rows: Row[] = [];
        for (let i = 0; i < count; i++) {
          const params = await part(i);
          const running = params ? tx.run(this.prepare(name, params, 'WRITE').text, toParameter(params) as Params) : null;
          if (i + 1 < count) part(i + 1).catch(() => {}); // awaited on the next turn of the loop; started now to overlap the write
          if (!running) continue;
          const written = plainRows(await running);
          for (const next of then) await this.followUp(tx, next, written);
          rows.push(...written);
        }
        return rows;
      }, transactionConfig(name));
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs `next`'s statement, then each further one its `then` chooses, in `tx`. */
  private async followUp(tx: ManagedTransaction, next: FollowUp, rows: Row[]): Promise<void> {
    for (let follow = next(rows); follow;) {
      const followRows = plainRows(
        await tx.run(this.prepare(follow.name, follow.params, 'WRITE').text, toParameter(follow.params) as Params),
      );
      follow = follow.then ? follow.then(followRows) : null;
    }
  }

  /**
   * For `CALL { } IN TRANSACTIONS`, which only an auto-commit transaction may run. Shares the
   * bookmarks of read/write, so a read that follows sees what this wrote, on any cluster member.
   */
  autoCommit(name: StatementName, params: Params = {}): Promise<Row[]> {
    return this.inSession(name, params, 'WRITE');
  }

  /**
   * As autoCommit, with how much it changed (nodes and relationships created or deleted, properties
   * set, summed over its inner transactions): detection logs it per step, to show where time goes.
   */
  async autoCommitCounted(name: StatementName, params: Params = {}): Promise<Written> {
    const result = await this.inSession(name, params, 'WRITE', (whole) => whole);
    const updates = result.summary.counters.updates();
    const writes = Object.values(updates).reduce((sum, count) => sum + count, 0);
    return { rows: plainRows(result), writes };
  }

  /**
   * Whether the database answers now: one connectivity check, no retries, within `timeoutMs`
   * (a readiness probe must answer fast, unlike a managed transaction that retries for 30 s).
   */
  async ping(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const check = this.driver.verifyConnectivity(this.database ? { database: this.database } : {}).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([check, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called each time writeEach reruns a transaction after a transient error (a deadlock): metrics count them. */
  onRetry(listener: RetryListener): () => void {
    this.retryListeners.add(listener);
    return () => this.retryListeners.delete(listener);
  }

  statement(name: StatementName): Statement {
    const statement = this.statements.get(name);
    if (!statement) throw new Error(`cypher/${name}.cypher is not loaded`);
    return statement;
  }

  private prepare(name: StatementName, params: Params, mode: 'READ' | 'WRITE'): Statement {
    const statement = this.statement(name);
    checkParameters(statement, params);
    for (const listener of this.listeners) listener(name, mode);
    return statement;
  }

  private inSession(name: StatementName, params: Params, mode: 'READ' | 'WRITE'): Promise<Row[]>;
  private inSession<T>(name: StatementName, params: Params, mode: 'READ' | 'WRITE', keep: (result: QueryResult) => T): Promise<T>;
  private async inSession(
    name: StatementName,
    params: Params,
    mode: 'READ' | 'WRITE',
    keep: (result: QueryResult) => unknown = plainRows,
  ): Promise<unknown> {
    const statement = this.prepare(name, params, mode);
    const session = this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(mode === 'WRITE' || this.causalReads ? { bookmarkManager: this.driver.executeQueryBookmarkManager } : {}),
      ...(this.database ? { database: this.database } : {}),
    });
    try {
      return keep(await session.run(statement.text, toParameter(params) as Params, transactionConfig(name)));
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }
}

/** Metadata names the statement in SHOW TRANSACTIONS; inside a request, the time it has left is the transaction's timeout. */
function transactionConfig(name: StatementName): { metadata: Record<string, string>; timeout?: number } {
  const left = timeLeft();
  return { metadata: { app: 'scamgraph', statement: name }, ...(left === undefined ? {} : { timeout: Math.max(1, Math.ceil(left)) }) };
}

const plainRows = (result: QueryResult): Row[] => result.records.map((record) => toPlain(record.toObject()) as Row);

/**
 * Unreachable, or a transient error the managed transaction's retries did not outlast (a
 * deadlock, a transaction terminated by a shutting-down server, a database still starting):
 * the client should retry later, so DATABASE_UNAVAILABLE rather than an internal error.
 */
function mapNeo4jError(error: unknown): unknown {
  if (error instanceof Neo4jError && isTimeout(error.code)) {
    return new DeadlineExceededError('the request ran out of time; the database stopped its work', { cause: error });
  }
  if (error instanceof Neo4jError && (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || error.retryable)) {
    return new DatabaseUnavailableError(`the graph database is unavailable: ${error.message}`, { cause: error });
  }
  return error;
}
