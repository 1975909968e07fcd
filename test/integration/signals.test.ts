// Issue 16: SIGTERM or SIGINT to `npm start`, to its node process, or to its whole process group
// stops the service and the project's own Neo4j; no process is left (checked by pid).
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { isAlive } from '../../scripts/neo4j/runtime.js';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import { freePort } from '../../scripts/neo4j/free-port.js';

const home = path.join(tmpdir(), `scamgraph-signals-${process.pid}`);
afterAll(() => rm(home, { recursive: true, force: true }));

interface Started {
  readonly npm: ChildProcess;
  readonly url: string;
  readonly node: number;
  /** The heavy-lane process's pid. */
  readonly lane: number;
  readonly neo4j: number | undefined;
  stderr(): string;
}

/** `npm start` in a process group of its own; resolves once it serves. */
async function npmStart(ownNeo4j: boolean): Promise<Started> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SCAMGRAPH_ADMIN_KEY: TEST_ADMIN_KEY,
    NEO4J_URI: undefined,
  };
  if (ownNeo4j) Object.assign(env, { NEO4J_HOME: home, NEO4J_PORT: String(await freePort()), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' });
  else
    Object.assign(env, {
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser') || 'neo4j',
      NEO4J_PASSWORD: inject('neo4jPassword'),
    });
  const npm = spawn('npm', ['start'], { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    npm.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /GraphQL at (\S+) \(pid (\d+)(?:, Neo4j pid (\d+))?(?:, heavy lane pid (\d+))?\)/.exec(stderr);
      if (found) resolve(found);
    });
    npm.once('exit', () => reject(new Error(`npm start exited before serving:\n${stderr}`)));
  });
  // The heavy lane (HEAVY_LANE=process, the default) is a process of its own: it must go too.
  const lane = Number(ready[4]);
  expect(lane).toBeGreaterThan(0);
  return { npm, url: ready[1]!, node: Number(ready[2]), lane, neo4j: ready[3] ? Number(ready[3]) : undefined, stderr: () => stderr };
}

async function allGone(pids: number[], withinMs: number): Promise<number[]> {
  const until = Date.now() + withinMs;
  while (Date.now() < until && pids.some(isAlive)) await sleep(200);
  return pids.filter(isAlive);
}

describe('signals to npm start', () => {
  it("SIGTERM to npm stops the node process and the project's Neo4j", async () => {
    const started = await npmStart(true);
    expect(started.neo4j).toBeGreaterThan(0);
    expect((await fetch(started.url.replace('/graphql', '/healthz'))).status).toBe(200);
    process.kill(started.npm.pid!, 'SIGTERM');
    expect(await allGone([started.npm.pid!, started.node, started.lane, started.neo4j!], 60_000)).toEqual([]);
    expect(started.stderr()).toContain('draining requests');
  }, 400_000);

  // Over the suite's Neo4j: the first test shows the node process stopping the project's own.
  it('SIGINT to the whole process group stops everything', async () => {
    const started = await npmStart(false);
    process.kill(-started.npm.pid!, 'SIGINT');
    expect(await allGone([started.npm.pid!, started.node, started.lane], 30_000)).toEqual([]);
  }, 400_000);

  it('SIGTERM to the node process stops it and npm', async () => {
    const started = await npmStart(false);
    process.kill(started.node, 'SIGTERM');
    expect(await allGone([started.npm.pid!, started.node, started.lane], 30_000)).toEqual([]);
    expect(started.stderr()).toContain('draining requests');
  }, 400_000);
});
