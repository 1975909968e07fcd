import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageRequest } from '../../src/graphql/pagination.js';

const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'accepted';
};

describe('cursors with a shape', () => {
  const shape = ['datetime', 'string'] as const;

  it('accept what the API gives out', () => {
    const cursor = encodeCursor(['2026-11-26T05:44:50.123Z', 'a1b2']);
    expect(decodeCursor(cursor, shape)).toEqual(['2026-11-26T05:44:50.123Z', 'a1b2']);
    expect(pageRequest(5, cursor, shape).after).toEqual(['2026-11-26T05:44:50.123Z', 'a1b2']);
  });

  it.each([
    ['text where a date-time belongs', ['"}) DETACH DELETE n //', 'x']],
    ['a number where a date-time belongs', [1e308, 'x']],
    ['a date-time with a day out of range', ['2026-02-30T00:00:00Z', 'x']],
    ['a date-time with no offset', ['2026-11-26T05:44:50', 'x']],
    ['too few parts', ['2026-11-26T05:44:50Z']],
    ['too many parts', ['2026-11-26T05:44:50Z', 'x', 'y']],
    ['a number where a string belongs', ['2026-11-26T05:44:50Z', 7]],
  ])('refuse %s with INVALID_CURSOR', (_name, key) => {
    expect(code(() => pageRequest(5, forged(key), shape))).toBe('INVALID_CURSOR');
  });

  it('leave shapeless connections as they were', () => {
    expect(decodeCursor(forged([1, 'x', 2]))).toEqual([1, 'x', 2]);
    expect(code(() => decodeCursor(forged([{ $gt: '' }])))).toBe('INVALID_CURSOR');
  });
});
