import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DeadlineExceededError } from '../../src/graph/deadline.js';
import { DatabaseUnavailableError } from '../../src/graph/executor.js';
import { refusalOf } from '../../src/server/refusal.js';

// One mapping from errors to coded refusals, for GraphQL and for every download route.
describe('refusalOf', () => {
  it('gives the database layer its codes', () => {
    expect(refusalOf(new DeadlineExceededError('took 30 s'))?.code).toBe('DEADLINE_EXCEEDED');
    expect(refusalOf(new DatabaseUnavailableError('connection refused'))?.code).toBe('DATABASE_UNAVAILABLE');
    // The driver's own words never reach a client.
    expect(refusalOf(new DatabaseUnavailableError('connection refused'))?.message).not.toContain('refused');
  });

  it("keeps a coded GraphQL error's code, message and retry delay", () => {
    const limited = new GraphQLError('too many requests', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12 } });
    expect(refusalOf(limited)).toEqual({ code: 'RATE_LIMITED', message: 'too many requests', retryAfterSeconds: 12 });
    expect(refusalOf(new GraphQLError('no key', { extensions: { code: 'UNAUTHENTICATED' } }))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'no key',
    });
  });

  it('leaves defects and unknown codes to the caller, as internal errors', () => {
    expect(refusalOf(new Error('bug'))).toBeNull();
    expect(refusalOf(new GraphQLError('x', { extensions: { code: 'MADE_UP' } }))).toBeNull();
    expect(refusalOf(new GraphQLError('x', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }))).toBeNull();
    expect(refusalOf('a string')).toBeNull();
  });
});
