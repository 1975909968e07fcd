import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { resolveClaimedBrands } from '../../src/brands/claimed-brand.js';
import type { GraphExecutor } from '../../src/graph/executor.js';
import type { BrandNames } from '../../src/ingest/extraction/extract-indicators.js';
import type { ReportInput } from '../../src/ingest/report-input.js';
import { indicatorLinks, reportRows } from '../../src/ingest/batch-write.js';
import { toWriteRow, type WriteRow } from '../../src/ingest/report-rows.js';
import { validateReport } from '../../src/ingest/validate-report.js';
import { importCommand } from '../scamgraph/import-command.js';
import { runBenchCypher } from './bench-cypher.js';
import { cpuSeconds, jitCpuSeconds, ownCpuSeconds, since } from './process-cpu.js';
import { ProgressLine } from '../scamgraph/progress.js';
import { rangeSize, reportBatches, writeRange, type ReportRange } from './report-file.js';

export type IngestPathName = 'api' | 'api4' | 'import' | 'driver' | 'batch' | 'floor' | 'naive';

export interface IngestFigure {
  readonly path: IngestPathName;
  readonly reports: number;
  readonly seconds: number;
  readonly reportsPerSecond: number;
  /** Over the second half of the reports alone: the graph and the JIT warm. */
  readonly warmReportsPerSecond: number;
  /** CPU seconds per 1,000 reports of the process that validates and sends them (the API server, the import command; none for the driver paths, whose rows are made off the clock). */
  readonly clientCpuPer1000: number | null;
  /** CPU seconds per 1,000 reports of the Neo4j JVM: what the database spends, the limit on one machine. */
  readonly neo4jCpuPer1000: number | null;
  /** Of that, what its JIT compilers used: a JVM still compiling charges the path timed meanwhile. */
  readonly neo4jJitCpuPer1000: number | null;
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
  /** Processes whose CPU time each path reports per report; without them, none is reported. */
  readonly apiPid?: number;
  readonly neo4jPid?: number;
}

export const BATCH = 500;
const CLIENTS = 4;

/** What each path measures, for the result table. */
export const INGEST_PATHS: Readonly<Record<IngestPathName, string>> = {
  api: `API: submitReports over HTTP, batches of ${BATCH}, 1 client`,
  api4: `API: submitReports over HTTP, batches of ${BATCH}, ${CLIENTS} clients at once`,
  import: `import command (\`scamgraph import\` on JSONL), batches of ${BATCH}`,
  driver: `driver: UNWIND, the per-report statement ingest wrote with before issue 22, batches of ${BATCH}`,
  batch: `driver: UNWIND, ingest's statements (reports, then each node once with aggregated counts), batches of ${BATCH}`,
  floor: `driver: Report nodes alone, batches of ${BATCH} (the model's floor)`,
  naive: 'driver: one transaction per report, the per-report statement (the naive way)',
};

/** Writes the range into the graph by one path; reports per second of that path's own work. */
export function ingest(path: IngestPathName, target: IngestTarget, range: ReportRange): Promise<IngestFigure> {
  switch (path) {
    case 'api':
      return throughApi(target, range, 1);
    case 'api4':
      return throughApi(target, range, CLIENTS);
    case 'import':
      return throughImportCommand(target, range);
    case 'driver':
      return throughDriver(target, range, BATCH);
    case 'batch':
      return throughDriver(target, range, BATCH, 'batch');
    case 'floor':
      return throughDriver(target, range, BATCH, 'floor');
    case 'naive':
      return throughDriver(target, range, 1);
    default:
      return unknownPath(path);
  }
}

const unknownPath = (path: never): never => {
  throw new Error(`no ingest path ${String(path)}`);
};

/**
 * Times one path: the whole run and its second half, and the CPU the client process and the
 * Neo4j JVM spent on it. `elapsed` is the path's own clock (the driver paths leave row making out).
 */
class PathClock {
  private readonly started = performance.now();
  private half: { done: number; ms: number } | null = null;
  /** CPU seconds each process has spent since the path started: the client's, the JVM's, the JVM's JIT compilers'. */
  private readonly clientCpu: (() => number) | null;
  private readonly neo4jCpu: (() => number) | null;
  private readonly neo4jJit: (() => number) | null;

  constructor(
    private readonly path: IngestPathName,
    private readonly total: number,
    target: IngestTarget,
    clientCpu: (() => number) | null,
  ) {
    this.clientCpu = clientCpu && since(clientCpu);
    const { neo4jPid } = target;
    this.neo4jCpu = neo4jPid === undefined ? null : since(() => cpuSeconds(neo4jPid));
    this.neo4jJit = neo4jPid === undefined ? null : since(() => jitCpuSeconds(neo4jPid));
  }

  elapsed(): number {
    return performance.now() - this.started;
  }

  /** Reports written so far: the first call past half of them marks where the warm half starts. */
  landed(done: number, ms = this.elapsed()): void {
    if (this.half === null && done >= this.total / 2) this.half = { done, ms };
  }

