import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { UsageError } from '../../src/import/column-mapping.js';
import { brandsFileBeside, type RegistryFile } from '../../src/brands/brand-registry-file.js';
import { BRANDS } from '../../src/synthetic/brands.data.js';
import { generateScamWorld } from '../../src/synthetic/scam-world.js';
import { ProgressLine, ratePerSecond } from './progress.js';

export const GENERATE_USAGE = `scamgraph generate [options]
  Writes a synthetic scam world: N reports as JSONL (ready for scamgraph import), its ground
  truth (campaigns, each indicator's campaign, each report's campaign) as JSONL, and the brands
  it impersonates with their aliases, which scamgraph import registers before the reports.
  --reports n     default 10000 (1,000 to 5,000,000 and beyond; memory stays flat)
  --seed n        default 1; the same seed writes the same files
  --source name   the reports' source, default "synthetic"
  --bridges share           reports also naming another operation's number or link, default 0.01
  --recycled share          new callback numbers reassigned from an operation ended 90+ days before, default 0.02
  --platform-links share    links on a shared platform (t.me, sites.google.com, linktr.ee), default 0.05
  --victim-caller-ids share calls and texts showing a real person's number as caller ID, default 0.1
                            (all four 0: the clean world, where no two operations share anything)
  --scripted share          an operation's messages sent from its crew's own script, default 0.85 (0: no scripts)
  --kits share              operations sending an earlier operation's script (a kit sold on), default 0.2
  --rewrites share          operations rewriting their script part-way through, default 0.15
  --out path      default synthetic-<n>-seed<seed>.jsonl
  --truth path    default <out without .jsonl>.truth.jsonl
  --brands path   default <out without .jsonl>.brands.json`;

/** Runs `scamgraph generate`; resolves to the process exit code. */
export async function generateCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      reports: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      source: { type: 'string', default: 'synthetic' },
      out: { type: 'string' },
      truth: { type: 'string' },
      brands: { type: 'string' },
      bridges: { type: 'string', default: '0.01' },
      recycled: { type: 'string', default: '0.02' },
      'platform-links': { type: 'string', default: '0.05' },
      'victim-caller-ids': { type: 'string', default: '0.1' },
      scripted: { type: 'string', default: '0.85' },
      kits: { type: 'string', default: '0.2' },
      rewrites: { type: 'string', default: '0.15' },
    },
  });
  const share = (name: 'bridges' | 'recycled' | 'platform-links' | 'victim-caller-ids' | 'scripted' | 'kits' | 'rewrites') => {
    const value = Number(values[name]);
    if (!(value >= 0 && value <= 1)) throw new UsageError(`--${name} must be a share between 0 and 1, got ${values[name]}`);
    return value;
  };
  const messy = {
    bridgeShare: share('bridges'),
    recycledShare: share('recycled'),
    platformShare: share('platform-links'),
    victimCallerIdShare: share('victim-caller-ids'),
    scriptedShare: share('scripted'),
    kitShare: share('kits'),
    rewriteShare: share('rewrites'),
  };
  const reports = Number(values.reports);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(reports) || reports < 1) throw new UsageError(`--reports must be a whole number >= 1, got ${values.reports}`);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, got ${values.seed}`);
  const out = values.out ?? `synthetic-${reports}-seed${seed}.jsonl`;
  const truthPath = values.truth ?? `${out.replace(/\.jsonl$/, '')}.truth.jsonl`;
  const brandsPath = values.brands ?? brandsFileBeside(out);
  writeFileSync(brandsPath, `${JSON.stringify(syntheticRegistry(), null, 2)}\n`);

  const reportFile = createWriteStream(out);
  const truthFile = createWriteStream(truthPath);
  const progress = new ProgressLine(`generate ${out}`, reports);
  const startedAt = performance.now();
  let written = 0;
  for (const { report, truth } of generateScamWorld({ reports, seed, source: values.source, ...messy })) {
    const reportsReady = reportFile.write(`${JSON.stringify(report)}\n`);
    const truthReady = truthFile.write(truth.map((line) => `${JSON.stringify(line)}\n`).join(''));
    // Waiting for the disk keeps memory flat when generating faster than it writes.
    if (!reportsReady) await drained(reportFile);
    if (!truthReady) await drained(truthFile);
    if (++written % 1_000 === 0) progress.update(written);
  }
  progress.update(written);
  progress.done();
  reportFile.end();
  truthFile.end();
  await Promise.all([finished(reportFile), finished(truthFile)]);
  const seconds = (performance.now() - startedAt) / 1000;
  process.stdout.write(
    `${written.toLocaleString('en-AU')} reports in ${seconds.toFixed(2)} s (${ratePerSecond(written, startedAt)} reports/s)\n  reports: ${out}\n  truth:   ${truthPath}\n  brands:  ${brandsPath}\n`,
  );
  return 0;
}

const drained = (stream: WriteStream) => once(stream, 'drain');

/** The world's brands as a registry file: its reports claim them by name, short name and aliases. */
function syntheticRegistry(): RegistryFile {
  return {
    brands: BRANDS.map(({ slug, name, aliases, officialNumbers, officialDomains }) => ({
      slug,
      name,
      aliases: [...aliases],
      officialNumbers: [...officialNumbers],
      officialDomains: [...officialDomains],
    })),
  };
}
