import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { DeadlineExceededError } from '../graph/deadline.js';
import { DatabaseUnavailableError } from '../graph/executor.js';
import { httpStatusOf, isErrorCode, type ErrorCode } from '../graphql/error-codes.js';

/** A request refused with a registry code: what every HTTP route and GraphQL answer for it. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly message: string;
  /** RATE_LIMITED and IN_FLIGHT style refusals: when to ask again (also the Retry-After header). */
  readonly retryAfterSeconds?: number;
}

const DEADLINE_MESSAGE = 'the request ran out of time and its database work was stopped; ask for less, or retry later';
const DATABASE_UNAVAILABLE_MESSAGE = 'the graph database is unavailable; retry later';

/**
 * The refusal an error stands for, or null for an unexpected one (a defect, answered as
 * INTERNAL_SERVER_ERROR without detail). One mapping for GraphQL's error formatter and for every
 * download route (feeds, evidence files, TAXII), so a code means the same wherever it is met.
 */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof DeadlineExceededError) return { code: 'DEADLINE_EXCEEDED', message: DEADLINE_MESSAGE };
  if (error instanceof DatabaseUnavailableError) return { code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE };
  if (!(error instanceof GraphQLError)) return null;
  const code = String(error.extensions['code']);
  if (!isErrorCode(code) || code === 'INTERNAL_SERVER_ERROR') return null;
  const retry = error.extensions['retryAfterSeconds'];
  return { code, message: error.message, ...(typeof retry === 'number' ? { retryAfterSeconds: retry } : {}) };
}

/** Sets the refusal's HTTP status and Retry-After; the route writes the body in its own protocol's shape. */
export function refusalStatus(response: Response, refusal: Refusal): number {
  if (refusal.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(refusal.retryAfterSeconds));
  const status = httpStatusOf(refusal.code);
  response.status(status);
  return status;
}

/** A download's refusal as GraphQL over HTTP shapes an error: `{ errors: [{ message, extensions: { code } }] }`. */
export function refuseAsGraphql(response: Response, refusal: Refusal, extensions: Record<string, unknown> = {}): Response {
  refusalStatus(response, refusal);
  return response.json({ errors: [{ message: refusal.message, extensions: { code: refusal.code, ...extensions } }] });
}
