import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/neo4j.js';
import { toPlain } from '../../src/graph/values.js';
import { scamgraphImport } from '../helpers/scamgraph-cli.js';

let app: TestApp;
let driver: Driver;
const tag = uniqueId().slice(0, 8);
/** A brand name no other test uses: one word, so suffixes are all that varies. */
const named = (stem: string) => `${stem}${tag}`;
const slugOf = (stem: string) => named(stem).toLowerCase();

// A shared machine: a test here waits for Neo4j beside other suites.
vi.setConfig({ testTimeout: 120_000 });

beforeAll(async () => {
  app = await startTestApp();
  driver = testDriver();
});
afterAll(async () => {
  await driver?.close();
  await app?.stop();
});

const query = async (text: string, variables: Record<string, unknown> = {}) => {
  const response = await app.gql(text, variables);
  expect(response.errors).toBeUndefined();
  return response.data as Record<string, any>;
};

/** Submits reports; resolves to the slug of each one's brand. */
async function brandsOf(reports: Record<string, unknown>[]): Promise<(string | null)[]> {
  const { submitReports } = await query(
    'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } report { brand { slug } } } }',
    { r: reports.map((report) => ({ channel: 'SMS', ...report })) },
  );
  expect(submitReports.flatMap((result: any) => result.errors)).toEqual([]);
  return submitReports.map((result: any) => result.report.brand?.slug ?? null);
}

const upsertBrand = (brand: Record<string, unknown>) =>
  query('mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug aliases } }', {
    b: { aliases: [], officialNumbers: [], officialDomains: [], ...brand },
  });

const numberFigures = async (e164: string) =>
  (await query('query($n: String!) { phoneNumber(number: $n) { brandCount brands { slug } } }', { n: e164 })).phoneNumber;

describe('brand resolution at ingest', () => {
  it('resolves case, accent, punctuation and suffix variants to the registered brand', async () => {
    const slug = `zing-${tag}`;
    await upsertBrand({ slug, name: named('Zing') });
    const claims = [
      named('Zing'),
      `${named('ZING')} Bank`,
      `${named('Zing')} Australia`,
      `${named('zing')} pty. ltd`,
      `${named('Zíng').normalize('NFC')} — Customer Service`,
      `The ${named('Zing')} Support Team`,
    ];
    const slugs = await brandsOf([
      ...claims.map((claimedBrand) => ({ claimedBrand, callbackNumbers: [uniqueMobile()] })),
      { text: `${named('Zing')} Bank: your card is locked, call ${uniqueMobile()} now`, defaultRegion: 'AU' },
    ]);
    expect(slugs).toEqual(Array(claims.length + 1).fill(slug));
  });

  it('makes one brand of unregistered names that normalise alike, and keeps a generic name whole', async () => {
    const slugs = await brandsOf(
      [named('Pear'), `${named('Pear')} Support`, `${named('PEAR')} customer support team`, `Bank of ${named('Pear')}`].map(
        (claimedBrand) => ({ claimedBrand, callbackNumbers: [uniqueMobile()] }),
      ),
    );
    expect(slugs).toEqual([slugOf('Pear'), slugOf('Pear'), slugOf('Pear'), `bank-of-${slugOf('Pear')}`]);
  });

  it('finds the most specific registered brand first', async () => {
    await upsertBrand({ slug: `fig-${tag}`, name: named('Fig') });
    await upsertBrand({ slug: `fig-bank-${tag}`, name: `${named('Fig')} Bank` });
    const slugs = await brandsOf(
      [`${named('Fig')} Bank Support`, `${named('Fig')} Support`, `${named('Fig')} Bank`].map((claimedBrand) => ({
        claimedBrand,
        callbackNumbers: [uniqueMobile()],
      })),
    );
    expect(slugs).toEqual([`fig-bank-${tag}`, `fig-${tag}`, `fig-bank-${tag}`]);
  });
});

