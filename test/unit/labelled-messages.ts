import { readFileSync } from 'node:fs';
import { extractIndicators, type ExtractedIndicators } from '../../src/ingest/extraction/extract-indicators.js';
import type { CountryCode } from '../../src/ingest/normalise/phone.js';

/** What a person reading the message found in it (test/fixtures/labelled/README.md gives the rules). */
export interface ExpectedIndicators {
  readonly callbackNumbers: readonly string[];
  readonly shortCodes: readonly string[];
  readonly urls: readonly string[];
  readonly emails: readonly string[];
}

/** One hand-labelled message: where it comes from, the region its numbers are read in, what it holds. */
export interface LabelledMessage {
  readonly source: 'SMSSpamCollection' | 'Dataset_5971.csv';
  /** SMSSpamCollection: line number; Dataset_5971.csv: data row after the header. Both from 1. */
  readonly row: number;
  readonly label: string;
  readonly region: CountryCode;
  /** random: the seeded sample; targeted: picked for a hard case; held-out: labelled after the extractor was tuned on the rest. */
  readonly pick: 'random' | 'targeted' | 'held-out';
  readonly text: string;
  readonly expected: ExpectedIndicators;
  /** Why a judgement call went the way it did. */
  readonly note?: string;
}

export const INDICATOR_KINDS = ['callbackNumbers', 'shortCodes', 'urls', 'emails'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface KindScore {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** 1 when nothing was found (no false claim was made). */
  readonly precision: number;
  /** 1 when nothing was expected. */
  readonly recall: number;
}

/** A message where the extractor and the label disagree on one kind. */
export interface Disagreement {
  readonly message: LabelledMessage;
  readonly kind: IndicatorKind;
  readonly missed: readonly string[];
  readonly invented: readonly string[];
}

const FIXTURE = new URL('../fixtures/labelled/messages.jsonl', import.meta.url);

/** The hand-labelled fixture, one message per line. */
export function labelledMessages(): LabelledMessage[] {
  return readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as LabelledMessage;
      } catch (error) {
        throw new Error(`messages.jsonl line ${index + 1} is not JSON: ${String(error)}`);
      }
    });
}

/** What the extractor found, per kind, in the form the labels use. */
export function foundIndicators(found: ExtractedIndicators): Record<IndicatorKind, string[]> {
  return {
    callbackNumbers: found.phones.filter((phone) => phone.role === 'CALLBACK').map((phone) => phone.e164),
    shortCodes: [...found.shortCodes],
    urls: found.urls.map((url) => url.url),
    emails: found.emails.map((email) => email.address),
  };
}

/**
 * Precision and recall per kind, micro-averaged: every distinct expected or found value in a
 * message counts once. Each message is extracted in its own labelled region.
 */
export function measureExtraction(messages: readonly LabelledMessage[]): {
  scores: Record<IndicatorKind, KindScore>;
  disagreements: Disagreement[];
} {
  const counts = Object.fromEntries(INDICATOR_KINDS.map((kind) => [kind, { tp: 0, fp: 0, fn: 0 }])) as Record<
    IndicatorKind,
    { tp: number; fp: number; fn: number }
  >;
  const disagreements: Disagreement[] = [];
  for (const message of messages) {
    const found = foundIndicators(extractIndicators(message.text, message.region));
    for (const kind of INDICATOR_KINDS) {
      const expected = new Set(message.expected[kind]);
      const got = new Set(found[kind]);
      const missed = [...expected].filter((value) => !got.has(value));
      const invented = [...got].filter((value) => !expected.has(value));
      counts[kind].tp += expected.size - missed.length;
      counts[kind].fn += missed.length;
      counts[kind].fp += invented.length;
      if (missed.length > 0 || invented.length > 0) disagreements.push({ message, kind, missed, invented });
    }
  }
  const scores = Object.fromEntries(
    INDICATOR_KINDS.map((kind) => {
      const { tp, fp, fn } = counts[kind];
      const score: KindScore = {
        truePositives: tp,
        falsePositives: fp,
        falseNegatives: fn,
        precision: tp + fp === 0 ? 1 : tp / (tp + fp),
        recall: tp + fn === 0 ? 1 : tp / (tp + fn),
      };
      return [kind, score];
    }),
  ) as Record<IndicatorKind, KindScore>;
  return { scores, disagreements };
}
