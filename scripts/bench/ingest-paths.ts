import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { resolveClaimedBrands } from '../../src/brands/claimed-brand.js';
import type { GraphExecutor } from '../../src/graph/executor.js';
import type { BrandNames } from '../../src/ingest/extraction/extract-indicators.js';
import type { ReportInput } from '../../src/ingest/report-input.js';
import { toWriteRow } from '../../src/ingest/report-rows.js';
import { validateReport } from '../../src/ingest/validate-report.js';
import { importCommand } from '../scamgraph/import-command.js';
import { runBenchCypher } from './bench-cypher.js';
import { ProgressLine } from './progress-line.js';
import { rangeSize, reportBatches, writeRange, type ReportRange } from './report-file.js';

export type IngestPathName = 'api' | 'import' | 'driver' | 'naive';

export interface IngestFigure {
  readonly path: IngestPathName;
  readonly reports: number;
  readonly seconds: number;
  readonly reportsPerSecond: number;
}

export interface IngestTarget {
  readonly graph: GraphExecutor;
  readonly driver: Driver;
  /** scamgraph's GraphQL endpoint and the admin key it takes. */
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly neo4jUri: string;
  /** Where sample files and the import command's report go. */
  readonly workDir: string;
  readonly textExcerptMax: number;
}

const BATCH = 500;

/** What each path measures, for the result table. */
export const INGEST_PATHS: Readonly<Record<IngestPathName, string>> = {
  api: `API: submitReports over HTTP, batches of ${BATCH}`,
  import: `import command (\`scamgraph import\` on JSONL), batches of ${BATCH}`,
  driver: `driver: UNWIND, same Cypher, batches of ${BATCH} (the limit)`,
  naive: 'driver: one transaction per report, same Cypher (the naive way)',
};

/** Writes the range into the graph by one path; reports per second of that path's own work. */
export function ingest(path: IngestPathName, target: IngestTarget, range: ReportRange): Promise<IngestFigure> {
  switch (path) {
    case 'api':
      return throughApi(target, range);
    case 'import':
      return throughImportCommand(target, range);
    case 'driver':
      return throughDriver(target, range, BATCH);
    case 'naive':
      return throughDriver(target, range, 1);
    default:
      return unknownPath(path);
  }
}

const unknownPath = (path: never): never => {
  throw new Error(`no ingest path ${String(path)}`);
};

const figure = (path: IngestPathName, reports: number, ms: number): IngestFigure => ({
  path,
  reports,
  seconds: Number((ms / 1000).toFixed(1)),
  reportsPerSecond: Math.round(reports / (ms / 1000)),
});

const SUBMIT = 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }';

async function throughApi(target: IngestTarget, range: ReportRange): Promise<IngestFigure> {
  const progress = new ProgressLine('ingest through the API', rangeSize(range));
  const started = performance.now();
  let done = 0;
  for await (const batch of reportBatches(range, BATCH)) {
    const response = await fetch(target.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.apiKey}` },
      body: JSON.stringify({ query: SUBMIT, variables: { r: batch } }),
    });
    const body = (await response.json()) as { data?: { submitReports: { errors: unknown[] }[] } };
    if (!body.data || body.data.submitReports.some((outcome) => outcome.errors.length > 0)) {
      throw new Error(`submitReports refused part of a batch: ${JSON.stringify(body).slice(0, 500)}`);
    }
    progress.update((done += batch.length));
  }
  progress.done();
  return figure('api', done, performance.now() - started);
}

/**
 * The `scamgraph import` command itself (its own driver, migrations, batches and report file),
 * pointed at the benchmark's Neo4j. It draws its progress bar on a terminal; elsewhere the
 * reports in the graph are counted every ten seconds instead.
 */
async function throughImportCommand(target: IngestTarget, range: ReportRange): Promise<IngestFigure> {
  const file = range.from === 0 ? range.file : join(target.workDir, 'import-sample.jsonl');
  if (file !== range.file) await writeRange(range, file);
  process.env['NEO4J_URI'] = target.neo4jUri;
  const progress = new ProgressLine('ingest through the import command', rangeSize(range));
  const [before] = await runBenchCypher(target.driver, 'report-count');
  const poll = process.stderr.isTTY
    ? undefined
    : setInterval(() => {
        runBenchCypher(target.driver, 'report-count')
          .then(([now]) => progress.update(Number(now?.['reports']) - Number(before?.['reports'])))
          .catch(() => {}); // a missed count only skips one progress line
      }, 10_000);
  const started = performance.now();
  try {
    const code = await importCommand([file, '--format', 'jsonl', '--batch', String(BATCH), '--report', join(target.workDir, 'import-report.json')]);
    if (code !== 0) throw new Error(`scamgraph import exited with ${code}; see ${join(target.workDir, 'import-report.json')}`);
    return figure('import', rangeSize(range), performance.now() - started);
  } finally {
    clearInterval(poll);
    progress.done();
  }
}

/**
 * Straight through the driver with the ingest Cypher, `batchSize` rows per transaction. Rows are
 * made (validated, brands resolved, as IngestService does) outside the clock: what is timed is
 * the database write alone.
 */
async function throughDriver(target: IngestTarget, range: ReportRange, batchSize: number): Promise<IngestFigure> {
  const path = batchSize === 1 ? 'naive' : 'driver';
  const progress = new ProgressLine(`ingest through the driver, ${batchSize === 1 ? 'one report per transaction' : `UNWIND ${batchSize}`}`, rangeSize(range));
  const brands = (await target.graph.read('brands/registered-brands')) as unknown as BrandNames[];
  let writing = 0;
  let done = 0;
  for await (const batch of reportBatches(range, BATCH)) {
    const rows = await writeRows(target, batch, brands);
    for (let i = 0; i < rows.length; i += batchSize) {
      const started = performance.now();
      await target.graph.write('ingest/write-reports', { reports: rows.slice(i, i + batchSize) });
      writing += performance.now() - started;
    }
    progress.update((done += batch.length));
  }
  progress.done();
  return figure(path, done, writing);
}

async function writeRows(target: IngestTarget, inputs: readonly ReportInput[], brands: readonly BrandNames[]) {
  const now = new Date();
  const reports = inputs.map((input) => {
    const validation = validateReport(input, { defaultSource: 'bench', textExcerptMax: target.textExcerptMax, now, brands });
    if (!validation.ok) throw new Error(`report ${input.externalId ?? '?'} is invalid: ${JSON.stringify(validation.errors)}`);
    return validation.report;
  });
  const slugs = await resolveClaimedBrands(target.graph, reports.map((report) => report.claimedBrand));
  return reports.map((report, index) => toWriteRow(report, index, randomUUID(), slugs[index]));
}
