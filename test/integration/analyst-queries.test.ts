import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';

const HUB_DEGREE = 6;
let app: TestApp;

// A hand-built graph, unique to this run: X is a callback number for brands A, B and C; Y only for A;
// S is shown as caller ID in reports for A and B (spoofed) and is never a callback number.
const tag = uniqueId().slice(0, 8);
const [A, B, C] = ['a', 'b', 'c'].map((letter) => `brand-${letter}-${tag}`) as [string, string, string];
const [X, Y, S] = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
const [d1, d2, hub] = [uniqueDomain(), uniqueDomain(), uniqueDomain()];
const sms = (fields: Record<string, unknown>) => ({ channel: 'SMS', ...fields });

beforeAll(async () => {
  app = await startTestApp({ HUB_DEGREE: String(HUB_DEGREE) });
  const reports = [
    sms({ claimedBrand: A, callbackNumbers: [X], urls: [`https://${d1}/a`], callerIds: [S], receivedAt: '2026-01-01T00:00:00Z' }),
    sms({ claimedBrand: A, callbackNumbers: [X], urls: [`https://${d1}/b`], receivedAt: '2026-01-02T00:00:00Z' }),
    sms({ claimedBrand: B, callbackNumbers: [X], urls: [`https://${d2}/`], callerIds: [S], receivedAt: '2026-01-03T00:00:00Z' }),
    sms({ claimedBrand: C, callbackNumbers: [X], receivedAt: '2026-01-04T00:00:00Z' }),
    sms({ claimedBrand: A, callbackNumbers: [Y], urls: [`https://${d1}/c`, `https://${hub}/x`], receivedAt: '2026-01-05T00:00:00Z' }),
    // The hub: many unrelated reports name it.
    ...Array.from({ length: HUB_DEGREE + 2 }, () => sms({ callbackNumbers: [uniqueMobile()], urls: [`https://${hub}/`] })),
  ];
  const response = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', { r: reports });
  expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
});
afterAll(() => app?.stop());

const query = async (text: string, variables: Record<string, unknown> = {}) => {
  const response = await app.gql(text, variables);
  expect(response.errors).toBeUndefined();
  return response.data as Record<string, any>;
};