describe('cross-brand numbers count resolved brands', () => {
  it('does not count one brand spelled three ways as three, and folds a later-registered alias in', async () => {
    const number = uniqueMobile();
    const spellings = [named('Plum'), `${named('Plum')} Support`, `${named('PLUM')} Group`, named('Cloudy')];
    await brandsOf(spellings.map((claimedBrand) => ({ claimedBrand, callbackNumbers: [number] })));
    // "Cloudy" is not a spelling of Plum until someone says so; crossBrandNumbers ranks by brandCount.
    expect(await numberFigures(number)).toEqual({ brandCount: 2, brands: [{ slug: slugOf('Plum') }, { slug: slugOf('Cloudy') }] });

    const registered = await upsertBrand({ slug: `plum-${tag}`, name: named('Plum'), aliases: [named('Cloudy')] });
    expect(registered.upsertBrand.slug).toBe(`plum-${tag}`);
    expect(await numberFigures(number)).toEqual({ brandCount: 1, brands: [{ slug: `plum-${tag}` }] });
    const { brand } = await query('query($s: String!) { brand(slug: $s) { callbackNumbers { totalCount edges { node { e164 } } } } }', {
      s: `plum-${tag}`,
    });
    expect(brand.callbackNumbers).toEqual({ totalCount: 1, edges: [{ node: { e164: number } }] });
  });

  it('does not fold in a report-only brand that merely learned a spelling the new brand owns', async () => {
    const number = uniqueMobile();
    // Nothing registered: both are the report-only brand "kiwi…", which learns "Kiwi… Bank".
    expect(
      await brandsOf([named('Kiwi'), `${named('Kiwi')} Bank`].map((claimedBrand) => ({ claimedBrand, callbackNumbers: [number] }))),
    ).toEqual([slugOf('Kiwi'), slugOf('Kiwi')]);
    await upsertBrand({ slug: `kiwibank-${tag}`, name: `${named('Kiwi')} Bank` });
    expect(await numberFigures(number)).toEqual({ brandCount: 1, brands: [{ slug: slugOf('Kiwi') }] });
    expect(await brandsOf([{ claimedBrand: `${named('Kiwi')} Bank`, callbackNumbers: [uniqueMobile()] }])).toEqual([`kiwibank-${tag}`]);
  });
});

/** Everything a merge may change, as numbers: read straight from the graph. */
async function figures(slugs: readonly string[], numbers: readonly string[], domains: readonly string[], campaign: string) {
  const { records } = await driver.executeQuery(
    `RETURN
       [s IN $slugs | COLLECT { MATCH (b:Brand {slug: s}) RETURN b {.slug, .reportCount, .callbackNumberCount, .domainCount, .aliases, .registered} }[0]] AS brands,
       [n IN $numbers | COLLECT { MATCH (p:PhoneNumber {e164: n}) RETURN [p.brandCount, [(p)-[x:CALLBACK_FOR]->(b) | [b.slug, x.reports]]] }[0]] AS numbers,
       [d IN $domains | COLLECT { MATCH (x:Domain {name: d}) RETURN [x.brandCount, [(x)-[r:DOMAIN_FOR]->(b) | [b.slug, r.reports]]] }[0]] AS domains,
       [(:Campaign {id: $campaign})-[x:CAMPAIGN_FOR]->(b) | [b.slug, x.reports]] AS campaign,
       [s IN $slugs | COUNT { (:Report)-[:IMPERSONATES]->(:Brand {slug: s}) }] AS claims,
       [s IN $slugs | COUNT { (:BrandAlias)-[:ALIAS_OF]->(:Brand {slug: s}) }] AS aliasKeys`,
    { slugs, numbers, domains, campaign },
  );
  const figures = toPlain(records[0]!.toObject()) as Record<string, any>;
  // Pattern comprehensions keep no order: pairs are sorted by slug.
  const bySlug = (pairs: [string, number][]) => [...pairs].sort(([a], [b]) => a.localeCompare(b));
  for (const list of ['numbers', 'domains']) figures[list] = figures[list].map((each: any) => each && [each[0], bySlug(each[1])]);
  figures['campaign'] = bySlug(figures['campaign']);
  return figures;
}

