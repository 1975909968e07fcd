import path from 'node:path';
import type { Config } from '../../src/config/config.js';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { createDriver } from '../../src/graph/driver.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { boltUri, runningPid, startLocalNeo4j, type Log } from '../neo4j/runtime.js';

export interface OpenGraph {
  readonly graph: GraphExecutor;
  readonly uri: string;
  close(): Promise<void>;
}

/**
 * The graph a command works on: NEO4J_URI when set; else the project's own Neo4j in
 * NEO4J_HOME, joined if it already runs (npm run neo4j:start, npm run dev) or started for
 * this command and stopped after it. Migrations are applied either way, as the API does.
 */
export async function openGraph(config: Config, log: Log): Promise<OpenGraph> {
  const home = path.resolve(config.NEO4J_HOME);
  const alreadyRunning = !config.NEO4J_URI && (await runningPid(home)) !== undefined;
  const local =
    config.NEO4J_URI || alreadyRunning
      ? undefined
      : await startLocalNeo4j({ port: config.NEO4J_PORT, home, heap: config.NEO4J_HEAP, pageCache: config.NEO4J_PAGECACHE, log });
  // A server already running (npm start, neo4j:start) is dialled where it listens, which its own
  // conf says: it may have been started with another NEO4J_PORT than this command sees.
  const running = alreadyRunning ? await boltUri(home) : undefined;
  const uri = config.NEO4J_URI ?? local?.uri ?? running ?? `bolt://127.0.0.1:${config.NEO4J_PORT}`;
  log(
    config.NEO4J_URI
      ? `Neo4j: ${uri} (NEO4J_URI)`
      : `Neo4j: ${uri}, the project's own in ${path.relative(process.cwd(), home) || home}${alreadyRunning ? ', already running' : ', started for this command'}`,
  );
  const driver = createDriver({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD });
  const close = async () => {
    await driver.close();
    await local?.stop();
  };
  try {
    await driver.verifyConnectivity();
    const graph = new GraphExecutor(driver, loadCypherRegistry(), config.NEO4J_DATABASE);
    await applyMigrations(graph);
    return { graph, uri, close };
  } catch (error) {
    await close();
    throw error;
  }
}
