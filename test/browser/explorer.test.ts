// The explorer in a real browser: playwright-core driving Debian's Chromium against the real
// service, over a small graph seeded through the API. Screenshots go to test/browser/screenshots/
// (git-ignored); UPDATE_DOCS_SCREENSHOT=1 also rewrites docs/explorer.png for the README.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_DIST } from '../../src/server/explorer.js';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { detect, query, submit } from '../helpers/campaigns.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = join('test', 'browser', 'screenshots');
const HUB_DEGREE = 7;

/** What the page says it drew (window.explorerGraph in explorer/src/graph-view.ts). */
interface DrawnGraph {
  nodes: { id: string; kind: string; hub: boolean; classes: string[]; x: number; y: number }[];
  edges: { source: string; target: string; kind: string; lineStyle: string; colour: string }[];
}
interface Subgraph {
  nodes: { id: string; hub: boolean }[];
  edges: { source: string; target: string; kind: string }[];
}

/** Builds the explorer when dist/explorer is missing or older than its sources. */
function buildExplorerIfStale(): void {
  const newest = (path: string): number =>
    statSync(path).isDirectory() ? Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry)))) : statSync(path).mtimeMs;
  const built = join(EXPLORER_DIST, 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newest('explorer')) return;
  execFileSync('npm', ['run', 'build:explorer'], { stdio: 'pipe' });
}

const tag = uniqueId().slice(0, 8);
const [brandA, brandB] = [`explorer-a-${tag}`, `explorer-b-${tag}`];
// X: a callback number for two brands beside domain d, which one more report names alone; S: a
// caller ID spoofed on X's reports and on many others, so a hub (more than HUB_DEGREE reports).
const [X, S] = [uniqueMobile(), uniqueMobile()];
const d = uniqueDomain();
const national = (e164: string) => `0${e164.slice(3, 6)} ${e164.slice(6, 9)} ${e164.slice(9)}`;
const nodeSet = (graph: { nodes: { id: string }[] }) => graph.nodes.map((node) => node.id).sort();
const edgeSet = (graph: { edges: { source: string; target: string; kind: string }[] }) => graph.edges.map((e) => `${e.source}|${e.target}|${e.kind}`).sort();

const CHROMIUM_MISSING = existsSync(CHROMIUM) ? '' : `${CHROMIUM} is missing (apt-get install chromium; .ci/run does)`;

// Without Chromium the suite is skipped, and this says why in the run's output.
it.runIf(CHROMIUM_MISSING)('drives the explorer in Chromium', ({ skip }) => {
  console.warn(`explorer browser test skipped: ${CHROMIUM_MISSING}`);
  skip(CHROMIUM_MISSING);
});

