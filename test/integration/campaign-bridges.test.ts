import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueDomain, uniqueMobile, type TestApp } from '../helpers/app.js';
import { campaignsOf, detect, detectionEngines, query, several, startDetectionApp, submit } from '../helpers/campaigns.js';

// Issue 15: one misfiled report must not merge two dense operations, and a number reassigned months
// later must not merge its old operation with its new one. Hand-built graphs unique to this run, each
// engine in turn over the same graph.
const engines = await detectionEngines();
const day = (month: number, date: number) => `2025-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}T09:00:00.000Z`;

// Operations A and B: two numbers and two sites each, eight reports over eight days, every number named
// with every site twice (the suite's hubs are indicators named by more than 5 reports). One bridge
// report names A's number and B's site.
const [a1, a2, b1, b2] = several(4, uniqueMobile);
const [da, da2, db, db2] = several(4, uniqueDomain);
const operation = (numbers: string[], domains: string[], month: number) =>
  Array.from({ length: 8 }, (_, i) => ({
    callbackNumbers: [numbers[i % 2]],
    urls: [`https://${domains[Math.floor(i / 2) % 2]}/login`],
    receivedAt: day(month, i + 1),
  }));
// Operations C and D: number N is C's in January and, reassigned after months of silence, D's in June.
const [n, c1, d1] = several(3, uniqueMobile);
const [dc, dd] = several(2, uniqueDomain);
const named = (number: string, domain: string, month: number, dates: number[], story = {}) =>
  dates.map((date) => ({ callbackNumbers: [number], urls: [`https://${domain}/pay`], receivedAt: day(month, date), ...story }));
// Operations G and H tell one story (Australia Post parcels): number M is G's in February and, after
// months of silence, H's in August. Eras of one operation follow one another too, but hand over
// without a silence; these must stay apart.
const auspost = { scamType: 'DELIVERY', claimedBrand: 'Australia Post' };
const [m, g1, h1] = several(3, uniqueMobile);
const [dg, dh] = several(2, uniqueDomain);

// Operation E rotated all its numbers and sites at the end of April (two eras, each a ring of four
// numbers and four sites, every link named twice); three handover reports each name an old number and
// a new number or site (no indicator here is named by more than 5 reports, the suite's hub bound).
// Operation F, the ATO's impersonator, shares two reports with E's second era. Both ties are a few per
// cent of either side's evidence: the story (E's eras both Microsoft tech support, F a government
// scam), and the eras being each other's strongest tie, tell a rotation from a bridge.
const ring = (numbers: string[], domains: string[], month: number, story: { scamType: string; claimedBrand: string }) =>
  numbers.flatMap((number, i) =>
    [domains[i], domains[(i + 1) % domains.length]].flatMap((domain, j) =>
      [1, 2].map((k) => ({
        callbackNumbers: [number],
        urls: [`https://${domain}/help`],
        receivedAt: day(month, 1 + i * 4 + j * 2 + k),
        ...story,
      })),
    ),
  );
const microsoft = { scamType: 'TECH_SUPPORT', claimedBrand: 'Microsoft' };
const ato = { scamType: 'GOVERNMENT', claimedBrand: 'ATO' };
const eraOne = several(4, uniqueMobile);
const eraTwo = several(4, uniqueMobile);
const ops = several(4, uniqueMobile);
const [eraOneSites, eraTwoSites, opsSites] = [several(4, uniqueDomain), several(4, uniqueDomain), several(4, uniqueDomain)];
const rotation = [
  ...ring(eraOne, eraOneSites, 4, microsoft),
  ...ring(eraTwo, eraTwoSites, 5, microsoft),
  ...ring(ops, opsSites, 5, ato),
  { callbackNumbers: [eraOne[3], eraTwo[0]], receivedAt: day(4, 29), ...microsoft },
  { callbackNumbers: [eraOne[2], eraTwo[1]], receivedAt: day(4, 30), ...microsoft },
  { callbackNumbers: [eraOne[1]], urls: [`https://${eraTwoSites[0]}/help`], receivedAt: day(5, 1), ...microsoft },
  { callbackNumbers: [ops[3], eraTwo[2]], receivedAt: day(5, 20), ...ato },
  { callbackNumbers: [ops[2], eraTwo[3]], receivedAt: day(5, 21), ...ato },
];

