import { GraphQLError } from 'graphql';
import type { InputError } from '../ingest/report-input.js';
import { httpStatusOf, isErrorCode, type ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

/** The one error class resolvers throw: it carries its code, and never a stack or Cypher. */
export class ScamgraphError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** An error that refuses a whole request: its code's HTTP status (src/graphql/error-codes.ts) rides along. */
export const refusal = (code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): ScamgraphError =>
  new ScamgraphError(code, message, { ...extensions, http: { status: httpStatusOf(code) } });

/**
 * Bad arguments: the first error's code, with every error listed for the client to fix at once.
 * Domain modules name input codes as strings; one missing from the registry is a fault to fix
 * there, so it answers INTERNAL_SERVER_ERROR rather than a code no client knows.
 */
export function badInput(errors: readonly InputError[]): ScamgraphError {
  const [first] = errors;
  const code = first?.code ?? 'BAD_USER_INPUT';
  if (!isErrorCode(code))
    return new ScamgraphError('INTERNAL_SERVER_ERROR', `input error code ${code} is not in src/graphql/error-codes.ts`);
  return new ScamgraphError(code, first?.message ?? 'invalid input', { errors });
}

/** A contract field not built yet: says so, rather than answering wrong. */
export function notBuilt(field: string): ScamgraphError {
  return new ScamgraphError('NOT_IMPLEMENTED', `${field} is not built yet`);
}