describe.skipIf(CHROMIUM_MISSING)(
  'the explorer in Chromium',
  () => {
    let app: TestApp;
    let browser: BrowserContext;
    let page: Page;
    let profile: string;
    let analystKey: string;
    const pageErrors: string[] = [];

    const neighbourhood = async (kind: string, value: string, hops: number, limit: number) =>
      (await query(app, 'query($k: String!, $v: String!, $h: Int!, $l: Int!) { neighbourhood(kind: $k, value: $v, hops: $h, limit: $l) { nodes { id hub } edges { source target kind } } }', {
        k: kind, v: value, h: hops, l: limit,
      })).neighbourhood as Subgraph;
    const drawn = () => page.evaluate(() => (globalThis as unknown as { explorerGraph: () => DrawnGraph }).explorerGraph());
    const settled = async () => {
      await page.locator('.graph-canvas[data-state="ready"]').waitFor();
      return drawn();
    };
    const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

    beforeAll(async () => {
      buildExplorerIfStale();
      mkdirSync(SCREENSHOTS, { recursive: true });
      app = await startTestApp({ HUB_DEGREE: String(HUB_DEGREE), CAMPAIGN_HUB_DEGREE: '5' });
      analystKey = (await query(app, 'mutation { createApiKey(name: "explorer-test", role: ANALYST) { key } }')).createApiKey.key;
      await submit(app, [
        { claimedBrand: brandA, callbackNumbers: [X], urls: [`https://${d}/login`], callerIds: [S], scamType: 'BANK_IMPERSONATION', receivedAt: '2026-03-02T09:00:00Z', text: `${brandA}: your card is locked, call ${X}` },
        { claimedBrand: brandB, callbackNumbers: [X], urls: [`https://${d}/verify`], callerIds: [S], scamType: 'BANK_IMPERSONATION', receivedAt: '2026-03-03T09:00:00Z' },
        { claimedBrand: brandA, urls: [`https://${d}/pay`], scamType: 'BANK_IMPERSONATION', receivedAt: '2026-03-04T09:00:00Z' },
        { claimedBrand: brandA, callbackNumbers: [X], scamType: 'DELIVERY', receivedAt: '2026-03-17T09:00:00Z' },
        ...Array.from({ length: HUB_DEGREE + 1 }, () => ({ callbackNumbers: [uniqueMobile()], callerIds: [S], receivedAt: '2026-03-20T09:00:00Z' })),
      ]);
      profile = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
      browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1400, height: 900 } });
      page = browser.pages()[0] ?? (await browser.newPage());
      page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
      page.on('console', (message) => void (message.type() === 'error' && pageErrors.push(`${message.text()} (${message.location().url})`)));
    });
    afterAll(async () => {
      await browser?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
      await app?.stop();
    });

    it('signs in with an ANALYST key kept in sessionStorage only', async () => {
      await page.goto(new URL('/explorer/', app.url).href);
      await page.getByLabel('API key').fill(analystKey);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Campaigns' }).waitFor();
      expect(await page.evaluate('[sessionStorage.length, localStorage.length]')).toEqual([1, 0]);
    });

    it('searches a number typed in national format and draws the neighbourhood the API answers', async () => {
      await page.getByLabel('Indicator').fill(national(X));
      await page.getByRole('button', { name: 'Search' }).click();
      const graph = await settled();
      const api = await neighbourhood('phone', X, 2, 100);
      expect(nodeSet(graph)).toEqual(nodeSet(api));
      expect(edgeSet(graph)).toEqual(edgeSet(api));
      expect(nodeSet(graph)).toEqual(expect.arrayContaining([`phone:${X}`, `phone:${S}`, `domain:${d}`, `brand:${brandA}`, `brand:${brandB}`]));
      const { checkNumber } = await query(app, 'query($n: String!) { checkNumber(number: $n) { verdict } }', { n: X });
      await expect.poll(() => page.locator('[data-verdict]').textContent()).toBe(checkNumber.verdict);
      expect(await page.locator('[data-report-id]').count()).toBe(3);
      await screenshot('search');
      if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1') copyFileSync(join(SCREENSHOTS, 'search.png'), join('docs', 'explorer.png'));
    });

    it('draws spoofable caller IDs dashed, callback numbers solid, and marks hubs', async () => {
      const graph = await drawn();
      const style = (kind: string) => [...new Set(graph.edges.filter((edge) => edge.kind === kind).map((edge) => `${edge.lineStyle} ${edge.colour}`))];
      expect(style('CALLBACK_NUMBER')).toHaveLength(1);
      expect(style('CALLBACK_NUMBER')[0]).toMatch(/^solid /);
      expect(style('CALLER_ID')).toHaveLength(1);
      expect(style('CALLER_ID')[0]).toMatch(/^dashed /);
      const api = await neighbourhood('phone', X, 2, 100);
      expect(nodeSet({ nodes: graph.nodes.filter((node) => node.hub) })).toEqual(nodeSet({ nodes: api.nodes.filter((node) => node.hub) }));
      const spoofed = graph.nodes.find((node) => node.id === `phone:${S}`)!;
      expect(spoofed.hub).toBe(true);
      await page.mouse.click(spoofed.x, spoofed.y);
      await expect.poll(() => page.locator('.graph-status').textContent()).toMatch(/hub .*not expanded/);
    });

    it('expands a clicked node with its own neighbourhood', async () => {
      const before = await drawn();
      const domain = before.nodes.find((node) => node.id === `domain:${d}`)!;
      await page.mouse.click(domain.x, domain.y);
      await expect.poll(async () => (await drawn()).nodes.length).toBeGreaterThan(before.nodes.length);
      const after = await settled();
      expect(nodeSet(after)).toEqual(expect.arrayContaining(nodeSet(await neighbourhood('domain', d, 1, 60))));
      await screenshot('search-expanded');
    });

    it('downloads an evidence pack with the key', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-evidence=".json"]').click()]);
      expect(download.suggestedFilename()).toBe(`evidence-phone-${X}.json`);
      const pack = JSON.parse(readFileSync(await download.path(), 'utf8')) as { content: { reportTotal: number } };
      expect(pack.content.reportTotal).toBe(3);
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
      const { campaigns } = await query(app, 'query($b: String!) { campaigns(brand: $b, first: 5) { edges { node { id reportsByWeek { week reports } } } } }', { b: brandB });
      expect(campaigns.edges).toHaveLength(1);
      const campaign = campaigns.edges[0].node;
      expect(campaign.reportsByWeek.map((week: { week: string; reports: number }) => [week.week.slice(0, 10), week.reports])).toEqual([['2026-03-02', 3], ['2026-03-16', 1]]);
      const rowLocator = page.locator(`[data-campaign-id="${campaign.id}"]`);
      await expect.poll(() => page.locator('[data-campaign-id]').count()).toBe(1);
      expect(await rowLocator.locator('svg.sparkline').getAttribute('data-weeks')).toBe('3,0,1');
      await screenshot('campaigns');
      await rowLocator.getByRole('link').click();
      const graph = await settled();
      expect(graph.nodes.find((node) => node.id === `phone:${X}`)?.classes).toEqual(expect.arrayContaining(['origin', 'member']));
      expect(nodeSet(graph)).toEqual(expect.arrayContaining([...nodeSet(await neighbourhood('domain', d, 1, 30)), `brand:${brandA}`, `brand:${brandB}`]));
      expect(graph.nodes.find((node) => node.id === `domain:${d}`)?.classes).toContain('member');
      await screenshot('campaign');
    }, 120_000);

    it('ranks cross-brand numbers by brands impersonated', async () => {
      await page.getByRole('link', { name: 'Cross-brand numbers' }).click();
      const rows = page.locator('[data-brand-count]');
      await rows.first().waitFor();
      for (let more = page.getByRole('button', { name: 'More' }); (await page.locator(`[data-number="${X}"]`).count()) === 0; ) await more.click();
      const counts = (await rows.evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-brand-count')))));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(await page.locator(`[data-number="${X}"]`).getAttribute('data-brand-count')).toBe('2');
      await screenshot('cross-brand');
    });

    it('raises no errors in the page', () => {
      expect(pageErrors).toEqual([]);
    });
  },
);
