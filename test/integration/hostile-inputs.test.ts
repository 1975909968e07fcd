// Issue 8, hostile input: every value in test/fixtures/hostile/inputs.ts goes to every argument
// and input field of the served schema (generated from schema/schema.graphql) as a variable, and
// to every whole argument as a literal too. Each must get a coded error or be stored as inert
// data (read back verbatim); afterwards the graph holds exactly what the valid inputs wrote (a
// before/after diff outside this run's footprint). Requests hostile as a whole (deep queries, bad
// bodies, CSRF) come from HOSTILE_REQUESTS.
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildClientSchema, buildSchema, getIntrospectionQuery, getNamedType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/neo4j/runtime.js';
import { loadConfig } from '../../src/config/config.js';
import { NODE_KINDS } from '../../src/infrastructure/start-node.js';
import { HOSTILE_INPUTS, HOSTILE_REQUESTS, type HostileInput } from '../fixtures/hostile/inputs.js';
import { startTestApp, TEST_ADMIN_KEY, uniqueDomain, uniqueMobile, type TestApp } from '../helpers/app.js';
import { snapshot, type GraphSnapshot } from '../helpers/graph-snapshot.js';
import { outcomeOf, problemsOf, type Answer } from '../helpers/hostile/judge.js';
import { autoValue, build, CHANNELS, pool, send, type Built, type Plan, type SendOptions } from '../helpers/hostile/requests.js';
import { ELEMENT, Inexpressible, targetsOf, type Target } from '../helpers/hostile/targets.js';
import { verifyBrand, verifyDuplicate, verifyReport, type Written } from '../helpers/hostile/verify.js';
import { verifyGraph } from '../helpers/hostile/verify-graph.js';
import { testDriver } from '../helpers/neo4j.js';

const MARKER = `hostile-${randomBytes(5).toString('hex')}`;
const PARENT_SLUG = `${MARKER}-parent`;
const PARENT_NAME = `Hostile Parent ${MARKER}`;
const RUN = {
  number: uniqueMobile(),
  official: uniqueMobile(),
  domain: uniqueDomain(),
  officialDomain: uniqueDomain(),
  wallet: `0x${randomBytes(20).toString('hex')}`,
  account: String(randomInt(10_000_000, 100_000_000)),
};
const TEXT_EXCERPT_MAX = loadConfig({}).TEXT_EXCERPT_MAX;

// Targets come from the committed schema, so they are known when vitest collects the tests;
// the first test checks the served schema has no argument this list lacks.
const fileSchema = buildSchema(readFileSync(path.join(projectRoot, 'schema', 'schema.graphql'), 'utf8'));
const targets = targetsOf(fileSchema, {
  'Query.neighbourhood(value)': NODE_KINDS.map((kind) => ({ kind })),
  'Query.evidencePack(value)': NODE_KINDS.filter((kind) => kind !== 'brand' && kind !== 'report').map((kind) => ({ kind })),
});

let app: TestApp;
let driver: Driver;
let before: GraphSnapshot;
let parentReportId = '';
let counter = 0;
const next = () => ++counter;
const written: Written = { reports: new Map(), duplicates: new Map(), brands: new Set([PARENT_SLUG]), apiKeys: new Map() };
/** Reports written by submitReview: in the footprint, their content checked by attachments.test.ts, not here. */
const reviewed = new Set<string>();
const summary = new Map<string, Map<string, number>>();
/** Milliseconds spent waiting for answers, per input: where the suite's time goes. */
const spent = new Map<string, number>();
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

const validReport = (tag: string | number): Record<string, unknown> => ({
  externalId: `${MARKER}-${tag}`,
  source: MARKER,
  channel: 'SMS',
  scamType: 'BANK_IMPERSONATION',
  claimedBrand: PARENT_NAME,
  text: `Hostile suite ${MARKER}: your card is locked, call ${RUN.number} now`,
  receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  defaultRegion: 'AU',
  callbackNumbers: [RUN.number],
  callerIds: [RUN.number],
  senderIds: [RUN.number],
  urls: [`https://${RUN.domain}/login`],
  emails: [`help@${RUN.domain}`],
  wallets: [{ chain: 'ETH', address: RUN.wallet }],
  bankAccounts: [{ bsb: '062-000', accountNumber: RUN.account }],
  referenceNumbers: [`REF-${tag}`],
});

