// Extraction over the two public SMS collections (issue 3, "measured on real data"): callback
// numbers per label, distinct indicators, the most repeated callback numbers, speed on one
// core, and precision/recall over the hand-labelled fixture. Prints one Markdown report.
//   npm run stats:extraction        (= npx tsx scripts/extraction/stats.ts)
import os from 'node:os';
import { extractIndicators } from '../../src/ingest/extraction/extract-indicators.js';
import type { CountryCode, PhoneNumberType } from '../../src/ingest/normalise/phone.js';
import {
  INDICATOR_KINDS,
  foundIndicators,
  labelledMessages,
  measureExtraction,
  type IndicatorKind,
  type LabelledMessage,
} from '../../test/unit/labelled-messages.js';
import { publishedMessages } from '../../test/unit/published-messages.js';
import { smsPhishingDataset, smsSpamCollection } from '../../test/unit/real-messages.js';
import { baselineFinder, bareFinder, currentFinder, type CallbackFinder } from './callback-finders.js';
import { datasetRegion } from './dataset-region.js';
import { publishedSections } from './published-report.js';

interface Message {
  readonly file: 'SMSSpamCollection' | 'Dataset_5971.csv';
  readonly label: string;
  readonly region: CountryCode;
  readonly text: string;
}

const SPEED_PASSES = 5;

const messages: Message[] = [
  ...smsSpamCollection().map(({ label, text }) => ({ file: 'SMSSpamCollection' as const, label, region: 'GB' as const, text })),
  ...smsPhishingDataset().map(({ label, text }) => ({ file: 'Dataset_5971.csv' as const, label, region: datasetRegion(text), text })),
];
const files = ['SMSSpamCollection', 'Dataset_5971.csv'] as const;

const extracted = messages.map((message) => {
  const found = extractIndicators(message.text, message.region);
  return { message, found, kinds: foundIndicators(found) };
});

const lines: string[] = [];
const say = (line = '') => lines.push(line);

say('# Indicator extraction over the public SMS collections');
say();
const indianRows = messages.filter(({ file, region }) => file === 'Dataset_5971.csv' && region === 'IN').length;
say(`Regions: SMSSpamCollection GB; Dataset_5971.csv row by row, IN for ${indianRows} rows that read as Indian, GB for the rest`);
say(
  `(scripts/extraction/dataset-region.ts; ${regionAgreement(labelledMessages())}). Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}.`,
);
say();

say('## Messages with at least one callback number');
say();
say(
  table(
    ['file', 'label', 'messages', 'with a callback number', 'share'],
    files.flatMap((file) =>
      labelsOf(file).map((label) => {
        const rows = extracted.filter(({ message }) => message.file === file && message.label === label);
        const withCallback = rows.filter(({ kinds }) => kinds.callbackNumbers.length > 0).length;
        return [file, label, count(rows.length), count(withCallback), percent(withCallback, rows.length)];
      }),
    ),
  ),
);
say();

say('## Distinct indicators');
say();
const distinct = (rows: typeof extracted, kind: IndicatorKind) => new Set(rows.flatMap(({ kinds }) => kinds[kind])).size;
const senderIds = (rows: typeof extracted) =>
  new Set(rows.flatMap(({ found }) => found.phones.filter(({ role }) => role === 'SENDER_ID').map(({ e164 }) => e164))).size;
say(
  table(
    ['file', 'messages', 'callback numbers', 'short codes', 'URLs', 'emails', 'sender IDs'],
    [...files, 'both files'].map((file) => {
      const rows = extracted.filter(({ message }) => file === 'both files' || message.file === file);
      return [file, count(rows.length), ...INDICATOR_KINDS.map((kind) => count(distinct(rows, kind))), count(senderIds(rows))];
    }),
  ),
);
say();

say('## Ten callback numbers in the most messages (both files)');
say();
say(table(['#', 'number', 'type', 'country', 'messages', ...files], topCallbackNumbers(10)));
say();

const baseline = await baselineFinder(new URL('../..', import.meta.url).pathname);
const finders: CallbackFinder[] = 'missing' in baseline ? [currentFinder, bareFinder] : [currentFinder, baseline, bareFinder];
if ('missing' in baseline) say(`The previous extractor is left out: ${baseline.missing}.\n`);

