// The explorer in a real browser: playwright-core driving Debian's Chromium against the real
// service, over a small graph seeded through the API. Screenshots go to test/browser/screenshots/
// (git-ignored); UPDATE_DOCS_SCREENSHOT=1 also rewrites the pictures of record in docs/ (explorer.png,
// explorer-hub.png, explorer-campaign.png) and docs/explorer-timings.json.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildExplorerIfStale,
  chromiumMissing,
  clearPageTimings,
  launchChromium,
  pageTiming,
} from '../../scripts/bench/explorer-browser.js';
import { busyNumberReports, operationReports } from '../../scripts/bench/explorer-world.js';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { detect, query, submit, uniqueWallet } from '../helpers/campaigns.js';
import { importUndated, removeImported } from '../helpers/undated-import.js';

const SCREENSHOTS = join('test', 'browser', 'screenshots');
const HUB_DEGREE = 7;
/** How long a poll waits for the page: a request and a redraw take seconds on a loaded machine, not the default 1 s. */
const POLL = { timeout: 15_000 };

/** What the page says it drew (window.explorerGraph in explorer/src/graph-view.ts). */
interface DrawnGraph {
  nodes: {
    id: string;
    kind: string;
    hub: boolean;
    official: boolean;
    label: string;
    classes: string[];
    x: number;
    y: number;
    w: number;
    h: number;
  }[];
  edges: { source: string; target: string; kind: string; lineStyle: string; colour: string; width: number }[];
  drawMs: number;
}
interface Summary {
  nodes: { id: string; hub: boolean; official: boolean }[];
  edges: { source: string; target: string; kind: string; reports: number }[];
  groups: { id: string; around: string; kind: string; count: number; after: string | null }[];
  truncated: boolean;
}

const tag = uniqueId().slice(0, 8);
const [brandA, brandB] = [`explorer-a-${tag}`, `explorer-b-${tag}`];
// X: a callback number for two brands beside domain d, which one more report names alone; S: a
// caller ID spoofed on X's reports and on many others, so a hub (more than HUB_DEGREE reports).
const [X, S] = [uniqueMobile(), uniqueMobile()];
const d = uniqueDomain();
// B: the busiest number, callback of BUSY reports, each with a site of its own, all claiming brand A.
// An operation O (brand C, whose own site `real` its reports name, with a shortener): six numbers and
// ten sites named together by 60 reports; one report bridges it to X's site d.
const BUSY = 500;
const B = uniqueMobile();
const brandC = `explorer-c-${tag}`;
const real = uniqueDomain();
const sites = Array.from({ length: 10 }, () => uniqueDomain());
const numbers = Array.from({ length: 6 }, () => uniqueMobile());
const [others, otherSites] = [
  [uniqueMobile(), uniqueMobile()],
  [uniqueDomain(), uniqueDomain()],
];
// Operation U: three CryptoScamDB entries paying one wallet, imported as a user would; the source gives no dates.
const undatedPrefix = `explorer-undated-${tag}-`;
const undatedSites = Array.from({ length: 3 }, () => uniqueDomain());
const timings: Record<string, number> = {};
const national = (e164: string) => `0${e164.slice(3, 6)} ${e164.slice(6, 9)} ${e164.slice(9)}`;
const nodeSet = (graph: { nodes: { id: string }[] }) => graph.nodes.map((node) => node.id).sort();
const edgeSet = (graph: { edges: { source: string; target: string; kind: string }[] }) =>
  graph.edges.map((e) => `${e.source}|${e.target}|${e.kind}`).sort();

const CHROMIUM_MISSING = chromiumMissing();

// Without Chromium the suite is skipped, and this says why in the run's output.
it.runIf(CHROMIUM_MISSING)('drives the explorer in Chromium', ({ skip }) => {
  console.warn(`explorer browser test skipped: ${CHROMIUM_MISSING}`);
  skip(CHROMIUM_MISSING);
});