/** Valid arguments per field, fresh for every request; the target then replaces one value. */
const BASELINES: Record<string, () => Record<string, unknown>> = {
  'Mutation.submitReport': () => ({ report: validReport(next()) }),
  'Mutation.submitReports': () => {
    const n = next();
    return { reports: [validReport(`${n}a`), validReport(`${n}b`)] };
  },
  'Mutation.upsertBrand': () => {
    const n = next();
    return {
      brand: {
        slug: `${MARKER}-${n}`,
        name: `Hostile Test ${MARKER} ${n}`,
        aliases: [`Hostile Alias ${MARKER} ${n}`],
        officialNumbers: [RUN.official],
        officialDomains: [RUN.officialDomain],
      },
    };
  },
  'Mutation.createApiKey': () => ({ name: `hostile ${MARKER}`, role: 'ANALYST' }),
  'Mutation.revokeApiKey': () => ({ id: `${MARKER}-no-such-key` }),
  'Query.phoneNumber': () => ({ number: RUN.number, defaultRegion: 'AU' }),
  'Query.checkNumber': () => ({ number: RUN.number, defaultRegion: 'AU' }),
  'Query.domain': () => ({ name: RUN.domain }),
  'Query.brand': () => ({ slug: PARENT_SLUG }),
  'Query.report': () => ({ id: parentReportId }),
  'Query.crossBrandNumbers': () => ({ minBrands: 1, first: 5 }),
  'Query.neighbourhood': () => ({ kind: 'phone', value: RUN.number, hops: 1, limit: 10 }),
  'Query.evidencePack': () => ({ kind: 'phone', value: RUN.number }),
  'Query.campaigns': () => ({ first: 5 }),
  'PhoneNumber.reports': () => ({ first: 5 }),
  'PhoneNumber.reportCount': () => ({ role: 'CALLBACK' }),
  'Brand.callbackNumbers': () => ({ first: 5 }),
};

/** How a query reaches an object whose field takes arguments. */
const PARENTS: Record<string, () => string> = {
  PhoneNumber: () => `phoneNumber(number: ${JSON.stringify(RUN.number)})`,
  Brand: () => `brand(slug: ${JSON.stringify(PARENT_SLUG)})`,
  // No campaign is detected in this run, so this parent answers null: Campaign's arguments (picture's
  // limit) meet GraphQL's validation and coercion here, not the field's own range check.
  Campaign: () => 'campaign(id: "hostile-no-such-campaign")',
};

/** A list element made to carry `field`: a bank account given only as an IBAN, say. */
function itemFor(type: GraphQLInputType, field: string, baseline: unknown): Record<string, unknown> {
  const named = getNamedType(type).name;
  if (named === 'WalletInput') return field === 'chain' ? { address: RUN.wallet } : {};
  if (named === 'BankAccountInput') {
    return field === 'bsb' ? { accountNumber: RUN.account } : field === 'accountNumber' ? { bsb: '062-000' } : {};
  }
  return structuredClone((baseline ?? autoValue(type)) as Record<string, unknown>);
}

