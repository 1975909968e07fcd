// The flood scenario (issue 16): one key floods the worst requests the limits allow (aliased
// evidence packs, wide neighbourhoods, checks, deep pages) from several connections while another
// key sends the five analyst queries; the analyst's p50 and p99 beside a quiet run. A phase of
// `npm run bench` (against a server with the limits as deployed) and `scripts/bench/flood.ts`.
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ANALYST_QUERIES } from './analyst-queries.js';
import type { FloodOrder } from './flood-client.js';
import { postGraphql } from './graphql-post.js';
import { pick } from './round-robin.js';
import { cpuSeconds } from './process-cpu.js';

const FLOOD_CLIENT = fileURLToPath(new URL('./flood-client.ts', import.meta.url));

/** The processes whose CPU the scenario counts: the server's three, then the two clients, which share its cores here. */
const FLOOD_PROCESSES = {
  api: 'API process',
  lane: 'heavy lane',
  neo4j: 'Neo4j JVM',
  flood: 'flooding client (bench)',
  analyst: 'analyst client (bench)',
} as const;
type CountedProcess = keyof typeof FLOOD_PROCESSES;
/** The server's processes, whose pids the caller passes. */
export const SERVER_PROCESSES = ['api', 'lane', 'neo4j'] as const;
export type FloodProcess = (typeof SERVER_PROCESSES)[number];

export interface FloodOptions {
  readonly requests: number;
  readonly connections: number;
  /** Unmeasured analyst requests first, on a key of their own: V8's JIT, Neo4j's plans and the caches warm before timing. */
  readonly warmUp: number;
  /** The pids to read CPU time of (/proc); any may be absent. */
  readonly pids: Readonly<Partial<Record<FloodProcess, number>>>;
}

/** CPU ms a process spent over a run, per analyst request of that run (under the flood, the flood's work included). */
type CpuPerRequest = Readonly<Partial<Record<CountedProcess | 'wall', number>>>;

export interface AnalystFigures {
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** The query with the highest median, and that median. */
  readonly slowest: string;
  /** Each query's own p50 and p99: which one the overall tail comes from. */
  readonly byQuery: Readonly<Record<string, { readonly p50: number; readonly p99: number }>>;
}

export interface FloodResult {
  readonly requests: number;
  readonly connections: number;
  readonly quiet: AnalystFigures;
  readonly flooded: AnalystFigures;
  /** What the flooding key got: "ok (200)" or an error code, with counts. */
  readonly floodOutcomes: Readonly<Record<string, number>>;
  /** Each distinct error the analyst got (query, code, message), to tell a broken query from a refused one. */
  readonly analystErrors: readonly string[];
  /** The API process's event-loop delay (p99 and max, ms) in each run, from its own /metrics: what a cheap request waits for a turn. */
  readonly loopDelay: { readonly quiet: LoopDelay; readonly flooded: LoopDelay } | null;
  readonly warmUp: number;
  /** Each process's CPU per analyst request, quiet and under the flood: whose work the analyst's tail waits on. */
  readonly cpu: { readonly quiet: CpuPerRequest; readonly flooded: CpuPerRequest };
}

interface LoopDelay {
  readonly p99: number;
  readonly max: number;
}

/**
 * prom-client's event-loop delay histogram (collectDefaultMetrics) starts again at every scrape, so
 * one scrape before a run and one after give that run's delay. null when the server has no /metrics.
 */