describe('mergeBrands', () => {
  const [alpha, beta] = [slugOf('Alpha'), slugOf('Beta')];
  const [shared, onlyAlpha, onlyBeta] = [uniqueMobile(), uniqueMobile(), uniqueMobile()];
  const [sharedDomain, betaDomain] = [uniqueDomain(), uniqueDomain()];
  const campaign = `brand-merge-${tag}`;
  const merge = (from: string, into: string) =>
    app.gql('mutation($f: String!, $i: String!) { mergeBrands(from: $f, into: $i) { slug name aliases registered } }', {
      f: from,
      i: into,
    });
  const now = () => figures([alpha, beta], [shared, onlyAlpha, onlyBeta], [sharedDomain, betaDomain], campaign);

  beforeAll(async () => {
    await brandsOf([
      { claimedBrand: named('Alpha'), callbackNumbers: [shared], urls: [`https://${sharedDomain}/a`] },
      { claimedBrand: `${named('Alpha')} Support`, callbackNumbers: [shared, onlyAlpha] },
      { claimedBrand: named('Beta'), callbackNumbers: [shared], urls: [`https://${sharedDomain}/b`, `https://${betaDomain}/`] },
      { claimedBrand: named('Beta'), callbackNumbers: [onlyBeta] },
      { claimedBrand: named('Beta'), callbackNumbers: [onlyBeta] },
    ]);
    // A campaign claiming both, as detection writes it; not ACTIVE, so no listing shows it.
    await driver.executeQuery(
      `CREATE (c:Campaign {id: $campaign, status: 'TEST'})
       WITH c MATCH (a:Brand {slug: $alpha}), (b:Brand {slug: $beta})
       CREATE (c)-[:CAMPAIGN_FOR {reports: 2}]->(a), (c)-[:CAMPAIGN_FOR {reports: 3}]->(b)`,
      { campaign, alpha, beta },
    );
  });
  afterAll(() => driver.executeQuery('MATCH (c:Campaign {id: $campaign}) DETACH DELETE c', { campaign }));

  it('refuses an unknown brand or a brand merged into itself with a code, and changes nothing', async () => {
    const before = await now();
    const cases: [string, string, string][] = [
      [`nobody-${tag}`, beta, 'NOT_FOUND'],
      [alpha, `nobody-${tag}`, 'NOT_FOUND'],
      [alpha, alpha, 'SAME_BRAND'],
      [` ${beta}`, `${beta} `, 'SAME_BRAND'],
    ];
    for (const [from, into, code] of cases) {
      const response = await merge(from, into);
      expect(
        response.errors?.map((error) => error.extensions.code),
        `${from} into ${into}`,
      ).toEqual([code]);
    }
    const forbidden = await app.gql('mutation { mergeBrands(from: "a", into: "b") { slug } }', {}, null);
    expect(forbidden.errors?.[0].extensions.code).not.toBeUndefined();
    expect(await now()).toEqual(before);
  });

  it('moves every claim, link and count, keeps the merged name as an alias, and a repeat changes nothing', async () => {
    expect(await now()).toMatchObject({
      brands: [
        { slug: alpha, reportCount: 2, callbackNumberCount: 2, domainCount: 1 },
        { slug: beta, reportCount: 3, callbackNumberCount: 2, domainCount: 2 },
      ],
      numbers: [
        [
          2,
          [
            [alpha, 2],
            [beta, 1],
          ],
        ],
        [1, [[alpha, 1]]],
        [1, [[beta, 2]]],
      ],
      domains: [
        [
          2,
          [
            [alpha, 1],
            [beta, 1],
          ],
        ],
        [1, [[beta, 1]]],
      ],
      campaign: [
        [alpha, 2],
        [beta, 3],
      ],
      claims: [2, 3],
    });
    const merged = await merge(alpha, beta);
    expect(merged.errors).toBeUndefined();
    expect(merged.data!['mergeBrands']).toMatchObject({ slug: beta, aliases: [named('Alpha')] });
    const after = await now();
    expect(after).toMatchObject({
      brands: [null, { slug: beta, reportCount: 5, callbackNumberCount: 3, domainCount: 2, aliases: [named('Alpha')] }],
      numbers: [
        [1, [[beta, 3]]],
        [1, [[beta, 1]]],
        [1, [[beta, 2]]],
      ],
      domains: [
        [1, [[beta, 2]]],
        [1, [[beta, 1]]],
      ],
      campaign: [[beta, 5]],
      claims: [0, 5],
    });
    // Both of Alpha's spellings, and its slug, now find Beta.
    expect(
      await brandsOf(
        [named('Alpha'), `${named('Alpha')} Support`, alpha].map((claimedBrand) => ({ claimedBrand, callbackNumbers: [onlyAlpha] })),
      ),
    ).toEqual([beta, beta, beta]);
    const afterClaims = await now();
    const again = await merge(alpha, beta);
    expect(again.errors).toBeUndefined();
    expect(again.data!['mergeBrands'].slug).toBe(beta);
    expect(await now()).toEqual(afterClaims);
  });
});

