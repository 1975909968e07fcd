/** Pieces of about this many characters: big enough to keep write calls few, small enough to let other requests in between. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The text of `JSON.stringify(value, null, 2)` plus a newline, in pieces of about 64 KB, made one
 * at a time as a download's reader asks for them: a campaign pack of several MB is never one
 * string in memory, and the event loop serves other requests between pieces. Arrays and plain
 * objects are walked; every other value (strings, numbers, Dates) is written by JSON.stringify.
 */
export function* jsonChunks(value: unknown): Generator<string> {
  let pending = '';
  for (const piece of pieces(value, '')) {
    pending += piece;
    if (pending.length >= CHUNK_CHARS) {
      yield pending;
      pending = '';
    }
  }
  yield `${pending}\n`;
}

function* pieces(value: unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      // As JSON.stringify: what it cannot write (undefined, a function) is null in an array.
      const item: unknown = value[i];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* pieces(item, inner);
    }
    return yield `\n${indent}]`;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value)) {
    // As JSON.stringify: a property it cannot write is left out.
    const entries = Object.entries(value).filter(
      ([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol',
    );
    if (entries.length === 0) return yield '{}';
    yield '{';
    for (let i = 0; i < entries.length; i++) {
      const [key, item] = entries[i] as [string, unknown];
      yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* pieces(item, inner);
    }
    return yield `\n${indent}}`;
  }
  yield JSON.stringify(value, null, 2)?.replace(/\n/g, `\n${indent}`) ?? 'null';
}
