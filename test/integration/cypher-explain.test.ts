import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATEMENTS, loadCypherRegistry, type StatementName } from '../../src/graph/cypher-registry.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { linkParams, reportRows } from '../../src/ingest/batch-write.js';
import { toWriteRow } from '../../src/ingest/report-rows.js';
import { validateReport } from '../../src/ingest/validate-report.js';
import { testDriver } from '../helpers/neo4j.js';

const driver = testDriver();
afterAll(() => driver.close());

const registry = loadCypherRegistry();
const names = STATEMENTS.filter((name) => !name.startsWith('schema/'));
// Graph Data Science statements only compile where the plugin is installed (campaign detection
// falls back to pure Cypher elsewhere).
const callsGds = (name: StatementName) => registry.get(name)!.text.includes('gds.');
const gdsInstalled = await (async () => {
  const session = driver.session();
  try {
    const result = await session.run(registry.get('reads/installed-plugins')!.text);
    return (result.records[0]?.get('procedures') as string[]).includes('gds.version');
  } finally {
    await session.close();
  }
})();

/** The plan Neo4j gives a statement (EXPLAIN, every parameter null), or the error it answers. */
async function plan(name: StatementName): Promise<unknown> {
  const statement = registry.get(name)!;
  const params = Object.fromEntries([...statement.parameters].map((key) => [key, null]));
  const session = driver.session();
  try {
    return (await session.run(`EXPLAIN ${statement.text}`, params)).summary.plan;
  } catch (error) {
    return error;
  } finally {
    await session.close();
  }
}

/**
 * Every statement explained before the tests look, two at a time: planning is Neo4j's CPU on one
 * thread per query, and one at a time left the other core idle (about 9.6 s, the tier's third-slowest file).
 */
const plans = new Map<StatementName, unknown>();
async function explain(name: StatementName) {
  const found = plans.get(name);
  if (found instanceof Error) throw found;
  expect(found).toBeTruthy();
}

describe('every statement in cypher/', () => {
  beforeAll(async () => {
    const queue = names.filter((name) => gdsInstalled || !callsGds(name));
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) plans.set(name, await plan(name));
    };
    await Promise.all([worker(), worker()]);
  });

  it.each(names.filter((name) => !callsGds(name)))('%s compiles (EXPLAIN)', explain);

  describe.skipIf(!gdsInstalled)('with Graph Data Science', () => {
    it.each(names.filter(callsGds))('%s compiles (EXPLAIN)', explain);
  });
});

/** A plan's operators with their details, depth first. */
const operators = (plan: { operatorType: string; arguments?: Record<string, unknown>; children?: unknown[] }): string[] => [
  `${plan.operatorType.replace(/@.*$/, '')} ${String(plan.arguments?.['Details'] ?? '')}`,
  ...(plan.children ?? []).flatMap((child) => operators(child as typeof plan)),
];

// A statement marked replan=skip keeps the plan it was first given, perhaps on an empty graph (issue 18: replans
// inside ingest transactions and delivery), so that plan must not depend on the counts: it reads by key or index.
describe('statements that keep their first plan (CYPHER replan=skip)', () => {
  const skipping = names.filter((name) => /^CYPHER replan=skip$/m.test(registry.get(name)!.text));
  // The indexes the plans should use, as the API makes them at start-up (a file run alone may find none yet).
  beforeAll(() => applyMigrations(new GraphExecutor(driver, registry, undefined)));
  it('are the outbox, delivery and subscription statements', () => {
    expect(skipping).toEqual(
      expect.arrayContaining([
        'monitoring/report-watches',
        'monitoring/write-alerts',
        'monitoring/record-attempts',
        'monitoring/claim-deliveries',
        'monitoring/alerts-after',
        'ingest/merge-reports',
        'ingest/link-indicators',
        'campaigns/join-campaigns',
      ]),
    );
  });
  // Parameters of the types the callers send: a plan is made for the parameters' types.
  const phone = { key: '+61491570006', qualifier: null, target: 'phone:+61491570006', reports: 1 };
  const outcome = { alertId: 'k:1', outcome: 'DELIVERED', httpStatus: 200, error: null, tookMs: 3, delivery: 'DELIVERED' };
  const alert = { watchId: 'w', event: 'NEW_REPORT', subjectKind: 'phone', subjectValue: phone.key, role: 'CALLBACK_NUMBER' };
  // Ingest's two statements get their parameters from the code that makes them, from one report naming a bit of everything.
  const sample = validateReport(
    {
      channel: 'SMS',
      externalId: 'explain-1',
      claimedBrand: 'Apple',
      text: 'Apple ID locked. Call 1800 123 456 or visit https://apple-id-help.com/unlock, mail help@apple-id-help.com',
      callbackNumbers: ['+61 491 570 006'],
    },
    { defaultSource: 'explain', brands: [], textExcerptMax: 500, now: new Date(), undated: 'receipt' },
  );
  if (!sample.ok) throw new Error(JSON.stringify(sample.errors));
  const row = toWriteRow(sample.report, 0, 'report-1', 'apple');
  const typed: Record<string, Record<string, unknown>> = {
    'ingest/merge-reports': reportRows([row]),
    'ingest/link-indicators': linkParams([row], new Map([[0, '4:00000000-0000-0000-0000-000000000000:0']]))!,
    'campaigns/join-campaigns': { reportIds: [row.id] },
    'monitoring/report-watches': {
      outbox: {
        targets: [phone.target],
        prefixes: ['+61', '+614'],
        slugs: ['bank'],
        ties: [{ kind: 'phone', key: phone.key, slug: 'bank', reports: 1 }],
        domains: [{ name: 'example.com', reports: 1 }],
        nodes: { phone: [phone], domain: [], url: [], email: [], wallet: [], bank_account: [] },
      },
    },
    'monitoring/write-alerts': {
      write: { matches: [{ ...alert, reportId: 'r', resembles: null, from: null, to: null, campaignIds: null, rank: 0 }] },
    },
    'monitoring/record-attempts': {
      record: { outcomes: [{ ...outcome, at: '2026-01-01T00:00:00Z', nextAttemptAt: '2026-01-01T00:00:00Z' }] },
    },
    'monitoring/claim-deliveries': { limit: 64, batch: 50, leaseMs: 12_000 },
    'monitoring/alerts-after': { owner: 'k', after: 0, watchId: null, limit: 100 },
  };
  it.each(skipping)('%s starts from an index, planned afresh on this graph', async (name) => {
    const statement = registry.get(name)!;
    const params = typed[name];
    expect(params, `sample parameters for ${name}`).toBeDefined();
    const session = driver.session();
    try {
      const text = statement.text.replace(/^CYPHER replan=skip$/m, '');
      const result = await session.run(`CYPHER replan=force EXPLAIN ${text}`, params);
      const scans = operators(result.summary.plan as Parameters<typeof operators>[0]).filter((op) =>
        /^(AllNodesScan|NodeByLabelScan)/.test(op),
      );
      // report-watches' step (4) may scan brands or brand watches, both few, whichever the counts favour; nothing else scans.
      expect(scans.length, scans.join('; ')).toBeLessThanOrEqual(name === 'monitoring/report-watches' ? 1 : 0);
      expect(scans.filter((op) => !/ \w+:(Watch|Brand)$/.test(op))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
