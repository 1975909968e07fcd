import { createHash } from 'node:crypto';

/**
 * JSON with the keys of every object sorted (by UTF-16 code units, as RFC 8785 sorts them) and
 * undefined members dropped: one text for one value, whatever order it was built in. For the
 * strings, integers, booleans and nulls that packs and STIX ids hold, this is RFC 8785's form.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sortKeys(inner)]),
  );
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