describe.skipIf(CHROMIUM_MISSING)('the explorer in Chromium', () => {
  let app: TestApp;
  let closeBrowser: (() => Promise<void>) | undefined;
  let page: Page;
  let analystKey: string;
  const pageErrors: string[] = [];

  const summary = async (kind: string, value: string, limit: number, withReports = false) =>
    (
      await query(
        app,
        'query($k: String!, $v: String!, $l: Int!, $r: Boolean) { neighbourhoodSummary(kind: $k, value: $v, limit: $l, withReports: $r) { truncated nodes { id hub official } edges { source target kind reports } groups { id around kind count after } } }',
        {
          k: kind,
          v: value,
          l: limit,
          r: withReports,
        },
      )
    ).neighbourhoodSummary as Summary;
  // What the page draws for a summary: its nodes, and one "+ N more" node per folded group.
  const drawnIds = (api: Summary) => [...api.nodes.map((node) => node.id), ...api.groups.map((group) => group.id)].sort();
  const apiEdges = (api: Summary) => [...edgeSet(api), ...api.groups.map((group) => `${group.around}|${group.id}|FOLDED`)].sort();
  /** Pairs of drawn labels whose boxes overlap by more than a third of the smaller: unreadable where they cross. */
  const overlappingLabels = (graph: DrawnGraph) => {
    const boxes = graph.nodes.map((node) => ({
      id: node.id,
      x1: node.x - node.w / 2,
      x2: node.x + node.w / 2,
      y1: node.y - node.h / 2,
      y2: node.y + node.h / 2,
      area: node.w * node.h,
    }));
    const pairs: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const shared = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
        if (shared > Math.min(a.area, b.area) / 3) pairs.push(`${a.id} ~ ${b.id}`);
      }
    return pairs;
  };
  const drawn = () => page.evaluate(() => (globalThis as unknown as { explorerGraph: () => DrawnGraph }).explorerGraph());
  const settled = async () => {
    await page.locator('.graph-canvas[data-state="ready"]').waitFor();
    return drawn();
  };
  const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    buildExplorerIfStale();
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startTestApp({ HUB_DEGREE: String(HUB_DEGREE), CAMPAIGN_HUB_DEGREE: '100' });
    await query(app, 'mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
      b: { slug: brandC, name: `Bank ${tag}`, officialDomains: [real] },
    });
    analystKey = (await query(app, 'mutation { createApiKey(name: "explorer-test", role: ANALYST) { key } }')).createApiKey.key;
    await submit(app, [
      {
        claimedBrand: brandA,
        callbackNumbers: [X],
        urls: [`https://${d}/login`],
        callerIds: [S],
        scamType: 'BANK_IMPERSONATION',
        receivedAt: '2026-03-02T09:00:00Z',
        text: `${brandA}: your card is locked, call ${X}`,
      },
      {
        claimedBrand: brandB,
        callbackNumbers: [X],
        urls: [`https://${d}/verify`],
        callerIds: [S],
        scamType: 'BANK_IMPERSONATION',
        receivedAt: '2026-03-03T09:00:00Z',
      },
      { claimedBrand: brandA, urls: [`https://${d}/pay`], scamType: 'BANK_IMPERSONATION', receivedAt: '2026-03-04T09:00:00Z' },
      { claimedBrand: brandA, callbackNumbers: [X], scamType: 'DELIVERY', receivedAt: '2026-03-17T09:00:00Z' },
      ...Array.from({ length: HUB_DEGREE + 1 }, () => ({
        callbackNumbers: [uniqueMobile()],
        callerIds: [S],
        receivedAt: '2026-03-20T09:00:00Z',
      })),
    ]);
    await submit(app, busyNumberReports(B, brandA, BUSY, uniqueDomain));
    await submit(app, [
      ...operationReports({ brand: brandC, real, numbers, sites, reports: 60, tag }),
      // Operation P: two numbers and two sites named together by 100 reports; one report bridges O and P, a
      // tie far too thin for P (1% of its evidence) to join O, however detection weighs a strongest tie.
      ...Array.from({ length: 100 }, (_, i) => ({
        callbackNumbers: [others[i % 2]],
        urls: [`https://${otherSites[Math.floor(i / 2) % 2]}/a`],
        receivedAt: `2026-04-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
      })),
      { claimedBrand: brandC, callbackNumbers: [numbers[0]], urls: [`https://${otherSites[0]}/a`], receivedAt: '2026-04-29T09:00:00Z' },
    ]);
    await importUndated(undatedPrefix, undatedSites, uniqueWallet().address);
    ({ page, close: closeBrowser } = await launchChromium());
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    page.on('console', (message) => void (message.type() === 'error' && pageErrors.push(`${message.text()} (${message.location().url})`)));
    // Building the explorer and seeding 660 reports: well past the default on a loaded machine.
  }, 300_000);
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    await removeImported(undatedPrefix);
  });

  it('signs in with an ANALYST key kept in sessionStorage only', async () => {
    await page.goto(new URL('/explorer/', app.url).href);
    await page.getByLabel('API key').fill(analystKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Campaigns' }).waitFor();
    // The key and its role, in this tab only.
    expect(await page.evaluate('[sessionStorage.length, localStorage.length]')).toEqual([2, 0]);
  });

  it('searches a number typed in national format and draws the neighbourhood the API answers', async () => {
    await page.getByLabel('Indicator').fill(national(X));
    await page.getByRole('button', { name: 'Search' }).click();
    const graph = await settled();
    const api = await summary('phone', X, 40);
    expect(nodeSet(graph)).toEqual(drawnIds(api));
    expect(edgeSet(graph)).toEqual(apiEdges(api));
    expect(nodeSet(graph)).toEqual(
      expect.arrayContaining([`phone:${X}`, `phone:${S}`, `domain:${d}`, `brand:${brandA}`, `brand:${brandB}`]),
    );
    const { checkNumber } = await query(app, 'query($n: String!) { checkNumber(number: $n) { verdict } }', { n: X });
    await expect.poll(() => page.locator('[data-verdict]').textContent(), POLL).toBe(checkNumber.verdict);
    expect(await page.locator('[data-report-id]').count()).toBe(3);
    await screenshot('search');
    if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1') copyFileSync(join(SCREENSHOTS, 'search.png'), join('docs', 'explorer.png'));
  });

  it('draws spoofable caller IDs dashed, callback numbers solid, and marks hubs', async () => {
    const graph = await drawn();
    const style = (kind: string) => [
      ...new Set(graph.edges.filter((edge) => edge.kind === kind).map((edge) => `${edge.lineStyle} ${edge.colour}`)),
    ];
    // Reports are folded: X and its site share reports (solid, by role), X and the spoofed caller ID too (dashed).
    expect(style('NAMES_DOMAIN')).toHaveLength(1);
    expect(style('NAMES_DOMAIN')[0]).toMatch(/^solid /);
    expect(style('CALLER_ID')).toHaveLength(1);
    expect(style('CALLER_ID')[0]).toMatch(/^dashed /);
    const api = await summary('phone', X, 40);
    expect(nodeSet({ nodes: graph.nodes.filter((node) => node.hub) })).toEqual(nodeSet({ nodes: api.nodes.filter((node) => node.hub) }));
    const spoofed = graph.nodes.find((node) => node.id === `phone:${S}`)!;
    expect(spoofed.hub).toBe(true);
    await page.mouse.click(spoofed.x, spoofed.y);
    await expect.poll(() => page.locator('.graph-status').textContent(), POLL).toMatch(/hub .*not expanded/);
  });

  it('expands a clicked node with its own neighbourhood', async () => {
    const before = await drawn();
    const domain = before.nodes.find((node) => node.id === `domain:${d}`)!;
    await page.mouse.click(domain.x, domain.y);
    await expect.poll(async () => (await drawn()).nodes.length, POLL).toBeGreaterThan(before.nodes.length);
    const after = await settled();
    expect(nodeSet(after)).toEqual(expect.arrayContaining(nodeSet(await summary('domain', d, 20))));
    await screenshot('search-expanded');
  });

  it('expands a hub only when asked, with its own summary', async () => {
    const before = await drawn();
    const hub = before.nodes.find((node) => node.id === `phone:${S}`)!;
    await page.mouse.click(hub.x, hub.y);
    await page.getByRole('button', { name: 'expand it anyway' }).click();
    await expect.poll(async () => (await drawn()).nodes.length, POLL).toBeGreaterThan(before.nodes.length);
    const after = await settled();
    expect(nodeSet(after)).toEqual(expect.arrayContaining(nodeSet(await summary('phone', S, 20))));
  });

  it('downloads an evidence pack with the key', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-evidence=".json"]').click()]);
    expect(download.suggestedFilename()).toBe(`evidence-phone-${X}.json`);
    const pack = JSON.parse(readFileSync(await download.path(), 'utf8')) as { content: { reportTotal: number } };
    expect(pack.content.reportTotal).toBe(3);
  });

  it('draws the reports themselves when asked', async () => {
    await page.getByLabel('draw the reports').check();
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.url(), POLL).toMatch(/reports=1/);
    const graph = await settled();
    const api = await summary('phone', X, 40, true);
    expect(nodeSet(graph)).toEqual(drawnIds(api));
    expect(graph.nodes.filter((node) => node.kind === 'report')).toHaveLength(3);
  });

  // Detection runs over the whole suite's graph, one run at a time across the suite: it can take a while.
  it('lists campaigns largest first with a weekly sparkline, and opens one as a graph', async () => {
    await detect(app);
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.locator('[data-campaign-id]').first().waitFor();
    const sizes = await page.locator('[data-campaign-id] td:nth-child(2)').allTextContents();
    expect(sizes.map(Number)).toEqual(sizes.map(Number).sort((a, b) => b - a));
    await page.getByLabel('Brand').fill(brandB);
    await page.getByRole('button', { name: 'Filter' }).click();
    const { campaigns } = await query(
      app,
      'query($b: String!) { campaigns(brand: $b, first: 5) { edges { node { id reportsByWeek { week reports } } } } }',
      { b: brandB },
    );
    expect(campaigns.edges).toHaveLength(1);
    const campaign = campaigns.edges[0].node;
    expect(campaign.reportsByWeek.map((week: { week: string; reports: number }) => [week.week.slice(0, 10), week.reports])).toEqual([
      ['2026-03-02', 3],
      ['2026-03-16', 1],
    ]);
    const rowLocator = page.locator(`[data-campaign-id="${campaign.id}"]`);
    await expect.poll(() => page.locator('[data-campaign-id]').count(), POLL).toBe(1);
    expect(await rowLocator.locator('svg.sparkline').getAttribute('data-weeks')).toBe('3,0,1');
    await screenshot('campaigns');
    await rowLocator.getByRole('link').click();
    const graph = await settled();
    expect(graph.nodes.find((node) => node.id === `phone:${X}`)?.classes).toContain('member');
    expect(graph.nodes.find((node) => node.id === `domain:${d}`)?.classes).toContain('member');
    await screenshot('campaign-small');
  }, 300_000);

  it("says 'date unknown' for a campaign and a domain of a source without dates, and a dated campaign its reports' days", async () => {
    // The side panel's facts, term to value (a row without a value has neither).
    const facts = async () => {
      const [terms, values] = await Promise.all([
        page.locator('dl.facts dt').allTextContents(),
        page.locator('dl.facts dd').allTextContents(),
      ]);
      return Object.fromEntries(terms.map((term, i) => [term, values[i]]));
    };
    const { domain } = await query(app, 'query($d: String!) { domain(name: $d) { campaign { id firstSeen lastSeen } } }', {
      d: undatedSites[0],
    });
    expect(domain.campaign).toMatchObject({ firstSeen: null, lastSeen: null });
    await page.goto(new URL(`/explorer/#/campaign/${domain.campaign.id}`, app.url).href);
    await expect.poll(facts, POLL).toMatchObject({ 'First seen': 'date unknown', 'Last seen': 'date unknown' });
    expect(await page.locator('.timeline-undated').textContent()).toContain('3 reports without a date');
    await page.goto(new URL(`/explorer/#/search?kind=domain&q=${undatedSites[0]}`, app.url).href);
    await expect.poll(facts, POLL).toMatchObject({ 'First seen': 'date unknown', 'Last seen': 'date unknown' });
    // Operation B's reports were received on the days they give: those days, not the day the test ran.
    const { campaigns } = await query(app, 'query($b: String!) { campaigns(brand: $b, first: 1) { edges { node { id } } } }', {
      b: brandB,
    });
    await page.goto(new URL(`/explorer/#/campaign/${campaigns.edges[0].node.id}`, app.url).href);
    await expect.poll(facts, POLL).toMatchObject({ 'First seen': '2026-03-02', 'Last seen': '2026-03-17' });
  });

  it('draws a campaign whole: members linked by shared evidence, the official site and the shortener marked, the bridge dashed', async () => {
    const { campaigns } = await query(
      app,
      'query($b: String!) { campaigns(brand: $b, first: 5) { edges { node { id picture { nodes { id hub official firstSeen lastSeen } edges { source target kind } bridges { id members } } } } } }',
      { b: brandC },
    );
    const campaign = campaigns.edges[0].node;
    await clearPageTimings(page);
    await page.goto(new URL(`/explorer/#/campaign/${campaign.id}`, app.url).href);
    const graph = await settled();
    const drawnIn = await pageTiming(page, 'Campaign');
    timings['campaign: search to drawn (ms)'] = drawnIn.searchToDrawn;
    timings['campaign: API Campaign (ms)'] = drawnIn.api;
    timings['campaign: drawing (ms)'] = drawnIn.drawing;
    const bridged = campaign.picture.bridges.map((bridge: { id: string }) => `campaign:${bridge.id}`);
    expect(nodeSet(graph)).toEqual([...nodeSet(campaign.picture), ...bridged].sort());
    expect(bridged.length).toBeGreaterThan(0);
    expect(graph.nodes.find((node) => node.id === `domain:${real}`)).toMatchObject({ official: true });
    expect(graph.nodes.find((node) => node.id === 'domain:rb.gy')).toMatchObject({ hub: true });
    expect(
      graph.nodes.filter((node) => numbers.includes(node.id.replace('phone:', ''))).every((node) => node.classes.includes('member')),
    ).toBe(true);
    const shared = graph.edges.filter((edge) => edge.kind === 'SHARED_EVIDENCE');
    expect(shared.length).toBeGreaterThan(0);
    expect(new Set(shared.map((edge) => edge.width)).size).toBeGreaterThan(1);
    expect(graph.edges.filter((edge) => edge.kind === 'BRIDGE').every((edge) => edge.lineStyle === 'dashed')).toBe(true);
    expect(overlappingLabels(graph)).toEqual([]);
    await screenshot('campaign');
    // Brushing the first week fades what no report named that week (by each node's first and last report).
    const firstWeek = page.locator('svg.timeline rect[data-week]').first();
    const from = Date.parse(`${await firstWeek.getAttribute('data-week')}T00:00:00Z`);
    const to = from + 7 * 24 * 3600 * 1000 - 1;
    const outside = (campaign.picture.nodes as { id: string; firstSeen: string | null; lastSeen: string | null }[])
      .filter((node) => node.firstSeen && node.lastSeen && (Date.parse(node.lastSeen) < from || Date.parse(node.firstSeen) > to))
      .map((node) => node.id)
      .sort();
    expect(outside.length).toBeGreaterThan(0);
    const box = (await firstWeek.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height - 2);
    await expect
      .poll(
        async () =>
          (await drawn()).nodes
            .filter((node) => node.classes.includes('faded'))
            .map((node) => node.id)
            .sort(),
        POLL,
      )
      .toEqual(outside);
    expect(await page.locator('.timeline-range').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: \d+ reports/);
    await screenshot('campaign-brushed');
    await page.getByRole('button', { name: 'all weeks' }).click();
    expect((await drawn()).nodes.filter((node) => node.classes.includes('faded'))).toEqual([]);
    // From the keyboard: the right arrow chooses the first week, shift widens it to the second.
    await page.locator('svg.timeline').focus();
    await page.keyboard.press('ArrowRight');
    const firstDay = new Date(from).toISOString().slice(0, 10);
    expect(await page.locator('svg.timeline').getAttribute('data-brushed')).toMatch(new RegExp(`^${firstDay}/`));
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.locator('svg.timeline').getAttribute('data-brushed')).toBe(
      `${firstDay}/${new Date(to + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10)}`,
    );
    await page.keyboard.press('Escape');
    expect((await drawn()).nodes.filter((node) => node.classes.includes('faded'))).toEqual([]);
    if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1')
      copyFileSync(join(SCREENSHOTS, 'campaign.png'), join('docs', 'explorer-campaign.png'));
  }, 120_000);

  it('draws the busiest number as its strongest neighbours and folded groups, labels readable at 1400 x 900', async () => {
    await clearPageTimings(page);
    await page.goto(new URL(`/explorer/#/search?kind=phone&q=${encodeURIComponent(B)}`, app.url).href);
    const graph = await settled();
    const drawnIn = await pageTiming(page, 'Summary');
    timings['hub: search to drawn (ms)'] = drawnIn.searchToDrawn;
    timings['hub: API neighbourhoodSummary (ms)'] = drawnIn.api;
    timings['hub: drawing (ms)'] = drawnIn.drawing;
    const api = await summary('phone', B, 40);
    expect(api.truncated).toBe(true);
    expect(api.nodes[0]).toMatchObject({ id: `phone:${B}`, hub: true });
    expect(api.groups.find((group) => group.kind === 'domain')?.count).toBeGreaterThan(BUSY - 40);
    expect(nodeSet(graph)).toEqual(drawnIds(api));
    expect(edgeSet(graph)).toEqual(apiEdges(api));
    expect(overlappingLabels(graph)).toEqual([]);
    await page.locator('[data-verdict]').waitFor();
    // Readable: no label drawn under 10 px high (12 px text at a zoom of 0.8 or more).
    expect(Math.min(...graph.nodes.map((node) => node.h))).toBeGreaterThanOrEqual(10);
    expect(await page.locator('.graph-table summary').textContent()).toMatch(/Table of the \d+ nodes/);
    await screenshot('hub');
    if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1') copyFileSync(join(SCREENSHOTS, 'hub.png'), join('docs', 'explorer-hub.png'));
    // A folded group gives its next page: the domains the API pages after the drawn ones, not those drawn again.
    const folded = graph.nodes.find((node) => node.kind === 'group' && node.id.startsWith('more:domain:'))!;
    const group = api.groups.find((g) => g.id === folded.id)!;
    const next = (
      await query(
        app,
        'query($v: String!, $a: String) { neighbourhoodGroup(kind: "phone", value: $v, group: "domain", first: 20, after: $a) { nodes { id } } }',
        { v: B, a: group.after },
      )
    ).neighbourhoodGroup.nodes as { id: string }[];
    expect(next).toHaveLength(20);
    expect(next.filter((node) => nodeSet(graph).includes(node.id))).toEqual([]);
    await page.mouse.click(folded.x, folded.y);
    await expect.poll(async () => (await drawn()).nodes.length, POLL).toBe(graph.nodes.length + 20);
    expect(nodeSet(await settled())).toEqual(expect.arrayContaining(next.map((node) => node.id)));
    await expect
      .poll(() => page.locator('.graph-status').textContent(), POLL)
      .toMatch(`20 more domains drawn; ${group.count - 20} still folded`);
    // From the keyboard: the table's button for the group gives the page after.
    await page.locator('.graph-table summary').click();
    await page.getByRole('button', { name: `+ ${group.count - 20} more domains` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await drawn()).nodes.length, POLL).toBe(graph.nodes.length + 40);
    await expect
      .poll(() => page.locator('.graph-status').textContent(), POLL)
      .toMatch(`20 more domains drawn; ${group.count - 40} still folded`);
    writeFileSync(join(SCREENSHOTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1')
      copyFileSync(join(SCREENSHOTS, 'timings.json'), join('docs', 'explorer-timings.json'));
  }, 120_000);

  it('ranks cross-brand numbers by brands impersonated', async () => {
    await page.getByRole('link', { name: 'Cross-brand numbers' }).click();
    const rows = page.locator('[data-brand-count]');
    await rows.first().waitFor();
    for (let more = page.getByRole('button', { name: 'More' }); (await page.locator(`[data-number="${X}"]`).count()) === 0;)
      await more.click();
    const counts = await rows.evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-brand-count'))));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.locator(`[data-number="${X}"]`).getAttribute('data-brand-count')).toBe('2');
    await screenshot('cross-brand');
  });

  it('gives a REPORTER key the review page: a pasted message naming a reported number is risky, with DO_NOT_CALL advice', async () => {
    const reporterKey = (await query(app, 'mutation { createApiKey(name: "explorer-reporter", role: REPORTER) { key } }')).createApiKey.key;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').fill(reporterKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Review a message' }).waitFor();
    expect(await page.locator('[data-role="REPORTER"]').textContent()).toMatch(/not explore/);
    expect(await page.getByRole('link', { name: 'Campaigns' }).count()).toBe(0);
    await page.getByLabel('Message text').fill(`${brandA}: your card is locked. Call ${national(X)} now to unlock it.`);
    await page.getByRole('button', { name: 'Review' }).click();
    const verdict = page.locator('[data-review-verdict]');
    await verdict.waitFor(POLL);
    expect(['HIGH_RISK', 'SUSPICIOUS']).toContain(await verdict.textContent());
    expect(Number(await page.locator('[data-review-score]').textContent())).toBeGreaterThan(0);
    expect(await page.locator('[data-reason]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-advice="DO_NOT_CALL"]').count()).toBe(1);
    const callback = page.locator('tr[data-role="CALLBACK_NUMBER"]');
    expect(await callback.textContent()).toContain(X);
    expect(await callback.getAttribute('data-origins')).toBe('TEXT');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await screenshot('review-text');
  });

  it('reviews an uploaded email: its headers read as indicators from EMAIL_HEADER, the brand beside its official channels', async () => {
    // The brand as test/integration/attachments.test.ts registers it (an upsert: the same in one graph or two).
    await query(app, 'mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
      b: {
        slug: 'commbank',
        name: 'Commonwealth Bank',
        aliases: ['CommBank', 'CBA'],
        officialNumbers: ['13 22 21'],
        officialDomains: ['commbank.com.au'],
      },
    });
    await page.getByLabel('Message text').fill('');
    await page.getByLabel('Attachments').setInputFiles(join('test', 'fixtures', 'attachments', 'phishing-commbank.eml'));
    await page.getByRole('button', { name: 'Review' }).click();
    await page.locator('[data-review-verdict]').waitFor(POLL);
    const replyTo = page.locator('tr[data-role="EMAIL_REPLY_TO"]');
    expect(await replyTo.textContent()).toContain('commbank.fraud.team@gmail.com');
    expect(await replyTo.getAttribute('data-origins')).toBe('EMAIL_HEADER');
    expect(await page.locator('tr[data-role="LINK"]').getAttribute('data-origins')).toMatch(/EMAIL_BODY|EMAIL_HTML/);
    expect(await page.locator('[data-advice="DO_NOT_REPLY"]').count()).toBe(1);
    // The claimed brand's real channels, beside what the message asks for.
    const brand = await page.locator('[data-brand="commbank"]').textContent();
    expect(brand).toContain('+61132221');
    expect(brand).toContain('commbank.com.au');
    await screenshot('review-email');
  });

  it('reviews a dropped PDF: its callback number read from PDF_TEXT', async () => {
    await page.getByLabel('Attachments').setInputFiles([]);
    const pdf = readFileSync(join('test', 'fixtures', 'attachments', 'invoice-norton.pdf')).toString('base64');
    // A drop as the browser makes it: a DataTransfer holding the file, dispatched on the drop zone.
    const dropped = await page.evaluateHandle((base64) => {
      // The test's own types have no DOM: name the few browser globals used here.
      const web = globalThis as unknown as {
        DataTransfer: new () => { items: { add: (file: unknown) => void } };
        File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
        atob: (text: string) => string;
      };
      const transfer = new web.DataTransfer();
      const bytes = Uint8Array.from(web.atob(base64), (char) => char.charCodeAt(0));
      transfer.items.add(new web.File([bytes], 'invoice-norton.pdf', { type: 'application/pdf' }));
      return transfer;
    }, pdf);
    await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByRole('button', { name: 'Review' }).click();
    await page.locator('[data-review-verdict]').waitFor(POLL);
    const callback = page.locator('tr[data-role="CALLBACK_NUMBER"]');
    await expect.poll(() => callback.textContent(), POLL).toContain('+18085550147');
    expect(await callback.getAttribute('data-origins')).toBe('PDF_TEXT');
    expect(await page.locator('[data-advice="DO_NOT_CALL"]').count()).toBe(1);
    await screenshot('review-pdf');
  });

  it('shows a refusal with its code and message', async () => {
    const before = pageErrors.length;
    await page.getByLabel('Attachments').setInputFiles([]);
    await page.getByLabel('Message text').fill('');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect.poll(() => page.locator('[role="alert"]').textContent(), POLL).toMatch(/^BAD_USER_INPUT: give the message text/);
    // Chromium logs the refused request itself ("Failed to load resource: ... 400"): expected here, not a page error.
    const logged = pageErrors.splice(before);
    expect(logged.filter((error) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(error))).toEqual([]);
  });

  it('raises no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
