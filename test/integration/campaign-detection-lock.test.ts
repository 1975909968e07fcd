import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetectionLock } from '../../src/campaigns/detection-lock.js';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { uniqueId, type TestApp } from '../helpers/app.js';
import { detect, startDetectionApp } from '../helpers/campaigns.js';
import { testDriver } from '../helpers/neo4j.js';

const DETECT = 'mutation { detectCampaigns { id startedAt finishedAt } }';
const driver = testDriver();
let first: TestApp;
let second: TestApp;
let impatient: TestApp;

beforeAll(async () => {
  // Three app instances over one database stand for three API processes.
  [first, second, impatient] = await Promise.all([
    startDetectionApp('auto'),
    startDetectionApp('auto'),
    startDetectionApp('auto', { CAMPAIGN_LOCK_WAIT_SECONDS: '0' }),
  ]);
});
afterAll(async () => {
  await Promise.all([first, second, impatient].map((app) => app?.stop()));
  await driver.close();
});

describe('never two detection runs at once', () => {
  it('shares one run between concurrent calls to one process', async () => {
    const [a, b] = await Promise.all([detect(first), detect(first)]);
    expect(a.id).toBe(b.id);
  });

  it('runs concurrent calls to two processes one after the other', async () => {
    const [a, b] = await Promise.all([detect(first), detect(second)]);
    expect(a.id).not.toBe(b.id);
    const [earlier, later] = [a, b].sort((x, y) => x.startedAt.localeCompare(y.startedAt));
    expect(later!.startedAt >= earlier!.finishedAt).toBe(true);
  });

  it('answers DETECTION_IN_PROGRESS past the wait, and runs once the other process lets go', async () => {
    const lock = new DetectionLock(new GraphExecutor(driver, loadCypherRegistry(), undefined));
    const holder = `test-${uniqueId()}`;
    expect(await lock.acquire(holder, 60_000)).toBe(true);
    try {
      const refused = await impatient.gql(DETECT);
      expect(refused.errors?.[0]?.extensions?.code).toBe('DETECTION_IN_PROGRESS');
      const waiting = detect(first);
      await sleep(1_000);
      const released = new Date().toISOString();
      await lock.release(holder);
      expect((await waiting).startedAt >= released).toBe(true);
    } finally {
      await lock.release(holder);
    }
  });
});
