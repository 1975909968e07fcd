// Issue 8, faults: a client sends 20,000 reports in batches of 500 and retries any batch that
// gets no answer or an error, with the same externalIds; midway the test stops Neo4j (once
// cleanly, once with a kill) and starts it again on the same home and port. Afterwards every
// report is there exactly once.
// Runs on a Neo4j of its own (only with the local runtime), so the outage disturbs no other file.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { defaultHome, startLocalNeo4j, type LocalNeo4j } from '../../scripts/neo4j/runtime.js';
import { loadConfig } from '../../src/config/config.js';
import { runService, type RunningService } from '../../src/main.js';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import { freeStablePort } from '../../scripts/neo4j/free-port.js';
import { setTimeout as sleep } from 'node:timers/promises';

const TOTAL = 20_000;
const BATCH = 500;
const SENDERS = 4;
/** Each number is the callback number of TOTAL / NUMBERS reports, so its counts can be checked. */
const NUMBERS = 200;
/** More than the driver's 30 s of managed-transaction retries, so the server answers before we give up. */
const REQUEST_TIMEOUT_MS = 90_000;
const INGEST_DEADLINE_MS = 10 * 60_000;
/** /readyz runs a managed read: while the database is down it answers only after the driver's 30 s of retries. */
const READYZ_TIMEOUT_MS = 90_000;

