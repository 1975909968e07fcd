import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { query, submit } from '../helpers/campaigns.js';

// Issue 19: the busiest number draws a bounded picture that tells the truth. Hub H is the callback
// number of 400 reports over 28 days, all claiming one brand and sent from a spoofed caller ID S:
// 120 name the site `strong` (60 of them a shortener too), 20 the brand's own domain, 200 each a
// site of their own, 60 nothing else.
const tag = uniqueId().slice(0, 8);
const [H, S] = [uniqueMobile(), uniqueMobile()];
const [strong, official] = [uniqueDomain(), uniqueDomain()];
const brand = `summary-${tag}`;
const LONE_SITES = 200;
const at = (i: number) => `2026-02-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:00:00Z`;
const report = (i: number, urls: string[]) => ({ claimedBrand: brand, callbackNumbers: [H], callerIds: [S], urls, receivedAt: at(i) });

const SUMMARY = `query($k: String!, $v: String!, $l: Int, $r: Boolean) { neighbourhoodSummary(kind: $k, value: $v, limit: $l, withReports: $r) {
  truncated nodes { id kind hub official reportCount sharedReports days } edges { source target kind reports days } groups { id around kind count reports } } }`;
const GROUP = `query($k: String!, $v: String!, $g: String!, $after: String) { neighbourhoodGroup(kind: $k, value: $v, group: $g, first: 100, after: $after) {
  around kind totalCount nodes { id sharedReports } edges { source target reports } pageInfo { hasNextPage endCursor } } }`;

let app: TestApp;
const summary = async (value: string, limit: number, withReports = false) =>
  (await query(app, SUMMARY, { k: 'phone', v: value, l: limit, r: withReports })).neighbourhoodSummary;

beforeAll(async () => {
  app = await startTestApp({ HUB_DEGREE: '100' });
  await query(app, 'mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
    b: { slug: brand, name: `Summary ${tag}`, officialDomains: [official] },
  });
  await submit(app, [
    ...Array.from({ length: 120 }, (_, i) =>
      report(i, [`https://${strong}/p${i % 7}`, ...(i < 60 ? [`https://rb.gy/${tag}${i % 3}`] : [])]),
    ),
    ...Array.from({ length: 20 }, (_, i) => report(i, [`https://www.${official}/contact`])),
    ...Array.from({ length: LONE_SITES }, (_, i) => report(i, [`https://${uniqueDomain()}/x`])),
    ...Array.from({ length: 60 }, (_, i) => report(i, [])),
  ]);
}, 400_000);
afterAll(() => app?.stop());

