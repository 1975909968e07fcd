import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { startApp, type App } from './app.js';
import type { Config } from './config/config.js';
import { createDriver } from './graph/driver.js';
import type { GraphExecutor } from './graph/executor.js';

export interface RunningService {
  readonly url: string;
  readonly graph: GraphExecutor;
  /** The admin key a first start created (no SCAMGRAPH_ADMIN_KEY, none in the graph): print it once. */
  readonly firstAdminKey: string | null;
  /** The heavy-lane process while one runs (HEAVY_LANE=process). */
  readonly heavyLane: App['heavyLane'];
  /** Plans the explorer's statements in Neo4j ahead of the first search: `npm start` runs it once serving. */
  readonly warm: App['warm'];
  /** Draws the largest campaign's page through this process's GraphQL path: the heavy-lane process runs it (lane-warm-up.ts). */
  readonly warmUpLane: App['warmUpLane'];
  /** Drains requests in flight, then closes the driver. */
  stop(): Promise<void>;
}

/** Connects to `uri`, migrates, serves; the caller decides what runs Neo4j. */
export async function runService(config: Config, uri: string, logDestination?: pino.DestinationStream): Promise<RunningService> {
  const logger = pino({ level: config.LOG_LEVEL, name: 'scamgraph' }, logDestination ?? pino.destination(1));
  const driver: Driver = createDriver({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD });
  await driver.verifyConnectivity();
  const app = await startApp(config, driver, uri, logger);
  const [server] = await app.graph.read('reads/server-components');
  const [plugins] = await app.graph.read('reads/installed-plugins');
  logger.info({ url: app.server.url, neo4j: server, procedures: plugins?.['procedures'] }, 'scamgraph is serving');
  return {
    url: app.server.url,
    graph: app.graph,
    firstAdminKey: app.firstAdminKey,
    heavyLane: app.heavyLane,
    warm: app.warm,
    warmUpLane: app.warmUpLane,
    stop: async () => {
      await app.server.stop();
      await driver.close();
      logger.info('scamgraph stopped');
    },
  };
}