// Operations P and Q: two crews sending Australia Post parcel texts in the same weeks of July, each
// rotating everything mid-month (two eras of eight numbers and eight sites). One report hands each crew's
// first era over to its second; two misfiled reports tie P's first era to Q's, a stronger tie than either
// hand-over. Only what their messages say (each crew's script) tells the crews apart.
const crewP = (number: string, site: string) =>
  `AusPost: your parcell is held at our depot. Call ${number} or pay the redelivery fee at https://${site}/help Reply STOP to opt out.`;
const crewQ = (number: string, site: string) =>
  `[Notice] Australia Post: we attempted delivery of your package today. Reschedule at https://${site}/help or call ${number}.`;
const scriptedEra = (numbers: string[], sites: string[], fromDay: number, script: typeof crewP) =>
  numbers.flatMap((number, i) =>
    [sites[i]!, sites[(i + 1) % sites.length]!].flatMap((site, j) =>
      [0, 1].map(() => ({
        callbackNumbers: [number],
        urls: [`https://${site}/help`],
        text: script(number, site),
        receivedAt: day(7, fromDay + i + j),
        ...auspost,
      })),
    ),
  );
const [p1, p2, q1, q2] = [several(8, uniqueMobile), several(8, uniqueMobile), several(8, uniqueMobile), several(8, uniqueMobile)];
const [p1Sites, p2Sites, q1Sites, q2Sites] = [
  several(8, uniqueDomain),
  several(8, uniqueDomain),
  several(8, uniqueDomain),
  several(8, uniqueDomain),
];
const crews = [
  ...scriptedEra(p1, p1Sites, 1, crewP),
  ...scriptedEra(p2, p2Sites, 16, crewP),
  ...scriptedEra(q1, q1Sites, 1, crewQ),
  ...scriptedEra(q2, q2Sites, 16, crewQ),
  { callbackNumbers: [p1[7], p2[0]], text: crewP(p1[7]!, p2Sites[0]!), receivedAt: day(7, 12), ...auspost },
  { callbackNumbers: [q1[7], q2[0]], text: crewQ(q1[7]!, q2Sites[0]!), receivedAt: day(7, 12), ...auspost },
  { callbackNumbers: [p1[0], q1[0]], text: crewP(p1[0]!, p1Sites[2]!), receivedAt: day(7, 3), ...auspost },
  { callbackNumbers: [p1[1], q1[1]], text: crewQ(q1[1]!, q1Sites[3]!), receivedAt: day(7, 6), ...auspost },
];

const BRIDGES = `query($id: ID!) { campaign(id: $id) {
  bridgeCount strongestLinks { from { kind key } to { kind key } weight reports reportIds }
  bridges { campaignId weight links { from { kind key } to { kind key } reports reportIds } } } }`;

let bridgeReport: string;

beforeAll(async () => {
  const app = await startDetectionApp('cypher');
  try {
    const ids = await submit(app, [
      ...operation([a1, a2], [da, da2], 3),
      ...operation([b1, b2], [db, db2], 3),
      { callbackNumbers: [a1], urls: [`https://${db}/login`], receivedAt: day(3, 10) },
      ...named(n, dc, 1, [1, 3]),
      ...named(c1, dc, 1, [5, 7]),
      ...named(n, dd, 6, [1, 3, 5]),
      ...named(d1, dd, 6, [7, 9]),
      ...named(m, dg, 2, [1, 3], auspost),
      ...named(g1, dg, 2, [5, 7], auspost),
      ...named(m, dh, 8, [1, 3, 5], auspost),
      ...named(h1, dh, 8, [7, 9], auspost),
      ...rotation,
      ...crews,
    ]);
    bridgeReport = ids[16]!;
  } finally {
    await app.stop();
  }
}, 120_000);

