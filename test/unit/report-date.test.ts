import { describe, expect, it } from 'vitest';
import { validateReport, type UndatedAs } from '../../src/ingest/validate-report.js';

const now = new Date('2026-06-01T12:00:00Z');
const dated = (fields: Record<string, unknown>, undated: UndatedAs) => {
  const validation = validateReport(
    { channel: 'SMS', callbackNumbers: ['0412 345 678'], ...fields },
    { defaultSource: 'test', brands: [], textExcerptMax: 500, now, undated },
  );
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return { receivedAt: validation.report.receivedAt.toISOString(), reportedAt: validation.report.reportedAt?.toISOString() ?? null };
};

describe("a report's own date", () => {
  it('is its receipt for a submission that gives no date, and none for an import that gives none', () => {
    expect(dated({}, 'receipt')).toEqual({ receivedAt: now.toISOString(), reportedAt: now.toISOString() });
    expect(dated({}, 'unknown')).toEqual({ receivedAt: now.toISOString(), reportedAt: null });
  });

  it('is the receivedAt a source gives, or its reportedAt apart from the receipt', () => {
    const day = '2026-01-05T09:00:00.000Z';
    for (const undated of ['receipt', 'unknown'] as const) {
      expect(dated({ receivedAt: new Date(day) }, undated)).toEqual({ receivedAt: day, reportedAt: day });
      expect(dated({ reportedAt: new Date(day) }, undated)).toEqual({ receivedAt: now.toISOString(), reportedAt: day });
    }
  });

  it('refuses a reportedAt before 1990 or in the future', () => {
    for (const reportedAt of [new Date('1980-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')]) {
      const validation = validateReport(
        { channel: 'SMS', callbackNumbers: ['0412 345 678'], reportedAt },
        { defaultSource: 'test', brands: [], textExcerptMax: 500, now, undated: 'receipt' },
      );
      expect(validation.ok ? [] : validation.errors.map((error) => [error.field, error.code])).toEqual([['reportedAt', 'INVALID_DATE']]);
    }
  });
});
