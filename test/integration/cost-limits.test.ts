// Issue 16: cost that reflects work. Each limit answers its own code before any resolver runs
// (no Cypher round trip), and a key's budget per minute is its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueMobile, type TestApp } from '../helpers/app.js';

const aliases = (count: number, field: (i: number) => string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;
const pack = () => `evidencePack(kind: "phone", value: "${uniqueMobile()}") { digest }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ COST_BUDGET_PER_MINUTE: '6000' });
});
afterAll(() => app?.stop());

async function refusal(query: string, variables: Record<string, unknown> = {}) {
  let answer: Awaited<ReturnType<TestApp['gql']>> | undefined;
  const trips = await app.roundTrips(async () => (answer = await app.gql(query, variables)));
  return { trips, status: answer?.status, code: answer?.errors?.[0]?.extensions?.code, data: answer?.data };
}

describe('cost limits', () => {
  it('refuses 500 aliases of evidencePack with TOO_MANY_ALIASES before any work', async () => {
    expect(await refusal(aliases(500, pack))).toMatchObject({ trips: 0, status: 400, code: 'TOO_MANY_ALIASES' });
  });

  it('prices evidencePack from its work: 10 packs are more than one request may cost', async () => {
    expect(await refusal(aliases(10, pack))).toMatchObject({ trips: 0, status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  it('prices a neighbourhood by its limit', async () => {
    const big = (i: number) =>
      `neighbourhood(kind: "phone", value: "0412 345 6${String(i).padStart(2, '0')}", hops: 3, limit: 500) { truncated }`;
    expect(await refusal(aliases(25, big))).toMatchObject({ trips: 0, code: 'QUERY_TOO_COMPLEX' });
  });

  it('lets 30 aliased lookups through', async () => {
    const lookup = (i: number) => `phoneNumber(number: "0412 345 6${String(i).padStart(2, '0')}") { e164 }`;
    expect((await app.gql(aliases(30, lookup))).errors).toBeUndefined();
  });

  it('refuses more directives than allowed with TOO_MANY_DIRECTIVES', async () => {
    expect(await refusal(aliases(21, () => '__typename @include(if: true)'))).toMatchObject({
      trips: 0,
      status: 400,
      code: 'TOO_MANY_DIRECTIVES',
    });
  });

  it('costs one query text by its variables each time: a small page passes, then a large one is refused', async () => {
    const pages = 'query($n: Int) { crossBrandNumbers(first: $n) { edges { node { reports(first: $n) { edges { node { id } } } } } } }';
    expect((await app.gql(pages, { n: 2 })).errors).toBeUndefined();
    expect(await refusal(pages, { n: 100 })).toMatchObject({ trips: 0, status: 400, code: 'QUERY_TOO_COMPLEX' });
    expect((await app.gql(pages, { n: 2 })).errors).toBeUndefined();
  });

  it('refuses the same document alike every time it is asked', async () => {
    const many = aliases(31, (i) => `phoneNumber(number: "0412 345 6${String(i).padStart(2, '0')}") { e164 }`);
    for (let i = 0; i < 3; i++) expect(await refusal(many)).toMatchObject({ trips: 0, status: 400, code: 'TOO_MANY_ALIASES' });
  });

  it("spends a key's budget per minute and leaves other keys theirs", async () => {
    const { data } = await app.gql('mutation { createApiKey(name: "cost-test", role: ANALYST) { key } }');
    const other = data?.createApiKey.key as string;
    // 6,000 points a minute: two packs (2,500 each) fit, the third does not.
    const one = `{ ${pack()} }`;
    expect((await app.gql(one)).errors?.[0]).toBeUndefined();
    expect((await app.gql(one)).errors).toBeUndefined();
    const third = await refusal(one);
    expect(third).toMatchObject({ trips: 0, status: 429, code: 'COST_BUDGET_EXCEEDED' });
    expect((await app.gql(one, {}, other)).errors).toBeUndefined();
  });
});
