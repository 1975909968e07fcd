import { getPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_KEY, uniqueDomain, uniqueMobile, type TestApp } from '../helpers/app.js';

// Issue 16: heavy queries (an evidence pack costs 2,500 points, HEAVY_FROM is 1,000) run in the
// heavy-lane process, so their CPU never holds the event loop that cheap reads need. The lane is a
// real second process: these tests look at its pid, its port and the Cypher each process sends.
const number = uniqueMobile();
const domain = uniqueDomain();
const PACK = 'query($v: String!) { evidencePack(kind: "phone", value: $v) { digest reportCount json } }';
const LOOKUP = 'query($v: String!) { phoneNumber(number: $v) { e164 reportCount } }';

let laneApp: TestApp;
let inlineApp: TestApp;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  // One after the other: two apps applying migrations at once race to create the same index.
  laneApp = await startTestApp({ HEAVY_LANE: 'process' });
  inlineApp = await startTestApp();
  const submitted = await laneApp.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', {
    r: [1, 2, 3].map((day) => ({
      channel: 'SMS',
      text: `Your account is locked. Call ${number} or visit https://${domain}/unlock`,
      receivedAt: `2026-11-0${day}T10:00:00.000Z`,
    })),
  });
  expect(submitted.errors).toBeUndefined();
}, 180_000);

afterAll(async () => {
  await Promise.all([laneApp?.stop(), inlineApp?.stop()]);
});

describe('the heavy lane (HEAVY_LANE=process)', { timeout: 120_000 }, () => {
  it('runs a heavy query in the lane process, answering exactly what the process itself would', async () => {
    const lane = await laneApp.heavyLane();
    expect(lane?.pid).toBeGreaterThan(0);
    expect(lane?.pid).not.toBe(process.pid);
    // Below the process's own priority: a cheap read here gets the CPU first.
    expect(getPriority(lane!.pid)).toBeGreaterThan(getPriority(process.pid));
    let laneAnswer: { data?: Record<string, any>; errors?: any[] } | undefined;
    // Only the key check runs here: the pack's statements run in the lane.
    const here = await laneApp.roundTrips(async () => (laneAnswer = await laneApp.gql(PACK, { v: number })));
    const inline = await inlineApp.roundTrips(() => inlineApp.gql(PACK, { v: number }));
    expect(laneAnswer?.errors).toBeUndefined();
    expect(laneAnswer?.data?.['evidencePack'].reportCount).toBe(3);
    expect(here).toBeLessThanOrEqual(1);
    expect(inline).toBeGreaterThan(here);
    const direct = await inlineApp.gql(PACK, { v: number });
    expect(laneAnswer?.data?.['evidencePack'].digest).toBe(direct.data?.['evidencePack'].digest);
  });

  it("passes the lane's answer on as the lane wrote it: its errors keep their codes and count as errors here", async () => {
    const query = 'query LaneBadPack { evidencePack(kind: "phone", value: "not a number") { digest } }';
    const metrics = new URL('/metrics', laneApp.url);
    const errorsCounted = async () =>
      Number(
        /scamgraph_graphql_requests_total\{operation="LaneBadPack",outcome="error"\} (\d+)/.exec(
          await (await fetch(metrics)).text(),
        )?.[1] ?? 0,
      );
    const before = await errorsCounted();
    // Only the key check runs here: the lane ran the resolver that refused the value.
    let answer: Awaited<ReturnType<TestApp['gql']>> | undefined;
    expect(await laneApp.roundTrips(async () => (answer = await laneApp.gql(query)))).toBeLessThanOrEqual(1);
    expect(answer?.errors?.[0]?.extensions?.code).toBe('INVALID_PHONE_NUMBER');
    expect(answer?.data).toEqual({ evidencePack: null });
    expect(await errorsCounted()).toBe(before + 1);
    // Byte for byte what the process itself would write: one JSON document, a newline after it.
    const response = await fetch(laneApp.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
      body: JSON.stringify({ query: PACK, variables: { v: number } }),
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text).toBe(`${JSON.stringify(JSON.parse(text))}\n`);
  });

  it('keeps cheap queries and every mutation in the process', async () => {
    expect(await laneApp.roundTrips(() => laneApp.gql(LOOKUP, { v: number }))).toBeGreaterThan(0);
    const written = await laneApp.roundTrips(() =>
      laneApp.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', {
        r: [{ channel: 'SMS', text: `Call ${number} now`, receivedAt: '2026-11-04T10:00:00.000Z' }],
      }),
    );
    expect(written).toBeGreaterThan(0);
  });

  it('answers its parent only: a request without the lane token is refused', async () => {
    const lane = await laneApp.heavyLane();
    const response = await fetch(lane!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('answers heavy queries while the lane is gone, and starts a new lane', async () => {
    const before = (await laneApp.heavyLane())!.pid;
    process.kill(before, 'SIGKILL');
    for (let wait = 0; alive(before) && wait < 50; wait++) await sleep(100);
    const answer = await laneApp.gql(PACK, { v: number });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['evidencePack'].reportCount).toBe(4);
    const after = await laneApp.heavyLane();
    expect(after?.pid).toBeGreaterThan(0);
    expect(after?.pid).not.toBe(before);
  });

  it('stops its lane process when it stops', async () => {
    const app = await startTestApp({ HEAVY_LANE: 'process' });
    const { pid } = (await app.heavyLane())!;
    expect(alive(pid)).toBe(true);
    await app.stop();
    expect(alive(pid)).toBe(false);
  });
});
