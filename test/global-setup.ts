// One Neo4j for the whole run: NEO4J_URI if set, else a testcontainer if Docker answers,
// else the project's own runtime (scripts/neo4j) on a free loopback port.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { defaultHome, startLocalNeo4j } from '../scripts/neo4j/runtime.js';
import { freePort } from '../scripts/neo4j/free-port.js';

async function dockerAnswers(): Promise<boolean> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  // Without an engine this rejects in well under a second.
  return getContainerRuntimeClient().then(
    () => true,
    () => false,
  );
}

type Provided = { [K in 'neo4jUri' | 'neo4jUser' | 'neo4jPassword' | 'neo4jServer' | 'neo4jHome']?: string };
interface SharedServer {
  provided: Provided;
  stop: () => Promise<void>;
  users: number;
}

/**
 * The tiers (vitest.config.ts) each run this setup; the first starts the server and the others
 * share it, so `npm test` starts one Neo4j, whatever the number of tiers. The last teardown stops it.
 */
const SHARED = Symbol.for('scamgraph.test.neo4j');
const registry = globalThis as { [SHARED]?: Promise<SharedServer> };

export default async function setup(project: TestProject) {
  registry[SHARED] ??= startServer();
  const server = await registry[SHARED];
  server.users++;
  for (const [key, value] of Object.entries(server.provided)) project.provide(key as 'neo4jUri', value as never);
  return async () => {
    if (--server.users > 0) return;
    delete registry[SHARED];
    await server.stop();
  };
}

/**
 * A test server lives three minutes and sees each statement a handful of times, on a graph every file
 * grows from nothing. By default Neo4j plans a statement again whenever the counts have moved (every
 * 10 s at most), and compiles a statement's expressions to bytecode after 10 runs. Planning is the
 * server's busiest Java code in a test run (the Cypher planner's AST rewriting, in Java Flight
 * Recorder), and a large statement takes up to seconds to plan on a cold JVM. Without both, the
 * integration tier took 174 to 184 s rather than 197 to 201 s. Results depend on neither (a plan may
 * be one made on a smaller graph); the service keeps Neo4j's defaults.
 */
const SHORT_LIVED = { 'dbms.cypher.min_replan_interval': '1h', 'internal.cypher.expression_engine': 'INTERPRETED' };

async function startServer(): Promise<SharedServer> {
  const log = (line: string) => console.log(`[neo4j] ${line}`);
  if (process.env.NEO4J_URI) {
    const provided = {
      neo4jUri: process.env.NEO4J_URI,
      neo4jUser: process.env.NEO4J_USER ?? '',
      neo4jPassword: process.env.NEO4J_PASSWORD ?? '',
      neo4jServer: 'external',
    };
    return { provided, stop: async () => {}, users: 0 };
  }

  if (await dockerAnswers()) {
    const { Neo4jContainer, Neo4jPlugin } = await import('@testcontainers/neo4j');
    log('starting neo4j:5.26-community with Docker');
    const container = await new Neo4jContainer('neo4j:5.26-community')
      .withPlugins([Neo4jPlugin.APOC, Neo4jPlugin.GRAPH_DATA_SCIENCE])
      .start();
    const provided = {
      neo4jUri: container.getBoltUri(),
      neo4jUser: container.getUsername(),
      neo4jPassword: container.getPassword(),
      neo4jServer: 'testcontainers',
    };
    return {
      provided,
      stop: async () => {
        await container.stop();
      },
      users: 0,
    };
  }

  // A home per run, so parallel runs in one checkout (or a crashed earlier one) never share a store.
  const home = defaultHome(`test-${process.pid}`);
  // Ten minutes, not the runtime's two: a two-core machine busy with other work took over two
  // minutes to open Bolt once its plugins were loaded, and every tier waits on this one start.
  const server = await startLocalNeo4j({ port: await freePort(), home, wipeData: true, log, timeoutMs: 600_000, settings: SHORT_LIVED });
  const provided = { neo4jUri: server.uri, neo4jUser: '', neo4jPassword: '', neo4jServer: 'local', neo4jHome: home };
  const stop = async () => {
    await server.stop();
    await rm(home, { recursive: true, force: true });
  };
  return { provided, stop, users: 0 };
}
