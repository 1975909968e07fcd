import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DatabaseUnavailableError } from '../graph/executor.js';

/**
 * Client errors keep their code; anything unexpected becomes INTERNAL_SERVER_ERROR with no
 * message detail, stack or Cypher outside development. Never throws.
 */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DatabaseUnavailableError) {
      return { ...formatted, message: 'the graph database is unavailable; retry later', extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    const code = formatted.extensions?.['code'];
    if (code === 'INTERNAL_SERVER_ERROR' && !development) {
      const { extensions: _hidden, ...rest } = formatted;
      return { ...rest, message: 'internal error', extensions: { code } };
    }
    return formatted;
  };
}
