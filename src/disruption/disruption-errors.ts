/** A status change the workflow refuses; `code` is what a client switches on (INVALID_TRANSITION, NOT_FOUND, INVALID_VALUE). */
export class DisruptionRefusedError extends Error {
  override name = 'DisruptionRefusedError';

  constructor(
    readonly code: 'INVALID_TRANSITION' | 'NOT_FOUND' | 'INVALID_VALUE',
    message: string,
  ) {
    super(message);
  }
}
