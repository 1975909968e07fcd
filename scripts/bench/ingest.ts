// Ingest benchmark (issue 2): N synthetic reports through submitReports in batches over HTTP, then the
// same rows straight through the driver with the same Cypher (the limit). One run, one table.
//   npm run bench:ingest -- [--reports 10000] [--batch 500]
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config/config.js';
import { projectRoot } from '../../src/config/project-root.js';
import { loadCypherRegistry } from '../../src/graph/cypher-registry.js';
import { createDriver } from '../../src/graph/driver.js';
import { GraphExecutor } from '../../src/graph/executor.js';
import { toWriteRow } from '../../src/ingest/report-rows.js';
import { validateReport } from '../../src/ingest/validate-report.js';
import { runService } from '../../src/main.js';
import { startLocalNeo4j } from '../neo4j/runtime.js';
import { generateScamWorld } from '../../src/synthetic/scam-world.js';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '10000' }, batch: { type: 'string', default: '500' } } });
const total = Number(values.reports);
const batchSize = Number(values.batch);
const log = (line: string) => process.stderr.write(`${line}\n`);
const adminKey = randomBytes(24).toString('base64url');
const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'warn', BATCH_MAX: String(Math.max(batchSize, 1000)), SCAMGRAPH_ADMIN_KEY: adminKey });

const neo4j = config.NEO4J_URI
  ? undefined
  : await startLocalNeo4j({ port: 7697, home: join(projectRoot(), '.neo4j', 'bench'), wipeData: true, heap: '2g', pageCache: '1g', log });
const uri = config.NEO4J_URI ?? (neo4j as { uri: string }).uri;
const service = await runService(config, uri);
const driver = createDriver({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD });
const graph = new GraphExecutor(driver, loadCypherRegistry(), config.NEO4J_DATABASE);
const reports = Array.from(generateScamWorld({ reports: total, source: 'bench' }), ({ report }) => report);
const batches = Array.from({ length: Math.ceil(total / batchSize) }, (_, i) => reports.slice(i * batchSize, (i + 1) * batchSize));

async function timed(label: string, write: (batch: typeof reports) => Promise<void>): Promise<number> {
  await graph.autoCommit('maintenance/delete-everything');
  const started = performance.now();
  for (const [i, batch] of batches.entries()) {
    await write(batch);
    const done = (i + 1) * batchSize;
    const rate = done / ((performance.now() - started) / 1000);
    process.stderr.write(`\r${label}: ${Math.min(done, total)}/${total} reports, ${rate.toFixed(0)}/s   `);
  }
  const perSecond = total / ((performance.now() - started) / 1000);
  log(`\n${label}: ${perSecond.toFixed(0)} reports/s`);
  return perSecond;
}

const SUBMIT = 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { index errors { code } } }';
const api = await timed('API submitReports', async (batch) => {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ query: SUBMIT, variables: { r: batch } }),
  });
  const body = (await response.json()) as { data?: { submitReports: { errors: unknown[] }[] }; errors?: unknown };
  if (!body.data || body.data.submitReports.some((result) => result.errors.length > 0)) {
    throw new Error(`a batch was refused: ${JSON.stringify(body).slice(0, 500)}`);
  }
});

// The driver path gets its rows ready outside the timer: what it measures is the database write alone.
const now = new Date();
const rowBatches = batches.map((batch, b) =>
  batch.map((input, i) => {
    const validation = validateReport(input, { defaultSource: 'bench', textExcerptMax: config.TEXT_EXCERPT_MAX, now, brands: [] });
    if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
    const brand = validation.report.claimedBrand;
    return toWriteRow(validation.report, i, `bench-${b}-${i}`, brand?.slug);
  }),
);
let next = 0;
const direct = await timed('driver UNWIND', async () => {
  await graph.write('ingest/write-reports', { reports: rowBatches[next++] });
});

const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  reports: total,
  batchSize,
  apiReportsPerSecond: Math.round(api),
  driverReportsPerSecond: Math.round(direct),
  apiToDriverRatio: Number((api / direct).toFixed(2)),
};
const stamp = result.date.slice(0, 19).replace(/[:T]/g, '-');
writeFileSync(join(projectRoot(), 'bench', 'results', `ingest-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `| path | reports/s |\n| --- | --- |\n| API submitReports (batches of ${batchSize}) | ${result.apiReportsPerSecond} |\n` +
    `| driver, same Cypher | ${result.driverReportsPerSecond} |\n| ratio API / driver | ${result.apiToDriverRatio} |\n`,
);
await service.stop();
await driver.close();
await neo4j?.stop();
