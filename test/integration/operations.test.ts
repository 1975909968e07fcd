import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_KEY, uniqueMobile, type TestApp } from '../helpers/app.js';

const logLines: string[] = [];
const capture = { write: (line: string) => void logLines.push(line) };
let app: TestApp;
let origin: string;

beforeAll(async () => {
  app = await startTestApp({ LOG_LEVEL: 'info' }, capture);
  origin = new URL(app.url).origin;
});
afterAll(() => app?.stop());

describe('operations endpoints and logs', () => {
  it('answers /healthz and /readyz while the database is up', async () => {
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${origin}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('answers GraphQL without an ETag (no hash of every answer on the event loop), and keeps the request id header', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}`, 'x-request-id': 'etag-check' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect([response.status, await response.json()]).toEqual([200, { data: { __typename: 'Query' } }]);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('x-request-id')).toBe('etag-check');
    // Other routes keep Express's default.
    expect((await fetch(`${origin}/healthz`)).headers.get('etag')).toMatch(/^W\//);
  });

  it('counts operations by name and reports by result on /metrics', async () => {
    const secret = `victim message ${uniqueMobile()} do-not-log`;
    await app.gql('mutation Intake($r: [ReportInput!]!) { submitReports(reports: $r) { index } }', {
      r: [
        { channel: 'SMS', text: `${secret} call ${uniqueMobile()}` },
        { channel: 'SMS', callbackNumbers: ['12'] },
      ],
    });
    const metrics = await (await fetch(`${origin}/metrics`)).text();
    expect(metrics).toMatch(/scamgraph_graphql_requests_total\{operation="Intake",outcome="ok"\} 1/);
    expect(metrics).toMatch(/scamgraph_graphql_request_duration_seconds_count\{operation="Intake"\} 1/);
    expect(metrics).toMatch(/scamgraph_reports_ingested_total\{result="accepted"\} 1/);
    expect(metrics).toMatch(/scamgraph_reports_ingested_total\{result="rejected"\} 1/);

    const logs = logLines.join('');
    expect(logs).not.toContain('do-not-log');
    expect(logs).not.toContain(TEST_ADMIN_KEY);
    expect(logLines.map((line) => JSON.parse(line)).some((entry) => entry.req?.id && entry.res?.status === 200)).toBe(true);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(`${origin}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    expect((await fetch(`${origin}/healthz`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
