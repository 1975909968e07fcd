// The explorer phase (issue 19): search to drawn in Chromium for a 500-report hub number and a
// campaign of about 2,000 indicators, seeded through the API (explorer-world.ts, as the browser test
// seeds them small) into whatever graph the bench holds. Each case is searched `repetitions` times
// by an ANALYST key as an analyst would (the Search form; a campaign's link), the first reported apart
// as cold; the times are the page's own (explorer-browser.ts). A phase of `npm run bench` (`--only explorer`).
import { randomInt, randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Page } from 'playwright-core';
import {
  buildExplorerIfStale,
  chromiumMissing,
  clearPageTimings,
  launchChromium,
  pageTiming,
  type PageTiming,
} from './explorer-browser.js';
import { busyNumberReports, operationReports, type SeedReport } from './explorer-world.js';

export interface ExplorerLatencyOptions {
  readonly apiUrl: string;
  readonly adminKey: string;
  readonly repetitions: number;
  readonly log: (line: string) => void;
}

interface Spread {
  readonly p50: number;
  readonly max: number;
}

export interface ExplorerCase {
  readonly name: 'hub' | 'campaign';
  /** What was searched: "a number named by 500 reports", "a campaign of 1,998 indicators". */
  readonly what: string;
  readonly nodesDrawn: number;
  readonly cold: PageTiming;
  /** The repetitions after the first. */
  readonly warm: { readonly searchToDrawn: Spread; readonly api: Spread; readonly drawing: Spread };
}

export interface ExplorerLatencyResult {
  /** Why the phase did not run (no Chromium); null when it ran. */
  readonly skipped: string | null;
  readonly repetitions: number;
  readonly cases: readonly ExplorerCase[];
  /** Seeding and detecting the campaign, before any timing (s). */
  readonly seedSeconds: number;
  readonly loadAverage: { readonly before: readonly number[]; readonly after: readonly number[] };
}

const HUB_REPORTS = 500;
/**
 * 19 numbers and 20 sites, each beside every other about four times (so detection cannot cut them
 * apart), each report with a login page of its own and each fourth a shortened link: about 2,000
 * indicators. (299 numbers and 601 sites, a band of single ties, came out as campaigns of ~230.)
 */
const OPERATION = { numbers: 19, sites: 20, reports: 1_760 };
const BATCH = 500;
const TARGET_MS = 1_000;
const READY = '.graph-canvas[data-state="ready"]';
/** How long one search may take before the phase gives up on it: a loaded machine, not the default 30 s. */
const WAIT = { timeout: 120_000 };