describe('pivots between numbers, domains and brands', () => {
  it('gives a callback number its brands and domains, strongest evidence first', async () => {
    const { phoneNumber } = await query('query($n: String!) { phoneNumber(number: $n) { brandCount brands { slug } domains { name } } }', {
      n: X,
    });
    expect(phoneNumber).toEqual({ brandCount: 3, brands: [{ slug: A }, { slug: B }, { slug: C }], domains: [{ name: d1 }, { name: d2 }] });
  });

  it('never links brands through a spoofed caller ID', async () => {
    const { phoneNumber } = await query(
      'query($n: String!) { phoneNumber(number: $n) { brandCount brands { slug } domains { name } cb: reportCount(role: CALLBACK) ci: reportCount(role: CALLER_ID) } }',
      { n: S },
    );
    expect(phoneNumber).toEqual({ brandCount: 0, brands: [], domains: [], cb: 0, ci: 2 });
    const { crossBrandNumbers } = await query('{ crossBrandNumbers(minBrands: 2, first: 100) { edges { node { e164 } } } }');
    expect(crossBrandNumbers.edges.map((edge: any) => edge.node.e164)).not.toContain(S);
  });

  it('gives a domain the callback numbers and brands beside it', async () => {
    const { domain } = await query('query($d: String!) { domain(name: $d) { callbackNumbers { e164 } brands { slug } } }', { d: d1 });
    expect(domain).toEqual({ callbackNumbers: [{ e164: X }, { e164: Y }], brands: [{ slug: A }] });
  });

  it("pages a brand's callback numbers with stable cursors and a kept total", async () => {
    const page = `query($s: String!, $after: String) { brand(slug: $s) {
      domains { name }
      callbackNumbers(first: 1, after: $after) { totalCount edges { cursor node { e164 } } pageInfo { hasNextPage endCursor } } } }`;
    const first = (await query(page, { s: A })).brand;
    expect(first.domains).toEqual([{ name: d1 }, { name: hub }]);
    expect(first.callbackNumbers).toMatchObject({ totalCount: 2, edges: [{ node: { e164: X } }], pageInfo: { hasNextPage: true } });
    const second = (await query(page, { s: A, after: first.callbackNumbers.pageInfo.endCursor })).brand.callbackNumbers;
    expect(second).toMatchObject({ totalCount: 2, edges: [{ node: { e164: Y } }], pageInfo: { hasNextPage: false } });
  });

  it("pages a number's reports newest first", async () => {
    const page =
      'query($n: String!, $after: String) { phoneNumber(number: $n) { reports(first: 3, after: $after) { totalCount edges { node { receivedAt } } pageInfo { hasNextPage endCursor } } } }';
    const first = (await query(page, { n: X })).phoneNumber.reports;
    expect(first.totalCount).toBe(4);
    expect(first.edges.map((edge: any) => edge.node.receivedAt.slice(0, 10))).toEqual(['2026-01-04', '2026-01-03', '2026-01-02']);
    const rest = (await query(page, { n: X, after: first.pageInfo.endCursor })).phoneNumber.reports;
    expect(rest.edges.map((edge: any) => edge.node.receivedAt.slice(0, 10))).toEqual(['2026-01-01']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it("fetches a page's reports with the fields it selects, whole where it asks for them and alike where it does not", async () => {
    const page = `query($n: String!) { phoneNumber(number: $n) {
      whole: reports(first: 4) { edges { cursor node { id channel receivedAt text referenceNumbers shortCodes brand { slug } callbackNumbers { e164 } } } }
      ids: reports(first: 4) { edges { cursor node { id } } } } }`;
    const { whole, ids } = (await query(page, { n: X })).phoneNumber;
    expect(whole.edges.map((edge: any) => edge.node.brand.slug)).toEqual([C, B, A, A]);
    expect(whole.edges[0].node).toMatchObject({
      channel: 'SMS',
      receivedAt: '2026-01-04T00:00:00.000Z',
      referenceNumbers: [],
      shortCodes: [],
      callbackNumbers: [{ e164: X }],
    });
    expect(ids.edges).toEqual(whole.edges.map((edge: any) => ({ cursor: edge.cursor, node: { id: edge.node.id } })));
  });

  it('ranks cross-brand numbers by brands impersonated', async () => {
    const { crossBrandNumbers } = await query(
      '{ crossBrandNumbers(minBrands: 2, first: 100) { totalCount edges { node { e164 brandCount } } } }',
    );
    const counts = crossBrandNumbers.edges.map((edge: any) => edge.node.brandCount);
    expect(crossBrandNumbers.edges.map((edge: any) => edge.node.e164)).toContain(X);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.every((count: number) => count >= 2)).toBe(true);
    expect(crossBrandNumbers.totalCount).toBeGreaterThanOrEqual(counts.length);
  });
});

describe('neighbourhood', () => {
  const NEIGHBOURHOOD =
    'query($k: String!, $v: String!, $h: Int, $l: Int) { neighbourhood(kind: $k, value: $v, hops: $h, limit: $l) { truncated nodes { id kind hub } edges { source target kind } } }';

  it('draws reports, domains and brands around a number, caller IDs as their own edge kind', async () => {
    const { neighbourhood } = await query(NEIGHBOURHOOD, { k: 'phone', v: X, h: 2 });
    const ids = neighbourhood.nodes.map((node: any) => node.id);
    expect(ids).toEqual(
      expect.arrayContaining([`phone:${X}`, `domain:${d1}`, `domain:${d2}`, `brand:${A}`, `brand:${B}`, `brand:${C}`, `phone:${S}`]),
    );
    expect(neighbourhood.nodes.filter((node: any) => node.kind === 'report')).toHaveLength(4);
    expect(neighbourhood.edges.filter((edge: any) => edge.kind === 'CALLBACK_NUMBER' && edge.target === `phone:${X}`)).toHaveLength(4);
    expect(neighbourhood.edges.filter((edge: any) => edge.kind === 'CALLER_ID' && edge.target === `phone:${S}`)).toHaveLength(2);
    for (const edge of neighbourhood.edges) expect(ids).toEqual(expect.arrayContaining([edge.source, edge.target]));
  });

  it('shows a hub but does not expand it', async () => {
    const { neighbourhood } = await query(NEIGHBOURHOOD, { k: 'phone', v: Y, h: 3 });
    const hubNode = neighbourhood.nodes.find((node: any) => node.id === `domain:${hub}`);
    expect(hubNode).toMatchObject({ hub: true });
    // Through the hub, 3 hops would reach the other reports' numbers; none may appear.
    expect(neighbourhood.nodes.filter((node: any) => node.kind === 'phone').map((node: any) => node.id)).toEqual([`phone:${Y}`]);
  });

  it('stops at the node limit and says so', async () => {
    const { neighbourhood } = await query(NEIGHBOURHOOD, { k: 'phone', v: X, h: 3, l: 3 });
    expect(neighbourhood.nodes).toHaveLength(3);
    expect(neighbourhood.truncated).toBe(true);
  });

  it('draws the first hop to the limit and no node of the second once it is full, saying it was cut', async () => {
    const [number, domains] = [uniqueMobile(), Array.from({ length: 5 }, () => uniqueDomain())];
    const reports = domains.map((domain) => sms({ callbackNumbers: [number], urls: [`https://${domain}/`] }));
    const response = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', { r: reports });
    expect(response.data!['submitReports'].flatMap((result: any) => result.errors)).toEqual([]);
    const kinds = (picture: any) => picture.nodes.map((node: any) => node.kind).sort();

    // Room for the number and five reports exactly: the domains behind them are left out, and the drawing says so.
    const full = (await query(NEIGHBOURHOOD, { k: 'phone', v: number, h: 2, l: 6 })).neighbourhood;
    expect(kinds(full)).toEqual(['phone', 'report', 'report', 'report', 'report', 'report']);
    expect(full.edges).toHaveLength(5);
    expect(full.truncated).toBe(true);
    // Room for one report fewer: cut in the first hop.
    const cut = (await query(NEIGHBOURHOOD, { k: 'phone', v: number, h: 2, l: 5 })).neighbourhood;
    expect(kinds(cut)).toEqual(['phone', 'report', 'report', 'report', 'report']);
    expect(cut.truncated).toBe(true);
    // Room for all: the second hop's domains come too, and nothing is cut.
    const whole = (await query(NEIGHBOURHOOD, { k: 'phone', v: number, h: 2, l: 20 })).neighbourhood;
    expect(
      whole.nodes
        .filter((node: any) => node.kind === 'domain')
        .map((node: any) => node.id)
        .sort(),
    ).toEqual(domains.map((domain) => `domain:${domain}`).sort());
    expect(whole.truncated).toBe(false);
  });

  it('refuses hops above 3 and unknown kinds with codes', async () => {
    const tooFar = await app.gql(NEIGHBOURHOOD, { k: 'phone', v: X, h: 4 });
    expect(tooFar.errors?.[0].extensions.code).toBe('OUT_OF_RANGE');
    const unknown = await app.gql(NEIGHBOURHOOD, { k: 'fax', v: X });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'INVALID_VALUE' });
  });
});

