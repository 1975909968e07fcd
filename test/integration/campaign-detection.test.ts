import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import {
  campaignsOf,
  detect,
  detectionEngines,
  query,
  several,
  startDetectionApp,
  submit,
  uniqueBankAccount,
  uniqueWallet,
} from '../helpers/campaigns.js';

// One hand-built graph, unique to this run, detected by each engine in turn (hubs: above 5 reports).
// Operations 1 and 2 (both claiming brand A) share only weak or hub evidence: a spoofed caller ID S,
// the shortener bit.ly, a busy unflagged domain H, and brand C's official number O given as callback.
// Operations 3 and 4 share a wallet W; operation 5 shares a bank account; 6 a gmail address.
const tag = uniqueId().slice(0, 8);
const [A, C] = [`brand-a-${tag}`, `brand-c-${tag}`];
const [P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, S, O] = several(14, uniqueMobile);
const [d1, d2, d3, d4, H] = several(5, uniqueDomain);
const fillers = several(5, uniqueMobile);
const [W, account] = [uniqueWallet(), uniqueBankAccount()];
const mailbox = `ops-${tag}@gmail.com`;
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;

const engines = await detectionEngines();
let app: TestApp;
let walletReport: string | undefined;
let bankReport: string | undefined;

beforeAll(async () => {
  app = await startDetectionApp('cypher');
  await query(app, 'mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
    b: { slug: C, name: `Brand C ${tag}`, officialNumbers: [O] },
  });
  const ids = await submit(app, [
    {
      claimedBrand: A,
      scamType: 'BANK_IMPERSONATION',
      callbackNumbers: [P1],
      urls: [`https://${d1}/login`],
      callerIds: [S],
      receivedAt: at(2),
    },
    { claimedBrand: A, scamType: 'BANK_IMPERSONATION', callbackNumbers: [P2], urls: [`https://${d1}/verify`], receivedAt: at(3) },
    { claimedBrand: A, channel: 'EMAIL', callbackNumbers: [P1], urls: [`https://bit.ly/${tag}a`], receivedAt: at(10) },
    { claimedBrand: A, callbackNumbers: [P2, O], urls: [`https://${H}/`], receivedAt: at(11) },
    { claimedBrand: A, callbackNumbers: [P3], urls: [`https://${d2}/`], callerIds: [S] },
    { claimedBrand: A, callbackNumbers: [P4], urls: [`https://bit.ly/${tag}b`, `https://${d2}/`] },
    { claimedBrand: A, callbackNumbers: [P4, O], urls: [`https://${H}/x`] },
    ...fillers.map((filler) => ({ callbackNumbers: [filler], urls: [`https://${H}/`] })),
    { callbackNumbers: [P5], urls: [`https://${d3}/`] },
    { callbackNumbers: [P6], urls: [`https://${d3}/`] },
    { callbackNumbers: [P7], urls: [`https://${d4}/`] },
    { callbackNumbers: [P8], urls: [`https://${d4}/`] },
    { callbackNumbers: [P5], wallets: [W] },
    { callbackNumbers: [P7], wallets: [W] },
    { callbackNumbers: [P9], bankAccounts: [account] },
    { callbackNumbers: [P10], bankAccounts: [account] },
    { callbackNumbers: [P11], emails: [mailbox] },
    { callbackNumbers: [P12], emails: [mailbox] },
  ]);
  [walletReport, bankReport] = [ids.at(-6), ids.at(-4)];
}, 60_000);
afterAll(() => app?.stop());

const INDICATORS = {
  phones: [P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, S, O, ...fillers],
  domains: [d1, d2, d3, d4, H, 'bit.ly', 'gmail.com'],
};
const seen: Record<string, Record<string, string | null>> = {};

