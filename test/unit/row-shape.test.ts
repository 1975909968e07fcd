import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { RowShapeError, shaped } from '../../src/graph/row-shape.js';

const KEY_ROW = z.object({ key: z.object({ id: z.string(), createdAt: z.date() }) });

describe('shaped', () => {
  it('types rows that have the declared shape', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    expect(shaped('auth/list-api-keys', KEY_ROW, [{ key: { id: 'a', createdAt: at } }])).toEqual([{ key: { id: 'a', createdAt: at } }]);
  });

  it('names the statement, the row, the column and an excerpt of what arrived when a row differs', () => {
    const rows = [{ key: { id: 'a', createdAt: new Date() } }, { key: { id: 7, createdAt: new Date(), note: 'x'.repeat(500) } }];
    expect(() => shaped('auth/list-api-keys', KEY_ROW, rows)).toThrow(RowShapeError);
    expect(() => shaped('auth/list-api-keys', KEY_ROW, rows)).toThrow(
      /^auth\/list-api-keys, row 1: key\.id: .*string.*; got \{"key":\{"id":7,/,
    );
    try {
      shaped('auth/list-api-keys', KEY_ROW, rows);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(400);
    }
  });
});
