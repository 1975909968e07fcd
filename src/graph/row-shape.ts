import type { z } from 'zod';
import { excerpt } from '../text/excerpt.js';
import type { StatementName } from './cypher-registry.js';
import type { Row } from './executor.js';

/** A statement answered other columns than its caller declared: a defect, never the caller's input. */
export class RowShapeError extends Error {
  override name = 'RowShapeError';
}

/**
 * A statement's rows checked against the shape its caller declares beside the call (a zod
 * schema): services get typed values instead of `row['x'] as T`, and a statement that answers
 * other columns fails here, naming the statement, the column and what arrived, not later in a
 * service as an `undefined`. Integration tests run every statement, so they check every shape.
 */
export function shaped<T>(statement: StatementName, shape: z.ZodType<T>, rows: readonly Row[]): T[] {
  return rows.map((row, i) => {
    const parsed = shape.safeParse(row);
    if (parsed.success) return parsed.data;
    const [issue] = parsed.error.issues;
    const at = issue?.path.map(String).join('.') || 'the row';
    throw new RowShapeError(
      `${statement}, row ${i}: ${at}: ${issue?.message ?? 'unexpected'}; got ${excerpt(JSON.stringify(row) ?? String(row), 200)}`,
    );
  });
}
