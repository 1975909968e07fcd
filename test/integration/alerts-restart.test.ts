// Issue 18: an alert written before Neo4j restarts is delivered after it. Runs on a Neo4j of its own
// (only with the project's runtime), stopped and started again on the same home and port between the
// report that caused the alert and its delivery, so the outage disturbs no other file.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { defaultHome, startLocalNeo4j, type LocalNeo4j } from '../../scripts/neo4j/runtime.js';
import { loadConfig } from '../../src/config/config.js';
import { runService, type RunningService } from '../../src/main.js';
import { TEST_ADMIN_KEY, uniqueMobile } from '../helpers/app.js';
import { startReceiver } from '../helpers/webhook-receiver.js';
import { freeStablePort } from '../../scripts/neo4j/free-port.js';

const HOME = defaultHome(`alerts-restart-${process.pid}`);
/** A loaded two-core machine takes minutes to start Neo4j with its plugins. */
const START_MS = 600_000;
let neo4jServer: LocalNeo4j | undefined;
let service: RunningService | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterAll(async () => {
  await service?.stop();
  await neo4jServer?.stop();
  await receiver?.close();
  await rm(HOME, { recursive: true, force: true });
}, 120_000);

const serve = (uri: string, deliver: boolean) =>
  runService(
    loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      SCAMGRAPH_ADMIN_KEY: TEST_ADMIN_KEY,
      ALERT_DELIVERY: String(deliver),
      ALERT_POLL_MS: '200',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_RETRY_BASE_MS: '200',
    }),
    uri,
  );
async function gql(query: string, variables: Record<string, unknown>) {
  const response = await fetch(service!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('alerts across a Neo4j restart', () => {
  it(
    'delivers an alert whose report was written before Neo4j stopped',
    async (context) => {
      if (inject('neo4jServer') !== 'local')
        context.skip(`needs the project's own Neo4j runtime to stop and restart; this run uses a ${inject('neo4jServer')} server`);
      const port = await freeStablePort();
      neo4jServer = await startLocalNeo4j({ port, home: HOME, wipeData: true, timeoutMs: START_MS });
      receiver = await startReceiver();
      service = await serve(neo4jServer.uri, false);
      const number = uniqueMobile();
      await gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', {
        r: [{ channel: 'SMS', callbackNumbers: [number] }],
      });
      await gql(
        'mutation($n: String!, $h: String!) { createWatch(kind: INDICATOR, indicatorKind: "phone", target: $n, webhookUrl: $h) { watch { id } } }',
        { n: number, h: `${receiver.url}/hook` },
      );
      const externalId = randomUUID();
      const [written] = (
        await gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { report { id } } }', {
          r: [{ channel: 'SMS', callbackNumbers: [number], externalId, source: 'restart' }],
        })
      ).submitReports;
      await service.stop(); // this process delivered nothing (ALERT_DELIVERY=false)
      service = undefined;
      await neo4jServer.stop();
      expect(receiver.received).toEqual([]);
      neo4jServer = await startLocalNeo4j({ port, home: HOME, timeoutMs: START_MS });
      service = await serve(neo4jServer.uri, true);
      const [request] = await receiver.waitFor('/hook', 1, 120_000);
      expect(JSON.parse(request!.body)).toMatchObject({ event: 'NEW_REPORT', reportId: written.report.id, subject: { value: number } });
    },
    3 * START_MS,
  );
});