describe('batched reads and cost controls', () => {
  it('makes as many Cypher round trips for 50 numbers as for 5', async () => {
    const brand = `bulk-${tag}`;
    const reports = Array.from({ length: 50 }, (_, i) =>
      sms({ claimedBrand: brand, callbackNumbers: [uniqueMobile()], urls: [`https://${uniqueDomain()}/${i}`] }),
    );
    await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { index } }', { r: reports });
    const list =
      'query($s: String!, $n: Int) { brand(slug: $s) { callbackNumbers(first: $n) { edges { node { e164 brands { slug } domains { name } } } } } }';
    let listed = 0;
    const five = await app.roundTrips(async () => (listed = (await query(list, { s: brand, n: 5 })).brand.callbackNumbers.edges.length));
    expect(listed).toBe(5);
    const fifty = await app.roundTrips(async () => (listed = (await query(list, { s: brand, n: 50 })).brand.callbackNumbers.edges.length));
    expect(listed).toBe(50);
    expect(fifty).toBe(five);
    expect(fifty).toBeLessThanOrEqual(4);
  });

  it('fetches a pivot with the lists its query selects in one round trip, through fragments and aliases', async () => {
    const phone = `query($n: String!) { phoneNumber(number: $n) { e164 ...Lists top: brands { slug } } }
      fragment Lists on PhoneNumber { brands { slug } domains { name } }`;
    let answer: Record<string, any> = {};
    expect(await app.roundTrips(async () => (answer = await query(phone, { n: X })))).toBe(1);
    expect(answer['phoneNumber']).toEqual({
      e164: X,
      brands: [{ slug: A }, { slug: B }, { slug: C }],
      top: [{ slug: A }, { slug: B }, { slug: C }],
      domains: [{ name: d1 }, { name: d2 }],
    });
    const domain = 'query($d: String!) { domain(name: $d) { name callbackNumbers { e164 } brands { slug } } }';
    expect(await app.roundTrips(async () => (answer = await query(domain, { d: d1 })))).toBe(1);
    expect(answer['domain']).toEqual({ name: d1, callbackNumbers: [{ e164: X }, { e164: Y }], brands: [{ slug: A }] });
    const skipped = 'query($d: String!, $no: Boolean!) { domain(name: $d) { name brands @skip(if: $no) { slug } } }';
    expect(await app.roundTrips(async () => (answer = await query(skipped, { d: d1, no: true })))).toBe(1);
    expect(answer['domain']).toEqual({ name: d1 });
  });

  it('fetches a brand with its page of callback numbers in one round trip, and still reports a bad cursor on the page', async () => {
    const brand = 'query($s: String!, $after: String) { brand(slug: $s) { slug callbackNumbers(first: 2, after: $after) { totalCount } } }';
    expect(
      await app.roundTrips(async () =>
        expect((await query(brand, { s: A })).brand).toEqual({ slug: A, callbackNumbers: { totalCount: 2 } }),
      ),
    ).toBe(1);
    expect(await query(brand, { s: `no-such-${tag}` })).toEqual({ brand: null });
    const forged = await app.gql(brand, { s: A, after: 'bm90IGEgY3Vyc29y' });
    expect(forged.errors?.map((error) => [error.path, error.extensions.code])).toEqual([[['brand', 'callbackNumbers'], 'INVALID_CURSOR']]);
  });

  it('gives paged numbers every field their query selects, whatever properties that reads', async () => {
    const fields =
      'e164 country numberType firstSeen lastSeen brandCount reportCount cb: reportCount(role: CALLBACK) ci: reportCount(role: CALLER_ID)';
    const { phoneNumber } = await query(`query($n: String!) { phoneNumber(number: $n) { ${fields} } }`, { n: X });
    const { crossBrandNumbers } = await query(
      `{ crossBrandNumbers(minBrands: 3, first: 100) { edges { node { ...F } } } } fragment F on PhoneNumber { ${fields} }`,
    );
    expect(crossBrandNumbers.edges.map((edge: any) => edge.node)).toContainEqual(phoneNumber);
    const { brand } = await query(
      `query($s: String!) { brand(slug: $s) { callbackNumbers(first: 100) { edges { node { ${fields} } } } } }`,
      { s: C },
    );
    expect(brand.callbackNumbers.edges.map((edge: any) => edge.node)).toEqual([phoneNumber]);
  });

  it('refuses pages over the cap, forged cursors, deep and costly queries with codes', async () => {
    const codes = async (text: string, variables: Record<string, unknown> = {}) =>
      (await app.gql(text, variables)).errors?.map((e: any) => e.extensions.code);
    expect(await codes('{ crossBrandNumbers(first: 1000) { totalCount } }')).toEqual(['PAGE_TOO_LARGE']);
    expect(await codes('{ crossBrandNumbers(after: "bm90IGEgY3Vyc29y") { totalCount } }')).toEqual(['INVALID_CURSOR']);
    const deep = `{ report(id: "x") { brand { callbackNumbers { edges { node { reports { edges { node { brand { domains { callbackNumbers { e164 } } } } } } } } } } } }`;
    expect(await codes(deep)).toEqual(['QUERY_TOO_DEEP']);
    const costly =
      '{ crossBrandNumbers(first: 100) { edges { node { reports(first: 100) { edges { node { callbackNumbers { brands { slug } } } } } } } } }';
    expect(await codes(costly)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
