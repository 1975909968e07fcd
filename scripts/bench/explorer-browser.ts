// The explorer in Debian's Chromium, as the browser test and the bench's explorer phase both drive
// it: where Chromium is, its flags, the explorer built when its sources are newer, and the times
// the page itself measures (explorer/src: main.ts, api.ts, graph-view.ts) read back.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { projectRoot } from '../../src/config/project-root.js';
import { EXPLORER_DIST } from '../../src/server/explorer.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the explorer cannot be driven here ('' when it can). */
export const chromiumMissing = (): string =>
  existsSync(CHROMIUM) ? '' : `${CHROMIUM} is missing (apt-get install chromium; .ci/run does)`;

/** Builds the explorer when dist/explorer is missing or older than its sources. */
export function buildExplorerIfStale(): void {
  const newest = (path: string): number =>
    statSync(path).isDirectory() ? Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry)))) : statSync(path).mtimeMs;
  const built = join(EXPLORER_DIST, 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(projectRoot(), 'explorer'))) return;
  execFileSync('npm', ['run', 'build:explorer'], { cwd: projectRoot(), stdio: 'pipe' });
}

/** Headless Chromium at 1400 x 900 in a profile of its own, which `close` removes with the browser. */
export async function launchChromium(): Promise<{ page: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'explorer-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const close = async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}

/** One search (or campaign) as the page timed it, in ms. */
export interface PageTiming {
  /** From the route's render (the search submitted, the link followed) to the graph drawn and painted. */
  readonly searchToDrawn: number;
  /** The GraphQL operation the drawing waits on, from asking to its answer read. */
  readonly api: number;
  /** Cytoscape adding the elements, laying them out and painting them. */
  readonly drawing: number;
}

/** Forgets the page's marks, so the next timing reads the next search's only. */
export const clearPageTimings = (page: Page): Promise<void> => page.evaluate('performance.clearMarks(); performance.clearMeasures()');

/**
 * The last search's times, as the page marked them: "scamgraph:route" to "scamgraph:ready", the
 * measure "scamgraph:api <operation>" and "scamgraph:draw". Call it once the canvas is ready.
 */
export async function pageTiming(page: Page, operation: string): Promise<PageTiming> {
  // A string, not a function: tsx (the bench) names arrow functions with a helper the page does not have.
  const times = await page.evaluate<{ searchToDrawn: number; api: number; drawing: number } | { missing: string }>(`(() => {
    const [route, ready, api, draw] = ['scamgraph:route', 'scamgraph:ready', ${JSON.stringify(`scamgraph:api ${operation}`)}, 'scamgraph:draw']
      .map((entry) => performance.getEntriesByName(entry).at(-1));
    return route && ready && api && draw
      ? { searchToDrawn: ready.startTime - route.startTime, api: api.duration, drawing: draw.duration }
      : { missing: [route, ready, api, draw].map((entry) => entry?.name ?? 'absent').join(', ') };
  })()`);
  if ('missing' in times) throw new Error(`the page did not mark route, ready, api ${operation} and draw: got ${times.missing}`);
  const round = (ms: number) => Math.round(ms);
  return { searchToDrawn: round(times.searchToDrawn), api: round(times.api), drawing: round(times.drawing) };
}
