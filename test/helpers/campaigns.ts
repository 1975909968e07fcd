import { randomBytes, randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from './app.js';
import { testDriver } from './neo4j.js';

/** Both engines where the suite's Neo4j has Graph Data Science, so they run on the same graphs. */
export async function detectionEngines(): Promise<('cypher' | 'gds')[]> {
  const driver = testDriver();
  try {
    const { records } = await driver.executeQuery(loadCypherRegistry().get('reads/installed-plugins')!.text);
    return (records[0]?.get('procedures') as string[]).includes('gds.version') ? ['cypher', 'gds'] : ['cypher'];
  } finally {
    await driver.close();
  }
}

/** A test app running detection with `engine`; hubs above `hubDegree` reports. */
export const startDetectionApp = (engine: string, env: Record<string, string> = {}) =>
  startTestApp({ CAMPAIGN_ENGINE: engine, CAMPAIGN_HUB_DEGREE: '5', ...env });

export async function query(app: TestApp, text: string, variables: Record<string, unknown> = {}) {
  const response = await app.gql(text, variables);
  expect(response.errors).toBeUndefined();
  return response.data as Record<string, any>;
}

export async function detect(app: TestApp) {
  const { detectCampaigns } = await query(
    app,
    'mutation { detectCampaigns { id engine campaignCount tookMs startedAt finishedAt created kept merged split dissolved } }',
  );
  return detectCampaigns as {
    id: string;
    engine: string;
    campaignCount: number;
    tookMs: number;
    startedAt: string;
    finishedAt: string;
    merged: number;
  };
}

/** Submits reports (SMS unless given); answers their ids in order. */
export async function submit(app: TestApp, reports: Record<string, unknown>[]): Promise<string[]> {
  const { submitReports } = await query(
    app,
    'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code message } report { id } } }',
    {
      r: reports.map((report) => ({ channel: 'SMS', ...report })),
    },
  );
  expect(submitReports.flatMap((result: any) => result.errors)).toEqual([]);
  return submitReports.map((result: any) => result.report.id);
}

/** The campaign id of each phone number and domain (null: none), in as few requests as the alias limit allows. */
export async function campaignsOf(
  app: TestApp,
  indicators: { phones?: string[]; domains?: string[] },
): Promise<Record<string, string | null>> {
  const lookups = [
    ...(indicators.phones ?? []).map((e164) => ({ key: e164, field: `phoneNumber(number: "${e164}") { campaign { id } }` })),
    ...(indicators.domains ?? []).map((name) => ({ key: name, field: `domain(name: "${name}") { campaign { id } }` })),
  ];
  const found: Record<string, string | null> = {};
  for (let at = 0; at < lookups.length; at += ALIASES_PER_REQUEST) {
    const chunk = lookups.slice(at, at + ALIASES_PER_REQUEST);
    const data = await query(app, `{ ${chunk.map(({ field }, i) => `i${i}: ${field}`).join('\n')} }`);
    chunk.forEach(({ key }, i) => (found[key] = data[`i${i}`]?.campaign?.id ?? null));
  }
  return found;
}

/** Below the server's alias limit (MAX_ALIASES). */
const ALIASES_PER_REQUEST = 25;

type Tuple<N extends number, R extends string[] = []> = R['length'] extends N ? R : Tuple<N, [...R, string]>;

/** `count` fresh values, typed as a tuple so each destructured one is a string. */
export const several = <N extends number>(count: N, make: () => string) => Array.from({ length: count }, make) as Tuple<N>;

/** A valid Ethereum address (all lower case: no EIP-55 checksum to satisfy) no other test uses. */
export const uniqueWallet = () => ({ chain: 'ETH', address: `0x${randomBytes(20).toString('hex')}` });

/** An AU bank account no other test uses. */
export const uniqueBankAccount = () => ({ bsb: '062-000', accountNumber: String(randomInt(10_000_000, 99_999_999)) });

const url = (domain: string) => `https://${domain}/`;

/** Two campaigns, detected: x1 to x3 on one site (the larger), y1 and y2 on another (the smaller). */
export async function twoCampaigns(app: TestApp) {
  const [x1, x2, x3] = several(3, uniqueMobile);
  const [y1, y2] = several(2, uniqueMobile);
  const [dx, dy] = several(2, uniqueDomain);
  await submit(app, [
    { callbackNumbers: [x1], urls: [url(dx)] },
    { callbackNumbers: [x2], urls: [url(dx)] },
    { callbackNumbers: [x3], urls: [url(dx)] },
    { callbackNumbers: [y1], urls: [url(dy)] },
    { callbackNumbers: [y2], urls: [url(dy)] },
  ]);
  await detect(app);
  const { [x1]: larger, [y1]: smaller } = await campaignsOf(app, { phones: [x1, y1] });
  return { x1, y1, y2, dy, larger: larger!, smaller: smaller! };
}

/** One campaign, detected: half a (a1, a2 on one site) and half b (b1, b2 on two others) joined only by the number `joint`. */
export async function halvesJoinedByOneNumber(app: TestApp) {
  const [a1, a2, b1, b2, joint] = several(5, uniqueMobile);
  const [da, db, db2] = several(3, uniqueDomain);
  await submit(app, [
    { callbackNumbers: [a1], urls: [url(da)] },
    { callbackNumbers: [a2], urls: [url(da)] },
    { callbackNumbers: [a1, joint] },
    { callbackNumbers: [b1], urls: [url(db)] },
    { callbackNumbers: [b2], urls: [url(db), url(db2)] },
    { callbackNumbers: [b1, joint] },
  ]);
  await detect(app);
  const whole = (await campaignsOf(app, { phones: [a1] }))[a1]!;
  return { a1, b1, joint, whole };
}

/** `number` becomes a new brand's official number, which detection leaves out of every campaign. */
export async function makeOfficial(app: TestApp, number: string) {
  await query(app, 'mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
    b: { slug: `bank-${uniqueId().slice(0, 8)}`, name: 'A bank', officialNumbers: [number] },
  });
}
