// The explorer in Debian's Chromium, as the browser test and the bench's explorer phase both drive
// it: where Chromium is, its flags, the explorer built when its sources are newer, and the times
// the page itself measures (explorer/src: main.ts, api.ts, graph-view.ts) read back.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../src/config/project-root.js';
import { EXPLORER_DIST } from '../../src/server/explorer.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
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
export const clearPageTimings = (page: Page): Promise<void> =>
  page.evaluate(() => {
    performance.clearMarks();
    performance.clearMeasures();
  });

/**
 * The last search's times, as the page marked them: "scamgraph:route" to "scamgraph:ready", the
 * measure "scamgraph:api <operation>" and "scamgraph:draw". Call it once the canvas is ready.
 */
export async function pageTiming(page: Page, operation: string): Promise<PageTiming> {
  const times = await page.evaluate((name) => {
    const last = (entry: string) => performance.getEntriesByName(entry).at(-1);
    const [route, ready, api, draw] = ['scamgraph:route', 'scamgraph:ready', `scamgraph:api ${name}`, 'scamgraph:draw'].map(last);
    return route && ready && api && draw
      ? { searchToDrawn: ready.startTime - route.startTime, api: api.duration, drawing: draw.duration }
      : { missing: [route, ready, api, draw].map((entry) => entry?.name ?? 'absent').join(', ') };
  }, operation);
  if ('missing' in times) throw new Error(`the page did not mark route, ready, api ${operation} and draw: got ${times.missing}`);
  const round = (ms: number) => Math.round(ms);
  return { searchToDrawn: round(times.searchToDrawn), api: round(times.api), drawing: round(times.drawing) };
}
