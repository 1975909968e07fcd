import type { ErrorCode } from '../graphql/error-codes.js';

/** A TAXII request refused; `code` is one of the registry's (src/graphql/error-codes.ts), answered with its status. */
export class TaxiiRefusedError extends Error {
  override name = 'TaxiiRefusedError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