  figure(done: number, ms = this.elapsed()): IngestFigure {
    const half = this.half ?? { done: 0, ms: 0 };
    const per1000 = (seconds: number) => Number(((seconds * 1000) / done).toFixed(3));
    return {
      path: this.path,
      reports: done,
      seconds: Number((ms / 1000).toFixed(1)),
      reportsPerSecond: Math.round(done / (ms / 1000)),
      warmReportsPerSecond: Math.round((done - half.done) / ((ms - half.ms) / 1000)),
      clientCpuPer1000: this.clientCpu ? per1000(this.clientCpu()) : null,
      neo4jCpuPer1000: this.neo4jCpu ? per1000(this.neo4jCpu()) : null,
      neo4jJitCpuPer1000: this.neo4jJit ? per1000(this.neo4jJit()) : null,
    };
  }
}

const SUBMIT = 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }';

/** `clients` clients, each sending its next batch when the last is answered, all taking batches from one reader. */
async function throughApi(target: IngestTarget, range: ReportRange, clients: number): Promise<IngestFigure> {
  const path = clients === 1 ? 'api' : 'api4';
  const progress = new ProgressLine(`ingest through the API, ${clients} client${clients === 1 ? '' : 's'}`, rangeSize(range));
  const { apiPid } = target;
  const clock = new PathClock(path, rangeSize(range), target, apiPid === undefined ? null : () => cpuSeconds(apiPid));
  const batches = reportBatches(range, BATCH);
  let done = 0;
  const client = async () => {
    // One reader for all: an async generator hands each batch to one caller.
    for (let next = await batches.next(); !next.done; next = await batches.next()) {
      const batch = next.value;
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
      clock.landed(done);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  progress.done();
  return clock.figure(done);
}

/**
 * The `scamgraph import` command itself (its own driver, migrations, batches and report file),
 * pointed at the benchmark's Neo4j. It draws its progress bar on a terminal; elsewhere the
 * reports in the graph are counted every ten seconds instead.
 */
async function throughImportCommand(target: IngestTarget, range: ReportRange): Promise<IngestFigure> {
  // The command reads whole files: the range goes into one of its own (a warm-up reads a slice of the world).
  const file = join(target.workDir, 'import-sample.jsonl');
  await writeRange(range, file);
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
  const clock = new PathClock('import', rangeSize(range), target, ownCpuSeconds);
  try {
    const code = await importCommand([
      file,
      '--format',
      'jsonl',
      '--batch',
      String(BATCH),
      '--report',
      join(target.workDir, 'import-report.json'),
    ]);
    if (code !== 0) throw new Error(`scamgraph import exited with ${code}; see ${join(target.workDir, 'import-report.json')}`);
    // The command reports no progress to a caller: its warm half is not told apart from the whole.
    return clock.figure(rangeSize(range));
  } finally {
    clearInterval(poll);
    progress.done();
  }
}

/**
 * Straight through the driver with the ingest Cypher (or, for the floor, the Report nodes alone),
 * `batchSize` rows per transaction. Rows are made (validated, brands resolved, as IngestService
 * does) outside the clock: what is timed is the database write alone.
 */
async function throughDriver(
  target: IngestTarget,
  range: ReportRange,
  batchSize: number,
  path: 'driver' | 'batch' | 'floor' | 'naive' = batchSize === 1 ? 'naive' : 'driver',
): Promise<IngestFigure> {
  const how = {
    naive: 'one report per transaction',
    driver: `UNWIND ${batchSize}, per-report statement`,
    batch: `UNWIND ${batchSize}, ingest's statements`,
    floor: `UNWIND ${batchSize}, Report nodes alone`,
  };
  const progress = new ProgressLine(`ingest through the driver, ${how[path]}`, rangeSize(range));
  const brands = (await target.graph.read('brands/registered-brands')) as unknown as BrandNames[];
  const clock = new PathClock(path, rangeSize(range), target, null);
  let writing = 0;
  let done = 0;
  for await (const batch of reportBatches(range, BATCH)) {
    const rows = await writeRows(target, batch, brands);
    for (let i = 0; i < rows.length; i += batchSize) {
      const started = performance.now();
      const reports = rows.slice(i, i + batchSize);
      if (path === 'floor') await runBenchCypher(target.driver, 'report-nodes-only', { reports });
      else if (path === 'batch') await writeAsIngest(target, reports);
      else await runBenchCypher(target.driver, 'write-reports-per-row', { reports });
      writing += performance.now() - started;
    }
    progress.update((done += batch.length));
    clock.landed(done, writing);
  }
  progress.done();
  return clock.figure(done, writing);
}

async function writeRows(target: IngestTarget, inputs: readonly ReportInput[], brands: readonly BrandNames[]) {
  const now = new Date();
  const reports = inputs.map((input) => {
    const validation = validateReport(input, {
      defaultSource: 'bench',
      textExcerptMax: target.textExcerptMax,
      now,
      brands,
      undated: 'receipt',
    });
    if (!validation.ok) throw new Error(`report ${input.externalId ?? '?'} is invalid: ${JSON.stringify(validation.errors)}`);
    return validation.report;
  });
  const slugs = await resolveClaimedBrands(
    target.graph,
    reports.map((report) => report.claimedBrand),
  );
  return reports.map((report, index) => toWriteRow(report, index, randomUUID(), slugs[index]));
}

/** As IngestService writes one part: the Report nodes, then what the new ones name, in one transaction. */
function writeAsIngest(target: IngestTarget, reports: readonly WriteRow[]) {
  const rows = new Map(reports.map((row) => [row.index, row]));
  return target.graph.writeEach('ingest/merge-reports', 1, async () => reportRows(reports), [indicatorLinks(rows)]);
}
