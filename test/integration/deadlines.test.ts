// Issue 16: a request's deadline reaches Neo4j. A write waiting on a lock another transaction
// holds is stopped by the database when its request's time is up: the client gets
// DEADLINE_EXCEEDED and SHOW TRANSACTIONS no longer lists it, while the lock is still held.
// A key has a bound on requests in flight; another key is served meanwhile.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueMobile, type TestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/neo4j.js';

const DEADLINE_MS = 3_000;
let app: TestApp;
let driver: Driver;
beforeAll(async () => {
  app = await startTestApp({ REQUEST_DEADLINE_MS: String(DEADLINE_MS), MAX_IN_FLIGHT_PER_KEY: '1' });
  driver = testDriver();
});
afterAll(async () => {
  await driver?.close();
  await app?.stop();
});

const setStatus = (number: string, status: string) =>
  app.gql(`mutation { setDisruptionStatus(kind: "phone", value: "${number}", status: ${status}) { status } }`);

async function runningStatements(): Promise<string[]> {
  const { records } = await driver.executeQuery('SHOW TRANSACTIONS YIELD metaData RETURN metaData.statement AS statement');
  return records.map((record) => record.get('statement') as string).filter(Boolean);
}

describe('deadlines', () => {
  it('stops a slow transaction in Neo4j and answers DEADLINE_EXCEEDED; a second request of the key is refused, another key served', async () => {
    const number = uniqueMobile();
    const other = (await app.gql('mutation { createApiKey(name: "deadline-test", role: ANALYST) { key } }')).data?.createApiKey
      .key as string;
    // Set up straight in the graph: on a busy machine an API write could itself outlast the short deadline.
    await driver.executeQuery(
      `MERGE (n:PhoneNumber {e164: $number}) SET n.reportCount = 1
       MERGE (n)-[:HAS_DISRUPTION]->(:Disruption {key: 'phone:' + $number, status: 'UNDER_REVIEW', version: 1})`,
      { number },
    );

    // Another transaction takes the disruption's write lock and keeps it.
    const session = driver.session();
    const holder = await session.beginTransaction();
    await holder.run('MATCH (d:Disruption {key: $key}) SET d.version = d.version', { key: `phone:${number}` });
    try {
      const started = Date.now();
      const waiting = setStatus(number, 'FALSE_POSITIVE');
      // Wait until it is inside Neo4j, waiting on the lock.
      while (!(await runningStatements()).includes('disruption/set-disruption-status')) {
        expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
        await sleep(50);
      }
      const busy = await app.gql('{ __typename }');
      expect(busy).toMatchObject({ status: 429, errors: [{ extensions: { code: 'TOO_MANY_IN_FLIGHT' } }] });
      expect((await app.gql('{ __typename }', {}, other)).data).toEqual({ __typename: 'Query' });

      const answer = await waiting;
      const took = Date.now() - started;
      expect(answer.errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
      expect(took).toBeGreaterThanOrEqual(DEADLINE_MS - 100);
      expect(took).toBeLessThan(DEADLINE_MS + 3_000);
      // Gone from the database while the lock it waited for is still held: Neo4j stopped it.
      expect(await runningStatements()).not.toContain('disruption/set-disruption-status');
    } finally {
      await holder.rollback();
      await session.close();
    }
    // Nothing was written, and the key has its slot back.
    const { records } = await driver.executeQuery('MATCH (d:Disruption {key: $key}) RETURN d.status AS status', { key: `phone:${number}` });
    expect(records[0]?.get('status')).toBe('UNDER_REVIEW');
    expect((await app.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    // Only what this test wrote.
    await driver.executeQuery('MATCH (n:PhoneNumber {e164: $number})-[:HAS_DISRUPTION]->(d) DETACH DELETE n, d', { number });
  });
});
