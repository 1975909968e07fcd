// Extraction speed on one thread (issue 14): messages per second over the UCI SMS collection
// for this extractor, the previous one and bare libphonenumber-js, in the same run and order
// rotated per pass; then pathological texts at 100, 200 and 400 KB, whose time must grow
// linearly. No database: run alone with `npx tsx scripts/bench/extraction-speed.ts`, or as
// the extraction phase of `npm run bench`.
import { fileURLToPath } from 'node:url';
import { baselineFinder, bareFinder, currentFinder, type CallbackFinder } from '../extraction/callback-finders.js';
import { smsSpamCollection } from '../../test/unit/real-messages.js';

const PASSES = 7;
const KB = 1024;

/** Texts that would make a careless reader quadratic, each built to a length. */
const PATHOLOGICAL: ReadonlyArray<{ name: string; build: (length: number) => string }> = [
  { name: 'digits and separators', build: (length) => fill('04 12-3.45 (6) 7_8/9 • ', length) },
  { name: 'digits spaced one by one', build: (length) => fill('1 ', length) },
  { name: 'plus signs, then a number', build: (length) => `${'+'.repeat(length - 14)}61 412 345 678` },
  { name: 'unfinished +1 numbers', build: (length) => fill('+1 ', length) },
  { name: 'nested brackets around a number', build: (length) => `${'('.repeat(length / 2 - 6)}0412 345 678${')'.repeat(length / 2 - 6)}` },
  { name: 'look-alike letters and digits', build: (length) => fill('O4l2 I0o1 ', length) },
  { name: 'one digit run', build: (length) => '0'.repeat(length) },
];

export async function extractionSpeed(root: string): Promise<string[]> {
  const baseline = await baselineFinder(root);
  const finders: CallbackFinder[] = 'missing' in baseline ? [currentFinder, bareFinder] : [currentFinder, baseline, bareFinder];
  const messages = smsSpamCollection().map(({ text }) => text);
  const seconds = new Map<CallbackFinder, number[]>(finders.map((finder) => [finder, []]));
  for (let pass = 0; pass <= PASSES; pass++) {
    // Rotating the order spreads the machine's noise over every finder alike.
    for (let k = 0; k < finders.length; k++) {
      const finder = finders[(pass + k) % finders.length]!;
      const started = process.hrtime.bigint();
      for (const text of messages) finder.run(text, 'GB');
      if (pass > 0) seconds.get(finder)!.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const bare = messages.length / median(seconds.get(bareFinder)!);
  const lines = [
    '## Extraction speed (one thread, UCI SMS collection, region GB)',
    '',
    ...('missing' in baseline ? [`The previous extractor is left out: ${baseline.missing}.`, ''] : []),
    '| finder | messages | median seconds per pass | messages per second | times bare libphonenumber-js |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...finders.map((finder) => {
      const perSecond = messages.length / median(seconds.get(finder)!);
      return `| ${finder.name} | ${messages.length} | ${median(seconds.get(finder)!).toFixed(3)} | ${Math.round(perSecond)} | ${(perSecond / bare).toFixed(2)} |`;
    }),
    '',
    `${PASSES} passes after a warm-up pass; the finders take turns within each pass. scamgraph and the previous extractor find every kind of indicator with roles; bare libphonenumber-js only finds numbers.`,
    '',
    '## Pathological texts (one thread, milliseconds)',
    '',
    '| text | 100 KB | 200 KB | 400 KB | 400 KB / 100 KB |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const { name, build } of PATHOLOGICAL) {
    const times = [100, 200, 400].map((size) => {
      const text = build(size * KB);
      currentFinder.run(text, 'AU');
      const runs = [0, 1, 2].map(() => {
        const started = process.hrtime.bigint();
        currentFinder.run(text, 'AU');
        return Number(process.hrtime.bigint() - started) / 1e6;
      });
      return median(runs);
    });
    lines.push(`| ${name} | ${times.map((ms) => ms.toFixed(1)).join(' | ')} | ${(times[2]! / times[0]!).toFixed(1)} |`);
  }
  lines.push(
    '',
    'Linear time doubles with each doubling of the text (a ratio near 4 from 100 to 400 KB); the API takes at most 50,000 characters of text per report.',
    '',
  );
  return lines;
}

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  process.stdout.write(`${(await extractionSpeed(root)).join('\n')}\n`);
}
