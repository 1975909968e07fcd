import { GraphQLError } from 'graphql';
import type { InputError } from '../ingest/report-input.js';

/** Codes a client can switch on, in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_IMPLEMENTED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'DETECTION_IN_PROGRESS'
  | 'ENGINE_UNAVAILABLE'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'COST_BUDGET_EXCEEDED'
  | 'TOO_MANY_IN_FLIGHT'
  | 'DEADLINE_EXCEEDED'
  | 'TOO_BUSY'
  | InputError['code'];

/** The one error class resolvers throw: it carries its code, and never a stack or Cypher. */
export class ScamgraphError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Bad arguments: the first error's code, with every error listed for the client to fix at once. */
export function badInput(errors: readonly InputError[]): ScamgraphError {
  const [first] = errors;
  return new ScamgraphError(first?.code ?? 'BAD_USER_INPUT', first?.message ?? 'invalid input', { errors });
}

/** A contract field whose issue has not landed yet: says so, rather than answering wrong. */
export function notBuilt(field: string, issue: number): ScamgraphError {
  return new ScamgraphError('NOT_IMPLEMENTED', `${field} is not built yet (issue ${issue})`);
}
