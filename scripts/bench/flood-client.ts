// The flooding client of the flood scenario (flood-scenario.ts), in a process of its own as it would be
// on its own machine: parsing its megabyte answers must not hold up the analyst client's event loop, or
// the analyst's timings measure the bench rather than the server. Started with fork(); it is told the
// server, its key, the numbers to ask about and how many connections, floods until told to stop, then
// answers with what it got (outcome -> count) and exits.
import { postGraphql } from './graphql-post.js';
import { pick } from './round-robin.js';

export interface FloodOrder {
  readonly url: string;
  readonly key: string;
  readonly phones: readonly string[];
  readonly connections: number;
}

/** The worst requests the limits allow, each just under QUERY_MAX_COMPLEXITY and the alias limit. */
const FLOOD: ReadonlyArray<(phones: readonly string[], i: number) => string> = [
  (phones, i) =>
    `{ ${Array.from({ length: 7 }, (_, a) => `p${a}: evidencePack(kind: "phone", value: "${pick(phones, i + a)}") { digest }`).join(' ')} }`,
  (phones, i) =>
    `{ ${Array.from({ length: 18 }, (_, a) => `n${a}: neighbourhood(kind: "phone", value: "${pick(phones, i + a)}", hops: 3, limit: 500) { truncated nodes { id } }`).join(' ')} }`,
  (phones, i) =>
    `{ ${Array.from({ length: 30 }, (_, a) => `c${a}: checkNumber(number: "${pick(phones, i + a)}") { verdict score reasons { code } }`).join(' ')} }`,
  () =>
    '{ crossBrandNumbers(minBrands: 1, first: 100) { edges { node { e164 brands { slug } domains { name } reports(first: 50) { edges { node { id } } } } } } }',
];

let flooding = true;
process.on('message', (message: FloodOrder | 'stop') => {
  if (message === 'stop') {
    flooding = false;
    return;
  }
  const { url, key, phones, connections } = message;
  const outcomes: Record<string, number> = {};
  const floods = Array.from({ length: connections }, async (_, connection) => {
    for (let i = connection; flooding; i += connections) {
      const { status, body } = await postGraphql(url, key, pick(FLOOD, i)(phones, i));
      const outcome = body.errors?.[0]?.extensions?.code ?? `ok (${status})`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  });
  void Promise.all(floods).then(() => process.send?.(outcomes, () => process.disconnect()));
});
// Loaded: the scenario starts timing only now.
process.send?.('ready');
