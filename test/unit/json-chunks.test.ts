import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/evidence/json-chunks.js';

const joined = (value: unknown) => [...jsonChunks(value)].join('');

describe('jsonChunks (streamed evidence downloads)', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(joined(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
    );
  });

  it('writes Dates, undefined and nested empties as JSON.stringify does', () => {
    const value = { at: new Date(0), gone: undefined, list: [undefined, [], {}, { deep: [1, { x: null }] }], text: 'a\nb' };
    expect(joined(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('comes in pieces of about 64 KB, never one string of the whole', () => {
    const big = { reports: Array.from({ length: 5_000 }, (_, i) => ({ id: `report-${i}`, text: 'x'.repeat(100) })) };
    const chunks = [...jsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(70 * 1024);
  });
});
