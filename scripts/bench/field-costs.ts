// `npx tsx scripts/bench/field-costs.ts <graphql url> <admin key>`: what each expensive field
// costs a running server, in milliseconds per instance, to price it in the complexity model
// (src/server/cost-model.ts). Each field is asked as ALIASES aliases in one request over the
// graph's busiest keys, REPEAT times; the floor ({ __typename }) is taken off.
const [url = 'http://127.0.0.1:4000/graphql', key = process.env['SCAMGRAPH_ADMIN_KEY'] ?? ''] = process.argv.slice(2);
const ALIASES = 10;
const REPEAT = 5;

async function ask(query: string): Promise<{ ms: number; bytes: number; data: any }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors) throw new Error(`${query.slice(0, 80)}: ${body.errors[0]?.message}`);
  return { ms, bytes: text.length, data: body.data };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(query: string): Promise<{ ms: number; bytes: number }> {
  const runs = [];
  for (let i = 0; i < REPEAT; i++) runs.push(await ask(query));
  return { ms: median(runs.map((run) => run.ms)), bytes: runs[0]?.bytes ?? 0 };
}

const top = await ask('{ crossBrandNumbers(first: 10) { edges { node { e164 } } } campaigns(first: 3) { edges { node { id } } } }');
const numbers: string[] = top.data.crossBrandNumbers.edges.map((edge: any) => edge.node.e164);
const campaignId: string = top.data.campaigns.edges[0]?.node.id ?? '';
const aliased = (field: (i: number) => string) => `{ ${Array.from({ length: ALIASES }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;
const number = (i: number) => numbers[i % numbers.length];

const FIELDS: Record<string, (i: number) => string> = {
  'phoneNumber { e164 }': (i) => `phoneNumber(number: "${number(i)}") { e164 }`,
  'evidencePack { digest }': (i) => `evidencePack(kind: "phone", value: "${number(i)}") { digest }`,
  'evidencePack { json }': (i) => `evidencePack(kind: "phone", value: "${number(i)}") { json }`,
  'evidencePack { stix }': (i) => `evidencePack(kind: "phone", value: "${number(i)}") { stix }`,
  'evidencePack { misp }': (i) => `evidencePack(kind: "phone", value: "${number(i)}") { misp }`,
  'evidencePack { csv }': (i) => `evidencePack(kind: "phone", value: "${number(i)}") { csv }`,
  'campaignEvidencePack { digest } (largest campaign)': () => `campaignEvidencePack(id: "${campaignId}") { digest }`,
  'neighbourhood(hops: 2, limit: 100)': (i) =>
    `neighbourhood(kind: "phone", value: "${number(i)}", hops: 2, limit: 100) { truncated nodes { id } edges { source } }`,
  'neighbourhood(hops: 3, limit: 500)': (i) =>
    `neighbourhood(kind: "phone", value: "${number(i)}", hops: 3, limit: 500) { truncated nodes { id } edges { source } }`,
  checkNumber: (i) => `checkNumber(number: "${number(i)}") { verdict score reasons { code } }`,
  checkDomain: () => `checkDomain(domain: "bit.ly") { verdict score reasons { code } }`,
  checkUrl: () => `checkUrl(url: "https://bit.ly/x") { verdict score reasons { code } }`,
  'crossBrandNumbers(first: 100) { e164 }': () => `crossBrandNumbers(minBrands: 1, first: 100) { edges { node { e164 } } }`,
  'campaigns(first: 100) { id size }': () => `campaigns(first: 100) { edges { node { id size } } }`,
  'phoneNumber { reports(first: 100) { id } }': (i) =>
    `phoneNumber(number: "${number(i)}") { reports(first: 100) { edges { node { id } } } }`,
};

const floor = await timed('{ __typename }');
process.stdout.write(`floor { __typename }: ${floor.ms.toFixed(1)} ms; ${ALIASES} aliases a request, median of ${REPEAT}\n\n`);
process.stdout.write('| field | ms per instance | bytes per instance |\n| --- | ---: | ---: |\n');
for (const [name, field] of Object.entries(FIELDS)) {
  const { ms, bytes } = await timed(aliased(field));
  process.stdout.write(`| ${name} | ${((ms - floor.ms) / ALIASES).toFixed(2)} | ${Math.round(bytes / ALIASES)} |\n`);
}