async function loopDelay(metricsUrl: string): Promise<LoopDelay | null> {
  const response = await fetch(metricsUrl).catch(() => null);
  if (!response?.ok) return null;
  const text = await response.text();
  const seconds = (name: string) => Number(new RegExp(`^\\w*nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  const [p99, max] = [seconds('p99'), seconds('max')];
  return Number.isFinite(p99) && Number.isFinite(max) ? { p99: round(p99 * 1000), max: round(max * 1000) } : null;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (ms: number) => Number(ms.toFixed(1));
const median = (times: readonly number[]) =>
  percentile(
    [...times].sort((a, b) => a - b),
    50,
  );

/** Each named process's CPU seconds so far; a process that is gone (a lane that restarted) is left out. */
function cpuNow(pids: Partial<Record<CountedProcess, number>>): Map<CountedProcess, number> {
  const now = new Map<CountedProcess, number>();
  for (const [name, pid] of Object.entries(pids) as [CountedProcess, number | undefined][]) {
    if (pid === undefined) continue;
    try {
      now.set(name, cpuSeconds(pid));
    } catch {
      // No /proc entry: not counted.
    }
  }
  return now;
}

/** CPU ms of each process over a run per analyst request, and the run's wall-clock ms per request (two cores give twice that). */
async function cpuOver(
  pids: Partial<Record<CountedProcess, number>>,
  requests: number,
  run: () => Promise<AnalystFigures>,
): Promise<[AnalystFigures, CpuPerRequest]> {
  const [before, started] = [cpuNow(pids), performance.now()];
  const figures = await run();
  const [after, wall] = [cpuNow(pids), performance.now() - started];
  const each: Partial<Record<CountedProcess | 'wall', number>> = { wall: Number((wall / requests).toFixed(2)) };
  for (const [name, seconds] of after) {
    const start = before.get(name);
    if (start !== undefined) each[name] = Number((((seconds - start) * 1000) / requests).toFixed(2));
  }
  return [figures, each];
}

/** Runs the scenario against `url`, creating its three ANALYST keys (warm-up, analyst, flood) with `adminKey`. */
export async function floodScenario(url: string, adminKey: string, options: FloodOptions): Promise<FloodResult> {
  const ask = (key: string, query: string, variables: Record<string, unknown> = {}) => postGraphql(url, key, query, variables);
  const newKey = async (name: string) =>
    (await ask(adminKey, `mutation { createApiKey(name: "${name}", role: ANALYST) { key } }`)).body.data.createApiKey.key as string;
  const warmer = await newKey('bench-warm-up');
  const analyst = await newKey('bench-analyst');
  const flooder = await newKey('bench-flood');

  const seed = (
    await ask(adminKey, '{ crossBrandNumbers(minBrands: 1, first: 50) { edges { node { e164 domains { name } brands { slug } } } } }')
  ).body.data;
  const phones: string[] = seed.crossBrandNumbers.edges.map((edge: any) => edge.node.e164);
  const domains: string[] = seed.crossBrandNumbers.edges.flatMap((edge: any) => edge.node.domains.map((d: any) => d.name));
  const brands: string[] = [
    ...new Set<string>(seed.crossBrandNumbers.edges.flatMap((edge: any) => edge.node.brands.map((b: any) => b.slug))),
  ];
  const keysOf = { phone: phones, domain: domains, brand: brands, none: [''] } as const;
  const analystErrors = new Set<string>();

  async function analystRun(requests = options.requests, key = analyst): Promise<AnalystFigures> {
    const times: number[] = [];
    const byQuery = new Map<string, number[]>();
    let errors = 0;
    for (let i = 0; i < requests; i++) {
      const query = pick(ANALYST_QUERIES, i);
      const { ms, body } = await ask(key, query.ours, query.key === 'none' ? {} : { key: pick(keysOf[query.key], i) });
      if (body.errors) {
        errors++;
        analystErrors.add(`${query.name}: ${String(body.errors[0]?.extensions?.code)} ${String(body.errors[0]?.message).slice(0, 80)}`);
      }
      times.push(ms);
      byQuery.set(query.name, [...(byQuery.get(query.name) ?? []), ms]);
    }
    times.sort((a, b) => a - b);
    // The slowest query by its median: where a high p99 comes from when the flood is not the cause.
    const [slowest, slowestTimes] = [...byQuery].sort(([, a], [, b]) => median(b) - median(a))[0] ?? ['', []];
    const each = Object.fromEntries(
      [...byQuery].map(([name, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return [name, { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) }];
      }),
    );
    return {
      p50: round(percentile(times, 50)),
      p99: round(percentile(times, 99)),
      errors,
      slowest: `${slowest} (median ${round(median(slowestTimes))} ms)`,
      byQuery: each,
    };
  }

  // The flooding client runs in a process of its own (flood-client.ts): the analyst's client keeps its event loop.
  // Started and loaded (tsx compiling it is a second of CPU) before anything is timed; it floods when told.
  const flood = fork(FLOOD_CLIENT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const floodReady = new Promise<void>((resolve) => flood.once('message', () => resolve()));
  const floodDone = new Promise<Record<string, number>>((resolve, reject) => {
    flood.on('message', (message) => message !== 'ready' && resolve(message as Record<string, number>));
    flood.once('exit', (code) => reject(new Error(`the flooding client exited (${String(code)}) before answering`)));
  });
  floodDone.catch(() => {}); // awaited below; an early exit ends the race with its error
  let finished = false;
  try {
    await Promise.race([floodReady, floodDone]);
    const result = await measure();
    finished = true;
    return result;
  } finally {
    // A run that failed half-way leaves no flooding client behind.
    if (!finished) flood.kill();
  }

  async function measure(): Promise<FloodResult> {
    // Unmeasured: each query planned by Neo4j and its path compiled by V8 (the server's hot functions
    // need hundreds of calls) before either run is timed; on a key of its own, so the analyst's key
    // keeps its whole rate limit (600 a minute) for the two timed runs.
    if (options.warmUp > 0) await analystRun(options.warmUp, warmer);
    const metricsUrl = new URL('/metrics', url).toString();
    await loopDelay(metricsUrl);
    const counted = { ...options.pids, analyst: process.pid };
    const [quiet, quietCpu] = await cpuOver(counted, options.requests, () => analystRun());
    const quietLoop = await loopDelay(metricsUrl);
    const order: FloodOrder = { url, key: flooder, phones, connections: options.connections };
    flood.send(order);
    const [flooded, floodedCpu] = await cpuOver({ ...counted, ...(flood.pid ? { flood: flood.pid } : {}) }, options.requests, () =>
      analystRun(),
    );
    const floodedLoop = await loopDelay(metricsUrl);
    flood.send('stop');
    const floodOutcomes = await floodDone;
    return {
      requests: options.requests,
      connections: options.connections,
      quiet,
      flooded,
      floodOutcomes,
      analystErrors: [...analystErrors],
      loopDelay: quietLoop && floodedLoop ? { quiet: quietLoop, flooded: floodedLoop } : null,
      warmUp: options.warmUp,
      cpu: { quiet: quietCpu, flooded: floodedCpu },
    };
  }
}

export function floodMarkdown(result: FloodResult): string {
  const ratio = result.quiet.p99 > 0 ? result.flooded.p99 / result.quiet.p99 : 0;
  // A run whose analyst was refused (its key's rate limit) measured refusals, not the server: never met.
  const met = ratio <= 3 && result.flooded.p99 < 50 && result.quiet.errors + result.flooded.errors === 0;
  return [
    `Analyst queries (the five, ${result.requests} requests one at a time, after ${result.warmUp} unmeasured on a key of their own) quiet and while one key floods the worst requests the limits allow from ${result.connections} connections:`,
    '',
    '| analyst queries | p50 ms | p99 ms | errors | slowest query |',
    '| --- | ---: | ---: | ---: | --- |',
    `| quiet | ${result.quiet.p50} | ${result.quiet.p99} | ${result.quiet.errors} | ${result.quiet.slowest} |`,
    `| under the flood | ${result.flooded.p50} | ${result.flooded.p99} | ${result.flooded.errors} | ${result.flooded.slowest} |`,
    '',
    'Each query on its own (p50 / p99 ms):',
    '',
    '| query | quiet | under the flood |',
    '| --- | ---: | ---: |',
    ...Object.entries(result.quiet.byQuery).map(([name, quiet]) => {
      const flooded = result.flooded.byQuery[name];
      return `| ${name} | ${quiet.p50} / ${quiet.p99} | ${flooded ? `${flooded.p50} / ${flooded.p99}` : '-'} |`;
    }),
    '',
    `p99 under the flood: ${ratio.toFixed(1)} times the quiet p99; target (within 3 times, under 50 ms) ${met ? 'met' : 'not met'}. ` +
      `The flooding key got: ${Object.entries(result.floodOutcomes)
        .map(([outcome, count]) => `${outcome} ${count}`)
        .join(', ')}.`,
    ...(result.analystErrors.length > 0 ? ['', `The analyst's errors: ${result.analystErrors.join('; ')}.`] : []),
    ...(result.loopDelay
      ? [
          '',
          `The API process's event-loop delay (its /metrics), p99 / max ms: quiet ${result.loopDelay.quiet.p99} / ${result.loopDelay.quiet.max}, ` +
            `under the flood ${result.loopDelay.flooded.p99} / ${result.loopDelay.flooded.max} (HEAVY_LANE=${process.env['HEAVY_LANE'] ?? 'process'}).`,
        ]
      : []),
    ...cpuMarkdown(result.cpu),
    '',
  ].join('\n');
}

function cpuMarkdown(cpu: FloodResult['cpu']): string[] {
  const names = (Object.keys(FLOOD_PROCESSES) as CountedProcess[]).filter(
    (name) => cpu.quiet[name] !== undefined || cpu.flooded[name] !== undefined,
  );
  if (names.length === 0) return [];
  return [
    '',
    "CPU ms per analyst request (each process's user and system time over the run, from /proc, divided by the analyst's requests; under the flood it includes the flood's work; the two clients stand for other machines but share these cores):",
    '',
    '| process | quiet | under the flood |',
    '| --- | ---: | ---: |',
    ...names.map((name) => `| ${FLOOD_PROCESSES[name]} | ${cpu.quiet[name] ?? '-'} | ${cpu.flooded[name] ?? '-'} |`),
    `| wall-clock ms per request (the cores give ${os.cpus().length} times this) | ${cpu.quiet.wall ?? '-'} | ${cpu.flooded.wall ?? '-'} |`,
  ];
}
