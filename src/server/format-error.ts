import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { refusalOf } from './refusal.js';
import { excerpt, EXCERPT_CHARS, MESSAGE_CHARS } from '../text/excerpt.js';

/** Past this many items, a list in an error's extensions is cut (a batch's errors are per item, in data). */
const LIST_ITEMS = 20;
/** An excerpt and its "… (5242880 characters)". */
const EXCERPT_QUOTED = EXCERPT_CHARS + 32;

/**
 * graphql-js quotes what it got in its messages (`got invalid value "<5 MB>"`, `Cannot query
 * field "<alias>"`), and a code's own message may too: every quoted run is cut to an excerpt
 * and the whole message to MESSAGE_CHARS, so no error path echoes a large input.
 */
export function shortMessage(message: string): string {
  if (message.length <= EXCERPT_CHARS) return message;
  // An excerpt already made (with its "… (n characters)") is left as it is.
  const quotedShort = message.replace(/"([^"]*)"/g, (whole, inner: string) =>
    inner.length > EXCERPT_QUOTED ? `"${excerpt(inner)}"` : whole,
  );
  return excerpt(quotedShort, MESSAGE_CHARS);
}

/** Extensions with every string cut and every list shortened, at any depth. */
function shortValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return shortMessage(value);
  if (depth > 4) return undefined;
  if (Array.isArray(value)) return value.slice(0, LIST_ITEMS).map((item) => shortValue(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [excerpt(key), shortValue(inner, depth + 1)]));
  }
  return value;
}

/**
 * Client errors keep their code; anything unexpected becomes INTERNAL_SERVER_ERROR with no
 * message detail, stack or Cypher outside development. Messages, extensions and paths quote at
 * most a short excerpt of the input. Never throws.
 */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    // Errors of the database layer (a deadline, Neo4j unavailable) carry no code of their own: the shared mapping gives them theirs.
    const database = original instanceof GraphQLError ? null : refusalOf(original);
    if (database) return { ...formatted, message: database.message, extensions: { code: database.code } };
    const code = formatted.extensions?.['code'];
    if (code === 'INTERNAL_SERVER_ERROR' && !development) {
      const { extensions: _hidden, ...rest } = formatted;
      return { ...rest, message: 'internal error', extensions: { code } };
    }
    const { extensions, path, ...rest } = formatted;
    return {
      ...rest,
      message: shortMessage(formatted.message),
      ...(path ? { path: path.map((segment) => (typeof segment === 'string' ? excerpt(segment) : segment)) } : {}),
      ...(extensions ? { extensions: shortValue(extensions) as Record<string, unknown> } : {}),
    };
  };
}
