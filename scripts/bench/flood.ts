// The flood scenario (issue 16): one key floods the worst requests the limits allow (aliased
// evidence packs, wide neighbourhoods, checks, deep pages) from several connections while another
// key sends the five analyst queries; the analyst's p50 and p99 beside a quiet run.
//   npx tsx scripts/bench/flood.ts <graphql url> <admin key> [--requests 200] [--connections 8]
import { parseArgs } from 'node:util';
import { ANALYST_QUERIES } from './analyst-queries.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { requests: { type: 'string', default: '200' }, connections: { type: 'string', default: '8' } },
});
const [url = 'http://127.0.0.1:4000/graphql', adminKey = process.env['SCAMGRAPH_ADMIN_KEY'] ?? ''] = positionals;
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);

async function ask(key: string, query: string, variables: Record<string, unknown> = {}): Promise<{ ms: number; status: number; body: any }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  return { ms: performance.now() - started, status: response.status, body };
}

const newKey = async (name: string) => (await ask(adminKey, `mutation { createApiKey(name: "${name}", role: ANALYST) { key } }`)).body.data.createApiKey.key as string;
const analyst = await newKey('bench-analyst');
const flooder = await newKey('bench-flood');

const seed = (await ask(adminKey, '{ crossBrandNumbers(minBrands: 1, first: 50) { edges { node { e164 domains { name } brands { slug } } } } }')).body.data;
const phones: string[] = seed.crossBrandNumbers.edges.map((edge: any) => edge.node.e164);
const domains: string[] = seed.crossBrandNumbers.edges.flatMap((edge: any) => edge.node.domains.map((d: any) => d.name));
const brands: string[] = [...new Set<string>(seed.crossBrandNumbers.edges.flatMap((edge: any) => edge.node.brands.map((b: any) => b.slug)))];
const keysOf = { phone: phones, domain: domains, brand: brands, none: [''] } as const;
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** The worst requests the limits allow, each just under QUERY_MAX_COMPLEXITY and the alias limit. */
const FLOOD: ReadonlyArray<(i: number) => string> = [
  (i) => `{ ${Array.from({ length: 7 }, (_, a) => `p${a}: evidencePack(kind: "phone", value: "${pick(phones, i + a)}") { digest }`).join(' ')} }`,
  (i) => `{ ${Array.from({ length: 18 }, (_, a) => `n${a}: neighbourhood(kind: "phone", value: "${pick(phones, i + a)}", hops: 3, limit: 500) { truncated nodes { id } }`).join(' ')} }`,
  (i) => `{ ${Array.from({ length: 30 }, (_, a) => `c${a}: checkNumber(number: "${pick(phones, i + a)}") { verdict score reasons { code } }`).join(' ')} }`,
  () => '{ crossBrandNumbers(minBrands: 1, first: 100) { edges { node { e164 brands { slug } domains { name } reports(first: 50) { edges { node { id } } } } } } }',
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function analystRun(): Promise<{ p50: number; p99: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const query = pick(ANALYST_QUERIES, i);
    const key = pick(keysOf[query.key], i);
    const { ms, body } = await ask(analyst, query.ours, query.key === 'none' ? {} : { key });
    if (body.errors) errors++;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), errors };
}

const quiet = await analystRun();
let flooding = true;
const outcomes = new Map<string, number>();
const floods = Array.from({ length: CONNECTIONS }, async (_, connection) => {
  for (let i = connection; flooding; i += CONNECTIONS) {
    const { status, body } = await ask(flooder, pick(FLOOD, i)(i));
    const outcome = body.errors?.[0]?.extensions?.code ?? `ok (${status})`;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
});
const loaded = await analystRun();
flooding = false;
await Promise.all(floods);

const fmt = (n: number) => n.toFixed(1);
process.stdout.write(
  `| analyst queries (${REQUESTS} requests) | p50 ms | p99 ms | errors |\n| --- | ---: | ---: | ---: |\n` +
    `| quiet | ${fmt(quiet.p50)} | ${fmt(quiet.p99)} | ${quiet.errors} |\n` +
    `| under a flood from ${CONNECTIONS} connections of one key | ${fmt(loaded.p50)} | ${fmt(loaded.p99)} | ${loaded.errors} |\n\n` +
    `p99 under the flood: ${fmt(loaded.p99 / quiet.p99)} times the quiet p99 (target: within 3 times and under 50 ms)\n` +
    `flood outcomes: ${[...outcomes].map(([outcome, count]) => `${outcome} ${count}`).join(', ')}\n`,
);
