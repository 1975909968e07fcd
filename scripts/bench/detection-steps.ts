import type { StepTiming } from '../../src/campaigns/campaign-detector.js';

/** One engine's detection run as the bench keeps it: where its time went, step by step. */
export interface DetectionSteps {
  readonly engine: string;
  readonly seconds: number;
  readonly timings: readonly StepTiming[];
}

const n = (value: number) => value.toLocaleString('en-AU');
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

/**
 * The step table: one row per step, a column pair per engine (seconds, and the changes written or
 * rows read). A step inside another (label.seed inside label.gds) is indented under it; the Cypher
 * engine's waves (label.spread.0, .1, ...) are summed into one row with their count.
 */
export function detectionStepsMarkdown(runs: readonly DetectionSteps[]): string {
  if (runs.length === 0) return '';
  const folded = runs.map((run) => fold(run.timings));
  const names: { step: string; depth: number }[] = [];
  for (const steps of folded) {
    for (const [step, { depth }] of steps) if (!names.some((seen) => seen.step === step)) names.push({ step, depth });
  }
  const work = (step: Folded) =>
    `${step.writes !== undefined ? `${n(step.writes)} written` : step.rows !== undefined ? `${n(step.rows)} rows` : ''}${step.count > 1 ? ` (${step.count} waves)` : ''}`;
  return [
    'Detection steps in seconds, with what each statement wrote (nodes, relationships and properties created, deleted or set) or read (rows). ' +
      'An indented step is part of the one above it.',
    '',
    `| step | ${runs.map((run) => `${run.engine} s | ${run.engine} work`).join(' | ')} |`,
    `| --- | ${runs.map(() => '---: | ---:').join(' | ')} |`,
    ...names.map(({ step, depth }) => {
      const cells = folded.map((steps) => steps.get(step)).map((s) => (s ? `${seconds(s.ms)} | ${work(s)}` : '- | -'));
      return `| ${'&nbsp;&nbsp;'.repeat(depth)}${step} | ${cells.join(' | ')} |`;
    }),
    `| total | ${runs.map((run) => `${run.seconds} | `).join(' | ')} |`,
    '',
  ].join('\n');
}

interface Folded {
  depth: number;
  ms: number;
  rows?: number;
  writes?: number;
  count: number;
}

/** Steps by name in the order they started, the numbered waves of one step summed as `<step>.waves`. */
function fold(timings: readonly StepTiming[]): Map<string, Folded> {
  const steps = new Map<string, Folded>();
  const add = (a: number | undefined, b: number | undefined) => (a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0));
  for (const timing of timings) {
    const name = timing.step.replace(/\.\d+$/, '.waves');
    const seen = steps.get(name);
    const rows = add(seen?.rows, timing.rows);
    const writes = add(seen?.writes, timing.writes);
    steps.set(name, {
      depth: timing.depth,
      ms: (seen?.ms ?? 0) + timing.ms,
      count: (seen?.count ?? 0) + 1,
      ...(rows === undefined ? {} : { rows }),
      ...(writes === undefined ? {} : { writes }),
    });
  }
  return steps;
}