describe.each(engines)('campaign detection with the %s engine', (engine) => {
  let engineApp: TestApp;
  let campaignOf: Record<string, string | null>;

  beforeAll(async () => {
    engineApp = await startDetectionApp(engine);
    expect((await detect(engineApp)).engine).toBe(engine);
    campaignOf = await campaignsOf(engineApp, INDICATORS);
    seen[engine] = campaignOf;
  });
  afterAll(() => engineApp?.stop());

  it('groups each operation: numbers and domains named together', () => {
    expect(campaignOf[P1]).toBeTruthy();
    expect([campaignOf[P2], campaignOf[d1]]).toEqual([campaignOf[P1], campaignOf[P1]]);
    expect(campaignOf[P3]).toBeTruthy();
    expect([campaignOf[P4], campaignOf[d2]]).toEqual([campaignOf[P3], campaignOf[P3]]);
  });

  it('never merges operations through a spoofed caller ID, a shortener, a busy domain or an official number', () => {
    expect(campaignOf[P1]).not.toBe(campaignOf[P3]);
    for (const unlinked of [S, O, H, 'bit.ly']) expect(campaignOf[unlinked]).toBeNull();
  });

  it('merges operations that share a wallet, and groups a shared bank account and mailbox', async () => {
    expect(campaignOf[P5]).toBeTruthy();
    expect([campaignOf[P6], campaignOf[P7], campaignOf[P8], campaignOf[d3], campaignOf[d4]]).toEqual(Array(5).fill(campaignOf[P5]));
    const { report } = await query(engineApp, 'query($id: ID!) { report(id: $id) { wallets { campaign { id } } } }', { id: walletReport });
    expect(report.wallets[0].campaign.id).toBe(campaignOf[P5]);
    const bank = await query(engineApp, 'query($id: ID!) { report(id: $id) { bankAccounts { campaign { id } } } }', { id: bankReport });
    expect(bank.report.bankAccounts[0].campaign.id).toBe(campaignOf[P9]);
    expect(campaignOf[P10]).toBe(campaignOf[P9]);
    expect(campaignOf[P12]).toBe(campaignOf[P11]);
    expect(campaignOf['gmail.com']).toBeNull();
  });

  it('makes no campaign of an indicator linked to nothing', () => {
    for (const filler of fillers) expect(campaignOf[filler]).toBeNull();
  });

  it('describes a campaign for dashboards, hubs listed but not counted, official channels left out', async () => {
    const { campaign } = await query(
      engineApp,
      `query($id: ID!) { campaign(id: $id) {
      size reportCount firstSeen lastSeen status brands { slug } phoneNumbers { e164 } domains { name }
      scamTypes { scamType reports } channels { channel reports } reportsByWeek { week reports } } }`,
      { id: campaignOf[P1] },
    );
    // P1, P2, d1 and its two urls, and the bit.ly link: bit.ly, H and H's bare url are hubs, O is official.
    expect(campaign).toMatchObject({
      size: 6,
      reportCount: 4,
      firstSeen: at(2),
      lastSeen: at(11),
      status: 'ACTIVE',
      brands: [{ slug: A }],
    });
    expect(campaign.phoneNumbers.map((phone: any) => phone.e164).sort()).toEqual([P1, P2].sort());
    expect(campaign.domains.map((domain: any) => domain.name)).toEqual(expect.arrayContaining([d1, 'bit.ly', H]));
    expect(campaign.scamTypes).toEqual([
      { scamType: 'BANK_IMPERSONATION', reports: 2 },
      { scamType: null, reports: 2 },
    ]);
    expect(campaign.channels).toEqual([
      { channel: 'SMS', reports: 3 },
      { channel: 'EMAIL', reports: 1 },
    ]);
    expect(campaign.reportsByWeek).toEqual([
      { week: '2026-03-02T00:00:00.000Z', reports: 2 },
      { week: '2026-03-09T00:00:00.000Z', reports: 2 },
    ]);
  });

  it('lists campaigns by brand, largest first, with opaque cursors and a total', async () => {
    const page = `query($b: String, $after: String) { campaigns(brand: $b, first: 1, after: $after) {
      totalCount edges { node { id size } } pageInfo { hasNextPage endCursor } } }`;
    const first = (await query(engineApp, page, { b: A })).campaigns;
    expect(first).toMatchObject({ totalCount: 2, edges: [{ node: { id: campaignOf[P1] } }], pageInfo: { hasNextPage: true } });
    const second = (await query(engineApp, page, { b: A, after: first.pageInfo.endCursor })).campaigns;
    expect(second).toMatchObject({ totalCount: 2, edges: [{ node: { id: campaignOf[P3] } }], pageInfo: { hasNextPage: false } });
    const { brand } = await query(engineApp, 'query($s: String!) { brand(slug: $s) { campaigns { id } } }', { s: A });
    expect(brand.campaigns.map((campaign: any) => campaign.id)).toEqual([campaignOf[P1], campaignOf[P3]]);
  });
});

describe.skipIf(engines.length < 2)('both engines', () => {
  it('find the same campaigns on the same graph, under the same ids', () => {
    expect(seen['gds']).toEqual(seen['cypher']);
  });
});