const mobile = () => `+6148${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
const site = () => `x${randomUUID().slice(0, 12)}.com.au`;
const load = () => os.loadavg().map((value) => Number(value.toFixed(2)));

/** Nearest-rank median and the maximum. */
function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}

export async function explorerLatency(options: ExplorerLatencyOptions): Promise<ExplorerLatencyResult> {
  const { apiUrl, adminKey, repetitions, log } = options;
  const before = load();
  const missing = chromiumMissing();
  if (missing) {
    log(`explorer: skipped, ${missing}`);
    return { skipped: missing, repetitions, cases: [], seedSeconds: 0, loadAverage: { before, after: before } };
  }
  buildExplorerIfStale();
  const ask = async (query: string, variables: Record<string, unknown> = {}): Promise<any> => {
    const response = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(`explorer phase: ${query.slice(0, 60)}… answered ${JSON.stringify(body).slice(0, 400)}`);
    return body.data;
  };
  const submit = async (reports: readonly SeedReport[]) => {
    for (let at = 0; at < reports.length; at += BATCH)
      await ask('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code message } } }', {
        r: reports.slice(at, at + BATCH).map((report) => ({ channel: 'SMS', ...report })),
      });
  };

  // (1) The graph: a hub and an operation of its own each run (fresh values), one detection to make the campaign.
  const seeding = performance.now();
  const tag = randomUUID().slice(0, 8);
  const [hub, brand, real] = [mobile(), `bench-explorer-${tag}`, site()];
  const numbers = Array.from({ length: OPERATION.numbers }, mobile);
  const sites = Array.from({ length: OPERATION.sites }, site);
  await ask('mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
    b: { slug: brand, name: `Bench bank ${tag}`, officialDomains: [real] },
  });
  log(`explorer: seeding a ${HUB_REPORTS}-report number and an operation of ${OPERATION.reports.toLocaleString('en-AU')} reports`);
  await submit(busyNumberReports(hub, `bench-hub-${tag}`, HUB_REPORTS, site));
  await submit(operationReports({ brand, real, numbers, sites, reports: OPERATION.reports, tag, months: 3, pagePerReport: true }));
  log('explorer: detecting campaigns');
  await ask('mutation { detectCampaigns { id } }');
  const { phoneNumber } = await ask('query($n: String!) { phoneNumber(number: $n) { campaign { id size } } }', { n: numbers[0] });
  const campaign = phoneNumber?.campaign as { id: string; size: number } | null;
  if (!campaign) throw new Error('explorer phase: detection put the operation in no campaign');
  const seedSeconds = Number(((performance.now() - seeding) / 1000).toFixed(1));
  log(`explorer: the operation is campaign ${campaign.id} of ${campaign.size} indicators (${seedSeconds} s to seed and detect)`);
  const { createApiKey } = await ask('mutation { createApiKey(name: "bench-explorer", role: ANALYST) { key } }');

  // (2) Chromium at 1400 x 900, signed in once; each search starts from an empty Search page.
  const { page, close } = await launchChromium();
  try {
    await page.goto(new URL('/explorer/', apiUrl).href);
    await page.getByLabel('API key').fill(createApiKey.key as string);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Campaigns' }).waitFor(WAIT);
    const searchHub = async () => {
      await page.getByLabel('Indicator').fill(hub);
      await page.getByRole('button', { name: 'Search' }).click();
    };
    // As a click on the campaign's link would: the hash changes, the page renders the campaign.
    const openCampaign = () => page.evaluate(`location.hash = ${JSON.stringify(`#/campaign/${encodeURIComponent(campaign.id)}`)}`);
    const cases: ExplorerCase[] = [
      await timeCase(page, 'hub', `a number named by ${HUB_REPORTS} reports`, 'Summary', searchHub, repetitions, log),
      await timeCase(
        page,
        'campaign',
        `a campaign of ${campaign.size.toLocaleString('en-AU')} indicators`,
        'Campaign',
        openCampaign,
        repetitions,
        log,
      ),
    ];
    return { skipped: null, repetitions, cases, seedSeconds, loadAverage: { before, after: load() } };
  } finally {
    await close();
  }
}

async function timeCase(
  page: Page,
  name: ExplorerCase['name'],
  what: string,
  operation: string,
  search: () => Promise<unknown>,
  repetitions: number,
  log: (line: string) => void,
): Promise<ExplorerCase> {
  const runs: PageTiming[] = [];
  let nodesDrawn = 0;
  for (let run = 0; run < repetitions; run++) {
    // An empty Search page draws nothing: the ready canvas waited for next is the search's own.
    await page.evaluate(`location.hash = '#/search'`);
    await page.getByRole('button', { name: 'Search' }).waitFor(WAIT);
    await clearPageTimings(page);
    await search();
    await page.locator(READY).waitFor(WAIT);
    runs.push(await pageTiming(page, operation));
    nodesDrawn = await page.evaluate<number>('window.explorerGraph().nodes.length');
    const { searchToDrawn, api, drawing } = runs.at(-1) as PageTiming;
    log(
      `explorer ${name} ${run === 0 ? 'cold' : `run ${run + 1}`}: ${searchToDrawn} ms search to drawn (API ${api} ms, drawing ${drawing} ms)`,
    );
  }
  const [cold, ...warm] = runs as [PageTiming, ...PageTiming[]];
  const of = (key: keyof PageTiming) => spread(warm.map((timing) => timing[key]));
  return { name, what, nodesDrawn, cold, warm: { searchToDrawn: of('searchToDrawn'), api: of('api'), drawing: of('drawing') } };
}

/** The phase's section of the results Markdown. */
export function explorerLatencyMarkdown(result: ExplorerLatencyResult): string {
  if (result.skipped) return `Explorer (issue 19): skipped, ${result.skipped}.\n`;
  const row = (c: ExplorerCase) =>
    `| ${c.name}: ${c.what} | ${c.nodesDrawn} | ${c.cold.searchToDrawn} (${c.cold.api} + ${c.cold.drawing}) | ` +
    `${c.warm.api.p50} / ${c.warm.api.max} | ${c.warm.drawing.p50} / ${c.warm.drawing.max} | ` +
    `${c.warm.searchToDrawn.p50} / ${c.warm.searchToDrawn.max} | ${c.warm.searchToDrawn.max < TARGET_MS ? 'met' : 'not met'} |`;
  const loads = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(', ');
  return [
    `Explorer (issue 19): search to drawn in headless Chromium (1400 x 900) by an ANALYST key, ${result.repetitions} times each, ` +
      `the first (cold) apart; the page's own Performance API marks: from the route's render (the Search button, the campaign's link) ` +
      `to the graph painted; API: the GraphQL request the drawing waits on (neighbourhoodSummary, the campaign and its picture), asked ` +
      `to answer read; drawing: Cytoscape adding, laying out and painting it. Seeding and detection before it took ${result.seedSeconds} s. ` +
      `Load average (1, 5, 15 min) ${loads(result.loadAverage.before)} before, ${loads(result.loadAverage.after)} after.`,
    '',
    '| case | nodes drawn | cold ms (API + drawing) | API p50 / max | drawing p50 / max | search to drawn p50 / max | under 1 s (max) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...result.cases.map(row),
    '',
  ].join('\n');
}