describe('a summarised neighbourhood', () => {
  it('draws a hub number as its strongest neighbours with counts, the rest folded by kind with totals', async () => {
    const picture = await summary(H, 20);
    expect(picture.nodes).toHaveLength(20);
    expect(picture.truncated).toBe(true);
    const [start, ...neighbours] = picture.nodes;
    expect(start).toMatchObject({ id: `phone:${H}`, hub: true, reportCount: 400, sharedReports: null });
    // Strongest first: every report names the caller ID and the brand, 120 the strong site.
    expect(neighbours.slice(0, 3).map((node: any) => [node.id, node.sharedReports])).toEqual(
      expect.arrayContaining([
        [`phone:${S}`, 400],
        [`brand:${brand}`, 400],
        [`domain:${strong}`, 120],
      ]),
    );
    const shared = neighbours.map((node: any) => node.sharedReports);
    expect(shared).toEqual([...shared].sort((a, b) => b - a));
    // Every domain is either drawn or counted in the folded group: 200 lone sites, strong, official, rb.gy.
    const domains = neighbours.filter((node: any) => node.kind === 'domain');
    const folded = picture.groups.find((group: any) => group.kind === 'domain');
    expect(domains.length + folded.count).toBe(LONE_SITES + 3);
    expect(folded).toMatchObject({ id: `more:domain:phone:${H}`, around: `phone:${H}` });
    expect(folded.reports + domains.reduce((sum: number, node: any) => sum + node.sharedReports, 0)).toBe(LONE_SITES + 120 + 60 + 20);
    // No report is drawn: each shared report is folded into the weighted edge from the hub.
    expect(picture.nodes.some((node: any) => node.kind === 'report')).toBe(false);
    expect(picture.edges.find((edge: any) => edge.target === `domain:${strong}`)).toMatchObject({
      source: `phone:${H}`,
      kind: 'NAMES_DOMAIN',
      reports: 120,
      days: 28,
    });
    expect(picture.edges.find((edge: any) => edge.target === `phone:${S}`)).toMatchObject({ kind: 'CALLER_ID', reports: 400 });
  });

  it('links drawn neighbours by the reports they share, marks hubs by nature and official channels', async () => {
    const picture = await summary(H, 40);
    const ids = picture.nodes.map((node: any) => node.id);
    for (const edge of picture.edges) expect(ids).toEqual(expect.arrayContaining([edge.source, edge.target]));
    const shortener = picture.nodes.find((node: any) => node.id === 'domain:rb.gy');
    expect(shortener).toMatchObject({ hub: true, official: false });
    expect(picture.nodes.find((node: any) => node.id === `domain:${official}`)).toMatchObject({ official: true });
    // Between two neighbours (neither a hub): the strong site and its busiest url share reports.
    const strongToUrl = picture.edges.filter(
      (edge: any) => [edge.source, edge.target].includes(`domain:${strong}`) && edge.source !== `phone:${H}`,
    );
    expect(strongToUrl.length).toBeGreaterThan(0);
    expect(strongToUrl.every((edge: any) => edge.reports > 0 && edge.days > 0)).toBe(true);
  });

  it('pages through a folded group: drawn and paged together are every neighbour of the kind, once', async () => {
    const drawn = (await summary(H, 20)).nodes.filter((node: any) => node.kind === 'domain').map((node: any) => node.id);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await query(app, GROUP, { k: 'phone', v: H, g: 'domain', after })).neighbourhoodGroup;
      expect(page).toMatchObject({ around: `phone:${H}`, kind: 'domain', totalCount: LONE_SITES + 3 });
      expect(page.edges.every((edge: any) => edge.source === `phone:${H}` && edge.reports >= 1)).toBe(true);
      paged.push(...page.nodes.map((node: any) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(paged).size).toBe(LONE_SITES + 3);
    expect(paged.slice(0, drawn.length)).toEqual(drawn);
  });

  it('draws reports when asked, folding those left out', async () => {
    const picture = await summary(H, 30, true);
    const reports = picture.nodes.filter((node: any) => node.kind === 'report');
    const folded = picture.groups.find((group: any) => group.kind === 'report');
    expect(reports.length + folded.count).toBe(400);
    expect(picture.truncated).toBe(true);
  });

  it('is not truncated when nothing is left out, and empty for a node nobody reported', async () => {
    const [quiet, site] = [uniqueMobile(), uniqueDomain()];
    await submit(app, [{ callbackNumbers: [quiet], urls: [`https://${site}/a`], receivedAt: at(1) }]);
    const picture = await summary(quiet, 40);
    expect(picture.truncated).toBe(false);
    expect(picture.groups).toEqual([]);
    expect(picture.nodes.map((node: any) => node.id).sort()).toEqual([`domain:${site}`, `phone:${quiet}`, `url:https://${site}/a`].sort());
    expect(await summary(uniqueMobile(), 40)).toEqual({ truncated: false, nodes: [], edges: [], groups: [] });
  });

  it('says it may leave something out when it draws two hubs, whose link it does not walk', async () => {
    const quiet = uniqueMobile();
    await submit(app, [{ callbackNumbers: [quiet, H], urls: [`https://rb.gy/${tag}0`], receivedAt: at(2) }]);
    const picture = await summary(quiet, 40);
    expect(picture.groups).toEqual([]);
    expect(
      picture.nodes
        .filter((node: any) => node.hub)
        .map((node: any) => node.id)
        .sort(),
    ).toEqual(['domain:rb.gy', `phone:${H}`]);
    expect(picture.truncated).toBe(true);
  });

  it('refuses an unknown group with a coded error', async () => {
    const response = await app.gql(GROUP, { k: 'phone', v: H, g: 'fax', after: null });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_VALUE' });
  });
});

describe('the raw neighbourhood around a hub', () => {
  it('expands a hub searched for, and says it left things out', async () => {
    const { neighbourhood } = await query(
      app,
      'query($v: String!) { neighbourhood(kind: "phone", value: $v, hops: 1, limit: 50) { truncated nodes { id hub } } }',
      { v: H },
    );
    expect(neighbourhood.nodes[0]).toMatchObject({ id: `phone:${H}`, hub: true });
    expect(neighbourhood.nodes).toHaveLength(50);
    expect(neighbourhood.truncated).toBe(true);
  });
});