describe('brands mentioned in text', () => {
  it('resolve as claimed brands do, and a brand merged away finds the brand it went into', async () => {
    const [tui, kea] = [`tui-${tag}`, `kea-${tag}`];
    await upsertBrand({ slug: tui, name: `${named('Tui')} Bank` });
    await upsertBrand({ slug: kea, name: named('Kea') });
    const mention = (text: string) => ({ text: `${text}: your card is locked, call ${uniqueMobile()} now`, defaultRegion: 'AU' });
    expect(await brandsOf([mention(named('Tui')), mention(`${named('TUI')} Australia`), mention(`${named('Kea')} Support`)])).toEqual([
      tui,
      tui,
      kea,
    ]);
    const merged = await app.gql('mutation($f: String!, $i: String!) { mergeBrands(from: $f, into: $i) { slug } }', { f: tui, i: kea });
    expect(merged.errors).toBeUndefined();
    expect(await brandsOf([mention(named('Tui')), mention(`${named('Tui')} Bank`)])).toEqual([kea, kea]);
    expect((await query('query($s: String!) { brand(slug: $s) { slug } }', { s: tui })).brand).toBeNull();
    const { records } = await driver.executeQuery('MATCH (b:Brand) WHERE b.slug IS NULL OR b.slug = $tui RETURN count(b) AS n', { tui });
    expect(toPlain(records[0]?.get('n'))).toBe(0);
  });
});

describe('scamgraph generate, then scamgraph import', () => {
  it("registers the world's brands before its reports, so every claimed brand resolves to a registered one", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brands-'));
    try {
      const file = join(dir, `world-${tag}.jsonl`);
      const root = new URL('../../', import.meta.url).pathname;
      await promisify(execFile)(
        process.execPath,
        [join(root, 'bin/scamgraph.js'), 'generate', '--reports', '300', '--seed', '5', '--source', `brands-${tag}`, '--out', file],
        { cwd: root },
      );
      const registry = JSON.parse(readFileSync(join(dir, `world-${tag}.brands.json`), 'utf8'));
      expect(registry.brands.find((brand: any) => brand.slug === 'apple')).toMatchObject({
        name: 'Apple',
        aliases: ['Apple Support', 'iCloud'],
      });
      const imported = await scamgraphImport(file);
      expect(imported.summary.accepted).toBeGreaterThan(250);
      const { records } = await driver.executeQuery(
        'MATCH (r:Report {source: $source})-[:IMPERSONATES]->(b:Brand) RETURN b.slug AS slug, b.registered AS registered, count(r) AS reports',
        { source: `brands-${tag}` },
      );
      const registered = new Set(registry.brands.map((brand: any) => brand.slug));
      expect(records.length).toBeGreaterThan(5);
      expect(
        records.filter((record) => !record.get('registered') || !registered.has(record.get('slug'))).map((record) => record.get('slug')),
      ).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