const RUN = `fault-${randomBytes(4).toString('hex')}`;
const HOME = defaultHome(`faults-${process.pid}`);
const log = (line: string) => console.log(`[faults ${new Date().toISOString().slice(11, 19)}] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const numberOf = (i: number) => `+614120${String(i % NUMBERS).padStart(5, '0')}`;
const reportOf = (i: number) => ({ externalId: `${RUN}-${i}`, source: RUN, channel: 'SMS', callbackNumbers: [numberOf(i)] });

interface Answer {
  readonly externalId: string;
  readonly reportId: string;
  readonly duplicate: boolean;
  readonly attempt: number;
}

let neo4jServer: LocalNeo4j | undefined;
let service: RunningService | undefined;
let driver: Driver | undefined;

afterAll(async () => {
  await driver?.close();
  await service?.stop();
  await neo4jServer?.stop();
  await rm(HOME, { recursive: true, force: true });
}, 120_000);

describe('Neo4j restarts in the middle of a 20,000-report ingest', () => {
  it(
    'loses no report and writes none twice; /readyz follows the database',
    async (context) => {
      if (inject('neo4jServer') !== 'local') {
        context.skip(`needs the project's own Neo4j runtime to stop and restart; this run uses a ${inject('neo4jServer')} server`);
      }
      const started = Date.now();
      const port = await freeStablePort();
      const start = () => startLocalNeo4j({ port, home: HOME, heap: '1g', pageCache: '256m', log: (line) => log(`neo4j: ${line}`) });
      neo4jServer = await startLocalNeo4j({
        port,
        home: HOME,
        heap: '1g',
        pageCache: '256m',
        wipeData: true,
        log: (line) => log(`neo4j: ${line}`),
      });
      // The service's own error log: what an internal error was, when a client saw one.
      const serverErrors: string[] = [];
      service = await runService(
        loadConfig({
          PORT: '0',
          LOG_LEVEL: 'error',
          NODE_ENV: 'test',
          SCAMGRAPH_ADMIN_KEY: TEST_ADMIN_KEY,
          RATE_LIMIT_PER_MINUTE: '100000',
        }),
        neo4jServer.uri,
        { write: (line: string) => void (serverErrors.length < 50 && serverErrors.push(line.slice(0, 600))) },
      );
      driver = neo4j.driver(neo4jServer.uri, undefined, { disableLosslessIntegers: true });
      const graphql = service.url;
      const readyz = new URL('/readyz', graphql);
      log(
        `Neo4j and service up in ${seconds(Date.now() - started)}; sending ${TOTAL} reports in batches of ${BATCH}, ${SENDERS} at a time`,
      );

      // The client: each sender takes the next batch and sends it until every item is answered.
      const answers = new Map<string, Answer>();
      const failures = new Map<string, number>();
      let retries = 0;
      let retriedBatches = 0;
      let nextBatch = 0;
      const ingestDeadline = Date.now() + INGEST_DEADLINE_MS;
      const batches = Array.from({ length: TOTAL / BATCH }, (_, b) => Array.from({ length: BATCH }, (_, i) => reportOf(b * BATCH + i)));
      const submit = 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { index duplicate errors { code } report { id } } }';

      async function sendBatch(reports: ReturnType<typeof reportOf>[]): Promise<void> {
        for (let attempt = 1; ; attempt++) {
          let failure: string;
          try {
            const response = await fetch(graphql, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
              body: JSON.stringify({ query: submit, variables: { r: reports } }),
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
            const body = (await response.json()) as { data?: { submitReports?: any[] }; errors?: any[] };
            const results = body.data?.submitReports ?? [];
            const complete = results.length === reports.length && results.every((r) => r.errors.length === 0 && r.report?.id);
            if (response.ok && !body.errors && complete) {
              results.forEach((result, i) => {
                const externalId = reports[i]!.externalId;
                answers.set(externalId, { externalId, reportId: result.report.id, duplicate: result.duplicate, attempt });
              });
              if (attempt > 1) retriedBatches++;
              return;
            }
            failure = `HTTP ${response.status} ${body.errors ? [...new Set(body.errors.map((e) => e.extensions?.code))].join('+') : (results.find((r) => r.errors.length)?.errors[0]?.code ?? 'incomplete')}`;
          } catch (error) {
            failure = `no answer (${(error as Error).name})`;
          }
          failures.set(failure, (failures.get(failure) ?? 0) + 1);
          retries++;
          if (Date.now() > ingestDeadline) throw new Error(`gave up on a batch after ${attempt} attempts; last: ${failure}`);
          await sleep(Math.min(250 * 2 ** (attempt - 1), 5_000) + Math.random() * 250);
        }
      }
      const senders = Array.from({ length: SENDERS }, async () => {
        while (nextBatch < batches.length) await sendBatch(batches[nextBatch++]!);
      });
      const progress = setInterval(() => log(`${answers.size}/${TOTAL} answered, ${retries} retries`), 5_000);

      // Two outages: a clean stop (SIGTERM: Neo4j terminates open transactions) a third of the way
      // in, a crash (SIGKILL: connections drop mid-commit) two thirds in; each time /readyz is
      // asked while the database is down, then Neo4j starts again on the same home and port.
      async function outage(after: number, signal: 'SIGTERM' | 'SIGKILL') {
        while (answers.size < after) await sleep(100);
        const stopping = Date.now();
        const { pid } = neo4jServer!;
        log(`${answers.size} answered: ${signal} to Neo4j (pid ${pid})`);
        if (signal === 'SIGKILL') process.kill(pid, 'SIGKILL');
        await neo4jServer!.stop(); // after a kill: only reaps it and unhooks its exit handlers
        const down = Date.now();
        const probe = Date.now();
        const whileDown = (await fetch(readyz, { signal: AbortSignal.timeout(READYZ_TIMEOUT_MS) })).status;
        const readyzLatency = Date.now() - probe;
        log(`Neo4j gone ${seconds(down - stopping)} after ${signal}; /readyz answered ${whileDown} in ${seconds(readyzLatency)}`);
        neo4jServer = await start();
        const restarted = Date.now();
        let afterRestart = 0;
        while (Date.now() - restarted < READYZ_TIMEOUT_MS) {
          afterRestart = (await fetch(readyz, { signal: AbortSignal.timeout(READYZ_TIMEOUT_MS) }).catch(() => undefined))?.status ?? 0;
          if (afterRestart === 200) break;
          await sleep(250);
        }
        const ready = Date.now();
        log(
          `Neo4j started again in ${seconds(restarted - down)}; /readyz ${afterRestart} ${seconds(ready - restarted)} later; database down ${seconds(restarted - stopping)}`,
        );
        return { signal, whileDown, readyzLatency, afterRestart, downtime: restarted - stopping, untilReady: ready - stopping };
      }
      const outages = (async () => [await outage(TOTAL / 3, 'SIGTERM'), await outage((2 * TOTAL) / 3, 'SIGKILL')])();

      let timings: Awaited<typeof outages>;
      try {
        // A failed restart fails the test now, not at the ingest deadline.
        [timings] = await Promise.all([outages, ...senders]);
      } finally {
        clearInterval(progress);
      }
      log(
        `ingest done in ${seconds(Date.now() - started)}: ${retries} retries of ${retriedBatches} batches; failures seen: ` +
          `${JSON.stringify(Object.fromEntries(failures))}`,
      );

      expect(timings.map((t) => [t.signal, t.whileDown, t.afterRestart])).toEqual([
        ['SIGTERM', 503, 200],
        ['SIGKILL', 503, 200],
      ]);
      // While it is down the database answers DATABASE_UNAVAILABLE, DEADLINE_EXCEEDED (a request
      // that waited out the restart: its transaction was stopped, nothing half-written, so the
      // client retries it) or not at all: never an internal error.
      const unexpected = [...failures.keys()].filter((failure) => !/DATABASE_UNAVAILABLE|DEADLINE_EXCEEDED|no answer/.test(failure));
      expect(unexpected, `the service logged:\n${serverErrors.join('\n')}`).toEqual([]);

      // Every report once, each with one callback edge, and counts that saw each report once.
      const { records } = await driver.executeQuery(
        `MATCH (r:Report {source: $source})
       OPTIONAL MATCH (r)-[c:CALLBACK_NUMBER]->(:PhoneNumber)
       WITH r, count(c) AS edges
       RETURN r.externalId AS externalId, r.id AS id, edges`,
        { source: RUN },
      );
      const stored = new Map<string, { id: string; edges: number }>();
      const twice = new Set<string>();
      for (const record of records) {
        if (stored.has(record.get('externalId'))) twice.add(record.get('externalId'));
        stored.set(record.get('externalId'), { id: record.get('id'), edges: record.get('edges') });
      }
      const expected = batches.flat().map((report) => report.externalId);
      expect(twice.size).toBe(0);
      expect(expected.filter((externalId) => !stored.has(externalId))).toEqual([]);
      expect(stored.size).toBe(TOTAL);
      expect([...stored.values()].filter((report) => report.edges !== 1)).toEqual([]);

      // Answers agree with the graph: each names the stored report. A duplicate may answer a first
      // attempt too: the driver retried a transaction that had committed, and found it stored.
      expect(answers.size).toBe(TOTAL);
      expect([...answers.values()].filter((answer) => stored.get(answer.externalId)?.id !== answer.reportId)).toEqual([]);
      const duplicates = [...answers.values()].filter((answer) => answer.duplicate);

      const { records: numbers } = await driver.executeQuery(
        `UNWIND $numbers AS e164
       MATCH (p:PhoneNumber {e164: e164})
       RETURN e164, p.reportCount AS reportCount, p.callbackCount AS callbackCount, COUNT { (p)<-[:CALLBACK_NUMBER]-() } AS edges`,
        { numbers: Array.from({ length: NUMBERS }, (_, i) => numberOf(i)) },
      );
      expect(numbers).toHaveLength(NUMBERS);
      const perNumber = TOTAL / NUMBERS;
      expect(
        numbers
          .map((r) => r.toObject())
          .filter((r) => r['reportCount'] !== perNumber || r['callbackCount'] !== perNumber || r['edges'] !== perNumber),
      ).toEqual([]);

      log(
        `checked: ${stored.size} reports once each, ${duplicates.length} answered duplicate; ${timings
          .map(
            (t) =>
              `${t.signal}: database down ${seconds(t.downtime)}, ready again after ${seconds(t.untilReady)}, /readyz took ${seconds(t.readyzLatency)} to answer ${t.whileDown}`,
          )
          .join('; ')}; total ${seconds(Date.now() - started)}`,
      );
    },
    20 * 60_000,
  );
});
