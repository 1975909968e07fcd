import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { CountryCode } from '../../src/ingest/normalise/phone.js';

/** What a number in a message is, as a person reading it decided (test/fixtures/published/README.md). */
export type OtherRole =
  | 'REFERENCE'
  | 'AMOUNT'
  | 'DATE'
  | 'TIME'
  | 'CARD'
  | 'OTP'
  | 'SHORT_CODE'
  | 'VICTIM'
  | 'ORIGIN'
  | 'SENDER'
  | 'OFFICIAL'
  | 'MASKED'
  | 'INVALID';

/** One real scam message quoted on a public page, labelled by reading it. */
export interface PublishedMessage {
  readonly id: string;
  readonly file: string;
  readonly source: { readonly url: string; readonly publisher: string; readonly kind: string; readonly licence: string };
  readonly region: CountryCode;
  readonly channel: string;
  readonly text: string;
  readonly callbacks: ReadonlyArray<{ readonly e164: string; readonly written: string; readonly via: string }>;
  readonly others: ReadonlyArray<{ readonly written: string; readonly role: OtherRole }>;
  readonly note?: string;
  /** dev: looked at while tuning the extractor; held-out: never looked at, reported apart. */
  readonly split: 'dev' | 'held-out';
}

const FOLDER = new URL('../fixtures/published/', import.meta.url);
/** About three in ten messages, chosen by a hash of the id, so the split never drifts. */
const HELD_OUT_SHARE = 77; // of 256

/** Every message of every .jsonl file in test/fixtures/published. */
export function publishedMessages(): PublishedMessage[] {
  return readdirSync(FOLDER)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(new URL(file, FOLDER), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          let parsed: Omit<PublishedMessage, 'file' | 'split'>;
          try {
            parsed = JSON.parse(line) as Omit<PublishedMessage, 'file' | 'split'>;
          } catch (error) {
            throw new Error(`${file} line ${index + 1} is not JSON: ${String(error)}`);
          }
          return { ...parsed, file, split: splitOf(parsed.id) };
        }),
    );
}

export function splitOf(id: string): 'dev' | 'held-out' {
  return (createHash('sha256').update(id).digest()[0] ?? 0) < HELD_OUT_SHARE ? 'held-out' : 'dev';
}

/** Counts behind precision and recall; precision is 1 when nothing was found, recall when nothing was expected. */
export interface Score {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
}

export function score(truePositives: number, falsePositives: number, falseNegatives: number): Score {
  const found = truePositives + falsePositives;
  const expected = truePositives + falseNegatives;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: found === 0 ? 1 : truePositives / found,
    recall: expected === 0 ? 1 : truePositives / expected,
  };
}

/** One message's callbacks against what a finder found: each distinct E.164 counts once. */
export function compareCallbacks(expected: readonly string[], found: readonly string[]) {
  const want = new Set(expected);
  const got = new Set(found);
  return {
    missed: [...want].filter((e164) => !got.has(e164)),
    invented: [...got].filter((e164) => !want.has(e164)),
    matched: [...got].filter((e164) => want.has(e164)).length,
  };
}

/** Micro-averaged callback score of a finder over messages. */
export function scoreCallbacks(
  messages: readonly PublishedMessage[],
  find: (text: string, region: CountryCode) => readonly string[],
): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const message of messages) {
    const { missed, invented, matched } = compareCallbacks(
      message.callbacks.map(({ e164 }) => e164),
      find(message.text, message.region),
    );
    tp += matched;
    fp += invented.length;
    fn += missed.length;
  }
  return score(tp, fp, fn);
}
