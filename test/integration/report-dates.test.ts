import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { applyMigrations } from '../../src/graph/migrations.js';
import { uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { detect, query, startDetectionApp, submit, uniqueWallet } from '../helpers/campaigns.js';
import { testDriver } from '../helpers/neo4j.js';
import { scamgraphImport } from '../helpers/scamgraph-cli.js';
import { importUndated, removeImported } from '../helpers/undated-import.js';

// A report's own date (reportedAt) against its intake (receivedAt): first and last seen of indicators and
// campaigns come from the first, so a CryptoScamDB import (no dates) shows none rather than the import day.
const prefix = `dates-${uniqueId().slice(0, 8)}-`;
const undatedSites = [uniqueDomain(), uniqueDomain(), uniqueDomain()];
const wallet = uniqueWallet().address;
const datedNumber = uniqueMobile();
const datedSites = [uniqueDomain(), uniqueDomain(), uniqueDomain()];
const DAYS = ['2025-11-03T09:00:00.000Z', '2025-11-20T09:00:00.000Z', '2025-12-01T09:00:00.000Z'];
const today = new Date().toISOString().slice(0, 10);
const SEEN = `firstSeen lastSeen campaign { id firstSeen lastSeen reportCount undatedReportCount reportsByWeek { week reports } }`;
let app: TestApp;
let driver: Driver;

beforeAll(async () => {
  driver = testDriver();
  // Three CryptoScamDB entries sharing a wallet: one campaign, none of its reports dated.
  expect((await importUndated(prefix, undatedSites, wallet)).summary).toMatchObject({ accepted: 3, rejected: 0 });
  // A source with dates: a date column read as receivedAt, and one as reportedAt (its receipt then the import's time).
  const jsonl = join(mkdtempSync(join(tmpdir(), 'scamgraph-dates-')), 'dated.jsonl');
  writeFileSync(
    jsonl,
    datedSites
      .map((site, i) =>
        JSON.stringify({
          source: `dated-${prefix}`,
          externalId: `${prefix}dated-${i}`,
          channel: 'SMS',
          callbackNumbers: [datedNumber],
          urls: [`https://${site}/login`],
          ...(i === 2 ? { reportedAt: DAYS[i] } : { receivedAt: DAYS[i] }),
        }),
      )
      .join('\n'),
  );
  expect((await scamgraphImport(jsonl)).summary).toMatchObject({ accepted: 3, rejected: 0 });
  app = await startDetectionApp('cypher');
  await detect(app);
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await driver.close();
  await removeImported(prefix);
});

describe('report dates', () => {
  it('gives a CryptoScamDB import no first or last seen, on its indicators, its campaign and its reports', async () => {
    const { domain } = await query(app, `query($d: String!) { domain(name: $d) { ${SEEN} } }`, { d: undatedSites[0] });
    expect(domain).toMatchObject({ firstSeen: null, lastSeen: null });
    expect(domain.campaign).toMatchObject({ firstSeen: null, lastSeen: null, reportCount: 3, undatedReportCount: 3, reportsByWeek: [] });
    const { records } = await driver.executeQuery(
      'MATCH (r:Report {source: "cryptoscamdb"}) WHERE r.externalId STARTS WITH $prefix RETURN r.reportedAt AS reportedAt, r.undated AS undated',
      { prefix },
    );
    expect(records.map((record) => [record.get('reportedAt'), record.get('undated')])).toEqual(Array(3).fill([null, true]));
    const { evidencePack } = await query(app, 'query($v: String!) { evidencePack(kind: "domain", value: $v) { json } }', {
      v: undatedSites[0],
    });
    const pack = JSON.parse(evidencePack.json);
    expect(pack.content).toMatchObject({ firstSeen: null, lastSeen: null, campaign: { firstSeen: null, lastSeen: null } });
  });

  it("dates a dated source's indicators and campaign by the reports' own dates, not the import day", async () => {
    const { phoneNumber } = await query(
      app,
      `query($n: String!) { phoneNumber(number: $n) { ${SEEN} reports(first: 5) { edges { node { receivedAt reportedAt } } } } }`,
      {
        n: datedNumber,
      },
    );
    expect(phoneNumber).toMatchObject({ firstSeen: DAYS[0], lastSeen: DAYS[2] });
    expect(phoneNumber.campaign).toMatchObject({ firstSeen: DAYS[0], lastSeen: DAYS[2], reportCount: 3, undatedReportCount: 0 });
    expect(phoneNumber.campaign.reportsByWeek).toEqual([
      { week: '2025-11-03T00:00:00.000Z', reports: 1 },
      { week: '2025-11-17T00:00:00.000Z', reports: 1 },
      { week: '2025-12-01T00:00:00.000Z', reports: 1 },
    ]);
    const reports = phoneNumber.reports.edges.map((edge: { node: { receivedAt: string; reportedAt: string } }) => edge.node);
    // The row dated by reportedAt was received on the import's day; the others' receivedAt was their date.
    expect(reports.find((report: { reportedAt: string }) => report.reportedAt === DAYS[2]).receivedAt.slice(0, 10)).toBe(today);
    expect(reports.filter((report: { receivedAt: string; reportedAt: string }) => report.receivedAt === report.reportedAt)).toHaveLength(2);
  });

  it('dates an API submission by its receipt unless it says when the scam was seen', async () => {
    const number = uniqueMobile();
    const [now, seen] = await submit(app, [
      { callbackNumbers: [number] },
      { callbackNumbers: [number], reportedAt: '2025-10-01T08:00:00Z' },
    ]);
    const read = async (id: string | undefined) =>
      (await query(app, 'query($id: ID!) { report(id: $id) { receivedAt reportedAt } }', { id })).report as {
        receivedAt: string;
        reportedAt: string | null;
      };
    const first = await read(now);
    expect(first.reportedAt).toBe(first.receivedAt);
    const second = await read(seen);
    expect(second).toMatchObject({ reportedAt: '2025-10-01T08:00:00.000Z' });
    expect(second.receivedAt.slice(0, 10)).toBe(today);
    const { phoneNumber } = await query(app, 'query($n: String!) { phoneNumber(number: $n) { firstSeen lastSeen } }', { n: number });
    expect(phoneNumber).toEqual({ firstSeen: '2025-10-01T08:00:00.000Z', lastSeen: first.reportedAt });
  });

  it('refuses a reportedAt in the future', async () => {
    const { submitReports } = await query(app, 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { field code } } }', {
      r: [{ channel: 'SMS', callbackNumbers: [uniqueMobile()], reportedAt: '2999-01-01T00:00:00Z' }],
    });
    expect(submitReports[0].errors).toEqual([{ field: 'reportedAt', code: 'INVALID_DATE' }]);
  });

  it('dates reports written before reportedAt by their receipt, except CryptoScamDB, and dates what they name again', async () => {
    const [shared, alone] = [uniqueDomain(), uniqueDomain()];
    // As the ingest wrote them before: receivedAt only, and the import day as the domains' first and last seen.
    await driver.executeQuery(
      `CREATE (old:Report {id: randomUUID(), source: 'cryptoscamdb', externalId: $prefix + 'legacy', legacyTest: $prefix,
                           receivedAt: datetime('2026-01-10T00:00:00Z'), channel: 'WEBSITE'})
       CREATE (api:Report {id: randomUUID(), source: 'legacy-' + $prefix, legacyTest: $prefix,
                           receivedAt: datetime('2025-06-01T00:00:00Z'), channel: 'SMS'})
       CREATE (s:Domain {name: $shared, firstSeen: datetime('2025-06-01T00:00:00Z'), lastSeen: datetime('2026-01-10T00:00:00Z')})
       CREATE (a:Domain {name: $alone, firstSeen: datetime('2026-01-10T00:00:00Z'), lastSeen: datetime('2026-01-10T00:00:00Z')})
       CREATE (old)-[:NAMES_DOMAIN]->(s), (api)-[:NAMES_DOMAIN]->(s), (old)-[:NAMES_DOMAIN]->(a)`,
      { prefix, shared, alone },
    );
    await applyMigrations(new GraphExecutor(driver, loadCypherRegistry(), undefined));
    const { records } = await driver.executeQuery(
      `MATCH (r:Report {legacyTest: $prefix}) RETURN r.source AS source, toString(r.reportedAt) AS reportedAt, r.undated AS undated ORDER BY source`,
      { prefix },
    );
    expect(records.map((record) => record.toObject())).toEqual([
      { source: 'cryptoscamdb', reportedAt: null, undated: true },
      { source: `legacy-${prefix}`, reportedAt: '2025-06-01T00:00:00Z', undated: null },
    ]);
    const { data } = await app.gql(
      'query($s: String!, $a: String!) { s: domain(name: $s) { firstSeen lastSeen } a: domain(name: $a) { firstSeen lastSeen } }',
      {
        s: shared,
        a: alone,
      },
    );
    expect(data).toEqual({
      s: { firstSeen: '2025-06-01T00:00:00.000Z', lastSeen: '2025-06-01T00:00:00.000Z' },
      a: { firstSeen: null, lastSeen: null },
    });
  });
});