const plan: Plan = {
  schema: fileSchema,
  baselines: BASELINES,
  parents: PARENTS,
  selections: {
    SubmitResult: '{ index duplicate errors { field code message } report { id } }',
    NewApiKey: '{ id name role }',
    ApiKey: '{ id }',
    Brand: '{ slug }',
    MessageReview: '{ verdict reportId }',
  },
  itemFor,
};
const ADMIN = { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` };
const post = (body: unknown, options: SendOptions = {}) => send(app.url, body, { headers: ADMIN, ...options });

const gql = async (query: string, variables: Record<string, unknown> = {}) => (await post({ query, variables })).body!;

function count(input: HostileInput, outcome: string) {
  const row = summary.get(input.name) ?? new Map<string, number>();
  row.set(outcome, (row.get(outcome) ?? 0) + 1);
  summary.set(input.name, row);
}

/** Checks one answer and records what it wrote; returns its problems. */
async function judge(target: Target, built: Built, answer: Answer): Promise<string[]> {
  const problems = problemsOf(answer);
  const data = answer.body?.data;
  if (target.field === 'submitReport' || target.field === 'submitReports') {
    const results: any[] = data?.[target.field] === undefined || data?.[target.field] === null ? [] : [data[target.field]].flat();
    const sent = [built.args['report'] ?? built.args['reports']].flat() as Record<string, unknown>[];
    results.forEach((result, i) => {
      const errors: any[] = result?.errors ?? [];
      if (errors.length > 0) {
        for (const error of errors) {
          if (!/^[A-Z][A-Z_]+$/.test(String(error?.code)) || typeof error?.field !== 'string')
            problems.push(`item ${i}: uncoded InputError ${JSON.stringify(error).slice(0, 160)}`);
        }
        if (result.report) problems.push(`item ${i}: has errors and a report`);
        // The untouched neighbour in a two-item batch must not suffer for the hostile one.
        if (target.field === 'submitReports' && target.path[0] === ELEMENT && i === 0)
          problems.push(`valid neighbour refused: ${errors[0]?.code}`);
      } else if (typeof result?.report?.id === 'string') {
        // Hostile externalIds are constants, so the second channel's copy is a duplicate of the first.
        if (result.duplicate)
          written.duplicates.set(result.report.id, [...(written.duplicates.get(result.report.id) ?? []), sent[i] ?? {}]);
        else written.reports.set(result.report.id, sent[i] ?? {});
      } else problems.push(`item ${i}: neither errors nor a report`);
    });
  }
  if (target.field === 'upsertBrand' && data?.upsertBrand?.slug) {
    const brand = built.args['brand'] as Record<string, unknown>;
    written.brands.add(data.upsertBrand.slug);
    problems.push(...(await verifyBrand(driver, brand)));
    // A registered brand's name and aliases claim other tests' report texts: neutralise at once.
    await gql('mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
      b: {
        slug: data.upsertBrand.slug,
        name: `Hostile Neutralised ${data.upsertBrand.slug}`,
        aliases: [],
        officialNumbers: [],
        officialDomains: [],
      },
    });
  }
  // submitReview writes a report too (source api): part of this run's footprint, as submitted reports are.
  if (target.field === 'submitReview' && typeof data?.submitReview?.reportId === 'string') reviewed.add(data.submitReview.reportId);
  if (target.field === 'createApiKey' && data?.createApiKey?.id) {
    written.apiKeys.set(data.createApiKey.id, String(built.args['name']));
  }
  return problems;
}

beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000000' });
  driver = testDriver();
  before = await snapshot(driver);
  const parent = await gql('mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
    b: { slug: PARENT_SLUG, name: PARENT_NAME, aliases: [], officialNumbers: [], officialDomains: [] },
  });
  expect(parent.errors).toBeUndefined();
  const report = validReport('parent');
  const submitted = await gql('mutation($r: ReportInput!) { submitReport(report: $r) { errors { code field } report { id } } }', {
    r: report,
  });
  expect(submitted.data?.submitReport.errors).toEqual([]);
  parentReportId = submitted.data!.submitReport.report.id;
  written.reports.set(parentReportId, report);
}, 120_000);

afterAll(async () => {
  // Keys made from hostile names work as ANALYST keys: none is left usable.
  for (const id of written.apiKeys.keys()) await gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id }).catch(() => undefined);
  const lines = [...summary].map(
    ([name, outcomes]) =>
      `${name.padEnd(38)} ${String(Math.round(spent.get(name) ?? 0)).padStart(6)} ms  ${[...outcomes]
        .sort((a, b) => b[1] - a[1])
        .map(([o, n]) => `${o}:${n}`)
        .join(' ')}`,
  );
  const requests = [...summary.values()].reduce((sum, outcomes) => sum + [...outcomes.values()].reduce((a, b) => a + b, 0), 0);
  if (lines.length > 0)
    console.log(
      `[hostile] ${HOSTILE_INPUTS.length} inputs x ${targets.length} targets (${targets.filter((t) => t.path.length === 0).length} whole arguments also as literals): ${requests} requests; time and outcomes per input:\n${lines.join('\n')}`,
    );
  await app?.stop();
  await driver?.close();
});

describe('the served schema', () => {
  it('has no argument or input field the target list lacks', async () => {
    const served = buildClientSchema((await gql(getIntrospectionQuery())).data as any);
    const coordinates = (schema: GraphQLSchema) => new Set(targetsOf(schema).map((t) => t.label));
    expect([...coordinates(served)].filter((c) => !coordinates(fileSchema).has(c))).toEqual([]);
    expect(targets.length).toBeGreaterThan(50);
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(HOSTILE_INPUTS.map((i) => i.name)).size).toBe(HOSTILE_INPUTS.length);
  });
});

describe.each(targets.map((target) => [target.label, target] as const))('%s', (_label, target) => {
  it('answers every hostile input with a coded error or stores it inert', async () => {
    const failures: string[] = [];
    // Literals go through GraphQL's parser and literal coercion, which depend on the value and the
    // argument, not on the input field below it: sent to whole arguments only, to keep the suite quick.
    const channels = target.path.length === 0 ? CHANNELS : (['variables'] as const);
    const cases = HOSTILE_INPUTS.flatMap((input) => channels.map((channel) => [input, channel] as const));
    // Hostile slugs are constants: two upserts of one slug at once would overwrite each other's check.
    await pool(cases, target.field === 'upsertBrand' ? 1 : 6, async ([input, channel]) => {
      let built: Built;
      try {
        built = build(plan, target, input.value, channel);
      } catch (error) {
        if (error instanceof Inexpressible) return count(input, 'inexpressible-literal');
        throw error;
      }
      const started = performance.now();
      const answer = await post({ query: built.query, variables: built.variables });
      spent.set(input.name, (spent.get(input.name) ?? 0) + performance.now() - started);
      count(input, outcomeOf(answer));
      for (const problem of await judge(target, built, answer)) failures.push(`${input.name} (${channel}): ${problem}`);
    });
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('hostile requests as a whole', () => {
  it.each(HOSTILE_REQUESTS.map((request) => [request.name, request] as const))(
    '%s',
    async (_name, request) => {
      const get = request.method === 'GET';
      const answer = await post(request.body, {
        ...(get ? { method: 'GET', search: `?query=${encodeURIComponent(request.query ?? '')}` } : {}),
        headers: {
          authorization: `Bearer ${TEST_ADMIN_KEY}`,
          ...(request.headers ?? (get ? { 'apollo-require-preflight': 'true' } : { 'content-type': 'application/json' })),
        },
      });
      expect(problemsOf(answer)).toEqual([]);
    },
    120_000,
  );

  it('leaves the server answering', async () => {
    expect((await fetch(new URL('/healthz', app.url))).status).toBe(200);
    expect(await gql('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('afterwards', () => {
  it('stores every accepted report verbatim and canonical', async () => {
    const after = await snapshot(driver);
    const problems = [
      ...[...written.reports].flatMap(([id, sent]) => verifyReport(after, id, sent, TEXT_EXCERPT_MAX).map((p) => `report ${id}: ${p}`)),
      ...[...written.duplicates].flatMap(([id, sents]) =>
        sents.flatMap((sent) => verifyDuplicate(after, id, sent).map((p) => `duplicate ${id}: ${p}`)),
      ),
    ];
    expect(problems).toEqual([]);
  }, 120_000);

  it('holds exactly what the valid inputs wrote, and nothing else changed', async () => {
    const report = await verifyGraph(
      driver,
      before,
      await snapshot(driver),
      { ...written, reviewed },
      MARKER,
      HOSTILE_INPUTS.map((i) => i.value),
    );
    console.log(`[hostile] graph: ${report.summary}`);
    expect(report.problems).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 120_000);
});
