import fc from 'fast-check';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/graph/values.js';

// toPlain reads temporal values from their fields; the driver's own ISO text is the reference.
const instant = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true });
// Whole minutes: JavaScript cannot parse the ISO text of an offset with seconds, which Neo4j allows.
const offsetSeconds = fc.integer({ min: -18 * 60, max: 18 * 60 }).map((minutes) => minutes * 60);
const nanosecond = fc.integer({ min: 0, max: 999_999_999 });

describe('toPlain on temporal values', () => {
  it('a DateTime with an offset is the instant its ISO text names', () => {
    fc.assert(
      fc.property(instant, offsetSeconds, nanosecond, (at, offset, nanos) => {
        const local = new Date(at.getTime() + offset * 1000);
        const value = new neo4j.types.DateTime(
          local.getUTCFullYear(),
          local.getUTCMonth() + 1,
          local.getUTCDate(),
          local.getUTCHours(),
          local.getUTCMinutes(),
          local.getUTCSeconds(),
          nanos,
          offset,
        );
        expect((toPlain(value) as Date).getTime()).toBe(new Date(value.toString()).getTime());
      }),
    );
  });

  it('a Date and a LocalDateTime are read as UTC', () => {
    fc.assert(
      fc.property(instant, nanosecond, (at, nanos) => {
        const [y, m, d] = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
        const date = new neo4j.types.Date(y, m, d);
        expect((toPlain(date) as Date).toISOString()).toBe(`${date.toString()}T00:00:00.000Z`);
        const local = new neo4j.types.LocalDateTime(y, m, d, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), nanos);
        expect((toPlain(local) as Date).getTime()).toBe(new Date(`${local.toString()}Z`).getTime());
      }),
    );
  });

  it('reads Integer fields, as a driver that keeps integers exact gives them', () => {
    const at = new neo4j.types.DateTime(
      neo4j.int(2026),
      neo4j.int(11),
      neo4j.int(26),
      neo4j.int(8),
      neo4j.int(30),
      neo4j.int(5),
      neo4j.int(7_000_000),
      neo4j.int(3600),
    );
    expect(toPlain(at)).toEqual(new Date('2026-11-26T07:30:05.007Z'));
  });

  it('nested in maps and lists, beside integers', () => {
    const at = new neo4j.types.DateTime(2026, 11, 26, 8, 30, 0, 0, 0);
    expect(toPlain({ seen: [at], count: neo4j.int(3) })).toEqual({ seen: [new Date('2026-11-26T08:30:00Z')], count: 3 });
  });
});
