import { randomInt, randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { runService, type RunningService } from '../../src/main.js';

/** The suite's admin key (SCAMGRAPH_ADMIN_KEY of every test app). */
export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApp {
  readonly url: string;
  /** Counts Cypher round trips while `work` runs. */
  roundTrips(work: () => Promise<unknown>): Promise<number>;
  /** Tells `listener` the name of each statement the app runs from now on; returns the unsubscribe. */
  onStatement(listener: (name: string) => void): () => void;
  /** POSTs one GraphQL operation; returns the whole response body. */
  /** POSTs one GraphQL operation as the admin, or with `key` (null: no Authorization header). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<{ data?: T; errors?: any[]; status: number }>;
  /** The heavy-lane process, for an app started with HEAVY_LANE=process. */
  heavyLane: RunningService['heavyLane'];
  stop(): Promise<void>;
}

/** The real service on a free port, over the suite's Neo4j (test/global-setup.ts). */
export async function startTestApp(env: Record<string, string> = {}, logDestination?: DestinationStream): Promise<TestApp> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    NEO4J_USER: inject('neo4jUser') || 'neo4j',
    NEO4J_PASSWORD: inject('neo4jPassword'),
    SCAMGRAPH_ADMIN_KEY: TEST_ADMIN_KEY,
    // Suites share one admin key and ask far more than a client would a minute; cost-limits.test.ts sets its own.
    COST_BUDGET_PER_MINUTE: '1000000000',
    // A busy machine runs the suites: a request's deadline and its key's parallel requests are tested where set.
    REQUEST_DEADLINE_MS: '120000',
    MAX_IN_FLIGHT_PER_KEY: '1000',
    // Suites share one Neo4j: an app delivering webhooks would claim other files' alerts, so only the files that test delivery deliver.
    ALERT_DELIVERY: 'false',
    // One process per app: heavy-lane.test.ts starts apps with their lane.
    HEAVY_LANE: 'inline',
    ...env,
  });
  const service: RunningService = await runService(config, inject('neo4jUri'), logDestination);
  return {
    url: service.url,
    heavyLane: () => service.heavyLane(),
    onStatement: (listener) => service.graph.onQuery((name) => listener(name)),
    async roundTrips(work) {
      let count = 0;
      const stopListening = service.graph.onQuery(() => count++);
      try {
        await work();
      } finally {
        stopListening();
      }
      return count;
    },
    async gql(query, variables = {}, key = TEST_ADMIN_KEY) {
      const response = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { ...((await response.json()) as { data?: any; errors?: any[] }), status: response.status };
    },
    stop: () => service.stop(),
  };
}

const MOBILES = 5_000_000;

/**
 * A valid AU mobile no other test uses, so counts stay this test's own. Drawn in turn from a random
 * start, not at random: a tier draws tens of thousands, and random draws from one range collided about
 * once a run (two numbers alike in birthday odds, or one of feeds' +61 410 000 xxx), which added a
 * stranger's report to a campaign's counts. +61 415 to 419: no fixed number in the tests is there.
 */
let drawn = randomInt(0, MOBILES);
export const uniqueMobile = () => `+6141${MOBILES + (drawn++ % MOBILES)}`;

/** A registrable domain no other test uses. */
export const uniqueDomain = () => `t${randomUUID().slice(0, 12)}.com.au`;

export const uniqueId = () => randomUUID();
