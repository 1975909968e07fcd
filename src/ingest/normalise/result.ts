/** Codes a client can act on; every rejected field carries one. */
export type InputErrorCode =
  | 'INVALID_PHONE_NUMBER'
  | 'INVALID_URL'
  | 'INVALID_DOMAIN'
  | 'INVALID_EMAIL'
  | 'INVALID_WALLET'
  | 'INVALID_BANK_ACCOUNT'
  | 'INVALID_REGION'
  | 'INVALID_DATE'
  | 'INVALID_VALUE'
  | 'TOO_LONG'
  | 'TOO_MANY'
  | 'EMPTY_REPORT'
  | 'BATCH_TOO_LARGE';

export type Normalised<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: InputErrorCode; readonly message: string };

export const accept = <T>(value: T): Normalised<T> => ({ ok: true, value });

export const reject = <T = never>(code: InputErrorCode, message: string): Normalised<T> => ({
  ok: false,
  code,
  message,
});
