import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { brandsFileBeside, registerBrandsFile } from '../../src/brands/brand-registry-file.js';
import { BrandService } from '../../src/brands/brand.service.js';
import { loadConfig } from '../../src/config/config.js';
import { columnMapper, parseColumnMapping, UsageError, type RowMapper } from '../../src/import/column-mapping.js';
import { mapCryptoScamDbEntry } from '../../src/import/cryptoscamdb-entry.js';
import { ImportReportFile } from '../../src/import/import-report-file.js';
import { importReports, type ImportCounts } from '../../src/import/import-reports.js';
import { countRows, formatOf, openRows, ROW_FORMATS, type RowFormat } from '../../src/import/row-source.js';
import { joinAtIngest } from '../../src/campaigns/join-at-ingest.js';
import { IngestService } from '../../src/ingest/ingest.service.js';
import { reportOutbox } from '../../src/monitoring/report-outbox.js';
import { openGraph } from './open-graph.js';
import { ProgressLine, ratePerSecond } from './progress.js';

export const IMPORT_USAGE = `scamgraph import <file> [options]
  Imports reports from JSONL (one ReportInput per line), CSV/TSV or CryptoScamDB YAML through the
  API's ingest code, into NEO4J_URI or the project's own Neo4j. Re-running an import is safe: rows
  already written count as duplicates, so an interrupted import is resumed by running it again.
  A report that matches a watch writes its alert as the API does (a running server delivers it).
  --format jsonl|csv|tsv|cryptoscamdb
                           default: from the extension (.jsonl .ndjson .csv .tsv); cryptoscamdb is
                           a scams.yaml of CryptoScamDB/EtherScamDB: one report per entry (its url
                           and addresses), no mapping options; values it cannot use are left out
                           and listed in the report
  --columns a,b,...        column names for a CSV/TSV file without a header row
  --map field=column       read a report field from a column (repeatable); a column named
                           like a field maps to it by default; lists in a cell: "a; b"
  --set field=value        give a field one value on every row (repeatable), e.g. channel=SMS
  --where column=v1|v2     import only rows whose column holds one of the values (repeatable)
  --brands path            a brand registry file to register before the reports, so their claimed
                           brands resolve to it (aliases and all); default: <file without
                           extension>.brands.json when it exists, as scamgraph generate writes it
  --batch n                reports per transaction (default 500)
  --report path            default: <file>.import-report.json
  A row without externalId gets "<file name>:<row>", so keep file names stable between runs.`;

