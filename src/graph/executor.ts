import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';
import { checkParameters, type Statement, type StatementName } from './cypher-registry.js';
import { toParameter, toPlain } from './values.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** The database could not answer; retried transient errors that still failed end here too. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Called once per Cypher round trip: request metrics and the round-trip tests listen here. */
export type QueryListener = (name: StatementName, mode: 'READ' | 'WRITE') => void;

/**
 * Runs registered statements in managed transactions (the driver retries transient errors),
 * reads routed to readers, writes to the leader. Only this class touches sessions.
 */
export class GraphExecutor {
  private readonly listeners = new Set<QueryListener>();

  constructor(
    private readonly driver: Driver,
    private readonly statements: ReadonlyMap<StatementName, Statement>,
    private readonly database: string | undefined,
  ) {}

  read(name: StatementName, params: Params = {}): Promise<Row[]> {
    return this.run(name, params, 'READ');
  }

  write(name: StatementName, params: Params = {}): Promise<Row[]> {
    return this.run(name, params, 'WRITE');
  }

  /**
   * For `CALL { } IN TRANSACTIONS`, which only an auto-commit transaction may run. Shares the
   * bookmarks of read/write, so a read that follows sees what this wrote, on any cluster member.
   */
  async autoCommit(name: StatementName, params: Params = {}): Promise<Row[]> {
    const statement = this.statement(name);
    checkParameters(statement, params);
    for (const listener of this.listeners) listener(name, 'WRITE');
    const session = this.driver.session({
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
      ...(this.database ? { database: this.database } : {}),
    });
    try {
      const result = await session.run(statement.text, toParameter(params) as Params);
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Whether the database answers now: one connectivity check, no retries, within `timeoutMs`
   * (a readiness probe must answer fast, unlike a managed transaction that retries for 30 s).
   */
  async ping(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const check = this.driver.verifyConnectivity(this.database ? { database: this.database } : {}).then(() => true, () => false);
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

  statement(name: StatementName): Statement {
    const statement = this.statements.get(name);
    if (!statement) throw new Error(`cypher/${name}.cypher is not loaded`);
    return statement;
  }

  private async run(name: StatementName, params: Params, mode: 'READ' | 'WRITE'): Promise<Row[]> {
    const statement = this.statement(name);
    checkParameters(statement, params);
    for (const listener of this.listeners) listener(name, mode);
    try {
      const result = await this.driver.executeQuery(statement.text, toParameter(params) as Params, {
        routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
        ...(this.database ? { database: this.database } : {}),
        transactionConfig: { metadata: { app: 'scamgraph', statement: name } },
      });
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } catch (error) {
      throw mapNeo4jError(error);
    }
  }
}

/**
 * Unreachable, or a transient error the managed transaction's retries did not outlast (a
 * deadlock, a transaction terminated by a shutting-down server, a database still starting):
 * the client should retry later, so DATABASE_UNAVAILABLE rather than an internal error.
 */
function mapNeo4jError(error: unknown): unknown {
  if (error instanceof Neo4jError && (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || error.retryable)) {
    return new DatabaseUnavailableError(`the graph database is unavailable: ${error.message}`, { cause: error });
  }
  return error;
}
