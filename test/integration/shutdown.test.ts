import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TEST_ADMIN_KEY, uniqueMobile } from '../helpers/app.js';

describe('SIGTERM', () => {
  it('drains a request in flight, then exits cleanly', async () => {
    // Node itself, not npx: the signal must reach the service, not a wrapper.
    const service = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        // As deployed: Apollo's own signal handling differs under NODE_ENV=test.
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_USER: inject('neo4jUser') || 'neo4j',
        NEO4J_PASSWORD: inject('neo4jPassword'),
        SCAMGRAPH_ADMIN_KEY: TEST_ADMIN_KEY,
        // The drain is under test, not the deadline: 500 reports can take a while on a busy machine.
        REQUEST_DEADLINE_MS: '120000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      service.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /GraphQL at (\S+)/.exec(stderr)?.[1];
        if (found) resolve(found);
      });
      service.once('exit', () => reject(new Error(`the service exited before serving:\n${stderr}`)));
    });

    const reports = Array.from({ length: 500 }, () => ({ channel: 'SMS', text: `Call ${uniqueMobile()} now about your account` }));
    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
      body: JSON.stringify({
        query: 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }',
        variables: { r: reports },
      }),
    });
    // Signal only once the server holds the request: a connection that has sent nothing yet is
    // idle, and a drain rightly closes idle connections.
    const metrics = `${new URL(url).origin}/metrics`;
    while (!/scamgraph_graphql_operations_in_flight 1/.test(await (await fetch(metrics)).text())) {
      await sleep(10);
    }
    service.kill('SIGTERM');

    const answer = (await (await inFlight).json()) as { data: { submitReports: { errors: unknown[] }[] } };
    expect(answer.data.submitReports).toHaveLength(500);
    expect(answer.data.submitReports.every((result) => result.errors.length === 0)).toBe(true);
    const [code] = await once(service, 'exit');
    expect(code).toBe(0);
    expect(stderr).toContain('draining requests');
  }, 60_000);
});