/** Runs `scamgraph import`; resolves to the process exit code. */
export async function importCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      columns: { type: 'string' },
      map: { type: 'string', multiple: true, default: [] },
      set: { type: 'string', multiple: true, default: [] },
      where: { type: 'string', multiple: true, default: [] },
      batch: { type: 'string', default: '500' },
      report: { type: 'string' },
      brands: { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`import takes one file, got ${positionals.length}`);
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const format = formatOf(file, values.format);
  if (!format) throw new UsageError(`cannot tell the format of ${file}; give --format ${ROW_FORMATS.join('|')}`);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new UsageError(`--batch must be 1 to 10000, got ${values.batch}`);
  const name = basename(file);
  const map = rowMapper(format, values, name);
  const brandsFile = values.brands ?? (existsSync(brandsFileBeside(file)) ? brandsFileBeside(file) : undefined);
  if (brandsFile !== undefined && !existsSync(brandsFile)) throw new UsageError(`no such brands file: ${brandsFile}`);

  const log = (line: string) => process.stderr.write(`${line}\n`);
  const config = loadConfig();
  const { graph, uri, close } = await openGraph(config, log);
  if (brandsFile !== undefined) {
    // Before the reports: a claim resolves to a brand registered by then, not to a spelling of its own.
    const { loaded, refused } = await registerBrandsFile(new BrandService(graph), brandsFile).catch(async (error: unknown) => {
      await close();
      throw error;
    });
    log(
      `registered ${loaded.length} brands from ${brandsFile}${refused.length > 0 ? `; refused ${refused.map(({ slug }) => slug).join(', ')}` : ''}`,
    );
  }
  const joinCampaigns = joinAtIngest(graph, (error, reports) =>
    log(`campaign assignment failed for ${reports} reports (${(error as Error).message}); the next detection run places them`),
  );
  const ingest = new IngestService(
    graph,
    {
      batchMax: Math.max(config.BATCH_MAX, batchSize),
      textExcerptMax: config.TEXT_EXCERPT_MAX,
      defaultSource: `import:${name}`,
      writeBatch: config.INGEST_WRITE_BATCH,
      writers: config.INGEST_WRITERS,
    },
    joinCampaigns,
    // The API's outbox: an imported report that matches a watch alerts as a submitted one does, in the same
    // transaction (a re-import writes no report, so no alert twice). A running server's dispatcher delivers it.
    reportOutbox,
  );
  const columns = values.columns?.split(',').map((column) => column.trim());
  const source = openRows(file, format, columns);
  const reportPath = values.report ?? `${file}.import-report.json`;
  const report = new ImportReportFile(reportPath, { file, format, neo4j: uri, startedAt: new Date().toISOString(), options: values });
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    log('\ninterrupted: finishing the batch in flight, then stopping');
  };
  process.once('SIGINT', onInterrupt);

  // Rows of the file, counted first with the same parser: bytes read ahead by the stream are no measure.
  const progress = new ProgressLine(`import ${name}`, await countRows(file, format, columns), 'rows', 2_000);
  const detail = (counts: ImportCounts) => `accepted ${counts.accepted} duplicate ${counts.duplicate} rejected ${counts.rejected}`;
  const startedAt = performance.now();
  try {
    const result = await importReports({
      rows: source.rows,
      map,
      submit: (inputs) => ingest.submit(inputs, { undated: 'unknown' }),
      batchSize,
      onRejection: (rejection) => report.add(rejection),
      onBatch: (counts) => progress.update(counts.rows, detail(counts)),
      shouldStop: () => interrupted,
    }).catch(async (error: unknown) => {
      // An unreadable file (a CSV quoting error, say) still leaves a well-formed report behind.
      await report.close({ failed: (error as Error).message });
      throw error;
    });
    progress.update(result.rows, detail(result));
    progress.done();
    const seconds = (performance.now() - startedAt) / 1000;
    const summary = { ...result, seconds: Number(seconds.toFixed(2)), rowsPerSecond: ratePerSecond(result.rows, startedAt) };
    await report.close(summary);
    process.stdout.write(summaryText(file, summary, report));
    return result.stopped === null ? 0 : interrupted ? 130 : 1;
  } finally {
    process.off('SIGINT', onInterrupt);
    await close();
  }
}

/** A fixed mapping for cryptoscamdb, which the column options cannot change; the options' mapping otherwise. */
function rowMapper(
  format: RowFormat,
  options: { map: string[]; set: string[]; where: string[]; columns?: string | undefined },
  name: string,
): RowMapper {
  if (format !== 'cryptoscamdb') return columnMapper(parseColumnMapping(options, name));
  const given = [
    ...(['map', 'set', 'where'] as const).filter((option) => options[option].length > 0),
    ...(options.columns === undefined ? [] : ['columns']),
  ];
  if (given.length > 0) throw new UsageError(`--format cryptoscamdb maps its entries itself; --${given.join(', --')} cannot apply`);
  return mapCryptoScamDbEntry;
}

function summaryText(
  file: string,
  summary: Awaited<ReturnType<typeof importReports>> & { seconds: number; rowsPerSecond: number },
  report: ImportReportFile,
): string {
  const n = (value: number) => value.toLocaleString('en-AU').padStart(9);
  const list = (tally: Map<string, number>) => [...tally].map(([code, count]) => `${code} ${count}`).join(', ');
  const [codes, dropped] = [list(report.byCode), list(report.droppedByCode)];
  const lines = [
    `${file}: ${summary.rows.toLocaleString('en-AU')} rows in ${summary.seconds} s (${summary.rowsPerSecond} rows/s)`,
    `  accepted  ${n(summary.accepted)}`,
    `  duplicate ${n(summary.duplicate)}  (already imported)`,
    `  rejected  ${n(summary.rejected)}${codes ? `  (${codes})` : ''}`,
    `  filtered  ${n(summary.filtered)}  (--where)`,
    ...(summary.partial > 0 ? [`  partial   ${n(summary.partial)}  (imported without some values${dropped ? `: ${dropped}` : ''})`] : []),
    `  every rejection with its row, field, code and message: ${report.path}`,
  ];
  if (summary.stopped) {
    lines.push(`stopped at row ${summary.stopped.fromRow}: ${summary.stopped.reason}; run the same command again to resume`);
  }
  return `${lines.join('\n')}\n`;
}
