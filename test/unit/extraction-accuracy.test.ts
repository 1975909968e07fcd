import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../src/ingest/normalise/email.js';
import { normalisePhoneNumber, parseRegion } from '../../src/ingest/normalise/phone.js';
import { normaliseUrl } from '../../src/ingest/normalise/url.js';
import { labelledMessages, measureExtraction, type IndicatorKind } from './labelled-messages.js';
import { smsPhishingDataset, smsSpamCollection } from './real-messages.js';

// Ground truth labelled by reading each message (test/fixtures/labelled/README.md).
const fixture = labelledMessages();
const { scores, disagreements } = measureExtraction(fixture);

/** The targets for callback numbers; for the rest, what the extractor reached, rounded down. */
const FLOORS: Record<IndicatorKind, { precision: number; recall: number }> = {
  callbackNumbers: { precision: 0.99, recall: 0.98 },
  shortCodes: { precision: 1, recall: 0.9 },
  urls: { precision: 0.94, recall: 0.92 },
  emails: { precision: 1, recall: 1 },
};

const where = (kind: IndicatorKind) =>
  disagreements
    .filter((disagreement) => disagreement.kind === kind)
    .map(
      ({ message, missed, invented }) =>
        `${message.source}:${message.row} missed ${missed.join(' ') || '-'}, invented ${invented.join(' ') || '-'}`,
    )
    .join('\n');

describe('the hand-labelled fixture', () => {
  it('holds at least 200 messages, each the unchanged text of its source row', () => {
    const sources = { SMSSpamCollection: smsSpamCollection(), 'Dataset_5971.csv': smsPhishingDataset() };
    expect(fixture.length).toBeGreaterThanOrEqual(200);
    for (const { source, row, text, label } of fixture) {
      expect(sources[source][row - 1], `${source}:${row}`).toEqual(expect.objectContaining({ text, label }));
    }
    expect(new Set(fixture.map(({ source, row }) => `${source}:${row}`)).size).toBe(fixture.length);
  });

  it('labels every indicator in the canonical form its normaliser gives', () => {
    for (const { source, row, region, expected } of fixture) {
      const at = `${source}:${row}`;
      expect(parseRegion(region), at).toEqual({ ok: true, value: region });
      for (const e164 of expected.callbackNumbers) expect(normalisePhoneNumber(e164), at).toMatchObject({ value: { e164 } });
      for (const url of expected.urls) expect(normaliseUrl(url), at).toMatchObject({ value: { url } });
      for (const address of expected.emails) expect(normaliseEmail(address), at).toMatchObject({ value: { address } });
      for (const code of expected.shortCodes) expect(code, at).toMatch(/^\d{3,6}$/);
    }
  });
});

describe('extraction measured against the hand-labelled fixture', () => {
  for (const kind of Object.keys(FLOORS) as IndicatorKind[]) {
    it(`${kind}: precision >= ${FLOORS[kind].precision}, recall >= ${FLOORS[kind].recall}`, () => {
      expect(scores[kind].precision, where(kind)).toBeGreaterThanOrEqual(FLOORS[kind].precision);
      expect(scores[kind].recall, where(kind)).toBeGreaterThanOrEqual(FLOORS[kind].recall);
    });
  }
});
