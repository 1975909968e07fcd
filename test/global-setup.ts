// One Neo4j for the whole run: NEO4J_URI if set, else a testcontainer if Docker answers,
// else the project's own runtime (scripts/neo4j) on a free loopback port.
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { defaultHome, startLocalNeo4j } from '../scripts/neo4j/runtime.js';

const freePort = () => new Promise<number>((resolve, reject) => {
  const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});

async function dockerAnswers(): Promise<boolean> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  // Without an engine this rejects in well under a second.
  return getContainerRuntimeClient().then(() => true, () => false);
}

export default async function setup(project: TestProject) {
  const log = (line: string) => console.log(`[neo4j] ${line}`);
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    project.provide('neo4jUser', process.env.NEO4J_USER ?? '');
    project.provide('neo4jPassword', process.env.NEO4J_PASSWORD ?? '');
    project.provide('neo4jServer', 'external');
    return;
  }

  if (await dockerAnswers()) {
    const { Neo4jContainer, Neo4jPlugin } = await import('@testcontainers/neo4j');
    log('starting neo4j:5.26-community with Docker');
    const container = await new Neo4jContainer('neo4j:5.26-community')
      .withPlugins([Neo4jPlugin.APOC, Neo4jPlugin.GRAPH_DATA_SCIENCE])
      .start();
    project.provide('neo4jUri', container.getBoltUri());
    project.provide('neo4jUser', container.getUsername());
    project.provide('neo4jPassword', container.getPassword());
    project.provide('neo4jServer', 'testcontainers');
    return async () => { await container.stop(); };
  }

  // A home per run, so parallel runs in one checkout (or a crashed earlier one) never share a store.
  const home = defaultHome(`test-${process.pid}`);
  const server = await startLocalNeo4j({ port: await freePort(), home, wipeData: true, log });
  project.provide('neo4jUri', server.uri);
  project.provide('neo4jUser', '');
  project.provide('neo4jPassword', '');
  project.provide('neo4jServer', 'local');
  project.provide('neo4jHome', home);
  return async () => {
    await server.stop();
    await rm(home, { recursive: true, force: true });
  };
}
