// A transaction the driver runs again after its commit went unacknowledged re-sends the same prepared
// parts (the same report ids): the second run must find every report there and write nothing twice.
// Here the second run is forced: an executor whose writeEach, having committed, runs the same parts again.
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { IngestService } from '../../src/ingest/ingest.service.js';
import { uniqueDomain, uniqueId, uniqueMobile } from '../helpers/app.js';
import { plain } from '../helpers/graph-snapshot.js';
import { testDriver } from '../helpers/neo4j.js';

/** Commits, then runs the transaction again from the same parts: what a lost acknowledgement makes the driver do. */
class CommitTwice extends GraphExecutor {
  override async writeEach(...args: Parameters<GraphExecutor['writeEach']>) {
    await super.writeEach(...args);
    return super.writeEach(...args);
  }
}

const COUNTS = `
  MATCH (n) WHERE (n:PhoneNumber AND n.e164 IN $numbers) OR (n:Domain AND n.name = $domain) OR (n:Url AND n.hostname ENDS WITH $domain)
  OPTIONAL MATCH (n)-[x:CALLBACK_WITH]->()
  RETURN coalesce(n.e164, n.name, n.url) AS key, n.reportCount AS reports, n.callbackCount AS callbacks, n.domainCount AS domains,
         x.reports AS linked, COUNT { ()-->(n) } AS links
  ORDER BY key`;

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(() => driver?.close());

const settings = { batchMax: 1000, textExcerptMax: 2000, defaultSource: 'retry-test', writeBatch: 3, writers: 1 };

describe('a submission whose commit is run again', () => {
  it('writes every report once, moves no count twice and answers for every item', async () => {
    const numbers = [uniqueMobile(), uniqueMobile()];
    const domain = uniqueDomain();
    const source = `retry-${uniqueId()}`;
    // Seven reports in parts of three, with one invalid item between them: three transactions' worth of parts.
    const reports = Array.from({ length: 7 }, (_, k) => ({
      source,
      externalId: `r${k}`,
      channel: 'SMS' as const,
      callbackNumbers: [numbers[k % 2]!],
      urls: [`https://${domain}/p${k % 3}`],
    }));
    const invalid = { source, externalId: 'bad', channel: 'SMS' as const, callbackNumbers: ['not a number'] };
    const inputs = [...reports.slice(0, 4), invalid, ...reports.slice(4)];

    const once = new IngestService(new GraphExecutor(driver, loadCypherRegistry(), undefined), settings);
    const twice = new IngestService(new CommitTwice(driver, loadCypherRegistry(), undefined), { ...settings, defaultSource: 'unused' });
    const outcomes = await twice.submit(inputs);
    expect(outcomes.map((outcome) => outcome.errors.length > 0)).toEqual(inputs.map((input) => input === invalid));
    expect(outcomes.filter((outcome) => outcome.reportId !== null)).toHaveLength(7);

    const { records } = await driver.executeQuery(
      'MATCH (r:Report {source: $source}) RETURN count(r) AS reports, count(DISTINCT r.externalId) AS ids',
      { source },
    );
    expect(plain(records[0]?.toObject())).toEqual({ reports: 7, ids: 7 });
    const written = (await driver.executeQuery(COUNTS, { numbers, domain })).records.map((record) => plain(record.toObject()));

    // The same reports under other names, written once: the counts a single commit gives.
    const otherNumbers = [uniqueMobile(), uniqueMobile()];
    const otherDomain = uniqueDomain();
    const rename = (text: string) =>
      text.replace(numbers[0]!, otherNumbers[0]!).replace(numbers[1]!, otherNumbers[1]!).replace(domain, otherDomain);
    await once.submit(inputs.map((input) => JSON.parse(rename(JSON.stringify({ ...input, source: `${source}-once` })))));
    const single = (await driver.executeQuery(COUNTS, { numbers: otherNumbers, domain: otherDomain })).records.map(
      (record) => plain(record.toObject()) as { key: string },
    );
    const back = new Map([
      [otherNumbers[0]!, numbers[0]!],
      [otherNumbers[1]!, numbers[1]!],
      [otherDomain, domain],
    ]);
    const unrenamed = single.map((row) => ({ ...row, key: [...back].reduce((key, [from, to]) => key.replace(from, to), row.key) }));
    expect(written).toEqual(unrenamed.sort((a, b) => (a.key < b.key ? -1 : 1)));
    expect(written.length).toBeGreaterThan(3);
  }, 120_000);
});
