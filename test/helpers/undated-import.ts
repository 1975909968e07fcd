import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDriver } from './neo4j.js';
import { scamgraphImport, type ImportReport } from './scamgraph-cli.js';

/**
 * Imports CryptoScamDB entries (a source that gives no dates) through `scamgraph import`, one per site,
 * all paying `wallet`: enough for one campaign. Ids start with `prefix`, which removeImported takes.
 */
export async function importUndated(prefix: string, sites: readonly string[], wallet: string): Promise<ImportReport> {
  const file = join(mkdtempSync(join(tmpdir(), 'scamgraph-undated-')), 'scams.yaml');
  const entry = (site: string, i: number) =>
    `- id: ${prefix}${i}\n  name: ${site}\n  url: 'http://${site}'\n  coin: ETH\n  category: Phishing\n  addresses:\n    - '${wallet}'\n`;
  writeFileSync(file, sites.map(entry).join(''));
  return scamgraphImport(file, '--format', 'cryptoscamdb');
}

/**
 * Deletes the reports whose externalId starts with `prefix` (or marked `legacyTest: prefix`), what they
 * name and their campaigns: test/integration/real-campaigns.test.ts counts every CryptoScamDB report
 * of the graph the tiers share, so none of another file's may stay.
 */
export async function removeImported(prefix: string): Promise<void> {
  const driver = testDriver();
  try {
    await driver.executeQuery(
      `MATCH (r:Report) WHERE r.externalId STARTS WITH $prefix OR r.legacyTest = $prefix
       OPTIONAL MATCH (r)-[:LINKS_TO|NAMES_DOMAIN|PAY_TO|IN_CAMPAIGN]->(n)
       OPTIONAL MATCH (n)-[:ON_DOMAIN]->(d)
       WITH collect(r) + collect(n) + collect(d) AS written
       UNWIND written AS x
       WITH DISTINCT x
       DETACH DELETE x`,
      { prefix },
    );
  } finally {
    await driver.close();
  }
}
