import type { InputErrorCode } from '../ingest/normalise/result.js';

/** A watch request refused; `code` is what a client switches on. Nothing was written. */
export class MonitoringRefusedError extends Error {
  override name = 'MonitoringRefusedError';

  constructor(
    readonly code: InputErrorCode | 'NOT_FOUND' | 'INVALID_PREFIX' | 'TOO_MANY_WATCHES' | 'INVALID_WEBHOOK_URL' | 'WEBHOOK_ADDRESS_REFUSED',
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
