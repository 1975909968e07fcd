import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkParams, reportRows } from '../../src/ingest/batch-write.js';
import { feedIndicator } from '../../src/monitoring/feed-formats.js';
import { writeRow } from '../helpers/write-row.js';

const row = (index: number, reportedAt: string | null, callbacks: string[], domains: string[], slug: string | null) =>
  writeRow(index, { reportedAt, callbacks, domains, slug });

const NUMBERS = ['+61400000001', '+61400000002', '+61400000003'];
const DOMAINS = ['a.example', 'b.example'];
const BRANDS = ['brand-a', 'brand-b'];
/** The id the feeds and TAXII publish for an indicator: what ingest must store on its node. */
const publishedId = (kind: 'phone' | 'domain', value: string) =>
  feedIndicator({ kind, value, verdict: 'HIGH_RISK', score: 90, reasons: [] }, '2026-01-01T00:00:00.000Z').id;
const arbitraryRow = fc.record({
  // null: a report of an undated source, which moves no first or last seen.
  day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
  phones: fc.uniqueArray(fc.constantFrom(...NUMBERS), { maxLength: 3 }),
  domains: fc.uniqueArray(fc.constantFrom(...DOMAINS), { maxLength: 2 }),
  brand: fc.option(fc.constantFrom(...BRANDS), { nil: null }),
});

describe('linkParams', () => {
  it('totals each node and pair over the new reports alone, in key order', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRow, { minLength: 1, maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        (specs, isNew) => {
          const rows = specs.map((spec, i) =>
            row(
              i,
              spec.day === null ? null : `2026-01-${String(spec.day).padStart(2, '0')}T00:00:00.000Z`,
              spec.phones,
              spec.domains,
              spec.brand,
            ),
          );
          const nodes = new Map(rows.filter((_, i) => isNew[i]).map((r) => [r.index, `node-${r.index}`]));
          const params = linkParams(rows, nodes);
          const fresh = rows.filter((r) => nodes.has(r.index));
          if (fresh.every((r) => r.phones.length + r.domains.length + r.brands.length === 0)) {
            expect(params).toBeNull();
            return;
          }
          const part = params!.part;
          // Each number once, its report count and role links those of the new reports naming it.
          for (const phone of part.phones) {
            const naming = fresh.filter((r) => r.phones.some((p) => p.e164 === phone.e164));
            expect(phone.reports).toBe(naming.length);
            expect(phone.stixId).toBe(publishedId('phone', phone.e164));
            expect(phone.callbacks.map((link) => link.report)).toEqual(naming.map((r) => `node-${r.index}`));
            const dates = naming.flatMap((r) => (r.reportedAt === null ? [] : [r.reportedAt])).sort();
            expect(phone.first).toBe(dates[0] ?? null);
            expect(phone.last).toBe(dates.at(-1) ?? null);
          }
          expect(part.phones.map((p) => p.e164)).toEqual([...new Set(fresh.flatMap((r) => r.phones.map((p) => p.e164)))].sort());
          for (const domain of part.domains) expect(domain.stixId).toBe(publishedId('domain', domain.name));
          // A pair counts the new reports naming both ends.
          for (const pair of part.callbackWith) {
            expect(pair.reports).toBe(
              fresh.filter((r) => r.phones.some((p) => p.e164 === pair.e164) && r.domains.some((d) => d.name === pair.name)).length,
            );
          }
          for (const list of [
            part.brands.map((b) => b.slug),
            part.domains.map((d) => d.name),
            part.callbackFor.map((p) => `${p.e164}\u0000${p.slug}`),
          ]) {
            expect(list).toEqual([...list].sort());
          }
        },
      ),
    );
  });

  it('answers null when no report of the part is new', () => {
    expect(linkParams([row(0, '2026-01-01T00:00:00.000Z', NUMBERS, DOMAINS, 'brand-a')], new Map())).toBeNull();
  });
});

describe('reportRows', () => {
  it('sorts the reports by source and externalId, whatever order they came in', () => {
    const rows = [row(0, '2026-01-01T00:00:00.000Z', [], [], null), row(1, '2026-01-01T00:00:00.000Z', [], [], null)].reverse();
    expect(reportRows(rows).reports.map((r) => r.externalId)).toEqual(['x0', 'x1']);
  });
});
