import { isDeepStrictEqual } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { Random } from '../../src/synthetic/random.js';
import type { AnalystQuery, KeyKind } from './analyst-queries.js';
import { runBenchCypher } from './bench-cypher.js';
import { ProgressLine } from '../scamgraph/progress.js';

export interface Endpoint {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

export interface QueryLatency {
  readonly query: string;
  /** Distinct keys asked, after dropping those the two servers cannot answer alike. */
  readonly keys: number;
  readonly keysLeftOut: number;
  readonly requests: number;
  readonly ours: Percentiles;
  readonly peer: Percentiles;
}

/** Thrown when the two servers disagree: the benchmark would otherwise compare different work. */
export class DifferentAnswersError extends Error {
  override name = 'DifferentAnswersError';
}

async function ask(endpoint: Endpoint, query: string, key: string): Promise<any> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...endpoint.headers },
    body: JSON.stringify({ query, variables: key ? { key } : {} }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) {
    throw new Error(`${endpoint.url} answered ${response.status} for key "${key}": ${JSON.stringify(body).slice(0, 500)}`);
  }
  return body.data;
}

/**
 * Asks both servers once for every key and fails loudly on the first key whose answers differ
 * (it doubles as the warm-up). Returns the keys kept: those `comparable` allows.
 */
export async function keysWithSameAnswers(query: AnalystQuery, keys: readonly string[], ours: Endpoint, peer: Endpoint): Promise<string[]> {
  const kept: string[] = [];
  for (const key of keys) {
    const mine = await ask(ours, query.ours, key);
    if (query.comparable && !query.comparable(mine)) continue;
    const expected = query.sameData.ours(mine);
    const theirs = query.sameData.peer(await ask(peer, query.peer, key));
    if (!isDeepStrictEqual(expected, theirs)) {
      const show = (value: unknown) => JSON.stringify(value).slice(0, 800);
      throw new DifferentAnswersError(
        `${query.name}, key "${key}": scamgraph and @neo4j/graphql differ\n  scamgraph:      ${show(expected)}\n  @neo4j/graphql: ${show(theirs)}`,
      );
    }
    kept.push(key);
  }
  if (kept.length === 0) throw new DifferentAnswersError(`${query.name}: none of ${keys.length} keys can be compared`);
  return kept;
}

/**
 * `requests` requests per server, round-robin over the keys, one at a time; the two servers take
 * turns (and turns at going first), so a busy moment on a shared machine falls on both alike.
 */
export async function measureLatency(
  query: AnalystQuery,
  keys: readonly string[],
  sampled: number,
  requests: number,
  ours: Endpoint,
  peer: Endpoint,
): Promise<QueryLatency> {
  const times = { ours: [] as number[], peer: [] as number[] };
  const timed = async (side: 'ours' | 'peer', key: string) => {
    const started = performance.now();
    await ask(side === 'ours' ? ours : peer, side === 'ours' ? query.ours : query.peer, key);
    times[side].push(performance.now() - started);
  };
  const progress = new ProgressLine(query.name, requests, 'request pairs');
  for (let i = 0; i < requests; i++) {
    const key = keys[i % keys.length] as string;
    const [first, second] = i % 2 === 0 ? (['ours', 'peer'] as const) : (['peer', 'ours'] as const);
    await timed(first, key);
    await timed(second, key);
    progress.update(i + 1);
  }
  progress.done();
  return {
    query: query.name,
    keys: keys.length,
    keysLeftOut: sampled - keys.length,
    requests,
    ours: percentiles(times.ours),
    peer: percentiles(times.peer),
  };
}

/** Nearest-rank percentiles in milliseconds, to 0.01 ms. */
export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Number((sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0).toFixed(2));
  return { p50: at(0.5), p99: at(0.99) };
}

export type SampledKeys = Readonly<Record<KeyKind, readonly string[]>>;

/** Up to `count` keys of each kind, the same ones for the same graph and seed; every brand with callback numbers. */
export async function sampleKeys(driver: Driver, seed: number, count: number): Promise<SampledKeys> {
  const [row] = await runBenchCypher(driver, 'query-keys');
  const list = (name: string) => (row?.[name] ?? []) as string[];
  const random = new Random(seed);
  const some = (keys: string[]) => random.sample(keys, Math.min(count, keys.length));
  return { phone: some(list('phones')), domain: some(list('domains')), brand: list('brands'), none: [''] };
}