say('## Speed');
say();
const uci = messages.filter(({ file }) => file === 'SMSSpamCollection');
const speeds = finders.map((finder) => ({ finder, ...measureSpeed(uci, finder) }));
const bare = speeds.find(({ finder }) => finder === bareFinder)!;
say(
  table(
    ['finder', 'UCI messages', 'passes', 'median seconds per pass', 'messages per second (one core)', 'times bare libphonenumber-js'],
    speeds.map(({ finder, perSecond, seconds }) => [
      finder.name,
      count(uci.length),
      String(SPEED_PASSES),
      seconds.toFixed(3),
      count(Math.round(perSecond)),
      (perSecond / bare.perSecond).toFixed(2),
    ]),
  ),
);
say();
say(
  `scamgraph and the previous extractor do everything (links, wallets, bank details, references, short codes, roles); bare libphonenumber-js only finds numbers.`,
);
say();
const cores = os.availableParallelism();
say(
  cores === 1
    ? 'Extraction runs on one thread, and this process was held to one core.'
    : `Extraction runs on one thread, but ${cores} cores were open to the garbage collector and compiler threads; ` +
        'for a strict one-core figure run `taskset -c 0 npx tsx scripts/extraction/stats.ts`.',
);
say();

const fixture = labelledMessages();
say(`## Precision and recall over the hand-labelled fixture (${fixture.length} messages)`);
say();
say(accuracyTable(fixture));
say();
const heldOut = fixture.filter(({ pick }) => pick === 'held-out');
say(`Held-out part only (${heldOut.length} messages labelled after the extractor was tuned on the first 301):`);
say();
say(accuracyTable(heldOut));
say();
for (const line of publishedSections(publishedMessages(), finders, table)) say(line);

process.stdout.write(`${lines.join('\n')}\n`);

function labelsOf(file: Message['file']): string[] {
  return [...new Set(messages.filter((message) => message.file === file).map(({ label }) => label))].sort();
}

function topCallbackNumbers(limit: number): string[][] {
  const seen = new Map<string, { type: PhoneNumberType | null; country: CountryCode | null; byFile: Map<string, number> }>();
  for (const { message, found } of extracted) {
    const callbacks = new Map(found.phones.filter(({ role }) => role === 'CALLBACK').map((phone) => [phone.e164, phone]));
    for (const [e164, phone] of callbacks) {
      const entry = seen.get(e164) ?? { type: phone.numberType, country: phone.country, byFile: new Map<string, number>() };
      entry.byFile.set(message.file, (entry.byFile.get(message.file) ?? 0) + 1);
      seen.set(e164, entry);
    }
  }
  const total = (byFile: Map<string, number>) => [...byFile.values()].reduce((sum, n) => sum + n, 0);
  return [...seen.entries()]
    .sort(([a, x], [b, y]) => total(y.byFile) - total(x.byFile) || a.localeCompare(b))
    .slice(0, limit)
    .map(([e164, { type, country, byFile }], rank) => [
      String(rank + 1),
      e164,
      type ?? '-',
      country ?? '-',
      count(total(byFile)),
      ...files.map((file) => count(byFile.get(file) ?? 0)),
    ]);
}

/** Median of several passes over the messages, each in its region, on this one thread. */
function measureSpeed(timed: readonly Message[], finder: CallbackFinder): { perSecond: number; seconds: number } {
  const times: number[] = [];
  for (let pass = 0; pass <= SPEED_PASSES; pass++) {
    const started = process.hrtime.bigint();
    for (const { text, region } of timed) finder.run(text, region);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    if (pass > 0) times.push(elapsed); // the first pass warms the JIT and libphonenumber's caches
  }
  const seconds = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
  return { perSecond: timed.length / seconds, seconds };
}

function accuracyTable(labelled: readonly LabelledMessage[]): string {
  const { scores } = measureExtraction(labelled);
  return table(
    ['kind', 'expected', 'found', 'true positives', 'false positives', 'false negatives', 'precision', 'recall'],
    INDICATOR_KINDS.map((kind) => {
      const { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall } = scores[kind];
      return [kind, count(tp + fn), count(tp + fp), count(tp), count(fp), count(fn), precision.toFixed(3), recall.toFixed(3)];
    }),
  );
}

/** How often the row-by-row region guess matches the hand label where it matters: rows with a callback number. */
function regionAgreement(labelled: readonly LabelledMessage[]): string {
  const rows = labelled.filter(({ source, expected }) => source === 'Dataset_5971.csv' && expected.callbackNumbers.length > 0);
  const agree = rows.filter(({ text, region }) => datasetRegion(text) === region).length;
  return `it agrees with the hand-labelled region on ${agree} of the ${rows.length} labelled rows with a callback number`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = headers.map((_, column) => rows.every((row) => /^[\d,.%-]+$/.test(row[column] ?? '')));
  const rule = numeric.map((right) => (right ? '---:' : '---'));
  return [headers, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}
