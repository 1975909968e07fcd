// `npx tsx scripts/bench/ingest-stages.ts [reports.jsonl] [count]`: where the API process spends
// its CPU per report when it ingests, stage by stage, with no database (issue 22): the request
// body's JSON, GraphQL (parse, validation, input coercion, the resolver, the result) with a
// submit that answers at once, validation with extraction, the write rows, and the driver's
// parameter conversion. Milliseconds per 1,000 reports, batches of 500, best of three rounds.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execute, parse, validate } from 'graphql';
import { projectRoot } from '../../src/config/project-root.js';
import { toParameter } from '../../src/graph/values.js';
import type { SubmitOutcome } from '../../src/ingest/ingest.service.js';
import type { ReportInput } from '../../src/ingest/report-input.js';
import { extractIndicators } from '../../src/ingest/extraction/extract-indicators.js';
import { toWriteRow } from '../../src/ingest/report-rows.js';
import { ReportShape } from '../../src/ingest/report-shape.js';
import { validateReport, type ValidReport } from '../../src/ingest/validate-report.js';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { IngestResolver } from '../../src/graphql/resolvers/ingest.resolver.js';
import { ReportResolver } from '../../src/graphql/resolvers/report.resolver.js';
import { Metrics } from '../../src/observability/metrics.js';
import { BRANDS } from '../../src/synthetic/brands.data.js';
import { GENERATOR_VERSION } from '../../src/synthetic/scam-world.js';

// The quick bench's world (world-file.ts names it by the generator's version).
const [file = join(projectRoot(), '.cache', 'bench', `synthetic-10000-seed1-g${GENERATOR_VERSION}.jsonl`), count = '10000'] =
  process.argv.slice(2);
const BATCH = 500;
const ROUNDS = 3;
const SUBMIT = 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }';

const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, Number(count));
const bodies: string[] = [];
for (let i = 0; i < lines.length; i += BATCH)
  bodies.push(`{"query":${JSON.stringify(SUBMIT)},"variables":{"r":[${lines.slice(i, i + BATCH).join(',')}]}}`);

// The ingest resolver (and one query: a schema needs one), as src/graphql/schema.ts builds it: the mutation's coercion is the same, and no other feature's state can stop this.
const schema = await buildSchema({
  resolvers: [IngestResolver, ReportResolver],
  scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
  validate: false,
});
const document = parse(SUBMIT);
const metrics = new Metrics();
const answered = (inputs: readonly ReportInput[]): SubmitOutcome[] =>
  inputs.map((_, index) => ({ index, reportId: 'x', duplicate: false, errors: [] }));
const brands = BRANDS.map(({ slug, name, aliases }) => ({ slug, name, aliases }));
const options = { defaultSource: 'bench', textExcerptMax: 2_000, now: new Date(), brands, undated: 'receipt' as const };

const stages: Record<string, (body: string) => unknown> = {
  'JSON body': (body) => JSON.parse(body),
  'GraphQL (parse, validate, coerce, resolve, result)': (body) => {
    const { variables } = JSON.parse(body) as { variables: Record<string, unknown> };
    if (validate(schema, parse(SUBMIT)).length > 0) throw new Error('invalid operation');
    return execute({
      schema,
      document,
      variableValues: variables,
      contextValue: { metrics, ingest: { submit: async (inputs: ReportInput[]) => answered(inputs) } },
    });
  },
  'validation: structure (zod)': (body) => inputsOf(body).map((input) => ReportShape.safeParse(input)),
  'validation: extraction from text': (body) =>
    inputsOf(body).map((input) => input.text && extractIndicators(input.text, 'AU', input.claimedBrand ? [] : brands)),
  'validation, whole (structure, fields, extraction)': (body) => inputsOf(body).map((input) => validateReport(input, options)),
  'write rows': (body) => validReports(body).map((report, index) => toWriteRow(report, index, 'id', undefined)),
  'driver parameters': (body) =>
    toParameter({ reports: validReports(body).map((report, index) => toWriteRow(report, index, 'id', undefined)) }),
};

const inputsCache = new Map<string, ReportInput[]>();
function inputsOf(body: string): ReportInput[] {
  let inputs = inputsCache.get(body);
  if (!inputs) {
    const parsed = JSON.parse(body, (key, value: unknown) =>
      key === 'receivedAt' && typeof value === 'string' ? new Date(value) : value,
    ) as { variables: { r: ReportInput[] } };
    inputsCache.set(body, (inputs = parsed.variables.r));
  }
  return inputs;
}
const validCache = new Map<string, ValidReport[]>();
function validReports(body: string): ValidReport[] {
  let reports = validCache.get(body);
  if (!reports)
    validCache.set(
      body,
      (reports = inputsOf(body).flatMap((input) => {
        const v = validateReport(input, options);
        return v.ok ? [v.report] : [];
      })),
    );
  return reports;
}
// Made before any clock runs: the rows' and parameters' stages time themselves alone.
for (const body of bodies) validReports(body);

const msPer1000 = (ms: number) => (ms * 1000) / lines.length;
const results: [string, number][] = [];
for (const [stage, run] of Object.entries(stages)) {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (const body of bodies) await run(body);
    best = Math.min(best, performance.now() - started);
  }
  // Rows and parameters are timed with what they build on; the table shows each stage's own share.
  results.push([stage, msPer1000(best)]);
}
const own = new Map(results);
const rows = own.get('write rows') ?? 0;
own.set('driver parameters', (own.get('driver parameters') ?? 0) - rows);
process.stdout.write(`${lines.length} reports in batches of ${BATCH}; CPU ms per 1,000 reports, best of ${ROUNDS}:\n`);
for (const [stage, ms] of own) process.stdout.write(`  ${stage.padEnd(52)} ${ms.toFixed(1).padStart(7)}\n`);
// The whole validation holds its structure and extraction parts: the total counts it once.
const total = [...own].filter(([stage]) => !stage.startsWith('validation: ')).reduce((sum, [, ms]) => sum + ms, 0);
process.stdout.write(`  ${'total'.padEnd(52)} ${total.toFixed(1).padStart(7)}\n`);