describe.each(engines)('bridges and recycled numbers, %s engine', { timeout: 60_000 }, (engine) => {
  let app: TestApp;
  let campaignOf: Record<string, string | null>;

  beforeAll(async () => {
    app = await startDetectionApp(engine);
    expect((await detect(app)).engine).toBe(engine);
    campaignOf = await campaignsOf(app, {
      phones: [a1, a2, b1, b2, n, c1, d1, m, g1, h1, ...eraOne, ...eraTwo, ...ops, ...p1, ...p2, ...q1, ...q2],
      domains: [
        da,
        da2,
        db,
        db2,
        dc,
        dd,
        dg,
        dh,
        ...eraOneSites,
        ...eraTwoSites,
        ...opsSites,
        ...p1Sites,
        ...p2Sites,
        ...q1Sites,
        ...q2Sites,
      ],
    });
  });
  afterAll(() => app?.stop());

  it('keeps two dense operations apart when one report names both', () => {
    expect(campaignOf[a1]).toBeTruthy();
    expect([campaignOf[a2], campaignOf[da], campaignOf[da2]]).toEqual(Array(3).fill(campaignOf[a1]));
    expect(campaignOf[b1]).toBeTruthy();
    expect([campaignOf[b2], campaignOf[db], campaignOf[db2]]).toEqual(Array(3).fill(campaignOf[b1]));
    expect(campaignOf[a1]).not.toBe(campaignOf[b1]);
  });

  it('shows the bridge on both sides, with the report behind it, and explains each campaign by its strongest links', async () => {
    const { campaign } = await query(app, BRIDGES, { id: campaignOf[a1] });
    expect(campaign.bridgeCount).toBe(1);
    expect(campaign.bridges).toHaveLength(1);
    expect(campaign.bridges[0].campaignId).toBe(campaignOf[b1]);
    const [link] = campaign.bridges[0].links;
    expect(link.reports).toBe(1);
    expect(link.reportIds).toEqual([bridgeReport]);
    expect(campaign.strongestLinks.length).toBeGreaterThan(0);
    expect(campaign.strongestLinks[0].reports).toBeGreaterThanOrEqual(4);
    expect(campaign.strongestLinks[0].reportIds).toHaveLength(3);
    const other = (await query(app, BRIDGES, { id: campaignOf[b1] })).campaign;
    expect(other.bridges.map((bridge: { campaignId: string }) => bridge.campaignId)).toEqual([campaignOf[a1]]);
  });

  it('lists campaigns with bridges for dashboards', async () => {
    const { campaigns } = await query(app, '{ campaigns(withBridges: true, first: 100) { edges { node { id bridgeCount } } } }');
    const ids = campaigns.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toEqual(expect.arrayContaining([campaignOf[a1], campaignOf[b1]]));
    expect(campaigns.edges.every((edge: { node: { bridgeCount: number } }) => edge.node.bridgeCount > 0)).toBe(true);
  });

  // A number reassigned after a silence: the old operation keeps its site and other number, the number goes
  // with the new operation's, and the two stay apart.
  const expectReassigned = (reused: string, [oldSite, oldNumber]: string[], [newSite, newNumber]: string[]) => {
    expect(campaignOf[oldSite!]).toBeTruthy();
    expect(campaignOf[oldNumber!]).toBe(campaignOf[oldSite!]);
    expect(campaignOf[newSite!]).toBeTruthy();
    expect([campaignOf[reused], campaignOf[newNumber!]]).toEqual([campaignOf[newSite!], campaignOf[newSite!]]);
    expect(campaignOf[oldSite!]).not.toBe(campaignOf[newSite!]);
  };

  it('gives a recycled number to its new operation, and keeps the old one apart', () => expectReassigned(n, [dc, c1], [dd, d1]));

  it('keeps two operations of one story apart when a number passed from one to the other after a silence', () =>
    expectReassigned(m, [dg, g1], [dh, h1]));

  it('keeps the two eras of an operation that rotated its numbers in one campaign, and a bridge with another story apart', () => {
    const e = campaignOf[eraOne[0]!];
    expect(e).toBeTruthy();
    expect([...eraOne, ...eraTwo, ...eraOneSites, ...eraTwoSites].map((key) => campaignOf[key])).toEqual(Array(16).fill(e));
    const f = campaignOf[ops[0]!];
    expect(f).toBeTruthy();
    expect([...ops, ...opsSites].map((key) => campaignOf[key])).toEqual(Array(8).fill(f));
    expect(f).not.toBe(e);
  });

  it('keeps two crews of one story apart by their scripts, each whole across its rotation, though a bridge between them outweighs each hand-over', () => {
    const [p, q] = [campaignOf[p1[0]!], campaignOf[q1[0]!]];
    expect(p).toBeTruthy();
    expect(q).toBeTruthy();
    expect([...p1, ...p2, ...p1Sites, ...p2Sites].map((key) => campaignOf[key])).toEqual(Array(32).fill(p));
    expect([...q1, ...q2, ...q1Sites, ...q2Sites].map((key) => campaignOf[key])).toEqual(Array(32).fill(q));
    expect(p).not.toBe(q);
  });
});
